"""A team manager reads a child's chronology, filters it, marks and adds by keyboard, and prints it."""

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.people import services as people
from frontdoor.records.models import ChronologyEntry, SignificanceMark
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import tab_to
from tests.conftest import make_user
from tests.factories import PersonFactory
from tests.records.test_chronology import happened

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/chrono-shots")


def test_a_manager_filters_marks_adds_to_and_prints_a_chronology(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    manager = make_user(Role.TEAM_MANAGER)
    child = PersonFactory(first_name="Ruby", last_name="Shaw", date_of_birth=date(2015, 6, 1))
    brother = PersonFactory(first_name="Sam", last_name="Shaw", date_of_birth=date(2013, 2, 9))
    people.add_relationship(person=child, relative=brother, kind="sibling", by=manager)
    happened(child, "contact.recorded", date(2024, 1, 5), "Contact C0000012 from schools", by=manager)
    happened(child, "referral.opened", date(2024, 1, 6), "Referral opened", by=manager)
    happened(child, "strategy.decided", date(2024, 1, 9), "Strategy discussion: section 47 (joint)", by=manager)
    happened(child, "visit.recorded", date(2024, 3, 1), "Visit: child seen alone", by=manager)
    happened(brother, "referral.opened", date(2024, 1, 6), "Sam's referral opened", by=manager)
    SHOTS.mkdir(exist_ok=True)

    page = sign_in(manager, f"/people/{child.pk}/")
    link = page.get_by_role("link", name="Chronology", exact=True)
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name="Chronology")).to_be_visible()
    expect(page.get_by_text("Showing 1 to 4 of 4 entries")).to_be_visible()
    assert_accessible(page)

    # Filter to strategy discussions and visits, by keyboard.
    summary = page.locator(".govuk-details__summary")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    for name in ("Strategy discussion", "Visit"):
        tab_to(page, page.get_by_label(name, exact=True))
        page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Apply filters"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Showing 1 to 2 of 2 entries")).to_be_visible()
    expect(page.get_by_text("Referral opened")).to_have_count(0)
    assert_accessible(page)

    mark = page.get_by_role("button", name=re.compile(r"Mark significant.*9 January 2024"))
    tab_to(page, mark)
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Marked as significant")
    expect(page.get_by_text("Showing 1 to 2 of 2 entries")).to_be_visible()  # the filters were kept
    assert SignificanceMark.objects.filter(marked_by=manager, unmarked_at=None).count() == 1
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "chronology.png"), full_page=True)

    add = page.get_by_role("link", name="Add an entry")
    tab_to(page, add)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add to Ruby Shaw's chronology")
    tab_to(page, page.get_by_role("button", name="Add the entry"))
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter date it happened")
    assert_accessible(page)
    tab_to(page, page.get_by_label("Day"))
    page.keyboard.type("10")
    page.keyboard.press("Tab")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.type("2024")
    tab_to(page, page.get_by_label("What happened"))
    page.keyboard.type("Seen at A&E with a bruised cheek; said she fell from her bike.")
    tab_to(page, page.get_by_label("Source"))
    page.keyboard.type("Hospital discharge letter")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Entry added")
    expect(page.get_by_text("Source: Hospital discharge letter")).to_be_visible()
    assert ChronologyEntry.objects.get(child=child).recorded_by == manager

    page.get_by_role("link", name="See it with brothers and sisters").click()
    expect(page.get_by_role("cell", name="Sam's referral opened", exact=True)).to_be_visible()
    expect(page.get_by_role("columnheader", name="Child")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "chronology-family.png"), full_page=True)

    page.goto(page.url.replace("/family/", "/"))
    printing = page.get_by_role("link", name="Print this chronology")
    tab_to(page, printing)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Chronology of Ruby Shaw")
    expect(page.locator(".fd-print__facts")).to_contain_text(f"{manager.display_name}, team manager, on")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "chronology-print-screen.png"), full_page=True)
    page.emulate_media(media="print")
    expect(page.locator(".govuk-template__header")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(page.get_by_text("Seen at A&E")).to_be_visible()
    page.screenshot(path=str(SHOTS / "chronology-print.png"), full_page=True)
    page.pdf(path=str(SHOTS / "chronology.pdf"))

"""From a referral to a plan in the browser: a strategy discussion for two siblings, the enquiry, the conference."""

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.casework import services as casework
from frontdoor.people.services import add_relationship
from frontdoor.protection import services
from frontdoor.protection.models import ChildProtectionPlan, Section47
from frontdoor.timescales.calendar import council_calendar
from tests.browser.accessibility import assert_accessible
from tests.conftest import make_user
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page: Page, label: str, day) -> None:  # type: ignore[no-untyped-def]
    group = page.get_by_role("group", name=label)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def test_a_manager_takes_two_siblings_from_a_strategy_discussion_to_a_plan(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    manager = make_user(Role.TEAM_MANAGER)
    mia, noah = PersonFactory(first_name="Mia", last_name="Cole"), PersonFactory(first_name="Noah", last_name="Cole")
    add_relationship(person=mia, relative=noah, kind="sibling", by=manager)
    calendar = council_calendar()
    day = timezone.localdate() - timedelta(days=20)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    referral = casework.open_referral(person=mia, by=manager, referral_date=day, source="5A")
    casework.open_referral(person=noah, by=manager, referral_date=day, source="5A")

    page = sign_in(manager, f"/casework/referrals/{referral.pk}/")
    page.get_by_role("link", name="Record a strategy discussion").click()
    assert_accessible(page)
    fill_date(page, "Date", day)
    page.get_by_label("Time").fill("10:30")
    page.get_by_label("Strategy meeting").check()
    page.get_by_label("Agency 1").select_option("police")
    page.get_by_label("Name 1").fill("DC Sam Reid")
    page.get_by_label("Agency 2").select_option("health")
    page.get_by_label("Name 2").fill("Dr Anna Kerr")
    page.get_by_label("Information shared").fill("Mia disclosed that her stepfather hit her; Noah was present.")
    for name in ("Mia Cole", "Noah Cole"):
        page.get_by_role("group", name=f"Decision for {name}").get_by_label(
            "Section 47 enquiry jointly with the police"
        ).check()
        page.get_by_label(f"Reasons for the decision about {name}").fill("Disclosure of physical harm.")
    page.get_by_role("button", name="Record the strategy discussion").click()
    expect(page.get_by_text("Strategy discussion recorded")).to_be_visible()
    assert_accessible(page)
    assert Section47.objects.count() == 2

    page.get_by_role("link", name="Section 47 enquiry for Mia Cole").click()
    assert_accessible(page)
    page.get_by_role("link", name="Record the initial conference").click()
    assert_accessible(page)
    conference_day = calendar.add_working_days(day, 5)
    fill_date(page, "Date of the conference", conference_day)
    page.get_by_label("Chaired by").fill("Jo Hart, independent reviewing officer")
    page.get_by_label("Agency 1").select_option("police")
    page.get_by_label("Name 1").fill("DC Sam Reid")
    page.get_by_role("group", name="Did the conference decide").get_by_label("Yes").check()
    page.get_by_label("Physical abuse").check()
    page.get_by_role("button", name="Record the conference").click()
    expect(page.get_by_text("Initial child protection conference recorded")).to_be_visible()
    plan = ChildProtectionPlan.objects.get()
    assert plan.started_on == conference_day

    page.get_by_role("link", name="The child protection plan").click()
    expect(page.get_by_text("Next review conference")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Record a visit").click()
    assert_accessible(page)
    page.get_by_role("group", name="Was the child seen?").get_by_label("Yes").check()
    page.get_by_label("The child was seen alone").check()
    page.get_by_label("What you saw and what the child said").fill("Mia showed me her room.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("cell", name="Yes").first).to_be_visible()
    page.goto(page.url.split("/protection/")[0] + "/protection/plans/")
    expect(page.get_by_role("link", name="Mia Cole")).to_be_visible()
    assert_accessible(page)
    page.goto(page.url.split("/protection/")[0] + f"/people/{mia.pk}/")
    expect(page.get_by_text("Child protection plan", exact=True).first).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("page_name", ["outcome", "review", "core-group", "end", "awaiting", "order"])
def test_the_other_child_protection_pages_pass_the_accessibility_checks(
    sign_in: Callable[..., Page], page_name: str
) -> None:
    LocalAuthority.load()
    manager = make_user(Role.TEAM_MANAGER)
    day = timezone.localdate() - timedelta(days=30)
    referral = casework.open_referral(person=PersonFactory(), by=manager, referral_date=day, source="5A")
    services.record_strategy_discussion(
        by=manager,
        held_at=timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=10))),
        kind="discussion",
        information_shared="Bruising.",
        children=[services.ChildDecision(referral, "s47_single", "Injury.")],
        participants=[services.Participant("police", "DC Reid")],
    )
    enquiry = Section47.objects.get()
    calendar = council_calendar()
    held_on = calendar.add_working_days(day, 3)
    services.hold_initial_conference(
        section_47=enquiry,
        by=manager,
        held_on=held_on,
        needs_plan=True,
        category="NEG",
        chaired_by="Jo Hart",
        attendees=[services.Attendee("police", "DC Reid")],
    )
    plan = ChildProtectionPlan.objects.get()
    path = {
        "outcome": f"/protection/section-47s/{enquiry.pk}/outcome/",
        "review": f"/protection/plans/{plan.pk}/review/",
        "core-group": f"/protection/plans/{plan.pk}/core-group/",
        "end": f"/protection/plans/{plan.pk}/end/",
        "awaiting": "/protection/section-47s/",
        "order": f"/protection/referrals/{referral.pk}/orders/",
    }[page_name]
    page = sign_in(manager, path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

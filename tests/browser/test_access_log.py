"""An auditor reads who saw a child and what a user saw, filters by date and pages through, by keyboard."""

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.records.models import AccessLog
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import tab_to
from tests.conftest import make_user
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONDON = ZoneInfo("Europe/London")
SHOTS = Path("/tmp/access-log-shots")


def test_a_service_manager_reads_who_saw_a_child_and_what_a_worker_saw(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    manager = make_user(Role.SERVICE_MANAGER)
    worker = make_user(Role.SOCIAL_WORKER)
    child = PersonFactory(first_name="Ruby", last_name="Shaw")
    for day in range(1, 28):
        AccessLog.objects.create(
            user=worker, child=child, viewed="person page", at=datetime(2026, 2, day, 10, 0, tzinfo=LONDON)
        )
    for minute in range(30):
        AccessLog.objects.create(
            user=worker, child=child, viewed="chronology", at=datetime(2026, 3, 2, 9, minute, tzinfo=LONDON)
        )
    AccessLog.objects.create(
        user=worker, child=child, viewed="contact", allowed=False, at=datetime(2026, 3, 3, 9, 0, tzinfo=LONDON)
    )
    SHOTS.mkdir(exist_ok=True)

    page = sign_in(manager, f"/people/{child.pk}/")
    link = page.get_by_role("link", name="Who saw Ruby Shaw's record")
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who saw Ruby Shaw's record")
    # 58 earlier reads, and the manager's own of the child's page and of this one: two pages.
    expect(page.get_by_text("Showing 1 to 50 of 60 reads, all dates.")).to_be_visible()
    expect(page.get_by_text("Refused", exact=True)).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "who-saw.png"), full_page=True)

    tab_to(page, page.get_by_role("link", name="Next page"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    assert_accessible(page)

    # March only, typed into the date boxes.
    tab_to(page, page.locator("#id_since_day"))
    for part in ("1", "3", "2026"):
        page.keyboard.type(part)
        page.keyboard.press("Tab")
    for part in ("31", "3", "2026"):
        page.keyboard.type(part)
        page.keyboard.press("Tab")
    tab_to(page, page.get_by_role("button", name="Show these dates"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Showing 1 to 31 of 31 reads, from 1 March 2026 to 31 March 2026.")).to_be_visible()
    assert "since_day=1" in page.get_by_role("link", name="Download as CSV").get_attribute("href")  # type: ignore[operator]
    assert_accessible(page)

    # Dates the wrong way round are refused in the error summary.
    page.locator("#id_until_day").fill("1")
    page.locator("#id_until_month").fill("2")
    page.get_by_role("button", name="Show these dates").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The 'to' date must be the same as or after")
    assert_accessible(page)

    page.screenshot(path=str(SHOTS / "refused-dates.png"), full_page=True)
    reader = page.get_by_role("link", name=re.compile(rf"^{worker.display_name}\s*: what they saw")).first
    tab_to(page, reader)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"What {worker.display_name} saw")
    expect(page.get_by_text(f"Signed in as {manager.display_name}")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Ruby Shaw\s*: who saw them")).first).to_be_visible()
    expect(page.get_by_text(f"({child.la_child_id})").first).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / "what-user-saw.png"), full_page=True)

"""An analyst imports the telephony call log through the page and a manager reads the call figures."""

from collections.abc import Callable
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from frontdoor.contacts.models import Call
from tests.browser.accessibility import assert_accessible
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def council(transactional_db: None) -> LocalAuthority:
    return LocalAuthority.load()


def call_log() -> bytes:
    """Four calls yesterday morning, UK time: three answered (after 5, 15 and 40 seconds), one abandoned."""
    yesterday = timezone.localdate() - timedelta(days=1)

    def uk(hour: int, minute: int, second: int) -> str:
        return datetime.combine(yesterday, time(hour, minute, second)).strftime("%d/%m/%Y %H:%M:%S")

    lines = [
        "call_id,started,answered,ended,queue,agent,transfers",
        f"t-1,{uk(9, 0, 0)},{uk(9, 0, 5)},{uk(9, 10, 0)},Front door,Amira Shah,0",
        f"t-2,{uk(9, 20, 0)},{uk(9, 20, 15)},{uk(9, 31, 0)},Front door,Ben Jones,1",
        f"t-3,{uk(10, 5, 0)},{uk(10, 5, 40)},{uk(10, 15, 0)},Professionals,Amira Shah,1",
        f"t-4,{uk(10, 30, 0)},,{uk(10, 31, 30)},Front door,,0",
    ]
    return ("\n".join(lines) + "\n").encode()


def test_an_analyst_imports_a_call_log_and_sees_the_figures(
    sign_in: Callable[[User], Page], console_errors: list[str]
) -> None:
    page = sign_in(make_user(Role.PERFORMANCE_ANALYST), "/contacts/calls/import/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a call log")
    assert_accessible(page)

    # A mistake first: nothing is imported and the line is named.
    page.get_by_label("Call log").set_input_files(
        files=[{"name": "calls.csv", "mimeType": "text/csv", "buffer": call_log().replace(b",0\n", b",none\n", 1)}]
    )
    page.get_by_role("button", name="Import the call log").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The call log has 1 line with problems")
    expect(page.locator("#import-errors")).to_contain_text("Transfers is not a whole number of 0 or more")
    expect(page.locator("#import-errors tbody tr").first).to_contain_text("2")
    assert_accessible(page)
    assert not Call.objects.exists()

    page.get_by_label("Call log").set_input_files(
        files=[{"name": "calls.csv", "mimeType": "text/csv", "buffer": call_log()}]
    )
    page.get_by_role("button", name="Import the call log").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Imported 4 calls")
    assert_accessible(page)

    page.get_by_role("link", name="See the call figures").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Call figures")
    summary = page.locator("#summary")
    expect(summary.get_by_role("row", name="Calls offered")).to_contain_text("4")
    expect(summary.get_by_role("row", name="Calls answered")).to_contain_text("3")
    expect(summary.get_by_role("row", name="Calls abandoned")).to_contain_text("25.0%")
    expect(summary.get_by_role("row", name="Median time to answer")).to_contain_text("15")
    expect(summary.get_by_role("row", name="Answered within 20 seconds")).to_contain_text("50.0%")
    expect(page.locator("#by-hour").get_by_role("row", name="09:00 to 09:59")).to_contain_text("2")
    expect(page.locator("#by-queue").get_by_role("row", name="Professionals")).to_contain_text("40")
    assert_accessible(page)

    # One queue only.
    page.get_by_label("Queue").select_option("Professionals")
    page.get_by_role("button", name="Show figures").click()
    expect(page.locator("#period")).to_contain_text("Professionals queue")
    expect(page.locator("#summary").get_by_role("row", name="Calls offered")).to_contain_text("1")
    assert console_errors == []


def test_a_team_manager_reads_the_figures_and_a_period_mistake_is_shown_accessibly(
    sign_in: Callable[[User], Page], console_errors: list[str]
) -> None:
    page = sign_in(make_user(Role.TEAM_MANAGER), "/contacts/calls/")
    expect(page.locator("#summary")).to_contain_text("Calls offered")
    expect(page.get_by_role("link", name="Import a call log")).to_have_count(0)
    page.get_by_role("group", name="To").get_by_label("Year").fill("1999")
    page.get_by_role("button", name="Show figures").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The end of the period must be the same as or after")
    assert_accessible(page)
    assert console_errors == []

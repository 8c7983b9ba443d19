"""A team manager reads their team's dashboard by keyboard and follows a figure to the children behind it."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Assessment
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import tab_to
from tests.conftest import make_user
from tests.factories import PersonFactory, UserFactory
from tests.returns import records

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def council(transactional_db: None) -> LocalAuthority:
    return LocalAuthority.load()


def team_work(manager: User) -> None:
    """Three assessments in the manager's team last month, one of them late."""
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=manager.team)
    a_month_ago = timezone.localdate() - timedelta(days=30)
    for first_name, late in (("Ruby", False), ("Omar", False), ("Lily", True)):
        episode = records.referral(PersonFactory(first_name=first_name, last_name="Okafor"), a_month_ago, worker)
        made = records.assessment(episode, a_month_ago, worker, authorised=a_month_ago + timedelta(days=7))
        due = a_month_ago + timedelta(days=3 if late else 20)
        Assessment.objects.filter(pk=made.pk).update(due_on=due, child_seen_on=a_month_ago)


def test_a_team_manager_follows_a_figure_to_the_children_behind_it(
    sign_in: Callable[[User], Page], console_errors: list[str]
) -> None:
    manager = make_user(Role.TEAM_MANAGER)
    team_work(manager)
    page = sign_in(manager, "/insight/")

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Performance: {manager.team}")
    section = page.locator("#assessments-in-time")
    expect(section.locator(".fd-figure")).to_have_text("66.7%")
    expect(section).to_contain_text("2 of 3 assessments completed")
    expect(section.locator(".fd-definition")).to_contain_text("the share authorised by their due date")
    # The chart is drawn over the table that carries its numbers.
    page.wait_for_function("() => document.querySelector('#assessments-in-time canvas').width > 0")
    section.locator("summary").click()
    expect(section.locator(".fd-series table")).to_contain_text("66.7%")
    assert_accessible(page)

    # By keyboard: to the headline figure, and on to the list.
    figure = section.locator(".fd-figure")
    tab_to(page, figure, limit=400)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Assessments completed within timescale")
    expect(page.locator("#list-heading")).to_contain_text("3 records")
    expect(page.locator("tbody")).to_contain_text("Lily Okafor")
    assert_accessible(page)

    # Only the late ones.
    which = page.get_by_label("Which")
    tab_to(page, which)
    which.select_option("no")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#list-heading")).to_contain_text("1 record")
    expect(page.locator("tbody")).to_contain_text("Lily Okafor")
    expect(page.locator("tbody")).not_to_contain_text("Ruby Okafor")
    expect(page.get_by_role("link", name="Download this record as a spreadsheet (CSV)")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path="/tmp/insight-records.png", full_page=True)
    assert console_errors == []


def test_the_whole_council_dashboard_passes_axe(sign_in: Callable[[User], Page], console_errors: list[str]) -> None:
    page = sign_in(make_user(Role.PERFORMANCE_ANALYST), "/insight/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Performance: the whole council")
    expect(page.locator("#contacts .fd-figure")).to_have_text("0")
    expect(page.locator("#assessments-in-time .fd-figure")).to_have_text("No data")
    assert_accessible(page)
    assert console_errors == []

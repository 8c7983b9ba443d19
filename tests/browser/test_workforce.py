"""A team manager checks the team's caseloads and allocates work over a worker's limit only by confirming it."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.casework import services as casework
from frontdoor.casework.models import Referral
from frontdoor.workforce.models import Allocation, WorkerProfile
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import tab_to
from tests.conftest import make_user
from tests.factories import PersonFactory, UserFactory
from tests.workforce.test_caseloads import holding

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_allocates_over_a_limit_only_after_confirming_it(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    manager = make_user(Role.TEAM_MANAGER)
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=manager.team, first_name="Rhys", last_name="Green")
    WorkerProfile.objects.create(user=worker, caseload_limit=2)
    holding(worker, assessments=2)
    child = PersonFactory(first_name="Zara", last_name="Hill")
    referral = casework.open_referral(
        person=child, by=manager, referral_date=timezone.localdate() - timedelta(days=1), source="6"
    )

    page = sign_in(manager, "/workforce/team/")
    expect(page.get_by_text("2.0 of 2")).to_be_visible()
    assert_accessible(page)
    page.goto(page.url.replace("/workforce/team/", f"/casework/referrals/{referral.pk}/allocate/"))
    page.get_by_label("Team").select_option(label=manager.team.name)
    page.get_by_label("Social worker", exact=True).select_option(label=f"{worker.display_name} ({manager.team.name})")
    save = page.get_by_role("button", name="Save")
    tab_to(page, save)
    page.keyboard.press("Enter")
    expect(page.get_by_text("against their limit of 2").first).to_be_visible()
    assert_accessible(page)
    confirm = page.get_by_label("Allocate even if it takes the social worker over their caseload limit")
    tab_to(page, confirm)
    page.keyboard.press("Space")
    tab_to(page, save)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Referral allocated")).to_be_visible()
    assert Allocation.objects.get(referral=referral, ended_at=None).over_limit
    expect(page.get_by_role("heading", name="Allocation history")).to_be_visible()
    assert_accessible(page)


def test_a_manager_records_supervision_and_the_direction_reaches_the_childs_record(
    sign_in: Callable[..., Page],
) -> None:
    LocalAuthority.load()
    manager = make_user(Role.TEAM_MANAGER)
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=manager.team, first_name="Rhys", last_name="Green")
    child = PersonFactory(first_name="Zara", last_name="Hill")
    referral = casework.open_referral(
        person=child, by=manager, referral_date=timezone.localdate() - timedelta(days=10), source="6"
    )
    Referral.objects.filter(pk=referral.pk).update(team=manager.team, worker=worker)

    page = sign_in(manager, "/workforce/supervision/")
    expect(page.get_by_text("Never")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Record supervision of Rhys Green").click()
    assert_accessible(page)
    page.get_by_label("Length, in minutes").fill("95")
    page.get_by_label("Case supervision").check()
    page.get_by_label("What was discussed").fill("Caseload review and the Hill family.")
    page.get_by_label("Reflective notes").fill("Rhys is carrying a lot.")
    page.get_by_label("Direction for Zara Hill").fill("See Zara alone at school this week.")
    page.get_by_label("Action for Zara Hill").fill("School visit")
    page.get_by_label("Who will do it, for Zara Hill").fill("Rhys Green")
    due = timezone.localdate() + timedelta(days=5)
    group = page.get_by_role("group", name="Action due, for Zara Hill")
    group.get_by_label("Day").fill(str(due.day))
    group.get_by_label("Month").fill(str(due.month))
    group.get_by_label("Year").fill(str(due.year))
    submit = page.get_by_role("button", name="Record supervision")
    tab_to(page, submit)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Supervision of Rhys Green recorded")).to_be_visible()
    expect(page.get_by_text("Rhys is carrying a lot.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Zara Hill").click()
    expect(page.get_by_text("See Zara alone at school this week.", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="Case direction in supervision: See Zara alone")).to_be_visible()
    assert_accessible(page)

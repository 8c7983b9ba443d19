"""The assessment journey: written by keyboard, kept by autosave, graded by a manager; casework pages under axe."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.casework import services
from frontdoor.casework.assessments import save_assessment, start_assessment, submit_assessment
from frontdoor.casework.models import Assessment, Referral
from frontdoor.people.models import Person
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import choose_radio, tab_to
from tests.casework.test_assessments import COMPLETE
from tests.conftest import make_user
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def leo(transactional_db: None) -> Person:
    LocalAuthority.load()
    return PersonFactory(first_name="Leo", last_name="Marsh", sex="M")


def referral_for(person: Person, days_ago: int = 1) -> Referral:
    worker = make_user(Role.SOCIAL_WORKER)
    return services.open_referral(
        person=person, by=worker, referral_date=timezone.localdate() - timedelta(days=days_ago), source="2A"
    )


def test_a_social_worker_writes_an_assessment_by_keyboard_and_autosave_keeps_the_draft(
    sign_in: Callable[..., Page], leo: Person, console_errors: list[str]
) -> None:
    referral = referral_for(leo)
    worker = make_user(Role.SOCIAL_WORKER)
    page = sign_in(worker, f"/casework/referrals/{referral.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Referral of")
    assert_accessible(page)
    tab_to(page, page.get_by_role("link", name="Start an assessment"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("button", name="Save"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Single assessment")
    assert_accessible(page)

    # The child's voice first, then autosave: stop typing and the draft is saved.
    today = timezone.localdate()
    tab_to(page, page.get_by_label("Day").first)
    page.keyboard.type(str(today.day))
    page.keyboard.press("Tab")
    page.keyboard.type(str(today.month))
    page.keyboard.press("Tab")
    page.keyboard.type(str(today.year))
    choose_radio(page, page.locator("fieldset", has_text="Was the child seen alone?"), "Yes")
    tab_to(page, page.get_by_label("The child's views and wishes, in their own words"))
    page.keyboard.type("I like school. I don't like the shouting at home.")
    expect(page.get_by_role("status")).to_contain_text("Draft saved at", timeout=15_000)
    assessment = Assessment.objects.get(referral=referral)
    assert "shouting" in assessment.childs_views

    tab_to(page, page.get_by_label("How and by whom the child's views were gathered"))
    page.keyboard.type("Seen alone at school by his social worker.")
    tab_to(page, page.get_by_label("Parents' and carers' views"))
    page.keyboard.type("Mum wants help with the arguments.")
    tab_to(page, page.get_by_label("Analysis"))
    page.keyboard.type("Leo's needs are met; the risk has left the home.")
    tab_to(page, page.get_by_label("3B: ", exact=False))
    page.keyboard.press("Space")
    choose_radio(page, page.locator("fieldset", has_text="Outcome"), "Child in need plan")
    tab_to(page, page.get_by_role("button", name="Save and send to a manager"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Send to a manager")
    assert_accessible(page)
    tab_to(page, page.get_by_role("button", name="Send to a manager"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Assessment sent to your manager")).to_be_visible()
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    assert console_errors == []


def ready_for_a_manager(person: Person) -> Assessment:
    referral = referral_for(person)
    worker = make_user(Role.SOCIAL_WORKER)
    assessment = start_assessment(referral=referral, by=worker, started_on=referral.referral_date)
    save_assessment(
        assessment=assessment,
        by=worker,
        expected_version=1,
        changes={**COMPLETE, "child_seen_on": referral.referral_date},
    )
    return submit_assessment(assessment=assessment, by=worker, expected_version=2)


def test_a_manager_grades_and_authorises_an_assessment(sign_in: Callable[..., Page], leo: Person) -> None:
    assessment = ready_for_a_manager(leo)
    page = sign_in(make_user(Role.TEAM_MANAGER), "/casework/assessments/authorisations/")
    assert_accessible(page)
    page.get_by_role("link", name="Single assessment of Leo Marsh").click()
    page.wait_for_url(f"**/casework/assessments/{assessment.pk}/**")
    assert_accessible(page)
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Authorise").click()
    expect(page.get_by_text("Assessment authorised")).to_be_visible()
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.AUTHORISED and assessment.grade == "good"
    page.goto(page.url.split("/casework/")[0] + f"/casework/assessments/{assessment.pk}/")
    expect(page.get_by_text("graded")).to_contain_text("good")
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/casework/assessments/mine/",
        "/casework/assessments/overdue/",
        "child page",
        "amend",
        "close",
        "allocate",
        "need",
        "cin-plans/start",
        "review plan",
        "end plan",
        "draft",
    ],
)
def test_casework_pages_pass_the_accessibility_checks(sign_in: Callable[..., Page], leo: Person, path: str) -> None:
    assessment = ready_for_a_manager(leo)
    manager = make_user(Role.TEAM_MANAGER)
    if path == "amend":
        from frontdoor.casework.assessments import authorise_assessment

        authorise_assessment(assessment=assessment, by=manager, grade="good")
        path = f"/casework/assessments/{assessment.pk}/amend/"
    elif path == "child page":
        path = f"/people/{leo.pk}/"
    elif path in ("close", "allocate", "need", "cin-plans/start"):
        path = f"/casework/referrals/{assessment.referral_id}/{path}/"
    elif path in ("review plan", "end plan"):
        plan = services.start_cin_plan(referral=assessment.referral, by=manager, started_on=timezone.localdate())
        path = f"/casework/cin-plans/{plan.pk}/{path.split()[0]}/"
    elif path == "draft":
        path = f"/casework/assessments/{assessment.pk}/"
    page = sign_in(manager, path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

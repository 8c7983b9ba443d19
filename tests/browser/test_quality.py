"""A quality assurance officer grades an audit by keyboard; a colleague moderates it; every page passes axe."""

from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.contacts.models import QualitySample
from frontdoor.quality import services
from frontdoor.quality.models import Audit
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import choose_radio, tab_to
from tests.conftest import make_user
from tests.factories import PersonFactory, TeamFactory, UserFactory
from tests.quality.closures import LAST_MONTH, MONDAY, closed_contact
from tests.returns.records import referral

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_grades_an_audit_and_a_manager_moderates_it(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    officer, manager = make_user(Role.QA_OFFICER), make_user(Role.TEAM_MANAGER)
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=TeamFactory(name="Locality team South"), username="south")
    referral(PersonFactory(first_name="Zara", last_name="Hill"), timezone.localdate().replace(day=1), worker)
    template = services.create_template(
        by=officer, name="Practice standards", guidance="", questions=[services.Question("Is the child seen?")]
    )
    services.draw_programme(by=officer, month=timezone.localdate(), theme="random", template=template, per_team=1)
    audit = Audit.objects.get()

    page = sign_in(officer, "/quality/")
    assert_accessible(page)
    page.get_by_role("link", name="Zara Hill").click()
    assert_accessible(page)
    grade = page.get_by_label("Is the child seen?", exact=True)
    grade.select_option("good")
    choose_radio(page, page.get_by_role("group", name="Overall grade"), "Requires improvement")
    findings = page.get_by_label("Findings")
    tab_to(page, findings)
    page.keyboard.type("Seen, but never alone.")
    tab_to(page, page.get_by_role("button", name="Grade the audit"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Audit graded")).to_be_visible()
    assert_accessible(page)

    page.context.clear_cookies()  # sign out: a colleague at another desk
    page = sign_in(manager, f"/quality/audits/{audit.pk}/")
    choose_radio(page, page.get_by_role("group", name="Moderated grade"), "Inadequate")
    page.get_by_label("Moderation notes").fill("Not seen alone in four months: the child is not safe enough.")
    page.get_by_role("button", name="Record the moderation").click()
    expect(page.get_by_text("Changed to Inadequate")).to_be_visible()
    assert_accessible(page)
    page.goto(page.url.split("/quality/")[0] + "/quality/report/")
    expect(page.get_by_role("cell", name="Locality team South")).to_be_visible()
    assert_accessible(page)


def test_a_closed_contact_is_audited_from_the_weekly_sample_and_its_officer_responds(
    sign_in: Callable[..., Page],
) -> None:
    LocalAuthority.load()
    officer, contact_officer = make_user(Role.QA_OFFICER), make_user(Role.CONTACT_OFFICER)
    manager = UserFactory(role=Role.TEAM_MANAGER, team=contact_officer.team, username="olu")
    contact = closed_contact(contact_officer, manager)
    QualitySample.objects.create(contact=contact, week_starting=MONDAY)
    template = services.create_template(
        by=officer, name="Closed contacts", guidance="", questions=[services.Question("Was closing right?")]
    )
    services.draw_programme(by=officer, month=LAST_MONTH, theme="closed_nfa", template=template, per_team=1)

    page = sign_in(officer, "/contacts/quality/")
    assert_accessible(page)
    link = page.get_by_role("link", name=f"With the auditor (audit of {contact.reference})")
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("table", name="The decisions audited")).to_contain_text("No further action")
    assert_accessible(page)
    page.get_by_label("Was closing right?", exact=True).select_option("requires_improvement")
    choose_radio(page, page.get_by_role("group", name="Overall grade"), "Requires improvement")
    page.get_by_label("Findings").fill("No check with the school before closing.")
    page.get_by_role("button", name="Grade the audit").click()
    expect(page.get_by_text("Audit graded")).to_be_visible()

    page.context.clear_cookies()
    page = sign_in(contact_officer, f"/contacts/{contact.pk}/")
    page.get_by_role("link", name="Respond to the audit", exact=False).click()
    page.wait_for_url("**/respond/")
    assert_accessible(page)
    page.get_by_label("Your response", exact=False).fill("I will ring the school before closing.")
    page.get_by_role("button", name="Record your response").click()
    expect(page.get_by_text("Response recorded")).to_be_visible()
    assert page.url.endswith(f"/contacts/{contact.pk}/")

"""The daily triage meeting by keyboard, and a school's referral through the portal; every page passes axe."""

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.contacts.models import Contact
from frontdoor.partners import notifications
from frontdoor.partners.models import InformationShare, PartnerProfile, PortalReferral, TriageDecision
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import choose_radio, tab_to
from tests.conftest import make_user
from tests.factories import PersonFactory, UserFactory
from tests.partners.decisions import decide_no_further_action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_meeting_matches_and_decides_a_days_notifications(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    officer = make_user(Role.CONTACT_OFFICER)
    mia = PersonFactory(first_name="Mia", last_name="Harrington", date_of_birth=date(2017, 5, 9))
    notifications.receive_notifications(
        notifications=[
            notifications.Notification(
                police_reference="PPN-2026-0099",
                incident_at=timezone.now() - timedelta(hours=9),
                kind="domestic_abuse",
                dash_risk="high",
                summary="Father threatened mother; Mia hid in her room.",
                people=[
                    notifications.PersonOnNotification("child_present", "Mia", "Harington", date(2017, 5, 9)),
                    notifications.PersonOnNotification("alleged_perpetrator", "Dean", "Harrington"),
                ],
            )
        ],
        by=officer,
        source="api",
    )

    page = sign_in(officer, "/partners/police/unmatched/")
    assert_accessible(page)
    page.get_by_role("link", name="PPN-2026-0099 (for Mia Harington)").click()
    page.wait_for_url(re.compile(r".*/partners/police/\d+/$"))
    assert_accessible(page)
    this_is_them = page.get_by_role("button", name=re.compile("match Mia Harington to Mia"))
    tab_to(page, this_is_them)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Mia Harington matched to Mia Harrington")).to_be_visible()

    page.goto(page.url.split("/partners/")[0] + "/partners/meetings/")
    assert_accessible(page)
    police = page.get_by_label("Police")
    tab_to(page, police)
    page.keyboard.type("DC Amy Lowe")
    tab_to(page, page.get_by_role("button", name="Open the meeting"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Triage meeting")).to_be_visible()
    assert_accessible(page)
    decision = page.get_by_label("Decision for Mia Harington")
    tab_to(page, decision)
    decision.select_option("contact")  # a select takes its option from the keyboard like any other choice
    note = page.get_by_label("Note for Mia Harington")
    tab_to(page, note)
    page.keyboard.type("Second incident this month")
    tab_to(page, page.get_by_role("button", name="Save the decisions"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("1 decision recorded")).to_be_visible()
    assert_accessible(page)
    made = TriageDecision.objects.get()
    assert made.contact is not None and made.contact.children.get().person == mia
    page.get_by_label("Minutes").fill("One notification; a contact for the front door.")
    page.get_by_role("button", name="Close the meeting").click()
    expect(page.get_by_text("Meeting closed")).to_be_visible()
    for path in ("/partners/police/", "/partners/police/import/", "/partners/tasks/"):
        page.goto(page.url.split("/partners/")[0] + path)
        assert_accessible(page)


def test_a_school_refers_a_child_and_later_sees_the_outcome(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    school = make_user(Role.PARTNER)
    PartnerProfile.objects.create(user=school, organisation="Northbridge Primary", agency="2A")
    officer, manager = make_user(Role.CONTACT_OFFICER), UserFactory(role=Role.TEAM_MANAGER, username="olu")

    page = sign_in(school, "/")
    assert_accessible(page)
    page.get_by_role("button", name="Make a referral").click()
    page.wait_for_url("**/partners/portal/new/")
    assert_accessible(page)
    page.get_by_label("Child's first name").fill("Ruby")
    page.get_by_label("Child's last name").fill("Okafor")
    page.get_by_label("Day").fill("14")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2019")
    page.get_by_label("Child's address").fill("12 Mill Lane, Northbridge")
    page.get_by_label("What are you worried about?").fill("Ruby said her dad grabbed her arm; there is a bruise.")
    page.get_by_label("Physical abuse").check()
    choose_radio(page, page.get_by_role("group", name="Does the family know you are making this referral?"), "No")
    choose_radio(
        page,
        page.get_by_role("group", name="Does the family consent to this referral?"),
        "Not sought: it would put the child at risk or lose evidence",
    )
    page.get_by_label("If not, why are you sharing it without consent?").fill("Telling dad could put Ruby at risk.")
    tab_to(page, page.get_by_role("button", name="Send the referral"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Referral sent")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_text("Received", exact=True)).to_be_visible()

    made = PortalReferral.objects.get()
    decide_no_further_action(made.contact, officer, manager)
    page.context.clear_cookies()
    staff = sign_in(officer, f"/contacts/{made.contact_id}/")
    staff.get_by_label("Feedback for the referrer").fill(
        "We have spoken to Ruby's mother; the school nurse will follow up."
    )
    staff.get_by_role("button", name="Send the feedback").click()
    expect(staff.get_by_text("Feedback sent")).to_be_visible()
    assert_accessible(staff)

    staff.context.clear_cookies()
    page = sign_in(school, "/partners/portal/")
    assert_accessible(page)
    page.get_by_role("link", name=made.contact.reference).click()
    expect(page.get_by_text("the school nurse will follow up")).to_be_visible()
    assert Contact.objects.get().status == Contact.Status.CLOSED
    assert_accessible(page)


def test_a_request_for_information_is_answered_and_the_sharing_pages_pass_axe(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    officer = make_user(Role.CONTACT_OFFICER)
    ruby = PersonFactory(first_name="Ruby", last_name="Okafor")
    page = sign_in(officer, f"/partners/sharing/people/{ruby.pk}/requests/new/")
    assert_accessible(page)
    page.get_by_label("Agency").select_option("health")
    page.get_by_label("Organisation").fill("Northbridge Health Visiting")
    page.get_by_label("Who asked").fill("Jo Bell, health visitor")
    page.get_by_label("What they asked for").fill("Is the family known to you?")
    page.get_by_label("Why they need it").fill("Mother disclosed domestic abuse.")
    page.get_by_role("button", name="Record the request").click()
    expect(page.get_by_text("Request recorded")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What was shared").fill("Known: one police notification in May.")
    page.get_by_label("Why it was shared").fill("To plan the next visit safely.")
    choose_radio(page, page.get_by_role("group", name="Lawful basis"), InformationShare.Basis.PUBLIC_TASK.label)
    choose_radio(
        page,
        page.get_by_role("group", name="Special category or criminal offence data"),
        InformationShare.Condition.SAFEGUARDING.label,
    )
    choose_radio(page, page.get_by_role("group", name="Was the family told?"), "Yes")
    tab_to(page, page.get_by_role("button", name="Record what was shared"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Answered: what was shared is logged")).to_be_visible()
    assert_accessible(page)
    page.goto(page.url.split("/partners/")[0] + f"/partners/sharing/people/{ruby.pk}/shares/new/")
    assert_accessible(page)

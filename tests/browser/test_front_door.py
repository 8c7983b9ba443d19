"""The phone-call journey by keyboard alone, the manager's authorisation, and every front-door page under axe."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.contacts import services
from frontdoor.contacts.defaults import install_default_threshold_model
from frontdoor.contacts.models import Contact, ThresholdCriterion, ThresholdDecision, ThresholdLevel
from frontdoor.people.models import Person
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import choose_radio, tab_to
from tests.conftest import make_user
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def front_door(transactional_db: None) -> None:
    LocalAuthority.load()
    if not ThresholdLevel.objects.exists():
        install_default_threshold_model(ThresholdLevel, ThresholdCriterion)


@pytest.fixture
def ruby(transactional_db: None) -> Person:
    return PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14), sex="F")


def keyboard_sign_in(page: Page, live_server, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/sign-in/")
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type("correct-horse-battery")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")


def test_a_phone_call_is_taken_found_recorded_and_decided_by_keyboard_alone(
    page: Page, live_server, ruby: Person, console_errors: list[str]
) -> None:
    officer = make_user(Role.CONTACT_OFFICER)
    keyboard_sign_in(page, live_server, officer.username)
    tab_to(page, page.get_by_role("link", name="Record a contact"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a contact")

    # Find the child while the caller is talking.
    tab_to(page, page.get_by_label("Find a child or adult"))
    page.keyboard.type("rubie okafor")
    page.keyboard.press("Enter")
    add = page.get_by_role("link", name="Add Ruby Okafor as a child")
    expect(add).to_be_visible()
    tab_to(page, add)
    page.keyboard.press("Enter")
    expect(page.locator("#who table")).to_contain_text("Ruby Okafor")

    # The concern, in the caller's words.
    tab_to(page, page.get_by_label("Who it is from"))
    page.keyboard.type("Schools")
    tab_to(page, page.get_by_label("Referrer's name"))
    page.keyboard.type("Mrs Patel")
    choose_radio(page, page.locator("fieldset", has_text="Is a child in immediate danger?"), "No")
    tab_to(page, page.get_by_label("The concern, in the referrer's words"))
    page.keyboard.type("Ruby has a bruise on her arm and says her dad grabbed her.")
    choose_radio(page, page.locator("fieldset", has_text="Priority"), "Amber: significant or complex needs")
    tab_to(page, page.get_by_role("button", name="Record and decide"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Decide for Ruby Okafor")
    assert_accessible(page)

    # The decision: information and advice, which waits for a manager.
    choose_radio(page, page.locator("fieldset", has_text="Level of need"), "Level 1: Universal")
    choose_radio(page, page.locator("fieldset", has_text="Outcome"), "Information and advice")
    tab_to(page, page.get_by_label("Reasons for the decision"))
    page.keyboard.type("Mother has arranged a GP visit; school will monitor.")
    tab_to(page, page.get_by_role("button", name="Record decision"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Waiting for a manager")
    assert_accessible(page)

    contact = Contact.objects.get()
    assert contact.children.get().person == ruby
    assert (contact.source, contact.referrer_name, contact.rag) == ("2A", "Mrs Patel", "amber")
    assert contact.status == Contact.Status.AWAITING_AUTHORISATION
    assert console_errors == []


def test_a_manager_agrees_a_closure_and_the_contact_closes(sign_in: Callable[..., Page], ruby: Person) -> None:
    officer = make_user(Role.CONTACT_OFFICER)
    contact = services.record_contact(
        by=officer,
        received_at=timezone.now() - timedelta(hours=2),
        channel="phone",
        source="1A",
        referrer=services.Referrer("Grandmother"),
        children=[services.ChildOnContact(person=ruby)],
        concern="Worried the parents argue in front of Ruby.",
    )
    services.decide(
        contact_child=contact.children.get(),
        by=officer,
        level=ThresholdLevel.objects.get(number=1),
        outcome="advice",
        rationale="Advice about family support given",
        rag="green",
    )
    page = sign_in(make_user(Role.TEAM_MANAGER), "/contacts/authorisations/")
    assert_accessible(page)
    page.get_by_role("link", name=f"Review {contact.reference}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review the decision")
    assert_accessible(page)
    page.get_by_role("button", name="Agree the decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Decision agreed")
    contact.refresh_from_db()
    assert contact.status == Contact.Status.CLOSED
    assert ThresholdDecision.objects.get().status == ThresholdDecision.Status.AUTHORISED


def test_a_manager_returns_a_decision_with_comments(sign_in: Callable[..., Page], ruby: Person) -> None:
    officer = make_user(Role.CONTACT_OFFICER)
    contact = services.record_contact(
        by=officer,
        received_at=timezone.now(),
        channel="phone",
        source="2A",
        referrer=services.Referrer("School"),
        children=[services.ChildOnContact(person=ruby)],
        concern="Third time this term she has had no lunch.",
    )
    services.decide(
        contact_child=contact.children.get(),
        by=officer,
        level=ThresholdLevel.objects.get(number=1),
        outcome="nfa",
        rationale="School can offer breakfast club",
        rag="green",
    )
    page = sign_in(make_user(Role.TEAM_MANAGER), f"/contacts/decisions/{ThresholdDecision.objects.get().pk}/review/")
    page.get_by_role("button", name="Return it to be reconsidered").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what the decision-maker should reconsider")
    assert_accessible(page)
    page.get_by_label("Comments").fill("Repeated neglect indicators: consider early help")
    page.get_by_role("button", name="Return it to be reconsidered").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("returned")
    contact.refresh_from_db()
    assert contact.status == Contact.Status.OPEN


@pytest.fixture
def busy_day(ruby: Person) -> Contact:
    officer = make_user(Role.CONTACT_OFFICER)
    night = timezone.now() - timedelta(days=1)
    contact = services.record_contact(
        by=officer,
        received_at=night.replace(hour=2),
        channel="out_of_hours",
        source="6",
        referrer=services.Referrer("PC Jones", "Police officer"),
        children=[services.ChildOnContact(person=ruby)],
        concern="Domestic incident at home overnight; Ruby present.",
        rag="red",
    )
    from frontdoor.contacts.models import QualitySample

    QualitySample.objects.create(contact=contact, week_starting=date(2026, 11, 16))
    return contact


@pytest.mark.parametrize(
    ("role", "path", "heading"),
    [
        (Role.CONTACT_OFFICER, "/contacts/", "Duty queue"),
        (Role.CONTACT_OFFICER, "/contacts/mine/", "My contacts"),
        (Role.CONTACT_OFFICER, "/contacts/new/?q=ruby+okafor", "Record a contact"),
        (Role.CONTACT_OFFICER, "/contacts/{contact}/", "{reference}"),
        (Role.CONTACT_OFFICER, "/contacts/{contact}/referrer-told/", "The referrer has been told the outcome"),
        (Role.SOCIAL_WORKER, "/contacts/handover/", "Out-of-hours handover"),
        (Role.QA_OFFICER, "/contacts/quality/", "Quality assurance of closed contacts"),
        (Role.QA_OFFICER, "/contacts/quality/{sample}/", "Review contact {reference}"),
        (Role.ADMINISTRATOR, "/contacts/threshold-model/", "Threshold model"),
        (Role.ADMINISTRATOR, "/contacts/threshold-model/levels/{level}/", "Change level 1"),
        (Role.ADMINISTRATOR, "/contacts/threshold-model/settings/", "Front door settings"),
    ],
)
def test_front_door_pages_pass_the_accessibility_checks(
    sign_in: Callable[..., Page], busy_day: Contact, role: Role, path: str, heading: str, console_errors: list[str]
) -> None:
    values = {
        "contact": busy_day.pk,
        "reference": busy_day.reference,
        "sample": busy_day.quality_sample.pk,
        "level": ThresholdLevel.objects.get(number=1).pk,
    }
    page = sign_in(make_user(role), path.format(**values))
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading.format(**values))
    assert_accessible(page)
    assert console_errors == []

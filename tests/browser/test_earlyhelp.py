"""An early help practitioner works a front door request through to a step up, by keyboard; every page passes axe."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.contacts import services as contacts
from frontdoor.contacts.models import Contact
from frontdoor.earlyhelp.models import EarlyHelpEpisode
from frontdoor.people.models import Person
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import choose_radio, tab_to
from tests.conftest import make_user
from tests.factories import PersonFactory
from tests.quality.closures import threshold_levels

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STEP_UP = "Stepped up to children's social care"
WHY = "Ruby came to school with a bruise on her cheek and said her stepfather hit her."


def type_into(page: Page, field: Locator, text: str) -> None:
    tab_to(page, field)
    page.keyboard.type(text)


def type_date(page: Page, group: Locator, day: date) -> None:
    """A GOV.UK date input by keyboard: its day, month and year boxes in turn."""
    for part, value in (("Day", day.day), ("Month", day.month), ("Year", day.year)):
        type_into(page, group.get_by_label(part, exact=True), str(value))


def press(page: Page, button: str) -> None:
    tab_to(page, page.get_by_role("button", name=button, exact=True))
    page.keyboard.press("Enter")


def group(page: Page, legend: str) -> Locator:
    return page.get_by_role("group", name=legend, exact=True)


def stepped_down_by_the_front_door(child: Person) -> Contact:
    """A school's contact that the front door decides is for early help: the request waits for the team."""
    officer = make_user(Role.CONTACT_OFFICER)
    contact = contacts.record_contact(
        by=officer,
        received_at=timezone.now(),
        channel="phone",
        source="2A",
        referrer=contacts.Referrer("Mrs Patel", "Designated safeguarding lead", "Northgate School"),
        children=[contacts.ChildOnContact(person=child)],
        concern="Ruby is late most days and often hungry; mum is struggling since the baby arrived.",
    )
    contacts.decide(
        contact_child=contact.children.get(),
        by=officer,
        level=threshold_levels()[2],
        outcome="early_help",
        rationale="Needs that a family hub can meet with the family's agreement.",
        rag="green",
    )
    return contact


def test_a_practitioner_works_a_request_through_to_a_step_up_by_keyboard(
    sign_in: Callable[..., Page], console_errors: list[str]
) -> None:
    LocalAuthority.load()
    practitioner = make_user(Role.EARLY_HELP_PRACTITIONER)
    child = PersonFactory(first_name="Ruby", last_name="Hart")
    front_door = stepped_down_by_the_front_door(child)
    today = timezone.localdate()

    # The request from the front door waits on the list: accepted by keyboard.
    page = sign_in(practitioner, "/early-help/requests/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Requests waiting")
    assert_accessible(page)
    press(page, "Accept the request for Ruby Hart")
    expect(page.get_by_text("Accepted: record Ruby Hart's family's consent to start")).to_be_visible()
    episode = EarlyHelpEpisode.objects.get()
    assert page.url.endswith(f"/early-help/episodes/{episode.pk}/")
    expect(page.get_by_role("link", name=f"contact {front_door.reference}")).to_be_visible()
    assert_accessible(page)

    # Early help is voluntary: it starts with the family's consent, and the page says so when it is missing.
    press(page, "Start early help")
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_role("alert").get_by_role("link", name="Enter start date")).to_be_visible()
    assert_accessible(page)
    type_date(page, group(page, "Start date"), today)
    type_into(page, page.get_by_label("Who in the family gave consent"), "Mother, Kelly Hart")
    type_date(page, group(page, "Date consent was given"), today)
    press(page, "Start early help")
    expect(page.get_by_text("Early help started")).to_be_visible()
    expect(page.get_by_text(f"Given by Mother, Kelly Hart on {today:%-d %B %Y}")).to_be_visible()
    assert_accessible(page)

    type_date(page, group(page, "Assessment start date"), today)
    type_into(page, page.get_by_label("Organisation completing the assessment"), "Northgate Family Hub")
    type_into(page, page.get_by_label("Summary of the family's needs"), "Morning routines; food at home.")
    press(page, "Save the assessment")
    expect(page.get_by_text("Early help assessment recorded")).to_be_visible()
    assert_accessible(page)

    type_into(page, page.get_by_label("Name", exact=True), "Ann Lee")
    type_into(page, page.get_by_label("Agency", exact=True), "Northgate School")
    type_into(page, page.get_by_label("Role", exact=True), "Designated safeguarding lead")
    type_date(page, group(page, "Lead professional from"), today)
    press(page, "Save the lead professional")
    expect(page.get_by_text("Lead professional recorded")).to_be_visible()
    expect(page.get_by_role("table", name="Lead professionals")).to_contain_text("Ann Lee")
    assert_accessible(page)

    type_date(page, group(page, "Date of the meeting"), today)
    attendees = page.get_by_label("Who attended")
    tab_to(page, attendees)
    page.keyboard.type("Kelly Hart, Family")
    page.keyboard.press("Enter")  # a new line in the textarea, not a submission
    page.keyboard.type("Ann Lee, Northgate School")
    type_into(page, page.get_by_label("Summary of the meeting"), "Breakfast club from Monday; hub to visit weekly.")
    press(page, "Record the meeting")
    expect(page.get_by_text("Team around the family meeting recorded")).to_be_visible()
    expect(page.get_by_text("Kelly Hart (Family), Ann Lee (Northgate School)")).to_be_visible()
    assert_accessible(page)

    type_into(page, page.get_by_label("Outcome for the family"), "Ruby arrives at school on time and fed")
    type_into(page, page.get_by_label("Action", exact=True), "Breakfast club place")
    type_into(page, page.get_by_label("Who will do it"), "Northgate School")
    type_date(page, group(page, "Due"), today + timedelta(days=14))
    press(page, "Add to the plan")
    expect(page.get_by_text("Added to the family plan")).to_be_visible()
    expect(page.get_by_role("table", name="Family plan")).to_contain_text("Breakfast club place")
    assert_accessible(page)

    type_date(page, group(page, "Date of the review"), today)
    type_into(page, page.get_by_label("Progress against the plan"), "On time four days out of five.")
    type_date(page, group(page, "Next review"), today + timedelta(weeks=6))
    press(page, "Record the review")
    expect(page.get_by_text("Plan review recorded")).to_be_visible()
    expect(page.get_by_text("On time four days out of five.")).to_be_visible()
    assert_accessible(page)

    page.goto(page.url.split("/early-help/")[0] + "/early-help/")
    expect(page.get_by_role("table", name="Open episodes")).to_contain_text("Ann Lee (Northgate School)")
    assert_accessible(page)
    page.get_by_role("link", name="Ruby Hart").click()
    page.wait_for_url(f"**/early-help/episodes/{episode.pk}/")

    # A disclosure: the practitioner steps the family up to children's social care.
    type_date(page, group(page, "Closure date"), today)
    choose_radio(page, group(page, "Outcome"), STEP_UP)
    type_into(page, page.get_by_label("Reason", exact=True), WHY)
    press(page, "Close early help")
    expect(page.get_by_text("Early help closed")).to_be_visible()
    assert_accessible(page)
    episode.refresh_from_db()
    stepped_up = episode.stepped_up_to
    assert stepped_up is not None and episode.outcome == EarlyHelpEpisode.Outcome.STEP_UP

    # The practitioner can read contacts: the new one carries the family's early help history.
    link = page.get_by_role("link", name=f"contact {stepped_up.reference}")
    tab_to(page, link)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/contacts/{stepped_up.pk}/")
    concern = page.locator(".govuk-summary-list__row", has=page.get_by_text("Concern", exact=True))
    for line in (
        "Stepped up from early help",
        WHY,
        "Early help assessment by Northgate Family Hub",
        "Needs: Morning routines; food at home.",
        "Ann Lee (Designated safeguarding lead, Northgate School)",
        "(Family, Northgate School): Breakfast club from Monday; hub to visit weekly.",
        "Breakfast club place (Northgate School",
        "On time four days out of five.",
    ):
        expect(concern).to_contain_text(line)
    assert_accessible(page)
    # The refused start answers 400, which Chromium logs; nothing else may go wrong.
    assert [error for error in console_errors if "status of 400" not in error] == []


def test_the_error_summary_takes_the_keyboard_to_the_date_it_names(sign_in: Callable[..., Page]) -> None:
    """GOV.UK's error summary links to the field with the error; following it by keyboard focuses the Day box."""
    LocalAuthority.load()
    practitioner = make_user(Role.EARLY_HELP_PRACTITIONER)
    stepped_down_by_the_front_door(PersonFactory(first_name="Ruby", last_name="Hart"))
    page = sign_in(practitioner, "/early-help/requests/")
    press(page, "Accept the request for Ruby Hart")
    expect(page.get_by_text("Accepted: record Ruby Hart's family's consent to start")).to_be_visible()
    press(page, "Start early help")
    missing = page.get_by_role("alert").get_by_role("link", name="Enter start date")
    tab_to(page, missing)
    page.keyboard.press("Enter")
    day = group(page, "Start date").get_by_label("Day", exact=True)
    # The link's target must be the Day box itself (the app links to "..._day"; see the report).
    href = missing.get_attribute("href") or ""
    expect(day).to_have_attribute("id", href.removeprefix("#"))
    expect(day).to_be_focused()


def test_a_partners_request_is_recorded_and_declined_by_keyboard(sign_in: Callable[..., Page]) -> None:
    LocalAuthority.load()
    child = PersonFactory(first_name="Leo", last_name="Shaw")
    page = sign_in(make_user(Role.EARLY_HELP_PRACTITIONER), "/early-help/requests/new/")
    assert_accessible(page)
    type_into(page, page.get_by_label("The child's Front Door ID"), str(child.pk))
    type_into(page, page.get_by_label("Agency asking"), "Northgate Health Visiting")
    type_into(page, page.get_by_label("Name of the person asking"), "Jo Bell")
    type_into(page, page.get_by_label("Why the agency is asking for early help"), "Sleep and feeding worries.")
    type_date(page, group(page, "Date of the request"), timezone.localdate())
    press(page, "Record the request")
    expect(page.get_by_text("Request for Leo Shaw recorded")).to_be_visible()
    assert_accessible(page)
    link = page.get_by_role("link", name="Decline the request for Leo Shaw")
    tab_to(page, link)
    page.keyboard.press("Enter")
    page.wait_for_url("**/decline/")
    assert_accessible(page)
    type_into(page, page.get_by_label("Why the early help team declines"), "The health visitor already supports this.")
    press(page, "Decline the request")
    expect(page.get_by_text("Request for Leo Shaw declined")).to_be_visible()
    expect(page.get_by_text("No request is waiting.")).to_be_visible()
    assert_accessible(page)


def test_a_partner_is_refused_the_early_help_list(sign_in: Callable[..., Page], live_server: Any) -> None:
    LocalAuthority.load()
    page = sign_in(make_user(Role.PARTNER), "/")
    response = page.goto(f"{live_server.url}/early-help/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You do not have access to this page")
    expect(page.get_by_role("table", name="Open episodes")).to_have_count(0)
    assert_accessible(page)

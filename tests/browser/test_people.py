"""A contact officer finds a child despite mistakes, adds one after a warning; a data officer merges and un-merges."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from frontdoor.people.models import DuplicateCandidate, Merge, Person
from frontdoor.people.safety import raise_warning
from frontdoor.people.services import add_relationship
from tests.browser.accessibility import assert_accessible
from tests.conftest import make_user
from tests.factories import PersonFactory, live_at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def council(transactional_db: None) -> LocalAuthority:
    return LocalAuthority.load()


@pytest.fixture
def jayden(transactional_db: None) -> Person:
    officer = make_user(Role.TEAM_MANAGER)
    child = PersonFactory(first_name="Jayden", last_name="Smith", date_of_birth=date(2015, 3, 7), sex="M")
    mother = PersonFactory(first_name="Kelly", last_name="Smith", date_of_birth=date(1991, 6, 2), sex="F")
    sister = PersonFactory(first_name="Mia", last_name="Smith", date_of_birth=date(2017, 10, 12), sex="F")
    add_relationship(person=child, relative=mother, kind="mother", by=officer, parental_responsibility=True)
    add_relationship(person=child, relative=sister, kind="sibling", by=officer)
    for person in (child, mother, sister):
        live_at(person, line_1="4 Canal Street", postcode="NB2 5TD")
    raise_warning(
        person=mother,
        by=officer,
        kind="risk_to_staff",
        details="Visit in pairs",
        review_on=timezone.localdate() + timedelta(days=60),
    )
    PersonFactory(first_name="Olivia", last_name="Smith", date_of_birth=date(2012, 5, 1), sex="F")
    return child


def test_a_contact_officer_finds_a_child_as_they_type_and_sees_the_family(
    sign_in: Callable[..., Page], jayden: Person, console_errors: list[str]
) -> None:
    page = sign_in(make_user(Role.CONTACT_OFFICER), "/people/")
    page.get_by_label("Name, NHS number, UPN or LA child ID").fill("jaden smyth")
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("7")
    page.get_by_label("Year").fill("2015")
    # Found as they type, without pressing Search.
    first = page.locator(".fd-result").first
    expect(first).to_contain_text("Jayden Smith")
    expect(first).to_contain_text("day and month swapped")
    expect(page.locator("#result-count")).to_contain_text("found")
    assert_accessible(page)
    first.get_by_role("link", name="Jayden Smith").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jayden Smith")
    assert_accessible(page)
    page.get_by_role("link", name="Family and household", exact=True).click()
    expect(page.get_by_role("table").first).to_contain_text("Kelly Smith")
    expect(page.locator("main")).to_contain_text("Mia Smith")
    expect(page.locator("main")).to_contain_text("Warning")
    assert_accessible(page)
    page.get_by_role("link", name="Kelly Smith", exact=True).click()
    expect(page.locator(".fd-person-banner")).to_contain_text("Risk to staff: Visit in pairs")
    assert console_errors == []


def test_search_works_without_javascript(browser, live_server, jayden: Person) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    officer = make_user(Role.CONTACT_OFFICER)
    page.goto(f"{live_server.url}/sign-in/?next=/people/")
    page.get_by_label("Username").fill(officer.username)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Name, NHS number, UPN or LA child ID").fill("jayden smith")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".fd-result").first).to_contain_text("Jayden Smith")
    context.close()


def test_adding_a_child_after_a_duplicate_warning(sign_in: Callable[..., Page], jayden: Person) -> None:
    page = sign_in(make_user(Role.CONTACT_OFFICER), "/people/?q=jaiden+smith&dob_day=7&dob_month=3&dob_year=2015")
    page.get_by_role("link", name="Add a new person").click()
    expect(page.get_by_label("First name")).to_have_value("Jaiden")
    page.get_by_label("Male", exact=True).check()
    page.get_by_role("button", name="Add person").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("may already be this person")
    expect(page.locator(".fd-results")).to_contain_text("Jayden Smith")
    assert_accessible(page)
    page.get_by_label("None of these is the person I am adding").check()
    page.get_by_role("button", name="Add person").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Added Jaiden Smith")
    assert_accessible(page)
    assert DuplicateCandidate.objects.get().status == DuplicateCandidate.Status.NOT_DUPLICATE


def test_a_data_officer_merges_and_unmerges_two_records(sign_in: Callable[..., Page], jayden: Person) -> None:
    copy = PersonFactory(
        first_name="Jaydne", last_name="Smith", date_of_birth=date(2015, 3, 7), sex="M", nhs_number="9990000018"
    )
    DuplicateCandidate.objects.create(
        person_a=jayden, person_b=copy, score=0.96, reasons=["First name spelt like Jayden"]
    )
    page = sign_in(make_user(Role.PERFORMANCE_ANALYST), "/people/duplicates/")
    assert_accessible(page)
    page.get_by_role("link", name="Jayden Smith and Jaydne Smith").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are these the same person?")
    assert_accessible(page)
    page.locator("#id_value_nhs_number_1").check()
    page.get_by_role("button", name="Merge records").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Merged Jaydne Smith into Jayden Smith")
    assert_accessible(page)
    assert Person.objects.get(pk=jayden.pk).nhs_number == "9990000018"
    page.get_by_role("button", name="Undo this merge").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Merge undone")
    assert Merge.objects.get().is_undone
    assert Person.objects.get(pk=copy.pk).merged_into is None


@pytest.mark.parametrize(
    "path",
    [
        "/people/{jayden}/edit/",
        "/people/{jayden}/names/add/",
        "/people/{jayden}/address/",
        "/people/{jayden}/relationships/add/?q=kelly",
        "/people/{jayden}/professionals/add/",
        "/people/{jayden}/warnings/add/",
        "/people/{jayden}/restriction/",
        "/people/warnings/overdue/",
        "/people/professionals/add/",
    ],
)
def test_people_pages_pass_the_accessibility_checks(sign_in: Callable[..., Page], jayden: Person, path: str) -> None:
    page = sign_in(make_user(Role.TEAM_MANAGER), path.format(jayden=jayden.pk))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

"""Every page the foundation has, opened as its users would, checked with axe."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority
from frontdoor.accounts.roles import Role
from tests.browser.accessibility import assert_accessible
from tests.conftest import make_user
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def council(transactional_db: None) -> LocalAuthority:
    return LocalAuthority.load()


@pytest.mark.parametrize(
    ("role", "path", "heading"),
    [
        (Role.SOCIAL_WORKER, "/timescales/", "Timescales"),
        (Role.SOCIAL_WORKER, "/timescales/?start_day=19&start_month=12&start_year=2025&days=7", "Timescales"),
        (Role.SOCIAL_WORKER, "/timescales/?start_day=31&start_month=2&start_year=2025", "Timescales"),
        (Role.ADMINISTRATOR, "/council/", "Council settings"),
        (Role.ADMINISTRATOR, "/timescales/closure-days/add/", "Add a closure day"),
        (Role.TEAM_MANAGER, "/teams/", "Teams"),
        (Role.ADMINISTRATOR, "/staff/", "Staff"),
        (Role.ADMINISTRATOR, "/staff/add/", "Add a staff member"),
        (Role.QA_OFFICER, "/records/events/", "Event log"),
        (Role.SOCIAL_WORKER, "/accessibility/", "Accessibility statement for Front Door"),
        (Role.SOCIAL_WORKER, "/privacy/", "Privacy notice"),
        (Role.SOCIAL_WORKER, "/no-such-page/", "Page not found"),
        (Role.PARTNER, "/council/", "You do not have access to this page"),
    ],
)
def test_pages_pass_the_accessibility_checks(
    sign_in: Callable[..., Page], console_errors: list[str], role: Role, path: str, heading: str
) -> None:
    page = sign_in(make_user(role), path)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)
    assert console_errors == [] or path == "/no-such-page/" or role == Role.PARTNER


def test_a_person_page_is_accessible(sign_in: Callable[..., Page]) -> None:
    child = PersonFactory(first_name="Jayden", last_name="Smith")
    page = sign_in(make_user(Role.SOCIAL_WORKER), f"/people/{child.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jayden Smith")
    assert_accessible(page)


def test_an_administrator_saves_council_settings_by_keyboard(sign_in: Callable[..., Page]) -> None:
    page = sign_in(make_user(Role.ADMINISTRATOR), "/council/")
    page.get_by_label("Council name").fill("Northbridge City Council")
    page.get_by_label("Council name").press("Enter")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Council settings saved")
    expect(page.locator(".govuk-generic-header")).to_contain_text("Northbridge City Council")
    assert_accessible(page)


def test_the_api_documentation_renders_under_the_content_security_policy(
    sign_in: Callable[..., Page], console_errors: list[str]
) -> None:
    page = sign_in(make_user(Role.PERFORMANCE_ANALYST), "/api/docs/")
    expect(page.locator(".swagger-ui .title")).to_contain_text("Front Door API")
    assert console_errors == []


def test_an_administrator_adds_a_staff_member(sign_in: Callable[..., Page]) -> None:
    from tests.factories import TeamFactory

    TeamFactory(name="Locality team South")
    page = sign_in(make_user(Role.ADMINISTRATOR), "/staff/add/")
    page.get_by_role("button", name="Add staff member").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter username")
    assert_accessible(page)
    page.get_by_label("Username").fill("nadia.hussain")
    page.get_by_label("Temporary password").fill("a-long-temporary-passphrase")
    page.get_by_label("First name").fill("Nadia")
    page.get_by_label("Last name").fill("Hussain")
    page.get_by_label("Social worker", exact=True).check()
    page.get_by_label("Team", exact=True).select_option(label="Locality team South")
    page.get_by_role("button", name="Add staff member").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Added Nadia Hussain")
    staff_member = page.get_by_role("link", name="Nadia Hussain")
    staff_member.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nadia Hussain")
    assert_accessible(page)

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from tests.accounts.test_home import HOME_HEADINGS
from tests.browser.accessibility import assert_accessible
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(transactional_db: None) -> LocalAuthority:
    council = LocalAuthority.load()
    council.name = "Testshire County Council"
    council.front_door_phone = "0300 555 0100"
    council.out_of_hours_phone = "0300 555 0199"
    council.save()
    return council


@pytest.mark.parametrize("role", list(Role))
def test_each_role_signs_in_to_their_home_page(
    sign_in: Callable[[User], Page], council: LocalAuthority, console_errors: list[str], role: Role
) -> None:
    page = sign_in(make_user(role))
    expect(page.get_by_role("heading", level=1)).to_have_text(HOME_HEADINGS[role])
    expect(page.locator(".govuk-generic-header")).to_contain_text("Testshire County Council")
    assert_accessible(page)
    assert console_errors == []


def test_a_sign_in_mistake_is_shown_accessibly(page: Page, live_server, council: LocalAuthority) -> None:
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter your username")
    expect(summary).to_be_focused()
    expect(page).to_have_title("Error: Sign in – Front Door – Testshire County Council")
    assert_accessible(page)


def test_sign_in_works_with_the_keyboard_alone(page: Page, live_server, council: LocalAuthority) -> None:
    user = make_user(Role.SOCIAL_WORKER)
    page.goto(f"{live_server.url}/timescales/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Username")).to_be_focused()
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    page.keyboard.type("correct-horse-battery")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Timescales")


def test_the_menu_and_sign_out_work_by_keyboard(sign_in: Callable[[User], Page], council: LocalAuthority) -> None:
    page = sign_in(make_user(Role.ADMINISTRATOR))
    page.get_by_role("link", name="Council settings", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Council settings")
    page.get_by_role("button", name="Sign out").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Front Door")

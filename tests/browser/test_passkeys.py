"""Adding a passkey and signing in with it, in Chromium with its virtual authenticator, by keyboard, checked with axe.

Chromium's DevTools protocol gives the browser a software authenticator
(CTAP2, built in, with user verification), so navigator.credentials.create
and get run for real, through passkeys.mjs, against the live server.
http://localhost is a secure context, which WebAuthn requires.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import CDPSession, Page, expect

from frontdoor.accounts.models import LocalAuthority, Passkey
from frontdoor.accounts.roles import Role
from frontdoor.records.models import Event
from tests.browser.accessibility import assert_accessible
from tests.browser.keyboard import tab_to
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def council(transactional_db: None) -> LocalAuthority:
    return LocalAuthority.load()


@pytest.fixture
def virtual_authenticator(page: Page) -> Iterator[CDPSession]:
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    yield session
    session.send("WebAuthn.disable")


def test_a_social_worker_adds_a_passkey_and_signs_in_with_it(
    sign_in: Callable[..., Page],
    virtual_authenticator: CDPSession,
    console_errors: list[str],
    live_server: Any,
    settings: Any,
) -> None:
    settings.MFA_REQUIRED = True
    worker = make_user(Role.SOCIAL_WORKER)
    page = sign_in(worker, "/")
    # Required to set up a second factor; a passkey is offered beside the app.
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    page.get_by_role("link", name="add a passkey instead").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a passkey")
    # With JavaScript and passkeys in the browser, the form shows and the fallback text goes.
    expect(page.get_by_text("Adding a passkey needs JavaScript")).to_be_hidden()
    assert_accessible(page)

    name = page.get_by_label("Name for this passkey")
    tab_to(page, name)
    page.keyboard.type("Work laptop")
    tab_to(page, page.get_by_role("button", name="Add passkey"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    passkey = Passkey.objects.get(user=worker)
    assert passkey.name == "Work laptop"

    page.goto(f"{live_server.url}/account/security/")
    expect(page.get_by_role("table", name="Your passkeys")).to_contain_text("Work laptop")
    assert_accessible(page)

    # Sign out, then in again: the password, then the passkey.
    page.get_by_role("button", name="Sign out").click()
    sign_in(worker, "/account/security/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Use your passkey")
    assert_accessible(page)
    tab_to(page, page.get_by_role("button", name="Use your passkey"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    assert Event.objects.filter(kind="mfa.passkey_used", actor=worker).count() == 1
    passkey.refresh_from_db()
    assert passkey.last_used_at is not None
    assert console_errors == []


def test_adding_the_same_device_twice_says_so(
    sign_in: Callable[..., Page], virtual_authenticator: CDPSession, live_server: Any
) -> None:
    worker = make_user(Role.SOCIAL_WORKER)
    page = sign_in(worker, "/account/passkeys/add/")
    page.get_by_label("Name for this passkey").fill("Laptop")
    page.get_by_role("button", name="Add passkey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    page.goto(f"{live_server.url}/account/passkeys/add/")
    page.get_by_label("Name for this passkey").fill("Laptop again")
    page.get_by_role("button", name="Add passkey").click()
    expect(page.get_by_role("alert")).to_have_text("This device already has a passkey for your account")
    assert_accessible(page)
    assert Passkey.objects.filter(user=worker).count() == 1

"""Setting up an authenticator app and signing in with its codes, in the browser, by keyboard, checked with axe."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pyotp
import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontdoor.accounts import services
from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from tests.browser.accessibility import assert_accessible
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def council(transactional_db: None) -> LocalAuthority:
    return LocalAuthority.load()


def enrolled(user: User) -> str:
    secret = pyotp.random_base32()
    services.enrol_authenticator_app(user=user, secret=secret, code=pyotp.TOTP(secret).now(), by=user)
    return secret


def test_a_social_worker_sets_up_an_app_and_sees_their_recovery_codes(sign_in: Callable[..., Page]) -> None:
    page = sign_in(make_user(Role.SOCIAL_WORKER), "/account/security/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    assert_accessible(page)
    page.get_by_role("button", name="Set up an authenticator app").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    expect(page.get_by_role("img", name="QR code to scan with your authenticator app")).to_be_visible()
    page.get_by_text("I cannot scan the QR code").click()
    assert_accessible(page)
    page.get_by_label("Code from your authenticator app").fill("123456")
    page.get_by_label("Code from your authenticator app").press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not correct")
    assert_accessible(page)
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#setup-key").inner_text().replace(" ", "")
    page.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(secret).now())
    page.get_by_label("Code from your authenticator app").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(page.get_by_role("list", name="Recovery codes").get_by_role("listitem")).to_have_count(10)
    assert_accessible(page)


def test_signing_in_asks_for_the_code_after_the_password(sign_in: Callable[..., Page]) -> None:
    user = make_user(Role.TEAM_MANAGER)
    secret = enrolled(user)
    page = sign_in(user, "/teams/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the code from your authenticator app")
    assert_accessible(page)
    page.get_by_label("Code").fill("000000")
    page.get_by_label("Code").press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not correct")
    assert_accessible(page)
    page.get_by_label("Code").fill(pyotp.TOTP(secret).at(timezone.now() + timedelta(seconds=30)))
    page.get_by_label("Code").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Teams")


def test_an_administrator_resets_a_lost_app(sign_in: Callable[..., Page]) -> None:
    worker = make_user(Role.SOCIAL_WORKER)
    enrolled(worker)
    page = sign_in(make_user(Role.ADMINISTRATOR), f"/staff/{worker.pk}/")
    page.get_by_role("link", name="Reset their authenticator app").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset authenticator app")
    assert_accessible(page)
    page.get_by_role("button", name="Reset authenticator app").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Reset the authenticator app")


def test_when_required_a_partner_is_taken_to_set_up_after_the_password(
    sign_in: Callable[..., Page], settings: Any
) -> None:
    settings.MFA_REQUIRED = True
    page = sign_in(make_user(Role.PARTNER), "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    assert_accessible(page)

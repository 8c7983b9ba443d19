"""Signing in with a password and a code from an authenticator app (TOTP), or a recovery code."""

import re
from datetime import timedelta

import pyotp
import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from frontdoor.accounts import services
from frontdoor.accounts.models import AuthenticatorApp, RecoveryCode, User
from frontdoor.accounts.services import SecondFactor
from frontdoor.records.models import Event
from tests.factories import PASSWORD

SECRET = pyotp.random_base32()


def enrol(user: User, secret: str = SECRET) -> list[str]:
    """Set up an app for the user as they would, with the code the app shows now."""
    return services.enrol_authenticator_app(user=user, secret=secret, code=pyotp.TOTP(secret).now(), by=user)


def next_code(secret: str = SECRET) -> str:
    """The app's next code: still accepted (the phone may run a little fast), and newer than the one enrolled."""
    return pyotp.TOTP(secret).at(timezone.now() + timedelta(seconds=30))


def sign_in_with_password(client: Client, username: str, next_url: str = "") -> object:
    return client.post(f"/sign-in/?next={next_url}", {"username": username, "password": PASSWORD, "next": next_url})


def is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def mfa_required(settings: object) -> None:
    settings.MFA_REQUIRED = True  # type: ignore[attr-defined]


# Enrolment


def test_enrolling_needs_a_right_code_from_the_app(social_worker: User) -> None:
    with pytest.raises(ValidationError, match="The code is not correct"):
        services.enrol_authenticator_app(user=social_worker, secret=SECRET, code="000000", by=social_worker)
    assert not AuthenticatorApp.objects.filter(user=social_worker).exists()


def test_enrolling_gives_ten_recovery_codes_kept_only_as_hashes(social_worker: User) -> None:
    codes = enrol(social_worker)
    assert len(set(codes)) == 10
    stored = set(RecoveryCode.objects.filter(user=social_worker).values_list("code_hash", flat=True))
    assert stored == {services.hash_recovery_code(code) for code in codes}
    assert not any(code in stored for code in codes)
    assert Event.objects.filter(kind="mfa.enrolled", actor=social_worker).count() == 1


def test_no_one_can_enrol_an_app_for_someone_else(social_worker: User, administrator: User) -> None:
    code = next_code()
    with pytest.raises(ValidationError):
        services.enrol_authenticator_app(user=social_worker, secret=SECRET, code=code, by=administrator)


def test_the_set_up_page_shows_a_qr_code_and_the_key_and_enrols_with_a_code(client_for, social_worker: User) -> None:
    client = client_for(social_worker)
    page = client.get("/account/authenticator/").content.decode()
    assert '<svg role="img" aria-label="QR code to scan with your authenticator app"' in page
    secret = client.session["signin.enrolment_secret"]
    assert secret[:4] + " " + secret[4:8] in page
    response = client.post("/account/authenticator/", {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == "/account/recovery-codes/"
    codes_page = client.get("/account/recovery-codes/").content.decode()
    assert len(re.findall(r"<code>[a-z2-9]{5}-[a-z2-9]{5}</code>", codes_page)) == 10
    # Shown once only.
    assert client.get("/account/recovery-codes/")["Location"] == "/account/security/"
    assert AuthenticatorApp.objects.get(user=social_worker).secret == secret


def test_a_wrong_code_at_set_up_is_a_govuk_error(client_for, social_worker: User) -> None:
    client = client_for(social_worker)
    client.get("/account/authenticator/")
    page = client.post("/account/authenticator/", {"code": "123"}).content.decode()
    assert "There is a problem" in page
    assert "The code is not correct" in page


# Signing in


def test_with_an_app_the_password_alone_does_not_sign_in(social_worker: User, council: object) -> None:
    enrol(social_worker)
    client = Client()
    response = sign_in_with_password(client, "ben")
    assert response["Location"] == "/sign-in/code/"
    assert not is_signed_in(client)
    assert client.get("/")["Location"] == "/sign-in/?next=/"


def test_the_password_then_the_code_signs_in_and_keeps_the_deep_link(social_worker: User, council: object) -> None:
    enrol(social_worker)
    client = Client()
    sign_in_with_password(client, "ben", next_url="/timescales/")
    response = client.post("/sign-in/code/", {"code": next_code()})
    assert response["Location"] == "/timescales/"
    assert is_signed_in(client)
    assert client.get("/timescales/").status_code == 200


def test_a_code_cannot_be_used_twice(social_worker: User) -> None:
    enrol(social_worker)
    code = next_code()
    assert services.verify_second_factor(user=social_worker, code=code, by=social_worker) == SecondFactor.APP
    assert services.verify_second_factor(user=social_worker, code=code, by=social_worker) is None


def test_an_old_code_is_refused(social_worker: User) -> None:
    enrol(social_worker)
    stale = pyotp.TOTP(SECRET).at(timezone.now() - timedelta(minutes=3))
    assert services.verify_second_factor(user=social_worker, code=stale, by=social_worker) is None


def test_a_recovery_code_signs_in_once(social_worker: User, council: object) -> None:
    codes = enrol(social_worker)
    client = Client()
    sign_in_with_password(client, "ben")
    response = client.post("/sign-in/code/", {"code": codes[3].upper()}, follow=True)
    assert is_signed_in(client)
    assert "You used a recovery code" in response.content.decode()
    assert services.verify_second_factor(user=social_worker, code=codes[3], by=social_worker) is None
    assert Event.objects.get(kind="mfa.recovery_code_used").data == {"recovery_codes_left": 9}


def test_new_recovery_codes_replace_the_old_ones(client_for, social_worker: User) -> None:
    old = enrol(social_worker)
    client = client_for(social_worker)
    assert client.post("/account/recovery-codes/new/")["Location"] == "/account/recovery-codes/"
    new = re.findall(r"<code>([a-z2-9-]{11})</code>", client.get("/account/recovery-codes/").content.decode())
    assert len(new) == 10
    assert services.verify_second_factor(user=social_worker, code=old[0], by=social_worker) is None
    assert services.verify_second_factor(user=social_worker, code=new[0], by=social_worker)


def test_a_wrong_code_is_a_govuk_error(social_worker: User) -> None:
    enrol(social_worker)
    client = Client()
    sign_in_with_password(client, "ben")
    page = client.post("/sign-in/code/", {"code": "000000"}).content.decode()
    assert "The code is not correct" in page
    assert "<title>Error: Enter your code" in page
    assert not is_signed_in(client)


def test_wrong_codes_lock_the_account_like_wrong_passwords(social_worker: User) -> None:
    enrol(social_worker)
    client = Client()
    sign_in_with_password(client, "ben")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post("/sign-in/code/", {"code": "000000"}).status_code == 200
    response = client.post("/sign-in/code/", {"code": "000000"})
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    # Neither the right code nor the password gets in now.
    assert client.post("/sign-in/code/", {"code": next_code()})["Location"] == "/sign-in/"
    assert sign_in_with_password(Client(), "ben").status_code == 429
    assert not is_signed_in(client)


def test_a_right_password_does_not_wipe_the_count_of_wrong_codes(social_worker: User) -> None:
    enrol(social_worker)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client = Client()
        sign_in_with_password(client, "ben")
        client.post("/sign-in/code/", {"code": "000000"})
    assert sign_in_with_password(Client(), "ben").status_code == 429


def test_the_code_step_times_out(social_worker: User) -> None:
    enrol(social_worker)
    client = Client()
    sign_in_with_password(client, "ben")
    session = client.session
    session["signin.pending"]["since"] = (timezone.now() - timedelta(minutes=6)).isoformat()
    session.save()
    assert client.post("/sign-in/code/", {"code": next_code()})["Location"] == "/sign-in/"
    assert not is_signed_in(client)


def test_the_code_page_needs_the_password_first(db: None) -> None:
    assert Client().get("/sign-in/code/")["Location"] == "/sign-in/"


def test_the_admin_site_sign_in_goes_through_ours(db: None) -> None:
    assert Client().get("/django-admin/login/?next=/django-admin/")["Location"] == "/sign-in/?next=/django-admin/"


# MFA_REQUIRED


def test_when_required_a_user_without_an_app_can_only_set_one_up(
    mfa_required: None, social_worker: User, council: object
) -> None:
    client = Client()
    assert sign_in_with_password(client, "ben")["Location"] == "/"
    for path in ("/", "/timescales/", "/account/security/", "/people/"):
        assert client.get(path)["Location"] == "/account/authenticator/", path
    assert client.get("/account/authenticator/").status_code == 200
    assert client.get("/api/v1/me/").status_code == 403
    secret = client.session["signin.enrolment_secret"]
    client.post("/account/authenticator/", {"code": pyotp.TOTP(secret).now()})
    assert client.get("/timescales/").status_code == 200


@pytest.mark.parametrize("role_user", ["partner", "administrator", "team_manager"])
def test_when_required_every_role_must_set_up_an_app(mfa_required: None, client_for, request, role_user: str) -> None:
    user = request.getfixturevalue(role_user)
    assert client_for(user).get("/")["Location"] == "/account/authenticator/"


def test_when_required_signing_out_still_works(mfa_required: None, client_for, social_worker: User) -> None:
    client = client_for(social_worker)
    assert client.post("/sign-out/")["Location"] == "/sign-in/"
    assert not is_signed_in(client)


def test_when_required_api_tokens_still_work(mfa_required: None, social_worker: User) -> None:
    from tests.conftest import api_client

    assert api_client(social_worker).get("/api/v1/me/").json()["username"] == "ben"


def test_a_session_that_skipped_the_code_is_sent_back_to_sign_in(mfa_required: None, client_for, social_worker):
    enrol(social_worker)
    client = client_for(social_worker)
    assert client.get("/")["Location"] == "/account/authenticator/"
    assert client.get("/account/authenticator/")["Location"] == "/sign-in/"
    assert not is_signed_in(client)


def test_when_not_required_staff_without_an_app_sign_in_with_a_password(social_worker: User, council: object) -> None:
    client = Client()
    sign_in_with_password(client, "ben")
    assert client.get("/").status_code == 200


# An administrator resets a lost app


def test_an_administrator_resets_someones_app(client_for, administrator: User, social_worker: User) -> None:
    enrol(social_worker)
    client = client_for(administrator)
    assert "Reset authenticator app" in client.get(f"/staff/{social_worker.pk}/authenticator/").content.decode()
    assert client.post(f"/staff/{social_worker.pk}/authenticator/")["Location"] == f"/staff/{social_worker.pk}/"
    assert not AuthenticatorApp.objects.filter(user=social_worker).exists()
    assert not RecoveryCode.objects.filter(user=social_worker).exists()
    event = Event.objects.get(kind="mfa.reset")
    assert event.actor == administrator
    assert event.record_id == str(social_worker.pk)


def test_after_a_reset_the_password_signs_in_and_asks_for_a_new_app(
    mfa_required: None, administrator: User, social_worker: User
) -> None:
    enrol(social_worker)
    services.reset_mfa(user=social_worker, by=administrator)
    client = Client()
    assert sign_in_with_password(client, "ben")["Location"] == "/"
    assert client.get("/")["Location"] == "/account/authenticator/"


def test_only_administrators_reset_apps(client_for, team_manager: User, social_worker: User) -> None:
    enrol(social_worker)
    assert client_for(team_manager).post(f"/staff/{social_worker.pk}/authenticator/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.reset_mfa(user=social_worker, by=team_manager)
    assert AuthenticatorApp.objects.filter(user=social_worker).exists()


def test_an_administrator_cannot_reset_their_own_app(administrator: User) -> None:
    enrol(administrator)
    with pytest.raises(ValidationError):
        services.reset_mfa(user=administrator, by=administrator)

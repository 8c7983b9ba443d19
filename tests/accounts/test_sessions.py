"""Sessions: a new key at sign-in, an idle limit, an absolute limit, and nothing left after signing out."""

from datetime import datetime, timedelta

import pyotp
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from frontdoor.accounts import services
from frontdoor.accounts.models import User
from tests.factories import PASSWORD


def session_key(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def signed_in_hours_ago(client: Client, hours: float) -> None:
    session = client.session
    session["signin.at"] = (timezone.now() - timedelta(hours=hours)).isoformat()
    session.save()


def test_signing_in_gives_the_session_a_new_key(social_worker: User) -> None:
    client = Client()
    planted = client.session
    planted["planted"] = "by someone else"
    planted.save()
    before = session_key(client)
    client.post("/sign-in/", {"username": "ben", "password": PASSWORD})
    assert session_key(client) != before
    assert not Session.objects.filter(session_key=before).exists()


def test_each_step_of_a_two_step_sign_in_gives_a_new_key(social_worker: User) -> None:
    secret = pyotp.random_base32()
    services.enrol_authenticator_app(user=social_worker, secret=secret, code=pyotp.TOTP(secret).now(), by=social_worker)
    client = Client()
    client.session.save()
    client.get("/sign-in/")
    first = session_key(client)
    client.post("/sign-in/", {"username": "ben", "password": PASSWORD})
    second = session_key(client)
    client.post("/sign-in/code/", {"code": pyotp.TOTP(secret).at(timezone.now() + timedelta(seconds=30))})
    assert len({first, second, session_key(client)}) == 3
    assert "_auth_user_id" in client.session


def test_signing_out_deletes_the_session(client_for, social_worker: User, council: object) -> None:
    client = client_for(social_worker)
    client.get("/")
    key = session_key(client)
    client.post("/sign-out/")
    assert not Session.objects.filter(session_key=key).exists()
    assert "_auth_user_id" not in client.session


def test_each_request_moves_the_idle_limit_forward(client_for, social_worker: User, council: object) -> None:
    client = client_for(social_worker)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    client.get("/timescales/")
    expires = Session.objects.get(session_key=session_key(client)).expire_date
    assert expires > timezone.now() + timedelta(minutes=settings.SESSION_IDLE_MINUTES - 1)


def test_a_session_ends_after_the_idle_limit(client_for, social_worker: User, council: object) -> None:
    client = client_for(social_worker)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/timescales/")["Location"] == "/sign-in/?next=/timescales/"


def test_a_busy_session_still_ends_after_the_absolute_limit(client_for, social_worker: User, council: object) -> None:
    client = client_for(social_worker)
    signed_in_hours_ago(client, settings.SESSION_ABSOLUTE_HOURS + 0.1)
    response = client.get("/timescales/")
    assert response["Location"] == "/sign-in/?next=/timescales/"
    assert "_auth_user_id" not in client.session
    assert "You were signed out because you signed in a long time ago" in client.get("/sign-in/").content.decode()


def test_a_session_within_the_absolute_limit_goes_on(client_for, social_worker: User, council: object) -> None:
    client = client_for(social_worker)
    signed_in_hours_ago(client, settings.SESSION_ABSOLUTE_HOURS - 0.1)
    assert client.get("/timescales/").status_code == 200


def test_the_absolute_limit_is_ten_hours_unless_set(settings: object) -> None:
    assert settings.SESSION_ABSOLUTE_HOURS == 10  # type: ignore[attr-defined]


def test_a_session_made_without_the_sign_in_page_starts_its_clock_at_first_use(
    client_for, social_worker: User, council: object
) -> None:
    client = client_for(social_worker)
    client.get("/")
    started = client.session["signin.at"]
    assert timezone.now() - datetime.fromisoformat(started) < timedelta(minutes=1)


def signed_in_with_an_app(user: User) -> Client:
    """Sign in through both steps, as someone whose phone an administrator is about to hear is lost."""
    secret = pyotp.random_base32()
    services.enrol_authenticator_app(user=user, secret=secret, code=pyotp.TOTP(secret).now(), by=user)
    client = Client()
    client.post("/sign-in/", {"username": user.username, "password": PASSWORD})
    client.post("/sign-in/code/", {"code": pyotp.TOTP(secret).at(timezone.now() + timedelta(seconds=30))})
    assert client.get("/timescales/").status_code == 200
    return client


def test_resetting_someones_authenticator_app_signs_them_out_everywhere(
    client_for, social_worker: User, administrator: User, council: object
) -> None:
    phone_holder = signed_in_with_an_app(social_worker)
    admin = client_for(administrator)
    admin.post(f"/staff/{social_worker.pk}/authenticator/")
    assert phone_holder.get("/timescales/")["Location"] == "/sign-in/?next=/timescales/"
    assert "_auth_user_id" not in phone_holder.session
    assert admin.get("/timescales/").status_code == 200, "the administrator stays signed in"


def test_closing_an_account_signs_its_owner_out_and_reopening_does_not_revive_the_session(
    client_for, social_worker: User, administrator: User, council: object
) -> None:
    leaver, admin = client_for(social_worker), client_for(administrator)
    assert leaver.get("/timescales/").status_code == 200
    admin.post(f"/staff/{social_worker.pk}/account/", {"open": "no"})
    admin.post(f"/staff/{social_worker.pk}/account/", {"open": "yes"})
    assert leaver.get("/timescales/")["Location"] == "/sign-in/?next=/timescales/"


def test_resetting_a_password_signs_its_owner_out(
    client_for, social_worker: User, administrator: User, council: object
) -> None:
    worker = client_for(social_worker)
    client_for(administrator).post(f"/staff/{social_worker.pk}/password/", {"password": "a-long-temporary-passphrase"})
    assert worker.get("/timescales/")["Location"] == "/sign-in/?next=/timescales/"


def test_sessions_from_before_the_session_generation_existed_carry_on(social_worker: User) -> None:
    # Generation 0 must give Django's own fingerprint, or every session would end at the upgrade.
    from django.contrib.auth.base_user import AbstractBaseUser

    assert social_worker.session_generation == 0
    assert social_worker.get_session_auth_hash() == AbstractBaseUser.get_session_auth_hash(social_worker)

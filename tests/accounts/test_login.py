import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from frontdoor.accounts.models import User
from tests.factories import PASSWORD


def sign_in(client: Client, username: str, password: str, next_url: str = "") -> object:
    url = f"/sign-in/?next={next_url}" if next_url else "/sign-in/"
    return client.post(url, {"username": username, "password": password, "next": next_url})


def test_signing_in_lands_on_the_home_page(social_worker: User, council: object) -> None:
    client = Client()
    response = sign_in(client, "ben", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "My work" in client.get("/").content.decode()


def test_a_wrong_password_shows_a_govuk_error(social_worker: User) -> None:
    response = sign_in(Client(), "ben", "not-the-password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The username or password is not correct" in page
    assert "<title>Error: Sign in" in page


def test_empty_fields_name_the_field(db: None) -> None:
    page = sign_in(Client(), "", "").content.decode()
    assert 'href="#id_username">Enter your username' in page
    assert 'href="#id_password">Enter your password' in page


def test_an_account_locks_after_repeated_failures(social_worker: User) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "ben", "wrong")
    response = sign_in(client, "ben", PASSWORD)
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_below_the_limit_do_not_lock(social_worker: User) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "ben", "wrong")
    assert sign_in(client, "ben", PASSWORD).status_code == 302


def test_a_deep_link_returns_after_sign_in(social_worker: User, council: object) -> None:
    client = Client()
    response = client.get("/timescales/")
    assert response["Location"] == "/sign-in/?next=/timescales/"
    response = sign_in(client, "ben", PASSWORD, next_url="/timescales/")
    assert response["Location"] == "/timescales/"


def test_sign_in_will_not_send_you_to_another_site(social_worker: User) -> None:
    response = sign_in(Client(), "ben", PASSWORD, next_url="https://evil.example/")
    assert response["Location"] == "/"


def test_a_closed_account_cannot_sign_in(social_worker: User) -> None:
    social_worker.is_active = False
    social_worker.save()
    response = sign_in(Client(), "ben", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in response.wsgi_request.session


def test_signing_out_ends_the_session(client_for, social_worker: User) -> None:
    client = client_for(social_worker)
    assert client.post("/sign-out/")["Location"] == "/sign-in/"
    assert client.get("/")["Location"] == "/sign-in/?next=/"


def test_sessions_expire_after_thirty_idle_minutes(client_for, social_worker: User, council: object) -> None:
    client = client_for(social_worker)
    client.get("/")
    assert client.session.get_expiry_age() == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST, "each request must restart the idle clock"
    assert client.session.get_expire_at_browser_close()


@pytest.mark.parametrize("path", ["/", "/timescales/", "/teams/", "/council/", "/records/events/"])
def test_every_page_needs_a_signed_in_user(db: None, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_an_expired_session_sends_you_back_to_sign_in(client_for, social_worker: User, council: object) -> None:
    from django.contrib.sessions.models import Session

    client = client_for(social_worker)
    Session.objects.update(expire_date=timezone.now())
    assert client.get("/timescales/")["Location"] == "/sign-in/?next=/timescales/"

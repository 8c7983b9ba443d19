from io import StringIO

from django.core.management import call_command
from django.test import Client

from frontdoor.accounts.models import ApiToken, User
from frontdoor.accounts.services import create_api_token, revoke_api_token
from frontdoor.records.models import Event


def test_a_token_authenticates_api_calls(social_worker: User, council: object) -> None:
    token, key = create_api_token(user=social_worker, name="telephony", by=None)
    response = Client().get("/api/v1/me/", headers={"authorization": f"Bearer {key}"})
    assert response.status_code == 200
    assert response.json()["username"] == "ben"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_only_a_hash_of_the_key_is_stored(social_worker: User) -> None:
    token, key = create_api_token(user=social_worker, name="telephony", by=None)
    assert key not in token.key_hash
    assert not ApiToken.objects.filter(key_hash=key).exists()
    assert Event.objects.filter(kind="api_token.created").exists()


def test_a_revoked_token_is_refused(social_worker: User) -> None:
    token, key = create_api_token(user=social_worker, name="telephony", by=None)
    revoke_api_token(token=token, by=None)
    response = Client().get("/api/v1/me/", headers={"authorization": f"Bearer {key}"})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "The API token is not valid or has been revoked"


def test_a_token_of_a_closed_account_is_refused(social_worker: User) -> None:
    _, key = create_api_token(user=social_worker, name="telephony", by=None)
    social_worker.is_active = False
    social_worker.save()
    assert Client().get("/api/v1/me/", headers={"authorization": f"Bearer {key}"}).status_code == 401


def test_the_command_shows_the_key_once(social_worker: User) -> None:
    out = StringIO()
    call_command("create_api_token", user="ben", name="police notifications", stdout=out)
    key = next(line.strip() for line in out.getvalue().splitlines() if line.strip().startswith("fd_"))
    response = Client().get("/api/v1/me/", headers={"authorization": f"Token {key}"})
    assert response.status_code == 200


def test_the_revoke_command_names_the_token_by_the_start_of_its_key(social_worker: User) -> None:
    token, key = create_api_token(user=social_worker, name="telephony", by=None)
    # With "fd_" in front, even a prefix that starts with "-" (the key is random) is not taken for an option.
    call_command("revoke_api_token", key[:11], stdout=StringIO())
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Client().get("/api/v1/me/", headers={"authorization": f"Bearer {key}"}).status_code == 401


def test_the_revoke_command_takes_a_key_whose_prefix_starts_with_a_dash(social_worker: User) -> None:
    token, _ = create_api_token(user=social_worker, name="telephony", by=None)
    ApiToken.objects.filter(pk=token.pk).update(prefix="-AbCdEfG")
    call_command("revoke_api_token", "fd_-AbCdEfG", stdout=StringIO())
    token.refresh_from_db()
    assert token.revoked_at is not None

"""Single sign-on through OpenID Connect, against a fake provider (its HTTP endpoints are replaced)."""

import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client
from jwt.algorithms import RSAAlgorithm
from mozilla_django_oidc import auth as oidc_library

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role

ISSUER = "https://login.provider.example/tenant-id/v2.0"
CLIENT_ID = "front-door-client"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


class FakeResponse:
    def __init__(self, body: dict[str, Any], status_code: int = 200) -> None:
        self.body, self.status_code = body, status_code
        self.headers = {"content-type": "application/json"}
        self.url, self.text = "https://login.provider.example/", str(body)

    def json(self) -> dict[str, Any]:
        return self.body

    def raise_for_status(self) -> None:
        assert self.status_code == 200


class FakeProvider:
    """The token, userinfo and JWKS endpoints of an Entra-like provider."""

    def __init__(self) -> None:
        self.email = "ben@council.example"
        self.issuer, self.audience = ISSUER, CLIENT_ID
        self.nonce = ""
        self.token_requests: list[dict[str, Any]] = []

    def id_token(self) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": "entra-object-id",
            "nonce": self.nonce,
            "iat": now,
            "exp": now + 300,
            "preferred_username": self.email,
        }
        return jwt.encode(claims, KEY, algorithm="RS256", headers={"kid": "key-1"})

    def post(self, url: str, data: dict[str, Any], **kwargs: Any) -> FakeResponse:
        assert url.endswith("/token")
        self.token_requests.append(data)
        return FakeResponse({"id_token": self.id_token(), "access_token": "access-token", "token_type": "Bearer"})

    def get(self, url: str, **kwargs: Any) -> FakeResponse:
        if url.endswith("/keys"):
            jwk = RSAAlgorithm.to_jwk(KEY.public_key(), as_dict=True)
            return FakeResponse({"keys": [{**jwk, "kid": "key-1", "alg": "RS256", "use": "sig"}]})
        assert url.endswith("/userinfo")
        return FakeResponse({"sub": "entra-object-id", "email": self.email})


@pytest.fixture
def provider(settings: Any, monkeypatch: pytest.MonkeyPatch) -> FakeProvider:
    settings.OIDC_ENABLED = True
    settings.OIDC_ISSUER = ISSUER
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "client-secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://login.provider.example/tenant-id/oauth2/v2.0/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://login.provider.example/tenant-id/oauth2/v2.0/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://graph.provider.example/oidc/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://login.provider.example/tenant-id/discovery/v2.0/keys"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "frontdoor.accounts.oidc.StaffOidcBackend"]
    fake = FakeProvider()
    monkeypatch.setattr(oidc_library.requests, "post", fake.post)
    monkeypatch.setattr(oidc_library.requests, "get", fake.get)
    return fake


def single_sign_on(client: Client, provider: FakeProvider, next_url: str = "/") -> Any:
    """Go to the provider, come back with a code, as the browser would."""
    to_provider = client.get(f"/sign-in/sso/?next={next_url}")
    assert to_provider.status_code == 302
    query = parse_qs(urlsplit(to_provider["Location"]).query)
    provider.nonce = query["nonce"][0]
    return client.get("/sign-in/sso/callback/", {"code": "authorisation-code", "state": query["state"][0]})


@pytest.fixture
def ben(social_worker: User) -> User:
    social_worker.email = "Ben@Council.example"
    social_worker.save()
    return social_worker


def test_staff_sign_in_through_the_councils_provider_and_keep_their_role(
    provider: FakeProvider, ben: User, council: object
) -> None:
    client = Client()
    response = single_sign_on(client, provider, next_url="/timescales/")
    assert response["Location"] == "/timescales/"
    assert client.session["_auth_user_id"] == str(ben.pk)
    ben.refresh_from_db()
    assert ben.role == Role.SOCIAL_WORKER


def test_the_sign_in_uses_pkce_and_the_client_secret(provider: FakeProvider, ben: User) -> None:
    to_provider = Client().get("/sign-in/sso/")
    query = parse_qs(urlsplit(to_provider["Location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["client_id"] == [CLIENT_ID]
    single_sign_on(Client(), provider)
    assert provider.token_requests[-1]["code_verifier"]
    assert provider.token_requests[-1]["client_secret"] == "client-secret"


def test_someone_without_an_account_is_not_signed_in_or_given_one(provider: FakeProvider, ben: User) -> None:
    provider.email = "stranger@council.example"
    client = Client()
    response = single_sign_on(client, provider)
    assert response["Location"] == "/sign-in/"
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email__iexact="stranger@council.example").exists()
    assert "did not match an open Front Door account" in client.get("/sign-in/").content.decode()


def test_a_closed_account_cannot_sign_in_through_the_provider(provider: FakeProvider, ben: User) -> None:
    ben.is_active = False
    ben.save()
    client = Client()
    single_sign_on(client, provider)
    assert "_auth_user_id" not in client.session


def test_a_token_from_another_issuer_is_refused(provider: FakeProvider, ben: User) -> None:
    provider.issuer = "https://login.provider.example/another-tenant/v2.0"
    client = Client()
    assert single_sign_on(client, provider).status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_token_for_another_application_is_refused(provider: FakeProvider, ben: User) -> None:
    provider.audience = "some-other-app"
    client = Client()
    assert single_sign_on(client, provider).status_code == 400
    assert "_auth_user_id" not in client.session


def test_the_provider_checks_the_second_factor_so_mfa_set_up_is_not_asked(
    provider: FakeProvider, ben: User, council: object, settings: Any
) -> None:
    settings.MFA_REQUIRED = True
    client = Client()
    single_sign_on(client, provider)
    assert client.get("/").status_code == 200


def test_the_sign_in_page_offers_single_sign_on_only_when_set_up(
    provider: FakeProvider, settings: Any, db: None
) -> None:
    assert "Sign in with your council account" in Client().get("/sign-in/").content.decode()
    settings.OIDC_ENABLED = False
    assert "Sign in with your council account" not in Client().get("/sign-in/").content.decode()
    assert Client().get("/sign-in/sso/").status_code == 404


def test_a_password_sign_in_never_calls_the_provider(provider: FakeProvider, ben: User) -> None:
    from tests.factories import PASSWORD

    Client().post("/sign-in/?code=x&state=y", {"username": "ben", "password": PASSWORD})
    assert provider.token_requests == []

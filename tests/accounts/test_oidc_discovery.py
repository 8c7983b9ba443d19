"""Single sign-on configured by the provider's discovery document, and signing out at the provider too.

The provider is the fake of test_oidc.py, which also serves
/.well-known/openid-configuration; requests' HTTP calls are what is replaced.
"""

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.test import Client
from mozilla_django_oidc import auth as oidc_library

from frontdoor.accounts.models import User
from frontdoor.accounts.oidc import forget_provider_configuration
from tests.accounts.test_oidc import CLIENT_ID, ISSUER, FakeProvider, FakeResponse, single_sign_on
from tests.factories import PASSWORD

DISCOVERY_URL = f"{ISSUER}/.well-known/openid-configuration"
TENANT = "https://login.provider.example/tenant-id"


class DiscoveringProvider(FakeProvider):
    def __init__(self) -> None:
        super().__init__()
        self.reachable = True
        self.discovery_requests = 0
        self.id_tokens: list[str] = []
        self.document: dict[str, Any] = {
            "issuer": ISSUER,
            "authorization_endpoint": f"{TENANT}/oauth2/v2.0/authorize",
            "token_endpoint": f"{TENANT}/oauth2/v2.0/token",
            "userinfo_endpoint": "https://graph.provider.example/oidc/userinfo",
            "jwks_uri": f"{TENANT}/discovery/v2.0/keys",
            "end_session_endpoint": f"{TENANT}/oauth2/v2.0/logout",
        }

    def get(self, url: str, **kwargs: Any) -> FakeResponse:
        if url == DISCOVERY_URL:
            self.discovery_requests += 1
            if not self.reachable:
                raise requests.ConnectionError("Failed to resolve 'login.provider.example'")
            return FakeResponse(self.document)
        return super().get(url, **kwargs)

    def id_token(self) -> str:
        token = super().id_token()
        self.id_tokens.append(token)
        return token


@pytest.fixture
def provider(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[DiscoveringProvider]:
    """Only the issuer, client and secret are set: every endpoint comes from the discovery document."""
    settings.OIDC_ENABLED = True
    settings.OIDC_ISSUER = ISSUER
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "client-secret"
    for name in (
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_USER_ENDPOINT",
        "OIDC_OP_JWKS_ENDPOINT",
        "OIDC_OP_LOGOUT_ENDPOINT",
    ):
        setattr(settings, name, "")
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "frontdoor.accounts.oidc.StaffOidcBackend"]
    fake = DiscoveringProvider()
    monkeypatch.setattr(oidc_library.requests, "post", fake.post)
    monkeypatch.setattr(oidc_library.requests, "get", fake.get)
    forget_provider_configuration()
    yield fake
    forget_provider_configuration()


@pytest.fixture
def ben(social_worker: User) -> User:
    social_worker.email = "ben@council.example"
    social_worker.save()
    return social_worker


def test_the_endpoints_come_from_the_discovery_document(provider: DiscoveringProvider, ben: User) -> None:
    to_provider = Client().get("/sign-in/sso/")
    assert to_provider["Location"].startswith(f"{TENANT}/oauth2/v2.0/authorize?")
    client = Client()
    assert single_sign_on(client, provider, next_url="/account/security/")["Location"] == "/account/security/"
    assert client.session["_auth_user_id"] == str(ben.pk)


def test_the_document_is_read_once_not_on_every_sign_in(provider: DiscoveringProvider, ben: User) -> None:
    for _ in range(3):
        single_sign_on(Client(), provider)
    assert provider.discovery_requests == 1


def test_an_endpoint_set_in_the_settings_overrides_the_document(
    provider: DiscoveringProvider, settings: Any, db: None
) -> None:
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://sso.council.example/authorize"
    assert Client().get("/sign-in/sso/")["Location"].startswith("https://sso.council.example/authorize?")


def test_an_unreachable_provider_is_a_clear_message_and_passwords_still_work(
    provider: DiscoveringProvider, ben: User, caplog: pytest.LogCaptureFixture
) -> None:
    provider.reachable = False
    client = Client()
    assert client.get("/sign-in/sso/")["Location"] == "/sign-in/"
    assert "Single sign-on is not working just now" in client.get("/sign-in/").content.decode()
    assert f"Could not read the OpenID Connect discovery document at {DISCOVERY_URL}" in caplog.text
    assert client.post("/sign-in/", {"username": ben.username, "password": PASSWORD})["Location"] == "/"
    assert client.session["_auth_user_id"] == str(ben.pk)


def test_a_document_for_another_issuer_is_not_used(provider: DiscoveringProvider, db: None, caplog) -> None:
    provider.document["issuer"] = "https://login.provider.example/another-tenant/v2.0"
    assert Client().get("/sign-in/sso/")["Location"] == "/sign-in/"
    assert "not OIDC_ISSUER" in caplog.text


def test_signing_out_after_single_sign_on_ends_the_providers_session_too(
    provider: DiscoveringProvider, ben: User
) -> None:
    client = Client()
    single_sign_on(client, provider)
    response = client.post("/sign-out/")
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{TENANT}/oauth2/v2.0/logout"
    query = parse_qs(location.query)
    assert query["id_token_hint"] == [provider.id_tokens[-1]]
    assert query["post_logout_redirect_uri"] == ["http://testserver/sign-in/"]
    assert query["client_id"] == [CLIENT_ID]
    assert "_auth_user_id" not in client.session
    assert "oidc_id_token" not in client.session


def test_signing_out_after_a_password_sign_in_stays_in_front_door(provider: DiscoveringProvider, ben: User) -> None:
    client = Client()
    client.post("/sign-in/", {"username": ben.username, "password": PASSWORD})
    assert client.post("/sign-out/")["Location"] == "/sign-in/"
    assert "_auth_user_id" not in client.session


def test_without_an_end_session_endpoint_signing_out_ends_front_doors_session_only(
    provider: DiscoveringProvider, ben: User
) -> None:
    del provider.document["end_session_endpoint"]
    client = Client()
    single_sign_on(client, provider)
    assert client.post("/sign-out/")["Location"] == "/sign-in/"
    assert "_auth_user_id" not in client.session

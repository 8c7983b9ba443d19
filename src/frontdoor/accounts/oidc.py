"""Single sign-on with the council's OpenID Connect provider (Microsoft Entra ID), when configured.

mozilla-django-oidc runs the authorisation-code flow (state, nonce, PKCE).
What is ours: the provider only says who someone is. They are matched by
email to an existing, open Front Door account, never created (the council
provisions staff here), and their role and team stay as Front Door has them.

The provider's endpoints come from its discovery document, read on the first
sign-in and kept for a day; a setting overrides any one of them. Signing out
after single sign-on ends the provider's session too (RP-initiated logout).
"""

import logging
import time
from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from frontdoor.accounts import signin
from frontdoor.accounts.models import User

BACKEND = "frontdoor.accounts.oidc.StaffOidcBackend"
DISCOVERY_CACHE_SECONDS = 24 * 60 * 60
# Our setting for each endpoint, and its name in the discovery document (OpenID Connect Discovery 1.0).
ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}
# Signing out at the provider is a courtesy: without the endpoint, Front Door's own session still ends.
OPTIONAL_ENDPOINTS = {"OIDC_OP_LOGOUT_ENDPOINT"}

logger = logging.getLogger(__name__)
_discovered: dict[str, tuple[float, dict[str, Any]]] = {}


class DiscoveryError(ImproperlyConfigured):
    """The provider's discovery document could not be read or does not say what is needed."""


def discovery_url() -> str:
    if settings.OIDC_DISCOVERY_URL:
        return str(settings.OIDC_DISCOVERY_URL)
    if settings.OIDC_ISSUER:
        return f"{str(settings.OIDC_ISSUER).rstrip('/')}/.well-known/openid-configuration"
    return ""


def provider_configuration() -> dict[str, Any]:
    """The discovery document, fetched once a day per process; DiscoveryError, naming the address, if unreadable."""
    url = discovery_url()
    if not url:
        raise DiscoveryError("Set OIDC_ISSUER or OIDC_DISCOVERY_URL, or every OIDC endpoint")
    cached = _discovered.get(url)
    if cached and time.monotonic() - cached[0] < DISCOVERY_CACHE_SECONDS:
        return cached[1]
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise DiscoveryError(f"Could not read the OpenID Connect discovery document at {url}: {error}") from error
    if not isinstance(document, dict):
        raise DiscoveryError(f"The OpenID Connect discovery document at {url} is not a JSON object")
    if settings.OIDC_ISSUER and document.get("issuer") != settings.OIDC_ISSUER:
        # The spec requires them to match: a document naming another issuer is not our provider's.
        raise DiscoveryError(
            f"The discovery document at {url} is for issuer {document.get('issuer')!r}, not OIDC_ISSUER"
        )
    _discovered[url] = (time.monotonic(), document)
    return document


def forget_provider_configuration() -> None:
    _discovered.clear()


def endpoint(name: str) -> str:
    """An endpoint of the provider: its setting if set, otherwise from the discovery document."""
    if value := getattr(settings, name, ""):
        return str(value)
    url = str(provider_configuration().get(ENDPOINTS[name]) or "")
    if not url and name not in OPTIONAL_ENDPOINTS:
        raise DiscoveryError(f"The discovery document at {discovery_url()} names no {ENDPOINTS[name]}")
    return url


def issuer() -> str:
    return str(settings.OIDC_ISSUER or provider_configuration().get("issuer") or "")


def end_session_url(request: HttpRequest, *, id_token: str) -> str:
    """Where to send someone signing out, so the provider's session ends too; empty if it has no such endpoint."""
    try:
        url = endpoint("OIDC_OP_LOGOUT_ENDPOINT")
    except DiscoveryError:
        logger.warning("Signed out of Front Door only: the provider's discovery document could not be read")
        return ""
    if not url:
        return ""
    query = urlencode(
        {
            "id_token_hint": id_token,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
            "client_id": settings.OIDC_RP_CLIENT_ID,
        }
    )
    return f"{url}{'&' if '?' in url else '?'}{query}"


def claimed_email(claims: dict[str, Any]) -> str:
    # Entra sends `email` only when the optional claim is set up; its
    # preferred_username is the user principal name, usually the email address.
    email = claims.get("email") or claims.get("preferred_username") or ""
    return str(email).strip() if "@" in str(email) else ""


class StaffOidcBackend(OIDCAuthenticationBackend):
    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        # Only the callback passes a nonce: a password sign-in never reaches the provider,
        # nor its discovery document (Django builds this backend for every sign-in).
        if "nonce" not in kwargs:
            return None
        self.OIDC_OP_TOKEN_ENDPOINT = endpoint("OIDC_OP_TOKEN_ENDPOINT")
        self.OIDC_OP_USER_ENDPOINT = endpoint("OIDC_OP_USER_ENDPOINT")
        self.OIDC_OP_JWKS_ENDPOINT = endpoint("OIDC_OP_JWKS_ENDPOINT")
        return super().authenticate(request, **kwargs)

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """Check, beyond the signature and nonce the library checks, that the token is from our issuer, for us."""
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != issuer():
            raise SuspiciousOperation("The ID token was not issued by the configured provider")
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token was issued for another application")
        return payload

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = claimed_email(claims)
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims: dict[str, Any]) -> User:
        raise SuspiciousOperation("Front Door never creates accounts from single sign-on")


def _require_enabled() -> None:
    if not settings.OIDC_ENABLED:
        raise Http404("Single sign-on is not set up")


def _provider_unavailable(request: HttpRequest, error: DiscoveryError) -> HttpResponse:
    logger.error("Single sign-on is unavailable: %s", error)
    messages.error(
        request,
        "Single sign-on is not working just now: Front Door could not reach your council's sign-in service. "
        "Try again later, or sign in with your username and password",
    )
    return redirect("login")


@method_decorator(login_not_required, name="dispatch")
class SignInRequestView(OIDCAuthenticationRequestView):
    def get(self, request: HttpRequest) -> HttpResponse:
        _require_enabled()
        try:
            self.OIDC_OP_AUTH_ENDPOINT = endpoint("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except DiscoveryError as error:
            return _provider_unavailable(request, error)
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class SignInCallbackView(OIDCAuthenticationCallbackView):
    def get(self, request: HttpRequest) -> HttpResponse:
        _require_enabled()
        try:
            return super().get(request)
        except DiscoveryError as error:
            return _provider_unavailable(request, error)

    def login_success(self) -> HttpResponse:
        # The council's provider has checked the second factor (Entra Conditional Access).
        signin.start_session(self.request, self.user, mfa_verified=True, backend=BACKEND)
        return HttpResponseRedirect(self.success_url)

    def login_failure(self) -> HttpResponse:
        messages.error(
            self.request,
            "Single sign-on did not match an open Front Door account. Ask your system administrator to check "
            "the email address on your account",
        )
        return redirect("login")

"""Single sign-on with the council's OpenID Connect provider (Microsoft Entra ID), when configured.

mozilla-django-oidc runs the authorisation-code flow (state, nonce, PKCE).
What is ours: the provider only says who someone is. They are matched by
email to an existing, open Front Door account, never created (the council
provisions staff here), and their role and team stay as Front Door has them.
"""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from frontdoor.accounts import signin
from frontdoor.accounts.models import User

BACKEND = "frontdoor.accounts.oidc.StaffOidcBackend"


def claimed_email(claims: dict[str, Any]) -> str:
    # Entra sends `email` only when the optional claim is set up; its
    # preferred_username is the user principal name, usually the email address.
    email = claims.get("email") or claims.get("preferred_username") or ""
    return str(email).strip() if "@" in str(email) else ""


class StaffOidcBackend(OIDCAuthenticationBackend):
    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        # Only the callback passes a nonce: a password sign-in never reaches the provider.
        if "nonce" not in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """Check, beyond the signature and nonce the library checks, that the token is from our issuer, for us."""
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != settings.OIDC_ISSUER:
            raise SuspiciousOperation("The ID token was not issued by the configured OIDC_ISSUER")
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


@method_decorator(login_not_required, name="dispatch")
class SignInRequestView(OIDCAuthenticationRequestView):
    def get(self, request: HttpRequest) -> HttpResponse:
        _require_enabled()
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class SignInCallbackView(OIDCAuthenticationCallbackView):
    def get(self, request: HttpRequest) -> HttpResponse:
        _require_enabled()
        return super().get(request)

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

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from rest_framework.views import APIView

from frontdoor.accounts import signin
from frontdoor.api.problems import problem_response

ViewFunc = Callable[..., HttpResponseBase]


def is_api_view(view_func: ViewFunc) -> bool:
    view_class = getattr(view_func, "cls", None) or getattr(view_func, "view_class", None)
    return isinstance(view_class, type) and issubclass(view_class, APIView)


def mfa_not_required[V: Callable[..., Any]](view: V) -> V:
    """Mark a view a signed-in person may reach before their second factor (setting it up, signing out)."""
    view.mfa_not_required = True  # type: ignore[attr-defined]
    return view


class LoginRequiredMiddleware(DjangoLoginRequiredMiddleware):
    """Every page needs a signed-in user unless marked @login_not_required.

    API views are left to Django REST framework, which authenticates sessions
    and tokens itself and answers 401 or 403 as a JSON problem, not a redirect.
    """

    def process_view(
        self,
        request: HttpRequest,
        view_func: ViewFunc,
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if is_api_view(view_func):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class SessionLimitMiddleware:
    """End a session SESSION_ABSOLUTE_HOURS after sign-in, however active it has been.

    The idle limit is the session cookie's age, renewed on every request
    (SESSION_SAVE_EVERY_REQUEST); this is the limit activity cannot extend.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            started = signin.signed_in_at(request)
            if started is None:
                # A session made some other way than our sign-in page: its clock starts now.
                request.session[signin.SIGNED_IN_AT_KEY] = timezone.now().isoformat()
            elif timezone.now() - started > timedelta(hours=settings.SESSION_ABSOLUTE_HOURS):
                logout(request)
                messages.info(request, "You were signed out because you signed in a long time ago. Sign in again")
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class MfaRequiredMiddleware:
    """Where MFA_REQUIRED is on, a signed-in person without a verified second factor can only set one up."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: ViewFunc,
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if not settings.MFA_REQUIRED or not request.user.is_authenticated or signin.is_mfa_verified(request):
            return None
        if is_api_view(view_func):
            # DRF marks its views login_not_required; a session still must not reach the API before MFA.
            return problem_response(request, 403, "Set up your authenticator app before using the API by session")
        if getattr(view_func, "mfa_not_required", False) or not getattr(view_func, "login_required", True):
            return None
        return redirect("accounts:mfa-set-up")

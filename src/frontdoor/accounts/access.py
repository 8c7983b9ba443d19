"""Capability checks for views."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability


def require(request: HttpRequest, capability: Capability) -> User:
    """The signed-in user, if their role has the capability; 403 otherwise."""
    user = request.user
    if not isinstance(user, User) or not user.can(capability):
        raise PermissionDenied(f"Your role does not allow this ({capability})")
    return user


def requires(capability: Capability) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            require(request, capability)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def require_capability(by: User, capability: Capability, message: str) -> None:
    """For services: refuse a user whose role lacks the capability, in the words of the action refused."""
    if not by.can(capability):
        raise PermissionDenied(message)

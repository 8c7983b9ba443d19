"""What every API view does with a request: who is acting, the validated body, a service's refusal as a problem."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import TITLES, Problem
from frontdoor.records.concurrency import StaleRecordError

CONFLICT = {409: OpenApiResponse(Problem, description=TITLES[409] + ": read it again, then make your change")}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = TITLES[409]
    default_code = "conflict"


def acting_user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def acting_user_who_can(request: Request, capability: Capability, refusal: str) -> User:
    """The acting user, if their role may do this at all.

    Asked before the body is read, as the pages do, so that a role that may never do this is told so (403)
    rather than how to fill in the form (400).
    """
    user = acting_user(request)
    require_capability(user, capability, refusal)
    return user


def validated(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    body = serializer_class(data=request.data)
    body.is_valid(raise_exception=True)
    return dict(body.validated_data)


@contextmanager
def service_refusals() -> Iterator[None]:
    """A service's refusal as a problem: a stale version is a 409, anything else a 400 naming its fields."""
    try:
        yield
    except StaleRecordError as error:
        raise Conflict(str(error)) from None
    except DjangoValidationError as error:
        if not hasattr(error, "error_dict"):
            raise serializers.ValidationError({"non_field_errors": error.messages}) from None
        messages = error.message_dict
        raise serializers.ValidationError(
            {("non_field_errors" if field == NON_FIELD_ERRORS else field): m for field, m in messages.items()}
        ) from None

"""POST /api/v1/calls/events: the telephony system's call events, one or a batch."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import OpenApiExample, PolymorphicProxySerializer, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.contacts import calls
from frontdoor.contacts.models import CallEvent

# A telephony system batches what it has; more than this in one request is a mistake.
MAX_BATCH = 1000
# The service's names for the fields, and the API's.
FIELD_NAMES = {"kind": "event", "occurred_at": "timestamp"}


class TimestampField(serializers.DateTimeField):
    """An ISO 8601 time with its offset from UTC: a time without one could be either side of a clock change."""

    default_error_messages = {
        "naive": "Give the time with its offset from UTC, for example 2026-03-02T09:15:03+00:00",
        "invalid": "Enter the time in ISO 8601, for example 2026-03-02T09:15:03+00:00",
    }

    def to_internal_value(self, value: Any) -> datetime:
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            self.fail("invalid")
        if parsed.tzinfo is None:
            self.fail("naive")
        return parsed


class CallEventSerializer(serializers.Serializer):
    call_id = serializers.CharField(max_length=calls.CALL_ID_LENGTH, help_text="The telephony system's ID of the call")
    event = serializers.ChoiceField(choices=CallEvent.Kind.choices)
    queue = serializers.CharField(max_length=calls.QUEUE_LENGTH, required=False, allow_blank=True, default="")
    agent = serializers.CharField(
        max_length=calls.AGENT_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="Who answered or took the event, as the telephony system names them",
    )
    timestamp = TimestampField(help_text="When it happened: ISO 8601 with an offset, for example 2026-03-02T09:15:03Z")


class StoredCallEventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    call_id = serializers.CharField(source="call.call_id")
    event = serializers.CharField(source="kind")
    queue = serializers.CharField()
    agent = serializers.CharField()
    timestamp = serializers.DateTimeField(source="occurred_at")
    received_at = serializers.DateTimeField()
    flags = serializers.SerializerMethodField(
        help_text="What looks wrong about the event, if anything. It is stored either way."
    )
    call_flags = serializers.ListField(
        source="call.flags", child=serializers.CharField(), help_text="Everything flagged so far on the call"
    )

    def get_flags(self, event: CallEvent) -> list[str]:
        return event.flag.split(calls.FLAG_SEPARATOR) if event.flag else []


EXAMPLE_EVENT = {
    "call_id": "c-20260302-0042",
    "event": "answered",
    "queue": "Front door",
    "agent": "Amira Shah",
    "timestamp": "2026-03-02T09:15:03Z",
}


def _user(request: Request) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@extend_schema(
    request=PolymorphicProxySerializer(
        component_name="CallEventOrBatch",
        serializers=[CallEventSerializer, CallEventSerializer(many=True)],
        resource_type_field_name=None,
        many=False,
    ),
    responses={
        201: StoredCallEventSerializer(many=True),
        **{code: PROBLEM_RESPONSES[code] for code in (400, 401, 403)},
    },
    examples=[
        OpenApiExample("One event", value=EXAMPLE_EVENT, request_only=True),
        OpenApiExample(
            "A batch",
            value=[
                {**EXAMPLE_EVENT, "event": "offered", "agent": "", "timestamp": "2026-03-02T09:14:41Z"},
                EXAMPLE_EVENT,
            ],
            request_only=True,
        ),
    ],
    description=(
        "Send what the telephony system saw happen to a call: offered, queued, transferred, answered, "
        "abandoned or ended. Send one event, or a list of up to 1,000 in the order they happened. "
        "Every event is stored, even one that looks wrong (for a call never offered, sent twice, arriving "
        "late, answered after being abandoned): its `flags` say what is odd. A batch is stored whole or, "
        "if one event cannot be stored at all, not at all. The answer is always a list, in the order sent. "
        "Needs a role that may import calls."
    ),
)
@api_view(["POST"])
def events(request: Request) -> Response:
    user = _user(request)
    if not user.can(Capability.IMPORT_CALLS):
        raise PermissionDenied("Your role cannot send call events")
    batch = isinstance(request.data, list)
    body: serializers.BaseSerializer = (
        serializers.ListSerializer(
            child=CallEventSerializer(), data=request.data, allow_empty=False, max_length=MAX_BATCH
        )
        if batch
        else CallEventSerializer(data=request.data)
    )
    body.is_valid(raise_exception=True)
    items = body.validated_data if batch else [body.validated_data]
    try:
        stored = calls.record_call_events(
            events=[
                calls.CallEventData(
                    call_id=item["call_id"],
                    kind=item["event"],
                    occurred_at=item["timestamp"],
                    queue=item["queue"],
                    agent=item["agent"],
                )
                for item in items
            ],
            received_by=user,
        )
    except DjangoValidationError as error:
        messages = error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        raise serializers.ValidationError({_api_name(name): value for name, value in messages.items()}) from None
    return Response(StoredCallEventSerializer(stored, many=True).data, status=status.HTTP_201_CREATED)


def _api_name(name: str) -> str:
    """`2.occurred_at` as the API calls it: `2.timestamp`."""
    prefix, _, field = name.rpartition(".")
    field = FIELD_NAMES.get(field, field)
    return f"{prefix}.{field}" if prefix else field

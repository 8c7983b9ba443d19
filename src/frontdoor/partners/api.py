"""The police notifications API: the police system sends notifications; the front door reads and matches them.

A notification's matched people are read through partners.access, checked and logged; every change goes
through the services, whose refusals come back as problems.
"""

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import service_refusals, validated
from frontdoor.partners import notifications, queries
from frontdoor.partners.access import get_notification_for_user, receiver
from frontdoor.partners.models import NotificationPerson, PoliceNotification
from frontdoor.partners.serializers import MatchIn, NotificationSerializer, NotificationsIn, ReceivedSerializer
from frontdoor.people.access import get_person_for_user

NOTIFICATIONS = PoliceNotification.objects.prefetch_related("people")


def _notification(data: dict[str, Any]) -> notifications.Notification:
    people = [notifications.PersonOnNotification(**person) for person in data.pop("people")]
    return notifications.Notification(**data, people=people)


@extend_schema(methods=["POST"], request=NotificationsIn, responses={201: ReceivedSerializer, **PROBLEM_RESPONSES})
@extend_schema(
    methods=["GET"],
    parameters=[OpenApiParameter("unmatched", bool, description="Only notifications with someone to match")],
    responses={200: NotificationSerializer(many=True), **PROBLEM_RESPONSES},
)
@api_view(["GET", "POST"])
def police_notifications(request: Request) -> Response:
    user = receiver(request)
    if request.method == "GET":
        found = NOTIFICATIONS.order_by("-received_at", "-id")
        if request.query_params.get("unmatched") == "true":
            found = found.filter(pk__in=queries.unmatched_people().values("notification_id"))
        return Response(NotificationSerializer(found[:200], many=True).data)
    data = validated(NotificationsIn, request)
    with service_refusals():
        received = notifications.receive_notifications(
            notifications=[_notification(dict(n)) for n in data["notifications"]], by=user, source="api"
        )
    body = {"received": [n.pk for n in received.created], "repeated": received.repeated}
    return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(responses={200: NotificationSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def police_notification(request: Request, notification_id: int) -> Response:
    get_notification_for_user(request, notification_id, viewed="police notification (API)")
    return Response(NotificationSerializer(NOTIFICATIONS.get(pk=notification_id)).data)


@extend_schema(request=MatchIn, responses={200: NotificationSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def match(request: Request, named_id: int) -> Response:
    user = receiver(request)
    named = get_object_or_404(NotificationPerson, pk=named_id)
    get_notification_for_user(request, named.notification_id, viewed="police notification (API)")
    data = validated(MatchIn, request)
    person = get_person_for_user(request, data["person"], viewed="police notification match (API)")
    with service_refusals():
        notifications.confirm_match(named=named, person=person, by=user)
    return Response(NotificationSerializer(NOTIFICATIONS.get(pk=named.notification_id)).data)

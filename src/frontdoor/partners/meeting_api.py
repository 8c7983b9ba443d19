"""The daily triage meeting API: open today's meeting, read the children waiting, decide for them, close it;
and the tasks the decisions left, ticked off by whoever was given them.

Every change goes through partners.triage, whose refusals come back as problems.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import acting_user, service_refusals, validated
from frontdoor.partners import queries, triage
from frontdoor.partners.access import get_task_for_user, receiver
from frontdoor.partners.meeting_serializers import (
    MinutesIn,
    TriageDecisionSerializer,
    TriageDecisionsIn,
    TriageMeetingDetailSerializer,
    TriageMeetingIn,
    TriageMeetingSerializer,
    TriageTaskSerializer,
)
from frontdoor.partners.models import NotificationPerson, TriageMeeting

MEETINGS = TriageMeeting.objects.select_related("chair").prefetch_related("attendees")


def _practitioner(request: Request) -> User:
    """Tasks go to allocated workers too, not only the front door: anyone who reads children's records."""
    user = acting_user(request)
    if not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("Your role does not read children's records")
    return user


@extend_schema(methods=["POST"], request=TriageMeetingIn, responses={201: TriageMeetingSerializer, **PROBLEM_RESPONSES})
@extend_schema(methods=["GET"], responses={200: TriageMeetingSerializer(many=True), **PROBLEM_RESPONSES})
@api_view(["GET", "POST"])
def meetings(request: Request) -> Response:
    """The recent meetings, newest first; or open today's, naming who is there (the police among them)."""
    user = receiver(request)
    if request.method == "GET":
        return Response(TriageMeetingSerializer(MEETINGS[:30], many=True).data)
    data = validated(TriageMeetingIn, request)
    attendees = [triage.Attendee(**a) for a in data["attendees"]]
    with service_refusals():
        made = triage.open_meeting(by=user, held_on=timezone.localdate(), attendees=attendees)
    return Response(TriageMeetingSerializer(MEETINGS.get(pk=made.pk)).data, status=status.HTTP_201_CREATED)


@extend_schema(responses={200: TriageMeetingDetailSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def meeting(request: Request, meeting_id: int) -> Response:
    """Every child waiting for a decision and those decided at this meeting: highest risk first, oldest first."""
    receiver(request)
    found = get_object_or_404(MEETINGS, pk=meeting_id)
    return Response(TriageMeetingDetailSerializer(found, context={"rows": queries.triage_rows(found)}).data)


@extend_schema(request=TriageDecisionsIn, responses={201: TriageDecisionSerializer(many=True), **PROBLEM_RESPONSES})
@api_view(["POST"])
def decisions(request: Request, meeting_id: int) -> Response:
    """Decide for many children together: all are saved, or none is and the problem names each refused child."""
    user = receiver(request)
    found = get_object_or_404(TriageMeeting, pk=meeting_id)
    chosen = {d["child"]: d for d in validated(TriageDecisionsIn, request)["decisions"]}
    children = NotificationPerson.objects.filter(pk__in=chosen).select_related("notification", "person")
    choices = [triage.Choice(c, chosen[c.pk]["outcome"], chosen[c.pk]["note"]) for c in children]
    with service_refusals():
        unknown = sorted(set(chosen) - {c.pk for c in children})
        if unknown:
            raise ValidationError({"decisions": f"No one on a notification has the ID {unknown[0]}"})
        made = triage.record_decisions(meeting=found, by=user, choices=choices)
    return Response(TriageDecisionSerializer(made, many=True).data, status=status.HTTP_201_CREATED)


@extend_schema(request=MinutesIn, responses={200: TriageMeetingSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def close(request: Request, meeting_id: int) -> Response:
    user = receiver(request)
    found = get_object_or_404(TriageMeeting, pk=meeting_id)
    data = validated(MinutesIn, request)
    with service_refusals():
        triage.close_meeting(meeting=found, by=user, minutes=data["minutes"])
    return Response(TriageMeetingSerializer(MEETINGS.get(pk=found.pk)).data)


@extend_schema(responses={200: TriageTaskSerializer(many=True), **PROBLEM_RESPONSES})
@api_view(["GET"])
def tasks(request: Request) -> Response:
    """Tasks still to do, soonest due first: the front door sees them all, anyone else their own."""
    user = _practitioner(request)
    return Response(TriageTaskSerializer(queries.open_tasks(user)[:200], many=True).data)


@extend_schema(request=None, responses={200: TriageTaskSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def task_done(request: Request, decision_id: int) -> Response:
    user = _practitioner(request)
    found = get_task_for_user(request, decision_id, viewed="triage task (API)")
    with service_refusals():
        triage.complete_task(decision=found, by=user)
    return Response(TriageTaskSerializer(found).data)

"""The information sharing API: partners' requests for information answered against a clock, and every
disclosure about a child logged with its lawful basis.

The child is read through people.access, checked and logged; every change goes through partners.sharing,
whose refusals come back as problems.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import acting_user, service_refusals, validated
from frontdoor.partners import sharing
from frontdoor.partners.models import InformationRequest, InformationShare
from frontdoor.partners.sharing_serializers import (
    DeclineRequestIn,
    InformationRequestIn,
    InformationRequestSerializer,
    InformationShareIn,
    InformationShareSerializer,
)
from frontdoor.people.access import get_person_for_user

REQUESTS = InformationRequest.objects.select_related("recorded_by")
SHARES = InformationShare.objects.select_related("recorded_by")
REQUEST_VIEWED = "information request (API)"
SHARE_VIEWED = "information sharing (API)"


def _sharer(request: Request) -> User:
    user = acting_user(request)
    if not user.can(Capability.DECIDE_CONTACTS):
        raise PermissionDenied("Only the front door and social workers share information")
    return user


@extend_schema(
    methods=["POST"], request=InformationRequestIn, responses={201: InformationRequestSerializer, **PROBLEM_RESPONSES}
)
@extend_schema(
    methods=["GET"],
    parameters=[OpenApiParameter("status", str, enum=InformationRequest.Status.values)],
    responses={200: InformationRequestSerializer(many=True), **PROBLEM_RESPONSES},
)
@api_view(["GET", "POST"])
def requests(request: Request) -> Response:
    """Requests soonest due first (`?status=open` for those waiting); or record one, with its answer-by date."""
    user = _sharer(request)
    if request.method == "GET":
        found = REQUESTS.order_by("due_on", "id")
        if request.query_params.get("status") in InformationRequest.Status.values:
            found = found.filter(status=request.query_params["status"])
        return Response(InformationRequestSerializer(found[:200], many=True).data)
    data = validated(InformationRequestIn, request)
    person = get_person_for_user(request, data.pop("person"), viewed=REQUEST_VIEWED)
    asked = sharing.Asked(**{**data, "received_at": data["received_at"] or timezone.now()})
    with service_refusals():
        made = sharing.record_request(person=person, by=user, asked=asked)
    return Response(InformationRequestSerializer(made).data, status=status.HTTP_201_CREATED)


@extend_schema(request=DeclineRequestIn, responses={200: InformationRequestSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def decline(request: Request, request_id: int) -> Response:
    user = _sharer(request)
    found = get_object_or_404(REQUESTS, pk=request_id)
    get_person_for_user(request, found.person_id, viewed=REQUEST_VIEWED)
    data = validated(DeclineRequestIn, request)
    with service_refusals():
        sharing.decline_request(request=found, by=user, reason=data["reason"])
    return Response(InformationRequestSerializer(found).data)


@extend_schema(
    methods=["POST"], request=InformationShareIn, responses={201: InformationShareSerializer, **PROBLEM_RESPONSES}
)
@extend_schema(
    methods=["GET"],
    parameters=[OpenApiParameter("person", int, required=True, description="The child's ID in the people index")],
    responses={200: InformationShareSerializer(many=True), **PROBLEM_RESPONSES},
)
@api_view(["GET", "POST"])
def shares(request: Request) -> Response:
    """What has been shared about a child, newest first; or log a disclosure, answering a request if it does."""
    user = _sharer(request)
    if request.method == "GET":
        person_id = request.query_params.get("person", "")
        if not person_id.isdigit():
            raise serializers.ValidationError({"person": ["Give the child's ID: ?person=<id>"]})
        person = get_person_for_user(request, int(person_id), viewed=SHARE_VIEWED)
        return Response(InformationShareSerializer(SHARES.filter(person=person), many=True).data)
    data = validated(InformationShareIn, request)
    person = get_person_for_user(request, data.pop("person"), viewed=SHARE_VIEWED)
    request_id = data.pop("request")
    answering = InformationRequest.objects.filter(pk=request_id).first() if request_id is not None else None
    with service_refusals():
        if request_id is not None and answering is None:
            raise ValidationError({"request": "No request with that ID"})
        made = sharing.record_share(person=person, by=user, disclosure=sharing.Disclosure(**data), request=answering)
    return Response(InformationShareSerializer(SHARES.get(pk=made.pk)).data, status=status.HTTP_201_CREATED)

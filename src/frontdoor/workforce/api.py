"""The workforce API: a referral's allocations, a team's caseloads, supervision sessions and their directions.

Reads go through the access helpers (a referral through casework.access, logged against the child); every
change goes through the services, whose refusals come back as problems.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import CONFLICT, acting_user, acting_user_who_can, service_refusals, validated
from frontdoor.casework import services as casework
from frontdoor.casework.access import get_referral_for_user
from frontdoor.casework.models import Referral
from frontdoor.workforce import directions, queries
from frontdoor.workforce.access import get_supervision_session_for_user
from frontdoor.workforce.models import Allocation, SupervisionSession
from frontdoor.workforce.serializers import (
    AllocateIn,
    AllocationSerializer,
    CaseloadSerializer,
    SupervisionIn,
    SupervisionSerializer,
)


def _allocations(referral: Referral) -> Any:
    spells = Allocation.objects.filter(referral=referral).select_related("team", "worker", "allocated_by")
    return AllocationSerializer(spells.order_by("started_at", "id"), many=True).data


@extend_schema(
    methods=["GET"],
    responses={200: AllocationSerializer(many=True), **PROBLEM_RESPONSES},
    description="Who has held it.",
)
@extend_schema(
    methods=["POST"],
    request=AllocateIn,
    responses={201: AllocationSerializer(many=True), **PROBLEM_RESPONSES, **CONFLICT},
    description="Allocate to a team and perhaps a worker. Moving work needs a reason; going over a worker's "
    "caseload limit needs over_limit_confirmed.",
)
@api_view(["GET", "POST"])
def allocations(request: Request, referral_id: int) -> Response:
    referral = get_referral_for_user(request, referral_id, viewed="allocations (API)")
    if request.method == "GET":
        return Response(_allocations(referral))
    acting_user_who_can(request, Capability.AUTHORISE_CASEWORK, "Only a manager can allocate work")
    data = validated(AllocateIn, request)
    team = Team.objects.filter(pk=data["team"], is_active=True).first()
    worker = User.objects.filter(pk=data["worker"]).first() if data["worker"] is not None else None
    with service_refusals():
        if team is None or (data["worker"] is not None and worker is None):
            raise ValidationError({"team" if team is None else "worker": "No such team or worker"})
        casework.allocate_referral(
            referral=referral,
            by=acting_user(request),
            team=team,
            worker=worker,
            reason=data["reason"],
            expected_version=data["version"],
            over_limit_confirmed=data["over_limit_confirmed"],
        )
    return Response(_allocations(referral), status=status.HTTP_201_CREATED)


@extend_schema(
    parameters=[OpenApiParameter("team", int, required=True)],
    responses={200: CaseloadSerializer(many=True), **PROBLEM_RESPONSES},
    description="Each social worker's caseload in the team, weighed against their limit.",
)
@api_view(["GET"])
def caseloads(request: Request) -> Response:
    if not acting_user(request).can(Capability.VIEW_TEAMS):
        raise PermissionDenied("Your role cannot see teams' caseloads")
    team_id = request.query_params.get("team", "")
    if not team_id.isdigit():
        raise Http404("Give the team's id: ?team=")
    team = get_object_or_404(Team, pk=int(team_id), is_active=True)
    return Response(CaseloadSerializer(queries.team_caseloads(team).loads, many=True).data)


def _session_data(session: SupervisionSession, reader: User) -> dict[str, object]:
    found = (
        SupervisionSession.objects.select_related("worker", "supervisor")
        .prefetch_related("directions__actions", "directions__given_by")
        .get(pk=session.pk)
    )
    return SupervisionSerializer(found, context={"reader": reader.pk}).data


@extend_schema(
    request=SupervisionIn,
    responses={201: SupervisionSerializer, **PROBLEM_RESPONSES},
    description="Record a supervision session; each case discussed leaves a direction on the child's record.",
)
@api_view(["POST"])
def supervision(request: Request) -> Response:
    user = acting_user(request)
    if not user.can(Capability.AUTHORISE_CASEWORK):
        raise PermissionDenied("Only a manager records supervision")
    data = validated(SupervisionIn, request)
    worker = User.objects.filter(pk=data["worker"]).first()
    referrals = {
        d["referral"]: get_referral_for_user(request, d["referral"], viewed="supervision (API)")
        for d in data["discussions"]
    }
    with service_refusals():
        if worker is None:
            raise ValidationError({"worker": "No such worker"})
        discussions = [
            directions.Discussion(
                referrals[d["referral"]], d["direction"], [directions.Action(**a) for a in d["actions"]]
            )
            for d in data["discussions"]
        ]
        session = directions.record_supervision(
            worker=worker,
            by=user,
            held_on=data["held_on"],
            minutes=data["minutes"],
            kind=data["kind"],
            summary=data["summary"],
            reflective_notes=data["reflective_notes"],
            discussions=discussions,
        )
    return Response(_session_data(session, user), status=status.HTTP_201_CREATED)


@extend_schema(responses={200: SupervisionSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def supervision_detail(request: Request, session_id: int) -> Response:
    session = get_supervision_session_for_user(request, session_id, viewed="supervision session (API)")
    return Response(_session_data(session, acting_user(request)))

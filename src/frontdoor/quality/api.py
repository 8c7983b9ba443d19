"""The case audit API: draw a programme, read, grade and moderate audits.

An audit's case is read through casework.access, checked and logged against the child; every change goes
through the services, whose refusals come back as problems.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import CONFLICT, acting_user, service_refusals, validated
from frontdoor.quality import services
from frontdoor.quality.access import get_audit_for_user
from frontdoor.quality.models import Audit, AuditQuestion, AuditTemplate
from frontdoor.quality.serializers import (
    AuditProgrammeIn,
    AuditProgrammeSerializer,
    AuditSerializer,
    GradeIn,
    ModerationIn,
)

AUDITS = Audit.objects.select_related("auditor", "moderator", "team", "referral", "contact").prefetch_related(
    "answers__question", "actions"
)


def _reviewer(request: Request) -> User:
    user = acting_user(request)
    if not user.can(Capability.REVIEW_QUALITY):
        raise PermissionDenied("Your role does not audit cases")
    return user


def _audit(request: Request, audit_id: int) -> Audit:
    return get_audit_for_user(request, audit_id, viewed="case audit (API)", audits=AUDITS)


def _audit_data(audit_id: int) -> Any:
    return AuditSerializer(AUDITS.get(pk=audit_id)).data


@extend_schema(request=AuditProgrammeIn, responses={201: AuditProgrammeSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def programmes(request: Request) -> Response:
    user = _reviewer(request)
    data = validated(AuditProgrammeIn, request)
    template = AuditTemplate.objects.filter(pk=data.pop("template")).first()
    with service_refusals():
        if template is None:
            raise ValidationError({"template": "No such template"})
        programme = services.draw_programme(by=user, template=template, **data)
    return Response(AuditProgrammeSerializer(programme).data, status=status.HTTP_201_CREATED)


@extend_schema(
    parameters=[OpenApiParameter("status", str, enum=Audit.Status.values), OpenApiParameter("programme", int)],
    responses={200: AuditSerializer(many=True), **PROBLEM_RESPONSES},
)
@api_view(["GET"])
def audits(request: Request) -> Response:
    _reviewer(request)
    found = AUDITS.order_by("-programme__month", "id")
    if request.query_params.get("status") in Audit.Status.values:
        found = found.filter(status=request.query_params["status"])
    if request.query_params.get("programme", "").isdigit():
        found = found.filter(programme_id=int(request.query_params["programme"]))
    return Response(AuditSerializer(found[:200], many=True).data)


@extend_schema(responses={200: AuditSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def audit_detail(request: Request, audit_id: int) -> Response:
    _reviewer(request)
    return Response(AuditSerializer(_audit(request, audit_id)).data)


@extend_schema(request=GradeIn, responses={200: AuditSerializer, **PROBLEM_RESPONSES, **CONFLICT})
@api_view(["POST"])
def grade(request: Request, audit_id: int) -> Response:
    user = _reviewer(request)
    audit = _audit(request, audit_id)
    data = validated(GradeIn, request)
    questions = {q.pk: q for q in AuditQuestion.objects.filter(template_id=audit.programme.template_id)}
    with service_refusals():
        unknown = [a["question"] for a in data["answers"] if a["question"] not in questions]
        if unknown:
            raise ValidationError({"answers": f"Not questions of this audit: {unknown}"})
        answers = [services.Answer(questions[a["question"]], a["grade"], a["comment"]) for a in data["answers"]]
        services.grade_audit(
            audit=audit,
            by=user,
            answers=answers,
            grade=data["grade"],
            findings=data["findings"],
            expected_version=data["version"],
        )
    return Response(_audit_data(audit.pk))


@extend_schema(request=ModerationIn, responses={200: AuditSerializer, **PROBLEM_RESPONSES, **CONFLICT})
@api_view(["POST"])
def moderate(request: Request, audit_id: int) -> Response:
    user = _reviewer(request)
    audit = _audit(request, audit_id)
    data = validated(ModerationIn, request)
    with service_refusals():
        services.moderate_audit(
            audit=audit, by=user, grade=data["grade"], notes=data["notes"], expected_version=data["version"]
        )
    return Response(_audit_data(audit.pk))

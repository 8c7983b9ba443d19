"""The casework API: a child's referrals, their assessments from draft to authorisation, child in need plans.

Every object is read through casework.access (checked and logged against the
child); every change goes through the services, whose refusals come back as
problems: field errors are 400, a stale version 409, a role that may not 403.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import CONFLICT, acting_user, acting_user_who_can, service_refusals, validated
from frontdoor.casework import assessments, services
from frontdoor.casework.access import get_assessment_for_user, get_cin_plan_for_user, get_referral_for_user
from frontdoor.casework.models import Assessment, AssessmentAmendment, Referral
from frontdoor.casework.queries import with_work
from frontdoor.casework.serializers import (
    AmendAssessmentIn,
    AssessmentSerializer,
    AuthoriseAssessmentIn,
    CinPlanReviewIn,
    CinPlanReviewSerializer,
    CinPlanSerializer,
    CloseReferralIn,
    EndCinPlanIn,
    ReferralSerializer,
    ReferralsQuery,
    ReturnAssessmentIn,
    SaveAssessmentIn,
    StartedOnIn,
    SubmitAssessmentIn,
)
from frontdoor.people.access import get_person_for_user


def _with_work(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    """Referrals with their work and who recorded each plan review: a fixed number of queries however many."""
    # all_plans and all_reviews are with_work's to_attr lists, which django-stubs cannot see.
    return with_work(referrals).prefetch_related("all_plans__all_reviews__recorded_by")  # type: ignore[misc]


def _referral_data(referral: Referral) -> dict[str, Any]:
    return ReferralSerializer(_with_work(Referral.objects.filter(pk=referral.pk)).get()).data


def _assessment_data(assessment: Assessment) -> dict[str, Any]:
    amendments = AssessmentAmendment.objects.select_related("made_by").order_by("made_at", "id")
    prefetch_related_objects([assessment], Prefetch("amendments", queryset=amendments))
    return AssessmentSerializer(assessment).data


# Referrals


@extend_schema(
    parameters=[ReferralsQuery],
    responses={200: ReferralSerializer(many=True), **PROBLEM_RESPONSES},
    description="Every referral of one child, newest first, with its assessments and child in need plans.",
)
@api_view(["GET"])
def referrals(request: Request) -> Response:
    if not acting_user(request).can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to children's records")
    query = ReferralsQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    person = get_person_for_user(request, query.validated_data["person"], viewed="referrals (API)")
    found = _with_work(Referral.objects.filter(person=person).order_by("-referral_date", "-id"))
    return Response(ReferralSerializer(found, many=True).data)


@extend_schema(
    responses={200: ReferralSerializer, **PROBLEM_RESPONSES},
    description="One referral: allocation, closure, assessments with their clocks, plans with their reviews.",
)
@api_view(["GET"])
def referral_detail(request: Request, referral_id: int) -> Response:
    referral = get_referral_for_user(request, referral_id, viewed="referral (API)")
    return Response(_referral_data(referral))


@extend_schema(
    request=CloseReferralIn,
    responses={200: ReferralSerializer, **CONFLICT, **PROBLEM_RESPONSES},
    description="A manager closes the referral. While work is still open the refusal lists it.",
)
@api_view(["POST"])
def close_referral(request: Request, referral_id: int) -> Response:
    acting_user_who_can(request, Capability.AUTHORISE_CASEWORK, "Only a manager can close a referral")
    referral = get_referral_for_user(request, referral_id, viewed="close referral (API)")
    data = validated(CloseReferralIn, request)
    with service_refusals():
        services.close_referral(
            referral=referral,
            by=acting_user(request),
            closed_on=data["closed_on"],
            reason=data["reason"],
            nfa=data["nfa"],
            expected_version=data["version"],
        )
    return Response(_referral_data(referral))


# Assessments


@extend_schema(
    request=StartedOnIn,
    responses={201: AssessmentSerializer, **PROBLEM_RESPONSES},
    description="Start the assessment the council's regime calls for on the start date, with you as its worker.",
)
@api_view(["POST"])
def start_assessment(request: Request, referral_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot start an assessment")
    referral = get_referral_for_user(request, referral_id, viewed="start assessment (API)")
    data = validated(StartedOnIn, request)
    with service_refusals():
        assessment = assessments.start_assessment(
            referral=referral, by=acting_user(request), started_on=data["started_on"]
        )
    return Response(_assessment_data(assessment), status=status.HTTP_201_CREATED)


@extend_schema(methods=["GET"], responses={200: AssessmentSerializer, **PROBLEM_RESPONSES})
@extend_schema(
    methods=["PATCH"],
    request=SaveAssessmentIn,
    responses={200: AssessmentSerializer, **CONFLICT, **PROBLEM_RESPONSES},
    description="Save any of the fields the worker writes, with the version you read.",
)
@api_view(["GET", "PATCH"])
def assessment_detail(request: Request, assessment_id: int) -> Response:
    if request.method == "GET":
        return Response(_assessment_data(get_assessment_for_user(request, assessment_id, viewed="assessment (API)")))
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot write assessments")
    assessment = get_assessment_for_user(request, assessment_id, viewed="save assessment (API)")
    changes = validated(SaveAssessmentIn, request)
    version = changes.pop("version")
    with service_refusals():
        assessments.save_assessment(
            assessment=assessment, by=acting_user(request), expected_version=version, changes=changes
        )
    return Response(_assessment_data(assessment))


@extend_schema(
    request=SubmitAssessmentIn,
    responses={200: AssessmentSerializer, **CONFLICT, **PROBLEM_RESPONSES},
    description="Send the assessment to a manager. What it still lacks (the child's views above all) is a 400.",
)
@api_view(["POST"])
def submit_assessment(request: Request, assessment_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot submit assessments")
    assessment = get_assessment_for_user(request, assessment_id, viewed="submit assessment (API)")
    data = validated(SubmitAssessmentIn, request)
    with service_refusals():
        assessments.submit_assessment(
            assessment=assessment,
            by=acting_user(request),
            expected_version=data["version"],
            late_reason=data["late_reason"],
        )
    return Response(_assessment_data(assessment))


@extend_schema(
    request=AuthoriseAssessmentIn,
    responses={200: AssessmentSerializer, **PROBLEM_RESPONSES},
    description="A manager, not the assessment's author, authorises it with a quality grade.",
)
@api_view(["POST"])
def authorise_assessment(request: Request, assessment_id: int) -> Response:
    acting_user_who_can(request, Capability.AUTHORISE_CASEWORK, "Only a manager can authorise or return an assessment")
    assessment = get_assessment_for_user(request, assessment_id, viewed="authorise assessment (API)")
    data = validated(AuthoriseAssessmentIn, request)
    with service_refusals():
        assessments.authorise_assessment(
            assessment=assessment,
            by=acting_user(request),
            grade=data["grade"],
            comment=data["comment"],
            authorised_on=data.get("authorised_on"),
        )
    return Response(_assessment_data(assessment))


@extend_schema(
    request=ReturnAssessmentIn,
    responses={200: AssessmentSerializer, **PROBLEM_RESPONSES},
    description="A manager returns the assessment to its worker, saying what needs to change.",
)
@api_view(["POST"])
def return_assessment(request: Request, assessment_id: int) -> Response:
    acting_user_who_can(request, Capability.AUTHORISE_CASEWORK, "Only a manager can authorise or return an assessment")
    assessment = get_assessment_for_user(request, assessment_id, viewed="return assessment (API)")
    data = validated(ReturnAssessmentIn, request)
    with service_refusals():
        assessments.return_assessment(assessment=assessment, by=acting_user(request), comment=data["comment"])
    return Response(_assessment_data(assessment))


@extend_schema(
    request=AmendAssessmentIn,
    responses={200: AssessmentSerializer, **CONFLICT, **PROBLEM_RESPONSES},
    description="Change an authorised assessment, with a reason; the amendment keeps what it said before.",
)
@api_view(["POST"])
def amend_assessment(request: Request, assessment_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot amend assessments")
    assessment = get_assessment_for_user(request, assessment_id, viewed="amend assessment (API)")
    data = validated(AmendAssessmentIn, request)
    with service_refusals():
        assessments.amend_assessment(
            assessment=assessment,
            by=acting_user(request),
            expected_version=data["version"],
            reason=data["reason"],
            changes=dict(data["changes"]),
        )
    return Response(_assessment_data(assessment))


# Child in need plans


@extend_schema(
    request=StartedOnIn,
    responses={201: CinPlanSerializer, **PROBLEM_RESPONSES},
    description="Start a child in need plan on the referral; one is open at a time.",
)
@api_view(["POST"])
def start_cin_plan(request: Request, referral_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot start a plan")
    referral = get_referral_for_user(request, referral_id, viewed="start child in need plan (API)")
    data = validated(StartedOnIn, request)
    with service_refusals():
        plan = services.start_cin_plan(referral=referral, by=acting_user(request), started_on=data["started_on"])
    return Response(CinPlanSerializer(plan).data, status=status.HTTP_201_CREATED)


@extend_schema(request=CinPlanReviewIn, responses={201: CinPlanReviewSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def review_cin_plan(request: Request, plan_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot record a plan review")
    plan = get_cin_plan_for_user(request, plan_id, viewed="review child in need plan (API)")
    data = validated(CinPlanReviewIn, request)
    with service_refusals():
        review = services.record_cin_plan_review(
            plan=plan, by=acting_user(request), held_on=data["held_on"], summary=data["summary"]
        )
    return Response(CinPlanReviewSerializer(review).data, status=status.HTTP_201_CREATED)


@extend_schema(request=EndCinPlanIn, responses={200: CinPlanSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def end_cin_plan(request: Request, plan_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot end a plan")
    plan = get_cin_plan_for_user(request, plan_id, viewed="end child in need plan (API)")
    data = validated(EndCinPlanIn, request)
    with service_refusals():
        services.end_cin_plan(plan=plan, by=acting_user(request), ended_on=data["ended_on"])
    return Response(CinPlanSerializer(plan).data)

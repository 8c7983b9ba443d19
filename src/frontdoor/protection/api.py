"""The child protection API: strategy discussions, section 47 enquiries, conferences and child protection plans.

Every object is read through protection.access (or casework.access for a
referral), checked and logged against each child it concerns; every change goes
through the services, whose refusals come back as problems: field errors are
400, a role that may not 403.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import acting_user, acting_user_who_can, service_refusals, validated
from frontdoor.casework.access import get_referral_for_user
from frontdoor.people.access import get_person_for_user
from frontdoor.protection import services
from frontdoor.protection.access import get_plan_for_user, get_section_47_for_user, get_strategy_discussion_for_user
from frontdoor.protection.models import (
    ChildProtectionPlan,
    CoreGroup,
    InitialConference,
    ReviewConference,
    Section47,
    StrategyChild,
    StrategyDiscussion,
    Visit,
)
from frontdoor.protection.serializers import (
    CoreGroupIn,
    CoreGroupSerializer,
    CpPlanSerializer,
    CpPlansQuery,
    CpVisitIn,
    CpVisitSerializer,
    EndCpPlanIn,
    InitialConferenceIn,
    InitialConferenceSerializer,
    ReviewConferenceIn,
    ReviewConferenceSerializer,
    Section47OutcomeIn,
    Section47Serializer,
    StrategyDiscussionIn,
    StrategyDiscussionSerializer,
)


def _reader(request: Request) -> User:
    user = acting_user(request)
    if not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to children's records")
    return user


def _discussion_data(discussion: StrategyDiscussion) -> dict[str, Any]:
    decisions = StrategyChild.objects.select_related("referral", "section_47").order_by("id")
    prefetch_related_objects([discussion], "participants", "actions", Prefetch("children", queryset=decisions))
    return StrategyDiscussionSerializer(discussion).data


def _section_47_data(section_47_id: int) -> dict[str, Any]:
    section_47 = (
        Section47.objects.select_related("referral", "strategy_child", "conference__recorded_by", "conference__plan")
        .prefetch_related("conference__attendees")
        .get(pk=section_47_id)
    )
    return Section47Serializer(section_47).data


def _conference_data(conference: InitialConference) -> dict[str, Any]:
    found = (
        InitialConference.objects.select_related("recorded_by", "plan")
        .prefetch_related("attendees")
        .get(pk=conference.pk)
    )
    return InitialConferenceSerializer(found).data


def _with_work(plans: QuerySet[ChildProtectionPlan]) -> QuerySet[ChildProtectionPlan]:
    """Plans with their reviews, core groups and visits and who recorded each: a fixed number of queries."""
    return plans.select_related("referral", "conference").prefetch_related(
        Prefetch("reviews", queryset=ReviewConference.objects.select_related("recorded_by")),
        Prefetch("core_groups", queryset=CoreGroup.objects.select_related("recorded_by")),
        Prefetch("visits", queryset=Visit.objects.select_related("visited_by")),
    )


def _plan_data(plan: ChildProtectionPlan) -> dict[str, Any]:
    found = _with_work(ChildProtectionPlan.objects.filter(pk=plan.pk)).get()
    return CpPlanSerializer(found, context={"council": LocalAuthority.load()}).data


# Strategy discussions


@extend_schema(
    request=StrategyDiscussionIn,
    responses={201: StrategyDiscussionSerializer, **PROBLEM_RESPONSES},
    description="Record a strategy discussion or meeting and each child's decision. A section 47 decision starts "
    "the enquiry, with its initial conference due 15 working days after the discussion. A child whose record "
    "you may not open is refused.",
)
@api_view(["POST"])
def strategy_discussions(request: Request) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot record strategy discussions")
    data = validated(StrategyDiscussionIn, request)
    children = []
    for index, child in enumerate(data["children"]):
        try:
            referral = get_referral_for_user(request, child["referral"], viewed="record strategy discussion (API)")
        except Http404:
            raise serializers.ValidationError({f"children[{index}].referral": ["No referral with that ID"]}) from None
        children.append(services.ChildDecision(referral, child["decision"], child["rationale"]))
    with service_refusals():
        discussion = services.record_strategy_discussion(
            by=acting_user(request),
            held_at=data["held_at"],
            kind=data["kind"],
            information_shared=data["information_shared"],
            police_reference=data["police_reference"],
            children=children,
            participants=[services.Participant(**participant) for participant in data["participants"]],
            actions=[services.Action(**action) for action in data["actions"]],
        )
    return Response(_discussion_data(discussion), status=status.HTTP_201_CREATED)


@extend_schema(
    responses={200: StrategyDiscussionSerializer, **PROBLEM_RESPONSES},
    description="One strategy discussion: who took part, what was decided for each child, the actions agreed.",
)
@api_view(["GET"])
def strategy_discussion_detail(request: Request, discussion_id: int) -> Response:
    discussion = get_strategy_discussion_for_user(request, discussion_id, viewed="strategy discussion (API)")
    return Response(_discussion_data(discussion))


# Section 47 enquiries


@extend_schema(
    responses={200: Section47Serializer, **PROBLEM_RESPONSES},
    description="One section 47 enquiry: its conference due date, its outcome and its conference, if held.",
)
@api_view(["GET"])
def section_47_detail(request: Request, section_47_id: int) -> Response:
    section_47 = get_section_47_for_user(request, section_47_id, viewed="section 47 enquiry (API)")
    return Response(_section_47_data(section_47.pk))


@extend_schema(
    request=Section47OutcomeIn,
    responses={200: Section47Serializer, **PROBLEM_RESPONSES},
    description="Conclude the enquiry. With no conference needed, say why; the enquiry then closes.",
)
@api_view(["POST"])
def section_47_outcome(request: Request, section_47_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot record section 47 outcomes")
    section_47 = get_section_47_for_user(request, section_47_id, viewed="section 47 outcome (API)")
    data = validated(Section47OutcomeIn, request)
    with service_refusals():
        services.record_section_47_outcome(
            section_47=section_47,
            by=acting_user(request),
            outcome=data["outcome"],
            completed_on=data["completed_on"],
            conference_needed=data["conference_needed"],
            not_required_reason=data["not_required_reason"],
        )
    return Response(_section_47_data(section_47.pk))


@extend_schema(
    request=InitialConferenceIn,
    responses={201: InitialConferenceSerializer, **PROBLEM_RESPONSES},
    description="Record the initial child protection conference, on a working day. A conference that decides a "
    "plan starts it that day, and ends any child in need plan.",
)
@api_view(["POST"])
def section_47_conference(request: Request, section_47_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot record conferences")
    section_47 = get_section_47_for_user(request, section_47_id, viewed="initial conference (API)")
    data = validated(InitialConferenceIn, request)
    with service_refusals():
        conference = services.hold_initial_conference(
            section_47=section_47,
            by=acting_user(request),
            held_on=data["held_on"],
            needs_plan=data["needs_plan"],
            category=data["category"],
            chaired_by=data["chaired_by"],
            attendees=[services.Attendee(**attendee) for attendee in data["attendees"]],
            summary=data["summary"],
        )
    return Response(_conference_data(conference), status=status.HTTP_201_CREATED)


# Child protection plans


@extend_schema(
    parameters=[CpPlansQuery],
    responses={200: CpPlanSerializer(many=True), **PROBLEM_RESPONSES},
    description="Every child protection plan of one child, newest first, with reviews, core groups and visits.",
)
@api_view(["GET"])
def plans(request: Request) -> Response:
    _reader(request)
    query = CpPlansQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    person = get_person_for_user(request, query.validated_data["person"], viewed="child protection plans (API)")
    found = _with_work(ChildProtectionPlan.objects.filter(referral__person=person).order_by("-started_on", "-id"))
    return Response(CpPlanSerializer(found, many=True, context={"council": LocalAuthority.load()}).data)


@extend_schema(
    responses={200: CpPlanSerializer, **PROBLEM_RESPONSES},
    description="One plan with its reviews, core groups and visits, and when the next of each is due.",
)
@api_view(["GET"])
def plan_detail(request: Request, plan_id: int) -> Response:
    plan = get_plan_for_user(request, plan_id, viewed="child protection plan (API)")
    return Response(_plan_data(plan))


@extend_schema(
    request=ReviewConferenceIn,
    responses={201: ReviewConferenceSerializer, **PROBLEM_RESPONSES},
    description="Record a review conference; one that does not continue the plan ends it that day.",
)
@api_view(["POST"])
def review_plan(request: Request, plan_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot record review conferences")
    plan = get_plan_for_user(request, plan_id, viewed="review conference (API)")
    data = validated(ReviewConferenceIn, request)
    with service_refusals():
        review = services.record_review_conference(
            plan=plan,
            by=acting_user(request),
            held_on=data["held_on"],
            continue_plan=data["continue_plan"],
            category=data["category"],
            summary=data["summary"],
        )
    return Response(ReviewConferenceSerializer(review).data, status=status.HTTP_201_CREATED)


@extend_schema(request=CoreGroupIn, responses={201: CoreGroupSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def record_core_group(request: Request, plan_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot record core groups")
    plan = get_plan_for_user(request, plan_id, viewed="core group (API)")
    data = validated(CoreGroupIn, request)
    with service_refusals():
        group = services.record_core_group(
            plan=plan, by=acting_user(request), held_on=data["held_on"], summary=data["summary"]
        )
    return Response(CoreGroupSerializer(group).data, status=status.HTTP_201_CREATED)


@extend_schema(
    request=CpVisitIn,
    responses={201: CpVisitSerializer, **PROBLEM_RESPONSES},
    description="Record a statutory visit: whether the child was seen, seen alone, and their bedroom seen.",
)
@api_view(["POST"])
def record_visit(request: Request, plan_id: int) -> Response:
    acting_user_who_can(request, Capability.DO_CASEWORK, "Your role cannot record visits")
    plan = get_plan_for_user(request, plan_id, viewed="visit (API)")
    data = validated(CpVisitIn, request)
    with service_refusals():
        visit = services.record_visit(
            plan=plan,
            by=acting_user(request),
            visited_on=data["visited_on"],
            child_seen=data["child_seen"],
            seen_alone=data["seen_alone"],
            bedroom_seen=data["bedroom_seen"],
            notes=data["notes"],
        )
    return Response(CpVisitSerializer(visit).data, status=status.HTTP_201_CREATED)


@extend_schema(
    request=EndCpPlanIn,
    responses={200: CpPlanSerializer, **PROBLEM_RESPONSES},
    description="A manager ends the plan outside a review conference, with the reason.",
)
@api_view(["POST"])
def end_plan(request: Request, plan_id: int) -> Response:
    acting_user_who_can(
        request, Capability.AUTHORISE_CASEWORK, "Only a manager can end a child protection plan outside a review"
    )
    plan = get_plan_for_user(request, plan_id, viewed="end child protection plan (API)")
    data = validated(EndCpPlanIn, request)
    with service_refusals():
        services.end_plan(plan=plan, by=acting_user(request), ended_on=data["ended_on"], reason=data["reason"])
    return Response(_plan_data(plan))

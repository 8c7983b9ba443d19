"""The early help API: read episodes, take a partner's request, record the assessment, close or step up.

An episode is read through earlyhelp.access, checked and logged against the child; every change goes through
the services, whose refusals come back as problems.
"""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import service_refusals, validated
from frontdoor.earlyhelp import queries, services
from frontdoor.earlyhelp.access import early_help_user, get_episode_for_user
from frontdoor.earlyhelp.models import EarlyHelpEpisode
from frontdoor.earlyhelp.serializers import (
    AssessmentIn,
    ClosureIn,
    EarlyHelpEpisodeSerializer,
    EarlyHelpEpisodeSummarySerializer,
    EarlyHelpRequestSerializer,
    PartnerRequestIn,
)
from frontdoor.people.access import get_person_for_user

VIEWED = "early help episode (API)"


def _episode_data(episode_id: int) -> Any:
    return EarlyHelpEpisodeSerializer(queries.EPISODE_PAGE.get(pk=episode_id)).data


@extend_schema(responses={200: EarlyHelpEpisodeSummarySerializer(many=True), **PROBLEM_RESPONSES})
@api_view(["GET"])
def episodes(request: Request) -> Response:
    """Open episodes (waiting to start or under way), the next review due first."""
    user = early_help_user(request)
    return Response(EarlyHelpEpisodeSummarySerializer(queries.open_episodes(user)[:500], many=True).data)


@extend_schema(responses={200: EarlyHelpEpisodeSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def episode_detail(request: Request, episode_id: int) -> Response:
    found = get_episode_for_user(request, episode_id, viewed=VIEWED, episodes=queries.EPISODE_PAGE)
    return Response(EarlyHelpEpisodeSerializer(found).data)


@extend_schema(request=PartnerRequestIn, responses={201: EarlyHelpRequestSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def requests(request: Request) -> Response:
    """A partner agency's request for early help, recorded by the early help team."""
    user = early_help_user(request)
    data = validated(PartnerRequestIn, request)
    person = get_person_for_user(request, data.pop("person"), viewed="early help request (API)")
    with service_refusals():
        made = services.record_partner_request(person=person, by=user, **data)
    return Response(EarlyHelpRequestSerializer(made).data, status=status.HTTP_201_CREATED)


@extend_schema(request=AssessmentIn, responses={200: EarlyHelpEpisodeSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def assessment(request: Request, episode_id: int) -> Response:
    """Record the early help assessment, or bring it up to date."""
    user = early_help_user(request)
    found = get_episode_for_user(request, episode_id, viewed=VIEWED)
    data = validated(AssessmentIn, request)
    with service_refusals():
        services.record_assessment(episode=found, by=user, **data)
    return Response(_episode_data(found.pk))


@extend_schema(
    request=ClosureIn,
    responses={200: EarlyHelpEpisodeSerializer, **PROBLEM_RESPONSES},
    parameters=[OpenApiParameter("episode_id", int, OpenApiParameter.PATH)],
    description=f"Close with an outcome; `{EarlyHelpEpisode.Outcome.STEP_UP}` opens a contact at the front door "
    "carrying the episode's history, and needs a reason.",
)
@api_view(["POST"])
def closure(request: Request, episode_id: int) -> Response:
    user = early_help_user(request)
    found = get_episode_for_user(request, episode_id, viewed=VIEWED)
    data = validated(ClosureIn, request)
    with service_refusals():
        services.close_episode(episode=found, by=user, **data)
    return Response(_episode_data(found.pk))

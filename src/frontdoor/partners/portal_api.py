"""The partner portal API: a partner agency's system sends referrals and reads back their status and feedback;
the front door gives the feedback.

A partner sees their own referrals and nothing else: anyone else's is not found, and the attempt is logged.
"""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.api.problems import PROBLEM_RESPONSES
from frontdoor.api.requests import acting_user, service_refusals, validated
from frontdoor.partners import portal
from frontdoor.partners.access import get_own_portal_referral, get_portal_referral_for_staff
from frontdoor.partners.models import PortalReferral
from frontdoor.partners.portal_serializers import (
    PortalFeedbackIn,
    PortalReferralIn,
    PortalReferralSerializer,
    referral_from,
)

REFERRALS = PortalReferral.objects.select_related("contact", "feedback_by")


def _user_with(request: Request, capability: Capability, refusal: str) -> User:
    user = acting_user(request)
    if not user.can(capability):
        raise PermissionDenied(refusal)
    return user


def _partner(request: Request) -> User:
    return _user_with(request, Capability.SUBMIT_REFERRALS, "Only partner agencies use the portal")


@extend_schema(
    methods=["POST"], request=PortalReferralIn, responses={201: PortalReferralSerializer, **PROBLEM_RESPONSES}
)
@extend_schema(methods=["GET"], responses={200: PortalReferralSerializer(many=True), **PROBLEM_RESPONSES})
@api_view(["GET", "POST"])
def referrals(request: Request) -> Response:
    """Your referrals, newest first; or make one, which becomes a contact in the front door's queue."""
    user = _partner(request)
    if request.method == "GET":
        return Response(PortalReferralSerializer(REFERRALS.filter(submitted_by=user)[:200], many=True).data)
    data = validated(PortalReferralIn, request)
    with service_refusals():
        made = portal.submit_referral(by=user, referral=referral_from(data))
    return Response(PortalReferralSerializer(REFERRALS.get(pk=made.pk)).data, status=status.HTTP_201_CREATED)


@extend_schema(responses={200: PortalReferralSerializer, **PROBLEM_RESPONSES})
@api_view(["GET"])
def referral(request: Request, referral_id: int) -> Response:
    _partner(request)
    found = get_own_portal_referral(request, referral_id, viewed="portal referral (API)")
    return Response(PortalReferralSerializer(found).data)


@extend_schema(request=PortalFeedbackIn, responses={200: PortalReferralSerializer, **PROBLEM_RESPONSES})
@api_view(["POST"])
def feedback(request: Request, referral_id: int) -> Response:
    """The front door tells the partner what happened, once the contact is decided."""
    user = _user_with(request, Capability.RECORD_CONTACTS, "Your role does not give feedback to referrers")
    found = get_portal_referral_for_staff(request, referral_id, viewed="portal referral feedback (API)")
    data = validated(PortalFeedbackIn, request)
    with service_refusals():
        portal.give_feedback(portal_referral=found, by=user, feedback=data["feedback"])
    return Response(PortalReferralSerializer(REFERRALS.get(pk=found.pk)).data)

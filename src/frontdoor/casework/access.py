"""Opening a referral, an assessment or a plan means reading the child's record: checked and logged as such."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.models import Assessment, CinPlan, Referral
from frontdoor.people.access import can_view_person
from frontdoor.people.models import Person
from frontdoor.records.services import log_access


def _check_and_log(request: HttpRequest | Request, person: Person, *, viewed: str) -> None:
    user = request.user
    assert isinstance(user, User)
    allowed = can_view_person(user, person)
    log_access(user=user, child=person, viewed=viewed, path=request.get_full_path(), allowed=allowed)
    if not allowed:
        raise PermissionDenied("This is a restricted record. Only the people named on it can open it")


def _reader(request: HttpRequest | Request) -> User:
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to children's records")
    return user


def get_referral_for_user(request: HttpRequest | Request, referral_id: int, *, viewed: str) -> Referral:
    """The referral, if this user may read the child's record; the read is logged."""
    _reader(request)
    referral = (
        Referral.objects.select_related("person", "team", "worker", "closure_authorised_by", "contact_child__contact")
        .filter(pk=referral_id)
        .first()
    )
    if referral is None:
        raise Http404("No referral with that ID")
    _check_and_log(request, referral.person, viewed=viewed)
    return referral


def get_assessment_for_user(request: HttpRequest | Request, assessment_id: int, *, viewed: str) -> Assessment:
    _reader(request)
    assessment = (
        Assessment.objects.select_related("referral__person", "referral__team", "worker", "authorised_by")
        .filter(pk=assessment_id)
        .first()
    )
    if assessment is None:
        raise Http404("No assessment with that ID")
    _check_and_log(request, assessment.referral.person, viewed=viewed)
    return assessment


def get_cin_plan_for_user(request: HttpRequest | Request, plan_id: int, *, viewed: str) -> CinPlan:
    _reader(request)
    plan = CinPlan.objects.select_related("referral__person").filter(pk=plan_id).first()
    if plan is None:
        raise Http404("No child in need plan with that ID")
    _check_and_log(request, plan.referral.person, viewed=viewed)
    return plan

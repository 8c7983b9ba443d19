"""Opening a strategy discussion, an enquiry or a plan means reading each child's record: checked and logged as such.

A strategy discussion may concern several children (siblings, most often). It is
refused if any of them is a restricted record this user has not been granted, and
the attempt is logged against every child it concerns, allowed or refused.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.people.access import can_view_person
from frontdoor.people.models import Person
from frontdoor.protection.models import ChildProtectionPlan, Section47, StrategyChild, StrategyDiscussion
from frontdoor.records.services import log_access

RESTRICTED = "This is a restricted record. Only the people named on it can open it"


def _reader(request: HttpRequest | Request) -> User:
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to children's records")
    return user


def _check_and_log(request: HttpRequest | Request, people: list[Person], *, viewed: str) -> None:
    """Allowed only if every child may be seen; the attempt is logged once for each child."""
    user = _reader(request)
    unique = list({person.pk: person for person in people}.values())
    allowed = all(can_view_person(user, person) for person in unique)
    path = request.get_full_path()
    for person in unique:
        log_access(user=user, child=person, viewed=viewed, path=path, allowed=allowed)
    if not allowed:
        raise PermissionDenied(RESTRICTED)


def get_strategy_discussion_for_user(
    request: HttpRequest | Request, discussion_id: int, *, viewed: str
) -> StrategyDiscussion:
    """The discussion, with each child's decision loaded, if this user may read every child's record."""
    _reader(request)
    decisions = StrategyChild.objects.select_related("referral__person", "section_47").order_by("id")
    discussion = (
        StrategyDiscussion.objects.select_related("chaired_by", "recorded_by")
        .prefetch_related(Prefetch("children", queryset=decisions))
        .filter(pk=discussion_id)
        .first()
    )
    if discussion is None:
        raise Http404("No strategy discussion with that ID")
    _check_and_log(request, [child.referral.person for child in discussion.children.all()], viewed=viewed)
    return discussion


def get_section_47_for_user(request: HttpRequest | Request, section_47_id: int, *, viewed: str) -> Section47:
    _reader(request)
    section_47 = (
        Section47.objects.select_related("referral__person", "strategy_child", "recorded_by", "conference__plan")
        .filter(pk=section_47_id)
        .first()
    )
    if section_47 is None:
        raise Http404("No section 47 enquiry with that ID")
    _check_and_log(request, [section_47.referral.person], viewed=viewed)
    return section_47


def get_plan_for_user(request: HttpRequest | Request, plan_id: int, *, viewed: str) -> ChildProtectionPlan:
    _reader(request)
    plan = (
        ChildProtectionPlan.objects.select_related("referral__person", "conference__section_47")
        .filter(pk=plan_id)
        .first()
    )
    if plan is None:
        raise Http404("No child protection plan with that ID")
    _check_and_log(request, [plan.referral.person], viewed=viewed)
    return plan

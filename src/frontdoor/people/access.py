"""The one way to read a person's record: check the user may see it, then log the attempt.

Every page and API endpoint that shows a person goes through
get_person_for_user; lists use visible_people. Refused attempts are logged
as well as allowed ones, so auditors see who tried to open a restricted record.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.people.models import Person, RestrictionGrant
from frontdoor.records.services import log_access


def _grants_for(user: User) -> Q:
    return Q(revoked_at__isnull=True) & (Q(user=user) | Q(role=user.role))


def can_view_person(user: User, person: Person) -> bool:
    if not user.can(Capability.VIEW_CHILDREN):
        return False
    if person.is_restricted:
        return RestrictionGrant.objects.filter(_grants_for(user), person=person).exists()
    return True


def restricted_ids_visible_to(user: User, person_ids: Iterable[int]) -> set[int]:
    """Of these restricted people, the ones this user has been granted."""
    ids = list(person_ids)
    if not ids:
        return set()
    grants = RestrictionGrant.objects.filter(_grants_for(user), person_id__in=ids)
    return set(grants.values_list("person_id", flat=True))


def get_person_for_user(request: HttpRequest | Request, person_id: int, *, viewed: str) -> Person:
    """The person, if this user may see them. Every attempt is logged, allowed or refused."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("Sign in to see people's records")
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        # Only someone who may read records learns whether one exists.
        if not user.can(Capability.VIEW_CHILDREN):
            raise PermissionDenied("You do not have access to people's records")
        raise Http404("No person with that ID")
    allowed = can_view_person(user, person)
    log_access(user=user, child=person, viewed=viewed, path=request.get_full_path(), allowed=allowed)
    if not allowed:
        if person.is_restricted and user.can(Capability.VIEW_CHILDREN):
            raise PermissionDenied(
                "This is a restricted record. Only the people named on it can open it: "
                "ask your team manager if you need to"
            )
        raise PermissionDenied("You do not have access to people's records")
    return person


def get_person_to_edit(request: HttpRequest | Request, person_id: int, *, viewed: str) -> Person:
    """The person, if this user may see and change their record."""
    person = get_person_for_user(request, person_id, viewed=viewed)
    user = request.user
    assert isinstance(user, User)
    if not user.can(Capability.EDIT_PEOPLE):
        raise PermissionDenied("Your role cannot change people's records")
    return person

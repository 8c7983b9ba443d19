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
from frontdoor.people.models import DuplicateCandidate, Merge, Person, RestrictionGrant
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


def _check_both(
    request: HttpRequest | Request, user: User, people: tuple[Person, Person], *, viewed: str, refusal: str
) -> None:
    for person in people:
        allowed = can_view_person(user, person)
        log_access(user=user, child=person, viewed=viewed, path=request.get_full_path(), allowed=allowed)
        if not allowed:
            raise PermissionDenied(refusal)


def _merger(request: HttpRequest | Request) -> User:
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.MERGE_PEOPLE):
        raise PermissionDenied("Your role does not merge people's records")
    return user


def get_duplicate_pair_for_user(
    request: HttpRequest | Request, candidate_id: int, *, viewed: str, open_only: bool = False
) -> DuplicateCandidate:
    """A possible duplicate pair, if this user merges records and may see both; each read is logged."""
    user = _merger(request)
    found = DuplicateCandidate.objects.select_related("person_a", "person_b").filter(pk=candidate_id)
    if open_only:
        found = found.filter(status=DuplicateCandidate.Status.OPEN)
    candidate = found.first()
    if candidate is None:
        raise Http404("No possible duplicate with that ID")
    refusal = "One of these records is restricted: ask a manager named on it to merge them"
    _check_both(request, user, (candidate.person_a, candidate.person_b), viewed=viewed, refusal=refusal)
    return candidate


def get_merge_for_user(request: HttpRequest | Request, merge_id: int, *, viewed: str) -> Merge:
    """A merge of two records, if this user merges records and may see both; each read is logged."""
    user = _merger(request)
    merge = Merge.objects.select_related("survivor", "merged", "merged_by", "undone_by").filter(pk=merge_id).first()
    if merge is None:
        raise Http404("No merge with that ID")
    refusal = "One of these records is restricted: ask a manager named on it"
    _check_both(request, user, (merge.survivor, merge.merged), viewed=viewed, refusal=refusal)
    return merge

"""The one way to read a child's record: check the user may see it, then log the read.

Every page and API endpoint that shows a child goes through
get_person_for_user; nothing else reads a Person for display.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.people.models import Person
from frontdoor.records.services import log_access


def can_view_person(user: User, person: Person) -> bool:
    return user.is_authenticated and user.can(Capability.VIEW_CHILDREN)


def get_person_for_user(request: HttpRequest | Request, person_id: int, *, viewed: str) -> Person:
    """The person, if this user may see them; every successful read is logged."""
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("You do not have access to children's records")
    try:
        person = Person.objects.get(pk=person_id)
    except Person.DoesNotExist:
        raise Http404("No person with that ID") from None
    if not can_view_person(user, person):
        raise PermissionDenied("You do not have access to this record")
    log_access(user=user, child=person, viewed=viewed, path=request.get_full_path())
    return person

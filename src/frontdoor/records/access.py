"""The access log's own access: auditors reading who saw a child, or what a user saw.

Auditors need not be able to open the child's record itself (administrators
cannot), so this checks its own capability; reading a child's access log still
names the child, so it is written to the access log like any other read.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.people.models import Person
from frontdoor.records.services import log_access


def auditor(request: HttpRequest | Request) -> User:
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.VIEW_ACCESS_LOG):
        raise PermissionDenied("Your role cannot read the access log")
    return user


def get_child_for_auditor(request: HttpRequest | Request, person_id: int, *, viewed: str) -> Person:
    """The child whose access log is asked for; the read is logged against them."""
    user = auditor(request)
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        raise Http404("No person with that ID")
    log_access(user=user, child=person, viewed=viewed, path=request.get_full_path())
    return person


def get_staff_for_auditor(request: HttpRequest | Request, user_id: int) -> User:
    auditor(request)
    found = User.objects.select_related("team").filter(pk=user_id).first()
    if found is None:
        raise Http404("No user with that ID")
    return found

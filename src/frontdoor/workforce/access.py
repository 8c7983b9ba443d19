"""Opening a supervision session means reading the records of the children its case directions are about.

A session may direct work on several children. It is refused if any of them is
a restricted record this user has not been granted, and the attempt is logged
against every child it names, allowed or refused.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.people.access import can_view_person
from frontdoor.people.models import Person
from frontdoor.records.services import log_access
from frontdoor.workforce.models import SupervisionSession


def get_supervision_session_for_user(
    request: HttpRequest | Request, session_id: int, *, viewed: str
) -> SupervisionSession:
    """The session, if this user may read every child its directions name; each child's read is logged."""
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.VIEW_CHILDREN):
        raise PermissionDenied("A session's directions name children")
    session = SupervisionSession.objects.select_related("worker", "supervisor").filter(pk=session_id).first()
    if session is None:
        raise Http404("No supervision session with that ID")
    people = Person.objects.filter(case_directions__session=session).distinct()
    allowed = all(can_view_person(user, person) for person in people)
    for person in people:
        log_access(user=user, child=person, viewed=viewed, path=request.get_full_path(), allowed=allowed)
    if not allowed:
        raise PermissionDenied("A child discussed in this session has a restricted record")
    return session

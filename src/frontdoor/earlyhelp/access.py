"""Opening an early help episode or request means reading the child's record: checked and logged as such."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from rest_framework.request import Request

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest
from frontdoor.people.access import can_view_person
from frontdoor.people.models import Person
from frontdoor.records.services import log_access


def early_help_user(request: HttpRequest | Request) -> User:
    """The signed-in user, if their role works in early help."""
    user = request.user
    if not isinstance(user, User) or not user.can(Capability.DO_EARLY_HELP):
        raise PermissionDenied("Only the early help team and managers open early help records")
    return user


def _check_and_log(request: HttpRequest | Request, user: User, person: Person, *, viewed: str) -> None:
    allowed = can_view_person(user, person)
    log_access(user=user, child=person, viewed=viewed, path=request.get_full_path(), allowed=allowed)
    if not allowed:
        raise PermissionDenied("This is a restricted record. Only the people named on it can open it")


def get_episode_for_user(
    request: HttpRequest | Request,
    episode_id: int,
    *,
    viewed: str,
    episodes: QuerySet[EarlyHelpEpisode] | None = None,
) -> EarlyHelpEpisode:
    """The episode, if this user may read the child's record; the read is logged."""
    user = early_help_user(request)
    found = (episodes if episodes is not None else EarlyHelpEpisode.objects.all()).select_related("person", "request")
    episode = found.filter(pk=episode_id).first()
    if episode is None:
        raise Http404("No early help episode with that ID")
    _check_and_log(request, user, episode.person, viewed=viewed)
    return episode


def get_request_for_user(request: HttpRequest | Request, request_id: int, *, viewed: str) -> EarlyHelpRequest:
    user = early_help_user(request)
    found = EarlyHelpRequest.objects.select_related("person").filter(pk=request_id).first()
    if found is None:
        raise Http404("No early help request with that ID")
    _check_and_log(request, user, found.person, viewed=viewed)
    return found

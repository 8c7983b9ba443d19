"""Who sees which dashboard: a manager their own team's; service managers and analysts every one."""

from django.http import Http404

from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Capability


def sees_council(user: User) -> bool:
    return user.can(Capability.VIEW_COUNCIL_INSIGHT)


def teams_for(user: User) -> list[Team]:
    if sees_council(user):
        return list(Team.objects.filter(is_active=True).order_by("name"))
    return [user.team] if user.team is not None else []


def get_team_for_user(user: User, team_id: int | None) -> Team | None:
    """The team asked for, if the user may see its figures; None means the whole council.

    A team the user may not see is "not found", as if it did not exist.
    """
    if team_id is None:
        if sees_council(user):
            return None
        if user.team is None:
            raise Http404("You have no team to show figures for")
        return user.team
    team = next((team for team in teams_for(user) if team.pk == team_id), None)
    if team is None:
        raise Http404("No such team")
    return team

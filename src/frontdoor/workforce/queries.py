"""What the workforce pages read: a team's caseloads and the work waiting for a worker."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.workforce.caseloads import Caseload, caseloads
from frontdoor.workforce.models import CaseDirection

# Who holds cases: managers allocate and oversee, and hold one only now and then.
CASE_HOLDERS = (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER)


@dataclass
class TeamCaseloads:
    team: Team
    loads: list[Caseload]

    @property
    def average(self) -> Decimal:
        return (sum((load.weighted for load in self.loads), Decimal(0)) / len(self.loads)) if self.loads else Decimal(0)

    @property
    def over_limit(self) -> int:
        return sum(load.is_over for load in self.loads)


def caseworkers(team: Team) -> list[User]:
    return list(
        User.objects.filter(team=team, is_active=True, role__in=CASE_HOLDERS).order_by("last_name", "first_name", "pk")
    )


def team_caseloads(team: Team) -> TeamCaseloads:
    return TeamCaseloads(team, caseloads(caseworkers(team)))


@dataclass
class Waiting:
    referral: Referral
    since: datetime

    @property
    def days(self) -> int:
        return (timezone.now() - self.since).days


def unallocated(team: Team | None = None) -> list[Waiting]:
    """Open referrals with no worker, longest waiting first: waiting since they came to the team."""
    referrals: QuerySet[Referral] = Referral.objects.filter(closed_on=None, is_nfa=False, worker__isnull=True)
    if team is not None:
        referrals = referrals.filter(team=team)
    waiting = [
        Waiting(referral, referral.allocated_at or referral.created_at)
        for referral in referrals.select_related("person", "team")
    ]
    return sorted(waiting, key=lambda item: (item.since, item.referral.pk))


def teams_with_caseworkers() -> QuerySet[Team]:
    return (
        Team.objects.filter(is_active=True, members__role__in=CASE_HOLDERS, members__is_active=True)
        .distinct()
        .order_by("name")
    )


def open_cases_of(worker: User) -> list[Referral]:
    return list(
        Referral.objects.filter(worker=worker, closed_on=None, is_nfa=False)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "pk")
    )


def without_oversight(*, days: int, team: Team | None = None) -> QuerySet[Referral]:
    """Open cases with no manager's direction for `days`: never directed, or last directed before then."""
    since = timezone.localdate() - timedelta(days=days)
    last = CaseDirection.objects.filter(referral=OuterRef("pk")).order_by("-given_on").values("given_on")[:1]
    referrals = (
        Referral.objects.filter(closed_on=None, is_nfa=False, referral_date__lte=since)
        .annotate(last_direction=Subquery(last))
        .filter(Q(last_direction__isnull=True) | Q(last_direction__lt=since))
    )
    if team is not None:
        referrals = referrals.filter(team=team)
    return referrals.select_related("person", "team", "worker").order_by(
        F("last_direction").asc(nulls_first=True), "referral_date", "pk"
    )

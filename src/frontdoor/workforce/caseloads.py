"""Each worker's caseload: open referrals by kind of work, weighed by the council's policy, against their limit.

A referral counts once, as its heaviest open work: a child protection plan, else a child in need plan, else
the assessment and other work of an open referral. Counting is by referral because a worker holds each
child's episode; brothers and sisters are each counted, as each has their own plan.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.casework.models import CinPlan, Referral
from frontdoor.protection.models import ChildProtectionPlan
from frontdoor.workforce.models import CaseloadPolicy, WorkerProfile

KINDS = ("assessment", "cin_plan", "cp_plan")


@dataclass
class Caseload:
    worker: User
    limit: Decimal
    newly_qualified: bool
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    weighted: Decimal = Decimal(0)

    @property
    def cases(self) -> int:
        return sum(self.counts.values())

    @property
    def is_over(self) -> bool:
        return self.weighted > self.limit

    @property
    def share(self) -> int:
        """Per cent of the limit, for the bar on the team page."""
        return round(100 * self.weighted / self.limit) if self.limit else 0


def weight_of(kind: str, policy: CaseloadPolicy) -> Decimal:
    return {
        "assessment": policy.assessment_weight,
        "cin_plan": policy.cin_plan_weight,
        "cp_plan": policy.cp_plan_weight,
    }[kind]


def open_referrals_by_kind(workers: Iterable[int]) -> QuerySet[Any, Any]:
    on_cp_plan = ChildProtectionPlan.objects.filter(referral=OuterRef("pk"), ended_on=None)
    on_cin_plan = CinPlan.objects.filter(referral=OuterRef("pk"), ended_on=None)
    return (
        Referral.objects.filter(closed_on=None, worker_id__in=list(workers))
        .annotate(on_cp_plan=Exists(on_cp_plan), on_cin_plan=Exists(on_cin_plan))
        .values("worker_id", "on_cp_plan", "on_cin_plan")
        .annotate(n=Count("id"))
        .order_by()
    )


def limit_for(profile: WorkerProfile | None, policy: CaseloadPolicy, today: date) -> tuple[Decimal, bool]:
    """The worker's limit, and whether it is the protected limit of their first year."""
    newly_qualified = profile is not None and profile.is_newly_qualified_on(today, policy)
    if profile is not None and profile.caseload_limit is not None:
        return profile.caseload_limit, newly_qualified
    return (policy.newly_qualified_limit if newly_qualified else policy.worker_limit), newly_qualified


def caseloads(
    workers: list[User], *, policy: CaseloadPolicy | None = None, today: date | None = None
) -> list[Caseload]:
    """The caseloads of these workers, in their order, in three queries whatever their number."""
    policy = policy or CaseloadPolicy.load()
    today = today or timezone.localdate()
    profiles = {p.user_id: p for p in WorkerProfile.objects.filter(user__in=workers)}
    loads = {}
    for worker in workers:
        limit, newly_qualified = limit_for(profiles.get(worker.pk), policy, today)
        loads[worker.pk] = Caseload(worker, limit, newly_qualified)
    for row in open_referrals_by_kind(loads):
        kind = "cp_plan" if row["on_cp_plan"] else "cin_plan" if row["on_cin_plan"] else "assessment"
        load = loads[row["worker_id"]]
        load.counts[kind] += row["n"]
        load.weighted += weight_of(kind, policy) * row["n"]
    return [loads[worker.pk] for worker in workers]


def weight_of_referral(referral: Referral, policy: CaseloadPolicy) -> Decimal:
    if referral.cp_plans.filter(ended_on=None).exists():
        return policy.cp_plan_weight
    if referral.cin_plans.filter(ended_on=None).exists():
        return policy.cin_plan_weight
    return policy.assessment_weight

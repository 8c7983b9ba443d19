"""Changing who holds work and how much they may hold: each change in one transaction with its event."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.models import Referral
from frontdoor.records.concurrency import claim_version
from frontdoor.records.services import record_event
from frontdoor.workforce.caseloads import caseloads, weight_of_referral
from frontdoor.workforce.models import Allocation, CaseloadPolicy, WorkerProfile


def load_after(*, worker: User, referral: Referral) -> tuple[Decimal, Decimal]:
    """The worker's weighted caseload if they took this referral too, and their limit."""
    policy = CaseloadPolicy.load()
    (load,) = caseloads([worker], policy=policy)
    extra = Decimal(0) if referral.worker_id == worker.pk else weight_of_referral(referral, policy)
    return load.weighted + extra, load.limit


def note_allocation(
    *, referral: Referral, team: Team, worker: User | None, by: User | None, reason: str, over_limit: bool
) -> Allocation:
    """Close the referral's current allocation and open the new one: part of the allocation's own transaction."""
    now = timezone.now()
    Allocation.objects.filter(referral=referral, ended_at=None).update(ended_at=now)
    return Allocation.objects.create(
        referral=referral,
        team=team,
        worker=worker,
        started_at=now,
        allocated_by=by,
        reason=reason.strip(),
        over_limit=over_limit,
    )


@transaction.atomic
def set_caseload_policy(
    *,
    by: User,
    expected_version: int,
    assessment_weight: Decimal,
    cin_plan_weight: Decimal,
    cp_plan_weight: Decimal,
    worker_limit: Decimal,
    newly_qualified_limit: Decimal,
    newly_qualified_months: int,
) -> CaseloadPolicy:
    require_capability(by, Capability.MANAGE_COUNCIL, "Only an administrator sets caseload weights and limits")
    problems = {}
    for name, value in (
        ("assessment_weight", assessment_weight),
        ("cin_plan_weight", cin_plan_weight),
        ("cp_plan_weight", cp_plan_weight),
    ):
        if not Decimal(0) < value <= Decimal(10):
            problems[name] = "A weight is more than 0 and at most 10"
    if newly_qualified_limit > worker_limit:
        problems["newly_qualified_limit"] = "A newly qualified worker's limit cannot be above everyone else's"
    if problems:
        raise ValidationError(problems)
    policy = CaseloadPolicy.load()
    claim_version(policy, expected_version)
    policy.assessment_weight, policy.cin_plan_weight, policy.cp_plan_weight = (
        assessment_weight,
        cin_plan_weight,
        cp_plan_weight,
    )
    policy.worker_limit, policy.newly_qualified_limit = worker_limit, newly_qualified_limit
    policy.newly_qualified_months = newly_qualified_months
    policy.save()
    record_event(
        kind="workforce.policy_changed",
        by=by,
        summary=f"Caseload limits {worker_limit} (newly qualified {newly_qualified_limit}); weights "
        f"{assessment_weight} / {cin_plan_weight} / {cp_plan_weight}",
        record=policy,
    )
    return policy


@transaction.atomic
def set_worker_profile(
    *, worker: User, by: User, expected_version: int, qualified_on: date | None, caseload_limit: Decimal | None
) -> WorkerProfile:
    if not (
        by.can(Capability.MANAGE_STAFF) or (by.can(Capability.AUTHORISE_CASEWORK) and by.team_id == worker.team_id)
    ):
        raise PermissionDenied("Only the worker's manager or an administrator changes their caseload details")
    if qualified_on is not None and qualified_on > timezone.localdate():
        raise ValidationError({"qualified_on": "The date qualified must be today or in the past"})
    # A worker without a profile yet is at version 1, so two managers filling it in at once still collide.
    profile, _ = WorkerProfile.objects.get_or_create(user=worker)
    claim_version(profile, expected_version)
    profile.qualified_on, profile.caseload_limit = qualified_on, caseload_limit
    profile.save(update_fields=["qualified_on", "caseload_limit"])
    limit = f"their own limit {caseload_limit}" if caseload_limit is not None else "the council's limit"
    record_event(
        kind="workforce.profile_changed",
        by=by,
        summary=f"{worker.display_name}: qualified {qualified_on:%d/%m/%Y}, {limit}"
        if qualified_on
        else f"{worker.display_name}: {limit}",
        record=profile,
    )
    return profile

"""Referrals (CIN episodes) and child in need plans: every change is one transaction with its event.

Assessments have their own module, casework.assessments.
"""

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import Team, User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.models import Assessment, CinPlan, CinPlanReview, Referral
from frontdoor.codes import PrimaryNeed, ReasonForClosure
from frontdoor.records.concurrency import claim_version, lock_for_update
from frontdoor.records.services import record_event
from frontdoor.timescales.clocks import add_months
from frontdoor.workforce import services as workforce

if TYPE_CHECKING:
    from frontdoor.contacts.models import ContactChild
    from frontdoor.people.models import Person

RE_REFERRAL_MONTHS = 12


def is_re_referral(person: "Person", referral_date: date, *, excluding: int | None = None) -> bool:
    """Whether the child had another referral in the 12 months before this one (the DfE's definition)."""
    earlier = Referral.objects.filter(
        person=person,
        referral_date__lte=referral_date,
        referral_date__gte=add_months(referral_date, -RE_REFERRAL_MONTHS),
    )
    if excluding is not None:
        earlier = earlier.exclude(pk=excluding)
    return earlier.exists()


@transaction.atomic
def open_referral(
    *,
    person: "Person",
    by: User,
    referral_date: date,
    source: str,
    contact_child: "ContactChild | None" = None,
) -> Referral:
    """Open a CIN episode for a child: the front door's decision that they need children's social care."""
    re_referral = is_re_referral(person, referral_date)
    referral = Referral.objects.create(
        person=person,
        referral_date=referral_date,
        source=source,
        contact_child=contact_child,
        created_by=by,
        is_re_referral=re_referral,
    )
    record_event(
        kind="referral.opened",
        by=by,
        child=person,
        record=referral,
        summary=f"Opened a referral for {person.full_name}"
        + (" (a re-referral within 12 months)" if re_referral else ""),
        data={"contact_child": contact_child.pk if contact_child else None, "re_referral": re_referral},
    )
    return referral


@transaction.atomic
def allocate_referral(
    *,
    referral: Referral,
    by: User,
    team: Team,
    worker: User | None,
    expected_version: int,
    reason: str = "",
    over_limit_confirmed: bool = False,
) -> Referral:
    """Give the referral to a team and a worker in it; a reallocation says why, and the history keeps it."""
    require_capability(by, Capability.AUTHORISE_CASEWORK, "Only a manager can allocate work")
    if not referral.is_open:
        raise ValidationError({"team": "This referral is closed"})
    if worker is not None and not worker.is_active:
        raise ValidationError({"worker": f"{worker.display_name} has left: choose someone who works here"})
    if worker is not None and (worker.team_id != team.pk or not worker.can(Capability.DO_CASEWORK)):
        raise ValidationError({"worker": f"Choose a social worker in {team.name}"})
    if referral.worker_id is not None and not reason.strip():
        raise ValidationError({"reason": "Say why the work is moving to someone else"})
    over_limit = False
    if worker is not None and worker.pk != referral.worker_id:
        load, limit = workforce.load_after(worker=worker, referral=referral)
        over_limit = load > limit
        if over_limit and not over_limit_confirmed:
            raise ValidationError(
                {
                    "over_limit_confirmed": f"This takes {worker.display_name} to a weighted caseload of {load} "
                    f"against their limit of {limit}: confirm to allocate anyway, or choose someone else"
                }
            )
    claim_version(referral, expected_version)
    before = referral.worker.display_name if referral.worker else "nobody"
    referral.team, referral.worker, referral.allocated_at = team, worker, timezone.now()
    referral.save(update_fields=["team", "worker", "allocated_at"])
    workforce.note_allocation(referral=referral, team=team, worker=worker, by=by, reason=reason, over_limit=over_limit)
    to = f"{worker.display_name} in {team.name}" if worker else team.name
    record_event(
        kind="referral.allocated",
        by=by,
        child=referral.person,
        record=referral,
        summary=f"Allocated the referral to {to}" + (f" (was {before}: {reason.strip()})" if reason.strip() else ""),
        data={
            "team": team.pk,
            "worker": worker.pk if worker else None,
            "reason": reason.strip(),
            "over_limit": over_limit,
        },
    )
    return referral


@transaction.atomic
def set_primary_need(*, referral: Referral, by: User, primary_need: str, expected_version: int) -> Referral:
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot change a referral")
    if primary_need not in PrimaryNeed.values:
        raise ValidationError({"primary_need": "Choose a primary need code"})
    claim_version(referral, expected_version)
    referral.primary_need = primary_need
    referral.save(update_fields=["primary_need"])
    record_event(
        kind="referral.primary_need",
        by=by,
        child=referral.person,
        record=referral,
        summary=f"Primary need: {referral.get_primary_need_display()}",
        data={"primary_need": primary_need},
    )
    return referral


def open_work(referral: Referral) -> list[str]:
    """What must finish before the referral can close, in words a manager can act on."""
    work = [
        f"{assessment.get_kind_display()} started {assessment.started_on:%-d %B %Y} "
        f"({assessment.get_status_display().lower()})"
        for assessment in referral.assessments.exclude(status=Assessment.Status.AUTHORISED)
    ]
    work += [
        f"Section 47 enquiry from {enquiry.started_on:%-d %B %Y}"
        for enquiry in referral.section_47s.select_related("conference")
        if enquiry.is_open
    ]
    work += [
        f"Child protection plan from {plan.started_on:%-d %B %Y}" for plan in referral.cp_plans.filter(ended_on=None)
    ]
    work += [
        f"Child in need plan from {plan.started_on:%-d %B %Y}" for plan in referral.cin_plans.filter(ended_on=None)
    ]
    return work


@transaction.atomic
def close_referral(
    *, referral: Referral, by: User, closed_on: date, reason: str, expected_version: int, nfa: bool = False
) -> Referral:
    """A manager closes the episode, once nothing in it is still open."""
    require_capability(by, Capability.AUTHORISE_CASEWORK, "Only a manager can close a referral")
    problems: dict[str, str] = {}
    if not referral.is_open:
        problems["closed_on"] = "This referral is already closed"
    if still_open := open_work(referral):
        problems["reason"] = "Finish or end what is still open first: " + "; ".join(still_open)
    if reason not in ReasonForClosure.values:
        problems["reason"] = problems.get("reason") or "Choose a reason for closure"
    if closed_on < referral.referral_date:
        problems["closed_on"] = "The closure date cannot be before the referral date"
    elif closed_on > timezone.localdate():
        problems["closed_on"] = "The closure date cannot be in the future"
    if nfa and referral.assessments.exists():
        problems["nfa"] = "A referral with an assessment is not a referral with no further action"
    if not nfa and not referral.primary_need:
        problems["reason"] = problems.get("reason") or "Record the primary need before closing"
    if problems:
        raise ValidationError(problems)
    claim_version(referral, expected_version)
    referral.closed_on, referral.closure_reason, referral.is_nfa = closed_on, reason, nfa
    referral.closure_authorised_by = by
    referral.save(update_fields=["closed_on", "closure_reason", "is_nfa", "closure_authorised_by"])
    record_event(
        kind="referral.closed",
        by=by,
        child=referral.person,
        record=referral,
        summary=f"Closed the referral: {referral.get_closure_reason_display()}"
        + (" (no further action after referral)" if nfa else ""),
        data={"closed_on": closed_on.isoformat(), "reason": reason, "nfa": nfa},
    )
    return referral


@transaction.atomic
def start_cin_plan(*, referral: Referral, by: User, started_on: date) -> CinPlan:
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot start a plan")
    lock_for_update(referral)  # one open plan per referral, even when two start one at once
    problems: dict[str, str] = {}
    if not referral.is_open or referral.is_nfa:
        problems["started_on"] = "This referral is closed"
    elif referral.cin_plans.filter(ended_on=None).exists():
        problems["started_on"] = "The child already has a child in need plan open on this referral"
    if started_on < referral.referral_date:
        problems["started_on"] = "A plan cannot start before the referral"
    elif started_on > timezone.localdate():
        problems["started_on"] = "The start date cannot be in the future"
    elif (last := referral.cin_plans.exclude(ended_on=None).order_by("-ended_on").first()) and (
        last.ended_on is not None and started_on < last.ended_on
    ):
        problems["started_on"] = f"The last plan ended on {last.ended_on:%-d %B %Y}; plans cannot overlap"
    if problems:
        raise ValidationError(problems)
    plan = CinPlan.objects.create(referral=referral, started_on=started_on, created_by=by)
    record_event(
        kind="cin_plan.started",
        by=by,
        child=referral.person,
        record=plan,
        summary=f"Started a child in need plan from {started_on:%-d %B %Y}",
    )
    return plan


@transaction.atomic
def record_cin_plan_review(*, plan: CinPlan, by: User, held_on: date, summary: str) -> CinPlanReview:
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot record a plan review")
    problems: dict[str, str] = {}
    if not plan.is_open:
        problems["held_on"] = "This plan has ended"
    if held_on < plan.started_on:
        problems["held_on"] = "A review cannot be before the plan started"
    elif held_on > timezone.localdate():
        problems["held_on"] = "The review date cannot be in the future"
    if not summary.strip():
        problems["summary"] = "Enter what the review found and decided"
    if problems:
        raise ValidationError(problems)
    review = CinPlanReview.objects.create(plan=plan, held_on=held_on, summary=summary.strip(), recorded_by=by)
    record_event(
        kind="cin_plan.reviewed",
        by=by,
        child=plan.referral.person,
        record=review,
        summary=f"Reviewed the child in need plan on {held_on:%-d %B %Y}",
    )
    return review


@transaction.atomic
def end_cin_plan(*, plan: CinPlan, by: User, ended_on: date) -> CinPlan:
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot end a plan")
    lock_for_update(plan)
    if not plan.is_open:
        raise ValidationError({"ended_on": "This plan has already ended"})
    if ended_on < plan.started_on:
        raise ValidationError({"ended_on": "A plan cannot end before it started"})
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": "The end date cannot be in the future"})
    plan.ended_on = ended_on
    plan.save(update_fields=["ended_on"])
    record_event(
        kind="cin_plan.ended",
        by=by,
        child=plan.referral.person,
        record=plan,
        summary=f"Ended the child in need plan on {ended_on:%-d %B %Y}",
    )
    return plan

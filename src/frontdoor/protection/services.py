"""Child protection: every change is one transaction with its event, refused with the rule it would break."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.models import CinPlan, Referral
from frontdoor.codes import CategoryOfAbuse
from frontdoor.protection.models import (
    Agency,
    ChildProtectionPlan,
    ConferenceAttendee,
    CoreGroup,
    InitialConference,
    ProtectiveOrder,
    ReviewConference,
    Section47,
    StrategyAction,
    StrategyChild,
    StrategyDiscussion,
    StrategyParticipant,
    Visit,
)
from frontdoor.records.concurrency import lock_for_update
from frontdoor.records.services import record_event
from frontdoor.timescales.calendar import council_calendar
from frontdoor.timescales.clocks import due_for
from frontdoor.timescales.regimes import Step, timescale_for


@dataclass(frozen=True)
class Participant:
    agency: str
    name: str
    role: str = ""


@dataclass(frozen=True)
class Attendee:
    agency: str
    name: str
    attended: bool = True  # False: invited, and sent apologies or a report


@dataclass(frozen=True)
class ChildDecision:
    referral: Referral
    decision: str
    rationale: str


@dataclass(frozen=True)
class Action:
    action: str
    owner: str
    due_on: date


def _not_future(day: date, field: str, what: str) -> dict[str, str]:
    return {field: f"{what} cannot be in the future"} if day > timezone.localdate() else {}


def conference_due(referral: Referral, held_at: datetime) -> date:
    """15 working days from the strategy discussion that began the enquiry."""
    regime = LocalAuthority.load().regime_on(timezone.localdate(held_at))
    return due_for(timescale_for(Step.INITIAL_CONFERENCE, regime=regime), held_at).date()


@transaction.atomic
def record_strategy_discussion(
    *,
    by: User,
    held_at: datetime,
    kind: str,
    information_shared: str,
    children: Sequence[ChildDecision],
    participants: Sequence[Participant],
    actions: Sequence[Action] = (),
    police_reference: str = "",
) -> StrategyDiscussion:
    """Record the discussion and each child's decision; a section 47 decision starts the enquiry and its clock."""
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot record strategy discussions")
    problems: dict[str, str] = {}
    if held_at > timezone.now():
        problems["held_at"] = "A strategy discussion cannot be in the future"
    if not children:
        problems["children"] = "Choose at least one child"
    if not information_shared.strip():
        problems["information_shared"] = "Record the information shared"
    agencies = {p.agency for p in participants}
    if not participants or any(p.agency not in Agency.values or not p.name.strip() for p in participants):
        problems["participants"] = "Name everyone who took part, with their agency"
    elif Agency.POLICE not in agencies:
        problems["participants"] = "The police take part in every strategy discussion"
    day = timezone.localdate(held_at)
    for child in children:
        referral, name = child.referral, child.referral.person.full_name
        if child.decision not in StrategyChild.Decision.values:
            problems["children"] = f"Choose a decision for {name}"
        elif not child.rationale.strip():
            problems["children"] = f"Give the reasons for the decision about {name}"
        elif not referral.is_open or referral.is_nfa:
            problems["children"] = f"{name}'s referral is closed"
        elif day < referral.referral_date:
            problems["held_at"] = f"The discussion cannot be before {name}'s referral"
        elif child.decision in (StrategyChild.Decision.S47_SINGLE, StrategyChild.Decision.S47_JOINT) and any(
            s47.is_open for s47 in referral.section_47s.select_related("conference")
        ):
            problems["children"] = f"{name} already has a section 47 enquiry open"
    if any(a.due_on < day or not a.action.strip() or not a.owner.strip() for a in actions):
        problems["actions"] = "Each action needs what, who, and a due date on or after the discussion"
    if problems:
        raise ValidationError(problems)
    discussion = StrategyDiscussion.objects.create(
        held_at=held_at,
        kind=kind,
        information_shared=information_shared.strip(),
        police_reference=police_reference.strip(),
        chaired_by=by,
        recorded_by=by,
    )
    StrategyParticipant.objects.bulk_create(
        StrategyParticipant(discussion=discussion, agency=p.agency, name=p.name.strip(), role=p.role.strip())
        for p in participants
    )
    StrategyAction.objects.bulk_create(
        StrategyAction(discussion=discussion, action=a.action.strip(), owner=a.owner.strip(), due_on=a.due_on)
        for a in actions
    )
    for child in children:
        decided = StrategyChild.objects.create(
            discussion=discussion, referral=child.referral, decision=child.decision, rationale=child.rationale.strip()
        )
        if decided.starts_section_47:
            Section47.objects.create(
                strategy_child=decided,
                referral=child.referral,
                started_on=day,
                conference_due_on=conference_due(child.referral, held_at),
                is_joint=child.decision == StrategyChild.Decision.S47_JOINT,
                recorded_by=by,
            )
        record_event(
            kind="strategy.decided",
            by=by,
            child=child.referral.person,
            record=discussion,
            summary=f"Strategy discussion: {decided.get_decision_display().lower()}",
            data={"decision": child.decision, "agencies": sorted(agencies)},
        )
    return discussion


@transaction.atomic
def record_section_47_outcome(
    *,
    section_47: Section47,
    by: User,
    outcome: str,
    completed_on: date,
    conference_needed: bool,
    not_required_reason: str = "",
) -> Section47:
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot record section 47 outcomes")
    lock_for_update(section_47)  # concluded once: a second save at the same moment waits, then is refused
    problems: dict[str, str] = {}
    if section_47.completed_on is not None:
        raise ValidationError({"outcome": "This enquiry is already concluded"})
    if outcome not in Section47.Outcome.values:
        problems["outcome"] = "Choose the outcome of the enquiry"
    if completed_on < section_47.started_on:
        problems["completed_on"] = "The enquiry cannot end before it started"
    problems |= _not_future(completed_on, "completed_on", "The date the enquiry ended")
    if not conference_needed and not not_required_reason.strip():
        problems["not_required_reason"] = "Say why no initial conference is needed"
    if conference_needed and outcome == Section47.Outcome.NOT_SUBSTANTIATED:
        problems["outcome"] = "Concerns not substantiated do not call for a child protection conference"
    if problems:
        raise ValidationError(problems)
    section_47.outcome, section_47.completed_on = outcome, completed_on
    section_47.conference_not_required = not conference_needed
    section_47.not_required_reason = "" if conference_needed else not_required_reason.strip()
    section_47.version += 1
    section_47.save()
    record_event(
        kind="section47.concluded",
        by=by,
        child=section_47.referral.person,
        record=section_47,
        summary=f"Section 47 enquiry concluded: {section_47.get_outcome_display().lower()}; "
        + ("initial conference needed" if conference_needed else f"no conference ({not_required_reason.strip()})"),
        data={"outcome": outcome, "conference_needed": conference_needed},
    )
    return section_47


@transaction.atomic
def hold_initial_conference(
    *,
    section_47: Section47,
    by: User,
    held_on: date,
    needs_plan: bool,
    category: str,
    chaired_by: str,
    attendees: Sequence[Attendee],
    summary: str = "",
) -> InitialConference:
    """Record the conference; a plan, when it decides one, starts that day (CIN census rule 2885)."""
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot record conferences")
    lock_for_update(section_47)
    referral = section_47.referral
    problems: dict[str, str] = {}
    if InitialConference.objects.filter(section_47=section_47).exists():
        problems["held_on"] = "This enquiry's conference is already recorded"
    elif section_47.conference_not_required:
        problems["held_on"] = "This enquiry concluded that no conference was needed"
    if held_on < section_47.started_on:
        problems["held_on"] = f"The conference cannot be before the enquiry started ({section_47.started_on:%-d %B %Y})"
    elif not council_calendar().is_working_day(held_on):
        problems["held_on"] = "A conference is never held at a weekend, on a bank holiday or a council closure day"
    problems |= _not_future(held_on, "held_on", "The conference date")
    if needs_plan and category not in CategoryOfAbuse.values:
        problems["category"] = "Choose the category of abuse"
    if needs_plan and referral.cp_plans.filter(ended_on=None).exists():
        problems["needs_plan"] = "The child already has a child protection plan open"
    if not chaired_by.strip():
        problems["chaired_by"] = "Enter who chaired the conference"
    if not attendees:
        problems["attendees"] = "Record who was invited and who came"
    if problems:
        raise ValidationError(problems)
    conference = InitialConference.objects.create(
        section_47=section_47,
        held_on=held_on,
        needs_plan=needs_plan,
        category=category if needs_plan else "",
        chaired_by=chaired_by.strip(),
        summary=summary.strip(),
        recorded_by=by,
    )
    ConferenceAttendee.objects.bulk_create(
        ConferenceAttendee(conference=conference, agency=a.agency, name=a.name.strip(), attended=a.attended)
        for a in attendees
    )
    if needs_plan:
        previous = ChildProtectionPlan.objects.filter(referral__person=referral.person).count()
        ChildProtectionPlan.objects.create(
            referral=referral,
            conference=conference,
            started_on=held_on,
            initial_category=category,
            latest_category=category,
            previous_plans=previous,
        )
        # A child is on a child protection plan or a child in need plan, never both (rules 4001, 4016).
        CinPlan.objects.filter(referral=referral, ended_on=None).update(ended_on=held_on)
    record_event(
        kind="conference.held",
        by=by,
        child=referral.person,
        record=conference,
        summary="Initial child protection conference: "
        + (f"a plan, category {CategoryOfAbuse(category).label.lower()}" if needs_plan else "no plan"),
        data={"needs_plan": needs_plan, "category": category if needs_plan else ""},
    )
    return conference


def _check_plan_date(plan: ChildProtectionPlan, day: date, field: str, what: str) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not plan.is_open:
        problems[field] = "This plan has ended"
    elif day <= plan.started_on if field == "held_on" else day < plan.started_on:
        problems[field] = f"{what} must be after the plan started ({plan.started_on:%-d %B %Y})"
    return problems | _not_future(day, field, what)


@transaction.atomic
def record_review_conference(
    *, plan: ChildProtectionPlan, by: User, held_on: date, continue_plan: bool, category: str, summary: str = ""
) -> ReviewConference:
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot record review conferences")
    problems = _check_plan_date(plan, held_on, "held_on", "A review conference")
    if category not in CategoryOfAbuse.values:
        problems["category"] = "Choose the category of abuse"
    if problems:
        raise ValidationError(problems)
    review = ReviewConference.objects.create(
        plan=plan, held_on=held_on, continue_plan=continue_plan, category=category, summary=summary, recorded_by=by
    )
    plan.latest_category = category
    if not continue_plan:
        plan.ended_on, plan.end_reason = held_on, ChildProtectionPlan.EndReason.NO_LONGER_AT_RISK
    plan.save(update_fields=["latest_category", "ended_on", "end_reason"])
    record_event(
        kind="conference.reviewed",
        by=by,
        child=plan.referral.person,
        record=review,
        summary="Review conference: " + ("the plan continues" if continue_plan else "the plan ends"),
        data={"continue": continue_plan, "category": category},
    )
    return review


@transaction.atomic
def record_core_group(*, plan: ChildProtectionPlan, by: User, held_on: date, summary: str) -> CoreGroup:
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot record core groups")
    problems = _check_plan_date(plan, held_on, "held_on_core", "A core group")
    if not summary.strip():
        problems["summary"] = "Record what the core group agreed"
    if problems:
        raise ValidationError({("held_on" if k == "held_on_core" else k): v for k, v in problems.items()})
    group = CoreGroup.objects.create(plan=plan, held_on=held_on, summary=summary.strip(), recorded_by=by)
    record_event(
        kind="core_group.held",
        by=by,
        child=plan.referral.person,
        record=group,
        summary=f"Core group on {held_on:%-d %B %Y}",
    )
    return group


@transaction.atomic
def record_visit(
    *,
    plan: ChildProtectionPlan,
    by: User,
    visited_on: date,
    child_seen: bool,
    seen_alone: bool,
    bedroom_seen: bool,
    notes: str,
) -> Visit:
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot record visits")
    problems = _check_plan_date(plan, visited_on, "visited_on", "A visit")
    if seen_alone and not child_seen:
        problems["seen_alone"] = "A child not seen cannot have been seen alone"
    if not notes.strip():
        problems["notes"] = "Record what you saw and what the child said"
    if problems:
        raise ValidationError(problems)
    visit = Visit.objects.create(
        plan=plan,
        visited_on=visited_on,
        child_seen=child_seen,
        seen_alone=seen_alone and child_seen,
        bedroom_seen=bedroom_seen,
        notes=notes.strip(),
        visited_by=by,
    )
    record_event(
        kind="visit.recorded",
        by=by,
        child=plan.referral.person,
        record=visit,
        summary="Statutory visit: "
        + ("child seen alone" if visit.seen_alone else "child seen" if child_seen else "child not seen"),
        data={"child_seen": child_seen, "seen_alone": visit.seen_alone, "bedroom_seen": bedroom_seen},
    )
    return visit


@transaction.atomic
def end_plan(*, plan: ChildProtectionPlan, by: User, ended_on: date, reason: str) -> ChildProtectionPlan:
    require_capability(
        by, Capability.AUTHORISE_CASEWORK, "Only a manager can end a child protection plan outside a review"
    )
    lock_for_update(plan)
    problems = _check_plan_date(plan, ended_on, "held_on", "The end date")
    if reason not in ChildProtectionPlan.EndReason.values:
        problems["reason"] = "Choose why the plan ended"
    if problems:
        raise ValidationError({("ended_on" if k == "held_on" else k): v for k, v in problems.items()})
    plan.ended_on, plan.end_reason = ended_on, reason
    plan.save(update_fields=["ended_on", "end_reason"])
    record_event(
        kind="cp_plan.ended",
        by=by,
        child=plan.referral.person,
        record=plan,
        summary=f"Child protection plan ended: {plan.get_end_reason_display().lower()}",
    )
    return plan


@transaction.atomic
def record_protective_order(
    *, referral: Referral, by: User, kind: str, started_on: date, ended_on: date | None = None
) -> ProtectiveOrder:
    """An emergency protection order or police protection (Ofsted Annex A list 7)."""
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot record protective orders")
    problems: dict[str, str] = {}
    if kind not in ProtectiveOrder.Kind.values:
        problems["kind"] = "Choose the kind of order"
    if started_on < referral.referral_date:
        problems["started_on"] = "The order cannot start before the referral"
    problems |= _not_future(started_on, "started_on", "The start date")
    if ended_on is not None and ended_on < started_on:
        problems["ended_on"] = "The order cannot end before it started"
    if problems:
        raise ValidationError(problems)
    order = ProtectiveOrder.objects.create(
        person=referral.person, referral=referral, kind=kind, started_on=started_on, ended_on=ended_on, recorded_by=by
    )
    record_event(
        kind="protective_order.recorded",
        by=by,
        child=referral.person,
        record=order,
        summary=f"{order.get_kind_display()} from {started_on:%-d %B %Y}",
    )
    return order

"""Recording supervision and case directions: each in one transaction, with its events on each child's record."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.models import Referral
from frontdoor.records.services import record_event
from frontdoor.workforce.models import CaseDirection, DirectionAction, SupervisionAppointment, SupervisionSession

LONGEST_SESSION = 480  # minutes
BOOKING_SLACK = timedelta(days=7)  # a session held up to a week before its booking keeps it


@dataclass(frozen=True)
class Action:
    action: str
    owner: str
    due_on: date


@dataclass(frozen=True)
class Discussion:
    """One child's case discussed in supervision, and the direction given."""

    referral: Referral
    direction: str
    actions: Sequence[Action] = field(default_factory=tuple)


def _check_actions(actions: Sequence[Action], given_on: date, prefix: str) -> dict[str, str]:
    problems = {}
    for n, action in enumerate(actions, start=1):
        if not action.action.strip() or not action.owner.strip():
            problems[f"{prefix}action_{n}"] = "Each action needs what is to be done and who will do it"
        elif action.due_on < given_on:
            problems[f"{prefix}due_{n}"] = "An action is due on or after the day it was set"
    return problems


def _direct(
    *,
    referral: Referral,
    by: User,
    direction: str,
    actions: Sequence[Action],
    given_on: date,
    session: SupervisionSession | None,
) -> CaseDirection:
    made = CaseDirection.objects.create(
        person=referral.person,
        referral=referral,
        session=session,
        direction=direction.strip(),
        given_by=by,
        given_on=given_on,
    )
    DirectionAction.objects.bulk_create(
        DirectionAction(direction=made, action=a.action.strip(), owner=a.owner.strip(), due_on=a.due_on)
        for a in actions
    )
    source = "in supervision" if session is not None else "on oversight of the record"
    record_event(
        kind="case_direction.given",
        by=by,
        child=referral.person,
        record=made,
        summary=f"Case direction {source}: {direction.strip()}",
        data={"referral": referral.pk, "session": session.pk if session else None, "actions": len(actions)},
    )
    return made


@transaction.atomic
def record_supervision(
    *,
    worker: User,
    by: User,
    held_on: date,
    minutes: int,
    kind: str,
    summary: str,
    reflective_notes: str = "",
    discussions: Sequence[Discussion] = (),
) -> SupervisionSession:
    """A manager records a session; each case discussed leaves a direction on that child's record."""
    require_capability(by, Capability.AUTHORISE_CASEWORK, "Only a manager records supervision")
    if by.pk == worker.pk:
        raise PermissionDenied("A manager's own supervision is recorded by their supervisor")
    problems: dict[str, str] = {}
    if held_on > timezone.localdate():
        problems["held_on"] = "Supervision cannot be recorded before it happens: the date is in the future"
    if not 1 <= minutes <= LONGEST_SESSION:
        problems["minutes"] = f"A session lasts between 1 and {LONGEST_SESSION} minutes"
    if kind not in SupervisionSession.Kind.values:
        problems["kind"] = "Choose the kind of supervision"
    if not summary.strip():
        problems["summary"] = "Say what was discussed"
    if not worker.is_active:
        problems["worker"] = f"{worker.display_name} has left"
    for discussion in discussions:
        prefix = f"case_{discussion.referral.pk}_"
        if discussion.referral.worker_id != worker.pk or not discussion.referral.is_open:
            problems[f"{prefix}direction"] = "Only the worker's own open cases are discussed in their supervision"
        problems |= _check_actions(discussion.actions, held_on, prefix)
    if problems:
        raise ValidationError(problems)
    session = SupervisionSession.objects.create(
        worker=worker,
        supervisor=by,
        held_on=held_on,
        minutes=minutes,
        kind=kind,
        summary=summary.strip(),
        reflective_notes=reflective_notes.strip(),
    )
    booked = (
        SupervisionAppointment.objects.filter(worker=worker, session__isnull=True).order_by("scheduled_for").first()
    )
    if booked is not None and booked.scheduled_for <= held_on + BOOKING_SLACK:
        booked.session = session
        booked.save(update_fields=["session"])
    for discussion in discussions:
        _direct(
            referral=discussion.referral,
            by=by,
            direction=discussion.direction,
            actions=discussion.actions,
            given_on=held_on,
            session=session,
        )
    record_event(
        kind="supervision.recorded",
        by=by,
        record=session,
        summary=f"{session.get_kind_display()} of {worker.display_name} ({minutes} minutes), "
        f"{len(discussions)} case{'s' if len(discussions) != 1 else ''} discussed",
    )
    return session


@transaction.atomic
def give_case_direction(
    *, referral: Referral, by: User, direction: str, actions: Sequence[Action] = ()
) -> CaseDirection:
    """Any manager's oversight of a child's record, outside supervision."""
    require_capability(by, Capability.AUTHORISE_CASEWORK, "Only a manager gives case directions")
    problems = {} if direction.strip() else {"direction": "Write the direction"}
    problems |= _check_actions(actions, timezone.localdate(), "")
    if not referral.is_open:
        problems["direction"] = "This referral is closed"
    if problems:
        raise ValidationError(problems)
    return _direct(
        referral=referral, by=by, direction=direction, actions=actions, given_on=timezone.localdate(), session=None
    )


@transaction.atomic
def schedule_supervision(*, worker: User, by: User, on: date, kind: str) -> SupervisionAppointment:
    require_capability(by, Capability.AUTHORISE_CASEWORK, "Only a manager books supervision")
    problems = {}
    if on < timezone.localdate():
        problems["scheduled_for"] = "Book supervision for today or later"
    if kind not in SupervisionSession.Kind.values:
        problems["kind"] = "Choose the kind of supervision"
    if not worker.is_active:
        problems["worker"] = f"{worker.display_name} has left"
    if problems:
        raise ValidationError(problems)
    booked = SupervisionAppointment.objects.create(worker=worker, supervisor=by, scheduled_for=on, kind=kind)
    record_event(
        kind="supervision.booked",
        by=by,
        record=booked,
        summary=f"Booked {booked.get_kind_display().lower()} of {worker.display_name} for {on:%d %b %Y}",
    )
    return booked

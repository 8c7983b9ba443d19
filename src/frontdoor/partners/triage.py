"""The daily triage meeting: open it, decide for each child on the notifications waiting, close it with minutes.

Each decision makes what it names: a contact for the front door, an early help request, or a task for
someone (tell the school under Operation Encompass before the next school day, tell the allocated worker
of an open case, refer to MARAC), each with a due time and ticked off when done.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.casework.queries import open_referrals_of
from frontdoor.codes import ReferralSource
from frontdoor.contacts import services as contacts
from frontdoor.contacts.models import Channel, ConcernCategory, Contact
from frontdoor.earlyhelp.services import request_early_help
from frontdoor.partners.models import (
    MeetingAttendee,
    NotificationPerson,
    PoliceNotification,
    TriageDecision,
    TriageMeeting,
)
from frontdoor.records.concurrency import lock_for_update
from frontdoor.records.services import record_event
from frontdoor.timescales.calendar import add_working_days, next_working_day

Outcome = TriageDecision.Outcome
# A school day starts at 9 and schools are open on weekdays; Encompass must reach the school before then.
SCHOOL_STARTS = time(8, 30)
TASK_DUE_HOUR = time(17)


@dataclass(frozen=True)
class Attendee:
    agency: str
    name: str


@dataclass(frozen=True)
class Choice:
    child: NotificationPerson
    outcome: str
    note: str = ""


@transaction.atomic
def open_meeting(*, by: User, held_on: date, attendees: Sequence[Attendee]) -> TriageMeeting:
    require_capability(by, Capability.RECEIVE_POLICE_NOTIFICATIONS, "Your role does not run the triage meeting")
    present = [a for a in attendees if a.name.strip()]
    problems = {}
    if held_on > timezone.localdate():
        problems["held_on"] = "The meeting cannot be in the future"
    elif TriageMeeting.objects.filter(held_on=held_on).exists():
        problems["held_on"] = "There is already a meeting that day: open it from the list"
    if not any(a.agency == "police" for a in present):
        problems["police"] = "Name who is there for the police: the meeting is held jointly"
    if problems:
        raise ValidationError(problems)
    meeting = TriageMeeting.objects.create(held_on=held_on, chair=by)
    MeetingAttendee.objects.bulk_create(
        MeetingAttendee(meeting=meeting, agency=a.agency, name=a.name.strip()) for a in present
    )
    record_event(kind="triage.meeting_opened", by=by, record=meeting, summary=f"Opened the {meeting}")
    return meeting


def school_day_start(after: datetime) -> datetime:
    """The start of the next school day after a moment: Encompass reaches the school before it."""
    day = timezone.localtime(after).date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, SCHOOL_STARTS))


def _check(choice: Choice) -> str | None:
    child = choice.child
    if choice.outcome not in Outcome.values:
        return "Choose a decision"
    if not child.is_child:
        return "Decisions are made for the children on a notification"
    if hasattr(child, "triage"):
        return "Already decided"
    if choice.outcome in (Outcome.EARLY_HELP, Outcome.ALLOCATED_WORKER) and child.person_id is None:
        return "Match the child to the people index first"
    if (
        choice.outcome == Outcome.ALLOCATED_WORKER
        and not open_referrals_of([child.person_id]).exclude(worker=None).exists()  # type: ignore[list-item]
    ):
        return "The child has no open case with an allocated worker"
    return None


@transaction.atomic
def record_decisions(*, meeting: TriageMeeting, by: User, choices: Sequence[Choice]) -> list[TriageDecision]:
    """Decide for many children at once; each decision makes the contact, request or task it names."""
    require_capability(by, Capability.RECEIVE_POLICE_NOTIFICATIONS, "Your role does not run the triage meeting")
    lock_for_update(meeting)  # decisions and closing the meeting take turns: none lands after it closes
    if not meeting.is_open:
        raise ValidationError({"meeting": "The meeting is closed"})
    problems = {f"child_{c.child.pk}": p for c in choices if (p := _check(c))}
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    made = []
    for choice in choices:
        decision = TriageDecision(
            meeting=meeting, child=choice.child, outcome=choice.outcome, note=choice.note.strip(), decided_by=by
        )
        _act(decision, by=by, now=now)
        decision.save()
        made.append(decision)
        if choice.child.person is not None:
            # The meeting's event names no child: each child's decision goes on their own chronology.
            notification = choice.child.notification
            record_event(
                kind="police.triage_decided",
                by=by,
                child=choice.child.person,
                record=notification,
                summary=f"Police notification {notification.police_reference} "
                f"({notification.get_kind_display().lower()}), triage meeting of {meeting.held_on:%-d %B %Y}: "
                f"{decision.get_outcome_display()}",
                data={"outcome": decision.outcome},
            )
    _mark_triaged({c.child.notification_id for c in choices}, now)
    record_event(
        kind="triage.decided",
        by=by,
        record=meeting,
        summary=f"{len(made)} decision{'s' if len(made) != 1 else ''} at the {meeting}",
        data={"decisions": {o: sum(d.outcome == o for d in made) for o in Outcome.values}},
    )
    return made


def _act(decision: TriageDecision, *, by: User, now: datetime) -> None:
    child = decision.child
    if decision.outcome == Outcome.CONTACT:
        decision.contact = _contact_for(decision, by=by)
    elif decision.outcome == Outcome.EARLY_HELP:
        assert child.person is not None
        decision.early_help_request = request_early_help(person=child.person, by=by, requested_on=now.date())
    elif decision.outcome == Outcome.ENCOMPASS:
        decision.assigned_to, decision.due_at = by, school_day_start(now)
    elif decision.outcome == Outcome.ALLOCATED_WORKER:
        assert child.person_id is not None
        referral = open_referrals_of([child.person_id]).exclude(worker=None).order_by("-referral_date").first()
        assert referral is not None
        decision.assigned_to = referral.worker
        decision.due_at = _end_of(add_working_days(timezone.localtime(now).date(), 1))
    elif decision.outcome == Outcome.MARAC:
        decision.assigned_to, decision.due_at = by, _end_of(next_working_day(timezone.localtime(now).date()))


CATEGORY_FOR_KIND = {"domestic_abuse": [ConcernCategory.DOMESTIC_ABUSE], "missing": [ConcernCategory.MISSING]}


def _contact_for(decision: TriageDecision, *, by: User) -> Contact:
    """A contact in the front door's queue, carrying the police account and what the meeting said."""
    child, notification = decision.child, decision.child.notification
    if child.person is not None:
        on_contact = contacts.ChildOnContact(person=child.person)
    else:
        born = f", born {child.date_of_birth:%d/%m/%Y}" if child.date_of_birth else ""
        on_contact = contacts.ChildOnContact(
            unidentified_details=f"{child.first_name} {child.last_name}{born}",
            follow_up=f"Match them to the people index from police notification {notification.police_reference}",
        )
    concern = (
        f"Police notification {notification.police_reference} ({notification.get_kind_display().lower()}, "
        f"{timezone.localtime(notification.incident_at):%d/%m/%Y %H:%M}): {notification.summary}"
    )
    if decision.note.strip():
        concern += f"\n\nFrom the triage meeting: {decision.note.strip()}"
    return contacts.record_contact(
        by=by,
        received_at=notification.received_at,
        channel=Channel.POLICE,
        source=ReferralSource.POLICE,
        referrer=contacts.Referrer(name="Police", role="Police notification", organisation="Police"),
        children=[on_contact],
        concern=concern,
        categories=CATEGORY_FOR_KIND.get(notification.kind, []),
        # The same child decided twice (a retried request) still makes one contact.
        idempotency_key=f"triage:{child.pk}",
    )


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, TASK_DUE_HOUR))


def _mark_triaged(notification_ids: set[int], now: datetime) -> None:
    """A notification is triaged when every child on it has a decision."""
    waiting = set(
        NotificationPerson.objects.filter(
            notification_id__in=notification_ids, role__in=NotificationPerson.CHILD_ROLES, triage__isnull=True
        ).values_list("notification_id", flat=True)
    )
    PoliceNotification.objects.filter(pk__in=notification_ids - waiting, triaged_at=None).update(triaged_at=now)


@transaction.atomic
def close_meeting(*, meeting: TriageMeeting, by: User, minutes: str) -> TriageMeeting:
    require_capability(by, Capability.RECEIVE_POLICE_NOTIFICATIONS, "Your role does not run the triage meeting")
    lock_for_update(meeting)
    if not meeting.is_open:
        raise ValidationError({"minutes": "The meeting is already closed"})
    if not minutes.strip():
        raise ValidationError(
            {"minutes": "Write the minutes: who was discussed and anything agreed beyond the decisions"}
        )
    meeting.minutes, meeting.closed_at = minutes.strip(), timezone.now()
    meeting.save(update_fields=["minutes", "closed_at"])
    record_event(kind="triage.meeting_closed", by=by, record=meeting, summary=f"Closed the {meeting}")
    return meeting


@transaction.atomic
def complete_task(*, decision: TriageDecision, by: User) -> TriageDecision:
    """The school told, the worker told, or the MARAC referral made."""
    lock_for_update(decision)
    if not decision.is_task:
        raise ValidationError("This decision leaves nothing to tick off")
    if decision.done_at is not None:
        raise ValidationError("Already done")
    if by.pk != decision.assigned_to_id and not by.can(Capability.RECEIVE_POLICE_NOTIFICATIONS):
        raise PermissionDenied("Only the front door or the person given this task ticks it off")
    decision.done_at, decision.done_by = timezone.now(), by
    decision.save(update_fields=["done_at", "done_by"])
    record_event(
        kind="triage.task_done",
        by=by,
        child=decision.child.person,
        record=decision.child.notification,
        summary=f"{decision.get_outcome_display()}: done, for police notification "
        f"{decision.child.notification.police_reference}",
    )
    return decision

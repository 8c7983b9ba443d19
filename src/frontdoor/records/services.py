"""Writing to the event log and the access log."""

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.roles import Capability
from frontdoor.records.models import AccessLog, ChronologyEntry, Event, SignificanceMark

if TYPE_CHECKING:
    from frontdoor.accounts.models import User
    from frontdoor.people.models import Person


class EventOutsideTransactionError(Exception):
    pass


def record_event(
    *,
    kind: str,
    by: "User | None",
    summary: str,
    child: "Person | None" = None,
    record: models.Model | None = None,
    occurred_at: datetime | None = None,
    data: dict[str, Any] | None = None,
    using: str = DEFAULT_DB_ALIAS,
) -> Event:
    """Append an event. Call it inside the service's transaction, so both land or neither."""
    if not connections[using].in_atomic_block:
        raise EventOutsideTransactionError(
            f"record_event({kind!r}) must run inside the transaction of the change it records"
        )
    return Event.objects.using(using).create(
        kind=kind,
        actor=by,
        summary=summary[:300],
        child=child,
        record_type=record._meta.label if record is not None else "",
        record_id=str(record.pk) if record is not None else "",
        occurred_at=occurred_at or timezone.now(),
        data=data or {},
    )


def log_access(*, user: "User", child: "Person", viewed: str, path: str = "", allowed: bool = True) -> AccessLog:
    # Its own transaction: a read is logged even when the page then fails.
    with transaction.atomic():
        return AccessLog.objects.create(user=user, child=child, viewed=viewed, path=path[:500], allowed=allowed)


# Chronologies


@transaction.atomic
def add_chronology_entry(
    *, child: "Person", by: "User", occurred_on: date, what_happened: str, source: str
) -> ChronologyEntry:
    """Put something the service did not record itself on the child's chronology, saying where it came from."""
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot add to a child's chronology")
    problems: dict[str, str] = {}
    if occurred_on > timezone.localdate():
        problems["occurred_on"] = "The date it happened must be today or in the past"
    elif child.date_of_birth and occurred_on < child.date_of_birth - timedelta(days=280):
        # Pre-birth concerns are part of a chronology; a date long before that is a typing slip.
        problems["occurred_on"] = f"The date it happened must be after {child.short_name}'s conception"
    if not what_happened.strip():
        problems["what_happened"] = "Enter what happened"
    if not source.strip():
        problems["source"] = "Enter who told us or which document it comes from"
    if problems:
        raise ValidationError(problems)
    entry = ChronologyEntry.objects.create(
        child=child,
        occurred_on=occurred_on,
        what_happened=what_happened.strip(),
        source=source.strip()[:300],
        recorded_by=by,
    )
    record_event(
        kind="chronology.entry_added",
        by=by,
        child=child,
        record=entry,
        summary=f"Added to the chronology: {occurred_on:%-d %B %Y}, from {entry.source}",
    )
    return entry


@transaction.atomic
def mark_significant(
    *, child: "Person", by: "User", event: Event | None = None, entry: ChronologyEntry | None = None, reason: str = ""
) -> SignificanceMark:
    """Mark one event or added entry on the child's chronology as significant."""
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot mark a chronology")
    item = _chronology_item(child=child, event=event, entry=entry)
    current = _open_mark(event=event, entry=entry)
    if current is not None:
        raise ValidationError({"item": f"{current.marked_by.display_name} already marked this as significant"})
    mark = SignificanceMark.objects.create(
        child=child, event=event, entry=entry, reason=reason.strip()[:300], marked_by=by
    )
    record_event(kind="chronology.marked", by=by, child=child, record=mark, summary=f"Marked significant: {item}")
    return mark


@transaction.atomic
def unmark_significant(
    *, child: "Person", by: "User", event: Event | None = None, entry: ChronologyEntry | None = None
) -> SignificanceMark:
    """Take the significance mark off; the mark stays on file with who took it off and when."""
    require_capability(by, Capability.DO_CASEWORK, "Your role cannot mark a chronology")
    item = _chronology_item(child=child, event=event, entry=entry)
    mark = _open_mark(event=event, entry=entry, for_update=True)
    if mark is None:
        raise ValidationError({"item": "This is not marked as significant"})
    mark.unmarked_by, mark.unmarked_at = by, timezone.now()
    mark.save(update_fields=["unmarked_by", "unmarked_at"])
    record_event(kind="chronology.unmarked", by=by, child=child, record=mark, summary=f"No longer significant: {item}")
    return mark


def _chronology_item(*, child: "Person", event: Event | None, entry: ChronologyEntry | None) -> str:
    """What is being marked, in words; refused unless it is on this child's chronology."""
    from frontdoor.records.chronology import CHRONOLOGY_KINDS

    if (event is None) == (entry is None):
        raise ValidationError({"item": "Choose one event or one added entry"})
    owners = {child.pk, *child.merged_people.values_list("pk", flat=True)}
    if event is not None:
        if event.child_id not in owners or event.kind not in CHRONOLOGY_KINDS:
            raise ValidationError({"item": "That event is not on this child's chronology"})
        return event.summary
    assert entry is not None
    if entry.child_id not in owners:
        raise ValidationError({"item": "That entry is not on this child's chronology"})
    return entry.what_happened[:200]


def _open_mark(
    *, event: Event | None, entry: ChronologyEntry | None, for_update: bool = False
) -> SignificanceMark | None:
    marks = SignificanceMark.objects.filter(event=event, entry=entry, unmarked_at=None).select_related("marked_by")
    if for_update:
        marks = marks.select_for_update(of=("self",))
    return marks.first()


# The access log


@transaction.atomic
def note_access_log_read(
    *,
    by: "User",
    filters_described: str,
    child: "Person | None" = None,
    user: "User | None" = None,
    export: bool = False,
) -> Event:
    """Put reading the access log on the event log: auditors' reads are audited too."""
    require_capability(by, Capability.VIEW_ACCESS_LOG, "Your role cannot read the access log")
    if (child is None) == (user is None):
        raise ValidationError("Read the access log of one child or of one user")
    how = "Downloaded" if export else "Read"
    if child is not None:
        whose = f"who saw {child.la_child_id or f'person {child.pk}'}"
    else:
        assert user is not None
        whose = f"what {user.username} saw"
    # Not on the child's own history: an audit of the record is not something that happened to the child.
    return record_event(
        kind="access_log.exported" if export else "access_log.read",
        by=by,
        record=child if child is not None else user,
        summary=f"{how} the access log: {whose}, {filters_described}",
        data={"user_id": user.pk} if user is not None else {},
    )

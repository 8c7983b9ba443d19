"""Writing to the event log and the access log."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import connection, models, transaction
from django.utils import timezone

from frontdoor.records.models import AccessLog, Event

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
) -> Event:
    """Append an event. Call it inside the service's transaction, so both land or neither."""
    if not connection.in_atomic_block:
        raise EventOutsideTransactionError(
            f"record_event({kind!r}) must run inside the transaction of the change it records"
        )
    return Event.objects.create(
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

"""Optimistic locking for records that several people edit.

The form carries the version the user started from; the save claims the next
version with a conditional UPDATE, so of two people saving the same version
one succeeds and the other is told, never silently overwritten.
"""

from django.db import models
from django.db.models import F


class StaleRecordError(Exception):
    def __init__(self, record: models.Model) -> None:
        self.record = record
        super().__init__(
            f"Someone else changed this {record._meta.verbose_name} while you were editing it. "
            "Your changes have not been saved: reload the page to see theirs, then make yours again."
        )


def claim_version(record: models.Model, expected_version: int) -> None:
    """Move the record to its next version, or raise StaleRecordError if it has moved on."""
    model = type(record)
    claimed = model._default_manager.filter(pk=record.pk, version=expected_version).update(version=F("version") + 1)
    if not claimed:
        raise StaleRecordError(record)
    record.version = expected_version + 1  # type: ignore[attr-defined]


def lock_for_update[M: models.Model](record: M) -> M:
    """Re-read the record's row under a lock held to the end of the transaction, and return it.

    For one-way steps guarded by a status (decide, authorise, conclude, close):
    the status is checked on the row as it is now, and nobody else can take the
    step until this transaction ends, so two people saving at the same moment
    cannot both pass the check. The caller's object is refreshed in place.
    SQLite ignores the lock; it runs one writing transaction at a time anyway
    (BEGIN IMMEDIATE, see settings).
    """
    model = type(record)
    record.refresh_from_db(from_queryset=model._default_manager.select_for_update())
    return record

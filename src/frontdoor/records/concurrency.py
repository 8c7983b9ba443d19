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

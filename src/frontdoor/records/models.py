"""The append-only event log and the access log.

Neither table can be changed through the application: the models refuse
updates and deletes, and database triggers (migration 0002) refuse them on
PostgreSQL and SQLite too.

A migration that changes one of these tables must put the SQLite triggers
back afterwards (see 0003): SQLite rebuilds a table to add a NOT NULL column,
and the rebuild drops its triggers. The tests fail if a trigger is missing.

One change to an event is allowed, once: anonymisation at the end of a
record's retention period (the retention app), which blanks the personal
words in the summary and data and sets `anonymised_at`. The triggers
(migration 0006) let through only an update that sets `anonymised_at` on a
row that had none and leaves who, what kind and when untouched.
"""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(f"{self.model.__name__} rows cannot be changed")

    def delete(self) -> NoReturn:
        raise AppendOnlyError(f"{self.model.__name__} rows cannot be deleted")

    def anonymise(self, **values: Any) -> int:
        """Overwrite personal words on events not yet anonymised; the database refuses anything else.

        Only the event log has `anonymised_at`; the access log holds no personal words and cannot change.
        """
        return models.QuerySet.update(self.filter(anonymised_at__isnull=True), anonymised_at=timezone.now(), **values)


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError(f"{type(self).__name__} rows cannot be deleted")


class Event(AppendOnlyModel):
    """Something that happened to a record, written by the service that did it."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who did it; empty for the system itself.",
    )
    child = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    kind = models.CharField(max_length=80, db_index=True)
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    summary = models.CharField(max_length=300)
    record_type = models.CharField(max_length=80, blank=True)
    record_id = models.CharField(max_length=40, blank=True)
    data = models.JSONField(default=dict, blank=True)
    # Set once, when the person's record was anonymised at the end of its retention period.
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["child", "-occurred_at"], name="event_child_time"),
            models.Index(fields=["record_type", "record_id"], name="event_record"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.summary}"


class AccessLog(AppendOnlyModel):
    """One user seeing one child's record: who, what, when."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    viewed = models.CharField(max_length=200, help_text="What was seen, e.g. 'person page'.")
    # Refused attempts are logged too: who tried to open a record they may not see.
    allowed = models.BooleanField(default=True)
    path = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["child", "-at"], name="access_child_time"),
            models.Index(fields=["user", "-at"], name="access_user_time"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} saw {self.child_id} ({self.viewed})"


class ChronologyEntry(models.Model):
    """Something in a child's history the service did not record itself: what a parent said, what a report shows.

    The event log holds what Front Door did; a chronology for court or conference also needs what others
    did or told us, with where it came from so the reader can weigh it.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="chronology_entries")
    occurred_on = models.DateField(help_text="The day it happened, not the day it was written down.")
    what_happened = models.TextField()
    source = models.CharField(
        max_length=300, help_text="Who told us, or which document it comes from, e.g. 'Health visitor's letter'."
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "chronology entries"
        indexes = [models.Index(fields=["child", "occurred_on"], name="chronology_entry_child_day")]

    def __str__(self) -> str:
        return f"{self.occurred_on}: {self.what_happened[:60]}"


class SignificanceMark(models.Model):
    """A worker's judgement that one chronology item matters: an event or an added entry.

    Unmarking closes the mark instead of deleting it, so the record keeps who thought it significant and
    who later did not.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, null=True, blank=True, related_name="significance_marks")
    entry = models.ForeignKey(
        ChronologyEntry, on_delete=models.PROTECT, null=True, blank=True, related_name="significance_marks"
    )
    reason = models.CharField(max_length=300, blank=True)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    marked_at = models.DateTimeField(default=timezone.now)
    unmarked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    unmarked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event__isnull=False, entry__isnull=True)
                | models.Q(event__isnull=True, entry__isnull=False),
                name="significance_marks_one_item",
            ),
            models.UniqueConstraint(
                fields=["event"], condition=models.Q(unmarked_at__isnull=True), name="significance_one_open_per_event"
            ),
            models.UniqueConstraint(
                fields=["entry"], condition=models.Q(unmarked_at__isnull=True), name="significance_one_open_per_entry"
            ),
        ]
        indexes = [models.Index(fields=["child", "unmarked_at"], name="significance_child_open")]

    def __str__(self) -> str:
        item = f"event {self.event_id}" if self.event_id else f"entry {self.entry_id}"
        return f"{item} significant" + (" (unmarked)" if self.unmarked_at else "")

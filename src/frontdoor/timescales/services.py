from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from frontdoor.records.services import record_event
from frontdoor.timescales.calendar import forget_council_calendar
from frontdoor.timescales.models import ClosureDay

if TYPE_CHECKING:
    from frontdoor.accounts.models import User


@transaction.atomic
def add_closure_day(*, day: date, reason: str, by: "User") -> ClosureDay:
    """Close the council's offices on a day; every clock counting through it moves on."""
    if ClosureDay.objects.filter(date=day).exists():
        raise ValidationError({"day": f"{day:%-d %B %Y} is already a closure day"})
    closure = ClosureDay.objects.create(date=day, reason=reason, added_by=by)
    record_event(
        kind="closure_day.added",
        by=by,
        summary=f"Added closure day {day:%-d %B %Y} ({reason})",
        record=closure,
        data={"date": day.isoformat(), "reason": reason},
    )
    transaction.on_commit(forget_council_calendar)
    return closure


@transaction.atomic
def remove_closure_day(*, closure: ClosureDay, by: "User") -> None:
    record_event(
        kind="closure_day.removed",
        by=by,
        summary=f"Removed closure day {closure.date:%-d %B %Y} ({closure.reason})",
        record=closure,
        data={"date": closure.date.isoformat(), "reason": closure.reason},
    )
    closure.delete()
    transaction.on_commit(forget_council_calendar)

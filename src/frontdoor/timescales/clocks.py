"""Clocks: the due date and state of any statutory step, for every list to show."""

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from django.db import models
from django.utils import timezone

from frontdoor.timescales.calendar import WorkingCalendar, add_working_days, council_calendar
from frontdoor.timescales.regimes import Regime, Step, Timescale, Unit, timescale_for

# A clock is "due soon" when this many working days or fewer remain.
DUE_SOON_WORKING_DAYS = 2


class ClockState(models.TextChoices):
    ON_TIME = "on_time", "On time"
    DUE_SOON = "due_soon", "Due soon"
    DUE_TODAY = "due_today", "Due today"
    OVERDUE = "overdue", "Overdue"
    COMPLETED_ON_TIME = "completed_on_time", "Completed on time"
    COMPLETED_LATE = "completed_late", "Completed late"


# GOV.UK tag colours, so a state reads the same on every list.
TAG_CLASSES = {
    ClockState.ON_TIME: "govuk-tag--blue",
    ClockState.DUE_SOON: "govuk-tag--yellow",
    ClockState.DUE_TODAY: "govuk-tag--orange",
    ClockState.OVERDUE: "govuk-tag--red",
    ClockState.COMPLETED_ON_TIME: "govuk-tag--green",
    ClockState.COMPLETED_LATE: "govuk-tag--grey",
}


def add_months(start: date, months: int) -> date:
    """Same day of the month, or the last day of a shorter month (domain.md section 3)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, month_calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _as_local_date(value: date | datetime, zone: tzinfo) -> date:
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValueError("datetimes must be timezone-aware")
        return value.astimezone(zone).date()
    if isinstance(value, date):
        return value
    raise ValueError(f"expected a date or datetime, not {type(value).__name__}")


def due_for(
    timescale: Timescale,
    started: date | datetime,
    *,
    length: int | None = None,
    calendar: WorkingCalendar | None = None,
    zone: tzinfo | None = None,
) -> datetime:
    """When a step started at `started` falls due, as an aware datetime.

    Day-based steps fall due at the end of the due date unless the timescale
    names a time of day (handovers are due at 09:00).
    """
    zone = zone or timezone.get_current_timezone()
    length = timescale.length if length is None else length
    if length is None:
        raise ValueError(f"{timescale.step.label} needs its length from the council settings")
    if timescale.unit == Unit.HOURS:
        if not isinstance(started, datetime):
            raise ValueError(f"{timescale.step.label} is measured in hours and needs a start time")
        return started + timedelta(hours=length)
    start_day = _as_local_date(started, zone)
    if timescale.unit == Unit.WORKING_DAYS:
        due_day = add_working_days(start_day, length, calendar=calendar)
    elif timescale.unit == Unit.CALENDAR_DAYS:
        due_day = start_day + timedelta(days=length)
    else:
        due_day = add_months(start_day, length)
    return datetime.combine(due_day, timescale.due_at or time.max, tzinfo=zone)


@dataclass(frozen=True)
class Clock:
    step: Step
    timescale: Timescale
    started: date | datetime
    due: datetime
    due_date: date
    completed: date | datetime | None
    state: ClockState
    working_days_elapsed: int
    working_days_remaining: int

    @property
    def is_open(self) -> bool:
        return self.completed is None

    @property
    def tag_class(self) -> str:
        return TAG_CLASSES[self.state]

    @property
    def summary(self) -> str:
        """A short phrase for lists: 'due in 3 working days', '2 working days overdue'."""
        if not self.is_open:
            return self.state.label
        remaining = self.working_days_remaining
        if self.state == ClockState.DUE_TODAY:
            return "Due today"
        if remaining < 0:
            return f"{-remaining} working day{'s' if remaining != -1 else ''} overdue"
        if self.state == ClockState.OVERDUE:
            return "Overdue"
        return f"Due in {remaining} working day{'s' if remaining != 1 else ''}"


def clock_for(
    step: Step | str,
    *,
    started: date | datetime,
    regime: Regime | str,
    completed: date | datetime | None = None,
    now: datetime | None = None,
    length: int | None = None,
    calendar: WorkingCalendar | None = None,
) -> Clock:
    """The clock of one step: due date, working days elapsed and remaining, and state.

    `length` overrides the timescale's own (council settings such as visit
    intervals pass theirs in).
    """
    calendar = calendar or council_calendar()
    # One look-up of the zone: Django's is a thread-local, slow in a loop of thousands.
    zone = timezone.get_current_timezone()
    timescale = timescale_for(step, regime=regime)
    due = due_for(timescale, started, length=length, calendar=calendar, zone=zone)
    now = now or timezone.now()
    start_day, due_day = _as_local_date(started, zone), due.date()
    end = completed if completed is not None else now
    end_day = _as_local_date(end, zone)
    elapsed = calendar.working_days_between(start_day, end_day)
    remaining = calendar.working_days_between(end_day, due_day)

    if completed is not None:
        on_time = (completed <= due) if isinstance(completed, datetime) else (completed <= due_day)
        state = ClockState.COMPLETED_ON_TIME if on_time else ClockState.COMPLETED_LATE
    elif now > due:
        state = ClockState.OVERDUE
    elif end_day == due_day:
        state = ClockState.DUE_TODAY
    elif remaining <= DUE_SOON_WORKING_DAYS:
        state = ClockState.DUE_SOON
    else:
        state = ClockState.ON_TIME
    return Clock(
        step=timescale.step,
        timescale=timescale,
        started=started,
        due=due,
        due_date=due_day,
        completed=completed,
        state=state,
        working_days_elapsed=elapsed,
        working_days_remaining=remaining,
    )

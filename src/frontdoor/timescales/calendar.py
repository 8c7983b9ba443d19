"""Working days: weekends, England and Wales bank holidays and council closure days excluded.

Day 0 is the day of the trigger event. add_working_days(start, n) returns the
n-th working day after it; working_days_between(a, b) counts the working days
after a up to and including b (domain.md section 3).

Working days are held as a sorted list of ordinals, so each answer is a binary
search rather than a walk through the calendar.
"""

import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from datetime import time as time_of_day

import holidays
from django.core.exceptions import ValidationError
from django.utils import timezone

EARLIEST_YEAR = 1950
LATEST_YEAR = 2150
# Rebuild the council calendar at least this often, so that closure days an
# administrator adds in another process are seen everywhere within a minute.
CALENDAR_MAX_AGE_SECONDS = 60


class DateOutOfRange(ValidationError, ValueError):
    """A date the calendar does not cover.

    It comes from what someone typed (a received date in the year 178), so it is a validation
    error that services' callers already show as a message, rather than a server error; it is
    still a ValueError for callers that treat it as bad input to a function.
    """


def _check_date(value: object, name: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"{name} must be a date, not {type(value).__name__}")
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise DateOutOfRange(
            f"The date {value.isoformat()} is out of range: "
            f"working days are known from {EARLIEST_YEAR} to {LATEST_YEAR}"
        )
    return value


class WorkingCalendar:
    """The working days of one council: bank holidays plus its own closure days."""

    def __init__(self, closure_days: Iterable[date] = ()) -> None:
        self.closure_days = frozenset(closure_days)
        self._lock = threading.Lock()
        self._first_year = self._last_year = 0
        self._working: list[int] = []

    def _span(self, year: int) -> list[int]:
        """The working-day ordinals, extended to cover `year` with room either side."""
        if self._first_year <= year <= self._last_year:
            return self._working
        with self._lock:
            first = max(EARLIEST_YEAR, min(year, self._first_year or year) - 10)
            last = min(LATEST_YEAR, max(year, self._last_year) + 10)
            bank_holidays = holidays.UK(subdiv="ENG", years=range(first, last + 1))
            non_working = set(bank_holidays) | self.closure_days
            start, end = date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()
            self._working = [
                ordinal
                for ordinal in range(start, end + 1)
                # Saturdays and Sundays are excluded first: holidays lists the
                # real date of a holiday that falls at a weekend as well as
                # the substitute weekday.
                if ordinal % 7 not in (0, 6) and date.fromordinal(ordinal) not in non_working
            ]
            self._first_year, self._last_year = first, last
        return self._working

    def is_working_day(self, day: date) -> bool:
        day = _check_date(day, "day")
        working = self._span(day.year)
        ordinal = day.toordinal()
        index = bisect_left(working, ordinal)
        return index < len(working) and working[index] == ordinal

    def add_working_days(self, start: date, n: int) -> date:
        start = _check_date(start, "start")
        if not isinstance(n, int) or isinstance(n, bool):
            raise ValueError(f"n must be a whole number of working days, not {n!r}")
        if n == 0:
            return start
        # Cover the year a long count may reach (about 250 working days a
        # year), then the start year; the span only ever grows.
        self._span(min(LATEST_YEAR, max(EARLIEST_YEAR, start.year + n // 250)))
        working = self._span(start.year)
        ordinal = start.toordinal()
        if n > 0:
            index = bisect_right(working, ordinal) + n - 1
        else:
            index = bisect_left(working, ordinal) + n
        if not 0 <= index < len(working):
            raise DateOutOfRange(f"{n} working days from {start.isoformat()} is out of range")
        return date.fromordinal(working[index])

    def working_days_between(self, a: date, b: date) -> int:
        a, b = _check_date(a, "a"), _check_date(b, "b")
        self._span(a.year)
        working = self._span(b.year)
        return bisect_right(working, b.toordinal()) - bisect_right(working, a.toordinal())

    def next_working_day(self, day: date) -> date:
        return self.add_working_days(day, 1)


ENGLAND = WorkingCalendar()

_council_calendar: WorkingCalendar | None = None
_council_calendar_built_at = 0.0


def council_calendar() -> WorkingCalendar:
    """The calendar of this deployment's council: bank holidays and its closure days."""
    global _council_calendar, _council_calendar_built_at
    now = time.monotonic()
    if _council_calendar is None or now - _council_calendar_built_at > CALENDAR_MAX_AGE_SECONDS:
        from frontdoor.timescales.models import ClosureDay

        closure_days = ClosureDay.objects.values_list("date", flat=True)
        calendar = WorkingCalendar(closure_days)
        if _council_calendar is not None and calendar.closure_days == _council_calendar.closure_days:
            calendar = _council_calendar
        _council_calendar, _council_calendar_built_at = calendar, now
    return _council_calendar


def forget_council_calendar() -> None:
    """Make the next call rebuild the calendar (after closure days change)."""
    global _council_calendar
    _council_calendar = None


def is_working_day(day: date, *, calendar: WorkingCalendar | None = None) -> bool:
    return (calendar or council_calendar()).is_working_day(day)


def add_working_days(start: date, n: int, *, calendar: WorkingCalendar | None = None) -> date:
    """The n-th working day after start (start is day 0); negative n counts back."""
    return (calendar or council_calendar()).add_working_days(start, n)


def working_days_between(a: date, b: date, *, calendar: WorkingCalendar | None = None) -> int:
    """Working days after a up to and including b; negative when b is before a."""
    return (calendar or council_calendar()).working_days_between(a, b)


def next_working_day(day: date, *, calendar: WorkingCalendar | None = None) -> date:
    return (calendar or council_calendar()).next_working_day(day)


def working_hours_between(
    start: datetime,
    end: datetime,
    *,
    opens: time_of_day,
    closes: time_of_day,
    friday_closes: time_of_day,
    calendar: WorkingCalendar | None = None,
) -> float:
    """Office hours on working days between two moments: how long something has waited in office time."""
    if start.utcoffset() is None or end.utcoffset() is None:
        raise ValueError("working_hours_between needs timezone-aware datetimes")
    calendar = calendar or council_calendar()
    zone = timezone.get_current_timezone()
    start, end = start.astimezone(zone), end.astimezone(zone)
    total = 0.0
    day = start.date()
    while day <= end.date():
        if calendar.is_working_day(day):
            day_opens = datetime.combine(day, opens, tzinfo=zone)
            day_closes = datetime.combine(day, friday_closes if day.weekday() == 4 else closes, tzinfo=zone)
            overlap = (min(end, day_closes) - max(start, day_opens)).total_seconds()
            total += max(0.0, overlap) / 3600
        day += timedelta(days=1)
    return total

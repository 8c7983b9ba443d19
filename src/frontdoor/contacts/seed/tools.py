"""The seed's machinery: weighted choices, the office clock, English school holidays, and fast row insertion."""

import math
import random
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from typing import Any

from django.core.management.color import no_style
from django.db import connections, models, router
from django.db.models import Max
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority
from frontdoor.timescales.calendar import WorkingCalendar

BATCH_SIZE = 2_000  # rows per INSERT statement


class Weighted[T]:
    """Draws items in proportion to their weights."""

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in items]
        self.cumulative = list(accumulate(weight for _, weight in items))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect_right(self.cumulative, rng.random() * self.total)]


# The people and staff the contacts are about and by --------------------------------------------


class OfficeClock:
    """The council's office hours on its working days, in local wall-clock time (naive datetimes).

    `is_open` is LocalAuthority.is_office_hours for a local time, with the
    council's calendar; `add` counts office hours, as work waiting overnight does.
    """

    def __init__(self, council: LocalAuthority, calendar: WorkingCalendar, first: date, last: date) -> None:
        self.opens, self.closes, self.closes_friday = (
            council.office_opens,
            council.office_closes,
            council.office_closes_friday,
        )
        self.working = [
            ordinal
            for ordinal in range(first.toordinal(), last.toordinal() + 1)
            if calendar.is_working_day(date.fromordinal(ordinal))
        ]
        self.working_set = set(self.working)
        self._hours: dict[int, tuple[datetime, datetime]] = {}

    def is_working(self, ordinal: int) -> bool:
        return ordinal in self.working_set

    def hours(self, ordinal: int) -> tuple[datetime, datetime]:
        found = self._hours.get(ordinal)
        if found is None:
            day = date.fromordinal(ordinal)
            closes = self.closes_friday if day.weekday() == 4 else self.closes
            found = self._hours[ordinal] = (datetime.combine(day, self.opens), datetime.combine(day, closes))
        return found

    def is_open(self, moment: datetime) -> bool:
        if moment.toordinal() not in self.working_set:
            return False
        closes = self.closes_friday if moment.weekday() == 4 else self.closes
        return self.opens <= moment.time() < closes

    def next_open(self, moment: datetime) -> datetime:
        """The moment itself in office hours, or when the office next opens."""
        ordinal = moment.toordinal()
        if ordinal in self.working_set:
            opens, closes = self.hours(ordinal)
            if moment < opens:
                return opens
            if moment < closes:
                return moment
        return self.hours(self.working[bisect_right(self.working, ordinal)])[0]

    def add(self, moment: datetime, hours: float) -> datetime:
        """The moment `hours` of office time after `moment` (from the next opening, if the office is shut)."""
        current = self.next_open(moment)
        remaining = timedelta(hours=hours)
        while True:
            closes = self.hours(current.toordinal())[1]
            if remaining < closes - current:
                return current + remaining
            remaining -= closes - current
            current = self.hours(self.working[bisect_right(self.working, current.toordinal())])[0]


def value_adapter(field: models.Field, connection: Any) -> Callable[[Any], Any] | None:
    """How a value for the field goes to the database, as its backend would send it (None: as it is)."""
    ops = connection.ops
    zone = timezone.get_current_timezone()
    if isinstance(field, models.DateTimeField):
        if connection.vendor == "sqlite" and connection.timezone_name == "UTC":
            # What the SQLite backend's adapter does, without its checks: naive UTC as text.
            offsets: dict[int, timedelta | None] = {}

            def as_utc(local: datetime) -> str:
                ordinal = local.toordinal()
                offset = offsets.get(ordinal, timedelta.max)
                if offset == timedelta.max:
                    # One offset for the whole day, unless the clocks change that day.
                    day = datetime.combine(local.date(), time(0), tzinfo=zone)
                    first, last = day.utcoffset(), day.replace(hour=23, minute=59).utcoffset()
                    offset = offsets[ordinal] = first if first == last else None
                if offset is None:
                    return str(local.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None))
                return str(local - offset)

            return as_utc
        return lambda local: ops.adapt_datetimefield_value(local.replace(tzinfo=zone))
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.JSONField):
        encoder = field.encoder
        return lambda value: ops.adapt_json_value(value, encoder)
    return None


class Table:
    """Rows for one table, inserted many at a time with the database's own adapters.

    `add` takes the values of the named columns, with datetimes as naive local
    times, and returns the row's primary key if the table gives its own. Any
    column not named gets its field's default.
    """

    def __init__(self, model: type[models.Model], columns: Sequence[str], *, ids: bool = False) -> None:
        connection = connections[router.db_for_write(model)]
        ops = connection.ops
        self.connection, self.model, self.ids = connection, model, ids
        named = [model._meta.get_field(name) for name in columns]
        others = [
            f for f in model._meta.concrete_fields if not f.primary_key and not f.generated and f.name not in columns
        ]
        fields = [f for f in named if isinstance(f, models.Field) and f.concrete]
        assert len(fields) == len(columns), f"{model.__name__}: every column must be one of its fields"
        pk = model._meta.pk
        assert pk is not None
        names = [str(f.column) for f in ([pk] if ids else []) + fields + others]
        # Only the model's own table and column names, quoted, go into the SQL; every value is a parameter.
        self.sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
            ops.quote_name(model._meta.db_table),
            ", ".join(ops.quote_name(name) for name in names),
            ", ".join(["%s"] * len(names)),
        )
        self.defaults = [f.get_db_prep_save(f.get_default(), connection) for f in others]
        offset = 1 if ids else 0
        self.adapters = [
            (offset + i, adapter) for i, f in enumerate(fields) if (adapter := value_adapter(f, connection)) is not None
        ]
        self.rows: list[list[Any]] = []
        self.next_id = 0
        if ids:
            highest = model._default_manager.using(connection.alias).aggregate(highest=Max("pk"))["highest"]
            self.next_id = (highest or 0) + 1
        self.count = 0

    def add(self, *values: Any) -> int:
        row = [self.next_id, *values] if self.ids else list(values)
        self.rows.append(row)
        self.next_id += self.ids
        return row[0] if self.ids else 0

    def flush(self) -> None:
        adapters, defaults = self.adapters, self.defaults
        for row in self.rows:
            for index, adapt in adapters:
                value = row[index]
                if value is not None:
                    row[index] = adapt(value)
            row += defaults
        with self.connection.cursor() as cursor:
            for start in range(0, len(self.rows), BATCH_SIZE):
                cursor.executemany(self.sql, self.rows[start : start + BATCH_SIZE])
        self.count += len(self.rows)
        self.rows = []

    def reset_sequence(self) -> None:
        """Move the table's sequence past the keys given here (PostgreSQL; SQLite keeps count itself)."""
        if self.ids:
            with self.connection.cursor() as cursor:
                for sql in self.connection.ops.sequence_reset_sql(no_style(), [self.model]):
                    cursor.execute(sql)


def poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def is_christmas(day: date) -> bool:
    return (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 3)


def is_school_holiday(day: date) -> bool:
    """English school holidays, near enough: summer, Christmas, Easter and the three half terms."""
    if is_christmas(day) or (day.month == 7 and day.day >= 22) or day.month == 8 or (day.month == 9 and day.day <= 3):
        return True
    good_friday = easter_sunday(day.year) - timedelta(days=2)
    if good_friday - timedelta(days=5) <= day <= good_friday + timedelta(days=10):
        return True
    for month, first in ((2, 12), (5, 25), (10, 23)):
        start = date(day.year, month, first)
        monday = start + timedelta(days=(7 - start.weekday()) % 7)
        if monday <= day < monday + timedelta(days=7):
            return True
    return False


def easter_sunday(year: int) -> date:
    """Easter Day in the Gregorian calendar (the anonymous algorithm of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month = (h + el - 7 * m + 90) // 25
    return date(year, month, (h + el - 7 * m + 33 * month + 19) % 32)


def local_ordinal(moment: datetime) -> int:
    return timezone.localtime(moment).date().toordinal()

"""The casework seed's machinery: working-day sums without the calendar's checks, and many-row updates."""

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import connections, models, router

from frontdoor.contacts.seed.tools import BATCH_SIZE, value_adapter
from frontdoor.timescales.calendar import WorkingCalendar


class WorkingDays:
    """The council's working days between two dates, counted as timescales.calendar counts them.

    `add(day, n)` is add_working_days: day 0 is the day itself, day 1 the
    next working day after it; a negative n counts back. Beyond the span the
    count stops at its first or last day.
    """

    def __init__(self, calendar: WorkingCalendar, first: date, last: date) -> None:
        self.days = [
            ordinal
            for ordinal in range(first.toordinal(), last.toordinal() + 1)
            if calendar.is_working_day(date.fromordinal(ordinal))
        ]

    def add(self, day: date, n: int) -> date:
        if n == 0:
            return day
        ordinal = day.toordinal()
        index = bisect_right(self.days, ordinal) + n - 1 if n > 0 else bisect_left(self.days, ordinal) + n
        return date.fromordinal(self.days[max(0, min(len(self.days) - 1, index))])

    def on_or_before(self, day: date) -> date:
        index = bisect_right(self.days, day.toordinal()) - 1
        return date.fromordinal(self.days[max(0, index)])

    def between(self, a: date, b: date) -> int:
        """Working days after a, up to and including b (negative if b is before a)."""
        return bisect_right(self.days, b.toordinal()) - bisect_right(self.days, a.toordinal())


class Updates:
    """New values for some columns of many rows, sent as one statement with many rows of parameters.

    `add(pk, *values)` takes the values of the named columns in order, with
    datetimes as naive local times, as `contacts.seed.tools.Table` does.
    """

    def __init__(self, model: type[models.Model], columns: Sequence[str]) -> None:
        connection = connections[router.db_for_write(model)]
        ops = connection.ops
        self.connection = connection
        fields = [model._meta.get_field(name) for name in columns]
        concrete = [f for f in fields if isinstance(f, models.Field) and f.concrete]
        assert len(concrete) == len(columns), f"{model.__name__}: every column must be one of its fields"
        pk = model._meta.pk
        assert pk is not None
        # Only the model's own table and column names, quoted, go into the SQL; every value is a parameter.
        self.sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608
            ops.quote_name(model._meta.db_table),
            ", ".join(f"{ops.quote_name(str(f.column))} = %s" for f in concrete),
            ops.quote_name(str(pk.column)),
        )
        self.adapters = [
            (i, adapter) for i, f in enumerate(concrete) if (adapter := value_adapter(f, connection)) is not None
        ]
        self.rows: list[list[Any]] = []
        self.count = 0

    def add(self, pk: int, *values: Any) -> None:
        self.rows.append([*values, pk])

    def flush(self) -> None:
        adapters = self.adapters
        for row in self.rows:
            for index, adapt in adapters:
                value = row[index]
                if value is not None:
                    row[index] = adapt(value)
        with self.connection.cursor() as cursor:
            for start in range(0, len(self.rows), BATCH_SIZE):
                cursor.executemany(self.sql, self.rows[start : start + BATCH_SIZE])
        self.count += len(self.rows)
        self.rows = []

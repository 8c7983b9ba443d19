"""Reporting periods: the days a figure covers, the period before it, and the weeks or months it is charted by."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from django.utils import timezone

from frontdoor.timescales.clocks import add_months

BucketSize = Literal["week", "month"]


@dataclass(frozen=True)
class Bucket:
    start: date
    end: date  # included

    def label(self, size: BucketSize) -> str:
        if size == "month":
            return self.start.strftime("%b %Y")
        return f"w/c {self.start.day} {self.start.strftime('%b %Y')}"


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included, in UK time."""

    start: date
    end: date

    @classmethod
    def last_twelve_months(cls, today: date) -> "Period":
        return cls(add_months(today, -12) + timedelta(days=1), today)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The period of the same length just before this one, for the trend."""
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def without(self, other: "Period | None") -> list["Period"]:
        """The days of this period outside the other: none, one stretch or two."""
        if other is None or other.end < self.start or other.start > self.end:
            return [self]
        parts = []
        if self.start < other.start:
            parts.append(Period(self.start, other.start - timedelta(days=1)))
        if other.end < self.end:
            parts.append(Period(other.end + timedelta(days=1), self.end))
        return parts

    def bounds(self) -> tuple[datetime, datetime]:
        """The first instant of the period and the first instant after it, as aware datetimes."""
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=zone),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone),
        )

    def bucket_size(self) -> BucketSize:
        return "week" if self.days <= 92 else "month"

    def buckets(self, size: BucketSize) -> list[Bucket]:
        """Calendar weeks (Monday to Sunday) or months, the first and last cut to the period."""
        found = []
        day = self.start
        while day <= self.end:
            if size == "week":
                after = day - timedelta(days=day.weekday()) + timedelta(days=7)
            else:
                after = add_months(day.replace(day=1), 1)
            end = min(after - timedelta(days=1), self.end)
            found.append(Bucket(day, end))
            day = end + timedelta(days=1)
        return found

"""Call figures: how promptly the front door answers its telephone.

One query fetches the period's calls (five columns each) and one pass over
them counts everything: the whole period, each hour of the day and each
queue. The query count does not grow with the number of calls, and the same
code gives the same answer on SQLite and PostgreSQL (percentiles included).

What the figures mean (docs/calls.md says the same to users):
- offered: calls that reached the front door in the period (by when they were offered);
- answered: calls answered and not abandoned first;
- abandoned %: abandoned calls (the caller hung up before an answer) out of those offered;
- seconds to answer: from offered to answered, for answered calls (median and 90th percentile);
- answered within 20 seconds: out of all calls offered, so a call abandoned counts against it;
- transfers per call: transfers out of calls offered.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import median

from django.utils import timezone

from frontdoor.contacts.models import Call

ANSWER_TARGET_SECONDS = 20
NO_QUEUE = "No queue"


def percentile(ordered: Sequence[float], fraction: float) -> float | None:
    """The value below which `fraction` of the sorted values lie, interpolating between neighbours."""
    if not ordered:
        return None
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class CallFigures:
    label: str
    offered: int
    answered: int
    abandoned: int
    answered_within_target: int
    transfers: int
    median_seconds: float | None
    p90_seconds: float | None

    @property
    def abandoned_percent(self) -> float | None:
        return 100 * self.abandoned / self.offered if self.offered else None

    @property
    def within_target_percent(self) -> float | None:
        return 100 * self.answered_within_target / self.offered if self.offered else None

    @property
    def transfers_per_call(self) -> float | None:
        return self.transfers / self.offered if self.offered else None


@dataclass
class _Tally:
    label: str
    offered: int = 0
    answered: int = 0
    abandoned: int = 0
    within_target: int = 0
    transfers: int = 0
    waits: list[float] = field(default_factory=list)

    def add(self, wait: float | None, abandoned: bool, transfers: int) -> None:
        self.offered += 1
        self.transfers += transfers
        if abandoned:
            self.abandoned += 1
        elif wait is not None:
            self.answered += 1
            # A wait below zero (answered before offered) is flagged on the call and left out of the times.
            if wait >= 0:
                self.waits.append(wait)
                self.within_target += wait <= ANSWER_TARGET_SECONDS

    def figures(self) -> CallFigures:
        self.waits.sort()
        return CallFigures(
            label=self.label,
            offered=self.offered,
            answered=self.answered,
            abandoned=self.abandoned,
            answered_within_target=self.within_target,
            transfers=self.transfers,
            median_seconds=median(self.waits) if self.waits else None,
            p90_seconds=percentile(self.waits, 0.9),
        )


@dataclass(frozen=True)
class CallReport:
    start: date
    end: date
    queue: str
    overall: CallFigures
    by_hour: list[CallFigures]
    by_queue: list[CallFigures]
    # The queues that took calls in the period, for choosing one.
    queues: list[str]


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """From the start of the first day to the start of the day after the last, UK time."""
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), tz),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz),
    )


def default_period(today: date) -> tuple[date, date]:
    """The last 4 weeks, today included."""
    return today - timedelta(days=27), today


def call_figures(*, start: date, end: date, queue: str = "") -> CallReport:
    """The figures for calls offered from `start` to `end` (UK dates, both included), for one queue or all."""
    since, until = period_bounds(start, end)
    rows = (
        Call.objects.filter(offered_at__gte=since, offered_at__lt=until)
        .order_by()
        .values_list("offered_at", "answered_at", "abandoned", "transfers", "queue")
        .iterator(chunk_size=5000)
    )
    overall = _Tally("All calls")
    hours = [_Tally(f"{hour:02d}:00 to {hour:02d}:59") for hour in range(24)]
    queues: dict[str, _Tally] = {}
    seen_queues: set[str] = set()
    tz = timezone.get_current_timezone()
    for offered_at, answered_at, abandoned, transfers, call_queue in rows:
        if offered_at is None:  # never, given the filter: for the type checker
            continue
        seen_queues.add(call_queue)
        if queue and call_queue != queue:
            continue
        wait = (answered_at - offered_at).total_seconds() if answered_at else None
        overall.add(wait, abandoned, transfers)
        hours[offered_at.astimezone(tz).hour].add(wait, abandoned, transfers)
        tally = queues.get(call_queue)
        if tally is None:
            tally = queues[call_queue] = _Tally(call_queue or NO_QUEUE)
        tally.add(wait, abandoned, transfers)
    return CallReport(
        start=start,
        end=end,
        queue=queue,
        overall=overall.figures(),
        by_hour=[tally.figures() for tally in hours],
        by_queue=[queues[name].figures() for name in sorted(queues, key=lambda name: (not name, name.lower()))],
        queues=sorted((name for name in seen_queues if name), key=str.lower),
    )

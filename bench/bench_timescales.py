"""Working days: every list and dashboard computes thousands of due dates per page."""

from datetime import date, timedelta

from django.utils import timezone

from bench.harness import Result, timed
from frontdoor.timescales.calendar import add_working_days, working_days_between
from frontdoor.timescales.clocks import clock_for
from frontdoor.timescales.regimes import Regime, Step

CALLS = 1_000_000
CLOCKS = 100_000


def run() -> list[Result]:
    # Start dates spread over five years of history, as the council's records are.
    starts = [date(2021, 12, 1) + timedelta(days=i % 1826) for i in range(CALLS)]
    lengths = [(1, 7, 10, 15, 35, 45)[i % 6] for i in range(CALLS)]
    add_working_days(starts[0], 1)  # build the calendar before timing

    def add_all() -> None:
        for start, n in zip(starts, lengths, strict=True):
            add_working_days(start, n)

    def between_all() -> None:
        for start, n in zip(starts, lengths, strict=True):
            working_days_between(start, start + timedelta(days=n))

    now = timezone.now()

    def clocks() -> None:
        for start in starts[:CLOCKS]:
            clock_for(Step.SINGLE_ASSESSMENT, started=start, regime=Regime.CURRENT, now=now)

    return [
        Result("add_working_days, 1,000,000 calls (council calendar)", timed(add_all), "s", 3.0),
        Result("working_days_between, 1,000,000 calls", timed(between_all), "s", 3.0),
        Result("clock_for (single assessment), 100,000 clocks", timed(clocks), "s", 2.0),
    ]

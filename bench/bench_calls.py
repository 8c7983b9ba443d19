"""Importing a telephony call log: 200,000 calls, and the call figures over them.

The calls are benchmark rows, not the council's: their call IDs start with
PREFIX, and they are deleted afterwards so the database stays as it was, but for
the import's one entry in the event log, which is append-only.
"""

import io
import random
import time
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from bench.harness import Result
from frontdoor.contacts.call_queries import call_figures
from frontdoor.contacts.calls import LOG_COLUMNS, UK, import_call_log
from frontdoor.contacts.models import Call

ROWS = 200_000
PREFIX = "BENCH-CALL-"
QUEUES = ["Front door", "Front door", "Front door", "Professionals", "Police", "Schools", "Health", "Out of hours"]
AGENTS = [f"{first} {last}" for first in ("Amira", "Ben", "Chloe", "Dev", "Ewa", "Femi") for last in ("Shah", "Jones")]


def call_log(rows: int = ROWS, *, seed: int = 1126, today: date | None = None) -> str:
    """A call log as the telephony system exports it: a year of calls, mostly weekdays in office hours, oldest first."""
    rng = random.Random(seed)
    today = today or timezone.localdate()
    starts = []
    for _ in range(rows):
        day = today - timedelta(days=rng.randrange(1, 365))
        while day.weekday() >= 5 and rng.random() < 0.9:
            day -= timedelta(days=1)
        hour = min(23, max(0, int(rng.gauss(12.5, 3))))
        starts.append(datetime(day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60), tzinfo=UK))
    starts.sort()
    out = io.StringIO()
    out.write(",".join(LOG_COLUMNS) + "\n")
    for n, started in enumerate(starts):
        wait = rng.expovariate(1 / 35)
        abandoned = rng.random() < min(0.5, 0.02 + wait / 900)
        answered = None if abandoned else started + timedelta(seconds=round(wait))
        ended = (answered or started) + timedelta(seconds=round(rng.lognormvariate(5.8, 0.8) if answered else wait))
        transfers = rng.choices((0, 1, 2, 3), weights=(70, 20, 8, 2))[0] if answered else 0
        # The telephony system's own format, and ISO 8601 (which another system's export would use).
        fmt = "%Y-%m-%dT%H:%M:%S%z" if n % 2 else "%d/%m/%Y %H:%M:%S"

        def show(value: datetime | None, fmt: str = fmt) -> str:
            return value.strftime(fmt) if value else ""

        out.write(
            f"{PREFIX}{n:07d},{show(started)},{show(answered)},{show(ended)},"
            f"{rng.choice(QUEUES)},{rng.choice(AGENTS) if answered else ''},{transfers}\n"
        )
    return out.getvalue()


def remove_benchmark_calls() -> int:
    return Call.objects.filter(call_id__startswith=PREFIX).delete()[0]


def run() -> list[Result]:
    remove_benchmark_calls()  # left by a run that stopped half way
    log = call_log()
    try:
        started = time.perf_counter()
        report = import_call_log(file=io.StringIO(log), by=None)
        seconds = time.perf_counter() - started
        assert report.ok and report.imported == ROWS, report.errors[:5]

        # Rolled back: a re-import changes nothing but the event log, which cannot be tidied afterwards.
        with transaction.atomic():
            started = time.perf_counter()
            again = import_call_log(file=io.StringIO(log), by=None)
            again_seconds = time.perf_counter() - started
            assert again.imported == 0 and again.already_imported == ROWS
            transaction.set_rollback(True)

        today = timezone.localdate()
        call_figures(start=today - timedelta(days=27), end=today)  # warm up
        started = time.perf_counter()
        figures = call_figures(start=today - timedelta(days=27), end=today)
        figures_ms = (time.perf_counter() - started) * 1000
        year_started = time.perf_counter()
        call_figures(start=today - timedelta(days=365), end=today)
        year_ms = (time.perf_counter() - year_started) * 1000
    finally:
        remove_benchmark_calls()
    return [
        Result(
            f"call log import ({ROWS:,} rows)",
            ROWS / seconds,
            "rows/s",
            20_000,
            kind="min",
            detail=f"{seconds:.1f} s",
        ),
        Result(
            f"call log re-import, all {ROWS:,} already there",
            ROWS / again_seconds,
            "rows/s",
            20_000,
            kind="min",
            detail=f"{again_seconds:.1f} s",
        ),
        Result(
            f"call figures, 4 weeks ({figures.overall.offered:,} calls)",
            figures_ms,
            "ms",
            1000,
        ),
        Result("call figures, a year", year_ms, "ms", 10_000),
    ]

"""Statutory returns on the large council: the CIN census for a whole year, and Annex A for an inspection today.

Each runs as the command a council would schedule (`frontdoor census export`, `frontdoor annexa export`), in
a process of its own, so that its peak memory is the process's own high-water mark and not the benchmark's.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.utils import timezone

from bench.harness import Result
from frontdoor.returns.census.periods import CensusYear

FRONTDOOR = Path(sys.executable).with_name("frontdoor")


# A small process starts the command and reports its children's peak: measured from this (large) process,
# a child would count this process's memory, which it shares between fork and exec.
MEASURE = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)"
)


def run_command(*arguments: str) -> tuple[float, float, str]:
    """Seconds and peak resident memory (MB) of one command, and the first line it printed."""
    command = [sys.executable, "-c", MEASURE, str(FRONTDOOR), *arguments]  # our own command, no shell
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    seconds = time.perf_counter() - started
    if finished.returncode != 0:
        raise RuntimeError(f"frontdoor {' '.join(arguments)} failed:\n{finished.stderr[-2000:]}")
    peak = int(finished.stderr.strip().splitlines()[-1]) / 1024  # kilobytes on Linux
    return seconds, peak, finished.stdout.splitlines()[0] if finished.stdout else ""


def run() -> list[Result]:
    today = timezone.localdate()
    last_full_year = today.year if today.month > 3 else today.year - 1
    census = CensusYear.of(last_full_year, today=today)
    with tempfile.TemporaryDirectory() as folder:
        census_seconds, census_peak, census_line = run_command(
            "census", "export", "--year", str(census.year), "--out", str(Path(folder) / "census.xml")
        )
        annex_seconds, _, annex_line = run_command(
            "annexa", "export", "--inspection-date", today.isoformat(), "--out", str(Path(folder) / "annex-a.xlsx")
        )
    return [
        Result(f"CIN census export, {census.label}, whole year", census_seconds, "s", 60, detail=census_line),
        Result(f"CIN census export peak memory, {census.label}", census_peak, "MB", 500),
        Result("Annex A export, lists 1-11", annex_seconds, "s", 60, detail=annex_line),
    ]

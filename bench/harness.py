"""Run the benchmarks on the synthetic large council and report each figure beside its target.

Every `bench/bench_*.py` module has a `run() -> list[Result]`. The harness
prepares a database of its own (var/bench/large.sqlite3 unless
BENCH_DATABASE_URL names another), builds the large council in it once, runs
every module and writes var/bench/results.json.
"""

import importlib
import json
import os
import platform
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "var" / "bench" / "results.json"
SEED = 20261126


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    target: float
    # "max": the value must not exceed the target; "min": it must reach it.
    kind: Literal["max", "min"] = "max"
    detail: str = ""

    @property
    def met(self) -> bool:
        return self.value <= self.target if self.kind == "max" else self.value >= self.target


def timed(function: Callable[[], object]) -> float:
    """Seconds one call of `function` takes."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def peak_memory_mb(function: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1_000_000
    finally:
        tracemalloc.stop()


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
    os.environ["DEBUG"] = "true"
    database = ROOT / "var" / "bench" / "large.sqlite3"
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{database}")
    import django

    django.setup()


def build_large_council() -> None:
    from django.core.management import call_command
    from django.utils import timezone

    from frontdoor.seeding import database_is_empty, seed_council

    call_command("migrate", verbosity=0)
    if database_is_empty():
        print("Building the synthetic large council (once)...", flush=True)
        started = time.perf_counter()
        seed_council(size="large", seed=SEED, today=timezone.localdate(), say=lambda line: print(" ", line))
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)


def bench_modules() -> list[str]:
    return sorted(f"bench.{path.stem}" for path in Path(__file__).parent.glob("bench_*.py"))


def main() -> int:
    setup_django()
    build_large_council()
    results: list[Result] = []
    for name in bench_modules():
        module = importlib.import_module(name)
        print(f"\n{name}", flush=True)
        for result in module.run():
            results.append(result)
            comparison = "<=" if result.kind == "max" else ">="
            status = "met" if result.met else "MISSED"
            print(
                f"  {result.name:<58} {result.value:>12,.3f} {result.unit:<8}"
                f" target {comparison} {result.target:,} {result.unit:<8} {status}"
            )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "measured_at": datetime.now(UTC).isoformat(),
                "python": sys.version.split()[0],
                "machine": platform.platform(),
                "processor_count": os.cpu_count(),
                "results": [{**asdict(r), "met": r.met} for r in results],
            },
            indent=2,
        )
    )
    missed = [r.name for r in results if not r.met]
    print(f"\n{len(results) - len(missed)} of {len(results)} targets met; results in {RESULTS}")
    return 1 if missed else 0

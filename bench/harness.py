"""Run the benchmarks on the synthetic large council and report each figure beside its target.

Every `bench/bench_*.py` module has a `run() -> list[Result]`. The harness
prepares a database of its own, SQLite (var/bench/large.sqlite3) or
PostgreSQL (BENCH_POSTGRES_URL, by default frontdoor_bench on the local
server), builds the large council in it once, runs every module and writes
var/bench/results-<database>.json. The seed's planted duplicates, the ground
truth the duplicate benchmark reads, are kept beside it.
"""

import argparse
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
BENCH_DIR = ROOT / "var" / "bench"
SEED = 20261126
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/frontdoor_bench"
# Set once the database is chosen; benchmark modules read the ground truth from it.
TRUTH: Path = BENCH_DIR / "planted_duplicates-sqlite.json"


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


def database_url(database: str) -> str:
    if database == "sqlite":
        return f"sqlite:///{BENCH_DIR / 'large.sqlite3'}"
    url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
    _create_postgres_database(url)
    return url


def _create_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(database: str) -> None:
    global TRUTH
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdoor.settings")
    os.environ["DEBUG"] = "true"
    os.environ["DATABASE_URL"] = database_url(database)
    TRUTH = BENCH_DIR / f"planted_duplicates-{database}.json"
    import django

    django.setup()


def build_large_council() -> None:
    from django.core.management import call_command
    from django.utils import timezone

    from frontdoor.seeding import database_is_empty, seed_council

    call_command("migrate", verbosity=0)
    if database_is_empty() or not TRUTH.exists():
        print("Building the synthetic large council (once)...", flush=True)
        started = time.perf_counter()
        context = seed_council(
            size="large", seed=SEED, today=timezone.localdate(), force=True, say=lambda line: print(" ", line)
        )
        TRUTH.write_text(json.dumps(context.shared.get("planted_duplicates", [])))
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)


def planted_duplicates() -> set[tuple[int, int]]:
    """The seed's ground truth: pairs of records of one person, as (lower ID, higher ID)."""
    return {(min(a, b), max(a, b)) for a, b, *_ in json.loads(TRUTH.read_text())}


def bench_modules() -> list[str]:
    return sorted(f"bench.{path.stem}" for path in Path(__file__).parent.glob("bench_*.py"))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--only", help="Run only the benchmark modules whose name contains this")
    args = parser.parse_args()
    setup_django(args.database)
    build_large_council()
    results: list[Result] = []
    print(f"\nBenchmarks on the large council, {args.database}")
    for name in bench_modules():
        if args.only and args.only not in name:
            continue
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
    results_file = BENCH_DIR / f"results-{args.database}.json"
    results_file.write_text(
        json.dumps(
            {
                "database": args.database,
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
    print(f"\n{len(results) - len(missed)} of {len(results)} targets met; results in {results_file}")
    return 1 if missed else 0

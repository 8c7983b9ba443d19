"""Chronologies on the large council: a child with 500 events, on screen and printed, and the page's query count."""

import statistics
import time
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.harness import Result
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.people.models import Person
from frontdoor.records.chronology import CHRONOLOGY_KINDS
from frontdoor.records.models import Event

PAGE_LOADS = 60
EVENTS = 500
# What a long case adds most of: visits, core groups and reviews, each with a worker.
FILLER = ["visit.recorded", "core_group.held", "case_direction.given", "cin_plan.reviewed", "contact.recorded"]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def child_with_a_long_chronology(worker: User) -> Person:
    """The child with the most chronology events, topped up to 500 if the seed made none that long.

    The top-up is written once and found again on the next run, so every run times the same chronology.
    """
    busiest = (
        Event.objects.filter(kind__in=CHRONOLOGY_KINDS, child__is_restricted=False, child__merged_into=None)
        .values_list("child_id")
        .annotate(n=Count("id"))
        .order_by("-n", "child_id")
        .first()
    )
    assert busiest is not None, "the large council has chronologies"
    child_id, held = busiest
    if held < EVENTS:
        start = timezone.now() - timedelta(days=5 * 365)
        with transaction.atomic():
            Event.objects.bulk_create(
                Event(
                    child_id=child_id,
                    actor=worker,
                    kind=FILLER[n % len(FILLER)],
                    occurred_at=start + timedelta(days=n * 3),
                    summary=f"Benchmark history {n + 1}: visit, child seen alone, bedroom seen",
                    data={"bench": True},
                )
                for n in range(EVENTS - held)
            )
    return Person.objects.get(pk=child_id)


def quiet_child() -> Person:
    quiet = (
        Event.objects.filter(kind__in=CHRONOLOGY_KINDS, child__is_restricted=False, child__merged_into=None)
        .values_list("child_id")
        .annotate(n=Count("id"))
        .order_by("n", "child_id")
        .first()
    )
    assert quiet is not None
    return Person.objects.get(pk=quiet[0])


def timings(client: Client, path: str) -> list[float]:
    assert client.get(path).status_code == 200
    times = []
    for _ in range(PAGE_LOADS):
        started = time.perf_counter()
        assert client.get(path).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    return times


def run() -> list[Result]:
    manager = User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk").first()
    assert manager is not None
    child = child_with_a_long_chronology(manager)
    events = Event.objects.filter(child=child, kind__in=CHRONOLOGY_KINDS).count()
    client = Client(HTTP_HOST="localhost")
    client.force_login(manager)
    page = timings(client, f"/people/{child.pk}/chronology/")
    printed = timings(client, f"/people/{child.pk}/chronology/print/")
    with CaptureQueriesContext(connection) as long:
        client.get(f"/people/{child.pk}/chronology/")
    with CaptureQueriesContext(connection) as short:
        client.get(f"/people/{quiet_child().pk}/chronology/")
    return [
        Result(
            f"chronology page p95, {events:,} events, first 100 shown ({PAGE_LOADS} loads)",
            percentile(page, 0.95),
            "ms",
            200,
            detail=f"p50 {statistics.median(page):.1f} ms",
        ),
        Result(
            f"printed chronology p95, all {events:,} events ({PAGE_LOADS} loads)",
            percentile(printed, 0.95),
            "ms",
            200,
            detail=f"p50 {statistics.median(printed):.1f} ms",
        ),
        Result(f"chronology page queries, {events:,} events", len(long), "queries", 30),
        Result("chronology page queries, long chronology beyond a short one", len(long) - len(short), "queries", 0),
    ]

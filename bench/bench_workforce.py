"""Workforce on the large council: a team manager's caseload page for the busiest team, and its query count."""

import statistics
import time

from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.harness import Result
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral

PAGE_LOADS = 60
PATH = "/workforce/team/"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def busiest_team_manager() -> User:
    teams = (
        Referral.objects.filter(closed_on=None, worker__isnull=False)
        .values_list("team_id")
        .annotate(n=Count("id"))
        .order_by("-n", "team_id")
    )
    managers = User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk")
    for team, _ in teams:
        if (manager := managers.filter(team_id=team).first()) is not None:
            return manager
    raise RuntimeError("the large council has team managers")


def run() -> list[Result]:
    manager = busiest_team_manager()
    client = Client(HTTP_HOST="localhost")
    client.force_login(manager)
    assert client.get(PATH).status_code == 200
    times = []
    for _ in range(PAGE_LOADS):
        started = time.perf_counter()
        assert client.get(PATH).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as busiest:
        client.get(f"{PATH}?team={manager.team_id}")
    with CaptureQueriesContext(connection) as quietest:
        client.get(PATH + "?team=" + str(quietest_team(manager)))
    assert manager.team_id is not None
    open_cases = Referral.objects.filter(closed_on=None, team_id=manager.team_id, worker__isnull=False).count()
    return [
        Result(
            f"team caseload page p95, {manager.team}, {open_cases:,} open cases ({PAGE_LOADS} loads)",
            percentile(times, 0.95),
            "ms",
            150,
            detail=f"p50 {statistics.median(times):.1f} ms",
        ),
        Result(
            "team caseload page queries, busiest team beyond the quietest",
            len(busiest) - len(quietest),
            "queries",
            0,
        ),
    ]


def quietest_team(manager: User) -> int:
    teams = (
        User.objects.filter(role=Role.SOCIAL_WORKER, is_active=True)
        .exclude(team=manager.team)
        .values_list("team_id")
        .annotate(n=Count("id"))
        .order_by("n", "team_id")
    )
    return teams[0][0]

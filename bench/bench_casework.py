"""Casework on the large council: the page of a child with a long casework history, and a team's overdue assessments."""

import statistics
import time

from django.db import connection
from django.db.models import Count, QuerySet
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.harness import Result
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Assessment, CinPlanReview, Referral

PAGE_LOADS = 60
BUSIEST_CHILDREN = 10


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def visible(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    return referrals.filter(person__is_restricted=False, person__merged_into__isnull=True)


def busiest_children() -> list[tuple[int, int, int]]:
    """(person, referrals, assessments) for the children with the most referrals, then the most assessments."""
    rows = (
        visible(Referral.objects.all())
        .values("person_id")
        .annotate(referral_count=Count("id", distinct=True), assessment_count=Count("assessments"))
        .order_by("-referral_count", "-assessment_count", "person_id")[:BUSIEST_CHILDREN]
    )
    return [(row["person_id"], row["referral_count"], row["assessment_count"]) for row in rows]


def child_with_one_referral() -> int:
    """A child with a single referral that has everything a page shows: an assessment and a reviewed plan."""
    reviewed = CinPlanReview.objects.values("plan__referral__person_id")
    once = (
        visible(Referral.objects.all())
        .values("person_id")
        .annotate(referral_count=Count("id"))
        .filter(referral_count=1, person_id__in=reviewed)
        .order_by("person_id")
        .values_list("person_id", flat=True)
    )
    person = once.first()
    assert person is not None, "the large council has children with one referral and a reviewed plan"
    return person


def load(client: Client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, f"{path}: {response.status_code}"
    return elapsed


def queries_for(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def overdue_team_manager() -> tuple[User, int]:
    """A manager of the team with the most overdue assessments, and how many the team has."""
    waiting = [Assessment.Status.DRAFT, Assessment.Status.SUBMITTED, Assessment.Status.RETURNED]
    teams = (
        Assessment.objects.filter(status__in=waiting, due_on__lt=timezone.localdate(), referral__team__isnull=False)
        .values_list("referral__team_id")
        .annotate(overdue=Count("id"))
        .order_by("-overdue", "referral__team_id")
    )
    for team, overdue in teams:
        manager = User.objects.filter(role=Role.TEAM_MANAGER, is_active=True, team_id=team).order_by("pk").first()
        if manager is not None:
            return manager, overdue
    raise AssertionError("the large council has overdue assessments in a team with a manager")


def run() -> list[Result]:
    manager = User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk").first()
    assert manager is not None, "the large council has team managers"
    client = Client(HTTP_HOST="localhost")
    client.force_login(manager)

    children = busiest_children()
    assert children, "the large council has casework"
    load(client, f"/people/{children[0][0]}/")
    page_times = [load(client, f"/people/{children[n % len(children)][0]}/") for n in range(PAGE_LOADS)]
    most, most_referrals, most_assessments = children[0]
    one = child_with_one_referral()
    queries_one = queries_for(client, f"/people/{one}/")
    queries_many = queries_for(client, f"/people/{most}/")

    results = [
        Result(
            f"child page p95, {len(children)} children with {children[-1][1]}-{most_referrals} referrals "
            f"({PAGE_LOADS} loads)",
            percentile(page_times, 0.95),
            "ms",
            150,
            detail=f"p50 {statistics.median(page_times):.1f} ms; most assessments {most_assessments}",
        ),
        Result(
            f"child page queries with {most_referrals} referrals, beyond {queries_one} with one",
            queries_many - queries_one,
            "queries",
            0,
        ),
    ]

    lead, overdue = overdue_team_manager()
    client.force_login(lead)
    path = "/casework/assessments/overdue/"
    load(client, path)
    overdue_times = [load(client, path) for _ in range(PAGE_LOADS)]
    results.append(
        Result(
            f"team overdue assessments p95, {lead.team}, {overdue} overdue ({PAGE_LOADS} loads)",
            percentile(overdue_times, 0.95),
            "ms",
            200,
            detail=f"p50 {statistics.median(overdue_times):.1f} ms",
        )
    )
    return results

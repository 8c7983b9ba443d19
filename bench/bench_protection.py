"""Child protection on the large council: the children on plans, with each plan's next review, visit and core group.

The seeded council has few plans open today (the casework keeps an open referral's child in need plan open,
so a protection plan on it has ended, or began in the last weeks while the assessment goes on). A council of
this size has several hundred children on plans: the page is measured with that many, added inside a
transaction that is rolled back, and its queries counted before and after.
"""

import random
import statistics
import time
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.harness import Result
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.protection.models import (
    ChildProtectionPlan,
    CoreGroup,
    InitialConference,
    ReviewConference,
    Section47,
    StrategyChild,
    StrategyDiscussion,
    Visit,
)
from frontdoor.timescales.calendar import council_calendar

PAGE_LOADS = 60
PATH = "/protection/plans/"
ON_PLANS = 700  # children on plans in a council with 180,000 children (about 40 in 10,000)


class Rollback(Exception):
    """Raised to undo the plans added for the measurement, leaving the benchmark database as seeded."""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


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


def busiest_team_manager() -> User:
    """A manager of the team with the most children on plans, or any manager if none is on a plan."""
    teams = (
        ChildProtectionPlan.objects.filter(ended_on=None, referral__team__isnull=False)
        .values_list("referral__team_id")
        .annotate(plans=Count("id"))
        .order_by("-plans", "referral__team_id")
    )
    managers = User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk")
    for team, _ in teams:
        manager = managers.filter(team_id=team).first()
        if manager is not None:
            return manager
    manager = managers.first()  # a council seeded before protection: the plans are all added below
    assert manager is not None, "the large council has team managers"
    return manager


def add_plans(count: int) -> int:
    """Open plans, begun up to 18 months ago, with their reviews, core groups and visits, for children with none."""
    rng = random.Random(count)
    calendar = council_calendar()
    today = timezone.localdate()
    referrals = list(
        Referral.objects.filter(closed_on=None, is_nfa=False, worker__isnull=False)
        .exclude(id__in=ChildProtectionPlan.objects.filter(ended_on=None).values("referral_id"))
        .order_by("id")[:count]
    )
    workers = [referral.worker_id for referral in referrals if referral.worker_id is not None]
    assert len(workers) == len(referrals)
    worker_of = dict(zip((referral.pk for referral in referrals), workers, strict=True))
    starts = [calendar.next_working_day(today - timedelta(days=rng.randint(30, 540))) for _ in referrals]
    discussions = StrategyDiscussion.objects.bulk_create(
        StrategyDiscussion(
            held_at=timezone.make_aware(datetime.combine(start - timedelta(days=21), datetime.min.time())),
            information_shared="Concerns shared by the police, health and the school.",
            chaired_by_id=worker,
            recorded_by_id=worker,
        )
        for worker, start in zip(workers, starts, strict=True)
    )
    children = StrategyChild.objects.bulk_create(
        StrategyChild(discussion=d, referral=r, decision="s47_joint", rationale="Reasonable cause to suspect harm.")
        for d, r in zip(discussions, referrals, strict=True)
    )
    enquiries = Section47.objects.bulk_create(
        Section47(
            strategy_child=child,
            referral=child.referral,
            started_on=start - timedelta(days=21),
            conference_due_on=start,
            is_joint=True,
            outcome="continuing",
            completed_on=start,
        )
        for child, start in zip(children, starts, strict=True)
    )
    conferences = InitialConference.objects.bulk_create(
        InitialConference(
            section_47=enquiry,
            held_on=start,
            needs_plan=True,
            category="NEG",
            chaired_by="Jo Hart, child protection chair",
            recorded_by_id=worker_of[enquiry.referral_id],
        )
        for enquiry, start in zip(enquiries, starts, strict=True)
    )
    plans = ChildProtectionPlan.objects.bulk_create(
        ChildProtectionPlan(
            referral=conference.section_47.referral,
            conference=conference,
            started_on=conference.held_on,
            initial_category="NEG",
            latest_category="NEG",
        )
        for conference in conferences
    )
    reviews, groups, visits = [], [], []
    for plan in plans:
        worker = worker_of[plan.referral_id]
        day = plan.started_on + timedelta(days=90)
        while day < today:
            reviews.append(ReviewConference(plan=plan, held_on=day, category="NEG", recorded_by_id=worker))
            day += timedelta(days=180)
        day = plan.started_on + timedelta(days=10)
        while day < today:
            groups.append(CoreGroup(plan=plan, held_on=day, summary="Actions reviewed.", recorded_by_id=worker))
            day += timedelta(days=28)
        day = plan.started_on
        while day < today:
            visits.append(Visit(plan=plan, visited_on=day, child_seen=True, notes="Seen.", visited_by_id=worker))
            day += timedelta(days=12)
    ReviewConference.objects.bulk_create(reviews)
    CoreGroup.objects.bulk_create(groups)
    Visit.objects.bulk_create(visits)
    return len(plans)


def run() -> list[Result]:
    seeded = ChildProtectionPlan.objects.filter(ended_on=None).count()
    client = Client(HTTP_HOST="localhost")
    client.force_login(busiest_team_manager())
    load(client, PATH)
    seeded_times = [load(client, PATH) for _ in range(PAGE_LOADS // 3)]
    queries_before = queries_for(client, PATH)
    try:
        with transaction.atomic():
            added = add_plans(max(0, ON_PLANS - seeded))
            load(client, PATH)
            page_times = [load(client, PATH) for _ in range(PAGE_LOADS)]
            queries_after = queries_for(client, PATH)
            raise Rollback
    except Rollback:
        pass
    return [
        Result(
            f"children on plans page p95, {seeded + added} on plans ({added} added to the {seeded} seeded; "
            f"{PAGE_LOADS} loads)",
            percentile(page_times, 0.95),
            "ms",
            150,
            detail=f"p50 {statistics.median(page_times):.1f} ms; "
            f"{percentile(seeded_times, 0.95):.1f} ms p95 with the {seeded} seeded",
        ),
        Result(
            f"children on plans queries with {added} more plans, beyond {queries_before}",
            queries_after - queries_before,
            "queries",
            0,
        ),
    ]

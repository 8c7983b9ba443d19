"""The synthetic council's workforce: qualified dates, the history of every allocation, and a year of supervision.

About one social worker in seven qualified within the last year, so has the protected caseload limit. Every
referral the casework seed allocated has its allocation spell; about one in twenty moved to its current
worker from a colleague in the same team part way through, with a reason, as work does when someone leaves
or a caseload is rebalanced. Each social worker was supervised by their team manager on the council's standard
for the last year (or the council's history, if shorter), a few sessions late; each case session gave a direction
on one to three of the worker's open cases. Rows go in through contacts.seed.tools.Table, many at a time.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.contacts.seed.tools import Table
from frontdoor.seeding import SeedContext
from frontdoor.workforce.models import (
    Allocation,
    CaseDirection,
    DirectionAction,
    SupervisionPolicy,
    SupervisionSession,
    WorkerProfile,
)
from frontdoor.workforce.supervision import next_due

NEWLY_QUALIFIED_SHARE = 0.15
REALLOCATED_SHARE = 0.05
REASONS = (
    "The social worker left the council.",
    "Rebalanced caseloads in the team.",
    "The social worker went on long-term leave.",
    "Moved to a worker who knows the family from earlier work.",
)


def seed(context: SeedContext) -> None:
    rng, today = context.rng, context.today
    workers = list(
        User.objects.filter(role__in=(Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER), is_active=True).order_by("pk")
    )
    profiles = Table(WorkerProfile, ("user", "qualified_on"))
    qualified_on: dict[int, date] = {}
    for worker in workers:
        if worker.role == Role.SOCIAL_WORKER and rng.random() < NEWLY_QUALIFIED_SHARE:
            qualified = today - timedelta(days=rng.randint(20, 360))
        else:
            qualified = today - timedelta(days=rng.randint(400, 9000))
        profiles.add(worker.pk, qualified)
        qualified_on[worker.pk] = qualified
    profiles.flush()
    colleagues: dict[int | None, list[int]] = {}
    for worker in workers:
        colleagues.setdefault(worker.team_id, []).append(worker.pk)
    allocations = Table(Allocation, ("referral", "team", "worker", "started_at", "ended_at", "allocated_by", "reason"))
    zone = timezone.get_current_timezone()
    rows = Referral.objects.filter(team__isnull=False).order_by("pk")
    moved = 0
    for pk, team, holder, allocated, created, closed in rows.values_list(
        "pk", "team_id", "worker_id", "allocated_at", "created_at", "closed_on"
    ).iterator(chunk_size=5_000):
        started = timezone.localtime(allocated or created, zone).replace(tzinfo=None)
        ended = datetime.combine(closed, datetime.min.time()) + timedelta(hours=17) if closed else None
        ended = max(ended, started) if ended else None
        others = [c for c in colleagues.get(team, []) if c != holder]
        if holder is not None and others and rng.random() < REALLOCATED_SHARE:
            moved_at = started + (((ended or datetime.combine(today, datetime.min.time())) - started) / 2)
            allocations.add(pk, team, rng.choice(others), started, moved_at, None, "")
            allocations.add(pk, team, holder, moved_at, ended, None, rng.choice(REASONS))
            moved += 1
        else:
            allocations.add(pk, team, holder, started, ended, None, "")
        if len(allocations.rows) >= 5_000:
            allocations.flush()
    allocations.flush()
    sessions, given = supervise(context, workers, qualified_on)
    context.say(
        f"Workforce: {len(workers):,} social workers' qualified dates; allocations kept, {moved:,} moved once; "
        f"{sessions:,} supervision sessions with {given:,} case directions"
    )


def supervise(context: SeedContext, workers: list[User], qualified_on: dict[int, date]) -> tuple[int, int]:
    rng, today = context.rng, context.today
    policy = SupervisionPolicy.load()
    managers: dict[int | None, int] = dict(
        User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("-pk").values_list("team_id", "pk")
    )
    first = Referral.objects.order_by("referral_date").values_list("referral_date", flat=True).first() or today
    start = max(first, today - timedelta(days=365))
    cases: dict[int, list[tuple[int, int, date, date | None]]] = {}
    held = Referral.objects.filter(worker__in=workers, is_nfa=False).values_list(
        "worker_id", "pk", "person_id", "referral_date", "closed_on"
    )
    for holder, pk, person, opened, closed in held.iterator(chunk_size=5_000):
        cases.setdefault(holder, []).append((pk, person, opened, closed))
    sessions = Table(
        SupervisionSession, ("worker", "supervisor", "held_on", "minutes", "kind", "summary", "recorded_at"), ids=True
    )
    directions = Table(
        CaseDirection, ("person", "referral", "session", "direction", "given_by", "given_on", "recorded_at"), ids=True
    )
    actions = Table(DirectionAction, ("direction", "action", "owner", "due_on"))
    given = 0
    for worker in workers:
        supervisor = managers.get(worker.team_id)
        if supervisor is None:
            continue
        day = max(start, qualified_on[worker.pk]) + timedelta(days=rng.randint(0, 10))
        while day < today:
            day = weekday(day)
            kind = rng.choice(KINDS)
            recorded = datetime.combine(day, time(16, rng.randint(0, 59)))
            session = sessions.add(
                worker.pk, supervisor, day, rng.choice(MINUTES), kind, rng.choice(SUMMARIES[kind]), recorded
            )
            open_now = [c for c in cases.get(worker.pk, []) if c[2] <= day and (c[3] is None or c[3] > day)]
            if kind == SupervisionSession.Kind.CASE and open_now:
                for pk, person, _, _ in rng.sample(open_now, min(len(open_now), rng.randint(1, 3))):
                    made = directions.add(person, pk, session, rng.choice(DIRECTIONS), supervisor, day, recorded)
                    actions.add(
                        made, rng.choice(ACTIONS), worker.display_name[:150], day + timedelta(days=rng.randint(3, 20))
                    )
                    given += 1
            due = next_due(day, qualified_on[worker.pk], policy, today)
            day = due + timedelta(days=rng.choice(LATENESS))
    sessions.flush()
    directions.flush()
    actions.flush()
    sessions.reset_sequence()
    directions.reset_sequence()
    return sessions.count, given


def weekday(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


KINDS = (
    (SupervisionSession.Kind.CASE,) * 7 + (SupervisionSession.Kind.REFLECTIVE,) * 2 + (SupervisionSession.Kind.GROUP,)
)
MINUTES = (90, 90, 90, 100, 120)
LATENESS = (-4, -3, -2, -1, -1, 0, 0, 0, 2, 6)  # days either side of the due date: mostly on time
SUMMARIES = {
    SupervisionSession.Kind.CASE: (
        "Caseload review: each case's plan and what has changed since last time.",
        "Went through the open cases, with most time on the newest referrals.",
        "Case discussion, visits due and the assessments close to their timescale.",
    ),
    SupervisionSession.Kind.REFLECTIVE: (
        "Reflective session on a difficult home visit and what it brought up.",
        "Time to think about the impact of the work and the support available.",
    ),
    SupervisionSession.Kind.GROUP: ("Group supervision on the team's child protection cases.",),
}
DIRECTIONS = (
    "See the child alone at the next visit and record their words.",
    "Complete the assessment within timescale; discuss the analysis with me first.",
    "Convene a core group within the week and update the plan.",
    "Check with the school about attendance since the last review.",
    "Consider whether the threshold for a strategy discussion is now met.",
    "Update the chronology and share the plan with the family.",
)
ACTIONS = ("Home visit", "School visit", "Update the chronology", "Core group meeting", "Call the health visitor")

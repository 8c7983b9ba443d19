"""The synthetic council's workforce: when each social worker qualified, and the history of every allocation.

About one social worker in seven qualified within the last year, so has the protected caseload limit. Every
referral the casework seed allocated has its allocation spell; about one in twenty moved to its current
worker from a colleague in the same team part way through, with a reason, as work does when someone leaves
or a caseload is rebalanced. Rows go in through contacts.seed.tools.Table, many at a time.
"""

from datetime import datetime, timedelta

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.contacts.seed.tools import Table
from frontdoor.seeding import SeedContext
from frontdoor.workforce.models import Allocation, WorkerProfile

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
    for worker in workers:
        if worker.role == Role.SOCIAL_WORKER and rng.random() < NEWLY_QUALIFIED_SHARE:
            qualified = today - timedelta(days=rng.randint(20, 360))
        else:
            qualified = today - timedelta(days=rng.randint(400, 9000))
        profiles.add(worker.pk, qualified)
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
    context.say(f"Workforce: {len(workers):,} social workers' qualified dates; allocations kept, {moved:,} moved once")

"""When each worker is next due for supervision, under the council's standards, and who is overdue.

The interval follows the worker's status on the day of their last session: weekly in a newly qualified
worker's first weeks, fortnightly to six months, then monthly. A worker never supervised is due at once.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max, Min
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.timescales.clocks import add_months
from frontdoor.workforce.models import SupervisionAppointment, SupervisionPolicy, SupervisionSession, WorkerProfile


def next_due(last: date | None, qualified_on: date | None, policy: SupervisionPolicy, today: date) -> date:
    if last is None:
        return today
    if qualified_on is not None and last < qualified_on + timedelta(weeks=policy.newly_qualified_weekly_weeks):
        return last + timedelta(weeks=1)
    if qualified_on is not None and last < add_months(qualified_on, policy.newly_qualified_fortnightly_months):
        return last + timedelta(weeks=2)
    return add_months(last, policy.interval_months)


@dataclass
class SupervisionStatus:
    worker: User
    last: date | None
    due: date
    today: date
    booked: date | None = None  # the next session booked and not yet held

    @property
    def overdue_days(self) -> int:
        return max(0, (self.today - self.due).days)

    @property
    def is_overdue(self) -> bool:
        return self.today > self.due


def statuses(workers: list[User], *, today: date | None = None) -> list[SupervisionStatus]:
    """Each worker's last session, next due date and next booking, in four queries whatever their number."""
    today = today or timezone.localdate()
    policy = SupervisionPolicy.load()
    qualified = dict(WorkerProfile.objects.filter(user__in=workers).values_list("user_id", "qualified_on"))
    counted = SupervisionSession.objects.filter(worker__in=workers, minutes__gte=policy.minimum_minutes)
    last = dict(counted.values_list("worker_id").annotate(last=Max("held_on")).values_list("worker_id", "last"))
    pending = SupervisionAppointment.objects.filter(worker__in=workers, session__isnull=True, scheduled_for__gte=today)
    booked = dict(
        pending.values_list("worker_id").annotate(first=Min("scheduled_for")).values_list("worker_id", "first")
    )
    return [
        SupervisionStatus(
            worker,
            last.get(worker.pk),
            next_due(last.get(worker.pk), qualified.get(worker.pk), policy, today),
            today,
            booked.get(worker.pk),
        )
        for worker in workers
    ]


def compliance(found: list[SupervisionStatus]) -> int:
    """Per cent of workers supervised within their standard."""
    return round(100 * sum(not status.is_overdue for status in found) / len(found)) if found else 100

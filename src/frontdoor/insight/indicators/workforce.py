"""Indicators of the workforce, read as they stand today: caseloads and supervision."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from django.urls import reverse
from django.utils import timezone

from frontdoor.accounts.models import Team, User
from frontdoor.insight.indicators.base import CASEWORK
from frontdoor.workforce.caseloads import caseloads
from frontdoor.workforce.queries import CASE_HOLDERS
from frontdoor.workforce.supervision import compliance, statuses

GROUP = "Workforce"


@dataclass(frozen=True)
class WorkerLine:
    worker: User
    value: float
    text: str
    url: str


@dataclass(frozen=True)
class Standing:
    """An indicator as it stands today, worker by worker."""

    value: float | None
    text: str
    caption: str
    lines: list[WorkerLine]
    url: str

    def chart(self) -> dict[str, Any]:
        """Each worker's figure, the same numbers as the table."""
        return {
            "type": "bar",
            "labels": [line.worker.display_name for line in self.lines],
            "datasets": [{"label": self.caption, "data": [line.value for line in self.lines]}],
            "stacked": False,
            "unit": "",
        }


def case_holders(team: Team | None) -> list[User]:
    workers = User.objects.filter(is_active=True, role__in=CASE_HOLDERS).select_related("team")
    if team is not None:
        workers = workers.filter(team=team)
    return list(workers.order_by("last_name", "first_name", "pk"))


class Snapshot(ABC):
    slug: ClassVar[str]
    title: ClassVar[str]
    definition: ClassVar[str]
    column: ClassVar[str]
    group = GROUP
    team_kinds = CASEWORK

    @abstractmethod
    def standing(self, team: Team | None) -> Standing:
        """The figure today, and each worker behind it."""


class Caseloads(Snapshot):
    slug = "caseloads"
    title = "Caseloads"
    column = "Weighted cases"
    definition = (
        "Today's open cases held by each social worker and senior practitioner, weighted as the council's "
        "caseload policy sets (a child on a child protection plan counts more than an assessment). The figure is "
        "the average weighted caseload; the list shows each worker against their limit."
    )

    def standing(self, team: Team | None) -> Standing:
        loads = caseloads(case_holders(team))
        lines = [
            WorkerLine(
                load.worker,
                float(load.weighted),
                f"{load.weighted:g} of {load.limit:g} ({load.cases} cases){', over the limit' if load.is_over else ''}",
                reverse("workforce:worker", args=[load.worker.pk]),
            )
            for load in loads
        ]
        average = round(sum(line.value for line in lines) / len(lines), 1) if lines else 0
        url = reverse("workforce:team") + (f"?team={team.pk}" if team else "")
        return Standing(average, f"{average:g}", "average weighted caseload", lines, url)


class SupervisionCompliance(Snapshot):
    slug = "supervision"
    title = "Supervision up to date"
    column = "Days overdue"
    definition = (
        "Today, the share of social workers and senior practitioners whose last supervision session was within "
        "the council's standard (more often for newly qualified workers). Sessions shorter than the policy's "
        "minimum do not count."
    )

    def standing(self, team: Team | None) -> Standing:
        found = statuses(case_holders(team), today=timezone.localdate())
        lines = [
            WorkerLine(
                status.worker,
                status.overdue_days,
                f"Overdue by {status.overdue_days} days" if status.is_overdue else f"Next due {status.due:%d/%m/%Y}",
                reverse("workforce:worker", args=[status.worker.pk]),
            )
            for status in found
        ]
        value = compliance(found) if found else None
        url = reverse("workforce:supervision") + (f"?team={team.pk}" if team else "")
        if value is None:
            return Standing(None, "No data", "no social workers or senior practitioners", lines, url)
        return Standing(value, f"{value}%", "of workers up to date", lines, url)

"""What the returns pages read: recent builds, and what the census checks found, now and over time."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils import timezone

from frontdoor.returns.census.checks import message_of
from frontdoor.returns.census.periods import KNOWN_YEARS
from frontdoor.returns.models import Finding, ReturnBuild, ReturnKind

HISTORY_BUILDS = 6


def recent_builds(limit: int = 20) -> QuerySet[ReturnBuild]:
    return ReturnBuild.objects.select_related("requested_by")[:limit]


def current_census_year() -> int:
    """The collection whose reference date is the next 31 March (or today)."""
    today = timezone.localdate()
    year = today.year + 1 if today.month > 3 else today.year
    return min(max(year, KNOWN_YEARS[0]), KNOWN_YEARS[-1])


def census_builds(year: int) -> QuerySet[ReturnBuild]:
    return ReturnBuild.objects.filter(kind=ReturnKind.CIN_CENSUS, year=year, status=ReturnBuild.Status.DONE)


@dataclass
class RuleRow:
    rule: str
    severity: str
    message: str
    count: int
    history: list[int] = field(default_factory=list)  # oldest build first, the latest last


def rule_rows(latest: ReturnBuild, year: int) -> tuple[list[ReturnBuild], list[RuleRow]]:
    """Each rule that fired in the latest build or the ones before it, with its count in each."""
    builds = list(census_builds(year).filter(pk__lte=latest.pk).order_by("-pk")[:HISTORY_BUILDS])[::-1]
    counts = (
        Finding.objects.filter(build__in=builds).values_list("build_id", "rule", "severity").annotate(n=Count("id"))
    )
    table: dict[str, dict[int, int]] = {}
    severities: dict[str, str] = {}
    for build_id, rule, severity, n in counts:
        table.setdefault(rule, {})[build_id] = n
        severities[rule] = severity
    rows = [
        RuleRow(
            rule,
            severities[rule],
            message_of(rule),
            by_build.get(latest.pk, 0),
            [by_build.get(b.pk, 0) for b in builds],
        )
        for rule, by_build in table.items()
    ]
    rows.sort(key=lambda row: (row.severity != "error", -row.count, row.rule))
    return builds, rows


def findings_for(build: ReturnBuild, rule: str) -> QuerySet[Finding]:
    return build.findings.filter(rule=rule).select_related("person", "referral").order_by("la_child_id", "id")

"""Every write of the insight app: recounting the dashboards' daily summary (insight.models)."""

import time
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, transaction
from django.utils import timezone

from frontdoor.accounts.models import Team, User
from frontdoor.insight.indicators import INDICATORS
from frontdoor.insight.indicators.base import Indicator, Tally
from frontdoor.insight.models import DailyTally, SummaryRange
from frontdoor.insight.periods import Period
from frontdoor.records.services import record_event

# Days this recent are recounted every night and read live by the dashboards; older ones come from the summary.
# Records go on changing for a while after the day they count on: a decision waits for a manager's agreement,
# an assessment's referral closes as no further action, a call log arrives late, a contact's 1-working-day
# clock runs out. Sixty days covers the ordinary life of all of them with room to spare; a correction older
# than that shows after `frontdoor refresh_insight --all` (docs/insight.md).
RECOUNT_DAYS = 60
# Counted a year at a time, so five years of reviews or visits never sit in memory at once.
CHUNK_DAYS = 366
# Any number that other advisory locks in the database do not use: two refreshes must not interleave.
LOCK_KEY = 7_203_115


@dataclass(frozen=True)
class RefreshReport:
    first_day: date | None
    last_day: date
    counted: int
    rows: int
    seconds: float


def scopes_of(indicator: Indicator, teams: list[Team]) -> list[Team | None]:
    """The council, and each team whose dashboard shows the indicator where its figures differ by team."""
    if not indicator.team_field:
        return [None]
    return [None, *(team for team in teams if team.kind in indicator.team_kinds)]


@transaction.atomic
def refresh_summary(
    *, today: date, by: User | None = None, since: date | None = None, rebuild: bool = False
) -> RefreshReport:
    """Recount the dashboards' daily summary up to today, by the indicators' own counting.

    By default each indicator and team is recounted from the first day not yet settled (about the last
    RECOUNT_DAYS), or from its first record where the summary has nothing yet. `since` recounts from that
    day; `rebuild` recounts everything. Each range counted replaces what the summary held for it, in this
    one transaction, so a dashboard sees the old summary or the new, never half of each.
    """
    started = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
    teams = list(Team.objects.order_by("pk"))
    held = {(held.indicator, held.team_id): held for held in SummaryRange.objects.all()}
    settles = today - timedelta(days=RECOUNT_DAYS)
    earliest: date | None = today
    rows = counted = 0
    for indicator in INDICATORS:
        first_record = indicator.first_day()
        for scope in scopes_of(indicator, teams):
            known = held.get((indicator.slug, scope.pk if scope else None))
            start = since if since is not None else None if rebuild else _recount_from(known, settles)
            earliest = None if start is None or earliest is None else min(earliest, start)
            rows += _recount(indicator, scope, start=start, first_record=first_record, today=today)
            counted += 1
            _note_range(known, indicator, scope, start=start, settles=settles)
    report = RefreshReport(earliest, today, counted, rows, round(time.perf_counter() - started, 1))
    record_event(
        kind="insight.summary_refreshed",
        by=by,
        summary=f"Recounted the dashboards' daily summary from {_from_words(earliest)} to {today:%d/%m/%Y}: "
        f"{counted} indicator figures, {rows:,} days",
        data={
            "first_day": earliest.isoformat() if earliest else None,
            "last_day": today.isoformat(),
            "counted": counted,
            "rows": rows,
            "seconds": report.seconds,
        },
    )
    return report


def _recount_from(known: SummaryRange | None, settles: date) -> date | None:
    """The first day an ordinary refresh recounts; None: from the first record."""
    if known is None or known.first_day is not None:
        return None  # nothing yet, or only recent days: build it whole
    return min(known.settled_through + timedelta(days=1), settles)


def _recount(
    indicator: Indicator, scope: Team | None, *, start: date | None, first_record: date | None, today: date
) -> int:
    stale = DailyTally.objects.filter(indicator=indicator.slug, team=scope)
    (stale if start is None else stale.filter(day__gte=start)).delete()
    day = start if start is not None else first_record
    made: list[DailyTally] = []
    while day is not None and day <= today:
        chunk = Period(day, min(day + timedelta(days=CHUNK_DAYS - 1), today))
        made += _rows(indicator, scope, indicator.count(team=scope, days=chunk))
        day = chunk.end + timedelta(days=1)
    DailyTally.objects.bulk_create(made, batch_size=2000)
    return len(made)


def _rows(indicator: Indicator, scope: Team | None, tally: Tally) -> list[DailyTally]:
    return [
        DailyTally(
            indicator=indicator.slug,
            team=scope,
            day=day,
            split=split,
            hits=hits,
            total=total,
            values=tally.values.get((day, split), []),
        )
        for (day, split), (hits, total) in tally.counts.items()
    ]


def _note_range(
    known: SummaryRange | None, indicator: Indicator, scope: Team | None, *, start: date | None, settles: date
) -> None:
    """What the summary now holds: settled through `settles` only if every unsettled day was recounted."""
    now = timezone.now()
    if known is None:
        SummaryRange.objects.create(
            indicator=indicator.slug, team=scope, first_day=start, settled_through=settles, refreshed_at=now
        )
        return
    if start is None or start <= known.settled_through + timedelta(days=1):
        known.first_day = None if start is None or known.first_day is None else min(known.first_day, start)
        known.settled_through = settles
    # Otherwise days between the settled ones and `start` were last counted while they could still change:
    # they stay unsettled, and read live, until a refresh recounts them.
    known.refreshed_at = now
    known.save(update_fields=["first_day", "settled_through", "refreshed_at"])


def _from_words(day: date | None) -> str:
    return "the first record" if day is None else f"{day:%d/%m/%Y}"

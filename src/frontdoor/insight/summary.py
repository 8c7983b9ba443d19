"""Reading the daily summary: which days of a period it can answer for an indicator, and their counts.

The summary is written by insight.services.refresh_summary; see insight.models for why it exists.
"""

from typing import TYPE_CHECKING

from frontdoor.accounts.models import Team
from frontdoor.insight.models import DailyTally, SummaryRange
from frontdoor.insight.periods import Period

if TYPE_CHECKING:
    from frontdoor.insight.indicators.base import Tally


def settled_days(slug: str, *, scope: Team | None, days: Period) -> Period | None:
    """The days of the period the summary holds settled counts for; None: it holds none of them."""
    held = SummaryRange.objects.filter(indicator=slug, team=scope).values_list("first_day", "settled_through").first()
    if held is None:
        return None
    first_day, settled_through = held
    start, end = max(days.start, first_day or days.start), min(days.end, settled_through)
    return Period(start, end) if start <= end else None


def read_into(found: "Tally", slug: str, *, scope: Team | None, days: Period, with_values: bool) -> None:
    rows = DailyTally.objects.filter(indicator=slug, team=scope, day__gte=days.start, day__lte=days.end)
    if with_values:
        for day, split, hits, total, values in rows.values_list("day", "split", "hits", "total", "values"):
            found.add(day, split, hits=hits, total=total)
            found.values[(day, split)].extend(values)
    else:
        for day, split, hits, total in rows.values_list("day", "split", "hits", "total"):
            found.add(day, split, hits=hits, total=total)

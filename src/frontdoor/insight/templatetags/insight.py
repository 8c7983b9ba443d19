from datetime import date
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from frontdoor.accounts.models import Team
from frontdoor.insight.indicators.base import Figure, Indicator, Measure

register = template.Library()


@register.simple_tag
def records_url(
    indicator: Indicator, start: date, end: date, team: Team | None, split: str | None = None, met: str = ""
) -> str:
    """The list of records behind one figure: its period, its team, and its split or condition."""
    query: dict[str, str | int] = {}
    for part, day in (("start", start), ("end", end)):
        query |= {f"{part}_day": day.day, f"{part}_month": day.month, f"{part}_year": day.year}
    if team is not None:
        query["team"] = team.pk
    if split is not None:
        query["split"] = split
    if met:
        query["met"] = met
    return f"{reverse('insight:records', args=[indicator.slug])}?{urlencode(query)}"


@register.filter
def shown_as(figure: Figure, indicator: Indicator) -> str:
    """A figure as people read it: 82.5%, 1,204, 512.3 per 10,000, 31 days."""
    value = figure.value
    if value is None:
        return "No data" if figure.is_empty else "Not set"
    if indicator.measure == Measure.PERCENT:
        return f"{value:.1f}%"
    if indicator.measure == Measure.RATE:
        return f"{value:,.1f}"
    if indicator.measure == Measure.MEDIAN:
        return f"{value:g}"
    return f"{value:,.0f}"

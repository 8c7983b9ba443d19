"""The figures on a dashboard: each indicator for a period and a team, with its trend and its chart."""

from dataclasses import dataclass
from typing import Any

from frontdoor.accounts.models import Team
from frontdoor.insight.indicators import for_team
from frontdoor.insight.indicators.base import Figure, Indicator, Measure, Tally
from frontdoor.insight.indicators.workforce import Snapshot, Standing
from frontdoor.insight.periods import Bucket, Period


@dataclass(frozen=True)
class Point:
    bucket: Bucket
    label: str
    figure: Figure
    by_split: list[Figure]


@dataclass(frozen=True)
class Result:
    indicator: Indicator
    period: Period
    figure: Figure
    previous: Figure
    points: list[Point]
    # The splits seen in the period, as (code, label), and the period's figure for each.
    splits: list[tuple[str, str]]
    split_figures: list[Figure]

    @property
    def split_rows(self) -> list[tuple[str, str, Figure]]:
        return [(code, label, figure) for (code, label), figure in zip(self.splits, self.split_figures, strict=True)]

    def cells(self, point: Point) -> list[tuple[str, Figure]]:
        return [(code, figure) for (code, _), figure in zip(self.splits, point.by_split, strict=True)]

    @property
    def rows(self) -> list[tuple[Point, list[tuple[str, Figure]]]]:
        return [(point, self.cells(point)) for point in self.points]

    @property
    def change(self) -> float | None:
        if self.figure.value is None or self.previous.value is None:
            return None
        return round(self.figure.value - self.previous.value, 1)

    @property
    def direction(self) -> str:
        change = self.change
        if change is None:
            return "no comparison"
        return "up" if change > 0 else "down" if change < 0 else "no change"

    @property
    def is_better(self) -> bool | None:
        """Whether the change is for the better, where the indicator has a better direction."""
        change, better = self.change, self.indicator.higher_is_better
        if not change or better is None:
            return None
        return (change > 0) == better

    @property
    def stacked(self) -> bool:
        """Counts are charted by split; a percentage by split would not add up, so it is charted whole."""
        return self.indicator.measure == Measure.COUNT and bool(self.splits)

    def chart(self) -> dict[str, Any]:
        """What the chart draws: the same numbers as the table under it."""
        labels = [point.label for point in self.points]
        datasets: list[dict[str, Any]]
        if self.stacked:
            datasets = [
                {"label": label, "data": [point.by_split[index].value or 0 for point in self.points]}
                for index, (_, label) in enumerate(self.splits)
            ]
        else:
            datasets = [{"label": self.indicator.title, "data": [point.figure.value for point in self.points]}]
        kind = "line" if self.indicator.measure in (Measure.PERCENT, Measure.MEDIAN) else "bar"
        return {"type": kind, "labels": labels, "datasets": datasets, "stacked": self.stacked, "unit": unit_of(self)}


def unit_of(result: Result) -> str:
    return "%" if result.indicator.measure == Measure.PERCENT else ""


def result(indicator: Indicator, *, team: Team | None, period: Period) -> Result:
    """One indicator over the period and the period before, from one reading of its records."""
    previous = period.previous()
    tally = indicator.tally(team=team, days=Period(previous.start, period.end))
    seen = {split for (day, split) in tally.counts if period.covers(day)} if indicator.split_field else set()
    # In the order the indicator lists them (the census's order of sources), then any others.
    order = {code: n for n, code in enumerate(indicator.split_labels)}
    ordered = sorted(seen, key=lambda code: (order.get(code, len(order)), indicator.split_label(code)))
    splits = [(code, indicator.split_label(code)) for code in ordered]
    size = indicator.bucket_size(period)
    buckets = period.buckets(size)
    # Each bucket's own tally, so a year of weeks by a dozen sources is one pass over the counts.
    index = {
        bucket.start.toordinal() + offset: n
        for n, bucket in enumerate(buckets)
        for offset in range((bucket.end - bucket.start).days + 1)
    }
    per_bucket = [Tally() for _ in buckets]
    for (day, split), (hits, total) in tally.counts.items():
        n = index.get(day.toordinal())
        if n is not None:
            per_bucket[n].add(day, split, hits=hits, total=total)
            per_bucket[n].values[(day, split)] = tally.values.get((day, split), [])
            per_bucket[n].population = tally.population
    points = [
        Point(
            bucket,
            bucket.label(size),
            indicator.figure(own, bucket),
            [indicator.figure(own, bucket, code) for code, _ in splits],
        )
        for bucket, own in zip(buckets, per_bucket, strict=True)
    ]
    return Result(
        indicator=indicator,
        period=period,
        figure=indicator.figure(tally, period),
        previous=indicator.figure(tally, previous),
        points=points,
        splits=splits,
        split_figures=[indicator.figure(tally, period, code) for code, _ in splits],
    )


@dataclass(frozen=True)
class Dashboard:
    team: Team | None
    period: Period
    results: list[Result]
    standings: list[tuple[Snapshot, Standing]]

    @property
    def groups(self) -> list[tuple[str, list[Result]]]:
        found: dict[str, list[Result]] = {}
        for each in self.results:
            found.setdefault(each.indicator.group, []).append(each)
        return list(found.items())


def dashboard(*, team: Team | None, period: Period) -> Dashboard:
    indicators, snapshots = for_team(team)
    return Dashboard(
        team=team,
        period=period,
        results=[result(indicator, team=team, period=period) for indicator in indicators],
        standings=[(snapshot, snapshot.standing(team)) for snapshot in snapshots],
    )

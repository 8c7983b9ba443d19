"""How an indicator is counted: the records behind it, the day each counts on, and what it measures.

An indicator names its records (a queryset scoped to a team), the day each
record counts on, an optional split (source, kind…) and, for a percentage,
the condition a record meets. The figures come from one grouped query per
indicator covering the period and the period before it; indicators whose
condition needs the working-day calendar work the condition out per record
in `facts` instead. The list behind any figure is the same records, filtered
the same way, so a figure and its list always agree.
"""

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from statistics import median
from typing import Any, ClassVar, NamedTuple

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Min, Model, Q, QuerySet, Value
from django.db.models.functions import TruncDate
from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, Team
from frontdoor.insight import summary
from frontdoor.insight.periods import Bucket, BucketSize, Period
from frontdoor.people.models import Person

Kind = Team.Kind
FRONT_DOOR = frozenset({Kind.ACCESS})
CASEWORK = frozenset({Kind.ACCESS, Kind.LOCALITY, Kind.DISABILITIES})


class Measure(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    RATE = "rate"
    MEDIAN = "median"


class Fact(NamedTuple):
    """One record's part in an indicator, for indicators worked out record by record.

    A tuple, not a dataclass: a year of police notifications makes tens of thousands of them.
    """

    pk: int
    day: date
    split: str = ""
    hit: bool | None = None
    value: float | None = None


@dataclass
class Tally:
    """Records counted by day and split: [met, all] for each, and the values a median is taken of."""

    counts: dict[tuple[date, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    values: dict[tuple[date, str], list[float]] = field(default_factory=lambda: defaultdict(list))
    # Children aged under 18 in the council's area, for rates per 10,000.
    population: int | None = None

    def add(self, day: date, split: str, *, hits: int, total: int) -> None:
        counted = self.counts[(day, split)]
        counted[0] += hits
        counted[1] += total

    def within(self, days: Period | Bucket, split: str | None = None) -> tuple[int, int, list[float]]:
        hits = total = 0
        values: list[float] = []
        for (day, key), (met, count) in self.counts.items():
            if days.start <= day <= days.end and (split is None or key == split):
                hits += met
                total += count
                values.extend(self.values.get((day, key), ()))
        return hits, total, values

    def merge(self, other: "Tally") -> None:
        for (day, split), (hits, total) in other.counts.items():
            self.add(day, split, hits=hits, total=total)
        for key, values in other.values.items():
            self.values[key].extend(values)


@dataclass(frozen=True)
class Figure:
    hits: int
    total: int
    value: float | None

    @property
    def is_empty(self) -> bool:
        return self.total == 0


@dataclass(frozen=True)
class DrillRow:
    """One record behind a figure, as the list and its CSV show it."""

    day: date
    person: Person | None
    reference: str
    url: str
    detail: str
    met: bool | None


class Indicator(ABC):
    slug: ClassVar[str]
    title: ClassVar[str]
    group: ClassVar[str]
    definition: ClassVar[str]
    measure: ClassVar[Measure] = Measure.PERCENT
    higher_is_better: ClassVar[bool | None] = True
    # The teams whose dashboards show it; a council-wide dashboard shows every indicator.
    team_kinds: ClassVar[frozenset[str]] = CASEWORK
    # The path from the record to its team; empty: the indicator is the council's, whatever the team.
    team_field: ClassVar[str] = ""
    bucket: ClassVar[BucketSize | None] = None
    # The field holding the day a record counts on; a datetime is taken as its UK day.
    day_field: ClassVar[str]
    day_is_datetime: ClassVar[bool] = False
    # Where the day is a record's UK day kept beside its time: the time, so a day's records list in order.
    time_field: ClassVar[str] = ""
    split_field: ClassVar[str] = ""
    split_title: ClassVar[str] = ""
    split_labels: ClassVar[dict[str, str]] = {}
    # What a record must meet, for a percentage counted in SQL.
    condition: ClassVar[Q | None] = None
    counted: ClassVar[str] = "Records"
    met_label: ClassVar[str] = "Met"
    not_met_label: ClassVar[str] = "Not met"
    value_label: ClassVar[str] = ""
    # Which of the records' related rows the list shows.
    related: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def records(self) -> QuerySet[Any]:
        """Every record the indicator counts, before the period and the team are applied."""

    @abstractmethod
    def describe(self, record: Any) -> DrillRow:
        """One record as a line of the list behind a figure."""

    # Reading the records

    def scoped(self, team: Team | None) -> QuerySet[Any]:
        records = self.records()
        if team is not None and self.team_field:
            records = records.filter(**{self.team_field: team})
        return records

    def in_days(self, records: QuerySet[Any], days: Period | Bucket) -> QuerySet[Any]:
        if self.day_is_datetime:
            first, after = Period(days.start, days.end).bounds()
            return records.filter(**{f"{self.day_field}__gte": first, f"{self.day_field}__lt": after})
        return records.filter(**{f"{self.day_field}__gte": days.start, f"{self.day_field}__lte": days.end})

    def first_day(self) -> date | None:
        """The day the earliest record counts on; None: there are no records."""
        first = self.records().aggregate(first=Min(self.day_field))["first"]
        return timezone.localdate(first) if first is not None and self.day_is_datetime else first

    def facts(self, records: QuerySet[Any]) -> Iterable[Fact] | None:
        """Each record's part, for an indicator the database cannot count alone; None: count in SQL."""
        return None

    def tally(self, *, team: Team | None, days: Period) -> Tally:
        """The records counted by day: settled days from the daily summary where it holds them, the rest live.

        Either way the counts come from `count`, so the figures are the same; the summary only saves
        recounting years of records that no longer change (insight.models).
        """
        found = Tally()
        if self.measure == Measure.RATE:
            found.population = LocalAuthority.load().child_population
        scope = self.summary_scope(team)
        settled = summary.settled_days(self.slug, scope=scope, days=days)
        if settled is not None:
            summary.read_into(found, self.slug, scope=scope, days=settled, with_values=self.measure == Measure.MEDIAN)
        for part in days.without(settled):
            found.merge(self.count(team=team, days=part))
        return found

    def summary_scope(self, team: Team | None) -> Team | None:
        """The team the summary keeps this indicator's counts under: the council's, if every team's are the same."""
        return team if self.team_field else None

    def count(self, *, team: Team | None, days: Period) -> Tally:
        """Count the records live: one grouped query, or each record's facts where SQL cannot decide."""
        records = self.in_days(self.scoped(team), days)
        found = Tally()
        facts = self.facts(records)
        if facts is not None:
            for fact in facts:
                found.add(fact.day, fact.split, hits=int(bool(fact.hit)), total=1)
                if fact.value is not None:
                    found.values[(fact.day, fact.split)].append(fact.value)
            return found
        day = TruncDate(self.day_field) if self.day_is_datetime else F(self.day_field)
        split = self.split_expression() if self.split_field else Value("")
        grouped = records.order_by().values_list(day, split)
        # COUNT(*), and the day column for the hits: counting the primary key would make the database read
        # every row from the table even where an index holds all the query needs.
        met = Count(self.day_field, filter=self.condition) if self.condition is not None else Count("*")
        split_of, counts = self.split_of, found.counts
        for counted_on, value, total, hits in grouped.annotate(total=Count("*"), hits=met):
            # Each day and split comes once from GROUP BY, unless split_of puts several values in one split.
            counted = counts[(counted_on, split_of(value or ""))]
            counted[0] += hits
            counted[1] += total
        return found

    def split_expression(self) -> Any:
        return F(self.split_field)

    def split_of(self, value: str) -> str:
        """The split a value of the split expression counts under."""
        return value

    def split_filter(self, code: str) -> Q:
        return Q(**{self.split_field: code})

    def figure(self, tally: Tally, days: Period | Bucket, split: str | None = None) -> Figure:
        hits, total, values = tally.within(days, split)
        return Figure(hits, total, self.value_of(hits, total, values, tally.population))

    def value_of(self, hits: int, total: int, values: list[float], population: int | None) -> float | None:
        if self.measure == Measure.COUNT:
            return total
        if self.measure == Measure.MEDIAN:
            return median(values) if values else None
        if self.measure == Measure.RATE:
            return round(total * 10_000 / population, 1) if population else None
        return round(100 * hits / total, 1) if total else None

    def bucket_size(self, period: Period) -> BucketSize:
        return self.bucket or period.bucket_size()

    # The records behind a figure

    def for_list(self, records: QuerySet[Any]) -> QuerySet[Any]:
        """What the list of records needs beyond the records themselves."""
        return records

    def drill(
        self, *, team: Team | None, days: Period | Bucket, split: str | None = None, met: bool | None = None
    ) -> QuerySet[Any]:
        records = self.in_days(self.scoped(team), days)
        if split is not None and self.split_field:
            records = records.filter(self.split_filter(split))
        if met is not None:
            facts = self.facts(records)
            if facts is not None:
                records = records.filter(pk__in=[fact.pk for fact in facts if fact.hit is met])
            elif self.condition is not None:
                records = records.filter(self.condition) if met else records.exclude(self.condition)
        if self.condition is not None:
            records = records.annotate(met=ExpressionWrapper(self.condition, output_field=BooleanField()))
        if self.related:  # select_related() with no fields would follow every foreign key
            records = records.select_related(*self.related)
        records = self.for_list(records)
        return records.order_by(self.time_field or self.day_field, "pk")

    def rows(self, records: Iterable[Model]) -> list[DrillRow]:
        """A page of the list; `met` comes from the condition, or from the facts of just these records."""
        records = list(records)
        facts = self.facts(self.records().filter(pk__in=[record.pk for record in records]))
        if facts is not None:
            met = {fact.pk: fact.hit for fact in facts}
            for record in records:
                setattr(record, "met", met.get(record.pk))  # noqa: B010 - the list reads it as an annotation
        return [self.describe(record) for record in records]

    def split_label(self, code: str) -> str:
        return self.split_labels.get(code, code or "Not recorded")

    @property
    def splits_met(self) -> bool:
        return self.measure == Measure.PERCENT

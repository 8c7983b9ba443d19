from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.people.access import restricted_ids_visible_to
from frontdoor.people.models import Person
from frontdoor.people.queries import family_of
from frontdoor.records.chronology import CHRONOLOGY_KINDS, Category, category_of, kinds_in
from frontdoor.records.models import AccessLog, ChronologyEntry, Event, SignificanceMark


def events_for_auditor(*, kind_prefix: str = "") -> QuerySet[Event]:
    events = Event.objects.select_related("actor", "child")
    if kind_prefix:
        events = events.filter(kind__startswith=kind_prefix)
    return events


def event_kind_prefixes() -> list[str]:
    """The areas events come from ('council', 'closure_day', …), for the filter."""
    kinds = Event.objects.order_by().values_list("kind", flat=True).distinct()
    return sorted({kind.split(".")[0] for kind in kinds})


# Chronologies


@dataclass(frozen=True)
class ChronologyFilter:
    """What the reader asked to see. No categories means every category."""

    categories: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    significant_only: bool = False
    newest_first: bool = False

    def describe(self) -> list[str]:
        """The filters in words, for the printed chronology: a reader must know what was left out."""
        said = []
        if self.categories:
            said.append("Only " + ", ".join(Category(c).label.lower() for c in self.categories))
        if self.since and self.until:
            said.append(f"From {self.since:%-d %B %Y} to {self.until:%-d %B %Y}")
        elif self.since:
            said.append(f"From {self.since:%-d %B %Y}")
        elif self.until:
            said.append(f"Up to {self.until:%-d %B %Y}")
        if self.significant_only:
            said.append("Significant entries only")
        if self.newest_first:
            said.append("Newest first")
        return said


@dataclass
class ChronologyItem:
    source: str  # "event" or "entry"
    id: int
    child: Person
    category: Category
    occurred_on: date
    occurred_at: datetime | None  # events have a time; added entries only a day
    summary: str
    recorded_by: str
    told_by: str = ""  # an added entry's source
    mark: SignificanceMark | None = None

    @property
    def key(self) -> str:
        return f"{self.source}-{self.id}"


class Chronology:
    """The chronology of one or more children as a sequence a Paginator can slice.

    Events and added entries are two tables; a page is the merge of the first
    `stop` rows of each in date order, so a page costs the same few queries
    however long the chronology is.
    """

    def __init__(self, children: list[Person], filters: ChronologyFilter) -> None:
        self.children, self.filters = children, filters
        # A merged record's events still name it: they belong to the record it was merged into.
        self.owner = {child.pk: child for child in children}
        for merged in Person.objects.filter(merged_into__in=children).only("pk", "merged_into_id"):
            assert merged.merged_into_id is not None
            self.owner[merged.pk] = self.owner[merged.merged_into_id]

    def _events(self) -> QuerySet[Event]:
        f = self.filters
        kinds = kinds_in(f.categories) if f.categories else sorted(CHRONOLOGY_KINDS)
        events = Event.objects.filter(child_id__in=list(self.owner), kind__in=kinds)
        if f.since:
            events = events.filter(occurred_at__gte=start_of(f.since))
        if f.until:
            events = events.filter(occurred_at__lt=start_of(f.until + timedelta(days=1)))
        if f.significant_only:
            marked = SignificanceMark.objects.filter(unmarked_at=None, event__isnull=False)
            events = events.filter(pk__in=marked.values("event_id"))
        order = ["-occurred_at", "-id"] if f.newest_first else ["occurred_at", "id"]
        return events.order_by(*order)

    def _entries(self) -> QuerySet[ChronologyEntry]:
        f = self.filters
        if f.categories and Category.MANUAL not in f.categories:
            return ChronologyEntry.objects.none()
        entries = ChronologyEntry.objects.filter(child_id__in=list(self.owner))
        if f.since:
            entries = entries.filter(occurred_on__gte=f.since)
        if f.until:
            entries = entries.filter(occurred_on__lte=f.until)
        if f.significant_only:
            marked = SignificanceMark.objects.filter(unmarked_at=None, entry__isnull=False)
            entries = entries.filter(pk__in=marked.values("entry_id"))
        order = ["-occurred_on", "-id"] if f.newest_first else ["occurred_on", "id"]
        return entries.order_by(*order)

    def count(self) -> int:
        return self._events().count() + self._entries().count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[ChronologyItem]:
        assert isinstance(window, slice) and window.step is None
        start, stop = window.start or 0, window.stop
        assert stop is not None, "a chronology is read a page at a time"
        events = (
            self._events()
            .select_related("actor")
            .only(
                "id",
                "child_id",
                "kind",
                "occurred_at",
                "summary",
                "actor__first_name",
                "actor__last_name",
                "actor__username",
            )[:stop]
        )
        entries = self._entries().select_related("recorded_by")[:stop]
        items = [self._from_event(e) for e in events] + [self._from_entry(e) for e in entries]
        # Added entries have no time of day: they sort at the start of their day.
        items.sort(key=self._sort_key, reverse=self.filters.newest_first)
        page = items[start:stop]
        self._attach_marks(page)
        return page

    def item(self, *, event: Event | None = None, entry: ChronologyEntry | None = None) -> ChronologyItem:
        """One event or added entry as the chronology shows it, with its mark."""
        if event is not None:
            found = self._from_event(Event.objects.select_related("actor").get(pk=event.pk))
        else:
            assert entry is not None
            found = self._from_entry(ChronologyEntry.objects.select_related("recorded_by").get(pk=entry.pk))
        self._attach_marks([found])
        return found

    @staticmethod
    def _sort_key(item: ChronologyItem) -> tuple[datetime, int, int]:
        at = item.occurred_at or start_of(item.occurred_on)
        return (at, 0 if item.source == "entry" else 1, item.id)

    def _from_event(self, event: Event) -> ChronologyItem:
        assert event.child_id is not None
        at = timezone.localtime(event.occurred_at)
        return ChronologyItem(
            source="event",
            id=event.pk,
            child=self.owner[event.child_id],
            category=category_of(event.kind),
            occurred_on=at.date(),
            occurred_at=at,
            summary=event.summary,
            recorded_by=event.actor.display_name if event.actor else "Front Door",
        )

    def _from_entry(self, entry: ChronologyEntry) -> ChronologyItem:
        return ChronologyItem(
            source="entry",
            id=entry.pk,
            child=self.owner[entry.child_id],
            category=Category.MANUAL,
            occurred_on=entry.occurred_on,
            occurred_at=None,
            summary=entry.what_happened,
            recorded_by=entry.recorded_by.display_name,
            told_by=entry.source,
        )

    @staticmethod
    def _attach_marks(items: list[ChronologyItem]) -> None:
        event_ids = [i.id for i in items if i.source == "event"]
        entry_ids = [i.id for i in items if i.source == "entry"]
        if not items:
            return
        marks = SignificanceMark.objects.filter(
            Q(event_id__in=event_ids) | Q(entry_id__in=entry_ids), unmarked_at=None
        ).select_related("marked_by")
        by_key = {f"event-{m.event_id}" if m.event_id else f"entry-{m.entry_id}": m for m in marks}
        for item in items:
            item.mark = by_key.get(item.key)


def start_of(day: date) -> datetime:
    """Midnight at the start of the day, in the council's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass
class SiblingView:
    children: list[Person]
    hidden: int  # brothers and sisters left out because the reader may not see their records


def siblings_visible_to(user: User, person: Person) -> SiblingView:
    """The child and their brothers and sisters the user may see; the others are counted, never named."""
    siblings = [member.person for member in family_of(person).siblings if member.person.merged_into_id is None]
    restricted = [s.pk for s in siblings if s.is_restricted]
    granted = restricted_ids_visible_to(user, restricted)
    visible = [s for s in siblings if not s.is_restricted or s.pk in granted]
    return SiblingView(children=[person, *visible], hidden=len(siblings) - len(visible))


# The access log


@dataclass(frozen=True)
class AccessLogFilter:
    """The days asked for, both ends included; none means the whole log."""

    since: date | None = None
    until: date | None = None

    def describe(self) -> str:
        if self.since and self.until:
            return f"from {self.since:%-d %B %Y} to {self.until:%-d %B %Y}"
        if self.since:
            return f"from {self.since:%-d %B %Y}"
        if self.until:
            return f"up to {self.until:%-d %B %Y}"
        return "all dates"


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def access_log(
    *, child: Person | None = None, user: User | None = None, filters: AccessLogFilter | None = None
) -> QuerySet[AccessLog]:
    """Reads of children's records, newest first: of one child (and the records merged into them), or by one user."""
    rows = AccessLog.objects.select_related("user", "child")
    if child is not None:
        rows = rows.filter(child__in=[child.pk, *child.merged_people.values_list("pk", flat=True)])
    if user is not None:
        rows = rows.filter(user=user)
    filters = filters or AccessLogFilter()
    if filters.since:
        rows = rows.filter(at__gte=_start_of(filters.since))
    if filters.until:
        # Up to midnight at the end of the day, in the council's time zone (a clock change makes it 23 or 25 hours).
        rows = rows.filter(at__lt=_start_of(filters.until + timedelta(days=1)))
    return rows.order_by("-at", "-id")

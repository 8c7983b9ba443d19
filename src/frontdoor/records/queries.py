from django.db.models import QuerySet

from frontdoor.records.models import Event


def events_for_auditor(*, kind_prefix: str = "") -> QuerySet[Event]:
    events = Event.objects.select_related("actor", "child")
    if kind_prefix:
        events = events.filter(kind__startswith=kind_prefix)
    return events


def event_kind_prefixes() -> list[str]:
    """The areas events come from ('council', 'closure_day', …), for the filter."""
    kinds = Event.objects.order_by().values_list("kind", flat=True).distinct()
    return sorted({kind.split(".")[0] for kind in kinds})

from frontdoor.records.models import Event


def last_app_seed_event() -> int:
    """The ID of the last app seed's summary event: the history step writes every record's events after it."""
    last = Event.objects.filter(kind__startswith="seed.").exclude(kind="seed.history").order_by("-pk").first()
    assert last is not None
    return last.pk

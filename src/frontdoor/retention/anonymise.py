"""Taking the personal data out of one person's record, for good.

Called only by services.anonymise_person, after a manager has confirmed the
review. What stays is what the statutory returns count: the person row (sex,
ethnicity, year of birth), their referrals, assessments, plans and their
dates and codes, and the events with their kinds and times. What goes:

- names, identifiers, contact details, other names; dates of birth (and
  expected dates, and dates of death) kept to the year, as 1 January;
- addresses: a home only they lived at is blanked; a shared one is left to
  the others who lived there and the person's residence moves to a blank one;
- free text in rows about them alone (their assessments, warnings,
  chronology entries…) replaced with "[Anonymised]"; names in those rows'
  short fields and in rows about them and others (a contact about siblings,
  a strategy discussion) replaced with "[name removed]";
- the event log: their events keep kind and time but lose summary and data;
  other events that name them lose the name;
- finally a sweep of every text column of every Front Door table for their
  full name, so nothing written anywhere else keeps it.
"""

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q

from frontdoor.people.models import Address, Identifier, OtherName, Person, Residence
from frontdoor.people.search_index import reindex_person
from frontdoor.records.models import AccessLog, Event
from frontdoor.retention.graph import LinkedRecords, linked_records

REMOVED_TEXT = "[Anonymised]"
REMOVED_NAME = "[name removed]"
# Short words that are also ordinary English would be cut out of other people's sentences.
SHORTEST_NAME = 3


def to_year(day: date | None) -> date | None:
    return date(day.year, 1, 1) if day else None


def names_of(person: Person) -> tuple[list[str], list[str]]:
    """(full names, single names) of the person, longest first, as they may be written."""
    others = list(OtherName.objects.filter(person=person).values_list("first_name", "last_name"))
    firsts = {person.first_name, *(first for first, _ in others if first)}
    lasts = {person.last_name, *(last for _, last in others if last)}
    full = {f"{first} {last}" for first in firsts for last in lasts}
    full |= {f"{last}, {first}" for first in firsts for last in lasts}
    if person.middle_names:
        full.add(person.full_name)
    singles = {*firsts, *lasts, *person.middle_names.split()}
    return _longest_first(full), _longest_first(singles)


def _longest_first(words: Iterable[str]) -> list[str]:
    # Longest first, so "Anna Marie" is replaced whole before "Anna" alone.
    return sorted({w.strip() for w in words if len(w.strip()) >= SHORTEST_NAME}, key=len, reverse=True)


def _pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _scrub(value: Any, pattern: re.Pattern[str]) -> Any:
    """The value with every match replaced, through lists and dicts for JSON."""
    if isinstance(value, str):
        return pattern.sub(REMOVED_NAME, value)
    if isinstance(value, list):
        return [_scrub(item, pattern) for item in value]
    if isinstance(value, dict):
        return {key: _scrub(item, pattern) for key, item in value.items()}
    return value


def _text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField | models.JSONField)
        and not f.choices
        and not f.primary_key
        and f.name != "version"
    ]


def _fit(field: models.Field, value: Any) -> Any:
    if isinstance(value, str) and isinstance(field, models.CharField) and field.max_length:
        return value[: field.max_length]
    return value


def anonymise_record(person: Person) -> dict[str, int]:
    """Anonymise the person and everything linked to them; returns counts of what changed, for the event."""
    # Records merged into this one are the same person under another spelling: they go too.
    records = [person, *Person.objects.filter(merged_into=person)]
    full_names: list[str] = []
    single_names: list[str] = []
    for record in records:
        full, single = names_of(record)
        full_names, single_names = _longest_first([*full_names, *full]), _longest_first([*single_names, *single])
    everywhere = _pattern(full_names)
    # A date of birth written out (a merge's before-image, a note) identifies as surely as a name.
    births = {r.date_of_birth for r in records if r.date_of_birth}
    birth_dates = [form for born in births for form in (born.isoformat(), f"{born:%-d %B %Y}", f"{born:%d/%m/%Y}")]
    in_their_rows = _pattern([*full_names, *single_names, *birth_dates])
    found = linked_records(person)
    counts = {"own_rows": 0, "shared_rows": 0, "events": 0, "other_rows": 0}

    for row in found.rows("own"):
        counts["own_rows"] += _anonymise_own_row(row, in_their_rows)
    surnames = {part for r in records for part in r.last_name.split()}
    first_names = _pattern([n for n in single_names if n not in surnames] + full_names)
    for row in found.rows("shared"):
        counts["shared_rows"] += _replace_in_row(row, first_names)
    counts["events"] = _anonymise_events(person, found, first_names)
    for record in records:
        _anonymise_addresses(record)
        Identifier.objects.filter(person=record).update(value=REMOVED_TEXT, issuer="")
        OtherName.objects.filter(person=record).update(first_name="", last_name="")
        _anonymise_person(record)
    if everywhere is not None:
        counts["other_rows"] = _sweep(everywhere, full_names)
    for record in records:
        reindex_person(record)
    return counts


def _anonymise_person(person: Person) -> None:
    person.first_name, person.middle_names, person.last_name = "Anonymised", "", f"record {person.pk}"
    person.date_of_birth = to_year(person.date_of_birth)
    person.expected_date_of_birth = to_year(person.expected_date_of_birth)
    person.date_of_death = to_year(person.date_of_death)
    for name in ("nhs_number", "upn", "former_upn", "la_child_id", "phone", "email", "first_language", "religion"):
        setattr(person, name, "")
    person.version += 1
    person.save()


def _anonymise_own_row(row: models.Model, pattern: re.Pattern[str] | None) -> int:
    changed = []
    for f in _text_fields(type(row)):
        value = getattr(row, f.attname)
        if not value:
            continue
        if isinstance(f, models.TextField):
            new = REMOVED_TEXT
        elif pattern is not None:
            new = _fit(f, _scrub(value, pattern))
        else:
            continue
        if new != value:
            setattr(row, f.attname, new)
            changed.append(f.attname)
    for f in type(row)._meta.concrete_fields:
        if isinstance(f, models.DateField) and f.name == "date_of_birth" and getattr(row, f.attname):
            setattr(row, f.attname, to_year(getattr(row, f.attname)))
            changed.append(f.attname)
        if f.name == "postcode" and getattr(row, f.attname):
            setattr(row, f.attname, "")
            changed.append(f.attname)
    if changed:
        # A plain update: the rows' own save() and services would refuse or re-validate history.
        type(row)._default_manager.filter(pk=row.pk).update(**{name: getattr(row, name) for name in changed})
    return 1 if changed else 0


def _replace_in_row(row: models.Model, pattern: re.Pattern[str] | None) -> int:
    if pattern is None:
        return 0
    changed = {}
    for f in _text_fields(type(row)):
        value = getattr(row, f.attname)
        new = _fit(f, _scrub(value, pattern)) if value else value
        if new != value:
            changed[f.attname] = new
    if changed:
        type(row)._default_manager.filter(pk=row.pk).update(**changed)
    return 1 if changed else 0


def _anonymise_addresses(person: Person) -> None:
    for residence in Residence.objects.filter(person=person).select_related("address"):
        address = residence.address
        shared = Residence.objects.filter(address=address).exclude(person=person).exists()
        if shared:
            residence.address = Address.objects.create(line_1=REMOVED_TEXT, town="", postcode="")
            residence.save(update_fields=["address"])
        else:
            Address.objects.filter(pk=address.pk).update(line_1=REMOVED_TEXT, line_2="", town="", postcode="")


def _anonymise_events(person: Person, found: LinkedRecords, pattern: re.Pattern[str] | None) -> int:
    owners = [person.pk, *person.merged_people.values_list("pk", flat=True)]
    count = Event.objects.filter(child_id__in=owners).anonymise(summary=REMOVED_TEXT, data={})
    # Events about other records that name the person: a sibling's contact, a merge, a relationship.
    ids_by_type: dict[str, list[str]] = {}
    for row in found.rows():
        ids_by_type.setdefault(row._meta.label, []).append(str(row.pk))
    records = Q()
    for label, ids in ids_by_type.items():
        records |= Q(record_type=label, record_id__in=ids)
    candidates = Event.objects.filter(anonymised_at__isnull=True).exclude(child_id__in=owners)
    if pattern is not None and records:
        count += _scrub_events(candidates.filter(records), pattern)
    return count


def _scrub_events(events: models.QuerySet[Event], pattern: re.Pattern[str]) -> int:
    count = 0
    for event in events.only("pk", "summary", "data"):
        summary, data = _scrub(event.summary, pattern), _scrub(event.data, pattern)
        if (summary, data) != (event.summary, event.data):
            count += Event.objects.filter(pk=event.pk).anonymise(summary=summary[:300], data=data)
    return count


def _sweep(pattern: re.Pattern[str], full_names: list[str]) -> int:
    """Every text column of every Front Door table, for the full name written anywhere else."""
    count = 0
    for model in apps.get_models():
        if not model.__module__.startswith("frontdoor.") or model is AccessLog:
            continue
        if model._meta.app_label == "accounts":
            continue  # staff accounts keep their own names, even one shared with a child
        query = Q()
        for f in _text_fields(model):
            for name in full_names:
                query |= Q(**{f"{f.name}__icontains": name})
        if not query:
            continue
        if model is Event:
            count += _scrub_events(Event.objects.filter(query, anonymised_at__isnull=True), pattern)
            continue
        for row in model._default_manager.filter(query):
            count += _replace_in_row(row, pattern)
    return count

"""The subject access export: one person's whole record as a zip for the officer handling the request.

The zip holds `record.html` (readable, printable, one section per kind of
record), `record.json` (the same rows as data) and `README.txt`. Other
people's details are not removed but marked, `<mark class="redact">`, so the
officer decides what to withhold (third-party data, DPA 2018 Sch 2 Part 3;
domain.md §13.2). Staff and other professionals acting in their role are not
marked: their names are normally disclosed.
"""

import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from frontdoor.people.models import Person
from frontdoor.records.models import Event
from frontdoor.retention.graph import linked_records

if TYPE_CHECKING:
    from frontdoor.accounts.models import User

# Fields that hold someone else's details wherever they appear.
THIRD_PARTY_FIELDS = {"referrer_name", "referrer_phone", "consent_given_by"}
# Bookkeeping that means nothing to the person reading their record.
SKIPPED_FIELDS = {"version", "idempotency_key", "suggestions", "key_hash"}
SHORTEST_NAME = 3


@dataclass(frozen=True)
class Export:
    content: bytes
    record_count: int
    marked: int


@dataclass
class Marker:
    """Wraps other people's names in <mark class="redact">, counting how many it marked."""

    pattern: re.Pattern[str] | None
    marked: int = 0

    def mark_all(self, value: str) -> SafeString:
        if not value:
            return SafeString("")
        self.marked += 1
        return format_html('<mark class="redact">{}</mark>', value)

    def mark_names(self, value: str) -> SafeString:
        # The text is escaped before the marks go in, and the names matched are escaped the same way.
        text = str(escape(value))
        if self.pattern is not None:
            text, count = self.pattern.subn(r'<mark class="redact">\1</mark>', text)
            self.marked += count
        return mark_safe(text)  # noqa: S308


def _third_party_names(person: Person, others: list[Person], extra: list[tuple[str, str]]) -> re.Pattern[str] | None:
    own = {n.lower() for n in (person.first_name, person.last_name, *person.middle_names.split())}
    names: set[str] = set()
    for first, last in [(p.first_name, p.last_name) for p in others] + extra:
        names.add(f"{first} {last}".strip())
        names |= {n for n in (first, last) if n.lower() not in own}
    words = sorted((str(escape(n)) for n in names if len(n) >= SHORTEST_NAME), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _plain(row: models.Model, f: models.Field) -> Any:
    value = getattr(row, f.attname)
    if value is None or value == "":
        return ""
    if f.choices:
        return getattr(row, f"get_{f.name}_display")()
    if isinstance(f, models.ForeignKey):
        return str(getattr(row, f.name))
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%-d %B %Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(f, models.JSONField):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _is_someone_else(row: models.Model, person_ids: set[int]) -> bool:
    """A row about another person: a sibling's line on a shared contact, an adult on a police notification."""
    links = [
        getattr(row, f.attname)
        for f in row._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.related_model is Person
    ]
    return bool(links) and not any(link in person_ids for link in links if link is not None)


def _describe(row: models.Model, marker: Marker, about_someone_else: bool) -> tuple[list[tuple[str, Any]], dict]:
    fields, data = [], {}
    for f in row._meta.concrete_fields:
        if f.name in SKIPPED_FIELDS:
            continue
        value = _plain(row, f)
        data[f.name] = value
        if value == "":
            continue
        label = str(f.verbose_name)
        label = label[0].upper() + label[1:]
        if about_someone_else or f.name in THIRD_PARTY_FIELDS:
            fields.append((label, marker.mark_all(value)))
        else:
            fields.append((label, marker.mark_names(value)))
    return fields, data


def build_export(person: Person, *, by: "User") -> Export:
    found = linked_records(person)
    others = found.other_people()
    person_ids = {person.pk, *person.merged_people.values_list("pk", flat=True)}
    # People the police named whom nobody has matched to a record: their names are on the row only.
    unmatched = [
        (str(getattr(row, "first_name", "")), str(getattr(row, "last_name", "")))
        for row in found.rows()
        if row._meta.label == "partners.NotificationPerson" and getattr(row, "person_id", None) not in person_ids
    ]
    marker = Marker(_third_party_names(person, others, unmatched))
    sections: list[dict[str, Any]] = []
    data: dict[str, list[dict[str, Any]]] = {}
    count = 0
    for title, group in (("About them", found.own), ("Shared with other people", found.shared)):
        for model in sorted(group, key=lambda m: str(m._meta.verbose_name_plural)):
            rows = sorted(group[model].values(), key=lambda r: r.pk)
            described = [_describe(r, marker, title != "About them" and _is_someone_else(r, person_ids)) for r in rows]
            count += len(rows)
            sections.append(
                {
                    "group": title,
                    "title": str(model._meta.verbose_name_plural).capitalize(),
                    "rows": [fields for fields, _ in described],
                }
            )
            data.setdefault(model._meta.label, []).extend(values for _, values in described)
    events = Event.objects.filter(child_id__in=person_ids).select_related("actor").order_by("occurred_at", "id")
    chronology = [
        {
            "at": _plain(e, Event._meta.get_field("occurred_at")),
            "by": e.actor.display_name if e.actor else "System",
            "what": marker.mark_names(e.summary),
        }
        for e in events
    ]
    person_fields, person_data = _describe(person, marker, False)
    context = {
        "person": person,
        "person_fields": person_fields,
        "sections": sections,
        "chronology": chronology,
        "exported_by": by,
        "exported_at": timezone.localtime(),
    }
    html = render_to_string("retention/subject_access_export.html", context)
    payload = {
        "person": person_data,
        "records": data,
        "chronology": [
            {"at": c["at"], "by": c["by"], "what": e.summary} for c, e in zip(chronology, events, strict=True)
        ],
        "third_party_names_marked_in_html": marker.marked,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("record.html", html)
        archive.writestr("record.json", json.dumps(payload, indent=2, ensure_ascii=False))
        archive.writestr("README.txt", README.format(name=person.full_name, by=by.display_name))
    return Export(content=buffer.getvalue(), record_count=count + len(chronology), marked=marker.marked)


README = """Subject access export: {name}
Prepared by {by}.

record.html  the whole record, to read and print. Other people's details are
             highlighted (<mark class="redact">): review each before disclosure
             and redact what the law allows you to withhold.
record.json  the same records as data.

Check the exemptions before anything is disclosed: third-party data, the serious
harm test for social work data, and court records (DPA 2018 Schedules 2 and 3).
"""

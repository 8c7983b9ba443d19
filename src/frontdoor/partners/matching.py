"""Suggesting who the people on a batch of police notifications are, from the people index, in a few queries.

A day's notifications name hundreds of people. Searching for each one would cost several queries a person,
so a few hundred names and dates of birth are looked up together and each person is scored in memory with
the people search's own scoring. A person is compared only with records born on a date theirs may stand for
and sharing their surname's sound or their first name's group, as the people search does, so their
suggestions are the same whoever else is in the file. Suggestions only: a person confirms every match.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection, models

from frontdoor.people.matching import Candidate, PartialDate, first_name_group, score_search, sound_key
from frontdoor.people.models import PersonName
from frontdoor.people.search import date_variants

SUGGEST_FROM = 0.75  # the score from which a record is worth showing as a likely match
MOST_SUGGESTIONS = 3
# People per look-up: small enough that their birthdays and name keys pick out few records each time.
PEOPLE_PER_LOOKUP = 250


@dataclass(frozen=True)
class Named:
    first_name: str
    last_name: str
    date_of_birth: PartialDate


@dataclass
class Indexed:
    """A record in the people index, with the keys its names are looked up by."""

    candidate: Candidate
    last_keys: set[str] = field(default_factory=set)
    first_groups: set[str] = field(default_factory=set)


def suggest(people: Sequence[Named]) -> list[list[dict[str, object]]]:
    """For each person, the likeliest records in the index, best first, as stored on the notification."""
    suggestions: list[list[dict[str, object]]] = []
    for start in range(0, len(people), PEOPLE_PER_LOOKUP):
        batch = people[start : start + PEOPLE_PER_LOOKUP]
        by_birthday = _indexed(batch)
        suggestions.extend(_suggest_one(named, by_birthday) for named in batch)
    return suggestions


def _suggest_one(named: Named, by_birthday: dict[date, list[Indexed]]) -> list[dict[str, object]]:
    last, first = sound_key(named.last_name), first_name_group(named.first_name)
    scored = [
        score_search(candidate=found.candidate, first=named.first_name, last=named.last_name, dob=named.date_of_birth)
        for born in date_variants(named.date_of_birth)
        for found in by_birthday.get(born, ())
        if (last and last in found.last_keys) or (first and first in found.first_groups)
    ]
    best = sorted((m for m in scored if m.score >= SUGGEST_FROM), key=lambda m: (-m.score, m.person_id))
    return [{"person": m.person_id, "score": m.score, "reasons": list(m.reasons)} for m in best[:MOST_SUGGESTIONS]]


def _indexed(people: Sequence[Named]) -> dict[date, list[Indexed]]:
    """Records born on a date one of the people may have been born on, with a name like theirs.

    Each person's (name key, birthday) pairs are looked up together, so a common first name in one row and
    a common birthday in another do not bring back everyone with either.
    """
    by_last: dict[str, set[date]] = {}
    by_first: dict[str, set[date]] = {}
    for named in people:
        days = date_variants(named.date_of_birth)
        if not days:
            continue
        if last := sound_key(named.last_name):
            by_last.setdefault(last, set()).update(days)
        if first := first_name_group(named.first_name):
            by_first.setdefault(first, set()).update(days)
    found: dict[int, Indexed] = {}
    # Two look-ups, each a set of (key, birthday) seeks on its index: by surname (a changed first name)
    # and by first name (a changed surname).
    for field_name, wanted in (("last_key", by_last), ("first_group", by_first)):
        if not wanted:
            continue
        for pid, first, last, is_other, day, last_key, first_group in _pair_rows(field_name, wanted):
            indexed = found.setdefault(pid, Indexed(Candidate(pid, [], day)))
            if (first, last, is_other) not in indexed.candidate.names:
                indexed.candidate.names.append((first, last, is_other))
            indexed.last_keys.add(last_key)
            indexed.first_groups.add(first_group)
    by_birthday: dict[date, list[Indexed]] = {}
    for indexed in found.values():
        if indexed.candidate.date_of_birth is not None:
            by_birthday.setdefault(indexed.candidate.date_of_birth, []).append(indexed)
    return by_birthday


COLUMNS = ("person", "first", "last", "is_other_name", "born", "last_key", "first_group")


def _column(name: str) -> str:
    field = PersonName._meta.get_field(name)
    assert isinstance(field, models.Field) and field.column
    return connection.ops.quote_name(field.column)


def _pair_rows(key_column: str, wanted: dict[str, set[date]]) -> list[tuple[Any, ...]]:
    """PersonName rows matching any (key, one of its birthdays) pair.

    Written as SQL because the ORM spends longer building a query of a few hundred OR'd pairs than the
    database spends answering it; the columns are the model's own and every value is a parameter.
    """
    column, born = _column(key_column), _column("born")
    table = connection.ops.quote_name(PersonName._meta.db_table)
    selected = ", ".join(f"n.{_column(name)}" for name in COLUMNS)
    if connection.vendor == "postgresql":
        # Two array parameters joined as a table: PostgreSQL seeks the (key, born) index once a pair, and
        # the driver does not have to parse a query with thousands of placeholders.
        pairs = [(key, day) for key, days in wanted.items() for day in sorted(days)]
        sql = (
            f"SELECT {selected} FROM {table} n JOIN unnest(%s::text[], %s::date[]) AS w(key, born)"  # noqa: S608
            f" ON n.{column} = w.key AND n.{born} = w.born"
        )
        params: list[Any] = [[key for key, _ in pairs], [day for _, day in pairs]]
    else:
        conditions: list[str] = []
        params = []
        for key, days in wanted.items():
            conditions.append(f"(n.{column} = %s AND n.{born} IN ({', '.join(['%s'] * len(days))}))")
            params += [key, *sorted(days)]
        sql = f"SELECT {selected} FROM {table} n WHERE {' OR '.join(conditions)}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # SQLite hands dates back as text; PostgreSQL as dates.
    return [(*row[:4], _as_date(row[4]), *row[5:]) for row in rows]


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value

"""Suggesting who the people on a batch of police notifications are, from the people index, in a few queries.

A day's notifications name hundreds of people. Searching for each one would cost several queries a person,
so hundreds of names and dates of birth are looked up together and each person is scored in memory with the
people search's own scoring. A person is compared only with records born on a date theirs may stand for and
sharing their surname's sound or their first name's group, as the people search does, and each record with
all of its names, as the people search does: so a person's suggestions are the same whoever else is in the
file, and one person named on several lines is scored once. Suggestions only: a person confirms every match.
"""

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, models

from frontdoor.people.matching import Candidate, PartialDate, first_name_group, score_search, sound_key
from frontdoor.people.models import PersonName
from frontdoor.people.search import date_variants

SUGGEST_FROM = 0.75  # the score from which a record is worth showing as a likely match
MOST_SUGGESTIONS = 3
# People per look-up. Each person's own (name key, birthday) pairs pick out their records, so the size only
# trades round trips against the size of a statement. On PostgreSQL a thousand people's look-up is costed
# above the point where the server compiles it (JIT), which takes longer than answering it; SQLite takes
# every value as a placeholder of its own.
PEOPLE_PER_LOOKUP = {"postgresql": 500}
PEOPLE_PER_LOOKUP_ELSEWHERE = 250

Suggestions = list[dict[str, object]]


@dataclass(frozen=True)
class Named:
    first_name: str
    last_name: str
    date_of_birth: PartialDate


def suggest(people: Sequence[Named]) -> list[Suggestions]:
    """For each person, the likeliest records in the index, best first, as stored on the notification."""
    # The same person on several lines (a child on each of a week's incidents) is looked up and scored once.
    distinct = list(dict.fromkeys(people))
    size = PEOPLE_PER_LOOKUP.get(connection.vendor, PEOPLE_PER_LOOKUP_ELSEWHERE)
    batches = [[_Wanted(named) for named in distinct[start : start + size]] for start in range(0, len(distinct), size)]
    found: dict[Named, Suggestions] = {}
    with connection.cursor() as cursor, _looking_ahead():
        sent = _send(cursor, batches[0]) if batches else False
        for number, batch in enumerate(batches):
            rows = _received(cursor) if sent else []
            # The next batch's look-up goes before this one is scored: on PostgreSQL the server answers it
            # while Python scores, where one after the other the import waited for each in turn.
            sent = _send(cursor, batches[number + 1]) if number + 1 < len(batches) else False
            index = _Index(rows)
            for wanted in batch:
                found[wanted.named] = index.suggestions_for(wanted)
    return [found[named] for named in people]


def _looking_ahead() -> AbstractContextManager[object]:
    """PostgreSQL's pipeline mode: a statement is sent without waiting for the one before to be read."""
    if connection.vendor == "postgresql":
        return connection.connection.pipeline()
    return nullcontext()


class _Wanted:
    """A person named on a notification, with the keys and birthdays their records may be filed under."""

    __slots__ = ("days", "first", "last", "named")

    def __init__(self, named: Named) -> None:
        self.named = named
        self.days = date_variants(named.date_of_birth)
        self.last = sound_key(named.last_name) if self.days else ""
        self.first = first_name_group(named.first_name) if self.days else ""


class _Index:
    """The records a batch of people may be, with every name of each, filed by (name key, birthday)."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self.candidates: dict[int, Candidate] = {}
        self.by_last: dict[tuple[str, date], list[int]] = {}
        self.by_first: dict[tuple[str, date], list[int]] = {}
        candidates, filed_by_last, filed_by_first = self.candidates, self.by_last, self.by_first
        for pid, first, last, is_other, day, last_key, first_group in rows:
            candidate = candidates.get(pid)
            if candidate is None:
                candidate = candidates[pid] = Candidate(pid, [], day)
            if (first, last, is_other) not in candidate.names:
                candidate.names.append((first, last, is_other))
            if day is not None:
                filed_by_last.setdefault((last_key, day), []).append(pid)
                filed_by_first.setdefault((first_group, day), []).append(pid)

    def suggestions_for(self, wanted: _Wanted) -> Suggestions:
        named, last, first = wanted.named, wanted.last, wanted.first
        ids: set[int] = set()
        for day in wanted.days:
            if last:
                ids.update(self.by_last.get((last, day), ()))
            if first:
                ids.update(self.by_first.get((first, day), ()))
        scored = [
            score_search(
                candidate=self.candidates[pid], first=named.first_name, last=named.last_name, dob=named.date_of_birth
            )
            for pid in ids
        ]
        best = sorted((m for m in scored if m.score >= SUGGEST_FROM), key=lambda m: (-m.score, m.person_id))
        return [{"person": m.person_id, "score": m.score, "reasons": list(m.reasons)} for m in best[:MOST_SUGGESTIONS]]


COLUMNS = ("person", "first", "last", "is_other_name", "born", "last_key", "first_group")


def _column(name: str) -> str:
    field = PersonName._meta.get_field(name)
    assert isinstance(field, models.Field) and field.column
    return connection.ops.quote_name(field.column)


def _send(cursor: Any, batch: Sequence[_Wanted]) -> bool:
    """Ask for every name of every record with a name matching one of the batch's (surname key, birthday) or
    (first name group, birthday) pairs; False when the batch has no one to look up.

    One statement: two sets of indexed seeks, by surname (a changed first name) and by first name (a changed
    surname), then the records' other names. Written as SQL because the ORM spends longer building a query of
    a few thousand OR'd pairs than the database spends answering it; the columns are the model's own and every
    value is a parameter.
    """
    by_last: dict[str, set[date]] = {}
    by_first: dict[str, set[date]] = {}
    for wanted in batch:
        if wanted.last:
            by_last.setdefault(wanted.last, set()).update(wanted.days)
        if wanted.first:
            by_first.setdefault(wanted.first, set()).update(wanted.days)
    if not (by_last or by_first):
        return False
    table = connection.ops.quote_name(PersonName._meta.db_table)
    person, born = _column("person"), _column("born")
    selected = ", ".join(_column(name) for name in COLUMNS)
    lookups: list[str] = []
    params: list[Any] = []
    postgresql = connection.vendor == "postgresql"
    for key_column, pairs in ((_column("last_key"), by_last), (_column("first_group"), by_first)):
        if not pairs:
            continue
        if postgresql:
            # Two arrays joined as a table, PostgreSQL seeking the (key, born) index once a pair; the driver has
            # neither thousands of placeholders to parse nor thousands of array items to quote one by one.
            keys: list[str] = []
            days: list[str] = []
            for key, born_on in pairs.items():
                keys += [key] * len(born_on)
                days += [day.isoformat() for day in born_on]
            lookups.append(
                f"SELECT k.{person} FROM unnest(%s::text[], %s::date[]) AS w(key, born) CROSS JOIN LATERAL"  # noqa: S608
                f" (SELECT {person} FROM {table} WHERE {key_column} = w.key AND {born} = w.born OFFSET 0) k"
            )
            params += [array_literal(keys), "{" + ",".join(days) + "}"]
        else:
            conditions: list[str] = []
            for key, born_on in pairs.items():
                conditions.append(f"({key_column} = %s AND {born} IN ({', '.join(['%s'] * len(born_on))}))")
                params += [key, *sorted(born_on)]
            lookups.append(f"SELECT {person} FROM {table} WHERE {' OR '.join(conditions)}")  # noqa: S608
    hits = " UNION ".join(lookups)
    if postgresql:
        # Every join a nested loop of index seeks (OFFSET 0 keeps each subquery to itself): with a few thousand
        # pairs the planner's estimates tip it towards hashing the whole index table, three times slower.
        sql = (
            f"WITH hit AS ({hits}) SELECT n.* FROM hit CROSS JOIN LATERAL"  # noqa: S608
            f" (SELECT {selected} FROM {table} WHERE {person} = hit.{person} OFFSET 0) n"
        )
    else:
        sql = f"SELECT {selected} FROM {table} WHERE {person} IN ({hits})"  # noqa: S608
    cursor.execute(sql, params)
    return True


def _received(cursor: Any) -> list[tuple[Any, ...]]:
    rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return rows
    # SQLite hands dates back as text.
    return [(*row[:4], _as_date(row[4]), *row[5:]) for row in rows]


def array_literal(items: Iterable[str]) -> str:
    """A PostgreSQL text array as one parameter: the driver passes one string rather than quoting each item."""
    return "{" + ",".join(map(_quoted, items)) + "}"


def _quoted(item: str) -> str:
    return '"' + item.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value

"""Suggesting who the people on a batch of police notifications are, from the people index, in a few queries.

A day's notifications name hundreds of people. Searching for each one would cost several queries a person,
so the batch's names and dates of birth are looked up together and each person is scored in memory with
the people search's own scoring. Suggestions only: a person confirms every match (nobody is created).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from frontdoor.people.matching import Candidate, PartialDate, first_name_group, score_search, sound_key
from frontdoor.people.models import PersonName
from frontdoor.people.search import date_variants

SUGGEST_FROM = 0.75  # the score from which a record is worth showing as a likely match
MOST_SUGGESTIONS = 3
BATCH = 500  # names per look-up, to keep each IN list a size every database takes


@dataclass(frozen=True)
class Named:
    first_name: str
    last_name: str
    date_of_birth: PartialDate


def suggest(people: Sequence[Named]) -> list[list[dict[str, object]]]:
    """For each person, the likeliest records in the index, best first, as stored on the notification."""
    by_birthday = _candidates(people)
    suggestions = []
    for named in people:
        scored = [
            score_search(
                candidate=candidate,
                first=named.first_name,
                last=named.last_name,
                dob=named.date_of_birth,
            )
            for born in date_variants(named.date_of_birth)
            for candidate in by_birthday.get(born, ())
        ]
        best = sorted((m for m in scored if m.score >= SUGGEST_FROM), key=lambda m: (-m.score, m.person_id))
        suggestions.append(
            [{"person": m.person_id, "score": m.score, "reasons": list(m.reasons)} for m in best[:MOST_SUGGESTIONS]]
        )
    return suggestions


def _candidates(people: Sequence[Named]) -> dict[date, list[Candidate]]:
    """Indexed people by birthday: those born on a date one of the people may have been born on, named like them."""
    born: set[date] = set()
    last_keys: set[str] = set()
    first_groups: set[str] = set()
    for named in people:
        born |= date_variants(named.date_of_birth)
        last_keys.add(sound_key(named.last_name))
        first_groups.add(first_name_group(named.first_name))
    found: dict[int, Candidate] = {}
    days = sorted(born)
    for start in range(0, len(days), BATCH):
        names = PersonName.objects.filter(born__in=days[start : start + BATCH]).order_by()
        # Two indexed look-ups: by surname (a changed first name) and by first name (a changed surname).
        for rows in (names.filter(last_key__in=last_keys - {""}), names.filter(first_group__in=first_groups - {""})):
            for pid, first, last, is_other, day in rows.values_list(
                "person_id", "first", "last", "is_other_name", "born"
            ):
                candidate = found.setdefault(pid, Candidate(pid, [], day))
                if (first, last, is_other) not in candidate.names:
                    candidate.names.append((first, last, is_other))
    by_birthday: dict[date, list[Candidate]] = {}
    for candidate in found.values():
        if candidate.date_of_birth is not None:
            by_birthday.setdefault(candidate.date_of_birth, []).append(candidate)
    return by_birthday

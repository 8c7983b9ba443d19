"""Finding records that describe the same person.

Two uses: the warning shown when someone adds a person, and the background
finder that sweeps the whole index. Both block (compare only records that
share a date of birth, a swapped or neighbouring one, or a sound-alike name)
and then score each pair with matching.score_pair.
"""

import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q

from frontdoor.accounts.models import User
from frontdoor.people.matching import (
    Candidate,
    Match,
    PartialDate,
    clean,
    first_name_group,
    score_pair,
    sound_key,
    soundex,
)
from frontdoor.people.models import DuplicateCandidate, OtherName, Person, PersonName, Relationship, Residence
from frontdoor.people.search import date_variants, load_candidates
from frontdoor.records.services import record_event

# A warning when adding someone errs towards showing; the finder's queue
# errs towards being right, so data officers' time is not wasted.
WARNING_SCORE = 0.75
FINDER_SCORE = 0.85
LARGEST_NAME_BLOCK = 80


def likely_duplicates_of(candidate: Candidate, *, limit: int = 5) -> list[Match]:
    """Records that may already be this person, for the warning before a new one is added."""
    ids: set[int] = set()
    if candidate.nhs_number:
        ids.update(Person.objects.filter(nhs_number=candidate.nhs_number).values_list("id", flat=True))
    if candidate.upn:
        ids.update(
            Person.objects.filter(Q(upn=candidate.upn) | Q(former_upn=candidate.upn)).values_list("id", flat=True)
        )
    born = candidate.date_of_birth or candidate.expected_date_of_birth
    if born:
        dates = date_variants(PartialDate.of(born))
        ids.update(
            Person.objects.filter(Q(date_of_birth__in=dates) | Q(expected_date_of_birth__in=dates)).values_list(
                "id", flat=True
            )
        )
    for first, last, _ in candidate.names:
        same_sound = PersonName.objects.filter(last_key=sound_key(last), first_group=first_name_group(first))
        ids.update(same_sound.values_list("person_id", flat=True)[:500])
    ids.discard(candidate.person_id)
    found = []
    for other in load_candidates(ids, with_parents=True).values():
        match = score_pair(candidate, other)
        if match.score >= WARNING_SCORE:
            found.append(match)
    merged = set(
        Person.objects.filter(id__in=[m.person_id for m in found], merged_into__isnull=False).values_list(
            "id", flat=True
        )
    )
    return sorted((m for m in found if m.person_id not in merged), key=lambda m: -m.score)[:limit]


@dataclass(frozen=True)
class FinderReport:
    people: int
    pairs_compared: int
    pairs_found: int
    new_pairs: int
    seconds: float
    # Every likely pair, queued before or not, as (lower ID, higher ID).
    pairs: frozenset[tuple[int, int]] = frozenset()


def _all_candidates() -> dict[int, Candidate]:
    """Every live person, as the matcher sees them, in a handful of queries."""
    candidates: dict[int, Candidate] = {}
    live = Person.objects.filter(merged_into__isnull=True)
    fields = (
        "id",
        "first_name",
        "last_name",
        "middle_names",
        "date_of_birth",
        "expected_date_of_birth",
        "sex",
        "nhs_number",
        "upn",
    )
    for pid, first, last, middle, dob, edd, sex, nhs, upn in live.values_list(*fields).iterator(chunk_size=5000):
        candidates[pid] = Candidate(pid, [(first, last, False)], dob, edd, sex, middle, set(), nhs, upn)
    for pid, first, last in OtherName.objects.values_list("person_id", "first_name", "last_name").iterator(
        chunk_size=5000
    ):
        if pid in candidates:
            base = candidates[pid].names[0]
            candidates[pid].names.append((first or base[0], last or base[1], True))
    current = Residence.objects.filter(moved_out__isnull=True).values_list("person_id", "address__postcode")
    for pid, postcode in current.iterator(chunk_size=5000):
        if pid in candidates:
            candidates[pid].postcodes.add(postcode)
    parents = Relationship.objects.filter(kind__in=["mother", "father"]).values_list("person_id", "relative_id")
    for pid, relative in parents.iterator(chunk_size=5000):
        if pid in candidates:
            candidates[pid].parent_ids.add(relative)
    return candidates


def _could_be_same(a: Candidate, b: Candidate) -> bool:
    """A cheap first look: the pair shares some part of a name."""
    fa, la, _ = a.names[0]
    fb, lb, _ = b.names[0]
    ca, cb = clean(fa), clean(fb)
    return (
        first_name_group(fa) == first_name_group(fb)
        or ca[:2] == cb[:2]
        or sound_key(la) == sound_key(lb)
        or soundex(la) == soundex(lb)
        or clean(la)[:2] == clean(lb)[:2]
    )


def candidate_pairs(candidates: dict[int, Candidate]) -> Iterator[tuple[Candidate, Candidate]]:
    """Pairs worth scoring: same or neighbouring dates of birth, or sound-alike names."""
    by_date: dict[date, list[int]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pid, candidate in candidates.items():
        born = candidate.date_of_birth or candidate.expected_date_of_birth
        if born:
            by_date[born].append(pid)
        first, last, _ = candidate.names[0]
        by_name[(sound_key(last), first_name_group(first))].append(pid)
    seen: set[tuple[int, int]] = set()

    def pair(x: int, y: int) -> tuple[Candidate, Candidate] | None:
        key = (x, y) if x < y else (y, x)
        if x == y or key in seen:
            return None
        seen.add(key)
        a, b = candidates[key[0]], candidates[key[1]]
        return (a, b) if _could_be_same(a, b) else None

    for born, ids in by_date.items():
        neighbours = set(ids)
        for variant in date_variants(PartialDate.of(born)) - {born}:
            neighbours.update(by_date.get(variant, ()))
        for x in ids:
            for y in neighbours:
                if found := pair(x, y):
                    yield found
    for ids in by_name.values():
        if len(ids) > LARGEST_NAME_BLOCK:
            # A very common name: compare only people born within a year of each other.
            ids = sorted(ids, key=lambda pid: candidates[pid].date_of_birth or date.min)
            for i, x in enumerate(ids):
                born_x = candidates[x].date_of_birth
                for y in ids[i + 1 :]:
                    born_y = candidates[y].date_of_birth
                    if born_x and born_y and (born_y - born_x).days > 400:
                        break
                    if found := pair(x, y):
                        yield found
            continue
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                if found := pair(x, y):
                    yield found


def find_duplicates(*, by: User | None = None) -> FinderReport:
    """Sweep the whole index and queue every likely duplicate pair not already decided."""
    started = time.perf_counter()
    candidates = _all_candidates()
    compared = 0
    found: list[tuple[int, int, Match]] = []
    for a, b in candidate_pairs(candidates):
        compared += 1
        match = score_pair(a, b)
        if match.score >= FINDER_SCORE:
            found.append((a.person_id, b.person_id, match))
    known = set(DuplicateCandidate.objects.values_list("person_a_id", "person_b_id"))
    new = [
        DuplicateCandidate(person_a_id=a, person_b_id=b, score=m.score, reasons=list(m.reasons))
        for a, b, m in found
        if (a, b) not in known
    ]
    with transaction.atomic():
        DuplicateCandidate.objects.bulk_create(new, batch_size=2000)
        report = FinderReport(
            len(candidates),
            compared,
            len(found),
            len(new),
            round(time.perf_counter() - started, 1),
            frozenset((a, b) for a, b, _ in found),
        )
        record_event(
            kind="duplicates.found",
            by=by,
            summary=f"Duplicate finder looked at {report.people:,} people and queued "
            f"{report.new_pairs:,} new likely duplicates",
            data={k: v for k, v in report.__dict__.items() if k != "pairs"},
        )
    return report

"""Finding people: candidates from the indexes, then ranked by the matcher.

A contact officer types a name (misspelt, a nickname, an old surname) or an
identifier, perhaps a remembered date of birth and a postcode. Candidates
come from indexed look-ups (sound-alike surnames, nickname groups, dates of
birth with day and month swapped or the year out by one, postcodes,
identifiers); each is then scored with the reason it matched.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet

from frontdoor.accounts.models import User
from frontdoor.people.access import restricted_ids_visible_to
from frontdoor.people.identifiers import (
    is_valid_nhs_number,
    normalise_nhs_number,
    normalise_postcode,
    normalise_upn,
)
from frontdoor.people.matching import (
    Candidate,
    Match,
    PartialDate,
    first_name_group,
    query_from_text,
    score_search,
    sound_key,
    soundex,
)
from frontdoor.people.models import Address, Identifier, Person, PersonName, Relationship, Residence, Warning

MIN_SCORE = 0.6
# Enough candidates for a very common surname; more than this and the
# search asks for a date of birth or a first name rather than guessing.
MAX_CANDIDATES = 4000
UPN_PATTERN = re.compile(r"^[A-Z]\d{11}[0-9A-Z]$")
LA_ID_PATTERN = re.compile(r"^FD\d{8}$")


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    dob: PartialDate = field(default_factory=PartialDate)
    postcode: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and self.dob.is_empty and not self.postcode.strip()


@dataclass
class SearchResult:
    person: Person
    score: float
    reasons: tuple[str, ...]
    # Restricted and not granted to this user: shown as "restricted record" only.
    hidden: bool = False
    warnings: list[Warning] = field(default_factory=list)
    postcode: str = ""


@dataclass
class SearchOutcome:
    results: list[SearchResult]
    identifier_searched: str = ""
    too_broad: bool = False


def identifier_in(text: str) -> tuple[str, str] | None:
    """An NHS number, UPN or LA child ID typed into the search box, if that is what it is."""
    compact = re.sub(r"[\s-]", "", text).upper()
    if compact.isdigit() and len(compact) == 10 and is_valid_nhs_number(compact):
        return "nhs_number", normalise_nhs_number(compact)
    if UPN_PATTERN.match(compact):
        return "upn", normalise_upn(compact)
    if LA_ID_PATTERN.match(compact):
        return "la_child_id", compact
    return None


def _ids(queryset: QuerySet[Any], field: str = "id") -> list[int]:
    """IDs from an indexed look-up, unordered (ordering would make the database sort)."""
    return list(queryset.order_by().values_list(field, flat=True)[:MAX_CANDIDATES])


def _identifier_matches(kind: str, value: str) -> dict[int, Match]:
    labels = {"nhs_number": "NHS number", "upn": "UPN", "la_child_id": "LA child ID"}
    ids = _ids(Person.objects.filter(**{kind: value}))
    if kind == "upn":
        # A second look-up rather than OR: most former UPNs are blank, so the
        # planner would rather scan the table than use their index inside an OR.
        ids += _ids(Person.objects.filter(former_upn=value))
    return {pid: Match(pid, 1.0, (f"{labels[kind]} matches",)) for pid in ids}


def _reference_matches(text: str) -> dict[int, Match]:
    """Police and other references typed as they were given."""
    typed = text.strip()
    if not typed:
        return {}
    ids = _ids(Identifier.objects.filter(value__in={typed, typed.upper()}), "person_id")
    return {pid: Match(pid, 1.0, ("Reference matches",)) for pid in ids}


def date_variants(dob: PartialDate) -> set[date]:
    """The recorded dates a remembered one may stand for: as given, day and month swapped, year out by one."""
    if not dob.is_complete:
        return set()
    d, m, y = dob.day, dob.month, dob.year
    assert d is not None and m is not None and y is not None
    variants = set()
    # A day after the 12th cannot be a month: not trying its swap saves raising and catching an error for
    # most dates, which was most of this function's time when a police file's thousands are looked up.
    swapped = ((m, d, y),) if d <= 12 else ()
    for day, month, year in ((d, m, y), *swapped, (d, m, y - 1), (d, m, y + 1)):
        try:
            variants.add(date(year, month, day))
        except ValueError:
            continue
    return variants


def _name_candidate_ids(first: str, last: str, dob: PartialDate) -> tuple[set[int], bool]:
    """People with a name that sounds like one typed; (ids, whether the list was cut short)."""
    tokens = [t for t in (first, last) if t]
    keys = {sound_key(t) for t in tokens} - {""}
    sounds = {soundex(t) for t in tokens} - {""}
    names = PersonName.objects.all()
    if dob.year is not None:
        # A remembered year may be one out either way.
        names = names.filter(born__range=(date(dob.year - 1, 1, 1), date(dob.year + 1, 12, 31)))
    ids: set[int] = set()
    # Separate indexed look-ups: an OR across columns would scan.
    for by_surname in (
        names.filter(last_key__in=keys),
        names.filter(last_sound__in=sounds),
        names.filter(last__in=tokens),
    ):
        ids.update(_ids(by_surname, "person_id"))
    too_broad = len(ids) >= MAX_CANDIDATES
    if first or dob.is_complete:
        # First names alone are too common to search on; with a second clue they are not.
        groups = {first_name_group(t) for t in tokens} - {""}
        by_first = names.filter(first_group__in=groups)
        if first and last and not dob.is_complete:
            # A complete date of birth finds a changed surname through its own look-up;
            # otherwise a first name needs the surname's initial to be worth a look.
            by_first = by_first.filter(last__startswith=last[:1])
        ids.update(_ids(by_first, "person_id"))
    return ids, too_broad


def _add_postcodes(candidates: dict[int, Candidate]) -> None:
    # Two indexed look-ups rather than a join, which PostgreSQL answers by scanning every address.
    homes = list(
        Residence.objects.filter(person_id__in=candidates, moved_out__isnull=True)
        .order_by()
        .values_list("person_id", "address_id")
    )
    postcodes = dict(
        Address.objects.filter(id__in={address for _, address in homes}).order_by().values_list("id", "postcode")
    )
    for pid, address in homes:
        candidates[pid].postcodes.add(postcodes[address])


def load_candidates(person_ids: set[int], *, with_parents: bool = False) -> dict[int, Candidate]:
    """Everything the matcher compares two records on, for the duplicate checks."""
    candidates: dict[int, Candidate] = {}
    fields = ("id", "date_of_birth", "expected_date_of_birth", "sex", "middle_names", "nhs_number", "upn")
    for pid, dob, edd, sex, middle, nhs, upn in Person.objects.filter(id__in=person_ids).values_list(*fields):
        candidates[pid] = Candidate(pid, [], dob, edd, sex, middle, set(), nhs, upn)
    for pid, first, last, is_other in PersonName.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "first", "last", "is_other_name"
    ):
        candidates[pid].names.append((first, last, is_other))
    _add_postcodes(candidates)
    if with_parents:
        parents = Relationship.objects.filter(person_id__in=person_ids, kind__in=["mother", "father"])
        for pid, relative in parents.values_list("person_id", "relative_id"):
            candidates[pid].parent_ids.add(relative)
    return candidates


def _search_candidates(person_ids: set[int], *, with_postcodes: bool) -> dict[int, Candidate]:
    """What ranking a search needs: names and dates of birth from the index alone, postcodes if asked for."""
    candidates: dict[int, Candidate] = {}
    rows = (
        PersonName.objects.filter(person_id__in=person_ids)
        .order_by()
        .values_list("person_id", "first", "last", "is_other_name", "born")
    )
    for pid, first, last, is_other, born in rows:
        candidate = candidates.setdefault(pid, Candidate(pid, [], born))
        candidate.names.append((first, last, is_other))
    if with_postcodes:
        _add_postcodes(candidates)
    return candidates


def search_people(*, user: User, query: SearchQuery, limit: int = 20) -> SearchOutcome:
    """People matching the query, best first, each with the reasons it matched."""
    if query.is_empty:
        return SearchOutcome([])
    matches: dict[int, Match] = {}
    identifier = identifier_in(query.text)
    too_broad = False
    if identifier:
        matches.update(_identifier_matches(*identifier))
    else:
        matches.update(_reference_matches(query.text))
        first, last = query_from_text(query.text)
        ids: set[int] = set()
        if first or last:
            ids, too_broad = _name_candidate_ids(first, last, query.dob)
        if query.dob.is_complete:
            ids.update(Person.objects.filter(date_of_birth__in=date_variants(query.dob)).values_list("id", flat=True))
        postcode = normalise_postcode(query.postcode) if query.postcode.strip() else ""
        if postcode:
            at_postcode = Residence.objects.filter(address__postcode=postcode, moved_out__isnull=True)
            ids.update(_ids(at_postcode, "person_id"))
        for candidate in _search_candidates(ids, with_postcodes=bool(postcode)).values():
            match = score_search(candidate=candidate, first=first, last=last, dob=query.dob, postcode=postcode)
            if match.score >= MIN_SCORE:
                matches[candidate.person_id] = match
    results = _results(user, matches, limit)
    return SearchOutcome(results, identifier_searched=identifier[0] if identifier else "", too_broad=too_broad)


def _results(user: User, matches: dict[int, Match], limit: int) -> list[SearchResult]:
    ranked = sorted(matches.values(), key=lambda m: -m.score)
    people = Person.objects.in_bulk([m.person_id for m in ranked[: limit * 2]])
    # A merged record stands for the person it was merged into.
    survivors = {p.merged_into_id for p in people.values() if p.merged_into_id}
    people.update(Person.objects.in_bulk(survivors - set(people)))
    results: dict[int, SearchResult] = {}
    for match in ranked:
        person = people.get(match.person_id)
        if person is None:
            continue
        reasons = match.reasons
        if person.merged_into_id:
            reasons = (*reasons, "Matched a record merged into this one")
            person = people[person.merged_into_id]
        if person.pk not in results:
            results[person.pk] = SearchResult(person, match.score, reasons)
        if len(results) == limit:
            break
    found = list(results.values())
    _hide_restricted(user, found)
    _attach_warnings_and_postcodes(found)
    return found


def _hide_restricted(user: User, results: list[SearchResult]) -> None:
    restricted = [r.person.pk for r in results if r.person.is_restricted]
    visible = restricted_ids_visible_to(user, restricted)
    for result in results:
        if result.person.is_restricted and result.person.pk not in visible:
            result.hidden = True
            result.reasons = ()


def _attach_warnings_and_postcodes(results: list[SearchResult]) -> None:
    shown = {r.person.pk: r for r in results if not r.hidden}
    for warning in Warning.objects.filter(person_id__in=shown, ended_at__isnull=True):
        shown[warning.person_id].warnings.append(warning)
    current = Residence.objects.filter(person_id__in=shown, moved_out__isnull=True, is_confidential=False)
    for pid, postcode in current.values_list("person_id", "address__postcode"):
        shown[pid].postcode = postcode

"""Telling whether two descriptions are the same person.

Used three ways: ranking search results against what a contact officer typed,
warning of likely duplicates when a person is added, and the background
duplicate finder. Names are compared by spelling (Jaro-Winkler), by sound
(Metaphone and Soundex) and through nickname groups; dates of birth allow for
swapped day and month, a year out by one and a mistyped digit.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import JaroWinkler

# Groups of first names people use for one another. The first name of each
# group is the one the others are filed under.
NICKNAME_GROUPS = [
    "alexander alex alec sandy xander",
    "alexandra alex alexa lexi lexie sandra",
    "andrew andy drew",
    "anthony tony ant",
    "benjamin ben benji benny",
    "catherine kathryn katherine kate katie cathy kathy kat kitty",
    "charles charlie chas chuck",
    "charlotte lottie charlie lotte",
    "christopher chris kit",
    "christine chris chrissie tina",
    "daniel dan danny",
    "david dave davey",
    "deborah debbie debs",
    "edward ed eddie ted teddy ned",
    "elizabeth liz lizzie beth betty eliza libby elsie bess",
    "eleanor ellie nell nora",
    "emily em emmy millie",
    "frederick fred freddie freddy",
    "gabriel gabe gabby",
    "henry harry hal hank",
    "isabella isabelle bella izzy isla",
    "jacob jake jakey",
    "james jim jimmy jamie",
    "jennifer jenny jen",
    "john jack johnny jon",
    "jonathan jon jonny",
    "joseph joe joey",
    "joshua josh",
    "katharine kate",
    "lawrence laurence larry laurie",
    "leonard leo len lenny",
    "margaret maggie meg peggy margie",
    "matthew matt matty",
    "michael mike mikey mick mickey",
    "mohammed muhammad mohammad mohamed mohamad muhammed mo",
    "nathaniel nathan nate nat",
    "nicholas nick nicky",
    "oliver ollie olly",
    "patrick pat paddy",
    "penelope penny",
    "peter pete",
    "rebecca becky becca",
    "richard rich richie rick ricky dick",
    "robert rob robbie bob bobby bert",
    "samantha sam sammy",
    "samuel sam sammy",
    "sarah sara sally",
    "sebastian seb",
    "stephen steven steve stevie",
    "susan sue susie suzy",
    "theodore theo ted teddy",
    "thomas tom tommy",
    "victoria vicky tori",
    "william will bill billy liam willie",
    "zachary zach zack",
]


@lru_cache(maxsize=1)
def _nickname_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for group in NICKNAME_GROUPS:
        names = group.split()
        for name in names:
            index.setdefault(name, names[0])
    return index


@lru_cache(maxsize=200_000)
def clean(name: str) -> str:
    """Lower case ASCII letters only: 'Zoë O'Brien-Smith' becomes 'zoeobriensmith'."""
    ascii_name = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_name.lower())


def words(text: str) -> list[str]:
    return [w for w in (clean(part) for part in re.split(r"[\s,]+", text or "")) if w]


@lru_cache(maxsize=100_000)
def sound_key(name: str) -> str:
    """Metaphone: Smith and Smyth, Jaden and Jayden, Catherine and Kathryn sound alike."""
    cleaned = clean(name)
    return jellyfish.metaphone(cleaned)[:20] if cleaned else ""


@lru_cache(maxsize=100_000)
def soundex(name: str) -> str:
    cleaned = clean(name)
    return jellyfish.soundex(cleaned) if cleaned else ""


@lru_cache(maxsize=100_000)
def first_name_group(name: str) -> str:
    """One key for a first name, its nicknames and its sound-alikes: Bill and William share one."""
    cleaned = clean(name)
    return sound_key(_nickname_index().get(cleaned, cleaned))


def similarity(a: str, b: str) -> float:
    return float(JaroWinkler.similarity(clean(a), clean(b)))


@dataclass(frozen=True)
class PartialDate:
    """A date of birth as remembered: any of day, month and year may be missing."""

    day: int | None = None
    month: int | None = None
    year: int | None = None

    @property
    def is_complete(self) -> bool:
        return None not in (self.day, self.month, self.year)

    @property
    def is_empty(self) -> bool:
        return self.day is None and self.month is None and self.year is None

    def as_date(self) -> date | None:
        if not self.is_complete:
            return None
        try:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        except ValueError:
            return None

    @classmethod
    def of(cls, day: date | None) -> "PartialDate":
        return cls() if day is None else cls(day.day, day.month, day.year)


def compare_dates(wanted: PartialDate, actual: date | None) -> tuple[float, str]:
    """How well a remembered date of birth fits a recorded one, and why."""
    if wanted.is_empty or actual is None:
        return 0.0, ""
    d, m, y = wanted.day, wanted.month, wanted.year
    parts_match = all(
        given is None or given == recorded for given, recorded in ((d, actual.day), (m, actual.month), (y, actual.year))
    )
    if parts_match:
        return (1.0, "Date of birth matches") if wanted.is_complete else (0.9, "Date of birth fits what you gave")
    if d is not None and m is not None and (d, m) == (actual.month, actual.day) and y in (None, actual.year):
        return 0.85, "Date of birth matches with day and month swapped"
    same_day_month = d in (None, actual.day) and m in (None, actual.month)
    if y is not None and abs(y - actual.year) == 1 and same_day_month:
        return 0.75, "Date of birth one year out"
    if d is not None and m == actual.month and y == actual.year and _one_digit_apart(d, actual.day):
        return 0.65, "Date of birth one digit out in the day"
    if d == actual.day and y == actual.year and m is not None and _one_digit_apart(m, actual.month):
        return 0.6, "Date of birth one digit out in the month"
    return 0.0, ""


def _one_digit_apart(a: int, b: int) -> bool:
    first, second = f"{a:02d}", f"{b:02d}"
    return sum(x != y for x, y in zip(first, second, strict=True)) == 1


@dataclass(frozen=True)
class NameMatch:
    score: float
    reasons: tuple[str, ...]


@lru_cache(maxsize=200_000)
def compare_first_names(wanted: str, recorded: str) -> tuple[float, str]:
    if not wanted or not recorded:
        return 0.0, ""
    a, b = clean(wanted), clean(recorded)
    if a == b:
        return 1.0, ""
    if len(a) == 1:
        return (0.8, f"Initial {a.upper()}") if b.startswith(a) else (0.0, "")
    nicknames = _nickname_index()
    if nicknames.get(a, a) == nicknames.get(b, b):
        return 0.92, f"{wanted.title()} is another form of {recorded.title()}"
    score = similarity(a, b)
    if sound_key(a) == sound_key(b):
        return max(score, 0.9), f"First name sounds like {recorded.title()}"
    return score, (f"First name spelt like {recorded.title()}" if score >= 0.85 else "")


@lru_cache(maxsize=200_000)
def compare_last_names(wanted: str, recorded: str) -> tuple[float, str]:
    if not wanted or not recorded:
        return 0.0, ""
    a, b = clean(wanted), clean(recorded)
    if a == b:
        return 1.0, ""
    score = similarity(a, b)
    if sound_key(a) == sound_key(b):
        return max(score, 0.9), f"Surname sounds like {recorded.title()}"
    if soundex(a) == soundex(b):
        score = max(score, 0.85)
    return score, (f"Surname spelt like {recorded.title()}" if score >= 0.85 else "")


def compare_names(first: str, last: str, recorded_first: str, recorded_last: str) -> NameMatch:
    """A name as typed against one recorded name; names typed the wrong way round count too."""
    if not (first and last):
        # One word: it may be either name, but a surname says more.
        word = first or last
        l_score, l_why = compare_last_names(word, recorded_last)
        f_score, f_why = compare_first_names(word, recorded_first)
        if l_score >= 0.8 * f_score:
            return NameMatch(l_score, (l_why,) if l_why else ())
        return NameMatch(0.8 * f_score, (f_why,) if f_why else ())
    best = NameMatch(0.0, ())
    for given_first, given_last, swapped in ((first, last, False), (last, first, True)):
        f_score, f_why = compare_first_names(given_first, recorded_first)
        l_score, l_why = compare_last_names(given_last, recorded_last)
        score = 0.45 * f_score + 0.55 * l_score
        if swapped:
            score *= 0.95
        reasons = tuple(r for r in (f_why, l_why, "First name and surname swapped" if swapped else "") if r)
        if score > best.score:
            best = NameMatch(score, reasons)
    return best


@dataclass
class Candidate:
    """What the matcher knows about a recorded person."""

    person_id: int
    names: list[tuple[str, str, bool]]  # (first, last, is another name)
    date_of_birth: date | None = None
    expected_date_of_birth: date | None = None
    sex: str = "U"
    middle_names: str = ""
    postcodes: set[str] = field(default_factory=set)
    nhs_number: str = ""
    upn: str = ""
    parent_ids: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Match:
    person_id: int
    score: float
    reasons: tuple[str, ...]


def score_search(
    *,
    candidate: Candidate,
    first: str,
    last: str,
    dob: PartialDate,
    postcode: str = "",
) -> Match:
    """How well a recorded person fits what was typed into the search."""
    name, name_why = NameMatch(0.0, ()), ""
    for recorded_first, recorded_last, is_other in candidate.names:
        found = compare_names(first, last, recorded_first, recorded_last)
        if found.score > name.score:
            name = found
            name_why = f"Also known as {recorded_first} {recorded_last}" if is_other else ""
    born = candidate.date_of_birth or candidate.expected_date_of_birth
    dob_score, dob_why = compare_dates(dob, born)
    has_name, has_dob = bool(first or last), not dob.is_empty
    if has_name and has_dob:
        score = 0.65 * name.score + 0.35 * dob_score
    elif has_name:
        score = name.score
    else:
        score = 0.9 * dob_score
    reasons = [r for r in (*name.reasons, name_why, dob_why) if r]
    if postcode and postcode in candidate.postcodes:
        score = min(1.0, score + 0.05) if (has_name or has_dob) else 0.9
        reasons.append("Lives at the postcode")
    return Match(candidate.person_id, round(score, 3), tuple(reasons))


def score_pair(a: Candidate, b: Candidate) -> Match:
    """How likely two records are the same person, for duplicate warnings and the finder."""
    if a.nhs_number and b.nhs_number:
        if a.nhs_number == b.nhs_number:
            return Match(b.person_id, 1.0, ("Same NHS number",))
        return Match(b.person_id, 0.0, ("Different NHS numbers",))
    if a.upn and b.upn and a.upn == b.upn:
        return Match(b.person_id, 0.99, ("Same UPN",))
    reasons: list[str] = []
    first, first_why = max(
        (compare_first_names(fa, fb) for fa, _, _ in a.names for fb, _, _ in b.names),
        key=lambda pair: pair[0],
        default=(0.0, ""),
    )
    last, last_why = max(
        (compare_last_names(la, lb) for _, la, _ in a.names for _, lb, _ in b.names),
        key=lambda pair: pair[0],
        default=(0.0, ""),
    )
    born, born_why = compare_dates(PartialDate.of(a.date_of_birth), b.date_of_birth)
    if a.date_of_birth is None and b.date_of_birth is None:
        born, born_why = compare_dates(PartialDate.of(a.expected_date_of_birth), b.expected_date_of_birth)
    reasons += [r for r in (first_why, last_why, born_why) if r]
    same_address = bool(a.postcodes & b.postcodes)
    same_parent = bool(a.parent_ids & b.parent_ids)
    same_middle = bool(a.middle_names) and clean(a.middle_names) == clean(b.middle_names)

    # A first name that does not fit is strong evidence of two people: twins
    # share a birthday, a surname and an address, and differ only here.
    first_weight = first if first >= 0.8 else first * 0.5
    score = 0.35 * first_weight + 0.30 * last + 0.35 * born
    if last < 0.8 and first >= 0.9 and born >= 0.99:
        # A changed surname (marriage, a step-parent's name): believable only
        # with more in common than a first name and a birthday.
        evidence = sum((same_address, same_parent, same_middle))
        score = 0.55 + 0.13 * evidence if evidence else 0.45
        if evidence:
            reasons.append(
                "Different surname, but "
                + _join(
                    [
                        w
                        for w, has in (
                            ("same address", same_address),
                            ("same parent", same_parent),
                            ("same middle name", same_middle),
                        )
                        if has
                    ]
                )
            )
    if same_address:
        score += 0.04
        reasons.append("Same postcode")
    if a.sex != "U" and b.sex != "U" and a.sex != b.sex:
        score *= 0.6
        reasons.append("Recorded with different sex")
    # Only a shared identifier makes two records certainly one person.
    return Match(b.person_id, round(min(score, 0.99), 3), tuple(reasons))


def _join(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def query_from_text(text: str) -> tuple[str, str]:
    """Split what was typed into a first name and a surname: the last word is the surname."""
    parts = words(text)
    if not parts:
        return "", ""
    if len(parts) == 1:
        return "", parts[0]
    return parts[0], parts[-1]

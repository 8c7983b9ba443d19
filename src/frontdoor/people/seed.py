"""The people of the synthetic council: families at their addresses, and the records around them.

Households of one or two adults and up to five children, with names that
fit their community and decade of birth, valid synthetic NHS numbers and
UPNs, relationships recorded from both sides, the professionals involved
with the children, a few warnings and restricted records, and some planted
near-duplicate records whose ground truth is kept in
`context.shared["planted_duplicates"]` as (original ID, duplicate ID,
variation) tuples.

Households are built and inserted in chunks, so the large council (about
300,000 people) fits in memory and seeds in a few minutes on SQLite.
"""

import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any

from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.accounts.roles import Role
from frontdoor.people import seed_data as data
from frontdoor.people.identifiers import nhs_check_digit, upn_check_letter
from frontdoor.people.matching import NICKNAME_GROUPS, clean, first_name_group, similarity
from frontdoor.people.models import (
    RECIPROCAL,
    Address,
    Identifier,
    Involvement,
    OtherName,
    Person,
    PersonName,
    Professional,
    Relationship,
    RelationshipKind,
    Residence,
    RestrictionGrant,
    RestrictionReason,
    Warning,
)
from frontdoor.people.search_index import name_rows
from frontdoor.people.services import assign_la_child_ids
from frontdoor.records.services import record_event
from frontdoor.seeding import SeedContext

TARGET_PEOPLE = {"demo": 2_000, "large": 300_000}
BATCH_SIZE = 2_000
HOUSEHOLDS_PER_CHUNK = 1_500
DUPLICATE_SHARE = 0.03
RESTRICTED_SHARE = 0.001
WARNING_SHARE = 0.01  # of adults
TWIN_BIRTHS = 0.015
UNBORN_HOUSEHOLDS = 0.01
UNBORN_AT_LEAST = 3
NHS_NUMBER_SHARE = 0.94  # of born people in families; duplicates have none
UPN_SHARE = 0.85  # of 5 to 17 year olds
PREVIOUS_ADDRESS_SHARE = 0.10
CONFIDENTIAL_SHARE = 0.002
YEAR = 365.25

HOUSEHOLD_KINDS = (
    ("couple", 45),
    ("mother_stepfather", 9),
    ("single_mother", 31),
    ("single_father", 5),
    ("mother_grandmother", 5),
    ("grandparent_carer", 3),
    ("father_stepmother", 2),
)
CHILDREN_PER_HOUSEHOLD = ((1, 25), (2, 33), (3, 23), (4, 12), (5, 7))
CHILD_DISABILITIES = (
    ("AUT", 30),
    ("LD", 20),
    ("COMM", 15),
    ("BEH", 12),
    ("MOB", 7),
    ("HEAR", 4),
    ("VIS", 4),
    ("PC", 3),
    ("HAND", 2),
    ("INC", 1),
    ("CON", 1),
    ("DDA", 1),
)
ADULT_DISABILITIES = (("MOB", 30), ("DDA", 30), ("LD", 15), ("HEAR", 10), ("VIS", 10), ("COMM", 5))
WARNING_KINDS = (
    (Warning.Kind.RISK_TO_STAFF, 30),
    (Warning.Kind.VIOLENCE, 30),
    (Warning.Kind.DOG, 18),
    (Warning.Kind.LONE_WORKING, 14),
    (Warning.Kind.RISK_TO_CHILDREN, 4),
    (Warning.Kind.WEAPONS, 2),
    (Warning.Kind.HEALTH, 1),
    (Warning.Kind.OTHER, 1),
)
RESTRICTION_REASONS = (
    (RestrictionReason.STAFF_RELATIVE, 40),
    (RestrictionReason.PROTECTION, 25),
    (RestrictionReason.HIGH_PROFILE, 15),
    (RestrictionReason.ADOPTION, 15),
    (RestrictionReason.OTHER, 5),
)
UPN_UNKNOWN_REASONS = ("UN2", "UN3", "UN5", "UN6")
UPN_REASON_SHARE = 0.97  # of school-age children with no UPN: the rest are CIN census queries (8770Q)
# Planted duplicates: one variation, or now and then two at once.
VARIATIONS = (
    ("first_name_typo", 20),
    ("surname_typo", 20),
    ("nickname", 14),
    ("day_month_swapped", 12),
    ("year_off_by_one", 14),
    ("changed_surname", 12),
    ("first_name_typo+year_off_by_one", 2),
    ("surname_typo+day_month_swapped", 2),
    ("nickname+year_off_by_one", 2),
    ("first_name_typo+surname_typo", 2),
)
# Keys next to each other on a UK keyboard, for typing mistakes.
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
PHONE_MOBILE = "07700 900{:03d}"  # Ofcom's range for drama: never a real line
PHONE_LANDLINE = "01632 960{:03d}"


class Weighted[T]:
    """Draws items in proportion to their weights, quickly."""

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in items]
        self.cumulative = list(accumulate(weight for _, weight in items))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect_right(self.cumulative, rng.random() * self.total)]


def ranked(names: str, *, offset: float) -> list[tuple[str, float]]:
    """Names listed most common first, weighted along a Zipf-like curve.

    The larger the offset, the flatter the curve: the lists hold only the
    commonest names, which in life share about half of all babies between them.
    """
    return [(name, 1.0 / (rank + offset)) for rank, name in enumerate(names.split())]


def _keyboard_neighbours() -> dict[str, str]:
    neighbours: dict[str, str] = {}
    for r, row in enumerate(KEYBOARD_ROWS):
        for c, key in enumerate(row):
            near = [row[i] for i in (c - 1, c + 1) if 0 <= i < len(row)]
            # The rows are staggered: the keys above sit a little right, those below a little left.
            for other, columns in ((r - 1, (c, c + 1)), (r + 1, (c - 1, c))):
                if 0 <= other < len(KEYBOARD_ROWS):
                    near += [KEYBOARD_ROWS[other][i] for i in columns if 0 <= i < len(KEYBOARD_ROWS[other])]
            neighbours[key] = "".join(near)
    return neighbours


KEYBOARD = _keyboard_neighbours()


def _nickname_groups() -> dict[str, list[str]]:
    """Each name and the group it is filed under (the first group naming it, as the matcher does)."""
    groups: dict[str, list[str]] = {}
    for line in NICKNAME_GROUPS:
        names = line.split()
        for name in names:
            groups.setdefault(name, names)
    return groups


NICKNAMES = _nickname_groups()


def typo(name: str, rng: random.Random) -> str:
    """One slip of the keyboard after the first letter: two letters swapped, one dropped, doubled or mistyped."""
    letters = [i for i in range(1, len(name)) if name[i].isalpha()]
    for _ in range(20):
        if not letters:
            break
        how = rng.choice(("swap", "drop", "double", "neighbour"))
        i = rng.choice(letters)
        if how == "swap" and i + 1 < len(name) and name[i + 1].isalpha() and name[i] != name[i + 1]:
            varied = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        elif how == "drop" and len(name) > 3:
            varied = name[:i] + name[i + 1 :]
        elif how == "double":
            varied = name[:i] + name[i] + name[i:]
        elif how == "neighbour" and name[i].lower() in KEYBOARD:
            key = rng.choice(KEYBOARD[name[i].lower()])
            varied = name[:i] + (key.upper() if name[i].isupper() else key) + name[i + 1 :]
        else:
            continue
        if clean(varied) != clean(name):
            return varied
    return name + name[-1]


def feminine(surname: str, sex: str) -> str:
    """Polish surnames take a feminine ending: Kowalski, Kowalska."""
    if sex == "F" and surname.endswith(("ski", "cki", "dzki")):
        return surname[:-1] + "a"
    return surname


@dataclass(slots=True)
class Member:
    role: str  # mother, father, stepfather, stepmother, grandparent, child
    sex: str
    dob: date | None
    community: data.Community
    first: str = ""
    middle: str = ""
    last: str = ""
    expected: date | None = None
    ethnicity: str = "NOBT"
    language: str = "English"
    interpreter: bool = False
    religion: str = ""
    immigration: str = ""
    disabilities: list[str] = field(default_factory=list)
    nhs: str = ""
    phone: str = ""
    email: str = ""
    twin: bool = False
    # Which parents a child has: "M" the mother here, "X" one not recorded;
    # "F" the father here, "S" the stepfather here, "A" and "B" fathers not recorded.
    mother_mark: str = ""
    father_mark: str = ""
    moved_in: date | None = None
    other_names: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, first, last)
    identifiers: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, value, issuer)
    created: date | None = None
    pid: int = 0


@dataclass(slots=True)
class Household:
    kind: str
    members: list[Member]
    # (person index, relative index, kind, parental responsibility, started on); mirrors are added on insert.
    relationships: list[tuple[int, int, str, bool, date | None]]
    address: Address
    moved_in: date
    previous: Address | None = None
    previous_in: date | None = None
    previous_out: date | None = None
    confidential: bool = False
    gp: Professional | None = None
    primary: int = 0  # index into the primary schools
    secondary: Professional | None = None
    health_visitor: Professional | None = None
    midwife: Professional | None = None


@dataclass(slots=True)
class Original:
    """What a planted duplicate copies from the record it duplicates."""

    pid: int
    first: str
    middle: str
    last: str
    dob: date
    sex: str
    ethnicity: str
    language: str
    address: Address
    moved_in: date | None
    mother_pid: int
    mother_last: str
    household: int


@dataclass
class School:
    professional: Professional
    number: int  # DfE establishment number, part of the UPNs it allocates


class AddressBook:
    """Streets of Northbridge, filled a house at a time, with real-looking postcodes."""

    def __init__(self, rng: random.Random, *, streets_open: int) -> None:
        self.rng = rng
        # Enough streets being filled at once that neighbours are not all new households.
        self.streets_open = streets_open
        self.open_streets: list[dict[str, Any]] = []
        self.street_names: set[str] = set()
        self.postcodes: set[str] = set()
        self.stems = data.STREET_STEMS.split()
        self.suffixes = Weighted(data.STREET_SUFFIXES)

    def _postcode(self, district: int) -> str:
        while True:
            inward = (
                f"{self.rng.randint(0, 9)}{self.rng.choice(data.INWARD_LETTERS)}{self.rng.choice(data.INWARD_LETTERS)}"
            )
            postcode = f"NB{district + 1} {inward}"
            if postcode not in self.postcodes:
                self.postcodes.add(postcode)
                return postcode

    def _new_street(self) -> dict[str, Any]:
        rng = self.rng
        is_block = rng.random() < 0.12
        for attempt in range(200):
            stem = rng.choice(self.stems)
            suffix = rng.choice(data.BLOCK_SUFFIXES) if is_block else self.suffixes.pick(rng)
            prefix = rng.choice(("Upper ", "Lower ", "Little ", "New ", "Old ")) if attempt > 50 else ""
            name = f"{prefix}{stem} {suffix}"
            if name not in self.street_names:
                break
        self.street_names.add(name)
        district = rng.randrange(len(data.DISTRICTS))
        street = {
            "name": name,
            "block": is_block,
            "host": f"{rng.choice(self.stems)} {self.suffixes.pick(rng)}",
            "district": district,
            "capacity": rng.randint(12, 80) if is_block else rng.randint(20, 160),
            "used": 0,
            "postcode": "",
            "unit_left": 0,
        }
        self.open_streets.append(street)
        return street

    def new_address(self) -> Address:
        rng = self.rng
        if len(self.open_streets) < self.streets_open or rng.random() < 0.02:
            street = self._new_street()
        else:
            street = rng.choice(self.open_streets)
        if street["unit_left"] <= 0:
            street["postcode"] = self._postcode(street["district"])
            street["unit_left"] = rng.randint(8, 24)
        street["unit_left"] -= 1
        street["used"] += 1
        number = street["used"]
        if street["used"] >= street["capacity"]:
            self.open_streets.remove(street)
        if street["block"]:
            line_1, line_2 = f"Flat {number}, {street['name']}", street["host"]
        else:
            line_1, line_2 = f"{number} {street['name']}", data.DISTRICTS[street["district"]]
        return Address(line_1=line_1, line_2=line_2, town=data.TOWN, postcode=street["postcode"])


class PeopleBuilder:
    def __init__(self, context: SeedContext) -> None:
        self.context = context
        self.rng = context.rng
        self.faker = context.faker
        self.today = context.today
        self.tz = timezone.get_current_timezone()
        self.target = TARGET_PEOPLE[context.size]
        self.la_code = LocalAuthority.load().la_code or "931"
        self.addresses = AddressBook(self.rng, streets_open=60 if context.is_large else 12)
        self.kinds = Weighted(HOUSEHOLD_KINDS)
        self.children_counts = Weighted(CHILDREN_PER_HOUSEHOLD)
        self.communities = Weighted([(c, c.share) for c in data.COMMUNITIES])
        self.community_by_key = {c.key: c for c in data.COMMUNITIES}
        self.mixed = Weighted([((key, code), weight) for key, code, weight in data.MIXED_PARTNERS])
        self.child_disabilities = Weighted(CHILD_DISABILITIES)
        self.adult_disabilities = Weighted(ADULT_DISABILITIES)
        self.immigration = Weighted(data.IMMIGRATION_STATUSES)
        self.weighted_cache: dict[Any, Weighted[Any]] = {}
        self._name_pools()
        self.used_nhs: set[str] = set()
        self.upn_serials: dict[tuple[int, int], int] = {}
        self.counts: dict[str, int] = dict.fromkeys(
            (
                "people",
                "children",
                "adults",
                "unborn",
                "households",
                "twin_pairs",
                "addresses",
                "residences",
                "relationships",
                "other_names",
                "identifiers",
                "professionals",
                "involvements",
                "warnings",
                "restricted",
                "planted_duplicates",
                "nhs_numbers",
                "upns",
            ),
            0,
        )
        # Kept for the steps after the families are in: small records, not whole people.
        self.managers: list[User] = []
        self.originals: list[Original] = []
        self.household_ids: list[list[int]] = []
        self.adult_ids: list[int] = []

    # Names ---------------------------------------------------------------

    def _name_pools(self) -> None:
        self.english_first: dict[tuple[int, str], Weighted[str]] = {}
        for decade, names in data.ENGLISH_BOYS.items():
            self.english_first[(decade, "M")] = Weighted(ranked(names, offset=8))
        for decade, names in data.ENGLISH_GIRLS.items():
            self.english_first[(decade, "F")] = Weighted(ranked(names, offset=8))
        self.modern_tail = {"M": data.MODERN_BOYS_TAIL.split(), "F": data.MODERN_GIRLS_TAIL.split()}
        self.english_middle = {
            "M": Weighted(ranked(data.ENGLISH_MIDDLE_BOYS, offset=2)),
            "F": Weighted(ranked(data.ENGLISH_MIDDLE_GIRLS, offset=2)),
        }
        self.own_first: dict[tuple[str, str], Weighted[str]] = {}
        self.own_surnames: dict[str, Weighted[str]] = {}
        for community in data.COMMUNITIES:
            if community.boys:
                self.own_first[(community.key, "M")] = Weighted(ranked(community.boys, offset=6))
                self.own_first[(community.key, "F")] = Weighted(ranked(community.girls, offset=6))
            if community.surnames:
                self.own_surnames[community.key] = Weighted(ranked(community.surnames, offset=8))
        # The hundred commonest British surnames are about a quarter of people: Smith 1.3%.
        top = [(name, float(count)) for name, count in (item.split(":") for item in data.ENGLISH_SURNAMES.split())]
        self.english_surnames = Weighted(top)
        self.english_surnames_tail = Weighted(ranked(data.ENGLISH_SURNAMES_TAIL, offset=30))
        # The long tail: a thousand rarer surnames made from English place-name parts.
        self.rare_surnames = [
            start + end
            for start in data.TOPONYM_STARTS.split()
            for end in data.TOPONYM_ENDS.split()
            if not start.endswith(end[0]) and start[-2:] != end[:2]
        ]
        # Names each sex is given, to keep nickname swaps from crossing over (Sam for Samantha, not Samuel).
        self.names_by_sex: dict[str, set[str]] = {"M": set(), "F": set()}
        for sex, lists in (
            ("M", [*data.ENGLISH_BOYS.values(), data.MODERN_BOYS_TAIL, *(c.boys for c in data.COMMUNITIES)]),
            ("F", [*data.ENGLISH_GIRLS.values(), data.MODERN_GIRLS_TAIL, *(c.girls for c in data.COMMUNITIES)]),
        ):
            for names in lists:
                self.names_by_sex[sex].update(clean(name) for name in names.split())

    def weighted[T](self, key: Any, items: Sequence[tuple[T, float]]) -> Weighted[T]:
        pool = self.weighted_cache.get(key)
        if pool is None:
            pool = self.weighted_cache[key] = Weighted(items)
        return pool

    def first_name(self, community: data.Community, sex: str, born: date, adult: bool, used: set[str]) -> str:
        rng = self.rng
        own = community.own_names_adults if adult else community.own_names_children
        decade = min(max(born.year // 10 * 10, 1950), 2020)
        name = ""
        for _ in range(30):
            roll = rng.random()
            english = (roll - own) / (1 - own) if roll >= own else 0.0
            if community.boys and roll < own:
                name = self.own_first[(community.key, sex)].pick(rng)
            elif born.year < 1990:
                # The top names of a decade were most babies' then; the rest from a longer list.
                if english < 0.78:
                    name = self.english_first[(decade, sex)].pick(rng)
                else:
                    name = str(self.faker.first_name_male() if sex == "M" else self.faker.first_name_female())
            elif english < 0.5:
                # Since then about half of babies have had a top-fifty name.
                name = self.english_first[(decade, sex)].pick(rng)
            elif english < 0.65:
                near = min(max(decade + rng.choice((-10, 10)), 1990), 2020)
                name = self.english_first[(near, sex)].pick(rng)
            else:
                name = rng.choice(self.modern_tail[sex])
            group = first_name_group(name)
            if group not in used:
                used.add(group)
                return name
        return name

    def middle_name(self, community: data.Community, sex: str, born: date, adult: bool, first: str) -> str:
        rng = self.rng
        if rng.random() >= community.middle_names * (0.7 if adult else 1.0):
            return ""
        for _ in range(5):
            if community.boys and rng.random() < (
                community.own_names_adults if adult else community.own_names_children
            ):
                name = self.own_first[(community.key, sex)].pick(rng)
            elif rng.random() < 0.5:
                name = self.english_middle[sex].pick(rng)
            else:
                decade = min(max(born.year // 10 * 10, 1950), 2020)
                name = self.english_first[(decade, sex)].pick(rng)
            if name != first:
                return name
        return ""

    def surname(self, community: data.Community) -> str:
        if community.surnames:
            return self.own_surnames[community.key].pick(self.rng)
        roll = self.rng.random()
        if roll < 0.25:
            return self.english_surnames.pick(self.rng)
        if roll < 0.5:
            return self.english_surnames_tail.pick(self.rng)
        if roll < 0.7:
            return str(self.faker.last_name())
        return self.rng.choice(self.rare_surnames)

    # Dates ---------------------------------------------------------------

    def years_before(self, day: date, years: float) -> date:
        return day - timedelta(days=int(years * YEAR))

    def between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return date.fromordinal(self.rng.randint(first.toordinal(), last.toordinal()))

    def moment(self, day: date, hour: int = 9) -> datetime:
        return datetime.combine(day, time(hour, self.rng.randrange(60)), tzinfo=self.tz)

    def age(self, born: date | None) -> int:
        if born is None:
            return -1
        today = self.today
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))

    # Identifiers -----------------------------------------------------------

    def nhs_number(self) -> str:
        """A valid NHS number in the 999 range kept for testing."""
        rng = self.rng
        while True:
            body = f"999{rng.randrange(1_000_000):06d}"
            check = nhs_check_digit(body)
            if check is None:
                continue
            number = f"{body}{check}"
            if number not in self.used_nhs:
                self.used_nhs.add(number)
                return number

    def upn(self, born: date, schools: list[School], preferred: int) -> str:
        """Check letter, LA code, the first school's DfE number, the year allocated, a serial number."""
        start = born.year + (4 if born.month < 9 else 5)
        year = start % 100
        for offset in range(len(schools)):
            school = schools[(preferred + offset) % len(schools)]
            serial = self.upn_serials.get((school.number, year), 0)
            if serial < 1000:
                self.upn_serials[(school.number, year)] = serial + 1
                body = f"{self.la_code}{school.number:04d}{year:02d}{serial:03d}"
                return upn_check_letter(body) + body
        return ""

    def school_year(self, born: date) -> int:
        """0 for Reception, 1 to 13 for Years 1 to 13; negative before school."""
        academic_year = self.today.year if self.today.month >= 9 else self.today.year - 1
        start = born.year + (4 if born.month < 9 else 5)
        return academic_year - start

    # The steps -----------------------------------------------------------

    def build(self) -> None:
        self.managers = list(User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk"))
        self.professionals()
        families_target = round(self.target * (1 - DUPLICATE_SHARE))
        next_report = 50_000
        while self.counts["people"] < families_target:
            households: list[Household] = []
            while len(households) < HOUSEHOLDS_PER_CHUNK and self.counts["people"] < families_target:
                household = self.household()
                households.append(household)
                self.counts["people"] += len(household.members)
            self.insert(households)
            if self.context.is_large and self.counts["people"] >= next_report:
                self.context.say(f"People: {self.counts['people']:,} in {self.counts['households']:,} households")
                next_report += 50_000
        planted = self.plant_duplicates()
        self.restrict()
        self.warn()
        assign_la_child_ids()
        self.context.shared["planted_duplicates"] = planted
        counts = self.counts
        record_event(
            kind="seed.people",
            by=None,
            summary=(
                f"Seeded {counts['people']:,} people in {counts['households']:,} households, "
                f"with {counts['planted_duplicates']:,} planted duplicates"
            ),
            data=dict(counts),
        )
        self.context.say(
            f"People: {counts['people']:,} ({counts['children']:,} children, {counts['unborn']} unborn) "
            f"in {counts['households']:,} households, {counts['relationships']:,} relationships, "
            f"{counts['planted_duplicates']:,} planted duplicates, {counts['warnings']} warnings, "
            f"{counts['restricted']} restricted"
        )

    def professionals(self) -> None:
        """GPs, schools with their safeguarding leads, health visitors and a few others."""
        rng, faker = self.rng, self.faker
        large = self.context.is_large
        stems = data.STREET_STEMS.split()
        saints = data.SAINTS.split()
        rows: list[Professional] = []

        def add(role: str, organisation: str, domain: str, title: str = "") -> Professional:
            first, last = str(faker.first_name()), str(faker.last_name())
            professional = Professional(
                name=f"{title}{first} {last}",
                role=role,
                organisation=organisation,
                phone=PHONE_LANDLINE.format(rng.randrange(1000)),
                email=f"{clean(first)}.{clean(last)}@{domain}" if rng.random() < 0.8 else "",
            )
            rows.append(professional)
            return professional

        self.gps: list[Professional] = []
        for _ in range(40 if large else 4):
            stem = rng.choice(stems)
            practice = rng.choice(
                (f"{stem} Medical Practice", f"{stem} Surgery", f"{rng.choice(data.DISTRICTS)} Health Centre")
            )
            domain = f"{clean(practice)[:24]}.nhs.example"
            self.gps += [add(Professional.Role.GP, practice, domain, "Dr ") for _ in range(rng.randint(2, 4))]
        self.primaries: list[School] = []
        for number in range(70 if large else 6):
            stem = rng.choice(stems)
            school = rng.choice(
                (
                    f"{stem} Primary School",
                    f"{stem} Primary School",
                    f"{stem} Primary Academy",
                    f"St {rng.choice(saints)} C of E Primary School",
                    f"St {rng.choice(saints)} Catholic Primary School",
                    f"{stem} Infant and Junior School",
                )
            )
            professional = add(Professional.Role.SCHOOL, school, "schools.northbridge.example")
            self.primaries.append(School(professional, 2001 + number * 3))
        self.secondaries: list[Professional] = []
        for _ in range(18 if large else 3):
            stem = rng.choice(stems)
            school = rng.choice(
                (
                    f"{stem} Academy",
                    f"{stem} High School",
                    f"{stem} Community College",
                    f"St {rng.choice(saints)} Catholic High School",
                )
            )
            self.secondaries.append(add(Professional.Role.SCHOOL, school, "schools.northbridge.example"))
        trust = "Northbridge Community Health NHS Trust"
        self.health_visitors = [
            add(Professional.Role.HEALTH_VISITOR, f"{trust}, Health Visiting ({district})", "nhs.example")
            for district in rng.sample(data.DISTRICTS, 20 if large else 4)
        ]
        self.midwives = [
            add(Professional.Role.MIDWIFE, "Northbridge Royal Infirmary, Maternity", "nhs.example")
            for _ in range(15 if large else 3)
        ]
        self.school_nurses = [
            add(Professional.Role.SCHOOL_NURSE, f"{trust}, School Nursing", "nhs.example")
            for _ in range(10 if large else 2)
        ]
        self.camhs = [
            add(Professional.Role.CAMHS, "Northbridge CAMHS", "nhs.example") for _ in range(8 if large else 2)
        ]
        self.police = [
            add(Professional.Role.POLICE, "Northbridge Police, Child Abuse Investigation Team", "police.example", "DC ")
            for _ in range(8 if large else 2)
        ]
        self.youth_justice = [
            add(Professional.Role.YOUTH_JUSTICE, "Northbridge Youth Justice Service", "northbridge.example")
            for _ in range(4 if large else 1)
        ]
        Professional.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.counts["professionals"] = len(rows)

    # One household ---------------------------------------------------------

    def household(self) -> Household:
        rng, today = self.rng, self.today
        kind = self.kinds.pick(rng)
        main = self.communities.pick(rng)
        mother_community = father_community = main
        mixed_code = ""
        if rng.random() * 1000 < data.MIXED_SHARE:
            partner_key, mixed_code = self.mixed.pick(rng)
            partner = self.community_by_key[partner_key]
            white_british = self.community_by_key["white_british"]
            main = partner
            if rng.random() < 0.6 or kind in ("single_mother", "mother_grandmother"):
                mother_community, father_community = white_british, partner
            else:
                mother_community, father_community = partner, white_british

        # The children's dates of birth, eldest first, with twins now and then.
        count = self.children_counts.pick(rng)
        youngest = rng.randint(0, int(max(0.3, 17.5 - 2.3 * (count - 1)) * YEAR))
        births = [today - timedelta(days=youngest)]
        while len(births) < count:
            earlier = births[-1] - timedelta(days=rng.randint(420, 1900))
            if (today - earlier).days > 17.9 * YEAR:
                break
            births.append(earlier)
        births.reverse()
        children: list[tuple[date, bool]] = []
        for i, born in enumerate(births):
            # A twin birth only where the family stays within five children.
            if rng.random() < TWIN_BIRTHS and len(children) + len(births) - i + 1 <= 5:
                children += [(born, True), (born, True)]
                self.counts["twin_pairs"] += 1
            else:
                children.append((born, False))
        eldest, last_born = births[0], births[-1]
        span = (last_born - eldest).days / YEAR

        # Which father each child has.
        n = len(children)
        marks = ["F"] * n
        mother_mark = "M"
        if kind == "mother_stepfather":
            older = rng.randint(1, n) if n > 1 else 1
            marks = ["A"] * older + ["S"] * (n - older)
        elif kind in ("single_mother", "mother_grandmother"):
            marks = ["A"] * n
            if n > 1 and rng.random() < 0.2:
                split = rng.randint(1, n - 1)
                marks = ["A"] * split + ["B"] * (n - split)
        elif kind in ("single_father", "father_stepmother"):
            mother_mark = "X"
        elif kind == "grandparent_carer":
            mother_mark, marks = "X", ["A"] * n
        # Twins share their father.
        for i in range(1, n):
            if children[i][1] and children[i - 1][1] and children[i][0] == children[i - 1][0]:
                marks[i] = marks[i - 1]

        # The adults' dates of birth.
        mother_age = min(max(rng.gauss(27.5, 5.5), 17.0), 40.0)
        if mother_age + span > 45:
            mother_age = max(17.0, 45 - span)
        mother_born = self.years_before(eldest, mother_age) - timedelta(days=rng.randrange(60))
        father_born = self.years_before(eldest, min(max(mother_age + rng.gauss(2.5, 4), 17.5), 55.0))

        members: list[Member] = []
        used_names: set[str] = set()

        def adult(role: str, sex: str, born: date, community: data.Community) -> Member:
            member = Member(role=role, sex=sex, dob=born, community=community)
            member.first = self.first_name(community, sex, born, True, used_names)
            member.middle = self.middle_name(community, sex, born, True, member.first)
            members.append(member)
            return member

        mother = father = step = grandparent = None
        if kind in ("couple", "mother_stepfather", "single_mother", "mother_grandmother"):
            mother = adult("mother", "F", mother_born, mother_community)
        if kind in ("couple", "single_father", "father_stepmother"):
            father = adult("father", "M", father_born, father_community)
        if kind == "mother_stepfather":
            younger = [born for (born, _), mark in zip(children, marks, strict=True) if mark == "S"]
            latest = min([today - timedelta(days=int(19 * YEAR)), *(self.years_before(b, 17.5) for b in younger)])
            step_born = min(mother_born + timedelta(days=int(rng.gauss(-1.5, 5) * YEAR)), latest)
            step = adult("stepfather", "M", step_born, father_community)
        if kind == "father_stepmother":
            step_born = min(
                father_born + timedelta(days=int(rng.gauss(3, 5) * YEAR)), today - timedelta(days=int(19 * YEAR))
            )
            step = adult("stepmother", "F", step_born, mother_community)
        if kind == "mother_grandmother":
            grandparent = adult(
                "grandparent", "F", self.years_before(mother_born, min(max(rng.gauss(25, 5), 16), 42)), mother_community
            )
        if kind == "grandparent_carer":
            absent_mother = self.years_before(eldest, mother_age)
            born = self.years_before(absent_mother, min(max(rng.gauss(25, 5), 16), 42))
            grandparent = adult("grandparent", "F" if rng.random() < 0.75 else "M", born, mother_community)

        # An unborn baby now and then, and a few in even the smallest council.
        unborn = None
        if (
            mother is not None
            and n < 5
            and (self.counts["unborn"] < UNBORN_AT_LEAST or rng.random() < UNBORN_HOUSEHOLDS)
            and self.age(mother_born) < 44
            and (today - last_born).days > 300
        ):
            unborn = today + timedelta(days=rng.randint(7, 182))

        # Surnames (the family form; Polish ones are made feminine per person below).
        F = self.surname(father_community)
        M = self.surname(mother_community)
        A = self.surname(father_community)
        B = self.surname(father_community)
        married = rng.random() < (0.55 if main.key == "white_british" else 0.8)
        child_surname: dict[str, str] = {}
        if mother is not None:
            mother.last = M
        if kind == "couple":
            assert mother is not None and father is not None
            father.last = F
            if married and rng.random() < 0.85:
                mother.last = F
            child_surname["F"] = F if married or rng.random() < 0.7 else M
        elif kind == "mother_stepfather":
            assert mother is not None and step is not None
            step.last = F
            child_surname["A"] = A if rng.random() < 0.6 else M
            child_surname["S"] = F
            if married and rng.random() < 0.6:
                mother.last = F
            elif rng.random() < 0.2:
                mother.last = A
        elif kind in ("single_mother", "mother_grandmother"):
            assert mother is not None
            took_his_name = rng.random() < 0.25
            if took_his_name:
                mother.last = A
            child_surname["A"] = A if took_his_name or rng.random() < 0.55 else M
            child_surname["B"] = B if rng.random() < 0.55 else M
            if grandparent is not None:
                grandparent.last = M if rng.random() < 0.7 else self.surname(mother_community)
        elif kind in ("single_father", "father_stepmother"):
            assert father is not None
            father.last = child_surname["F"] = F
            if step is not None:
                step.last = F if rng.random() < 0.5 else self.surname(mother_community)
                if step.last == F and rng.random() < 0.5:
                    step.other_names.append((OtherName.Kind.PREVIOUS, step.first, self.surname(mother_community)))
        elif kind == "grandparent_carer":
            assert grandparent is not None
            grandparent.last = self.surname(mother_community)
            child_surname["A"] = grandparent.last if rng.random() < 0.5 else A
        if mother is not None and mother.last != M and rng.random() < 0.45:
            mother.other_names.append((OtherName.Kind.PREVIOUS, mother.first, M))
        for woman in (mother, step, grandparent):
            community = woman.community if woman is not None else None
            if (
                woman is not None
                and woman.sex == "F"
                and community is not None
                and community.women_surname
                and rng.random() < community.women_surname_share
            ):
                woman.last = community.women_surname
                woman.other_names.clear()

        # The children.
        first_adult = len(members)
        for (born, twin), mark in zip(children, marks, strict=True):
            sex = "M" if rng.random() < 0.51 else "F"
            community = main if not mixed_code or rng.random() < 0.3 else self.community_by_key["white_british"]
            child = Member(role="child", sex=sex, dob=born, community=community, twin=twin)
            child.first = self.first_name(community, sex, born, False, used_names)
            twin_of = members[-1] if twin and members[-1].twin and members[-1].dob == born else None
            for _ in range(20):
                # Twins' names are not alike (Harry and Harley), or they would look like one child twice.
                if twin_of is None or similarity(child.first, twin_of.first) < 0.75:
                    break
                child.first = self.first_name(community, sex, born, False, used_names)
            child.middle = self.middle_name(community, sex, born, False, child.first)
            child.last = child_surname.get(mark) or child_surname.get("F") or M
            child.mother_mark, child.father_mark = mother_mark, mark
            members.append(child)
        if unborn is not None:
            mark = marks[-1]
            child = Member(role="child", sex="U", dob=None, community=main, expected=unborn)
            child.first, child.last = "Unborn", child_surname.get(mark) or M
            child.mother_mark, child.father_mark = mother_mark, mark
            members.append(child)
            self.counts["unborn"] += 1

        for member in members:
            member.last = feminine(member.last, member.sex)
            for i, (name_kind, first, last) in enumerate(member.other_names):
                member.other_names[i] = (name_kind, first, feminine(last, member.sex))

        self.describe(members, main, mixed_code)

        # Relationships between members, by index.
        relationships: list[tuple[int, int, str, bool, date | None]] = []
        index = {id(m): i for i, m in enumerate(members)}
        kids = list(range(first_adult, len(members)))
        step_pr = rng.random() < 0.15
        for k in kids:
            child = members[k]
            since = child.dob
            if mother is not None and child.mother_mark == "M":
                relationships.append((k, index[id(mother)], RelationshipKind.MOTHER, True, since))
            if father is not None and child.father_mark == "F":
                relationships.append((k, index[id(father)], RelationshipKind.FATHER, True, since))
            if step is not None:
                if kind == "mother_stepfather" and child.father_mark == "S":
                    relationships.append((k, index[id(step)], RelationshipKind.FATHER, True, since))
                else:
                    relationships.append((k, index[id(step)], RelationshipKind.STEP_PARENT, step_pr, None))
            if grandparent is not None:
                relationships.append((k, index[id(grandparent)], RelationshipKind.GRANDPARENT, False, None))
        for a_pos, a in enumerate(kids):
            for b in kids[a_pos + 1 :]:
                x, y = members[a], members[b]
                same = (x.mother_mark == y.mother_mark) + (x.father_mark == y.father_mark)
                sibling = RelationshipKind.HALF_SIBLING if same == 1 else RelationshipKind.SIBLING
                relationships.append((a, b, sibling, False, None))
        adults = [m for m in (mother, father, step) if m is not None]
        if len(adults) == 2:
            relationships.append((index[id(adults[0])], index[id(adults[1])], RelationshipKind.PARTNER, False, None))
        if kind == "mother_grandmother" and mother is not None and grandparent is not None:
            young_mother = self.age(mother.dob) < 18
            relationships.append(
                (index[id(mother)], index[id(grandparent)], RelationshipKind.MOTHER, young_mother, None)
            )

        # Where they live, and since when.
        youngest_adult = max((m.dob for m in members[:first_adult] if m.dob), default=eldest)
        earliest = max(youngest_adult + timedelta(days=int(18 * YEAR)), today - timedelta(days=int(16 * YEAR)))
        # A parent under 18 has not had a home of her own for long.
        earliest = min(earliest, today - timedelta(days=60))
        moved_in = self.between(earliest, today - timedelta(days=10))
        household = Household(kind, members, relationships, self.addresses.new_address(), moved_in)
        for member in members:
            if member.dob is not None:
                member.moved_in = max(moved_in, member.dob)
        if step is not None and rng.random() < 0.5:
            step.moved_in = self.between(moved_in, today - timedelta(days=10))
        if rng.random() < PREVIOUS_ADDRESS_SHARE and (moved_in - earliest).days > 400:
            household.previous = self.addresses.new_address()
            household.previous_out = moved_in - timedelta(days=rng.randint(0, 20))
            household.previous_in = self.between(earliest, household.previous_out - timedelta(days=180))
        household.confidential = rng.random() < CONFIDENTIAL_SHARE
        household.gp = rng.choice(self.gps)
        household.primary = rng.randrange(len(self.primaries))
        household.secondary = rng.choice(self.secondaries)
        household.health_visitor = rng.choice(self.health_visitors)
        household.midwife = rng.choice(self.midwives)
        return household

    def describe(self, members: list[Member], main: data.Community, mixed_code: str) -> None:
        """Ethnicity, language, religion, disabilities, identifiers and contact details."""
        rng, today = self.rng, self.today
        religion = self.weighted(("religion", main.key), main.religions).pick(rng)
        home_language = ""
        # One code per community in the household, so a family reads consistently;
        # now and then a person's is not yet obtained or was refused.
        family_codes: dict[str, str] = {}
        for member in members:
            community = member.community
            age = self.age(member.dob)
            is_child = member.role == "child"
            key = "children" if is_child and mixed_code else (main if is_child else community).key
            if key not in family_codes:
                if is_child and mixed_code:
                    family_codes[key] = mixed_code
                else:
                    origin = main if is_child else community
                    family_codes[key] = self.weighted(("ethnicity", origin.key), origin.ethnicities).pick(rng)
            roll = rng.random()
            member.ethnicity = "NOBT" if roll < 0.04 else "REFU" if roll < 0.05 else family_codes[key]
            if not is_child:
                member.language = self.weighted(("language", community.key), community.languages).pick(rng)
                if member.language != "English":
                    home_language = home_language or member.language
                    member.interpreter = rng.random() < community.interpreter
            elif home_language and rng.random() < main.children_home_language:
                member.language = home_language
                member.interpreter = age >= 3 and rng.random() < 0.1
            member.religion = religion if rng.random() < (0.8 if not is_child else 0.6) else ""
            if community.migrant or (is_child and main.migrant):
                if is_child:
                    member.immigration = rng.choice(("", "", "", "", "", "", "", "british", "british", "settled"))
                else:
                    member.immigration = self.immigration.pick(rng)
            roll = rng.random()
            if member.expected is not None:
                member.disabilities = []
            elif is_child:
                if roll < 0.05:
                    codes_wanted = 1 if rng.random() < 0.75 else 2
                    chosen: list[str] = []
                    while len(chosen) < codes_wanted:
                        code = self.child_disabilities.pick(rng)
                        if code not in chosen:
                            chosen.append(code)
                    member.disabilities = chosen
                elif roll < 0.45:
                    member.disabilities = ["NONE"]
            elif roll < 0.02:
                member.disabilities = [self.adult_disabilities.pick(rng)]
            elif roll < 0.3:
                member.disabilities = ["NONE"]
            if member.dob is not None and rng.random() < NHS_NUMBER_SHARE:
                member.nhs = self.nhs_number()
            if not is_child or age >= 18:
                if rng.random() < 0.65:
                    member.phone = PHONE_MOBILE.format(rng.randrange(1000))
                elif rng.random() < 0.3:
                    member.phone = PHONE_LANDLINE.format(rng.randrange(1000))
                if rng.random() < 0.15:
                    member.email = f"{clean(member.first)}.{clean(member.last)}{rng.randint(1, 99)}@example.com"
                if rng.random() < 0.02:
                    value = f"NP-{rng.randint(10, today.year % 100):02d}-{rng.randrange(1_000_000):06d}"
                    member.identifiers.append((Identifier.Kind.POLICE, value, "Northbridge Police"))
                if rng.random() < 0.01:
                    value = f"QQ{rng.randrange(1_000_000):06d}{rng.choice('ABCD')}"
                    member.identifiers.append((Identifier.Kind.NI_NUMBER, value, ""))
                alias = self.surname(community) if rng.random() < 0.004 else ""
                if alias and clean(alias) != clean(member.last):
                    member.other_names.append((OtherName.Kind.ALIAS, member.first, alias))
            elif member.dob is not None:
                if rng.random() < 0.02:
                    value = f"CF{rng.randrange(1_000_000):06d}"
                    member.identifiers.append(
                        (Identifier.Kind.PREVIOUS_SYSTEM, value, "Previous case management system")
                    )
                group = NICKNAMES.get(clean(member.first))
                if group and group[0] == clean(member.first) and rng.random() < 0.08:
                    member.other_names.append((OtherName.Kind.PREFERRED, rng.choice(group[1:]).title(), ""))
            born = member.dob or member.expected or today
            member.created = self.between(max(born, today - timedelta(days=3650)), today - timedelta(days=1))

    # Inserting a chunk ------------------------------------------------------

    def insert(self, households: list[Household]) -> None:
        rng, today = self.rng, self.today
        counts = self.counts
        addresses: list[Address] = []
        for household in households:
            addresses.append(household.address)
            if household.previous is not None:
                addresses.append(household.previous)
        Address.objects.bulk_create(addresses, batch_size=BATCH_SIZE)
        counts["addresses"] += len(addresses)

        people: list[Person] = []
        for household in households:
            for member in household.members:
                assert member.created is not None
                people.append(
                    Person(
                        first_name=member.first,
                        middle_names=member.middle,
                        last_name=member.last,
                        date_of_birth=member.dob,
                        expected_date_of_birth=member.expected,
                        sex=member.sex,
                        ethnicity=member.ethnicity,
                        disabilities=member.disabilities,
                        first_language=member.language,
                        interpreter_needed=member.interpreter,
                        religion=member.religion,
                        immigration_status=member.immigration,
                        nhs_number=member.nhs,
                        phone=member.phone,
                        email=member.email,
                        created_at=self.moment(member.created),
                    )
                )
        # UPNs carry the DfE number of the household's primary school (the first school a child went to).
        position = 0
        for household in households:
            for member in household.members:
                person = people[position]
                position += 1
                age = self.age(member.dob)
                if member.dob is not None and 5 <= age <= 17:
                    if rng.random() < UPN_SHARE:
                        person.upn = self.upn(member.dob, self.primaries, household.primary)
                        counts["upns"] += bool(person.upn)
                    elif rng.random() < UPN_REASON_SHARE:
                        person.upn_unknown_reason = rng.choice(UPN_UNKNOWN_REASONS)
        Person.objects.bulk_create(people, batch_size=BATCH_SIZE)

        residences: list[Residence] = []
        relationships: list[Relationship] = []
        other_names: list[OtherName] = []
        index_rows: list[PersonName] = []
        identifiers: list[Identifier] = []
        involvements: list[Involvement] = []
        recorded = self.moment(today - timedelta(days=1), hour=18)
        position = 0
        for household in households:
            counts["households"] += 1
            ids: list[int] = []
            mother_pid, mother_last = 0, ""
            for member in household.members:
                person = people[position]
                position += 1
                assert person.pk is not None
                member.pid = person.pk
                ids.append(person.pk)
                if member.role == "mother":
                    mother_pid, mother_last = person.pk, member.last
            self.household_ids.append(ids)
            for member in household.members:
                pid = member.pid
                age = self.age(member.dob)
                is_child = member.dob is None or age < 18
                counts["children" if is_child else "adults"] += 1
                counts["nhs_numbers"] += bool(member.nhs)
                if not is_child:
                    self.adult_ids.append(pid)
                residences.append(
                    Residence(
                        person_id=pid,
                        address=household.address,
                        moved_in=member.moved_in,
                        is_confidential=household.confidential,
                    )
                )
                if household.previous is not None and member.dob is not None:
                    assert household.previous_in is not None and household.previous_out is not None
                    if member.dob <= household.previous_out and (member.role != "stepfather" or rng.random() < 0.3):
                        residences.append(
                            Residence(
                                person_id=pid,
                                address=household.previous,
                                moved_in=max(household.previous_in, member.dob),
                                moved_out=household.previous_out,
                            )
                        )
                names = [(member.first, member.last, False)]
                for name_kind, first, last in member.other_names:
                    other_names.append(
                        OtherName(person_id=pid, kind=name_kind, first_name=first, last_name=last, added_at=recorded)
                    )
                    names.append((first or member.first, last or member.last, True))
                index_rows += name_rows(pid, names, member.dob or member.expected)
                for id_kind, value, issuer in member.identifiers:
                    identifiers.append(
                        Identifier(person_id=pid, kind=id_kind, value=value, issuer=issuer, added_at=recorded)
                    )
                if member.role == "child":
                    involvements += self.involvements(household, member)
                # Anyone born may be given a planted duplicate, except twins and people at a refuge.
                if member.dob is not None and not member.twin and not household.confidential:
                    has_mother = member.role == "child" and member.mother_mark == "M"
                    self.originals.append(
                        Original(
                            pid=pid,
                            first=member.first,
                            middle=member.middle,
                            last=member.last,
                            dob=member.dob,
                            sex=member.sex,
                            ethnicity=member.ethnicity,
                            language=member.language,
                            address=household.address,
                            moved_in=member.moved_in,
                            mother_pid=mother_pid if has_mother else 0,
                            mother_last=mother_last if has_mother else "",
                            household=len(self.household_ids) - 1,
                        )
                    )
            for a, b, kind, pr, since in household.relationships:
                one, other = household.members[a].pid, household.members[b].pid
                relationships.append(
                    Relationship(
                        person_id=one,
                        relative_id=other,
                        kind=kind,
                        parental_responsibility=pr,
                        started_on=since,
                        recorded_at=recorded,
                    )
                )
                relationships.append(
                    Relationship(
                        person_id=other,
                        relative_id=one,
                        kind=RECIPROCAL[RelationshipKind(kind)],
                        parental_responsibility=pr,
                        started_on=since,
                        recorded_at=recorded,
                    )
                )
        Residence.objects.bulk_create(residences, batch_size=BATCH_SIZE)
        Relationship.objects.bulk_create(relationships, batch_size=BATCH_SIZE)
        OtherName.objects.bulk_create(other_names, batch_size=BATCH_SIZE)
        Identifier.objects.bulk_create(identifiers, batch_size=BATCH_SIZE)
        Involvement.objects.bulk_create(involvements, batch_size=BATCH_SIZE)
        PersonName.objects.bulk_create(index_rows, batch_size=BATCH_SIZE)
        counts["residences"] += len(residences)
        counts["relationships"] += len(relationships)
        counts["other_names"] += len(other_names)
        counts["identifiers"] += len(identifiers)
        counts["involvements"] += len(involvements)

    def involvements(self, household: Household, member: Member) -> list[Involvement]:
        rng, today = self.rng, self.today
        rows: list[Involvement] = []
        pid = member.pid
        if member.dob is None:
            if household.midwife is not None and rng.random() < 0.9:
                rows.append(
                    Involvement(
                        person_id=pid,
                        professional=household.midwife,
                        started_on=today - timedelta(days=rng.randint(20, 120)),
                    )
                )
            return rows
        born = member.dob
        age = self.age(born)
        if household.gp is not None and rng.random() < 0.95:
            rows.append(Involvement(person_id=pid, professional=household.gp, started_on=max(born, household.moved_in)))
        if age < 5 and household.health_visitor is not None and rng.random() < 0.9:
            started = min(born + timedelta(days=rng.randint(10, 14)), today)
            rows.append(Involvement(person_id=pid, professional=household.health_visitor, started_on=started))
        year = self.school_year(born)
        if 0 <= year <= 13 and rng.random() < 0.96:
            start = born.year + (4 if born.month < 9 else 5)
            if year <= 6:
                school = self.primaries[household.primary].professional
                started = date(start, 9, 1)
            else:
                assert household.secondary is not None
                school, started = household.secondary, date(start + 7, 9, 1)
            rows.append(Involvement(person_id=pid, professional=school, started_on=started))
        if 5 <= age <= 17 and rng.random() < 0.03:
            rows.append(Involvement(person_id=pid, professional=rng.choice(self.school_nurses), started_on=None))
        if 11 <= age <= 17:
            if rng.random() < 0.03:
                started = today - timedelta(days=rng.randint(30, 700))
                rows.append(Involvement(person_id=pid, professional=rng.choice(self.camhs), started_on=started))
            if age >= 13 and rng.random() < 0.008:
                started = today - timedelta(days=rng.randint(30, 400))
                rows.append(Involvement(person_id=pid, professional=rng.choice(self.youth_justice), started_on=started))
            if rng.random() < 0.004:
                started = today - timedelta(days=rng.randint(10, 200))
                rows.append(Involvement(person_id=pid, professional=rng.choice(self.police), started_on=started))
        return rows

    # After the families ------------------------------------------------------

    def plant_duplicates(self) -> list[tuple[int, int, str]]:
        """Second records of about 3% of people, each differing in a named way."""
        rng, today = self.rng, self.today
        wanted = min(round(self.counts["people"] * DUPLICATE_SHARE / (1 - DUPLICATE_SHARE)), len(self.originals))
        # Each variation gets its share (at least one), taken from people it can apply to.
        total = sum(weight for _, weight in VARIATIONS)
        quotas = [(variation, max(1, round(wanted * weight / total))) for variation, weight in VARIATIONS]
        order = list(range(len(self.originals)))
        rng.shuffle(order)
        taken: set[int] = set()
        plans: list[tuple[Original, str, dict[str, Any]]] = []
        for variation, quota in quotas:
            found = 0
            for position in order:
                if found >= quota or len(plans) >= wanted:
                    break
                if position in taken:
                    continue
                original = self.originals[position]
                changes = self.vary(original, variation)
                if changes is not None:
                    taken.add(position)
                    plans.append((original, variation, changes))
                    found += 1
        rng.shuffle(plans)
        self.duplicated_households = {original.household for original, _, _ in plans}
        recorded = self.moment(today - timedelta(days=1), hour=18)
        new_addresses = [self.addresses.new_address() for _ in plans]
        duplicates: list[Person] = []
        for original, _, changes in plans:
            created = self.between(today - timedelta(days=3650), today - timedelta(days=1))
            duplicates.append(
                Person(
                    first_name=changes.get("first", original.first),
                    middle_names=original.middle,
                    last_name=changes.get("last", original.last),
                    date_of_birth=changes.get("dob", original.dob),
                    sex=original.sex,
                    ethnicity=original.ethnicity if rng.random() < 0.7 else "NOBT",
                    first_language=original.language if rng.random() < 0.8 else "",
                    created_at=self.moment(created),
                )
            )
        Person.objects.bulk_create(duplicates, batch_size=BATCH_SIZE)
        moved: list[Address] = []
        residences: list[Residence] = []
        relationships: list[Relationship] = []
        index_rows: list[PersonName] = []
        planted: list[tuple[int, int, str]] = []
        for (original, variation, _), duplicate, elsewhere in zip(plans, duplicates, new_addresses, strict=True):
            assert duplicate.pk is not None
            planted.append((original.pid, duplicate.pk, variation))
            index_rows += name_rows(
                duplicate.pk,
                [(duplicate.first_name, duplicate.last_name, False)],
                duplicate.date_of_birth or duplicate.expected_date_of_birth,
            )
            if variation == "changed_surname" or rng.random() < 0.85:
                residences.append(
                    Residence(person_id=duplicate.pk, address=original.address, moved_in=original.moved_in)
                )
            else:
                moved.append(elsewhere)
                moved_in = self.between(original.dob, today - timedelta(days=400))
                residences.append(Residence(person_id=duplicate.pk, address=elsewhere, moved_in=moved_in))
            if variation == "changed_surname":
                for person, relative, kind in (
                    (duplicate.pk, original.mother_pid, RelationshipKind.MOTHER),
                    (original.mother_pid, duplicate.pk, RelationshipKind.CHILD),
                ):
                    relationships.append(
                        Relationship(
                            person_id=person,
                            relative_id=relative,
                            kind=kind,
                            parental_responsibility=True,
                            started_on=original.dob,
                            recorded_at=recorded,
                        )
                    )
        Address.objects.bulk_create(moved, batch_size=BATCH_SIZE)
        Residence.objects.bulk_create(residences, batch_size=BATCH_SIZE)
        Relationship.objects.bulk_create(relationships, batch_size=BATCH_SIZE)
        PersonName.objects.bulk_create(index_rows, batch_size=BATCH_SIZE)
        counts = self.counts
        counts["people"] += len(duplicates)
        counts["planted_duplicates"] = len(planted)
        counts["addresses"] += len(moved)
        counts["residences"] += len(residences)
        counts["relationships"] += len(relationships)
        for original, _, changes in plans:
            born = changes.get("dob", original.dob)
            counts["children" if self.age(born) < 18 else "adults"] += 1
        return planted

    def vary(self, original: Original, variation: str) -> dict[str, Any] | None:
        """The fields a duplicate changes for one variation, or None if it cannot apply to this person."""
        rng, today = self.rng, self.today
        changes: dict[str, Any] = {}
        for part in variation.split("+"):
            if part == "first_name_typo":
                changes["first"] = typo(original.first, rng)
            elif part == "surname_typo":
                changes["last"] = typo(original.last, rng)
            elif part == "nickname":
                name = clean(original.first)
                group = NICKNAMES.get(name)
                if not group:
                    return None
                root = group[0]
                if name == root:
                    choices = [other for other in group[1:] if NICKNAMES.get(other) is group]
                else:
                    choices = [root] if root in self.names_by_sex.get(original.sex, set()) else []
                if not choices:
                    return None
                changes["first"] = rng.choice(choices).title()
            elif part == "day_month_swapped":
                born = original.dob
                if born.day > 12 or born.day == born.month:
                    return None
                swapped = date(born.year, born.day, born.month)
                if swapped > today:
                    return None
                changes["dob"] = swapped
            elif part == "year_off_by_one":
                born = original.dob
                if born.month == 2 and born.day == 29:
                    return None
                later = born.replace(year=born.year + 1)
                changes["dob"] = later if later <= today and rng.random() < 0.5 else born.replace(year=born.year - 1)
            elif part == "changed_surname":
                if not original.mother_pid:
                    return None
                if clean(original.mother_last) != clean(original.last):
                    changes["last"] = original.mother_last
                else:
                    for _ in range(10):
                        other = feminine(self.surname(self.community_by_key["white_british"]), original.sex)
                        if clean(other) != clean(original.last):
                            changes["last"] = other
                            break
                    else:
                        return None
        return changes

    def restrict(self) -> None:
        """Whole households restricted, each person granted to one team manager."""
        if not self.managers:
            return
        rng, today = self.rng, self.today
        wanted = max(2, round(self.counts["people"] * RESTRICTED_SHARE))
        candidates = [i for i in range(len(self.household_ids)) if i not in self.duplicated_households]
        rng.shuffle(candidates)
        reasons = Weighted(RESTRICTION_REASONS)
        by_reason: dict[str, list[int]] = {}
        grants: list[RestrictionGrant] = []
        restricted = 0
        for household in candidates:
            if restricted >= wanted:
                break
            ids = self.household_ids[household]
            reason = reasons.pick(rng)
            manager = rng.choice(self.managers)
            granted = self.moment(self.between(today - timedelta(days=1500), today - timedelta(days=1)))
            by_reason.setdefault(reason, []).extend(ids)
            grants += [
                RestrictionGrant(person_id=pid, user=manager, role="", granted_by=manager, granted_at=granted)
                for pid in ids
            ]
            restricted += len(ids)
        for why, ids in by_reason.items():
            for start in range(0, len(ids), 500):
                Person.objects.filter(id__in=ids[start : start + 500]).update(
                    is_restricted=True, restriction_reason=why
                )
        RestrictionGrant.objects.bulk_create(grants, batch_size=BATCH_SIZE)
        self.counts["restricted"] = restricted

    def warn(self) -> None:
        """Warnings on about 1% of adults; about a quarter overdue for review."""
        if not self.managers:
            return
        rng, today = self.rng, self.today
        wanted = min(len(self.adult_ids), max(3, round(len(self.adult_ids) * WARNING_SHARE)))
        kinds = Weighted(WARNING_KINDS)
        warnings: list[Warning] = []
        identifiers: list[Identifier] = []
        for pid in rng.sample(self.adult_ids, wanted):
            kind = kinds.pick(rng)
            if rng.random() < 0.25:
                review_on = today - timedelta(days=rng.randint(1, 120))
            else:
                review_on = today + timedelta(days=rng.randint(1, 180))
            raised_on = min(review_on - timedelta(days=rng.randint(90, 365)), today - timedelta(days=1))
            reviewed = None
            if rng.random() < 0.3 and (today - raised_on).days > 60:
                reviewed = self.moment(self.between(raised_on + timedelta(days=30), today - timedelta(days=1)))
            warnings.append(
                Warning(
                    person_id=pid,
                    kind=kind,
                    details=rng.choice(data.WARNING_DETAILS[str(kind)]),
                    review_on=review_on,
                    raised_by=rng.choice(self.managers),
                    raised_at=self.moment(raised_on),
                    last_reviewed_at=reviewed,
                )
            )
            if kind in (Warning.Kind.VIOLENCE, Warning.Kind.RISK_TO_CHILDREN) and rng.random() < 0.7:
                value = f"NP-{raised_on.year % 100:02d}-{rng.randrange(1_000_000):06d}"
                identifiers.append(
                    Identifier(
                        person_id=pid,
                        kind=Identifier.Kind.POLICE,
                        value=value,
                        issuer="Northbridge Police",
                        added_at=self.moment(raised_on),
                    )
                )
        Warning.objects.bulk_create(warnings, batch_size=BATCH_SIZE)
        Identifier.objects.bulk_create(identifiers, batch_size=BATCH_SIZE)
        self.counts["warnings"] = len(warnings)
        self.counts["identifiers"] += len(identifiers)


def seed(context: SeedContext) -> None:
    PeopleBuilder(context).build()
    if not context.is_large:
        # The demo's duplicate queue starts with the finder's results; the
        # benchmarks time the finder on the large council themselves.
        from frontdoor.people.duplicates import find_duplicates

        find_duplicates()

"""Finding people on the large council: search speed and quality, and the duplicate finder."""

import random
import statistics
import time
from datetime import date

from bench.harness import Result, planted_duplicates
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.people.duplicates import find_duplicates
from frontdoor.people.matching import PartialDate
from frontdoor.people.models import Person
from frontdoor.people.search import SearchOutcome, SearchQuery, search_people

QUERIES = 300
rng = random.Random(1126)


def misspell(name: str) -> str:
    """One slip of the fingers: two letters swapped, one dropped or one doubled."""
    if len(name) < 4:
        return name
    i = rng.randrange(1, len(name) - 1)
    slip = rng.choice(["swap", "drop", "double"])
    if slip == "swap":
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if slip == "drop":
        return name[:i] + name[i + 1 :]
    return name[:i] + name[i] + name[i:]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def timed_search(user: User, query: SearchQuery) -> tuple[float, SearchOutcome]:
    started = time.perf_counter()
    outcome = search_people(user=user, query=query)
    return (time.perf_counter() - started) * 1000, outcome


def sample_people() -> list[tuple[int, str, str, date, str, str, str]]:
    live = Person.objects.filter(merged_into__isnull=True, date_of_birth__isnull=False, is_restricted=False)
    highest = live.order_by("-id").values_list("id", flat=True).first() or 0
    ids = rng.sample(range(1, highest + 1), min(highest, QUERIES * 3))
    fields = ("id", "first_name", "last_name", "date_of_birth", "nhs_number", "upn", "la_child_id")
    people = list(live.filter(id__in=ids).values_list(*fields))
    rng.shuffle(people)
    return people[:QUERIES]


def run() -> list[Result]:
    user = User.objects.filter(role=Role.SOCIAL_WORKER, is_active=True).first()
    assert user is not None, "the large council has social workers"
    people = sample_people()
    search_people(user=user, query=SearchQuery("warm up", PartialDate(None, None, 2015)))

    # Name and partial date of birth: a misspelt surname or first name, and the
    # year of birth (or the month and year) as a caller remembers them.
    name_times, found_in_top_five = [], 0
    for pid, first, last, born, *_ in people:
        text = f"{first} {misspell(last)}" if rng.random() < 0.5 else f"{misspell(first)} {last}"
        dob = PartialDate(None, None, born.year) if rng.random() < 0.5 else PartialDate(None, born.month, born.year)
        ms, outcome = timed_search(user, SearchQuery(text, dob))
        name_times.append(ms)
        found_in_top_five += pid in [r.person.pk for r in outcome.results[:5]]

    identifier_times = []
    for _, _, _, _, nhs, upn, la_child_id in people:
        identifier = rng.choice([v for v in (f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}" if nhs else "", upn, la_child_id) if v])
        ms, _ = timed_search(user, SearchQuery(identifier))
        identifier_times.append(ms)

    started = time.perf_counter()
    report = find_duplicates()
    finder_seconds = time.perf_counter() - started
    truth = planted_duplicates()
    found = set(report.pairs)
    true_positives = len(found & truth)
    precision = true_positives / len(found) if found else 0.0
    recall = true_positives / len(truth) if truth else 0.0

    return [
        Result(
            f"search p95, name and partial date of birth ({QUERIES} queries)",
            percentile(name_times, 0.95),
            "ms",
            50,
            detail=f"p50 {statistics.median(name_times):.1f} ms",
        ),
        Result(
            "search finds the misspelt child in its top five",
            found_in_top_five / len(people),
            "share",
            0.95,
            kind="min",
        ),
        Result(
            f"search p95, NHS number, UPN or LA child ID ({QUERIES} queries)",
            percentile(identifier_times, 0.95),
            "ms",
            10,
            detail=f"p50 {statistics.median(identifier_times):.1f} ms",
        ),
        Result(
            f"duplicate finder over {report.people:,} people",
            finder_seconds,
            "s",
            300,
            detail=f"{report.pairs_compared:,} pairs compared",
        ),
        Result(f"duplicate finder precision ({len(found):,} pairs found)", precision, "share", 0.95, kind="min"),
        Result(f"duplicate finder recall ({len(truth):,} planted)", recall, "share", 0.90, kind="min"),
    ]

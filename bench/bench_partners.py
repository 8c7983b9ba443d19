"""Importing a CSV file of police notifications, with the people index's likely matches for everyone on them.

The file has ROWS lines, one a person, about 2.5 to a notification: children of the large council's index with
their parents as victim and alleged perpetrator, spelt as the police spell them now and then (the seed's own
misspellings and swapped dates). Each import runs in a transaction that is rolled back, so the benchmark leaves
the database as it was, the event log included.
"""

import csv
import io
import random
import time
from contextlib import nullcontext
from datetime import datetime, timedelta

from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.harness import Result
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.contacts.seed.tools import Weighted
from frontdoor.partners.imports import COLUMNS, import_notifications
from frontdoor.partners.models import NotificationPerson, PoliceNotification, TriageMeeting
from frontdoor.partners.seed import CHILD_COUNTS, INCIDENT_HOURS, RISKS, Family, Written, as_police_give, load_families

ROWS = 20_000
PREFIX = "BENCH-PPN-"
KINDS = Weighted([("domestic_abuse", 80.0), ("missing", 15.0), ("other", 5.0)])
As = NotificationPerson.Role


def notifications_csv(families: list[Family], rows: int = ROWS, *, seed: int = 1126) -> tuple[bytes, int]:
    """A police force's export of the last week's notifications: the file, and how many notifications it holds."""
    rng = random.Random(seed)
    now = timezone.localtime().replace(tzinfo=None)
    with_children = [f for f in families if f.children]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    written = count = 0
    while written < rows:
        family = rng.choice(with_children)
        kind = KINDS.pick(rng)
        children = rng.sample(family.children, min(len(family.children), CHILD_COUNTS.pick(rng)))
        role = As.CHILD_PRESENT if rng.random() < 0.6 else As.CHILD_LINKED
        people: list[Written] = [as_police_give(rng, child, role, capitals=False) for child in children]
        risk, marac = "", False
        if kind == "domestic_abuse":
            risk = RISKS.pick(rng)
            marac = risk == "high" and rng.random() < 0.85
            adults = family.adults[:2]
            people += [
                as_police_give(rng, adult, who, capitals=False)
                for adult, who in zip(adults, (As.VICTIM, As.ALLEGED_PERPETRATOR), strict=False)
            ]
        people = people[: rows - written]
        # An unborn child's expected date, or a swapped day and month, can fall after today: the import
        # rightly refuses a birth in the future, and the police would not send one.
        if any(person.born and person.born > now.date() for person in people):
            continue
        count += 1
        day = now - timedelta(days=rng.randint(1, 7))
        at = datetime.combine(day.date(), datetime.min.time()) + timedelta(
            hours=INCIDENT_HOURS.pick(rng), minutes=rng.randrange(60)
        )
        for person in people:
            writer.writerow(
                (
                    f"{PREFIX}{count:06d}",
                    at.strftime("%d/%m/%Y %H:%M"),
                    kind,
                    risk,
                    "yes" if marac else "no",
                    "Incident at the home address; children spoken to by officers.",
                    person.role,
                    person.first,
                    person.last,
                    person.born.strftime("%d/%m/%Y") if person.born else "",
                    person.postcode,
                )
            )
        written += len(people)
    return out.getvalue().encode(), count


def run(rows: int = ROWS) -> list[Result]:
    officer = User.objects.filter(role=Role.CONTACT_OFFICER, is_active=True).order_by("pk").first()
    assert officer is not None, "the large council has contact officers"
    data, count = notifications_csv(load_families(timezone.localdate()), rows)

    def imported(*, capture: bool) -> tuple[float, int, int]:
        """Seconds, queries made (if counted), and people given a likely match; rolled back so nothing stays."""
        with transaction.atomic():
            # Timed without the query log, whose keeping costs time of its own.
            queries = CaptureQueriesContext(connection)
            with queries if capture else nullcontext():
                started = time.perf_counter()
                report = import_notifications(file=io.BytesIO(data), by=officer)
                seconds = time.perf_counter() - started
            assert report.ok and report.lines == rows and report.received == count, report.errors[:5]
            named = NotificationPerson.objects.filter(notification__police_reference__startswith=PREFIX)
            found = named.exclude(suggestions=[]).count()
            transaction.set_rollback(True)
        return seconds, len(queries) if capture else 0, found

    seconds, _, suggested = imported(capture=False)
    _, queries, _ = imported(capture=True)
    return [
        *meeting_results(officer, data),
        Result(
            f"police notifications CSV import with matching ({rows:,} lines, {count:,} notifications)",
            rows / seconds,
            "rows/s",
            5_000,
            kind="min",
            detail=f"{seconds:.1f} s; {suggested:,} of {rows:,} people given a likely match",
        ),
        Result(
            f"police notifications CSV import queries ({rows:,} lines)",
            queries,
            "queries",
            rows / 100,  # a few a batch of a thousand lines, never one a line
        ),
    ]


MEETING_LOADS = 40
MEETING_NOTIFICATIONS = 100


def meeting_results(officer: User, data: bytes) -> list[Result]:
    """The daily meeting's list with 100 notifications waiting, and its query count with 10 and with 100.

    The notifications are the first of the import file's, added to the few the seed leaves waiting; the
    meeting and the notifications are rolled back, so the benchmark leaves the database as it was.
    """
    lines = data.decode().splitlines()
    header, body = lines[0], lines[1:]
    client = Client(HTTP_HOST="localhost")
    client.force_login(officer)
    with transaction.atomic():
        first_ten = _lines_for(body, 10)
        import_notifications(file=io.BytesIO("\n".join([header, *first_ten]).encode()), by=officer)
        meeting = TriageMeeting.objects.filter(held_on=timezone.localdate()).first() or TriageMeeting.objects.create(
            held_on=timezone.localdate(), chair=officer
        )
        path = f"/partners/meetings/{meeting.pk}/"
        assert client.get(path).status_code == 200  # the first load fills the per-process caches
        # The query log keeps only the last 9,000 queries: once full, a capture would count none.
        reset_queries()
        with CaptureQueriesContext(connection) as few:
            assert client.get(path).status_code == 200
        rest = _lines_for(body, MEETING_NOTIFICATIONS)[len(first_ten) :]
        import_notifications(file=io.BytesIO("\n".join([header, *rest]).encode()), by=officer)
        waiting = PoliceNotification.objects.filter(triaged_at=None).count()
        reset_queries()
        with CaptureQueriesContext(connection) as many:
            assert client.get(path).status_code == 200
        times = []
        for _ in range(MEETING_LOADS):
            started = time.perf_counter()
            assert client.get(path).status_code == 200
            times.append((time.perf_counter() - started) * 1000)
        transaction.set_rollback(True)
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return [
        Result(f"daily meeting list p95, {waiting} notifications waiting ({MEETING_LOADS} loads)", p95, "ms", 200),
        Result(
            "daily meeting list queries, 10 notifications waiting and 100",
            len(many),
            "queries",
            len(few),
            detail=f"{len(few)} with 10, {len(many)} with {waiting}",
        ),
    ]


def _lines_for(body: list[str], notifications: int) -> list[str]:
    """The file's lines for its first so many notifications (a notification's lines come together)."""
    seen: list[str] = []
    chosen = []
    for line in body:
        reference = line.split(",", 1)[0]
        if reference not in seen:
            if len(seen) == notifications:
                break
            seen.append(reference)
        chosen.append(line)
    return chosen

"""The front door on the large council: the duty queue page and recording a contact."""

import statistics
import time
from datetime import timedelta

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.harness import Result
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.contacts import services
from frontdoor.contacts.models import Contact
from frontdoor.people.models import Person

PAGE_LOADS = 60
CONTACTS = 200
EXTRA_IN_QUEUE = 50


class Rollback(Exception):
    """Raised to undo what a measurement wrote, leaving the benchmark database as seeded."""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def children(count: int) -> list[Person]:
    return list(
        Person.objects.filter(date_of_birth__year__gte=2012, is_restricted=False, merged_into__isnull=True).order_by(
            "id"
        )[:count]
    )


def record(officer: User, child: Person, minutes_ago: int) -> Contact:
    return services.record_contact(
        by=officer,
        received_at=timezone.now() - timedelta(minutes=minutes_ago),
        channel="phone",
        source="2A",
        referrer=services.Referrer("Mrs Patel", "Designated safeguarding lead", "Northbridge Primary"),
        children=[services.ChildOnContact(person=child)],
        concern="Bruises on her arm; she said her dad grabbed her.",
        categories=["physical_abuse"],
        rag="amber",
    )


def run() -> list[Result]:
    officer = User.objects.filter(role=Role.CONTACT_OFFICER, is_active=True).first()
    manager = User.objects.filter(role=Role.TEAM_MANAGER, is_active=True).first()
    assert officer and manager, "the large council has contact officers and managers"
    client = Client(HTTP_HOST="localhost")
    client.force_login(manager)
    client.get("/contacts/")
    in_queue = Contact.objects.exclude(status=Contact.Status.CLOSED).count()

    page_times = []
    for _ in range(PAGE_LOADS):
        started = time.perf_counter()
        response = client.get("/contacts/")
        page_times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200

    with CaptureQueriesContext(connection) as before:
        client.get("/contacts/")
    record_times = []
    try:
        with transaction.atomic():
            for number, child in enumerate(children(CONTACTS)):
                started = time.perf_counter()
                record(officer, child, minutes_ago=number)
                record_times.append((time.perf_counter() - started) * 1000)
            # The same page with more waiting: the number of queries must not grow.
            with CaptureQueriesContext(connection) as after:
                client.get("/contacts/")
            raise Rollback
    except Rollback:
        pass

    return [
        Result(
            f"duty queue page p95, {in_queue} waiting, 50 a page ({PAGE_LOADS} loads)",
            percentile(page_times, 0.95),
            "ms",
            150,
            detail=f"p50 {statistics.median(page_times):.1f} ms",
        ),
        Result(
            f"duty queue queries with {CONTACTS} more contacts waiting, beyond {len(before)}",
            len(after) - len(before),
            "queries",
            0,
        ),
        Result(
            f"record_contact p95 ({CONTACTS} contacts)",
            percentile(record_times, 0.95),
            "ms",
            30,
            detail=f"p50 {statistics.median(record_times):.1f} ms",
        ),
    ]

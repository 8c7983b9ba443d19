"""The synthetic council's police notifications: real-looking references, children on each, matched as people would.

The demo council is seeded twice for the module, the second time on an emptied database, to show the same seed
gives the same notifications; each test then reads it inside its own transaction.
"""

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from frontdoor.accounts.roles import Role
from frontdoor.contacts.seed.rates import SEED_TIME
from frontdoor.partners.models import (
    InformationRequest,
    NotificationPerson,
    PartnerProfile,
    PoliceNotification,
    PortalReferral,
    TriageDecision,
)
from frontdoor.partners.seed import UNMATCHED_DAYS
from frontdoor.people.models import Person
from frontdoor.records.models import Event
from frontdoor.seeding import seed_council

TODAY = date(2026, 11, 26)
SEED = 20261126


def fingerprint() -> list[tuple[Any, ...]]:
    """What the notifications are: when, what, and who is on them, as the police gave them and as matched."""
    people: dict[int, list[tuple[Any, ...]]] = {}
    for row in NotificationPerson.objects.order_by("id").values_list(
        "notification_id", "role", "first_name", "last_name", "date_of_birth", "person_id", "matched_at", "suggestions"
    ):
        people.setdefault(row[0], []).append(row[1:])
    notifications = PoliceNotification.objects.order_by("id").values_list(
        "id", "police_reference", "incident_at", "received_at", "kind", "dash_risk", "marac_referral", "summary"
    )
    return [(*n, tuple(people.get(n[0], ()))) for n in notifications]


@pytest.fixture(scope="module")
def first_seeding(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[tuple[Any, set[int]]]:
    with django_db_blocker.unblock():
        # From an empty database with fresh ID sequences both times, so the IDs can be compared too.
        call_command("flush", interactive=False, verbosity=0)
        seed_council(size="demo", seed=SEED, today=TODAY, say=lambda line: None)
        first = fingerprint()
        call_command("flush", interactive=False, verbosity=0)
        context = seed_council(size="demo", seed=SEED, today=TODAY, say=lambda line: None)
        yield first, set(context.shared["police_strangers"])
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def seeded(first_seeding: tuple[Any, set[int]], db: None) -> tuple[Any, set[int]]:
    return first_seeding


def test_the_same_seed_gives_the_same_notifications(seeded: tuple[Any, set[int]]) -> None:
    first, _ = seeded
    assert first and fingerprint() == first


def test_references_are_unique_and_look_like_the_polices(seeded: Any) -> None:
    references = list(PoliceNotification.objects.values_list("police_reference", flat=True))
    assert len(references) > 200 and len(set(references)) == len(references)
    assert all(re.fullmatch(r"PPN-20\d\d-\d{6}", r) for r in references)


def test_every_notification_names_a_child_and_most_are_domestic_abuse_received_after_the_incident(
    seeded: Any,
) -> None:
    notifications = PoliceNotification.objects.all()
    assert not notifications.exclude(people__role__in=NotificationPerson.CHILD_ROLES).exists()
    kinds = [n.kind for n in notifications]
    assert kinds.count(PoliceNotification.Kind.DOMESTIC_ABUSE) > 0.6 * len(kinds)
    for notification in notifications:
        assert notification.incident_at < notification.received_at <= moment(TODAY)
        assert (notification.dash_risk != "") == (notification.kind == PoliceNotification.Kind.DOMESTIC_ABUSE)
    evenings = [n for n in notifications if not 7 <= timezone.localtime(n.incident_at).hour < 17]
    assert len(evenings) > len(kinds) / 2


def test_matched_people_were_matched_by_a_contact_officer_within_a_day_of_receipt(seeded: Any) -> None:
    matched = NotificationPerson.objects.exclude(person=None).select_related("notification", "matched_by")
    assert matched.count() > NotificationPerson.objects.count() / 2
    for named in matched:
        assert named.matched_by is not None and named.matched_by.role == Role.CONTACT_OFFICER
        assert named.matched_at is not None
        assert named.notification.received_at < named.matched_at <= named.notification.received_at + timedelta(days=5)
    suggested = [n for n in matched if n.person_id in {s["person"] for s in n.suggestions}]
    assert len(suggested) > 0.9 * matched.count()  # the police mostly spell names as the index does


def test_recent_notifications_and_people_the_index_never_heard_of_are_still_waiting(
    seeded: tuple[Any, set[int]],
) -> None:
    _, strangers = seeded
    recent = NotificationPerson.objects.filter(
        notification__received_at__gte=moment(TODAY) - timedelta(days=UNMATCHED_DAYS)
    )
    assert recent.exists() and strangers
    assert not recent.exclude(person=None).exists()
    assert not NotificationPerson.objects.filter(pk__in=strangers).exclude(person=None).exists()
    assert NotificationPerson.objects.filter(pk__in=strangers, role__in=NotificationPerson.CHILD_ROLES).exists()
    waiting = NotificationPerson.objects.filter(person=None)
    assert not waiting.exclude(matched_by=None).exists() and not waiting.exclude(matched_at=None).exists()


def test_suggestions_point_at_real_people_best_first(seeded: Any) -> None:
    suggested: set[int] = set()
    for suggestions in NotificationPerson.objects.values_list("suggestions", flat=True):
        scores = [s["score"] for s in suggestions]
        assert scores == sorted(scores, reverse=True) and len(scores) <= 3
        suggested |= {s["person"] for s in suggestions}
    assert suggested and suggested <= set(Person.objects.values_list("pk", flat=True))


def test_the_seed_is_in_the_event_log(seeded: Any) -> None:
    event = Event.objects.get(kind="seed.partners")
    assert event.data["notifications"] == PoliceNotification.objects.count()


def moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, SEED_TIME))


def test_each_child_was_decided_at_a_meeting_after_the_notification_arrived(seeded: Any) -> None:
    decisions = TriageDecision.objects.select_related("meeting", "child__notification")
    assert decisions.exists()
    for decision in decisions:
        assert decision.child.notification.received_at < decision.meeting.started_at <= decision.decided_at
        assert decision.meeting.attendees.filter(agency="police").exists()
        if decision.outcome in TriageDecision.TASKS:
            assert decision.assigned_to_id and decision.due_at
        if decision.outcome == "contact":
            assert decision.contact is not None and decision.contact.source == "6"
    waiting = PoliceNotification.objects.filter(triaged_at=None)
    assert waiting.exists()
    for notification in waiting:
        assert notification.people.filter(role__in=NotificationPerson.CHILD_ROLES, triage__isnull=True).exists()


def test_the_portal_has_its_partners_referrals_and_requests_have_their_clocks(seeded: Any) -> None:
    profile = PartnerProfile.objects.get(user__username="partner")
    assert profile.agency == "2A"
    for referral in PortalReferral.objects.select_related("contact", "submitted_by__partner_profile"):
        assert referral.contact.channel == "online"
        assert referral.contact.source == referral.submitted_by.partner_profile.agency
        assert not referral.feedback or referral.contact.status == "closed"
    for request in InformationRequest.objects.all():
        assert request.due_on >= timezone.localtime(request.received_at).date()
        assert (request.status == "answered") == request.shares.exists()

"""The synthetic council's early help: requests taken on or declined, episodes with their whole record."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Count
from pytest_django import DjangoDbBlocker

from frontdoor.contacts.models import ContactChild
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest, LeadProfessional
from frontdoor.seeding import seed_council

TODAY = date(2026, 11, 26)
SEED = 20261126


def fingerprint() -> list[tuple[Any, ...]]:
    return list(
        EarlyHelpEpisode.objects.order_by("request__requested_on", "request_id").values_list(
            "request__person_id", "status", "started_on", "consent_given_by", "closed_on", "outcome", "next_review_on"
        )
    )


@pytest.fixture(scope="module")
def seeded(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[list[tuple[Any, ...]]]:
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        seed_council(size="demo", seed=SEED, today=TODAY, say=lambda line: None)
        first = fingerprint()
        call_command("flush", interactive=False, verbosity=0)
        seed_council(size="demo", seed=SEED, today=TODAY, say=lambda line: None)
        yield first
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def early_help(seeded: list[tuple[Any, ...]], db: None) -> list[tuple[Any, ...]]:
    return seeded


def test_the_same_seed_gives_the_same_early_help(early_help: list[tuple[Any, ...]]) -> None:
    assert early_help == fingerprint()


def test_about_half_the_requests_are_taken_on_and_the_rest_declined_or_still_waiting(early_help: Any) -> None:
    requests = EarlyHelpRequest.objects.count()
    episodes = EarlyHelpEpisode.objects.count()
    assert 0.4 <= episodes / requests <= 0.7
    declined = EarlyHelpRequest.objects.filter(status=EarlyHelpRequest.Status.DECLINED)
    assert declined.exists() and not declined.filter(decline_reason="").exists()
    assert not EarlyHelpRequest.objects.filter(status=EarlyHelpRequest.Status.ACCEPTED, episode__isnull=True).exists()


def test_every_started_episode_has_consent_or_a_reason_and_its_work_is_dated_after_the_start(early_help: Any) -> None:
    started = EarlyHelpEpisode.objects.exclude(started_on=None).select_related("assessment")
    assert started.exists()
    for episode in started.prefetch_related("taf_meetings", "lead_professionals", "plan_reviews"):
        assert episode.consent_given_on or episode.no_consent_reason
        assert all(m.held_on >= episode.started_on for m in episode.taf_meetings.all())
        assert all(r.reviewed_on > episode.started_on for r in episode.plan_reviews.all())
        assessment = getattr(episode, "assessment", None)
        if assessment is not None:
            assert episode.started_on <= assessment.started_on <= TODAY
            assert assessment.completed_on is None or assessment.started_on <= assessment.completed_on <= TODAY


def test_open_episodes_have_one_lead_professional_and_a_next_review(early_help: Any) -> None:
    running = EarlyHelpEpisode.objects.filter(status=EarlyHelpEpisode.Status.OPEN)
    assert running.exists()
    current = LeadProfessional.objects.filter(ended_on=None).values("episode").annotate(n=Count("id"))
    assert {row["n"] for row in current} == {1}
    assert not LeadProfessional.objects.filter(ended_on=None, episode__status="closed").exists()
    assert not running.filter(next_review_on=None, taf_meetings__isnull=False).exists()


def test_most_closures_meet_needs_and_step_ups_link_a_later_contact_about_the_child(early_help: Any) -> None:
    closed = EarlyHelpEpisode.objects.filter(status=EarlyHelpEpisode.Status.CLOSED)
    outcomes = dict(closed.values_list("outcome").annotate(n=Count("id")))
    assert outcomes["needs_met"] == max(outcomes.values()) and outcomes.get("step_up")
    for episode in closed.filter(outcome="step_up").select_related("stepped_up_to"):
        assert episode.stepped_up_to is not None
        child = ContactChild.objects.get(contact=episode.stepped_up_to, person=episode.person_id)
        assert child.contact.received_at.date() >= episode.started_on

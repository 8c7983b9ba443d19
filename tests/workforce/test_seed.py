"""The synthetic council's workforce: allocation spells that match the referrals, and supervision mostly on time."""

from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from typing import Any

import pytest
from django.core.management import call_command
from pytest_django import DjangoDbBlocker

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.seeding import seed_council
from frontdoor.workforce.models import CaseDirection, SupervisionSession, WorkerProfile
from frontdoor.workforce.supervision import compliance, statuses

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def seeded(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        seed_council(size="demo", seed=20261126, today=TODAY, say=lambda line: None)
        yield
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def workforce(seeded: None, db: None) -> None:
    return None


def test_every_allocated_referral_has_its_spells_and_only_an_open_one_runs_on(workforce: Any) -> None:
    for referral in Referral.objects.filter(team__isnull=False).prefetch_related("allocations"):
        spells = sorted(referral.allocations.all(), key=lambda s: (s.started_at, s.pk))
        assert spells and spells[-1].team_id == referral.team_id and spells[-1].worker_id == referral.worker_id
        assert all(spell.ended_at is not None for spell in spells[:-1])
        assert (spells[-1].ended_at is None) == (referral.closed_on is None)
        for earlier, later in pairwise(spells):
            assert earlier.ended_at == later.started_at and later.reason


def test_every_social_worker_has_a_qualified_date_and_a_few_are_newly_qualified(workforce: Any) -> None:
    workers = User.objects.filter(role__in=(Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER), is_active=True)
    profiles = WorkerProfile.objects.filter(user__in=workers)
    assert profiles.count() == workers.count()
    assert all(p.qualified_on is not None and p.qualified_on < TODAY for p in profiles)


def test_supervision_is_mostly_on_time_and_directions_are_on_the_workers_open_cases(workforce: Any) -> None:
    workers = list(User.objects.filter(role=Role.SOCIAL_WORKER, is_active=True, team__isnull=False))
    assert compliance(statuses(workers, today=TODAY)) >= 70
    sessions = SupervisionSession.objects.all()
    assert sessions.exists() and all(s.held_on <= TODAY and s.held_on.weekday() < 5 for s in sessions)
    for direction in CaseDirection.objects.select_related("session", "referral"):
        referral, session = direction.referral, direction.session
        assert referral is not None and session is not None
        assert referral.worker_id == session.worker_id and direction.person_id == referral.person_id
        assert referral.referral_date <= direction.given_on and direction.actions.exists()
        assert referral.closed_on is None or referral.closed_on > direction.given_on

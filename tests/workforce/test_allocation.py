"""Allocation: to a team and a worker, within their limit unless the manager confirms, with every spell kept."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.casework import services as casework
from frontdoor.casework.models import Referral
from frontdoor.workforce.models import Allocation, WorkerProfile
from tests.factories import PersonFactory, UserFactory
from tests.workforce.test_caseloads import holding


def new_referral(by: User) -> Referral:
    return casework.open_referral(
        person=PersonFactory(), by=by, referral_date=timezone.localdate() - timedelta(days=2), source="6"
    )


def allocate(referral: Referral, by: User, worker: User, **extra: object) -> Referral:
    referral.refresh_from_db()
    return casework.allocate_referral(
        referral=referral, by=by, team=worker.team, worker=worker, expected_version=referral.version, **extra
    )


def test_every_allocation_is_kept_and_a_reallocation_says_why(team_manager: User, social_worker: User) -> None:
    colleague = UserFactory(role="social_worker", team=social_worker.team)
    referral = new_referral(team_manager)
    allocate(referral, team_manager, social_worker)
    with pytest.raises(ValidationError, match="Say why"):
        allocate(referral, team_manager, colleague)
    allocate(referral, team_manager, colleague, reason="Rebalancing the team's caseloads.")

    spells = list(Allocation.objects.filter(referral=referral).order_by("started_at", "id"))
    assert [spell.worker for spell in spells][-2:] == [social_worker, colleague]
    assert spells[-2].ended_at is not None and spells[-1].ended_at is None
    assert spells[-1].reason == "Rebalancing the team's caseloads."


def test_a_worker_who_has_left_cannot_be_given_work(team_manager: User, social_worker: User) -> None:
    social_worker.is_active = False
    social_worker.save()
    with pytest.raises(ValidationError, match="has left"):
        allocate(new_referral(team_manager), team_manager, social_worker)


def test_an_allocation_over_the_limit_needs_the_manager_to_confirm_it(team_manager: User, social_worker: User) -> None:
    WorkerProfile.objects.create(user=social_worker, caseload_limit=3)
    holding(social_worker, assessments=3)
    referral = new_referral(team_manager)

    with pytest.raises(ValidationError, match=r"to a weighted caseload of 4\.0 against their limit of 3"):
        allocate(referral, team_manager, social_worker)
    allocate(referral, team_manager, social_worker, over_limit_confirmed=True)

    spell = Allocation.objects.get(referral=referral, ended_at=None)
    assert spell.worker == social_worker and spell.over_limit

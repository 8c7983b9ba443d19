from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.casework import services
from frontdoor.casework.assessments import start_assessment
from frontdoor.records.concurrency import StaleRecordError
from frontdoor.records.models import Event


def test_a_referral_within_12_months_of_another_is_a_re_referral(refer, leo) -> None:
    first = refer(leo, date(2025, 3, 1))
    second = refer(leo, date(2026, 2, 28))
    third = refer(leo, date(2026, 6, 1))
    assert not first.is_re_referral
    assert second.is_re_referral and third.is_re_referral
    assert Event.objects.filter(kind="referral.opened", summary__contains="re-referral").count() == 2


def test_a_referral_more_than_12_months_after_the_last_is_not_a_re_referral(refer, leo) -> None:
    refer(leo, date(2024, 1, 10))
    assert not refer(leo, date(2025, 1, 11)).is_re_referral


def test_a_manager_allocates_and_a_reallocation_needs_a_reason(
    refer, leo, team_manager: User, social_worker: User, senior_practitioner: User
) -> None:
    referral = refer(leo, timezone.localdate())
    services.allocate_referral(
        referral=referral, by=team_manager, team=social_worker.team, worker=social_worker, expected_version=1
    )
    assert referral.worker == social_worker and referral.team == social_worker.team
    with pytest.raises(ValidationError, match="Say why"):
        services.allocate_referral(
            referral=referral, by=team_manager, team=social_worker.team, worker=senior_practitioner, expected_version=2
        )
    services.allocate_referral(
        referral=referral,
        by=team_manager,
        team=social_worker.team,
        worker=senior_practitioner,
        expected_version=2,
        reason="Ben is on leave for a month",
    )
    assert Event.objects.filter(kind="referral.allocated", summary__contains="on leave").exists()


def test_a_social_worker_cannot_allocate(refer, leo, social_worker: User) -> None:
    referral = refer(leo, timezone.localdate())
    with pytest.raises(PermissionDenied):
        services.allocate_referral(
            referral=referral, by=social_worker, team=social_worker.team, worker=social_worker, expected_version=1
        )


def test_a_worker_from_another_team_cannot_be_allocated(refer, leo, team_manager: User, contact_officer) -> None:
    referral = refer(leo, timezone.localdate())
    with pytest.raises(ValidationError, match="Choose a social worker"):
        services.allocate_referral(
            referral=referral, by=team_manager, team=team_manager.team, worker=contact_officer, expected_version=1
        )


def test_closing_a_referral_with_open_work_is_refused_with_the_list(
    refer, leo, team_manager: User, social_worker: User
) -> None:
    day = timezone.localdate() - timedelta(days=20)
    referral = refer(leo, day)
    start_assessment(referral=referral, by=social_worker, started_on=day)
    services.start_cin_plan(referral=referral, by=social_worker, started_on=day)
    with pytest.raises(ValidationError) as refused:
        services.close_referral(
            referral=referral, by=team_manager, closed_on=timezone.localdate(), reason="RC7", expected_version=1
        )
    message = str(refused.value)
    assert "assessment started" in message and "Child in need plan from" in message
    referral.refresh_from_db()
    assert referral.is_open


def test_only_a_manager_closes_a_referral(refer, leo, social_worker: User) -> None:
    referral = refer(leo, timezone.localdate())
    with pytest.raises(PermissionDenied):
        services.close_referral(
            referral=referral, by=social_worker, closed_on=timezone.localdate(), reason="RC7", expected_version=1
        )


def test_a_referral_closes_with_no_further_action_when_nothing_was_done(refer, leo, team_manager: User) -> None:
    referral = refer(leo, timezone.localdate())
    services.close_referral(
        referral=referral, by=team_manager, closed_on=timezone.localdate(), reason="RC7", expected_version=1, nfa=True
    )
    referral.refresh_from_db()
    assert referral.is_nfa and referral.closed_on == timezone.localdate()
    assert referral.closure_authorised_by == team_manager


def test_closing_needs_the_primary_need_unless_no_further_action(refer, leo, team_manager: User) -> None:
    referral = refer(leo, timezone.localdate())
    with pytest.raises(ValidationError, match="primary need"):
        services.close_referral(
            referral=referral, by=team_manager, closed_on=timezone.localdate(), reason="RC7", expected_version=1
        )
    services.set_primary_need(referral=referral, by=team_manager, primary_need="N1", expected_version=1)
    services.close_referral(
        referral=referral, by=team_manager, closed_on=timezone.localdate(), reason="RC7", expected_version=2
    )


def test_a_closure_cannot_be_before_the_referral_or_in_the_future(refer, leo, team_manager: User) -> None:
    referral = refer(leo, timezone.localdate() - timedelta(days=3))
    for day in (referral.referral_date - timedelta(days=1), timezone.localdate() + timedelta(days=1)):
        with pytest.raises(ValidationError):
            services.close_referral(
                referral=referral, by=team_manager, closed_on=day, reason="RC7", expected_version=1, nfa=True
            )


def test_a_stale_allocation_is_refused(refer, leo, team_manager: User, social_worker: User) -> None:
    referral = refer(leo, timezone.localdate())
    services.allocate_referral(
        referral=referral, by=team_manager, team=social_worker.team, worker=social_worker, expected_version=1
    )
    with pytest.raises(StaleRecordError):
        services.set_primary_need(referral=referral, by=team_manager, primary_need="N1", expected_version=1)


def test_cin_plans_cannot_overlap_and_review_every_three_months(refer, leo, social_worker: User) -> None:
    day = timezone.localdate() - timedelta(days=100)
    referral = refer(leo, day)
    plan = services.start_cin_plan(referral=referral, by=social_worker, started_on=day)
    with pytest.raises(ValidationError, match="already has"):
        services.start_cin_plan(referral=referral, by=social_worker, started_on=day + timedelta(days=5))
    review = services.record_cin_plan_review(
        plan=plan, by=social_worker, held_on=day + timedelta(days=80), summary="Progress on school attendance."
    )
    assert review.plan == plan
    services.end_cin_plan(plan=plan, by=social_worker, ended_on=day + timedelta(days=90))
    with pytest.raises(ValidationError, match="cannot overlap"):
        services.start_cin_plan(referral=referral, by=social_worker, started_on=day + timedelta(days=85))


def test_a_cin_plan_cannot_start_before_the_referral(refer, leo, social_worker: User) -> None:
    referral = refer(leo, timezone.localdate())
    with pytest.raises(ValidationError, match="before the referral"):
        services.start_cin_plan(referral=referral, by=social_worker, started_on=date(2020, 1, 1))

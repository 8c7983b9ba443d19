from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.casework.assessments import (
    amend_assessment,
    authorise_assessment,
    return_assessment,
    save_assessment,
    start_assessment,
    submit_assessment,
)
from frontdoor.casework.models import Assessment
from frontdoor.casework.queries import assessment_clock, my_assessments, team_overdue
from frontdoor.records.concurrency import StaleRecordError
from frontdoor.timescales.clocks import ClockState

COMPLETE: dict[str, Any] = {
    "child_seen_on": None,  # set per test, after the referral
    "seen_alone": "yes",
    "childs_views": "Leo said he likes school but does not like it when his mum and her boyfriend shout.",
    "views_gathered_how": "Seen alone at school by Ben Carter, using three houses.",
    "parents_views": "Mum accepts there has been arguing and wants help with Leo's behaviour.",
    "dimensions": {"health": "Up to date with immunisations.", "safety": "Mum has ended the relationship."},
    "analysis": "Leo's needs are met day to day; the risk came from mum's ex-partner, who has left.",
    "factors": ["3B"],
    "outcome": "cin_plan",
}


def complete(assessment: Assessment, by: User, **overrides: Any) -> Assessment:
    values = {**COMPLETE, "child_seen_on": assessment.started_on, **overrides}
    return save_assessment(assessment=assessment, by=by, expected_version=assessment.version, changes=values)


def test_a_single_assessment_is_due_45_working_days_after_the_referral(refer, leo, social_worker: User) -> None:
    referral = refer(leo, date(2026, 9, 1))
    assessment = start_assessment(referral=referral, by=social_worker, started_on=date(2026, 9, 2))
    assert (assessment.kind, assessment.regime) == ("single", "current")
    assert assessment.due_on == date(2026, 11, 3)


def test_under_the_2010_rules_an_initial_then_a_core_assessment(
    refer, leo, social_worker: User, team_manager: User, regime_2010
) -> None:
    referral = refer(leo, date(2026, 3, 20))  # a Friday, before the council's change on 1 April
    initial = start_assessment(referral=referral, by=social_worker, started_on=date(2026, 3, 20))
    assert (initial.kind, initial.regime) == ("initial", "2010")
    assert initial.due_on == date(2026, 3, 31)  # 7 working days
    complete(initial, social_worker, outcome="core_assessment")
    submit_assessment(assessment=initial, by=social_worker, expected_version=initial.version, late_reason="Test")
    authorise_assessment(assessment=initial, by=team_manager, grade="good", authorised_on=date(2026, 3, 27))
    core = start_assessment(referral=referral, by=social_worker, started_on=date(2026, 3, 30))
    assert (core.kind, core.regime) == ("core", "2010")
    # 35 working days from its own start, skipping Good Friday, Easter Monday and the early May bank holiday.
    assert core.due_on == date(2026, 5, 21)


def test_an_assessment_started_after_the_change_uses_the_current_rules(refer, leo, social_worker, regime_2010) -> None:
    referral = refer(leo, date(2026, 3, 30))
    assessment = start_assessment(referral=referral, by=social_worker, started_on=date(2026, 4, 1))
    assert (assessment.kind, assessment.regime) == ("single", "current")


def test_an_assessment_cannot_start_before_the_referral(refer, leo, social_worker: User) -> None:
    referral = refer(leo, date(2026, 9, 1))
    with pytest.raises(ValidationError, match="before the referral"):
        start_assessment(referral=referral, by=social_worker, started_on=date(2026, 8, 31))


def test_only_one_assessment_is_open_at_a_time(refer, leo, social_worker: User) -> None:
    referral = refer(leo, date(2026, 9, 1))
    start_assessment(referral=referral, by=social_worker, started_on=date(2026, 9, 2))
    with pytest.raises(ValidationError, match="already open"):
        start_assessment(referral=referral, by=social_worker, started_on=date(2026, 9, 3))


def test_a_contact_officer_cannot_start_an_assessment(refer, leo, contact_officer: User) -> None:
    referral = refer(leo, date(2026, 9, 1))
    with pytest.raises(PermissionDenied):
        start_assessment(referral=referral, by=contact_officer, started_on=date(2026, 9, 2))


def test_submitting_without_the_childs_views_or_a_reason_is_refused(refer, leo, social_worker: User) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    complete(assessment, social_worker, childs_views="", views_gathered_how="")
    with pytest.raises(ValidationError) as refused:
        submit_assessment(assessment=assessment, by=social_worker, expected_version=assessment.version)
    assert "childs_views" in refused.value.message_dict
    complete(assessment, social_worker, childs_views="", views_not_gathered="age", views_not_gathered_detail="")
    with pytest.raises(ValidationError):
        submit_assessment(assessment=assessment, by=social_worker, expected_version=assessment.version)
    complete(
        assessment,
        social_worker,
        childs_views="",
        views_not_gathered="age",
        views_not_gathered_detail="Leo is non-verbal; observed at home playing happily with mum.",
    )
    submit_assessment(assessment=assessment, by=social_worker, expected_version=assessment.version)
    assert assessment.status == Assessment.Status.SUBMITTED and assessment.completed_on == today


def test_a_late_assessment_needs_its_reason(refer, leo, social_worker: User) -> None:
    referral = refer(leo, date(2026, 6, 1))
    assessment = start_assessment(referral=referral, by=social_worker, started_on=date(2026, 6, 2))
    complete(assessment, social_worker)
    with pytest.raises(ValidationError, match="late"):
        submit_assessment(assessment=assessment, by=social_worker, expected_version=assessment.version)
    submit_assessment(
        assessment=assessment,
        by=social_worker,
        expected_version=assessment.version,
        late_reason="The family were abroad for three weeks in July.",
    )
    assert assessment.late_reason.startswith("The family were abroad")
    assert assessment_clock(assessment).state == ClockState.COMPLETED_LATE


def test_factor_codes_must_exist_and_21_stands_alone(refer, leo, social_worker: User) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    with pytest.raises(ValidationError, match="18A"):
        complete(assessment, social_worker, factors=["3B", "18A"])
    with pytest.raises(ValidationError, match="only factor"):
        complete(assessment, social_worker, factors=["21", "3B"])
    complete(assessment, social_worker, factors=["21"], outcome="cin_plan")
    with pytest.raises(ValidationError, match="only with no further action"):
        submit_assessment(assessment=assessment, by=social_worker, expected_version=assessment.version)


def test_the_child_cannot_have_been_seen_in_the_future(refer, leo, social_worker: User) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    with pytest.raises(ValidationError, match="future"):
        complete(assessment, social_worker, child_seen_on=today + timedelta(days=1))


def test_two_editors_of_one_draft_the_second_is_refused_and_nothing_is_lost(
    refer, leo, social_worker: User, senior_practitioner: User
) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    theirs = Assessment.objects.get(pk=assessment.pk)
    save_assessment(assessment=assessment, by=social_worker, expected_version=1, changes={"analysis": "Ben's words"})
    with pytest.raises(StaleRecordError):
        save_assessment(assessment=theirs, by=senior_practitioner, expected_version=1, changes={"analysis": "Chloe's"})
    assessment.refresh_from_db()
    assert assessment.analysis == "Ben's words"


def test_a_manager_grades_and_authorises_but_not_their_own(
    refer, leo, social_worker: User, team_manager: User, service_manager: User
) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=team_manager, started_on=today)
    complete(assessment, team_manager)
    submit_assessment(assessment=assessment, by=team_manager, expected_version=assessment.version)
    with pytest.raises(PermissionDenied):
        authorise_assessment(assessment=assessment, by=team_manager, grade="good")
    with pytest.raises(PermissionDenied):
        authorise_assessment(assessment=assessment, by=social_worker, grade="good")
    authorise_assessment(assessment=assessment, by=service_manager, grade="outstanding", comment="Leo's voice is clear")
    assert assessment.status == Assessment.Status.AUTHORISED and assessment.authorised_on == today
    with pytest.raises(ValidationError):
        save_assessment(assessment=assessment, by=team_manager, expected_version=assessment.version, changes={})


def test_authorisation_cannot_be_before_the_start(refer, leo, social_worker: User, team_manager: User) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    complete(assessment, social_worker)
    submit_assessment(assessment=assessment, by=social_worker, expected_version=assessment.version)
    with pytest.raises(ValidationError, match="before it started"):
        authorise_assessment(
            assessment=assessment, by=team_manager, grade="good", authorised_on=today - timedelta(days=1)
        )


def test_a_returned_assessment_is_edited_and_submitted_again(refer, leo, social_worker, team_manager) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    complete(assessment, social_worker)
    submit_assessment(assessment=assessment, by=social_worker, expected_version=assessment.version)
    with pytest.raises(ValidationError, match="what needs to change"):
        return_assessment(assessment=assessment, by=team_manager, comment=" ")
    return_assessment(assessment=assessment, by=team_manager, comment="Say more about dad's views.")
    assert assessment.status == Assessment.Status.RETURNED and assessment.completed_on is None
    complete(assessment, social_worker, parents_views="Mum and dad both want help.")
    submit_assessment(assessment=assessment, by=social_worker, expected_version=assessment.version)
    assert assessment.status == Assessment.Status.SUBMITTED


def test_an_authorised_assessment_changes_only_by_an_amendment_that_keeps_the_original(
    refer, leo, social_worker: User, team_manager: User
) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    complete(assessment, social_worker)
    submit_assessment(assessment=assessment, by=social_worker, expected_version=assessment.version)
    authorise_assessment(assessment=assessment, by=team_manager, grade="good")
    with pytest.raises(ValidationError, match="why"):
        amend_assessment(
            assessment=assessment, by=social_worker, expected_version=assessment.version, reason="", changes={}
        )
    amendment = amend_assessment(
        assessment=assessment,
        by=social_worker,
        expected_version=assessment.version,
        reason="The school's view was left out",
        changes={"agencies_views": "School: attendance 97%, no concerns."},
    )
    assert amendment.changes == {"agencies_views": ["", "School: attendance 97%, no concerns."]}
    assessment.refresh_from_db()
    assert assessment.agencies_views.startswith("School") and assessment.status == Assessment.Status.AUTHORISED


def test_my_assessments_and_the_team_overdue_list(refer, leo, social_worker: User, team_manager: User) -> None:
    late = start_assessment(referral=refer(leo, date(2026, 6, 1)), by=social_worker, started_on=date(2026, 6, 1))
    late.referral.team = social_worker.team
    late.referral.save()
    assert [row.assessment for row in my_assessments(social_worker)] == [late]
    assert [row.assessment for row in team_overdue(social_worker.team)] == [late]
    assert team_overdue(None)[0].clock.state == ClockState.OVERDUE

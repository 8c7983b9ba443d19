from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.casework.assessments import save_assessment, start_assessment, submit_assessment
from frontdoor.casework.models import Assessment
from frontdoor.records.models import AccessLog
from tests.casework.test_assessments import COMPLETE


def date_fields(name: str, day: date) -> dict[str, str]:
    return {f"{name}_day": str(day.day), f"{name}_month": str(day.month), f"{name}_year": str(day.year)}


def form_data(assessment: Assessment, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": assessment.version,
        **date_fields("child_seen_on", assessment.started_on),
        **{k: v for k, v in COMPLETE.items() if k not in ("child_seen_on", "dimensions")},
        "dimension_health": "Up to date with immunisations.",
    }
    data.update(overrides)
    return data


def test_the_child_page_shows_each_referral_with_its_assessments_and_clocks(
    client_for, social_worker: User, refer, leo
) -> None:
    referral = refer(leo, date(2025, 1, 6))
    start_assessment(referral=referral, by=social_worker, started_on=date(2025, 1, 7))
    refer(leo, date(2025, 6, 2))
    page = client_for(social_worker).get(f"/people/{leo.pk}/").content.decode()
    assert "Referral of 6 January 2025" in page and "Re-referral" in page
    assert "Single assessment" in page and "working days overdue" in page


def test_the_child_page_costs_the_same_queries_however_long_the_history(
    client_for, social_worker: User, refer, leo
) -> None:
    client = client_for(social_worker)
    first = refer(leo, date(2024, 1, 8))
    start_assessment(referral=first, by=social_worker, started_on=date(2024, 1, 8))
    client.get(f"/people/{leo.pk}/")
    with CaptureQueriesContext(connection) as one:
        client.get(f"/people/{leo.pk}/")
    for start in (date(2024, 6, 3), date(2025, 3, 3), date(2025, 9, 1)):
        referral = refer(leo, start)
        assessment = start_assessment(referral=referral, by=social_worker, started_on=start)
        save_assessment(assessment=assessment, by=social_worker, expected_version=1, changes={"analysis": "x"})
    with CaptureQueriesContext(connection) as many:
        client.get(f"/people/{leo.pk}/")
    assert len(many) == len(one)


def test_a_social_worker_writes_submits_and_a_manager_authorises_on_the_pages(
    client_for, social_worker: User, team_manager: User, refer, leo
) -> None:
    today = timezone.localdate()
    referral = refer(leo, today)
    worker = client_for(social_worker)
    response = worker.post(f"/casework/referrals/{referral.pk}/assessments/start/", date_fields("started_on", today))
    assessment = Assessment.objects.get(referral=referral)
    assert response.url == f"/casework/assessments/{assessment.pk}/edit/"
    response = worker.post(f"/casework/assessments/{assessment.pk}/edit/", {**form_data(assessment), "submit": "1"})
    assert response.url == f"/casework/assessments/{assessment.pk}/submit/"
    assessment.refresh_from_db()
    assert assessment.dimensions == {"health": "Up to date with immunisations."}
    worker.post(f"/casework/assessments/{assessment.pk}/submit/", {"version": assessment.version})
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    manager = client_for(team_manager)
    assert "Single assessment" in manager.get("/casework/assessments/authorisations/").content.decode()
    manager.post(f"/casework/assessments/{assessment.pk}/authorise/", {"action": "authorise", "grade": "good"})
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.AUTHORISED and assessment.grade == "good"


def test_the_submit_page_lists_what_is_missing_and_refuses(client_for, social_worker: User, refer, leo) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    client = client_for(social_worker)
    page = client.get(f"/casework/assessments/{assessment.pk}/submit/").content.decode()
    assert "Record the child&#x27;s views and wishes" in page
    response = client.post(f"/casework/assessments/{assessment.pk}/submit/", {"version": assessment.version})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT


def test_autosave_saves_the_draft_and_a_stale_version_is_a_conflict(
    client_for, social_worker: User, senior_practitioner: User, refer, leo
) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    url = f"/casework/assessments/{assessment.pk}/autosave/"
    first = client_for(social_worker).post(url, form_data(assessment, analysis="Ben's analysis"))
    assert first.json()["saved"] and first.json()["version"] == 2
    second = client_for(senior_practitioner).post(url, form_data(assessment, analysis="Chloe's analysis"))
    assert second.status_code == 409 and "Someone else changed" in second.json()["errors"]["__all__"][0]
    assessment.refresh_from_db()
    assert assessment.analysis == "Ben's analysis"


def test_a_manager_returns_an_assessment_with_what_to_change(
    client_for, social_worker: User, team_manager: User, refer, leo
) -> None:
    today = timezone.localdate()
    assessment = start_assessment(referral=refer(leo, today), by=social_worker, started_on=today)
    save_assessment(
        assessment=assessment, by=social_worker, expected_version=1, changes={**COMPLETE, "child_seen_on": today}
    )
    submit_assessment(assessment=assessment, by=social_worker, expected_version=2)
    manager = client_for(team_manager)
    manager.post(f"/casework/assessments/{assessment.pk}/authorise/", {"action": "return", "comment": "More on dad."})
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.RETURNED
    page = client_for(social_worker).get(f"/casework/assessments/{assessment.pk}/edit/").content.decode()
    assert "Returned by your manager" in page and "More on dad." in page


def test_a_contact_officer_cannot_start_an_assessment_on_the_page(
    client_for, contact_officer: User, refer, leo
) -> None:
    referral = refer(leo, timezone.localdate())
    response = client_for(contact_officer).get(f"/casework/referrals/{referral.pk}/assessments/start/")
    assert response.status_code == 403


def test_opening_a_referral_logs_a_read_of_the_child(client_for, social_worker: User, refer, leo) -> None:
    referral = refer(leo, timezone.localdate())
    client_for(social_worker).get(f"/casework/referrals/{referral.pk}/")
    assert AccessLog.objects.filter(child=leo, user=social_worker, viewed="referral").exists()


def test_closing_a_referral_on_the_page_lists_the_open_work(
    client_for, social_worker: User, team_manager: User, refer, leo
) -> None:
    day = timezone.localdate() - timedelta(days=2)
    referral = refer(leo, day)
    start_assessment(referral=referral, by=social_worker, started_on=day)
    page = client_for(team_manager).get(f"/casework/referrals/{referral.pk}/").content.decode()
    assert "Before it can close" in page and "Single assessment started" in page


def test_my_assessments_and_the_overdue_list_show_the_clock(client_for, social_worker: User, refer, leo) -> None:
    assessment = start_assessment(referral=refer(leo, date(2026, 6, 1)), by=social_worker, started_on=date(2026, 6, 1))
    assessment.referral.team = social_worker.team
    assessment.referral.save()
    client = client_for(social_worker)
    assert "working days overdue" in client.get("/casework/assessments/mine/").content.decode()
    assert "Leo Marsh" in client.get("/casework/assessments/overdue/").content.decode()


def test_the_home_page_counts_my_assessments_and_the_teams_overdue(client_for, social_worker: User, refer, leo) -> None:
    assessment = start_assessment(referral=refer(leo, date(2026, 6, 1)), by=social_worker, started_on=date(2026, 6, 1))
    assessment.referral.team = social_worker.team
    assessment.referral.save()
    page = client_for(social_worker).get("/").content.decode()
    assert "1 open assessment of yours" in page and "1 overdue in your team" in page

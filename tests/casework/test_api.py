from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.services import create_api_token
from frontdoor.casework import services
from frontdoor.casework.assessments import save_assessment, start_assessment, submit_assessment
from frontdoor.casework.models import Assessment, Referral
from frontdoor.people.models import Person, RestrictionGrant
from frontdoor.records.models import AccessLog
from tests.factories import PersonFactory

PROBLEM = "application/problem+json"
JSON = "application/json"

WRITTEN: dict[str, Any] = {
    "seen_alone": "yes",
    "childs_views": "Leo said he likes school but does not like it when his mum and her boyfriend shout.",
    "views_gathered_how": "Seen alone at school by Ben Carter, using three houses.",
    "parents_views": "Mum accepts there has been arguing and wants help with Leo's behaviour.",
    "dimensions": {"health": "Up to date with immunisations.", "safety": "Mum has ended the relationship."},
    "analysis": "Leo's needs are met day to day; the risk came from mum's ex-partner, who has left.",
    "factors": ["3B"],
    "outcome": "cin_plan",
}


def today() -> str:
    return timezone.localdate().isoformat()


def written(**overrides: Any) -> dict[str, Any]:
    return {**WRITTEN, "child_seen_on": today(), **overrides}


def submitted(referral: Referral, worker: User) -> Assessment:
    assessment = start_assessment(referral=referral, by=worker, started_on=timezone.localdate())
    changes = {**WRITTEN, "child_seen_on": timezone.localdate()}
    save_assessment(assessment=assessment, by=worker, expected_version=assessment.version, changes=changes)
    return submit_assessment(assessment=assessment, by=worker, expected_version=assessment.version)


def test_a_social_worker_starts_and_saves_an_assessment_through_the_api(refer, leo: Person, social_worker) -> None:
    referral = refer(leo, timezone.localdate())
    _, key = create_api_token(user=social_worker, name="mobile app", by=None)
    client = Client(headers={"authorization": f"Bearer {key}"})
    started = client.post(f"/api/v1/referrals/{referral.pk}/assessments/", {"started_on": today()}, content_type=JSON)
    assert started.status_code == 201
    body = started.json()
    assert (body["kind"], body["status"], body["version"], body["clock_state"]) == ("single", "draft", 1, "on_time")
    assert body["worker"] == social_worker.username
    saved = client.patch(f"/api/v1/assessments/{body['id']}/", {"version": 1, **written()}, content_type=JSON)
    assert saved.status_code == 200
    assert saved.json()["version"] == 2
    read = client.get(f"/api/v1/assessments/{body['id']}/").json()
    assert read["childs_views"].startswith("Leo said he likes school")
    assert read["dimensions"]["safety"] == "Mum has ended the relationship."
    assert read["amendments"] == []


def test_a_stale_save_is_a_conflict_and_nothing_is_lost(
    client_for, refer, leo: Person, social_worker: User, senior_practitioner: User
) -> None:
    assessment = start_assessment(
        referral=refer(leo, timezone.localdate()), by=social_worker, started_on=timezone.localdate()
    )
    url = f"/api/v1/assessments/{assessment.pk}/"
    first = client_for(social_worker).patch(url, {"version": 1, "analysis": "Ben's words"}, content_type=JSON)
    assert first.status_code == 200
    second = client_for(senior_practitioner).patch(url, {"version": 1, "analysis": "Chloe's"}, content_type=JSON)
    assert second.status_code == 409
    assert second["Content-Type"] == PROBLEM
    assert second.json()["title"] == "Someone else changed this record"
    assert "have not been saved" in second.json()["detail"]
    assessment.refresh_from_db()
    assert (assessment.analysis, assessment.version) == ("Ben's words", 2)


def test_only_the_fields_a_worker_writes_can_be_saved(client_for, refer, leo: Person, social_worker: User) -> None:
    assessment = start_assessment(
        referral=refer(leo, timezone.localdate()), by=social_worker, started_on=timezone.localdate()
    )
    response = client_for(social_worker).patch(
        f"/api/v1/assessments/{assessment.pk}/", {"version": 1, "status": "authorised"}, content_type=JSON
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"status": ["This cannot be written here"]}
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT


def test_submitting_without_the_childs_views_is_refused_with_the_field(
    client_for, refer, leo: Person, social_worker: User
) -> None:
    client = client_for(social_worker)
    referral = refer(leo, timezone.localdate())
    assessment = client.post(
        f"/api/v1/referrals/{referral.pk}/assessments/", {"started_on": today()}, content_type=JSON
    ).json()
    url = f"/api/v1/assessments/{assessment['id']}/"
    client.patch(url, {"version": 1, **written(childs_views="", views_gathered_how="")}, content_type=JSON)
    refused = client.post(f"{url}submit/", {"version": 2}, content_type=JSON)
    assert refused.status_code == 400
    assert refused["Content-Type"] == PROBLEM
    assert "in their own words" in refused.json()["errors"]["childs_views"][0]
    assert Assessment.objects.get(pk=assessment["id"]).status == Assessment.Status.DRAFT
    client.patch(url, {"version": 2, **written()}, content_type=JSON)
    made = client.post(f"{url}submit/", {"version": 3}, content_type=JSON)
    assert made.status_code == 200
    assert (made.json()["status"], made.json()["completed_on"]) == ("submitted", today())


def test_a_manager_authorises_with_a_grade(
    client_for, refer, leo: Person, social_worker: User, team_manager: User
) -> None:
    referral = refer(leo, timezone.localdate())
    assessment = submitted(referral, social_worker)
    url = f"/api/v1/assessments/{assessment.pk}/authorise/"
    assert client_for(social_worker).post(url, {"grade": "good"}, content_type=JSON).status_code == 403
    ungraded = client_for(team_manager).post(url, {"grade": "brilliant"}, content_type=JSON)
    assert ungraded.status_code == 400 and "grade" in ungraded.json()["errors"]
    made = client_for(team_manager).post(url, {"grade": "good", "comment": "Leo's voice is clear"}, content_type=JSON)
    assert made.status_code == 200
    body = made.json()
    assert (body["status"], body["grade"], body["authorised_by"]) == ("authorised", "good", team_manager.username)
    assert body["manager_comment"] == "Leo's voice is clear"
    listed = client_for(team_manager).get(f"/api/v1/referrals/{referral.pk}/").json()["assessments"]
    assert [(a["grade"], a["clock_state"]) for a in listed] == [("good", "completed_on_time")]


def test_a_manager_returns_an_assessment_saying_what_to_change(
    client_for, refer, leo: Person, social_worker: User, team_manager: User
) -> None:
    assessment = submitted(refer(leo, timezone.localdate()), social_worker)
    url = f"/api/v1/assessments/{assessment.pk}/return/"
    silent = client_for(team_manager).post(url, {"comment": " "}, content_type=JSON)
    assert silent.json()["errors"] == {"comment": ["Say what needs to change"]}
    returned = client_for(team_manager).post(url, {"comment": "Say more about dad's views."}, content_type=JSON)
    assert (returned.json()["status"], returned.json()["completed_on"]) == ("returned", None)


def test_an_authorised_assessment_is_amended_with_its_reason_and_what_it_said_before(
    client_for, refer, leo: Person, social_worker: User, team_manager: User
) -> None:
    assessment = submitted(refer(leo, timezone.localdate()), social_worker)
    client_for(team_manager).post(
        f"/api/v1/assessments/{assessment.pk}/authorise/", {"grade": "good"}, content_type=JSON
    )
    version = Assessment.objects.get(pk=assessment.pk).version
    body = {"version": version, "reason": "Dad's views came in late", "changes": {"parents_views": "Dad wants help."}}
    url = f"/api/v1/assessments/{assessment.pk}/amend/"
    unknown = client_for(social_worker).post(url, {**body, "changes": {"grade": "outstanding"}}, content_type=JSON)
    assert unknown.json()["errors"] == {"changes.grade": ["This cannot be written here"]}
    amended = client_for(social_worker).post(url, body, content_type=JSON)
    assert amended.status_code == 200
    [amendment] = amended.json()["amendments"]
    assert amendment["changes"]["parents_views"] == [WRITTEN["parents_views"], "Dad wants help."]
    assert amendment["made_by"] == social_worker.username
    again = {**body, "changes": {"parents_views": "Dad wants help with school."}}
    assert client_for(social_worker).post(url, again, content_type=JSON).status_code == 409


def test_closing_a_referral_with_open_work_lists_it(
    client_for, refer, leo: Person, social_worker: User, team_manager: User
) -> None:
    referral = refer(leo, timezone.localdate())
    start_assessment(referral=referral, by=social_worker, started_on=timezone.localdate())
    services.start_cin_plan(referral=referral, by=social_worker, started_on=timezone.localdate())
    url = f"/api/v1/referrals/{referral.pk}/close/"
    body = {"closed_on": today(), "reason": "RC8", "version": referral.version}
    assert client_for(social_worker).post(url, body, content_type=JSON).status_code == 403
    refused = client_for(team_manager).post(url, body, content_type=JSON)
    assert refused.status_code == 400
    [reason] = refused.json()["errors"]["reason"]
    assert "Single assessment started" in reason and "Child in need plan from" in reason
    referral.refresh_from_db()
    assert referral.is_open


def test_a_referral_with_nothing_open_is_closed_by_a_manager(
    client_for, refer, leo: Person, team_manager: User
) -> None:
    referral = refer(leo, timezone.localdate())
    services.set_primary_need(referral=referral, by=team_manager, primary_need="N1", expected_version=1)
    url = f"/api/v1/referrals/{referral.pk}/close/"
    body = {"closed_on": today(), "reason": "RC7", "version": 2}
    closed = client_for(team_manager).post(url, body, content_type=JSON)
    assert closed.status_code == 200
    assert closed.json()["closure"] == {"closed_on": today(), "reason": "RC7", "authorised_by": team_manager.username}
    again = client_for(team_manager).post(url, {**body, "version": 3}, content_type=JSON)
    assert again.json()["errors"]["closed_on"] == ["This referral is already closed"]


def test_a_child_in_need_plan_is_started_reviewed_and_ended(
    client_for, refer, leo: Person, social_worker: User
) -> None:
    client = client_for(social_worker)
    referral = refer(leo, timezone.localdate())
    plan = client.post(f"/api/v1/referrals/{referral.pk}/cin-plans/", {"started_on": today()}, content_type=JSON)
    assert plan.status_code == 201
    second = client.post(f"/api/v1/referrals/{referral.pk}/cin-plans/", {"started_on": today()}, content_type=JSON)
    assert "already has" in second.json()["errors"]["started_on"][0]
    plan_url = f"/api/v1/cin-plans/{plan.json()['id']}/"
    no_summary = client.post(f"{plan_url}reviews/", {"held_on": today(), "summary": ""}, content_type=JSON)
    assert no_summary.json()["errors"] == {"summary": ["Enter what the review found and decided"]}
    review = client.post(f"{plan_url}reviews/", {"held_on": today(), "summary": "Going well"}, content_type=JSON)
    assert review.status_code == 201
    ended = client.post(f"{plan_url}end/", {"ended_on": today()}, content_type=JSON)
    assert ended.json()["ended_on"] == today()
    [shown] = client.get(f"/api/v1/referrals/{referral.pk}/").json()["cin_plans"]
    assert [r["summary"] for r in shown["reviews"]] == ["Going well"]


def test_the_referrals_list_needs_the_child(client_for, social_worker: User) -> None:
    response = client_for(social_worker).get("/api/v1/referrals/")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "person" in response.json()["errors"]


def test_a_child_s_referrals_are_listed_newest_first(
    client_for, refer, leo: Person, social_worker: User, team_manager: User
) -> None:
    older = refer(leo, timezone.localdate() - timedelta(days=30))
    newer = refer(leo, timezone.localdate())
    services.allocate_referral(
        referral=newer, by=team_manager, team=social_worker.team, worker=social_worker, expected_version=1
    )
    listed = client_for(social_worker).get(f"/api/v1/referrals/?person={leo.pk}").json()
    assert [r["id"] for r in listed] == [newer.pk, older.pk]
    assert listed[0]["is_re_referral"] is True
    assert listed[0]["allocation"]["worker"] == social_worker.username
    assert listed[0]["allocation"]["team_name"] == "Locality team North"


def test_a_partner_cannot_read_referrals(client_for, refer, leo: Person, partner: User) -> None:
    referral = refer(leo, timezone.localdate())
    client = client_for(partner)
    assert client.get(f"/api/v1/referrals/?person={leo.pk}").status_code == 403
    assert client.get("/api/v1/referrals/").status_code == 403
    assert client.get(f"/api/v1/referrals/{referral.pk}/").status_code == 403


def test_a_restricted_child_s_referral_is_refused_to_others(
    client_for, refer, social_worker: User, team_manager: User
) -> None:
    hidden = PersonFactory(is_restricted=True, restriction_reason="high_profile")
    RestrictionGrant.objects.create(person=hidden, user=team_manager, granted_by=team_manager)
    referral = refer(hidden, timezone.localdate())
    assessment = start_assessment(referral=referral, by=team_manager, started_on=timezone.localdate())
    refused = client_for(social_worker)
    assert refused.get(f"/api/v1/referrals/{referral.pk}/").status_code == 403
    assert refused.get(f"/api/v1/referrals/?person={hidden.pk}").status_code == 403
    assert refused.get(f"/api/v1/assessments/{assessment.pk}/").status_code == 403
    patched = refused.patch(f"/api/v1/assessments/{assessment.pk}/", {"version": 1, "analysis": "x"}, content_type=JSON)
    assert patched.status_code == 403
    assert AccessLog.objects.filter(user=social_worker, child=hidden, allowed=False).count() == 4
    assert client_for(team_manager).get(f"/api/v1/referrals/{referral.pk}/").status_code == 200


def test_reading_an_assessment_logs_access(client_for, refer, leo: Person, social_worker: User) -> None:
    assessment = start_assessment(
        referral=refer(leo, timezone.localdate()), by=social_worker, started_on=timezone.localdate()
    )
    client_for(social_worker).get(f"/api/v1/assessments/{assessment.pk}/")
    logged = AccessLog.objects.get(user=social_worker, child=leo)
    assert (logged.viewed, logged.allowed) == ("assessment (API)", True)
    assert logged.path == f"/api/v1/assessments/{assessment.pk}/"


def test_referrals_list_costs_the_same_queries_however_many(
    client_for, refer: Callable[..., Referral], leo: Person, social_worker: User
) -> None:
    def episode() -> None:
        referral = refer(leo, timezone.localdate())
        start_assessment(referral=referral, by=social_worker, started_on=timezone.localdate())
        plan = services.start_cin_plan(referral=referral, by=social_worker, started_on=timezone.localdate())
        services.record_cin_plan_review(plan=plan, by=social_worker, held_on=timezone.localdate(), summary="Fine")

    client = client_for(social_worker)
    url = f"/api/v1/referrals/?person={leo.pk}"
    episode()
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        episode()
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.json()) == 6
    assert len(many) == len(few)

"""The workforce API: allocations with their history, caseloads, and supervision with its directions."""

from datetime import timedelta

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.workforce.models import CaseDirection, WorkerProfile
from tests.conftest import api_client
from tests.factories import PersonFactory
from tests.returns.records import referral
from tests.workforce.test_caseloads import holding

JSON = "application/json"
TODAY = timezone.localdate()


def test_a_manager_allocates_through_the_api_and_reads_the_history(team_manager: User, social_worker: User) -> None:
    case = referral(PersonFactory(), TODAY - timedelta(days=3), team_manager, worker=None, team=None)
    client = api_client(team_manager)
    body = {"team": social_worker.team_id, "worker": social_worker.pk, "version": case.version}
    made = client.post(f"/api/v1/referrals/{case.pk}/allocations/", body, content_type=JSON)
    assert made.status_code == 201
    assert [(s["worker"], s["ended_at"]) for s in made.json()] == [(social_worker.username, None)]
    assert client.get(f"/api/v1/referrals/{case.pk}/allocations/").json() == made.json()


def test_going_over_a_limit_through_the_api_needs_the_confirmation(team_manager: User, social_worker: User) -> None:
    WorkerProfile.objects.create(user=social_worker, caseload_limit=1)
    holding(social_worker, assessments=1)
    case = referral(PersonFactory(), TODAY - timedelta(days=3), team_manager, worker=None, team=None)
    client = api_client(team_manager)
    body = {"team": social_worker.team_id, "worker": social_worker.pk, "version": case.version}
    refused = client.post(f"/api/v1/referrals/{case.pk}/allocations/", body, content_type=JSON)
    assert refused.status_code == 400 and "over_limit_confirmed" in refused.json()["errors"]
    body["over_limit_confirmed"] = True
    made = client.post(f"/api/v1/referrals/{case.pk}/allocations/", body, content_type=JSON)
    assert made.status_code == 201 and made.json()[-1]["over_limit"] is True


def test_caseloads_are_for_those_who_see_teams(team_manager: User, social_worker: User) -> None:
    holding(social_worker, cp_plans=2)
    loads = api_client(team_manager).get(f"/api/v1/caseloads/?team={social_worker.team_id}").json()
    assert [(load["worker"], load["weighted"], load["cases"]) for load in loads] == [(social_worker.username, "3.0", 2)]
    assert api_client(social_worker).get(f"/api/v1/caseloads/?team={social_worker.team_id}").status_code == 403


def test_supervision_through_the_api_leaves_directions_and_keeps_reflection_private(
    team_manager: User, social_worker: User, qa_officer: User
) -> None:
    case = referral(PersonFactory(), TODAY - timedelta(days=30), social_worker)
    body = {
        "worker": social_worker.pk,
        "held_on": TODAY.isoformat(),
        "minutes": 90,
        "kind": "case",
        "summary": "Caseload review.",
        "reflective_notes": "A hard month.",
        "discussions": [
            {
                "referral": case.pk,
                "direction": "See the child alone.",
                "actions": [{"action": "Visit", "owner": "Ben", "due_on": (TODAY + timedelta(days=3)).isoformat()}],
            }
        ],
    }
    made = api_client(team_manager).post("/api/v1/supervision/", body, content_type=JSON)
    assert made.status_code == 201
    session = made.json()
    assert session["reflective_notes"] == "A hard month."
    assert [d["direction"] for d in session["directions"]] == ["See the child alone."]
    assert CaseDirection.objects.get().person_id == case.person_id
    other = api_client(qa_officer).get(f"/api/v1/supervision/{session['id']}/").json()
    assert other["reflective_notes"] is None and other["summary"] == "Caseload review."
    future = api_client(team_manager).post(
        "/api/v1/supervision/", body | {"held_on": (TODAY + timedelta(days=2)).isoformat()}, content_type=JSON
    )
    assert future.status_code == 400 and "held_on" in future.json()["errors"]

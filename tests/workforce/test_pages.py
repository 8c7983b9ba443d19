"""The workforce pages: a team's caseloads, the work waiting for a worker, and the council's caseload policy."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.casework import services as casework
from frontdoor.workforce.models import CaseloadPolicy, WorkerProfile
from tests.factories import PersonFactory, UserFactory
from tests.workforce.test_caseloads import holding


def test_a_manager_sees_the_teams_caseloads_and_who_is_over_their_limit(
    client_for, team_manager: User, social_worker: User
) -> None:
    holding(social_worker, assessments=10, cp_plans=6)  # 10 + 9 = 19, over 18
    page = client_for(team_manager).get("/workforce/team/").content.decode()
    assert social_worker.display_name in page
    assert "19.0 of 18" in page and "Over limit" in page and "1 worker is over their limit" in page


def test_the_team_page_reads_the_same_queries_for_a_bigger_team(
    client_for, team_manager: User, social_worker: User
) -> None:
    holding(social_worker, assessments=1)
    client = client_for(team_manager)
    client.get("/workforce/team/")
    with CaptureQueriesContext(connection) as small:
        client.get("/workforce/team/")
    for n in range(5):
        holding(UserFactory(role="social_worker", team=social_worker.team, username=f"sw{n}"), cin_plans=2)
    with CaptureQueriesContext(connection) as big:
        client.get("/workforce/team/")
    assert len(big) == len(small)


def test_work_waiting_for_a_worker_is_listed_longest_first_with_a_link_to_allocate(
    client_for, team_manager: User
) -> None:
    day = timezone.localdate() - timedelta(days=3)
    referral = casework.open_referral(
        person=PersonFactory(first_name="Zara"), by=team_manager, referral_date=day, source="6"
    )
    page = client_for(team_manager).get("/workforce/unallocated/").content.decode()
    assert "Zara" in page and f"/casework/referrals/{referral.pk}/allocate/" in page


def test_an_administrator_sets_the_weights_and_limits_on_a_page(client_for, administrator: User) -> None:
    policy = CaseloadPolicy.load()
    form = {
        "version": policy.version,
        "assessment_weight": "1.0",
        "cin_plan_weight": "1.0",
        "cp_plan_weight": "2.0",
        "worker_limit": "16",
        "newly_qualified_limit": "10",
        "newly_qualified_months": "12",
    }
    response = client_for(administrator).post("/workforce/caseload-policy/", form)
    assert response.status_code == 302
    assert CaseloadPolicy.load().worker_limit == 16


def test_a_second_manager_saving_a_workers_details_from_a_stale_page_is_told_and_changes_nothing(
    client_for, team_manager: User, social_worker: User
) -> None:
    page = f"/workforce/workers/{social_worker.pk}/"
    first = client_for(team_manager).post(page, {"version": 1, "qualified_on": "", "caseload_limit": "12"})
    assert first.status_code == 302
    second = client_for(team_manager).post(page, {"version": 1, "qualified_on": "", "caseload_limit": "20"})
    assert "Someone else changed this" in second.content.decode()
    assert WorkerProfile.objects.get(user=social_worker).caseload_limit == 12


@pytest.mark.parametrize(
    ("path", "role"), [("/workforce/caseload-policy/", "team_manager"), ("/workforce/unallocated/", "social_worker")]
)
def test_each_page_is_for_its_own_roles(client_for, request: pytest.FixtureRequest, path: str, role: str) -> None:
    assert client_for(request.getfixturevalue(role)).get(path).status_code == 403


def test_an_administrator_sees_the_caseloads_but_not_the_children_waiting(
    client_for, administrator: User, team_manager: User, social_worker: User
) -> None:
    casework.open_referral(
        person=PersonFactory(first_name="Zara"), by=team_manager, referral_date=timezone.localdate(), source="6"
    )
    page = client_for(administrator).get(f"/workforce/team/?team={team_manager.team_id}").content.decode()
    assert "Social workers in" in page and "Zara" not in page and "Waiting for a social worker" not in page

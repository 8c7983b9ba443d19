from datetime import date

from frontdoor.accounts.models import Team, User
from frontdoor.casework.models import Assessment
from tests.conftest import api_client
from tests.factories import PersonFactory, TeamFactory
from tests.returns import records


def test_an_indicator_for_a_period_with_the_period_before(performance_analyst: User, social_worker: User) -> None:
    episode = records.referral(PersonFactory(), date(2026, 1, 5), social_worker)
    for authorised in (date(2026, 3, 2), date(2026, 3, 20), date(2026, 2, 10)):
        made = records.assessment(episode, date(2026, 2, 2), social_worker, authorised=authorised)
        Assessment.objects.filter(pk=made.pk).update(due_on=date(2026, 3, 9))

    answer = api_client(performance_analyst).get(
        "/api/v1/indicators/assessments-in-time/", {"start": "2026-03-01", "end": "2026-03-31"}
    )

    assert answer.status_code == 200
    body = answer.json()
    assert body["figure"] == {"hits": 1, "total": 2, "value": 50.0}
    assert body["previous"] == {"hits": 1, "total": 1, "value": 100.0}
    assert body["change"] == -50.0
    assert body["indicator"]["definition"].startswith("Of assessments authorised in the period")
    weeks = [point["start"] for point in body["points"]]
    assert weeks == ["2026-03-01", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]
    assert body["splits"] == [{"code": "single", "name": "Single assessment", "figure": body["figure"]}]


def test_every_indicator_of_a_team(team_manager: User) -> None:
    answer = api_client(team_manager).get("/api/v1/indicators/")

    assert answer.status_code == 200
    assert {each["team"] for each in answer.json()} == {team_manager.team_id}
    assert "child-seen" in {each["indicator"]["slug"] for each in answer.json()}


def test_another_team_is_not_found(team_manager: User) -> None:
    other = TeamFactory(name="Locality team West", kind=Team.Kind.LOCALITY)

    assert api_client(team_manager).get("/api/v1/indicators/", {"team": other.pk}).status_code == 404


def test_a_role_without_the_figures_is_refused(social_worker: User) -> None:
    assert api_client(social_worker).get("/api/v1/indicators/").status_code == 403


def test_a_period_ending_before_it_starts_is_a_bad_request(performance_analyst: User) -> None:
    answer = api_client(performance_analyst).get("/api/v1/indicators/", {"start": "2026-03-01", "end": "2026-02-01"})

    assert answer.status_code == 400
    assert answer.json()["errors"]["end"] == ["The end of the period must be the same as or after its start"]

"""The early help API: a partner's request, the assessment, reading episodes, and a step up."""

from frontdoor.accounts.models import User
from frontdoor.earlyhelp.models import EarlyHelpEpisode
from frontdoor.people.models import Person
from frontdoor.records.models import AccessLog
from tests.conftest import api_client
from tests.earlyhelp.conftest import days_ago

JSON = "application/json"


def test_a_partners_request_is_taken_through_the_api(council: object, practitioner: User, child: Person) -> None:
    body = {
        "person": child.pk,
        "agency": "GP",
        "referrer_name": "Dr Shah",
        "reason": "Low mood",
        "requested_on": str(days_ago(1)),
    }
    made = api_client(practitioner).post("/api/v1/early-help/requests/", body, content_type=JSON)
    assert made.status_code == 201 and made.json()["route"] == "partner"
    refused = api_client(practitioner).post("/api/v1/early-help/requests/", body | {"agency": " "}, content_type=JSON)
    assert refused.status_code == 400


def test_the_assessment_and_a_step_up_through_the_api(episode: EarlyHelpEpisode, practitioner: User) -> None:
    client = api_client(practitioner)
    url = f"/api/v1/early-help/episodes/{episode.pk}"
    bad = {"started_on": str(days_ago(10)), "completed_on": str(days_ago(20)), "organisation": "EH", "needs": "N"}
    refused = client.post(f"{url}/assessment/", bad, content_type=JSON)
    assert refused.status_code == 400 and "completed_on" in refused.json()["errors"]
    good = bad | {"completed_on": str(days_ago(5))}
    assert client.post(f"{url}/assessment/", good, content_type=JSON).json()["assessment"]["organisation"] == "EH"
    no_reason = client.post(f"{url}/closure/", {"closed_on": str(days_ago(0)), "outcome": "step_up"}, content_type=JSON)
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["errors"]
    closed = client.post(
        f"{url}/closure/", {"closed_on": str(days_ago(0)), "outcome": "step_up", "reason": "Worse"}, content_type=JSON
    )
    assert closed.status_code == 200 and closed.json()["stepped_up_to"] is not None
    again = client.post(f"{url}/closure/", {"closed_on": str(days_ago(0)), "outcome": "needs_met"}, content_type=JSON)
    assert again.status_code == 400


def test_episodes_are_listed_and_read_with_the_read_logged(episode: EarlyHelpEpisode, practitioner: User) -> None:
    client = api_client(practitioner)
    listed = client.get("/api/v1/early-help/episodes/").json()
    assert [row["id"] for row in listed] == [episode.pk]
    read = client.get(f"/api/v1/early-help/episodes/{episode.pk}/").json()
    assert read["consent_given_by"] == "Mother" and read["status"] == "open"
    assert AccessLog.objects.filter(viewed="early help episode (API)", child=episode.person).exists()


def test_partners_and_quality_officers_are_refused_by_the_api(
    episode: EarlyHelpEpisode, partner: User, qa_officer: User
) -> None:
    for user in (partner, qa_officer):
        client = api_client(user)
        assert client.get("/api/v1/early-help/episodes/").status_code == 403
        assert client.get(f"/api/v1/early-help/episodes/{episode.pk}/").status_code == 403

"""The early help pages: requests waiting, open episodes, and the episode with a form for each step."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from frontdoor.accounts.models import LocalAuthority, User
from frontdoor.earlyhelp import services
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest
from frontdoor.people.models import Person
from frontdoor.records.models import AccessLog
from tests.earlyhelp.conftest import days_ago

Clients = Callable[[User], Client]


def day_fields(prefix: str, name: str, day: date) -> dict[str, str]:
    return {
        f"{prefix}-{name}_day": str(day.day),
        f"{prefix}-{name}_month": str(day.month),
        f"{prefix}-{name}_year": str(day.year),
    }


def test_the_requests_page_lists_waiting_requests_and_accepting_opens_the_episode(
    client_for: Clients, council: LocalAuthority, practitioner: User, child: Person
) -> None:
    request = services.request_early_help(person=child, by=practitioner, requested_on=days_ago(2))
    client = client_for(practitioner)
    assert "Ruby Hart" in client.get("/early-help/requests/").content.decode()
    accepted = client.post(f"/early-help/requests/{request.pk}/accept/")
    episode = EarlyHelpEpisode.objects.get()
    assert accepted.status_code == 302 and accepted["Location"] == f"/early-help/episodes/{episode.pk}/"
    assert "No request is waiting." in client.get("/early-help/requests/").content.decode()


def test_declining_asks_for_the_reason_on_its_own_page(
    client_for: Clients, council: LocalAuthority, practitioner: User, child: Person
) -> None:
    request = services.request_early_help(person=child, by=practitioner, requested_on=days_ago(2))
    client = client_for(practitioner)
    refused = client.post(f"/early-help/requests/{request.pk}/decline/", {"reason": ""})
    assert refused.status_code == 200 and "Enter why the early help team declines" in refused.content.decode()
    client.post(f"/early-help/requests/{request.pk}/decline/", {"reason": "Supported by school"})
    request.refresh_from_db()
    assert request.status == EarlyHelpRequest.Status.DECLINED


def test_a_partners_request_is_recorded_from_its_page(
    client_for: Clients, council: LocalAuthority, practitioner: User, child: Person
) -> None:
    body = {"person": child.pk, "agency": "Northgate School", "referrer_name": "Sam Ali", "reason": "Attendance"}
    body |= {"requested_on_day": "1", "requested_on_month": "1", "requested_on_year": str(days_ago(0).year)}
    response = client_for(practitioner).post("/early-help/requests/new/", body)
    assert response.status_code == 302
    assert EarlyHelpRequest.objects.get().agency == "Northgate School"


def test_starting_without_consent_or_a_reason_shows_the_rule_on_the_episode_page(
    client_for: Clients, waiting: EarlyHelpEpisode, practitioner: User
) -> None:
    response = client_for(practitioner).post(
        f"/early-help/episodes/{waiting.pk}/start/", day_fields("start", "started_on", days_ago(3))
    )
    assert response.status_code == 400
    assert "only with the family&#x27;s consent" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()


def test_the_whole_episode_is_recorded_through_its_page(
    client_for: Clients, episode: EarlyHelpEpisode, practitioner: User
) -> None:
    client = client_for(practitioner)
    url = f"/early-help/episodes/{episode.pk}"
    posts = [
        (
            "assessment",
            {"assessment-organisation": "Family hub", "assessment-needs": "Routines"}
            | day_fields("assessment", "started_on", days_ago(40)),
        ),
        (
            "lead-professional",
            {"lead-name": "Ann Lee", "lead-agency": "Northgate School", "lead-role": "DSL"}
            | day_fields("lead", "started_on", days_ago(40)),
        ),
        (
            "taf-meetings",
            {"taf-attendees": "Mum, Family\nSam Ali, Northgate School", "taf-summary": "Plan agreed"}
            | day_fields("taf", "held_on", days_ago(30)),
        ),
        (
            "plan",
            {"plan-outcome": "Attendance", "plan-action": "Morning routine", "plan-owner": "School"}
            | day_fields("plan", "due_on", days_ago(-20)),
        ),
        (
            "reviews",
            {"review-progress": "Better"}
            | day_fields("review", "reviewed_on", days_ago(1))
            | day_fields("review", "next_review_on", days_ago(-40)),
        ),
    ]
    for path, body in posts:
        response = client.post(f"{url}/{path}/", body)
        assert response.status_code == 302, (path, response.content.decode()[:3000])
    page = client.get(f"{url}/").content.decode()
    for shown in ("Family hub", "Ann Lee", "Sam Ali (Northgate School)", "Morning routine", "Better"):
        assert shown in page
    listed = client.get("/early-help/").content.decode()
    assert "Ann Lee (Northgate School)" in listed and f"{days_ago(-40):%-d %b %Y}" in listed


def test_a_taf_meeting_before_the_start_is_refused_on_the_page(
    client_for: Clients, episode: EarlyHelpEpisode, practitioner: User
) -> None:
    body = {"taf-attendees": "Mum, Family", "taf-summary": "S"} | day_fields("taf", "held_on", days_ago(55))
    response = client_for(practitioner).post(f"/early-help/episodes/{episode.pk}/taf-meetings/", body)
    assert response.status_code == 400 and "on or after the episode started" in response.content.decode()


def test_stepping_up_from_the_page_opens_a_contact(
    client_for: Clients, episode: EarlyHelpEpisode, practitioner: User
) -> None:
    body = {"closure-outcome": "step_up", "closure-reason": "Injury seen"} | day_fields(
        "closure", "closed_on", days_ago(0)
    )
    response = client_for(practitioner).post(f"/early-help/episodes/{episode.pk}/close/", body)
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.stepped_up_to is not None and "Injury seen" in episode.stepped_up_to.concern


def test_opening_an_episode_is_logged_as_reading_the_childs_record(
    client_for: Clients, episode: EarlyHelpEpisode, practitioner: User
) -> None:
    client_for(practitioner).get(f"/early-help/episodes/{episode.pk}/")
    log = AccessLog.objects.get(viewed="early help episode")
    assert (log.user, log.child, log.allowed) == (practitioner, episode.person, True)


def test_a_restricted_childs_episode_is_refused_and_the_attempt_logged(
    client_for: Clients, episode: EarlyHelpEpisode, practitioner: User
) -> None:
    Person.objects.filter(pk=episode.person_id).update(is_restricted=True)
    assert client_for(practitioner).get(f"/early-help/episodes/{episode.pk}/").status_code == 403
    assert AccessLog.objects.get(viewed="early help episode").allowed is False
    assert "Ruby Hart" not in client_for(practitioner).get("/early-help/").content.decode()


def test_a_manager_works_in_early_help_too(client_for: Clients, episode: EarlyHelpEpisode, team_manager: User) -> None:
    assert client_for(team_manager).get(f"/early-help/episodes/{episode.pk}/").status_code == 200


@pytest.mark.parametrize("who", ["partner", "qa_officer"])
def test_partners_and_quality_officers_are_refused_every_early_help_page(
    client_for: Clients, episode: EarlyHelpEpisode, who: str, request: pytest.FixtureRequest
) -> None:
    client = client_for(request.getfixturevalue(who))
    pages = [
        "/early-help/",
        "/early-help/requests/",
        "/early-help/requests/new/",
        f"/early-help/episodes/{episode.pk}/",
    ]
    pages += [f"/early-help/requests/{episode.request_id}/decline/"]
    for page in pages:
        assert client.get(page).status_code == 403, page
    posts = ["start", "assessment", "lead-professional", "taf-meetings", "plan", "reviews", "close"]
    for action in posts:
        assert client.post(f"/early-help/episodes/{episode.pk}/{action}/").status_code == 403, action
    assert client.post(f"/early-help/requests/{episode.request_id}/accept/").status_code == 403
    assert not AccessLog.objects.exists()


def test_the_navigation_shows_early_help_to_the_team(
    client_for: Clients, council: LocalAuthority, practitioner: User
) -> None:
    page = client_for(practitioner).get("/early-help/").content.decode()
    assert 'href="/early-help/"' in page and "Record a partner&#x27;s request" in page

"""POST /api/v1/calls/events: the telephony system's call events."""

from datetime import UTC, datetime

import pytest
from django.test import Client

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.accounts.services import create_api_token
from frontdoor.contacts.models import Call, CallEvent
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

URL = "/api/v1/calls/events"
OFFERED = {"call_id": "c-1", "event": "offered", "queue": "Front door", "timestamp": "2026-03-02T09:00:00Z"}
ANSWERED = {"call_id": "c-1", "event": "answered", "agent": "Amira Shah", "timestamp": "2026-03-02T09:00:12+00:00"}


@pytest.fixture
def telephony(db: None) -> Client:
    """The telephony system: an API token of a performance analyst's account."""
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    _, key = create_api_token(user=analyst, name="Telephony", by=None)
    return Client(headers={"authorization": f"Bearer {key}"})


def test_one_event_is_stored(telephony: Client) -> None:
    response = telephony.post(URL, OFFERED, content_type="application/json")
    assert response.status_code == 201
    [stored] = response.json()
    assert stored["call_id"] == "c-1"
    assert stored["event"] == "offered"
    assert stored["flags"] == []
    call = Call.objects.get(call_id="c-1")
    assert call.offered_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert call.queue == "Front door"


def test_a_batch_of_events_is_stored_in_order(telephony: Client) -> None:
    ended = {"call_id": "c-1", "event": "ended", "timestamp": "2026-03-02T09:06:00+00:00"}
    response = telephony.post(URL, [OFFERED, ANSWERED, ended], content_type="application/json")
    assert response.status_code == 201
    assert [e["event"] for e in response.json()] == ["offered", "answered", "ended"]
    call = Call.objects.get(call_id="c-1")
    assert call.seconds_to_answer == 12
    assert call.agent == "Amira Shah"


def test_odd_events_are_stored_with_their_flags(telephony: Client) -> None:
    first = telephony.post(URL, ANSWERED, content_type="application/json").json()
    assert first[0]["flags"] == ["first event was not 'offered'"]
    response = telephony.post(URL, [ANSWERED, OFFERED], content_type="application/json")
    assert response.status_code == 201
    duplicate, late = response.json()
    assert duplicate["flags"] == ["duplicate event"]
    assert late["flags"] == ["arrived out of order"]
    assert late["call_flags"] == ["first event was not 'offered'", "duplicate event", "arrived out of order"]
    assert CallEvent.objects.count() == 3


def test_a_time_without_its_offset_is_refused_naming_the_field(telephony: Client) -> None:
    response = telephony.post(URL, {**OFFERED, "timestamp": "2026-03-02T09:00:00"}, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "offset from UTC" in response.json()["errors"]["timestamp"][0]
    assert not Call.objects.exists()


def test_a_batch_with_one_bad_event_stores_nothing(telephony: Client) -> None:
    bad = {**ANSWERED, "timestamp": "2026-03-02 09:00:12"}
    response = telephony.post(URL, [OFFERED, bad], content_type="application/json")
    assert response.status_code == 400
    assert "1.timestamp" in response.json()["errors"]
    assert not CallEvent.objects.exists()


def test_unknown_kinds_missing_fields_and_empty_batches_are_refused(telephony: Client) -> None:
    response = telephony.post(URL, {**OFFERED, "event": "rang"}, content_type="application/json")
    assert response.status_code == 400
    assert "event" in response.json()["errors"]
    response = telephony.post(URL, {"event": "offered"}, content_type="application/json")
    assert set(response.json()["errors"]) == {"call_id", "timestamp"}
    assert telephony.post(URL, [], content_type="application/json").status_code == 400
    assert telephony.post(URL, "offered", content_type="application/json").status_code == 400
    assert telephony.post(URL, "timestamp=now", content_type="application/x-www-form-urlencoded").status_code == 415


def test_without_credentials_the_answer_is_401() -> None:
    response = Client().post(URL, OFFERED, content_type="application/json")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert not Call.objects.exists()


def test_a_role_that_cannot_import_calls_is_refused_with_403(client_for, team_manager: User) -> None:
    response = client_for(team_manager).post(URL, OFFERED, content_type="application/json")
    assert response.status_code == 403
    assert not Call.objects.exists()
    _, key = create_api_token(user=make_user(Role.SOCIAL_WORKER), name="Not telephony", by=None)
    token = Client(headers={"authorization": f"Bearer {key}"})
    assert token.post(URL, OFFERED, content_type="application/json").status_code == 403


def test_an_administrator_signed_in_may_send_events(client_for, administrator: User) -> None:
    response = client_for(administrator).post(URL, OFFERED, content_type="application/json")
    assert response.status_code == 201


def test_only_post_is_allowed(telephony: Client) -> None:
    assert telephony.get(URL).status_code == 405

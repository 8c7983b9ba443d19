"""Information sharing through the API: requests answered on a clock, every disclosure logged with its basis."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.partners import sharing
from frontdoor.partners.models import InformationRequest, InformationShare
from frontdoor.people.models import Person
from frontdoor.records.models import AccessLog
from frontdoor.timescales.calendar import add_working_days
from tests.conftest import api_client
from tests.factories import PersonFactory
from tests.partners.test_information_sharing import asked

TODAY = timezone.localdate()


@pytest.fixture
def ruby(db: None) -> Person:
    return PersonFactory(first_name="Ruby", last_name="Okafor")


def asking(person: Person, **overrides: object) -> dict[str, object]:
    return {
        "person": person.pk,
        "agency": "health",
        "organisation": "Northbridge Health Visiting",
        "requester": "Jo Bell, health visitor",
        "asked_for": "Is the family known to children's services?",
        "purpose": "Mother disclosed domestic abuse at a new birth visit.",
        **overrides,
    }


def disclosing(person: Person, **overrides: object) -> dict[str, object]:
    return {
        "person": person.pk,
        "agency": "health",
        "organisation": "Northbridge Health Visiting",
        "recipient": "Jo Bell, health visitor",
        "shared_on": TODAY.isoformat(),
        "what": "Open to the front door since June; two police notifications this year.",
        "purpose": "To plan the health visitor's next contact safely.",
        "basis": "public_task",
        "condition": "safeguarding",
        "family_informed": True,
        **overrides,
    }


def post(client: Client, path: str, body: object) -> Any:
    return client.post(path, body, content_type="application/json")


def test_a_request_is_recorded_then_answered_by_a_logged_share(contact_officer: User, ruby: Person) -> None:
    client = api_client(contact_officer)
    recorded = post(client, "/api/v1/information-requests/", asking(ruby, urgent=True))
    assert recorded.status_code == 201, recorded.content
    made = recorded.json()
    assert made["due_on"] == add_working_days(TODAY, 1).isoformat() and made["status"] == "open"
    assert AccessLog.objects.filter(child=ruby, viewed="information request (API)", allowed=True).exists()
    assert [r["id"] for r in client.get("/api/v1/information-requests/?status=open").json()] == [made["id"]]
    shared = post(client, "/api/v1/information-shares/", disclosing(ruby, request=made["id"]))
    assert shared.status_code == 201, shared.content
    assert shared.json()["request"] == made["id"] and shared.json()["recorded_by"] == contact_officer.username
    assert InformationRequest.objects.get().status == "answered"
    assert client.get("/api/v1/information-requests/?status=open").json() == []
    assert [r["status"] for r in client.get("/api/v1/information-requests/").json()] == ["answered"]
    listed = client.get(f"/api/v1/information-shares/?person={ruby.pk}").json()
    assert [s["id"] for s in listed] == [shared.json()["id"]] and listed[0]["basis"] == "public_task"
    assert AccessLog.objects.filter(child=ruby, viewed="information sharing (API)").count() == 2


def test_a_request_is_declined_with_the_reason(contact_officer: User, ruby: Person) -> None:
    request = sharing.record_request(person=ruby, by=contact_officer, asked=asked())
    client = api_client(contact_officer)
    path = f"/api/v1/information-requests/{request.pk}/decline/"
    blank = post(client, path, {"reason": ""})
    assert blank.status_code == 400 and "Say why" in blank.json()["errors"]["reason"][0]
    declined = post(client, path, {"reason": "The family is not known to us."})
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    again = post(client, path, {"reason": "Again."})
    assert again.status_code == 400 and "already closed" in again.json()["errors"]["reason"][0]


def test_what_the_service_refuses_comes_back_as_problems(contact_officer: User, ruby: Person) -> None:
    client = api_client(contact_officer)
    future = (timezone.now() + timedelta(days=1)).isoformat()
    assert (
        "received_at"
        in post(client, "/api/v1/information-requests/", asking(ruby, received_at=future)).json()["errors"]
    )
    untold = post(client, "/api/v1/information-shares/", disclosing(ruby, family_informed=False))
    assert untold.status_code == 400 and "not_informed_reason" in untold.json()["errors"]
    unknown = post(client, "/api/v1/information-shares/", disclosing(ruby, request=999_999))
    assert unknown.status_code == 400 and "request" in unknown.json()["errors"]
    other = sharing.record_request(person=PersonFactory(first_name="Sol"), by=contact_officer, asked=asked())
    wrong_child = post(client, "/api/v1/information-shares/", disclosing(ruby, request=other.pk))
    assert wrong_child.status_code == 400 and "not open for this child" in wrong_child.json()["errors"]["request"][0]
    assert client.get("/api/v1/information-shares/").status_code == 400
    assert not InformationShare.objects.exists()


def test_a_restricted_childs_information_is_refused_and_the_attempt_logged(contact_officer: User) -> None:
    hidden = PersonFactory(first_name="Kai", is_restricted=True)
    client = api_client(contact_officer)
    assert client.get(f"/api/v1/information-shares/?person={hidden.pk}").status_code == 403
    assert post(client, "/api/v1/information-requests/", asking(hidden)).status_code == 403
    assert AccessLog.objects.filter(child=hidden, allowed=False).count() == 2
    assert not InformationRequest.objects.exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/information-requests/?status=open"),
        ("post", "/api/v1/information-requests/"),
        ("post", "/api/v1/information-requests/{request}/decline/"),
        ("get", "/api/v1/information-shares/?person={person}"),
        ("post", "/api/v1/information-shares/"),
    ],
)
def test_only_those_who_decide_contacts_share_information(
    partner: User, qa_officer: User, contact_officer: User, ruby: Person, method: str, path: str
) -> None:
    request = sharing.record_request(person=ruby, by=contact_officer, asked=asked())
    for user in (partner, qa_officer):
        # The role is refused before the body is read: an empty body is still a 403.
        client = api_client(user)
        answer = getattr(client, method)(
            path.format(request=request.pk, person=ruby.pk), content_type="application/json"
        )
        assert answer.status_code == 403, (user, answer.content)
    assert not AccessLog.objects.filter(child=ruby).exists()


def test_a_request_received_before_the_calendar_begins_is_refused_not_a_server_error(
    contact_officer: User, ruby: Person
) -> None:
    # Found by the schema fuzzer: the answer-by date could not be counted from the year 178.
    response = post(
        api_client(contact_officer), "/api/v1/information-requests/", asking(ruby, received_at="0178-10-19T00:39:42Z")
    )
    assert response.status_code == 400
    assert "out of range" in str(response.json()["errors"])
    assert not InformationRequest.objects.exists()

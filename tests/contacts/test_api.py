from django.test import Client
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.services import create_api_token
from frontdoor.contacts.models import Contact, ThresholdDecision
from frontdoor.people.models import RestrictionGrant
from tests.factories import PersonFactory


def contact_body(person_id: int) -> dict[str, object]:
    return {
        "received_at": timezone.now().isoformat(),
        "channel": "online",
        "source": "3B",
        "referrer": {"name": "Jo Smith", "role": "Health visitor", "organisation": "Northbridge Health"},
        "children": [{"person": person_id}],
        "concern": "Baby has lost weight and the home was very cold.",
        "categories": ["neglect"],
        "rag": "amber",
    }


def test_a_partner_system_sends_a_contact_and_a_retry_is_the_same_contact(contact_officer: User, ruby) -> None:
    _, key = create_api_token(user=contact_officer, name="health visiting system", by=None)
    client = Client(headers={"authorization": f"Bearer {key}", "idempotency-key": "hv-2026-0001"})
    first = client.post("/api/v1/contacts/", contact_body(ruby.pk), content_type="application/json")
    assert first.status_code == 201
    again = client.post("/api/v1/contacts/", contact_body(ruby.pk), content_type="application/json")
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert Contact.objects.count() == 1
    assert first.json()["children"][0]["person"] == ruby.pk


def test_bad_contacts_name_the_field(client_for, contact_officer: User) -> None:
    body = {**contact_body(999999), "source": "ZZ"}
    response = client_for(contact_officer).post("/api/v1/contacts/", body, content_type="application/json")
    assert response.status_code == 400
    assert "source" in response.json()["errors"]


def test_an_unknown_person_is_refused(client_for, contact_officer: User) -> None:
    response = client_for(contact_officer).post(
        "/api/v1/contacts/", contact_body(999999), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["children"] == ["No person you can see has the ID 999999"]


def test_a_decision_through_the_api_follows_the_same_rules(
    client_for, contact_officer: User, ruby, record, levels
) -> None:
    contact = record(contact_officer, ruby)
    child = contact.children.get()
    client = client_for(contact_officer)
    url = f"/api/v1/contacts/{contact.pk}/children/{child.pk}/decision/"
    refused = client.post(
        url, {"level": 1, "outcome": "strategy", "rationale": "x", "rag": "red"}, content_type="application/json"
    )
    assert refused.status_code == 400
    assert "does not allow" in refused.json()["errors"]["outcome"][0]
    made = client.post(
        url,
        {"level": 1, "outcome": "nfa", "rationale": "Needs met at school", "rag": "green"},
        content_type="application/json",
    )
    assert made.status_code == 201
    assert made.json()["status"] == "awaiting_authorisation"
    contact.refresh_from_db()
    assert contact.status != Contact.Status.CLOSED
    assert ThresholdDecision.objects.count() == 1


def test_reading_contacts_hides_those_about_restricted_children(
    client_for, contact_officer: User, team_manager: User, record, ruby
) -> None:
    hidden = PersonFactory(is_restricted=True)
    RestrictionGrant.objects.create(person=hidden, user=team_manager, granted_by=team_manager)
    record(contact_officer, ruby)
    secret = record(team_manager, hidden)
    listed = client_for(contact_officer).get("/api/v1/contacts/").json()["results"]
    assert secret.pk not in [c["id"] for c in listed]
    assert client_for(contact_officer).get(f"/api/v1/contacts/{secret.pk}/").status_code == 403
    assert secret.pk in [c["id"] for c in client_for(team_manager).get("/api/v1/contacts/").json()["results"]]


def test_roles_without_the_front_door_cannot_send_contacts(client_for, qa_officer: User, ruby) -> None:
    response = client_for(qa_officer).post("/api/v1/contacts/", contact_body(ruby.pk), content_type="application/json")
    assert response.status_code == 403

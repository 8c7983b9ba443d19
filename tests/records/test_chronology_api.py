"""The chronology API: read with filters, add an entry, mark and unmark, refused as the pages refuse."""

from datetime import date

import pytest

from frontdoor.accounts.models import User
from frontdoor.people import services as people
from frontdoor.people.models import Person
from frontdoor.people.safety import restrict_person
from frontdoor.records.models import Event, SignificanceMark
from tests.conftest import api_client
from tests.factories import PersonFactory
from tests.records.test_chronology import happened


@pytest.fixture
def child(db: None) -> Person:
    ruby = PersonFactory(first_name="Ruby", last_name="Shaw", date_of_birth=date(2015, 6, 1))
    happened(ruby, "contact.recorded", date(2024, 1, 5), "Contact from the school")
    happened(ruby, "visit.recorded", date(2024, 3, 1), "Home visit")
    happened(ruby, "contact.picked_up", date(2024, 1, 5), "Picked up")
    return ruby


def path(child: Person, rest: str = "") -> str:
    return f"/api/v1/people/{child.pk}/chronology/{rest}"


def test_it_reads_a_childs_chronology_with_filters(social_worker: User, child: Person) -> None:
    client = api_client(social_worker)
    body = client.get(path(child)).json()
    assert body["count"] == 2 and body["pages"] == 1 and body["children"] == [child.pk]
    assert [r["category"] for r in body["results"]] == ["contact", "visit"]
    assert body["results"][0]["significant"] is False and body["results"][0]["source"] == "event"
    visits = client.get(path(child), {"category": "visit", "since": "2024-02-01"}).json()
    assert [r["summary"] for r in visits["results"]] == ["Home visit"]
    newest = client.get(path(child), {"newest_first": "true"}).json()
    assert newest["results"][0]["summary"] == "Home visit"


def test_bad_filters_are_a_problem_naming_the_field(social_worker: User, child: Person) -> None:
    answer = api_client(social_worker).get(path(child), {"category": "gossip", "since": "2024-13-01"})
    assert answer.status_code == 400
    assert {"category.0", "since"} <= set(answer.json()["errors"])


def test_an_entry_is_added_and_marked_then_unmarked(social_worker: User, child: Person) -> None:
    client = api_client(social_worker)
    made = client.post(
        path(child, "entries/"),
        {"occurred_on": "2024-02-10", "what_happened": "Seen at A&E", "source": "Hospital letter"},
        content_type="application/json",
    )
    assert made.status_code == 201
    entry = made.json()
    assert entry["source"] == "entry" and entry["told_by"] == "Hospital letter" and entry["category"] == "manual"
    marked = client.post(
        path(child, f"entries/{entry['id']}/significance/"), {"reason": "Injury"}, content_type="application/json"
    )
    assert marked.status_code == 200 and marked.json()["significant"] is True
    assert marked.json()["marked_by"] == social_worker.display_name
    again = client.post(path(child, f"entries/{entry['id']}/significance/"), {}, content_type="application/json")
    assert again.status_code == 400
    unmarked = client.delete(path(child, f"entries/{entry['id']}/significance/"))
    assert unmarked.status_code == 200 and unmarked.json()["significant"] is False
    assert SignificanceMark.objects.get(entry_id=entry["id"]).unmarked_by == social_worker


def test_an_event_is_marked_significant(social_worker: User, child: Person) -> None:
    visit = Event.objects.get(child=child, kind="visit.recorded")
    client = api_client(social_worker)
    marked = client.post(path(child, f"events/{visit.pk}/significance/"), {}, content_type="application/json")
    assert marked.status_code == 200
    body = client.get(path(child), {"significant": "true"}).json()
    assert [r["id"] for r in body["results"]] == [visit.pk]


def test_an_added_entry_with_a_future_date_is_refused(social_worker: User, child: Person) -> None:
    answer = api_client(social_worker).post(
        path(child, "entries/"),
        {"occurred_on": "2999-01-01", "what_happened": "x", "source": "y"},
        content_type="application/json",
    )
    assert answer.status_code == 400 and "occurred_on" in answer.json()["errors"]


def test_a_partner_is_refused_and_an_unknown_child_is_not_found(
    partner: User, social_worker: User, child: Person
) -> None:
    assert api_client(partner).get(path(child)).status_code == 403
    assert api_client(social_worker).get("/api/v1/people/999999/chronology/").status_code == 404
    assert api_client(social_worker).post(path(child, "things/1/significance/")).status_code == 404


def test_siblings_come_with_the_child_and_a_restricted_one_is_left_out(
    social_worker: User, team_manager: User, child: Person
) -> None:
    sam, isla = PersonFactory(first_name="Sam"), PersonFactory(first_name="Isla")
    for sibling in (sam, isla):
        people.add_relationship(person=child, relative=sibling, kind="sibling", by=social_worker)
    restrict_person(person=isla, by=team_manager, reason="adoption")
    happened(sam, "referral.opened", date(2024, 2, 1), "Sam's referral")
    happened(isla, "referral.opened", date(2024, 2, 2), "Isla's referral")
    body = api_client(social_worker).get(path(child), {"siblings": "true"}).json()
    assert body["children"] == [child.pk, sam.pk] and body["hidden_siblings"] == 1
    assert "Isla's referral" not in [r["summary"] for r in body["results"]]
    assert {r["child_name"] for r in body["results"]} == {child.full_name, sam.full_name}

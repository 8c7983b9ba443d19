from datetime import date

from frontdoor.accounts.models import User
from frontdoor.people.models import Person
from frontdoor.records.models import AccessLog
from tests.factories import PersonFactory

RUBY = {"first_name": "Ruby", "last_name": "Okafor", "date_of_birth": "2019-02-14", "sex": "F"}


def test_search_through_the_api(client_for, social_worker: User) -> None:
    PersonFactory(first_name="Jayden", last_name="Smith", date_of_birth=date(2015, 3, 7))
    body = client_for(social_worker).get("/api/v1/people/?q=jaden+smyth&dob_day=3&dob_month=7&dob_year=2015").json()
    assert body[0]["person"]["first_name"] == "Jayden"
    assert "Date of birth matches with day and month swapped" in body[0]["reasons"]


def test_create_through_the_api(client_for, contact_officer: User) -> None:
    response = client_for(contact_officer).post("/api/v1/people/", RUBY, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["la_child_id"].startswith("FD")


def test_likely_duplicates_answer_409_until_checked(client_for, contact_officer: User) -> None:
    existing = PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14), sex="F")
    client = client_for(contact_officer)
    conflict = client.post("/api/v1/people/", {**RUBY, "first_name": "Rubie"}, content_type="application/json")
    assert conflict.status_code == 409
    assert conflict.json()["duplicates"][0]["id"] == existing.pk
    created = client.post(
        "/api/v1/people/",
        {**RUBY, "first_name": "Rubie", "not_duplicate_of": [existing.pk]},
        content_type="application/json",
    )
    assert created.status_code == 201
    assert Person.objects.count() == 2


def test_bad_input_names_the_field(client_for, contact_officer: User) -> None:
    response = client_for(contact_officer).post(
        "/api/v1/people/", {**RUBY, "nhs_number": "9990000019"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "check digit does not match" in response.json()["errors"]["nhs_number"][0]


def test_update_needs_the_version_read_and_refuses_a_stale_one(client_for, social_worker: User) -> None:
    person = PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14))
    client = client_for(social_worker)
    read = client.get(f"/api/v1/people/{person.pk}/").json()
    ok = client.patch(
        f"/api/v1/people/{person.pk}/",
        {"religion": "Christian", "version": read["version"]},
        content_type="application/json",
    )
    assert ok.status_code == 200
    stale = client.patch(
        f"/api/v1/people/{person.pk}/",
        {"religion": "None", "version": read["version"]},
        content_type="application/json",
    )
    assert stale.status_code == 409
    assert stale["Content-Type"] == "application/problem+json"
    assert Person.objects.get(pk=person.pk).religion == "Christian"
    assert AccessLog.objects.filter(child=person).count() == 3


def test_a_restricted_person_is_hidden_in_api_search(client_for, social_worker: User) -> None:
    PersonFactory(first_name="Jayden", last_name="Smith", is_restricted=True)
    body = client_for(social_worker).get("/api/v1/people/?q=jayden+smith").json()
    assert body[0]["restricted"] is True
    assert body[0]["person"] is None

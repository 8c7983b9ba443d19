from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.people.models import DuplicateCandidate, Person, PersonName, Residence
from frontdoor.records.models import Event
from tests.factories import PersonFactory


def new_person(**changes: Any) -> dict[str, Any]:
    data = {
        "first_name": "Ruby",
        "last_name": "Okafor",
        "date_of_birth_day": "14",
        "date_of_birth_month": "2",
        "date_of_birth_year": "2019",
        "sex": "F",
        "ethnicity": "BAFR",
        "line_1": "12 Mill Lane",
        "town": "Northbridge",
        "postcode": "nb3 4xy",
    }
    return {k: v for k, v in {**data, **changes}.items() if v is not None}


NEW = "/people/new/?searched=1&q=Ruby+Okafor"


def test_adding_a_person_starts_from_a_search(client_for, contact_officer: User) -> None:
    response = client_for(contact_officer).get("/people/new/")
    assert response["Location"] == "/people/"


def test_the_search_prefills_the_new_person(client_for, contact_officer: User) -> None:
    page = (
        client_for(contact_officer)
        .get("/people/new/?searched=1&q=ruby+okafor&dob_day=14&dob_month=2&dob_year=2019")
        .content.decode()
    )
    assert 'value="Ruby"' in page
    assert 'value="Okafor"' in page
    assert 'name="date_of_birth_day" value="14"' in page


def test_a_new_person_is_added_with_an_la_child_id_an_address_and_an_event(client_for, contact_officer: User) -> None:
    response = client_for(contact_officer).post(NEW, new_person())
    person = Person.objects.get(last_name="Okafor")
    assert response["Location"] == f"/people/{person.pk}/"
    assert person.la_child_id == f"FD{person.pk:08d}"
    assert person.created_by == contact_officer
    assert Residence.objects.get(person=person).address.postcode == "NB3 4XY"
    assert PersonName.objects.filter(person=person, last="okafor").exists()
    assert Event.objects.get(kind="person.created").child == person


def test_likely_duplicates_are_shown_before_adding(client_for, contact_officer: User) -> None:
    existing = PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14), sex="F")
    response = client_for(contact_officer).post(NEW, new_person(first_name="Rubie"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "may already be this person" in page
    assert f'href="/people/{existing.pk}/"' in page
    assert Person.objects.count() == 1


def test_create_anyway_records_who_said_it_was_not_a_duplicate(client_for, contact_officer: User) -> None:
    existing = PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14), sex="F")
    client_for(contact_officer).post(NEW, new_person(first_name="Rubie", not_a_duplicate="on"))
    added = Person.objects.exclude(pk=existing.pk).get()
    decision = DuplicateCandidate.objects.get()
    assert {decision.person_a, decision.person_b} == {existing, added}
    assert decision.status == DuplicateCandidate.Status.NOT_DUPLICATE
    assert decision.decided_by == contact_officer
    assert "after saying they are not 1 similar record" in Event.objects.get(kind="person.created").summary


def test_bad_identifiers_say_the_check_failed(client_for, contact_officer: User) -> None:
    page = (
        client_for(contact_officer)
        .post(NEW, new_person(nhs_number="999 000 0019", upn="B123456789012"))
        .content.decode()
    )
    assert "NHS number is not valid: its check digit does not match" in page
    assert "UPN is not valid: its check letter does not match" in page
    assert not Person.objects.exists()


def test_impossible_birth_dates_are_refused_with_a_reason(client_for, contact_officer: User) -> None:
    today = timezone.localdate()
    tomorrow, long_ago = today + timedelta(days=1), today - timedelta(weeks=8)
    client = client_for(contact_officer)
    page = client.post(
        NEW,
        new_person(
            date_of_birth_day=tomorrow.day, date_of_birth_month=tomorrow.month, date_of_birth_year=tomorrow.year
        ),
    ).content.decode()
    assert "Date of birth must be today or in the past" in page
    page = client.post(
        NEW,
        new_person(
            date_of_birth_day="",
            date_of_birth_month="",
            date_of_birth_year="",
            expected_date_of_birth_day=long_ago.day,
            expected_date_of_birth_month=long_ago.month,
            expected_date_of_birth_year=long_ago.year,
            sex="U",
        ),
    ).content.decode()
    assert "Expected date of birth is more than 6 weeks ago" in page
    assert not Person.objects.exists()


def test_an_nhs_number_already_on_record_is_refused(client_for, contact_officer: User) -> None:
    PersonFactory(first_name="Someone", last_name="Else", nhs_number="9990000018", date_of_birth=date(1990, 1, 1))
    page = (
        client_for(contact_officer)
        .post(NEW, new_person(nhs_number="999 000 0018", not_a_duplicate="on"))
        .content.decode()
    )
    assert "Another person already has this NHS number" in page


def edit_data(person: Person, **changes: Any) -> dict[str, Any]:
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "sex": person.sex,
        "ethnicity": person.ethnicity,
        "date_of_birth_day": person.date_of_birth.day,
        "date_of_birth_month": person.date_of_birth.month,
        "date_of_birth_year": person.date_of_birth.year,
        "version": person.version,
    }
    return {**data, **changes}


def test_a_second_person_saving_the_same_record_is_refused(
    client_for, contact_officer: User, social_worker: User
) -> None:
    person = PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14))
    first, second = edit_data(person, religion="Christian"), edit_data(person, first_language="Yoruba")
    assert client_for(contact_officer).post(f"/people/{person.pk}/edit/", first).status_code == 302
    response = client_for(social_worker).post(f"/people/{person.pk}/edit/", second)
    assert "Someone else changed this person while you were editing it" in response.content.decode()
    person.refresh_from_db()
    assert (person.religion, person.first_language) == ("Christian", "")


def test_a_changed_name_is_found_by_search_straight_away(client_for, contact_officer: User) -> None:
    person = PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14))
    client_for(contact_officer).post(f"/people/{person.pk}/edit/", edit_data(person, last_name="Adeyemi"))
    page = client_for(contact_officer).get("/people/?q=ruby+adeyemi").content.decode()
    assert f'href="/people/{person.pk}/"' in page
    assert Event.objects.get(kind="person.updated").data["changes"]["last_name"] == {"from": "Okafor", "to": "Adeyemi"}


def test_people_who_may_not_change_records_cannot(client_for, qa_officer: User) -> None:
    person = PersonFactory()
    assert client_for(qa_officer).get(f"/people/{person.pk}/edit/").status_code == 403
    assert client_for(qa_officer).get(NEW).status_code == 403

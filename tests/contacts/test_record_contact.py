from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.contacts import services
from frontdoor.contacts.models import Contact, ContactChild
from frontdoor.records.models import Event
from tests.contacts.conftest import at
from tests.factories import PersonFactory


def test_a_contact_about_two_siblings_has_a_row_for_each(contact_officer: User, record, ruby) -> None:
    brother = PersonFactory(first_name="Tobi", last_name="Okafor")
    contact = record(contact_officer, ruby, brother)
    assert [c.person for c in contact.children.all()] == [ruby, brother]
    assert contact.status == Contact.Status.OPEN
    assert {e.child for e in Event.objects.filter(kind="contact.recorded")} == {ruby, brother}


def test_a_child_not_yet_identified_needs_details(contact_officer: User, record) -> None:
    contact = record(
        contact_officer,
        children=[
            services.ChildOnContact(
                unidentified_details="Girl about 7 at Northbridge Primary, first name Amber", follow_up="Ask the school"
            )
        ],
    )
    assert ContactChild.objects.get(contact=contact).person is None
    with pytest.raises(ValidationError, match="Describe each child not yet identified"):
        record(contact_officer, children=[services.ChildOnContact()])


def test_the_same_submission_twice_is_one_contact(contact_officer: User, record, ruby) -> None:
    first = record(contact_officer, ruby, idempotency_key="form-1234")
    second = record(contact_officer, ruby, idempotency_key="form-1234")
    assert first == second
    assert Contact.objects.count() == 1


def test_a_contact_needs_a_concern_and_a_child(contact_officer: User, record) -> None:
    with pytest.raises(ValidationError) as error:
        record(contact_officer, concern="  ", children=[])
    assert set(error.value.message_dict) == {"concern", "children"}


def test_a_contact_cannot_be_received_in_the_future(contact_officer: User, record, ruby) -> None:
    with pytest.raises(ValidationError, match="now or in the past"):
        record(contact_officer, ruby, received_at=timezone.now() + timedelta(hours=2))


def test_out_of_hours_comes_from_the_councils_office_hours(contact_officer: User, record, ruby, council) -> None:
    saturday_night, tuesday_morning = at(date(2026, 11, 21), 22), at(date(2026, 11, 24), 10)
    assert record(contact_officer, ruby, received_at=saturday_night).out_of_hours
    assert not record(contact_officer, ruby, received_at=tuesday_morning).out_of_hours


def test_roles_without_the_front_door_cannot_record(qa_officer: User, record, ruby) -> None:
    with pytest.raises(PermissionDenied):
        record(qa_officer, ruby)


def test_a_contact_links_to_its_call(contact_officer: User, record, ruby) -> None:
    contact = record(contact_officer, ruby, call_id="CALL-0042")
    assert contact.call.call_id == "CALL-0042"


def contact_form(**changes: str) -> dict[str, str]:
    # A few minutes ago: a fixed time of day would be in the future for a run before it, and refused.
    received = timezone.localtime() - timedelta(minutes=5)
    data = {
        "received_on_day": str(received.day),
        "received_on_month": str(received.month),
        "received_on_year": str(received.year),
        "received_time": received.strftime("%H:%M"),
        "channel": "phone",
        "source": "2A",
        "referrer_name": "Mrs Patel",
        "family_aware": "yes",
        "consent": "given",
        "immediate_danger": "no",
        "rag": "amber",
        "concern": "Bruises on her arm",
        "idempotency_key": "abc123",
    }
    return {**data, **changes}


def test_the_page_records_the_children_chosen_by_search(client_for, contact_officer: User, ruby) -> None:
    client = client_for(contact_officer)
    page = client.get("/contacts/new/?q=ruby+okafor").content.decode()
    assert f"child={ruby.pk}" in page
    response = client.post(f"/contacts/new/?child={ruby.pk}", {**contact_form(), "child": str(ruby.pk)})
    contact = Contact.objects.get()
    assert response["Location"] == f"/contacts/{contact.pk}/"
    assert contact.children.get().person == ruby
    assert contact.rag == "amber"


def test_a_retried_page_submission_is_one_contact(client_for, contact_officer: User, ruby) -> None:
    client = client_for(contact_officer)
    for _ in range(2):
        client.post("/contacts/new/", {**contact_form(), "child": str(ruby.pk)})
    assert Contact.objects.count() == 1


def test_the_page_explains_what_is_missing(client_for, contact_officer: User) -> None:
    page = client_for(contact_officer).post("/contacts/new/", contact_form(concern="")).content.decode()
    assert "Enter the concern in the referrer&#x27;s words" in page
    assert "Add at least one child" in page
    assert not Contact.objects.exists()


def test_record_and_decide_goes_straight_to_the_decision(client_for, contact_officer: User, ruby) -> None:
    response = client_for(contact_officer).post(
        "/contacts/new/", {**contact_form(), "child": str(ruby.pk), "decide": "yes"}
    )
    child = ContactChild.objects.get()
    assert response["Location"] == f"/contacts/{child.contact_id}/children/{child.pk}/decide/"


def test_a_new_person_added_mid_contact_comes_back_chosen(client_for, contact_officer: User) -> None:
    client = client_for(contact_officer)
    back = "/contacts/new/?"
    response = client.post(
        f"/people/new/?searched=1&next_step={back}",
        {
            "first_name": "Amber",
            "last_name": "Hughes",
            "sex": "F",
            "ethnicity": "WBRI",
            "date_of_birth_day": "3",
            "date_of_birth_month": "3",
            "date_of_birth_year": "2019",
        },
    )
    assert response["Location"].startswith("/contacts/new/?")
    assert "added=" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "Amber Hughes" in page
    assert 'name="child" value="' in page

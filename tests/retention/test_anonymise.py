"""Anonymising a record at the end of its retention period: only when a manager confirms, and for good."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from frontdoor.accounts.models import User
from frontdoor.casework.models import Assessment, Referral
from frontdoor.contacts.models import Contact, ContactChild
from frontdoor.people.models import Person, PersonName, Residence
from frontdoor.records.models import Event
from frontdoor.retention.models import RetentionReview
from frontdoor.retention.services import anonymise_person
from tests.retention.conftest import Family

# His alone: the home he shared with his sister stays hers, and her surname is his too.
PERSONAL = ["Zebedee", "Zeb", "POL-ZQ-0001", "Northshire Police", "1995-03-04"]


def every_text_value() -> list[tuple[str, str, str]]:
    """(table, column, value) for every text column of every table in the database."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from the database itself)
            for row in cursor.fetchall():
                found += [(table, column, value) for column, value in zip(columns, row, strict=True)]
    return [(t, c, str(v)) for t, c, v in found if v is not None]


def places_naming(words: list[str]) -> list[tuple[str, str, str]]:
    return [(t, c, v) for t, c, v in every_text_value() if any(w.lower() in v.lower() for w in words)]


def test_the_family_is_findable_before(family: Family) -> None:
    """The search below is honest: before anonymising, it finds him in many places."""
    tables = {table for table, _, _ in places_naming([*PERSONAL, "14 Quarry Lane"])}
    assert {"people_person", "people_identifier", "people_address", "records_event", "contacts_contact"} <= tables
    assert {"casework_assessment", "records_chronologyentry", "people_personname"} <= tables


def test_nothing_personal_remains_anywhere_after_anonymising(due: RetentionReview, service_manager: User) -> None:
    anonymise_person(review=due, by=service_manager, confirmed=True)
    assert places_naming(PERSONAL) == []
    person = Person.objects.get(pk=due.person_id)
    assert person.date_of_birth == date(1995, 1, 1)
    assert (person.nhs_number, person.la_child_id) == ("", "")
    assert str(Residence.objects.get(person=person).address) == "[Anonymised]"


def test_his_sister_keeps_her_record_and_her_home(due: RetentionReview, family: Family, service_manager: User) -> None:
    anonymise_person(review=due, by=service_manager, confirmed=True)
    amy = Person.objects.get(pk=family.amy.pk)
    assert amy.full_name == "Amy Quarrington"
    assert str(Residence.objects.get(person=amy).address) == "14 Quarry Lane, Northbridge, NB7 3QQ"
    concern = Contact.objects.get(pk=family.contact.pk).concern
    assert "Amy were left alone overnight" in concern
    searched = PersonName.objects.filter(last__iexact="quarrington").values_list("person_id", flat=True)
    assert set(searched) == {amy.pk}


def test_what_the_returns_count_stays(due: RetentionReview, family: Family, service_manager: User) -> None:
    events = Event.objects.filter(child=family.zebedee).count()
    anonymise_person(review=due, by=service_manager, confirmed=True)
    referral = Referral.objects.get(pk=family.referral.pk)
    assert (referral.referral_date, referral.closed_on, referral.closure_reason) == (
        date(2010, 5, 1),
        date(2010, 6, 1),
        "RC8",
    )
    assessment = Assessment.objects.get(referral=referral)
    assert assessment.childs_views == "[Anonymised]"
    assert ContactChild.objects.filter(person=family.zebedee).count() == 1
    # His events stay, with their kinds and times, and one more says the record was anonymised.
    assert Event.objects.filter(child=family.zebedee).count() == events + 1


def test_the_anonymisation_event_names_no_one(due: RetentionReview, service_manager: User) -> None:
    anonymise_person(review=due, by=service_manager, confirmed=True)
    event = Event.objects.get(kind="retention.anonymised")
    assert "Zebedee" not in event.summary and "Quarrington" not in str(event.data)
    assert event.actor == service_manager


def test_nothing_changes_without_the_managers_confirmation(due: RetentionReview, service_manager: User) -> None:
    with pytest.raises(ValidationError):
        anonymise_person(review=due, by=service_manager, confirmed=False)
    assert Person.objects.get(pk=due.person_id).first_name == "Zebedee"
    assert RetentionReview.objects.get(pk=due.pk).status == RetentionReview.Status.DUE


def test_a_social_worker_cannot_anonymise_a_record(due: RetentionReview, social_worker: User) -> None:
    with pytest.raises(PermissionDenied):
        anonymise_person(review=due, by=social_worker, confirmed=True)
    assert Person.objects.get(pk=due.person_id).first_name == "Zebedee"


def test_a_record_is_anonymised_once(due: RetentionReview, service_manager: User, administrator: User) -> None:
    anonymise_person(review=due, by=service_manager, confirmed=True)
    with pytest.raises(ValidationError, match="already decided"):
        anonymise_person(review=due, by=administrator, confirmed=True)


def test_a_record_whose_work_reopened_is_not_anonymised(
    due: RetentionReview, family: Family, social_worker: User, service_manager: User
) -> None:
    from frontdoor.casework.services import open_referral

    open_referral(person=family.zebedee, by=social_worker, referral_date=date(2026, 11, 1), source="2A")
    with pytest.raises(ValidationError, match="open work"):
        anonymise_person(review=due, by=service_manager, confirmed=True)


def test_the_event_log_still_refuses_any_other_change(family: Family) -> None:
    from django.db import DatabaseError, transaction

    event = Event.objects.filter(child=family.zebedee).first()
    assert event is not None
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE records_event SET summary = 'rewritten' WHERE id = %s", [event.pk])
    Event.objects.filter(pk=event.pk).anonymise(summary="[Anonymised]")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE records_event SET summary = 'again', anonymised_at = NULL WHERE id = %s", [event.pk])


def test_a_record_merged_into_his_goes_too(family: Family, team_manager: User, service_manager: User) -> None:
    from frontdoor.people.merging import merge_people
    from frontdoor.retention.services import find_records_due
    from tests.factories import PersonFactory

    duplicate = PersonFactory(first_name="Zebedee", last_name="Quarington", date_of_birth=date(1995, 3, 4))
    merge_people(
        survivor=family.zebedee,
        merged=duplicate,
        by=team_manager,
        take_from_merged=[],
        expected_versions=(family.zebedee.version, duplicate.version),
    )
    find_records_due(today=date(2026, 11, 27))
    anonymise_person(review=RetentionReview.objects.get(person=family.zebedee), by=service_manager, confirmed=True)
    assert places_naming([*PERSONAL, "Quarington"]) == []
    assert Person.objects.get(pk=duplicate.pk).first_name == "Anonymised"

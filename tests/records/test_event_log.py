import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from frontdoor.accounts.models import User
from frontdoor.records.models import AccessLog, AppendOnlyError, Event
from frontdoor.records.services import EventOutsideTransactionError, log_access, record_event
from tests.factories import PersonFactory


def an_event(by: User | None = None) -> Event:
    with transaction.atomic():
        return record_event(kind="test.happened", by=by, summary="Something happened")


def test_events_can_be_added_but_not_changed(social_worker: User) -> None:
    event = an_event(by=social_worker)
    event.summary = "Something else"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        Event.objects.filter(pk=event.pk).update(summary="Something else")


def test_events_cannot_be_deleted(social_worker: User) -> None:
    event = an_event(by=social_worker)
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        Event.objects.all().delete()
    assert Event.objects.filter(pk=event.pk).exists()


def test_the_database_refuses_to_change_an_event_behind_the_application(social_worker: User) -> None:
    event = an_event(by=social_worker)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE records_event SET summary = 'tampered' WHERE id = %s", [event.pk])
    event.refresh_from_db()
    assert event.summary == "Something happened"


@pytest.mark.django_db(transaction=True)
def test_an_event_must_be_written_in_the_transaction_of_its_change() -> None:
    with pytest.raises(EventOutsideTransactionError):
        record_event(kind="test.happened", by=None, summary="Outside any transaction")
    assert not Event.objects.exists()


def test_an_event_remembers_its_record_and_child(social_worker: User) -> None:
    child = PersonFactory()
    with transaction.atomic():
        event = record_event(kind="test.happened", by=social_worker, summary="About a child", child=child, record=child)
    assert (event.record_type, event.record_id, event.child) == ("people.Person", str(child.pk), child)
    assert event.recorded_at >= event.occurred_at


def test_access_log_rows_cannot_be_changed_or_deleted(social_worker: User) -> None:
    row = log_access(user=social_worker, child=PersonFactory(), viewed="person page")
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        AccessLog.objects.all().delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE records_accesslog SET viewed = 'nothing' WHERE id = %s", [row.pk])


def test_the_event_log_page_is_for_auditors(client_for, qa_officer: User, social_worker: User) -> None:
    an_event(by=social_worker)
    assert client_for(social_worker).get("/records/events/").status_code == 403
    response = client_for(qa_officer).get("/records/events/")
    assert response.status_code == 200
    assert "Something happened" in response.content.decode()


def test_the_event_log_filters_by_area(client_for, qa_officer: User) -> None:
    with transaction.atomic():
        record_event(kind="council.updated", by=qa_officer, summary="Changed the council")
        record_event(kind="closure_day.added", by=qa_officer, summary="Added a closure day")
    page = client_for(qa_officer).get("/records/events/?area=council").content.decode()
    assert "Changed the council" in page
    assert "Added a closure day" not in page


def test_the_event_log_page_costs_the_same_queries_for_many_events(client_for, qa_officer: User) -> None:
    client = client_for(qa_officer)
    an_event(by=qa_officer)
    with CaptureQueriesContext(connection) as few:
        client.get("/records/events/")
    for _ in range(30):
        an_event(by=qa_officer)
    with CaptureQueriesContext(connection) as many:
        client.get("/records/events/")
    assert len(many) == len(few)

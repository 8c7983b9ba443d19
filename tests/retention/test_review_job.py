"""The nightly retention review: it lists records past their date, and changes nothing in them."""

from datetime import date, timedelta

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.casework import services as casework
from frontdoor.casework.models import Assessment
from frontdoor.records.models import Event
from frontdoor.retention.models import RecordClass, RetentionReview
from frontdoor.retention.rules import current_rules
from frontdoor.retention.services import find_records_due, keep_record, place_legal_hold
from tests.factories import PersonFactory
from tests.retention.conftest import Family

TODAY = date(2026, 11, 27)


def every_row_outside_the_review_queue() -> dict[str, list[tuple[object, ...]]]:
    skipped = {"retention_retentionreview", "records_event"}
    with connection.cursor() as cursor:
        tables = [t for t in connection.introspection.table_names(cursor) if t not in skipped]
        snapshot = {}
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')  # noqa: S608 (table names from the database)
            snapshot[table] = cursor.fetchall()
    return snapshot


def test_a_record_past_its_25th_birthday_with_no_open_work_is_queued(family: Family) -> None:
    report = find_records_due(today=TODAY)
    review = RetentionReview.objects.get(person=family.zebedee)
    assert review.status == RetentionReview.Status.DUE
    assert review.record_class == RecordClass.CHILDRENS_SOCIAL_CARE
    assert review.retain_until == date(2020, 3, 4)
    assert report.newly_due == 1


def test_a_child_under_25_is_not_due(family: Family) -> None:
    find_records_due(today=TODAY)
    assert not RetentionReview.objects.filter(person=family.amy).exists()


def test_the_job_alone_changes_nothing_personal(family: Family) -> None:
    # The council's rules are settings the migration writes; a flushed test database puts them back on first use.
    current_rules()
    before = every_row_outside_the_review_queue()
    events_before = list(Event.objects.values_list("id", "summary", "data", "anonymised_at"))
    find_records_due(today=TODAY)
    assert every_row_outside_the_review_queue() == before
    assert list(Event.objects.filter(id__in=[e[0] for e in events_before]).values_list(
        "id", "summary", "data", "anonymised_at"
    )) == events_before  # fmt: skip
    assert Event.objects.filter(kind="retention.reviewed").count() == 1


def test_a_record_with_an_open_referral_is_not_queued(family: Family, social_worker: User) -> None:
    casework.open_referral(person=family.zebedee, by=social_worker, referral_date=TODAY, source="2A")
    report = find_records_due(today=TODAY)
    assert not RetentionReview.objects.filter(person=family.zebedee).exists()
    assert report.open_work == 1


def test_a_looked_after_childs_record_is_kept_to_the_75th_anniversary_of_birth(family: Family) -> None:
    Assessment.objects.filter(referral=family.referral).update(outcome=Assessment.Outcome.LOOKED_AFTER)
    find_records_due(today=TODAY)
    assert not RetentionReview.objects.filter(person=family.zebedee).exists()
    find_records_due(today=date(2070, 3, 4))
    assert RetentionReview.objects.get(person=family.zebedee).record_class == RecordClass.LOOKED_AFTER


def test_a_parent_is_kept_while_their_child_is(family: Family, social_worker: User) -> None:
    from frontdoor.people.services import add_relationship

    mother = PersonFactory(first_name="Olwen", last_name="Quarrington", date_of_birth=date(1975, 1, 9))
    add_relationship(person=family.amy, relative=mother, kind="mother", by=social_worker)
    find_records_due(today=TODAY)
    assert not RetentionReview.objects.filter(person=mother).exists()
    find_records_due(today=date(2039, 6, 2))
    assert RetentionReview.objects.filter(person=mother).exists()


def test_a_record_is_queued_once_however_often_the_job_runs(family: Family) -> None:
    find_records_due(today=TODAY)
    again = find_records_due(today=TODAY)
    assert again.newly_due == 0
    assert RetentionReview.objects.filter(person=family.zebedee).count() == 1


def test_a_held_record_is_not_queued_again(due: RetentionReview, service_manager: User) -> None:
    place_legal_hold(review=due, by=service_manager, reason="Held for the Northshire inquiry")
    find_records_due(today=TODAY + timedelta(days=3650))
    assert RetentionReview.objects.filter(person=due.person).count() == 1


def test_a_record_kept_for_now_comes_back_on_its_date(due: RetentionReview, service_manager: User) -> None:
    until = timezone.localdate() + timedelta(days=365)
    keep_record(review=due, by=service_manager, until=until, reason="His sister's care proceedings")
    find_records_due(today=until - timedelta(days=1))
    assert RetentionReview.objects.filter(person=due.person).count() == 1
    find_records_due(today=until)
    assert RetentionReview.objects.filter(person=due.person, status=RetentionReview.Status.DUE).exists()


def test_the_command_reports_what_it_found(family: Family, capsys) -> None:  # type: ignore[no-untyped-def]
    call_command("retention_review")
    assert "1 newly due for review" in capsys.readouterr().out

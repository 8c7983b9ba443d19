"""The access log for auditors: who saw a child, what a user saw, by page, CSV and API."""

import csv
import io
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils.html import escape

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability, Role
from frontdoor.people.models import Person
from frontdoor.people.safety import restrict_person
from frontdoor.records.models import AccessLog, Event
from frontdoor.records.services import log_access
from tests.conftest import api_client, make_user
from tests.factories import PersonFactory, UserFactory

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def ruby(db: None) -> Person:
    return PersonFactory(first_name="Ruby", last_name="Shaw")


def read(user: User, child: Person, viewed: str, at: datetime, *, allowed: bool = True) -> AccessLog:
    """A read as the access helpers write it, on a chosen day: the log is append-only, so made as it was then."""
    return AccessLog.objects.create(user=user, child=child, viewed=viewed, at=at, allowed=allowed)


@pytest.mark.parametrize("role", [Role.QA_OFFICER, Role.SERVICE_MANAGER, Role.ADMINISTRATOR])
def test_quality_officers_service_managers_and_administrators_may_read_the_access_log(db: None, role: Role) -> None:
    assert make_user(role).can(Capability.VIEW_ACCESS_LOG)


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.PARTNER, Role.PERFORMANCE_ANALYST])
def test_practitioners_managers_partners_and_analysts_may_not(
    role: Role, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    user = make_user(role)
    client = client_for(user)
    assert client.get(f"/people/{ruby.pk}/access-log/").status_code == 403
    assert client.get(f"/records/staff/{user.pk}/access-log/").status_code == 403
    assert api_client(user).get(f"/api/v1/people/{ruby.pk}/access-log/").status_code == 403


def test_a_qa_officer_sees_who_saw_a_child_newest_first_with_refused_attempts(
    qa_officer: User, social_worker: User, contact_officer: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    read(social_worker, ruby, "person page", datetime(2026, 3, 2, 9, 30, tzinfo=LONDON))
    read(contact_officer, ruby, "contact", datetime(2026, 3, 3, 14, 5, tzinfo=LONDON), allowed=False)
    page = client_for(qa_officer).get(f"/people/{ruby.pk}/access-log/").content.decode()
    assert "Who saw Ruby Shaw's record" in page
    assert page.index("3 Mar 2026, 14:05") < page.index("2 Mar 2026, 09:30")
    assert social_worker.display_name in page and "Refused" in page
    # From each reader to what else they saw: how a QA officer, who has no staff pages, gets there.
    assert f'href="/records/staff/{social_worker.pk}/access-log/"' in page


def test_the_childs_page_links_to_its_access_log_only_for_auditors(
    social_worker: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    manager = make_user(Role.SERVICE_MANAGER)
    assert f"/people/{ruby.pk}/access-log/" in client_for(manager).get(f"/people/{ruby.pk}/").content.decode()
    assert "access-log" not in client_for(social_worker).get(f"/people/{ruby.pk}/").content.decode()


def test_reading_a_childs_access_log_is_an_event_and_an_access_log_row(
    qa_officer: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    client_for(qa_officer).get(f"/people/{ruby.pk}/access-log/?since_day=1&since_month=3&since_year=2026")
    event = Event.objects.get(kind="access_log.read")
    assert (event.actor, event.record_type, event.record_id) == (qa_officer, "people.Person", str(ruby.pk))
    assert event.child is None  # an audit of the record is not part of the child's history
    assert event.summary == f"Read the access log: who saw {ruby.la_child_id}, from 1 March 2026"
    assert AccessLog.objects.filter(user=qa_officer, child=ruby, viewed="access log").exists()


def test_the_log_is_filtered_by_days_in_the_councils_time_zone(
    qa_officer: User, social_worker: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    # 00:30 on 1 April in London is 23:30 on 31 March in UTC: it belongs to 1 April.
    read(social_worker, ruby, "just after midnight", datetime(2026, 4, 1, 0, 30, tzinfo=LONDON))
    read(social_worker, ruby, "the day before", datetime(2026, 3, 31, 23, 30, tzinfo=LONDON))
    read(social_worker, ruby, "the day after", datetime(2026, 4, 2, 8, 0, tzinfo=LONDON))
    one_day = "since_day=1&since_month=4&since_year=2026&until_day=1&until_month=4&until_year=2026"
    page = client_for(qa_officer).get(f"/people/{ruby.pk}/access-log/?{one_day}").content.decode()
    assert "Just after midnight" in page
    assert "The day before" not in page and "The day after" not in page
    assert "Showing 1 to 1 of 1 read, from 1 April 2026 to 1 April 2026" in page


def test_dates_the_wrong_way_round_are_refused_with_a_message(
    qa_officer: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    backwards = "since_day=2&since_month=4&since_year=2026&until_day=1&until_month=4&until_year=2026"
    page = client_for(qa_officer).get(f"/people/{ruby.pk}/access-log/?{backwards}").content.decode()
    assert "The &#x27;to&#x27; date must be the same as or after the &#x27;from&#x27; date" in page


def test_the_log_comes_fifty_reads_a_page(
    qa_officer: User, social_worker: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    # The auditor's own reads are on the log as well: 54 reads before, and one for each page read.
    for minute in range(54):
        read(social_worker, ruby, f"read {minute}", datetime(2026, 3, 2, 9, minute, tzinfo=LONDON))
    client = client_for(qa_officer)
    first = client.get(f"/people/{ruby.pk}/access-log/").content.decode()
    second = client.get(f"/people/{ruby.pk}/access-log/?page=2").content.decode()
    assert "Showing 1 to 50 of 55 reads" in first and "Page 1 of 2" in first
    assert "Showing 51 to 56 of 56 reads" in second and "Read 0<" in second


def test_a_childs_log_includes_the_records_merged_into_theirs(
    qa_officer: User, social_worker: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    twin = PersonFactory(first_name="Ruby", last_name="Shaw", merged_into=ruby)
    read(social_worker, twin, "the duplicate's page", datetime(2026, 3, 2, 9, 30, tzinfo=LONDON))
    page = client_for(qa_officer).get(f"/people/{ruby.pk}/access-log/").content.decode()
    assert "The duplicate&#x27;s page" in page


def test_an_administrator_sees_what_a_user_saw_from_the_staff_page(
    administrator: User, social_worker: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    other = PersonFactory(first_name="Sam", last_name="Other")
    read(social_worker, ruby, "chronology", datetime(2026, 3, 2, 9, 30, tzinfo=LONDON))
    read(make_user(Role.TEAM_MANAGER), other, "person page", datetime(2026, 3, 2, 9, 30, tzinfo=LONDON))
    client = client_for(administrator)
    staff_page = client.get(f"/staff/{social_worker.pk}/").content.decode()
    assert f"/records/staff/{social_worker.pk}/access-log/" in staff_page
    page = client.get(f"/records/staff/{social_worker.pk}/access-log/").content.decode()
    # Factory names may hold an apostrophe (O'Connor), which the page escapes.
    assert f"What {escape(social_worker.display_name)} saw" in page
    assert f"Signed in as {escape(administrator.display_name)}" in page  # the header still names who is signed in
    assert f'href="/staff/{social_worker.pk}/"' in page
    assert "Ruby Shaw" in page and "Sam Other" not in page
    event = Event.objects.get(kind="access_log.read")
    assert event.summary == f"Read the access log: what {social_worker.username} saw, all dates"


def test_a_restricted_childs_name_is_not_shown_to_an_auditor_without_a_grant(
    administrator: User, social_worker: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    restrict_person(person=ruby, by=make_user(Role.TEAM_MANAGER), reason="adoption")
    read(social_worker, ruby, "person page", datetime(2026, 3, 2, 9, 30, tzinfo=LONDON), allowed=False)
    page = client_for(administrator).get(f"/records/staff/{social_worker.pk}/access-log/").content.decode()
    assert "Restricted record" in page and ruby.la_child_id in page
    assert "Ruby Shaw" not in page


def test_the_csv_download_is_the_filtered_log_with_formula_safe_cells(
    qa_officer: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    mischief = UserFactory(username="mallory", first_name='=HYPERLINK("http://evil")', last_name="Smith")
    read(mischief, ruby, "person page", datetime(2026, 3, 2, 9, 30, tzinfo=LONDON))
    read(mischief, ruby, "before the dates", datetime(2026, 2, 1, 9, 30, tzinfo=LONDON))
    response = client_for(qa_officer).get(
        f"/people/{ruby.pk}/access-log/csv/?since_day=1&since_month=3&since_year=2026"
    )
    assert response["Content-Disposition"] == f'attachment; filename="access-log-person-{ruby.pk}.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["When", "Username", "Name"]
    # Newest first: the QA officer's own download, then Mallory's read; February's is left out.
    assert [row[1] for row in rows[1:]] == ["imran", "mallory"]
    assert rows[2][0] == "2026-03-02T09:30:00+00:00"
    assert rows[2][2] == '\'=HYPERLINK("http://evil") Smith'
    assert rows[2][6:] == ["Ruby Shaw", "person page", "Allowed"]
    assert Event.objects.filter(kind="access_log.exported", actor=qa_officer, record_id=str(ruby.pk)).count() == 1


def test_the_api_gives_who_saw_a_child_and_what_a_user_saw(qa_officer: User, social_worker: User, ruby: Person) -> None:
    read(social_worker, ruby, "person page", datetime(2026, 3, 2, 9, 30, tzinfo=LONDON), allowed=False)
    client = api_client(qa_officer)
    body = client.get(f"/api/v1/people/{ruby.pk}/access-log/").json()
    assert body["count"] == 2 and body["pages"] == 1
    assert body["results"][0]["viewed"] == "access log (API)"
    assert body["results"][1] == {
        "at": "2026-03-02T09:30:00Z",
        "user": social_worker.pk,
        "username": social_worker.username,
        "role": "social_worker",
        "child": ruby.pk,
        "la_child_id": ruby.la_child_id,
        "viewed": "person page",
        "allowed": False,
    }
    by_user = client.get(f"/api/v1/staff/{social_worker.pk}/access-log/?since=2026-03-03").json()
    assert by_user["count"] == 0
    assert Event.objects.filter(kind="access_log.read", actor=qa_officer).count() == 2


def test_the_api_refuses_dates_the_wrong_way_round(qa_officer: User, ruby: Person) -> None:
    response = api_client(qa_officer).get(f"/api/v1/people/{ruby.pk}/access-log/?since=2026-03-03&until=2026-03-01")
    assert response.status_code == 400
    assert "until" in response.json()["errors"]


def test_reading_the_log_writes_rows_that_the_log_itself_shows(
    qa_officer: User, social_worker: User, ruby: Person, client_for: Callable[[User], Client]
) -> None:
    log_access(user=social_worker, child=ruby, viewed="person page")
    client = client_for(qa_officer)
    client.get(f"/people/{ruby.pk}/access-log/")
    page = client.get(f"/people/{ruby.pk}/access-log/").content.decode()
    assert "Access log" in page and qa_officer.display_name in page

"""The daily triage meeting through the API: open it, read the children waiting, decide, close; and the tasks."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.contacts.models import Contact
from frontdoor.partners import triage
from frontdoor.partners.models import TriageDecision, TriageMeeting
from frontdoor.records.models import Event
from tests.conftest import api_client
from tests.factories import PersonFactory
from tests.partners.test_triage_meeting import child_on, notify
from tests.returns.records import referral

TODAY = timezone.localdate()
POLICE = {"attendees": [{"agency": "police", "name": "DC Amy Lowe"}, {"agency": "health", "name": "Sam Reid"}]}


def post(client: Client, path: str, body: object) -> Any:
    return client.post(path, body, content_type="application/json")


@pytest.fixture
def meeting(contact_officer: User) -> TriageMeeting:
    return triage.open_meeting(by=contact_officer, held_on=TODAY, attendees=[triage.Attendee("police", "DC Amy Lowe")])


def rows_by_name(client: Client, meeting_id: int) -> dict[str, dict[str, Any]]:
    read = client.get(f"/api/v1/triage-meetings/{meeting_id}/")
    assert read.status_code == 200, read.content
    return {row["child"]["first_name"]: row for row in read.json()["rows"]}


def test_the_meeting_is_opened_worked_through_and_closed(contact_officer: User, social_worker: User) -> None:
    client = api_client(contact_officer)
    opened = post(client, "/api/v1/triage-meetings/", POLICE)
    assert opened.status_code == 201, opened.content
    meeting = opened.json()
    assert meeting["held_on"] == TODAY.isoformat() and meeting["is_open"] and len(meeting["attendees"]) == 2
    mia, ava = PersonFactory(first_name="Mia"), PersonFactory(first_name="Ava", date_of_birth=date(2016, 2, 2))
    referral(ava, TODAY - timedelta(days=20), social_worker)
    notify(contact_officer, "PPN-1", mia, ("Zoe", "Unknown", None))
    notify(contact_officer, "PPN-2", ava)
    rows = rows_by_name(client, meeting["id"])
    assert set(rows) == {"Mia", "Zoe", "Ava"}
    assert rows["Ava"]["notification"]["police_reference"] == "PPN-2"
    assert rows["Ava"]["notification"]["dash_risk"] == "medium"
    assert rows["Ava"]["open_case"] is not None and rows["Ava"]["allocated_worker"] == social_worker.username
    assert rows["Mia"]["decision"] is None and rows["Mia"]["late"] is False and rows["Mia"]["repeats"] == 0
    decided = post(
        client,
        f"/api/v1/triage-meetings/{meeting['id']}/decisions/",
        {
            "decisions": [
                {"child": rows["Mia"]["child"]["id"], "outcome": "contact", "note": "Third incident this year"},
                {"child": rows["Ava"]["child"]["id"], "outcome": "allocated_worker"},
            ]
        },
    )
    assert decided.status_code == 201, decided.content
    made = {d["outcome"]: d for d in decided.json()}
    assert made["contact"]["contact"] == Contact.objects.get().pk
    assert made["allocated_worker"]["assigned_to"] == social_worker.pk and made["allocated_worker"]["due_at"]
    rows = rows_by_name(client, meeting["id"])
    assert rows["Mia"]["decision"]["outcome"] == "contact" and rows["Zoe"]["decision"] is None
    closed = post(client, f"/api/v1/triage-meetings/{meeting['id']}/close/", {"minutes": "Two notifications."})
    assert closed.status_code == 200 and closed.json()["is_open"] is False
    listed = client.get("/api/v1/triage-meetings/").json()
    assert [m["id"] for m in listed] == [meeting["id"]] and listed[0]["minutes"] == "Two notifications."


def test_a_restricted_childs_name_stays_off_the_meetings_rows(contact_officer: User, meeting: TriageMeeting) -> None:
    notify(contact_officer, "PPN-R", PersonFactory(first_name="Kai", is_restricted=True))
    (row,) = api_client(contact_officer).get(f"/api/v1/triage-meetings/{meeting.pk}/").json()["rows"]
    assert row["child"]["restricted"] is True and row["child"]["first_name"] == "" and "Kai" not in str(row)


def test_what_the_meeting_cannot_do_comes_back_as_problems(contact_officer: User, meeting: TriageMeeting) -> None:
    client = api_client(contact_officer)
    again = post(client, "/api/v1/triage-meetings/", {"attendees": [{"agency": "health", "name": "Sam Reid"}]})
    assert again.status_code == 400 and set(again.json()["errors"]) == {"held_on", "police"}
    notification = notify(contact_officer, "PPN-3", PersonFactory(first_name="Mia"), ("Zoe", "Unknown", None))
    zoe, dean = child_on(notification, "Zoe"), child_on(notification, "Dean")
    path = f"/api/v1/triage-meetings/{meeting.pk}/decisions/"
    refused = post(
        client, path, {"decisions": [{"child": zoe.pk, "outcome": "early_help"}, {"child": dean.pk, "outcome": "nfa"}]}
    )
    assert refused.status_code == 400
    assert "Match the child" in refused.json()["errors"][f"child_{zoe.pk}"][0]
    assert f"child_{dean.pk}" in refused.json()["errors"]
    assert post(client, path, {"decisions": [{"child": 999_999, "outcome": "nfa"}]}).status_code == 400
    twice = post(
        client, path, {"decisions": [{"child": zoe.pk, "outcome": "nfa"}, {"child": zoe.pk, "outcome": "nfa"}]}
    )
    assert twice.status_code == 400 and "once" in twice.content.decode()
    assert not TriageDecision.objects.exists()
    blank = post(client, f"/api/v1/triage-meetings/{meeting.pk}/close/", {"minutes": " "})
    assert blank.status_code == 400 and "Write the minutes" in blank.content.decode()
    post(client, f"/api/v1/triage-meetings/{meeting.pk}/close/", {"minutes": "Nothing decided."})
    late = post(client, path, {"decisions": [{"child": zoe.pk, "outcome": "nfa"}]})
    assert late.status_code == 400 and "closed" in late.json()["errors"]["meeting"][0]


def test_the_allocated_worker_sees_and_ticks_off_their_own_task(
    contact_officer: User, social_worker: User, performance_analyst: User, meeting: TriageMeeting
) -> None:
    ava = PersonFactory(first_name="Ava")
    referral(ava, TODAY - timedelta(days=20), social_worker)
    notification = notify(contact_officer, "PPN-6", ava)
    (decision,) = triage.record_decisions(
        meeting=meeting, by=contact_officer, choices=[triage.Choice(child_on(notification, "Ava"), "allocated_worker")]
    )
    worker = api_client(social_worker)
    (task,) = worker.get("/api/v1/triage-tasks/").json()
    assert task["id"] == decision.pk and task["police_reference"] == "PPN-6"
    assert task["assigned_to"] == social_worker.username
    assert [t["id"] for t in api_client(contact_officer).get("/api/v1/triage-tasks/").json()] == [decision.pk]
    # Outside the front door, someone else's task is not theirs to see or tick off.
    other = api_client(performance_analyst)
    assert other.get("/api/v1/triage-tasks/").json() == []
    assert other.post(f"/api/v1/triage-tasks/{decision.pk}/done/").status_code == 404
    done = worker.post(f"/api/v1/triage-tasks/{decision.pk}/done/")
    assert done.status_code == 200, done.content
    decision.refresh_from_db()
    assert decision.done_by == social_worker and Event.objects.filter(kind="triage.task_done", child=ava).exists()
    assert worker.post(f"/api/v1/triage-tasks/{decision.pk}/done/").status_code == 404
    assert worker.get("/api/v1/triage-tasks/").json() == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/triage-meetings/"),
        ("post", "/api/v1/triage-meetings/"),
        ("get", "/api/v1/triage-meetings/{meeting}/"),
        ("post", "/api/v1/triage-meetings/{meeting}/decisions/"),
        ("post", "/api/v1/triage-meetings/{meeting}/close/"),
    ],
)
def test_only_those_who_receive_notifications_run_the_meeting(
    partner: User, qa_officer: User, meeting: TriageMeeting, method: str, path: str
) -> None:
    for user in (partner, qa_officer):
        # The role is refused before the body is read: an empty body is still a 403.
        answer = getattr(api_client(user), method)(path.format(meeting=meeting.pk), content_type="application/json")
        assert answer.status_code == 403, (user, answer.content)


def test_a_partner_has_no_tasks(partner: User, meeting: TriageMeeting) -> None:
    client = api_client(partner)
    assert client.get("/api/v1/triage-tasks/").status_code == 403
    assert client.post("/api/v1/triage-tasks/1/done/").status_code == 403


def test_reading_the_meeting_costs_the_same_queries_however_many_wait(
    contact_officer: User, meeting: TriageMeeting
) -> None:
    client = api_client(contact_officer)
    notify(contact_officer, "PPN-A", PersonFactory(first_name="Mia"))
    client.get(f"/api/v1/triage-meetings/{meeting.pk}/")  # the first read fills the per-process caches
    with CaptureQueriesContext(connection) as few:
        assert len(client.get(f"/api/v1/triage-meetings/{meeting.pk}/").json()["rows"]) == 1
    for n in range(7):
        notify(contact_officer, f"PPN-B{n}", PersonFactory(first_name=f"Kid{n}"), ("Sib", f"Ling{n}", None))
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(f"/api/v1/triage-meetings/{meeting.pk}/").json()["rows"]) == 15
    assert len(few) > 3 and len(many) == len(few)

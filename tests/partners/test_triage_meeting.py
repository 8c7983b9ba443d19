"""The daily triage meeting: a decision per child, each making the contact, request or task it names."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from frontdoor.accounts.models import User
from frontdoor.contacts.models import Contact
from frontdoor.earlyhelp.models import EarlyHelpRequest
from frontdoor.partners import notifications, triage
from frontdoor.partners.models import NotificationPerson, PoliceNotification, TriageDecision, TriageMeeting
from frontdoor.people.models import Person
from frontdoor.records.models import Event
from frontdoor.timescales import calendar
from tests.factories import PersonFactory
from tests.returns.records import referral

TODAY = timezone.localdate()


def notify(by: User, reference: str, *children: Person | tuple[str, str], hours_ago: int = 10) -> PoliceNotification:
    people = [
        notifications.PersonOnNotification("child_present", c.first_name, c.last_name, c.date_of_birth)
        if isinstance(c, Person)
        else notifications.PersonOnNotification("child_linked", *c)
        for c in children
    ]
    people.append(notifications.PersonOnNotification("alleged_perpetrator", "Dean", "Harrington"))
    received = notifications.receive_notifications(
        notifications=[
            notifications.Notification(
                police_reference=reference,
                incident_at=timezone.now() - timedelta(hours=hours_ago),
                kind="domestic_abuse",
                dash_risk="medium",
                summary="Argument overheard by neighbours; the children were in the house.",
                people=people,
            )
        ],
        by=by,
        source="api",
    )
    notification = received.created[0]
    for named in notification.people.all():
        match = next((c for c in children if isinstance(c, Person) and c.first_name == named.first_name), None)
        if match is not None:
            notifications.confirm_match(named=named, person=match, by=by)
    return notification


@pytest.fixture
def meeting(contact_officer: User) -> TriageMeeting:
    return triage.open_meeting(by=contact_officer, held_on=TODAY, attendees=[triage.Attendee("police", "DC Amy Lowe")])


NAMES = ["Mia", "Leo", "Ava"]


def decide(meeting: TriageMeeting, by: User, notification: PoliceNotification, name: str, outcome: str) -> list:
    return triage.record_decisions(
        meeting=meeting, by=by, choices=[triage.Choice(child_on(notification, name), outcome)]
    )


def child_on(notification: PoliceNotification, first_name: str) -> NotificationPerson:
    return notification.people.get(first_name=first_name)


def test_a_meeting_is_held_with_the_police_once_a_day(contact_officer: User, meeting: TriageMeeting) -> None:
    with pytest.raises(ValidationError, match="already a meeting"):
        triage.open_meeting(by=contact_officer, held_on=TODAY, attendees=[triage.Attendee("police", "PC Ray")])
    with pytest.raises(ValidationError, match="for the police"):
        triage.open_meeting(
            by=contact_officer, held_on=TODAY - timedelta(days=1), attendees=[triage.Attendee("health", "Nurse")]
        )


def test_each_decision_makes_the_contact_request_or_task_it_names(
    contact_officer: User, social_worker: User, meeting: TriageMeeting
) -> None:
    mia, leo, ava = (
        PersonFactory(first_name=n, date_of_birth=date(2016, 1, 4 + i)) for i, n in enumerate(["Mia", "Leo", "Ava"])
    )
    referral(ava, TODAY - timedelta(days=20), social_worker)
    first = notify(contact_officer, "PPN-1", mia, leo, ("Zoe", "Unknown", date(2018, 3, 3)))
    second = notify(contact_officer, "PPN-2", ava)
    made = triage.record_decisions(
        meeting=meeting,
        by=contact_officer,
        choices=[
            triage.Choice(child_on(first, mia.first_name), "contact", "Third incident this year"),
            triage.Choice(child_on(first, leo.first_name), "early_help"),
            triage.Choice(child_on(first, "Zoe"), "encompass"),
            triage.Choice(child_on(second, ava.first_name), "allocated_worker"),
        ],
    )
    by_outcome = {d.outcome: d for d in made}
    contact = by_outcome["contact"].contact
    assert contact is not None and contact.source == "6" and contact.channel == "police"
    assert "PPN-1" in contact.concern and "Third incident this year" in contact.concern
    assert contact.children.get().person == mia
    assert EarlyHelpRequest.objects.filter(person=leo).exists()
    encompass = by_outcome["encompass"]
    assert encompass.due_at is not None and timezone.localtime(encompass.due_at).weekday() < 5
    assert by_outcome["allocated_worker"].assigned_to == social_worker
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.triaged_at is not None and second.triaged_at is not None
    assert Event.objects.filter(kind="triage.decided").count() == 1
    # Each child the index knows has the decision on their own chronology; Zoe is not matched yet.
    per_child = Event.objects.filter(kind="police.triage_decided")
    assert sorted(per_child.values_list("child__first_name", flat=True)) == ["Ava", "Leo", "Mia"]
    assert "PPN-1" in per_child.get(child=mia).summary


def test_a_notification_is_triaged_only_when_every_child_on_it_is_decided(
    contact_officer: User, meeting: TriageMeeting
) -> None:
    mia, leo = PersonFactory(first_name="Mia"), PersonFactory(first_name="Leo")
    notification = notify(contact_officer, "PPN-3", mia, leo)
    triage.record_decisions(
        meeting=meeting, by=contact_officer, choices=[triage.Choice(child_on(notification, "Mia"), "nfa")]
    )
    notification.refresh_from_db()
    assert notification.triaged_at is None


def test_decisions_the_record_cannot_support_are_refused_and_none_saved(
    contact_officer: User, meeting: TriageMeeting
) -> None:
    mia = PersonFactory(first_name="Mia")
    notification = notify(contact_officer, "PPN-4", mia, ("Zoe", "Unknown", None))
    with pytest.raises(ValidationError) as refused:
        triage.record_decisions(
            meeting=meeting,
            by=contact_officer,
            choices=[
                triage.Choice(child_on(notification, "Mia"), "nfa"),
                triage.Choice(child_on(notification, "Zoe"), "early_help"),  # not matched
                triage.Choice(child_on(notification, "Dean"), "nfa"),  # an adult
            ],
        )
    assert "Match the child" in str(refused.value) and "children on a notification" in str(refused.value)
    with pytest.raises(ValidationError, match="no open case"):
        triage.record_decisions(
            meeting=meeting,
            by=contact_officer,
            choices=[triage.Choice(child_on(notification, "Mia"), "allocated_worker")],
        )
    assert not TriageDecision.objects.exists()


def test_a_closed_meeting_takes_no_more_decisions(contact_officer: User, meeting: TriageMeeting) -> None:
    notification = notify(contact_officer, "PPN-5", PersonFactory(first_name="Mia"))
    with pytest.raises(ValidationError, match="minutes"):
        triage.close_meeting(meeting=meeting, by=contact_officer, minutes=" ")
    triage.close_meeting(meeting=meeting, by=contact_officer, minutes="Five notifications; Encompass for two schools.")
    with pytest.raises(ValidationError, match="closed"):
        triage.record_decisions(
            meeting=meeting, by=contact_officer, choices=[triage.Choice(child_on(notification, "Mia"), "nfa")]
        )


def test_a_notification_waiting_over_a_working_day_is_flagged(
    client_for, contact_officer: User, meeting: TriageMeeting
) -> None:
    old = notify(contact_officer, "PPN-OLD", PersonFactory(first_name="Mia"))
    PoliceNotification.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=6))
    notify(contact_officer, "PPN-NEW", PersonFactory(first_name="Leo"))
    page = client_for(contact_officer).get(f"/partners/meetings/{meeting.pk}/").content.decode()
    assert page.count("Over a working day") == 1
    assert (
        "1 police notification waiting more than a working day"
        in client_for(contact_officer).get("/partners/meetings/").content.decode()
    )


def test_the_meeting_records_many_decisions_in_one_save_from_its_page(
    client_for, contact_officer: User, meeting: TriageMeeting
) -> None:
    children = [PersonFactory(first_name=f"Child{n}", date_of_birth=date(2015, 1, 1 + n)) for n in range(6)]
    found = [notify(contact_officer, f"PPN-{n}", child) for n, child in enumerate(children)]
    client = client_for(contact_officer)
    form = {}
    for n, notification in enumerate(found[:5]):
        child = notification.people.get(role="child_present")
        form[f"decision-{child.pk}"] = "nfa" if n % 2 else "contact"
        form[f"note-{child.pk}"] = f"Discussed {n}"
    answer = client.post(f"/partners/meetings/{meeting.pk}/decisions/", form)
    assert answer.status_code == 302
    assert TriageDecision.objects.count() == 5 and Contact.objects.count() == 3
    page = client.get(f"/partners/meetings/{meeting.pk}/").content.decode()
    assert page.count('<select class="govuk-select"') == 1  # only the sixth child still waits


def test_the_meeting_list_shows_each_childs_history_and_decision(
    client_for, contact_officer: User, social_worker: User, meeting: TriageMeeting
) -> None:
    ava = PersonFactory(first_name="Ava", last_name="Stone")
    referral(ava, TODAY - timedelta(days=20), social_worker)
    hidden = PersonFactory(first_name="Ruby", last_name="Secret", is_restricted=True)
    dean = PersonFactory(first_name="Dean", last_name="Harrington")
    earlier = notify(contact_officer, "PPN-EARLIER", ava, hours_ago=30)
    later = notify(contact_officer, "PPN-LATER", ava, hidden, ("Zoe", "Unknown", date(2018, 3, 3)))
    for notification in (earlier, later):
        notifications.confirm_match(named=notification.people.get(first_name="Dean"), person=dean, by=contact_officer)
    triage.record_decisions(
        meeting=meeting,
        by=contact_officer,
        choices=[triage.Choice(child_on(earlier, "Ava"), "contact", "Seen <twice>")],
    )
    page = client_for(contact_officer).get(f"/partners/meetings/{meeting.pk}/").content.decode()
    contact = Contact.objects.get()
    assert "Children to triage (4)" in page  # Ava twice, Ruby, Zoe; Dean is an adult
    assert page.count("1 earlier notification in 12 months") == 2  # Ava's two notifications
    assert page.count("The alleged perpetrator: 1 other") == 4
    assert page.count(f"<strong>Open case</strong>, {escape(social_worker.display_name)}") == 2
    assert "Restricted record" in page and f"/people/{hidden.pk}/" not in page and f"/people/{ava.pk}/" in page
    assert "Zoe Unknown<br><strong" in page and "Not matched" in page
    assert "Dean Harrington (alleged perpetrator)" in page and "<strong>medium risk</strong>" in page
    assert "Contact for the front door" in page and "Seen &lt;twice&gt;" in page
    assert f'href="/contacts/{contact.pk}/">Contact C{contact.pk:07d}</a>' in page
    assert page.count('<select class="govuk-select"') == 3 and page.count('<option value="marac">') == 3


def test_the_meeting_list_costs_the_same_queries_however_many_wait(
    client_for, contact_officer: User, meeting: TriageMeeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The working calendar is re-read once a minute; on a busy machine that minute can end between the two loads.
    monkeypatch.setattr(calendar, "CALENDAR_MAX_AGE_SECONDS", 3600)
    client = client_for(contact_officer)
    notify(contact_officer, "PPN-A", PersonFactory(first_name="Mia"))
    client.get(f"/partners/meetings/{meeting.pk}/")  # the first load fills the per-process caches
    with CaptureQueriesContext(connection) as few:
        client.get(f"/partners/meetings/{meeting.pk}/")
    for n in range(8):
        notify(contact_officer, f"PPN-B{n}", PersonFactory(first_name=f"Kid{n}"), ("Sib", f"Ling{n}", None))
    with CaptureQueriesContext(connection) as many:
        client.get(f"/partners/meetings/{meeting.pk}/")
    assert len(few) > 5 and len(many) == len(few)


def test_the_task_owner_ticks_off_their_task(
    client_for, contact_officer: User, social_worker: User, meeting: TriageMeeting
) -> None:
    ava = PersonFactory(first_name="Ava")
    referral(ava, TODAY - timedelta(days=20), social_worker)
    notification = notify(contact_officer, "PPN-6", ava)
    (decision,) = triage.record_decisions(
        meeting=meeting, by=contact_officer, choices=[triage.Choice(child_on(notification, "Ava"), "allocated_worker")]
    )
    worker = client_for(social_worker)
    assert "PPN-6" in worker.get("/partners/tasks/").content.decode()
    worker.post(f"/partners/tasks/{decision.pk}/done/")
    decision.refresh_from_db()
    assert decision.done_by == social_worker and decision.done_at is not None
    assert Event.objects.filter(kind="triage.task_done", child=ava).exists()


@pytest.mark.parametrize("path", ["/partners/meetings/", "/partners/tasks/"])
def test_partners_cannot_reach_the_meeting(client_for, partner: User, path: str) -> None:
    assert client_for(partner).get(path).status_code == 403

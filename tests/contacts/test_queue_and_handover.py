from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.contacts import services
from frontdoor.contacts.models import Contact, FrontDoorPolicy
from frontdoor.contacts.queries import QueueFilters, duty_queue, handover_list, history_for
from frontdoor.people.services import add_relationship
from tests.contacts.conftest import at
from tests.factories import PersonFactory

LONDON = ZoneInfo("Europe/London")


def test_the_queue_puts_red_first_and_shows_each_clock(contact_officer: User, record, ruby) -> None:
    green = record(contact_officer, ruby, rag="green")
    red = record(contact_officer, ruby, rag="red")
    rows = duty_queue(user=contact_officer, filters=QueueFilters())
    assert [row.contact for row in rows] == [red, green]
    assert all(row.clock.due_date >= timezone.localdate() for row in rows)


def test_a_child_in_immediate_danger_comes_before_everything_else(contact_officer: User, record, ruby) -> None:
    red = record(contact_officer, ruby, rag="red")
    danger = record(contact_officer, ruby, rag="amber", immediate_danger=True)
    assert [row.contact for row in duty_queue(user=contact_officer, filters=QueueFilters())] == [danger, red]


def test_the_decision_clock_skips_the_christmas_bank_holidays(contact_officer: User, record, ruby) -> None:
    christmas_eve = at(date(2025, 12, 24), 15)
    contact = record(contact_officer, ruby, received_at=christmas_eve)
    row = duty_queue(user=contact_officer, filters=QueueFilters(), now=at(date(2025, 12, 27), 10))[0]
    assert row.contact == contact
    assert row.clock.due_date == date(2025, 12, 29)
    assert row.clock.state == row.clock.state.DUE_SOON
    assert row.hours_waiting == pytest.approx(2.0)


def test_picking_up_marks_who_is_working_on_it_until_they_go_idle(
    contact_officer: User, social_worker: User, record, ruby
) -> None:
    contact = record(contact_officer, ruby)
    services.pick_up(contact=contact, by=contact_officer)
    assert duty_queue(user=social_worker, filters=QueueFilters())[0].working_on_it == contact_officer
    with pytest.raises(Exception, match="is working on this contact"):
        services.pick_up(contact=contact, by=social_worker)
    idle = FrontDoorPolicy.load().pick_up_idle_minutes
    later = timezone.now() + timedelta(minutes=idle + 1)
    assert duty_queue(user=social_worker, filters=QueueFilters(), now=later)[0].working_on_it is None
    assert services.release_idle_contacts(now=later) == 1
    services.pick_up(contact=contact, by=social_worker)


def test_my_work_and_free_filters(contact_officer: User, social_worker: User, record, ruby) -> None:
    mine = record(contact_officer, ruby)
    other = record(contact_officer, ruby)
    services.pick_up(contact=mine, by=contact_officer)
    assert [r.contact for r in duty_queue(user=contact_officer, filters=QueueFilters(who="mine"))] == [mine]
    assert [r.contact for r in duty_queue(user=contact_officer, filters=QueueFilters(who="free"))] == [other]


def test_the_queue_page_shows_fifty_at_a_time_most_urgent_first(
    client_for, contact_officer: User, record, ruby
) -> None:
    for _ in range(50):
        record(contact_officer, ruby, rag="green")
    red = record(contact_officer, ruby, rag="red")
    client = client_for(contact_officer)
    first = client.get("/contacts/").content.decode()
    assert "51 waiting" in first and "Page 1 of 2" in first
    assert f"/contacts/{red.pk}/" in first
    assert "Page 1 of" not in client.get("/contacts/?rag=green").content.decode()
    assert client.get("/contacts/?page=2").content.decode().count("Pick up<span") == 1


def test_the_queue_page_orders_the_whole_queue_before_cutting_a_page(
    client_for, contact_officer: User, record, ruby
) -> None:
    long_ago = timezone.now() - timedelta(days=3)
    for _ in range(50):
        record(contact_officer, ruby, rag="red", received_at=long_ago)
    danger = record(contact_officer, ruby, rag="green", immediate_danger=True)
    latest_amber = record(contact_officer, ruby, rag="amber")
    client = client_for(contact_officer)
    first = client.get("/contacts/").content.decode()
    assert first.index(f"/contacts/{danger.pk}/") < first.index("Red</strong>")
    assert f"/contacts/{latest_amber.pk}/" in client.get("/contacts/?page=2").content.decode()


def test_the_overdue_filter_pages_only_the_overdue(client_for, contact_officer: User, record, ruby) -> None:
    overdue = record(contact_officer, ruby, received_at=timezone.now() - timedelta(days=10))
    fresh = record(contact_officer, ruby)
    page = client_for(contact_officer).get("/contacts/?overdue=yes").content.decode()
    assert "1 waiting" in page
    assert f"/contacts/{overdue.pk}/" in page and f"/contacts/{fresh.pk}/" not in page


def test_the_queue_page_costs_the_same_queries_however_long(client_for, contact_officer: User, record, ruby) -> None:
    client = client_for(contact_officer)
    record(contact_officer, ruby)
    client.get("/contacts/")
    with CaptureQueriesContext(connection) as few:
        client.get("/contacts/")
    for _ in range(15):
        record(contact_officer, ruby, children=[services.ChildOnContact(person=PersonFactory())])
    with CaptureQueriesContext(connection) as many:
        response = client.get("/contacts/")
    assert response.content.decode().count("Pick up") >= 16
    assert len(many) == len(few)


def test_the_history_shows_earlier_contacts_of_the_child_and_siblings(
    contact_officer: User, record, ruby, levels
) -> None:
    brother = PersonFactory(first_name="Tobi", last_name="Okafor")
    add_relationship(person=ruby, relative=brother, kind="sibling", by=contact_officer)
    record(contact_officer, ruby, received_at=timezone.now() - timedelta(days=60))
    record(contact_officer, brother, received_at=timezone.now() - timedelta(days=30))
    latest = record(contact_officer, ruby)
    history = history_for(ruby, before=latest)
    assert [(c.person, c.is_sibling) for c in history.contacts] == [(brother, True), (ruby, False)]
    assert history.repeat_contacts == 1


def test_the_decision_page_warns_of_a_repeat_contact(client_for, contact_officer: User, record, ruby, levels) -> None:
    record(contact_officer, ruby, received_at=timezone.now() - timedelta(days=90))
    contact = record(contact_officer, ruby)
    page = (
        client_for(contact_officer)
        .get(f"/contacts/{contact.pk}/children/{contact.children.get().pk}/decide/")
        .content.decode()
    )
    assert "1 earlier contact in the last 12 months" in page


def test_an_out_of_hours_contact_waits_in_the_next_mornings_handover(contact_officer: User, record, ruby) -> None:
    edt = contact_officer
    friday_night = at(date(2025, 11, 21), 23, 30)
    contact = record(edt, ruby, received_at=friday_night)
    monday_9 = at(date(2025, 11, 24), 9, 0)
    rows = handover_list(now=monday_9)
    assert [row.contact for row in rows] == [contact]
    assert rows[0].due == datetime(2025, 11, 24, 10, 0, tzinfo=LONDON)
    assert not rows[0].overdue
    assert handover_list(now=at(date(2025, 11, 24), 10, 1))[0].overdue


def test_the_day_team_acknowledges_the_handover(
    client_for, contact_officer: User, social_worker: User, record, ruby
) -> None:
    contact = record(contact_officer, ruby, received_at=at(date(2025, 11, 22), 2, 0))
    client = client_for(social_worker)
    assert contact.reference in client.get("/contacts/handover/").content.decode()
    client.post("/contacts/handover/acknowledge/", {"contact": [contact.pk]})
    contact.refresh_from_db()
    assert contact.handover_acknowledged_by == social_worker


def test_an_office_hours_contact_is_not_in_the_handover(contact_officer: User, record, ruby) -> None:
    record(contact_officer, ruby, received_at=at(date(2025, 11, 24), 11, 0))
    assert handover_list() == []


def test_telling_the_referrer(client_for, contact_officer: User, record, ruby, levels) -> None:
    contact = record(contact_officer, ruby)
    client = client_for(contact_officer)
    now = timezone.localtime()
    form = {
        "how": "phone",
        "told_on_day": now.day,
        "told_on_month": now.month,
        "told_on_year": now.year,
        "told_time": f"{now:%H:%M}",
    }
    page = client.post(f"/contacts/{contact.pk}/referrer-told/", form).content.decode()
    assert "Decide the contact before telling the referrer" in page
    services.decide(
        contact_child=contact.children.get(),
        by=contact_officer,
        level=levels[3],
        outcome="assessment",
        rationale="Needs an assessment",
        rag="amber",
    )
    client.post(f"/contacts/{contact.pk}/referrer-told/", form)
    contact.refresh_from_db()
    assert (contact.referrer_told_how, contact.referrer_told_by) == ("phone", contact_officer)


def test_viewing_a_contact_logs_a_read_of_each_child(client_for, contact_officer: User, record, ruby) -> None:
    from frontdoor.records.models import AccessLog

    contact = record(contact_officer, ruby)
    client_for(contact_officer).get(f"/contacts/{contact.pk}/")
    assert AccessLog.objects.get(viewed="contact page").child == ruby


def test_a_contact_about_a_restricted_child_is_refused_to_others(
    client_for, contact_officer: User, team_manager: User, record
) -> None:
    from frontdoor.people.models import RestrictionGrant

    hidden = PersonFactory(is_restricted=True)
    RestrictionGrant.objects.create(person=hidden, user=team_manager, granted_by=team_manager)
    contact = record(team_manager, hidden)
    assert client_for(contact_officer).get(f"/contacts/{contact.pk}/").status_code == 403
    assert client_for(team_manager).get(f"/contacts/{contact.pk}/").status_code == 200
    assert Contact.objects.count() == 1


def test_the_idle_release_command_frees_lapsed_pick_ups(contact_officer: User, record, ruby) -> None:
    contact = record(contact_officer, ruby)
    services.pick_up(contact=contact, by=contact_officer)
    idle = FrontDoorPolicy.load().pick_up_idle_minutes
    Contact.objects.filter(pk=contact.pk).update(last_touched_at=timezone.now() - timedelta(minutes=idle + 1))
    out = StringIO()
    call_command("release_idle_contacts", stdout=out)
    contact.refresh_from_db()
    assert contact.picked_up_by is None
    assert "Released 1 idle contact(s)" in out.getvalue()

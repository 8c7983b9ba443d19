"""The chronology pages: who may open them, filters, marks, added entries, the combined and printed views."""

from collections.abc import Callable
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from frontdoor.accounts.models import User
from frontdoor.people import services as people
from frontdoor.people.models import Person
from frontdoor.people.safety import restrict_person
from frontdoor.records.models import AccessLog, ChronologyEntry, Event, SignificanceMark
from tests.factories import PersonFactory
from tests.records.test_chronology import happened

Clients = Callable[[User], Client]


@pytest.fixture
def child(db: None) -> Person:
    ruby = PersonFactory(first_name="Ruby", last_name="Shaw", date_of_birth=date(2015, 6, 1))
    happened(ruby, "contact.recorded", date(2024, 1, 5), "Contact from the school")
    happened(ruby, "visit.recorded", date(2024, 3, 1), "Home visit: Ruby seen alone")
    return ruby


def url(child: Person, rest: str = "") -> str:
    return f"/people/{child.pk}/chronology/{rest}"


def test_a_social_worker_reads_a_childs_chronology_and_the_reading_is_logged(
    client_for: Clients, social_worker: User, child: Person
) -> None:
    page = client_for(social_worker).get(url(child))
    assert page.status_code == 200
    assert b"Contact from the school" in page.content and b"Showing 1 to 2 of 2 entries" in page.content
    assert AccessLog.objects.filter(user=social_worker, child=child, viewed="chronology").exists()


def test_the_person_page_links_to_the_chronology(client_for: Clients, social_worker: User, child: Person) -> None:
    assert url(child).encode() in client_for(social_worker).get(f"/people/{child.pk}/").content


def test_a_partner_and_an_administrator_are_refused(
    client_for: Clients, partner: User, administrator: User, child: Person
) -> None:
    for user in (partner, administrator):
        for path in (url(child), url(child, "family/"), url(child, "print/"), url(child, "add/")):
            assert client_for(user).get(path).status_code == 403


def test_a_child_that_does_not_exist_is_not_found(client_for: Clients, social_worker: User) -> None:
    assert client_for(social_worker).get("/people/999999/chronology/").status_code == 404


def test_a_restricted_child_is_refused_to_someone_not_named_on_the_record(
    client_for: Clients, social_worker: User, team_manager: User, child: Person
) -> None:
    restrict_person(person=child, by=team_manager, reason="adoption")
    assert client_for(social_worker).get(url(child)).status_code == 403
    assert client_for(team_manager).get(url(child)).status_code == 200


def test_filters_narrow_the_chronology_and_a_wrong_date_range_is_explained(
    client_for: Clients, social_worker: User, child: Person
) -> None:
    client = client_for(social_worker)
    visits = client.get(url(child), {"category": "visit"})
    assert b"Home visit" in visits.content and b"Contact from the school" not in visits.content
    backwards = client.get(
        url(child),
        {"since_day": "2", "since_month": "3", "since_year": "2024", "until_day": "1", "until_month": "1",
         "until_year": "2024"},
    )  # fmt: skip
    assert b"must be the same as or after the" in backwards.content


def test_a_social_worker_marks_an_entry_significant_and_unmarks_it(
    client_for: Clients, social_worker: User, child: Person
) -> None:
    client = client_for(social_worker)
    visit = Event.objects.get(child=child, kind="visit.recorded")
    answer = client.post(url(child, f"event/{visit.pk}/significant/"), {"next": url(child) + "?category=visit"})
    assert answer.status_code == 302 and answer["Location"] == url(child) + f"?category=visit#event-{visit.pk}"
    assert b"Significant</strong>" in client.get(url(child), {"significant": "on"}).content
    client.post(url(child, f"event/{visit.pk}/not-significant/"), {"next": "https://elsewhere.example/"})
    mark = SignificanceMark.objects.get(event=visit)
    assert mark.unmarked_by == social_worker


def test_marking_is_for_post_only_and_for_items_of_this_child(
    client_for: Clients, social_worker: User, child: Person
) -> None:
    client = client_for(social_worker)
    other = happened(PersonFactory(), "contact.recorded", date(2024, 1, 1))
    assert client.get(url(child, f"event/{other.pk}/significant/")).status_code == 405
    assert client.post(url(child, f"thing/{other.pk}/significant/")).status_code == 404
    client.post(url(child, f"event/{other.pk}/significant/"))
    assert not SignificanceMark.objects.exists()


def test_a_social_worker_adds_an_entry_with_its_source(client_for: Clients, social_worker: User, child: Person) -> None:
    client = client_for(social_worker)
    refused = client.post(url(child, "add/"), {"what_happened": " "})
    assert b"Enter what happened" in refused.content and b"Enter source" in refused.content
    answer = client.post(
        url(child, "add/"),
        {
            "occurred_on_day": "10",
            "occurred_on_month": "2",
            "occurred_on_year": "2024",
            "what_happened": "Seen at A&E with a broken arm",
            "source": "Hospital discharge letter",
        },
    )
    assert answer.status_code == 302
    entry = ChronologyEntry.objects.get(child=child)
    assert entry.occurred_on == date(2024, 2, 10) and entry.recorded_by == social_worker
    assert b"Source: Hospital discharge letter" in client.get(url(child)).content


def test_a_contact_officer_reads_but_cannot_add_or_mark(
    client_for: Clients, contact_officer: User, child: Person
) -> None:
    client = client_for(contact_officer)
    page = client.get(url(child))
    assert page.status_code == 200 and b"Mark significant" not in page.content and b"Add an entry" not in page.content
    assert client.get(url(child, "add/")).status_code == 403
    visit = Event.objects.get(child=child, kind="visit.recorded")
    assert client.post(url(child, f"event/{visit.pk}/significant/")).status_code == 403


def test_the_combined_chronology_names_each_child_and_hides_a_restricted_sibling(
    client_for: Clients, social_worker: User, team_manager: User, child: Person
) -> None:
    brother, sister = PersonFactory(first_name="Sam"), PersonFactory(first_name="Isla")
    for sibling in (brother, sister):
        people.add_relationship(person=child, relative=sibling, kind="sibling", by=social_worker)
    restrict_person(person=sister, by=team_manager, reason="adoption")
    happened(brother, "referral.opened", date(2024, 2, 1), "Sam's referral")
    happened(sister, "referral.opened", date(2024, 2, 2), "The secret referral")
    page = client_for(social_worker).get(url(child, "family/"))
    assert b"Sam&#x27;s referral" in page.content and b"The secret referral" not in page.content
    assert b"Isla" not in page.content and b"1 brother or sister is left out" in page.content
    assert AccessLog.objects.filter(user=social_worker, child=brother, viewed="combined chronology").exists()


def test_the_print_view_says_who_printed_it_and_with_which_filters(
    client_for: Clients, team_manager: User, child: Person
) -> None:
    page = client_for(team_manager).get(url(child, "print/"), {"category": "visit"})
    assert b"Chronology of Ruby Shaw" in page.content and b"1 June 2015" in page.content
    assert b"Only visit" in page.content and team_manager.display_name.encode() in page.content
    assert b"Contact from the school" not in page.content and b"Mark significant" not in page.content
    assert AccessLog.objects.filter(user=team_manager, child=child, viewed="chronology printed").exists()


def test_the_page_takes_the_same_queries_however_long_the_chronology(
    client_for: Clients, social_worker: User, child: Person
) -> None:
    client = client_for(social_worker)
    client.get(url(child))
    with CaptureQueriesContext(connection) as short:
        client.get(url(child))
    for day in range(1, 29):
        happened(child, "visit.recorded", date(2023, 2, day), f"Visit {day}")
    with CaptureQueriesContext(connection) as long:
        client.get(url(child))
    assert len(long) == len(short)

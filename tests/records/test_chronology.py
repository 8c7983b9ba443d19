"""A child's chronology: read from the event log, filtered, marked, added to, and shared across siblings."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.casework import services as casework
from frontdoor.people import services as people
from frontdoor.people.models import Person
from frontdoor.people.safety import restrict_person
from frontdoor.records import services
from frontdoor.records.chronology import CATEGORY_OF_KIND, Category
from frontdoor.records.models import Event, SignificanceMark
from frontdoor.records.queries import Chronology, ChronologyFilter, siblings_visible_to
from frontdoor.records.services import record_event
from tests.factories import PersonFactory

TODAY = timezone.localdate()


def happened(child: Person, kind: str, on: date, summary: str = "", by: User | None = None) -> Event:
    with transaction.atomic():
        at = timezone.make_aware(datetime.combine(on, time(10)))
        return record_event(kind=kind, by=by, child=child, summary=summary or kind, occurred_at=at)


def read(children: list[Person], **filters: object) -> list[str]:
    found = Chronology(children, ChronologyFilter(**filters))  # type: ignore[arg-type]
    return [item.summary for item in found[0:1000]]


@pytest.fixture
def child(db: None) -> Person:
    return PersonFactory(first_name="Ruby", last_name="Shaw", date_of_birth=date(2015, 6, 1))


def test_the_chronology_is_built_from_the_childs_events_the_services_wrote(
    social_worker: User, team_manager: User, child: Person
) -> None:
    referral = casework.open_referral(
        person=child, by=team_manager, referral_date=TODAY - timedelta(days=3), source="6"
    )
    casework.allocate_referral(
        referral=referral, by=team_manager, team=social_worker.team, worker=social_worker, expected_version=1
    )
    people.move_person(
        person=child,
        by=social_worker,
        address=people.AddressDetails("2 Mill Lane", "Northbridge", "NB1 4QT"),
        moved_in=None,
    )
    items = Chronology([child], ChronologyFilter())[0:100]
    assert [item.category for item in items] == [Category.REFERRAL, Category.ALLOCATION, Category.MOVE]
    assert items[1].recorded_by == team_manager.display_name


def test_bookkeeping_events_are_left_out(child: Person) -> None:
    happened(child, "contact.recorded", TODAY, "Contact from the school")
    happened(child, "contact.picked_up", TODAY, "Picked up")
    happened(child, "assessment.saved", TODAY, "Draft saved")
    happened(child, "person.restricted", TODAY, "Restricted")
    assert read([child]) == ["Contact from the school"]


def test_every_category_but_added_entries_comes_from_some_event_kind() -> None:
    assert set(CATEGORY_OF_KIND.values()) == set(Category) - {Category.MANUAL}


def test_it_filters_by_category_and_date(child: Person) -> None:
    happened(child, "contact.recorded", date(2024, 1, 5), "Contact")
    happened(child, "referral.opened", date(2024, 1, 6), "Referral")
    happened(child, "visit.recorded", date(2024, 3, 1), "Visit")
    assert read([child], categories=("contact", "visit")) == ["Contact", "Visit"]
    assert read([child], since=date(2024, 1, 6), until=date(2024, 2, 1)) == ["Referral"]
    assert read([child], until=date(2024, 1, 5)) == ["Contact"]
    assert read([child], newest_first=True) == ["Visit", "Referral", "Contact"]


def test_added_entries_sit_among_the_events_by_date(social_worker: User, child: Person) -> None:
    happened(child, "contact.recorded", date(2024, 1, 5), "Contact")
    happened(child, "visit.recorded", date(2024, 3, 1), "Visit")
    services.add_chronology_entry(
        child=child,
        by=social_worker,
        occurred_on=date(2024, 2, 10),
        what_happened="Admitted to hospital with a broken arm",
        source="Health visitor's letter of 12 February 2024",
    )
    assert read([child]) == ["Contact", "Admitted to hospital with a broken arm", "Visit"]
    assert read([child], categories=("manual",)) == ["Admitted to hospital with a broken arm"]
    assert read([child], categories=("visit",)) == ["Visit"]
    entry = Chronology([child], ChronologyFilter())[0:3][1]
    assert entry.told_by == "Health visitor's letter of 12 February 2024"
    assert Event.objects.filter(kind="chronology.entry_added", child=child).exists()


def test_an_added_entry_needs_a_date_not_in_the_future_what_happened_and_its_source(
    social_worker: User, child: Person
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.add_chronology_entry(
            child=child, by=social_worker, occurred_on=TODAY + timedelta(days=1), what_happened=" ", source=""
        )
    assert set(refused.value.message_dict) == {"occurred_on", "what_happened", "source"}


def test_only_caseworkers_add_entries_or_mark_them(contact_officer: User, child: Person) -> None:
    event = happened(child, "contact.recorded", TODAY)
    with pytest.raises(PermissionDenied):
        services.add_chronology_entry(
            child=child, by=contact_officer, occurred_on=TODAY, what_happened="Seen", source="Neighbour"
        )
    with pytest.raises(PermissionDenied):
        services.mark_significant(child=child, by=contact_officer, event=event)


def test_marking_significant_can_be_undone_and_the_history_stays(
    social_worker: User, team_manager: User, child: Person
) -> None:
    quiet = happened(child, "contact.recorded", date(2024, 1, 5), "Contact")
    loud = happened(child, "strategy.decided", date(2024, 1, 6), "Strategy discussion: section 47")
    services.mark_significant(child=child, by=social_worker, event=loud, reason="Start of the enquiry")
    assert read([child], significant_only=True) == ["Strategy discussion: section 47"]
    with pytest.raises(ValidationError, match="already marked"):
        services.mark_significant(child=child, by=team_manager, event=loud)
    services.unmark_significant(child=child, by=team_manager, event=loud)
    assert read([child], significant_only=True) == []
    services.mark_significant(child=child, by=team_manager, event=loud)
    marks = SignificanceMark.objects.filter(event=loud).order_by("marked_at", "id")
    assert [(m.marked_by, m.unmarked_by) for m in marks] == [(social_worker, team_manager), (team_manager, None)]
    with pytest.raises(ValidationError, match="not marked"):
        services.unmark_significant(child=child, by=team_manager, event=quiet)


def test_only_items_on_the_childs_own_chronology_can_be_marked(social_worker: User, child: Person) -> None:
    other = happened(PersonFactory(), "contact.recorded", TODAY)
    bookkeeping = happened(child, "contact.picked_up", TODAY)
    for event in (other, bookkeeping):
        with pytest.raises(ValidationError, match="not on this child's chronology"):
            services.mark_significant(child=child, by=social_worker, event=event)


def test_a_merged_records_events_are_on_the_surviving_chronology(child: Person) -> None:
    duplicate = PersonFactory(first_name="Rubie", last_name="Shaw")
    happened(duplicate, "contact.recorded", date(2023, 5, 1), "Contact on the duplicate")
    Person.objects.filter(pk=duplicate.pk).update(merged_into=child)
    items = Chronology([child], ChronologyFilter())[0:10]
    assert [(i.summary, i.child) for i in items] == [("Contact on the duplicate", child)]


def test_the_sibling_chronology_leaves_out_a_sibling_the_reader_may_not_see(
    social_worker: User, team_manager: User, child: Person
) -> None:
    brother = PersonFactory(first_name="Sam", last_name="Shaw")
    sister = PersonFactory(first_name="Isla", last_name="Shaw")
    for sibling in (brother, sister):
        people.add_relationship(person=child, relative=sibling, kind="sibling", by=social_worker)
    restrict_person(person=sister, by=team_manager, reason="adoption")
    happened(child, "contact.recorded", date(2024, 1, 5), "Ruby's contact")
    happened(brother, "contact.recorded", date(2024, 1, 6), "Sam's contact")
    happened(sister, "contact.recorded", date(2024, 1, 7), "Isla's contact")

    seen = siblings_visible_to(social_worker, child)
    assert seen.children == [child, brother] and seen.hidden == 1
    items = Chronology(seen.children, ChronologyFilter())[0:10]
    assert [(i.child.first_name, i.summary) for i in items] == [("Ruby", "Ruby's contact"), ("Sam", "Sam's contact")]
    # The manager who restricted the record is named on it, so sees all three.
    assert siblings_visible_to(team_manager, child).hidden == 0


def test_a_page_of_a_long_chronology_takes_the_same_queries_as_a_short_one(social_worker: User) -> None:
    short, long = PersonFactory(), PersonFactory()
    for days in range(3):
        happened(short, "visit.recorded", TODAY - timedelta(days=days), by=social_worker)
    with transaction.atomic():
        Event.objects.bulk_create(
            Event(child=long, kind="visit.recorded", summary=f"Visit {n}", actor=social_worker) for n in range(500)
        )
    first = happened(long, "contact.recorded", TODAY)
    services.mark_significant(child=long, by=social_worker, event=first)

    def queries(child: Person) -> int:
        with CaptureQueriesContext(connection) as captured:
            found = Chronology([child], ChronologyFilter())
            found.count()
            found[0:100]
        return len(captured)

    assert queries(long) == queries(short)
    assert Chronology([long], ChronologyFilter()).count() == 501

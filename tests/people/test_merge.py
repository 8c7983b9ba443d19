from datetime import date, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.people.matching import PartialDate
from frontdoor.people.merging import links_to_person, merge_people, undo_merge
from frontdoor.people.models import (
    DuplicateCandidate,
    Identifier,
    Merge,
    OtherName,
    Person,
    Relationship,
    Residence,
    RestrictionGrant,
    Warning,
)
from frontdoor.people.safety import raise_warning
from frontdoor.people.search import SearchQuery, search_people
from frontdoor.people.services import add_relationship
from frontdoor.records.concurrency import StaleRecordError
from frontdoor.records.models import Event
from frontdoor.records.services import record_event
from tests.conftest import make_user
from tests.factories import PersonFactory, live_at


@pytest.fixture
def analyst(db: None) -> User:
    return make_user(Role.PERFORMANCE_ANALYST)


@pytest.fixture
def pair(social_worker: User) -> tuple[Person, Person]:
    """Two records of Ruby: the second added later, misspelt, with its own history."""
    ruby = PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14), sex="F")
    rubie = PersonFactory(
        first_name="Rubie", last_name="Okafor", date_of_birth=date(2019, 2, 14), sex="F", nhs_number="9990000018"
    )
    mother = PersonFactory(first_name="Grace", last_name="Okafor", date_of_birth=date(1990, 9, 9))
    add_relationship(person=rubie, relative=mother, kind="mother", by=social_worker, parental_responsibility=True)
    live_at(rubie, line_1="12 Mill Lane")
    raise_warning(
        person=rubie,
        by=social_worker,
        kind="dog",
        details="Large dog",
        review_on=timezone.localdate() + timedelta(days=30),
    )
    Identifier.objects.create(person=rubie, kind="police", value="PR/123")
    with transaction.atomic():
        record_event(kind="test.noted", by=social_worker, summary="Something about Rubie", child=rubie)
    DuplicateCandidate.objects.create(person_a=ruby, person_b=rubie, score=0.95)
    return ruby, rubie


def merge(analyst: User, ruby: Person, rubie: Person, take: list[str] | None = None) -> Merge:
    return merge_people(
        survivor=ruby,
        merged=rubie,
        by=analyst,
        take_from_merged=take or [],
        expected_versions=(ruby.version, rubie.version),
    )


def test_every_linked_record_follows_the_survivor(analyst: User, pair: tuple[Person, Person]) -> None:
    ruby, rubie = pair
    merge(analyst, ruby, rubie, take=["nhs_number"])
    ruby.refresh_from_db()
    rubie.refresh_from_db()
    assert rubie.merged_into == ruby
    assert ruby.nhs_number == "9990000018"
    assert Relationship.objects.get(person=ruby, kind="mother").relative.first_name == "Grace"
    assert Relationship.objects.get(relative=ruby, kind="child").person.first_name == "Grace"
    assert Residence.objects.get(person=ruby).address.line_1 == "12 Mill Lane"
    assert Warning.objects.get().person == ruby
    assert Identifier.objects.get().person == ruby
    assert DuplicateCandidate.objects.get().status == DuplicateCandidate.Status.MERGED
    # The event log is append-only: Rubie's history stays hers, and the merge is recorded.
    assert Event.objects.get(kind="test.noted").child == rubie
    assert Event.objects.get(kind="person.merged").child == ruby


def test_the_merged_record_redirects_and_search_finds_the_survivor(client_for, analyst, social_worker, pair) -> None:
    ruby, rubie = pair
    merge(analyst, ruby, rubie)
    response = client_for(social_worker).get(f"/people/{rubie.pk}/")
    assert response["Location"] == f"/people/{ruby.pk}/"
    found = search_people(user=social_worker, query=SearchQuery("Rubie Okafor", PartialDate(14, 2, 2019)))
    assert [r.person for r in found.results] == [ruby]


def test_undo_puts_both_records_back(analyst: User, pair: tuple[Person, Person]) -> None:
    ruby, rubie = pair
    done = merge(analyst, ruby, rubie, take=["nhs_number", "first_name"])
    undo_merge(merge=done, by=analyst)
    ruby.refresh_from_db()
    rubie.refresh_from_db()
    assert rubie.merged_into is None
    assert (ruby.first_name, ruby.nhs_number) == ("Ruby", "")
    assert (rubie.first_name, rubie.nhs_number) == ("Rubie", "9990000018")
    assert Relationship.objects.get(kind="mother").person == rubie
    assert Residence.objects.get().person == rubie
    assert Warning.objects.get().person == rubie
    assert DuplicateCandidate.objects.get().status == DuplicateCandidate.Status.OPEN
    assert Event.objects.filter(kind="person.merge_undone").exists()


def test_a_merge_that_fails_part_way_changes_nothing(analyst: User, pair: tuple[Person, Person]) -> None:
    ruby, rubie = pair
    Person.objects.filter(pk=ruby.pk).update(version=ruby.version + 1)  # someone saved Ruby meanwhile
    with pytest.raises(StaleRecordError):
        merge(analyst, ruby, rubie, take=["nhs_number"])
    rubie.refresh_from_db()
    assert rubie.merged_into is None
    assert Relationship.objects.get(kind="mother").person == rubie
    assert Residence.objects.get().person == rubie
    assert not Merge.objects.exists()
    assert not Event.objects.filter(kind="person.merged").exists()


def test_undo_is_refused_once_the_survivor_has_changed(analyst: User, pair: tuple[Person, Person]) -> None:
    ruby, rubie = pair
    done = merge(analyst, ruby, rubie)
    Person.objects.filter(pk=ruby.pk).update(version=done.survivor_version_after + 1)
    with pytest.raises(StaleRecordError):
        undo_merge(merge=done, by=analyst)


def test_a_restricted_record_needs_a_manager_to_merge(analyst: User, team_manager: User, pair) -> None:
    ruby, rubie = pair
    Person.objects.filter(pk=rubie.pk).update(is_restricted=True)
    rubie.refresh_from_db()
    RestrictionGrant.objects.create(person=rubie, user=analyst, granted_by=team_manager)
    with pytest.raises(PermissionDenied, match="a manager must merge them"):
        merge(analyst, ruby, rubie)
    merge(team_manager, ruby, rubie)
    assert Person.objects.get(pk=rubie.pk).merged_into == ruby


def test_links_between_the_pair_stay_with_the_merged_record(analyst, social_worker, pair) -> None:
    ruby, rubie = pair
    add_relationship(person=ruby, relative=rubie, kind="sibling", by=social_worker)
    merge(analyst, ruby, rubie)
    assert not Relationship.objects.filter(person=ruby, relative=ruby).exists()


def test_every_link_to_a_person_in_every_app_is_either_moved_or_deliberately_left() -> None:
    """A later app's new link to Person is moved by a merge without any change to the merge code."""
    moved = {(link.model._meta.label, link.field) for link in links_to_person()}
    left = {
        ("people.Person", "merged_into"),
        ("people.PersonName", "person"),
        ("people.DuplicateCandidate", "person_a"),
        ("people.DuplicateCandidate", "person_b"),
        ("people.Merge", "survivor"),
        ("people.Merge", "merged"),
        ("records.Event", "child"),
        ("records.AccessLog", "child"),
    }
    every_link = {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if (field.many_to_one or field.one_to_one) and not field.auto_created and field.related_model is Person
    }
    assert every_link == moved | left
    assert ("people.OtherName", "person") in moved


def test_the_merge_screen_lets_a_data_officer_choose_each_value(client_for, analyst: User, pair) -> None:
    ruby, rubie = pair
    candidate = DuplicateCandidate.objects.get()
    client = client_for(analyst)
    page = client.get(f"/people/duplicates/{candidate.pk}/").content.decode()
    assert "Are these the same person?" in page
    assert "value_first_name" in page and "value_nhs_number" in page
    response = client.post(
        f"/people/duplicates/{candidate.pk}/",
        {
            "survivor": ruby.pk,
            "versions": f"{ruby.version},{rubie.version}",
            "value_first_name": "a",
            "value_nhs_number": "b",
        },
    )
    done = Merge.objects.get()
    assert response["Location"] == f"/people/merges/{done.pk}/"
    assert done.fields_taken == ["nhs_number"]
    client.post(f"/people/merges/{done.pk}/undo/")
    done.refresh_from_db()
    assert done.is_undone


def test_a_data_officer_records_two_different_people(client_for, analyst: User, pair) -> None:
    candidate = DuplicateCandidate.objects.get()
    client_for(analyst).post(f"/people/duplicates/{candidate.pk}/not-duplicate/")
    candidate.refresh_from_db()
    assert (candidate.status, candidate.decided_by) == (DuplicateCandidate.Status.NOT_DUPLICATE, analyst)


def test_practitioners_cannot_merge(client_for, social_worker: User, pair) -> None:
    candidate = DuplicateCandidate.objects.get()
    assert client_for(social_worker).get(f"/people/duplicates/{candidate.pk}/").status_code == 403
    assert client_for(social_worker).get("/people/duplicates/").status_code == 403


def test_other_names_move_too(analyst: User, pair) -> None:
    ruby, rubie = pair
    OtherName.objects.create(person=rubie, kind="preferred", first_name="Roo")
    merge(analyst, ruby, rubie)
    assert OtherName.objects.get().person == ruby

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontdoor.accounts.models import User
from frontdoor.people.matching import PartialDate
from frontdoor.people.models import OtherName, Person, RestrictionGrant
from frontdoor.people.search import SearchQuery, search_people
from frontdoor.people.search_index import reindex_person
from frontdoor.people.services import assign_la_child_ids
from tests.factories import PersonFactory, live_at


def names(outcome: object) -> list[str]:
    return [r.person.full_name for r in outcome.results]  # type: ignore[attr-defined]


@pytest.fixture
def jayden(db: None) -> Person:
    return PersonFactory(first_name="Jayden", last_name="Smith", date_of_birth=date(2015, 3, 7), sex="M")


@pytest.fixture
def crowd(db: None) -> list[Person]:
    return [
        PersonFactory(first_name="Olivia", last_name="Smith", date_of_birth=date(2012, 5, 1)),
        PersonFactory(first_name="Jack", last_name="Taylor", date_of_birth=date(2015, 3, 7)),
        PersonFactory(first_name="Amelia", last_name="Jones", date_of_birth=date(2016, 8, 20)),
    ]


def test_a_misspelt_name_and_swapped_date_of_birth_find_the_child(social_worker: User, jayden: Person, crowd) -> None:
    outcome = search_people(user=social_worker, query=SearchQuery("jaden smyth", PartialDate(3, 7, 2015)))
    assert names(outcome)[0] == "Jayden Smith"
    top = outcome.results[0]
    assert top.score >= 0.85
    assert "Date of birth matches with day and month swapped" in top.reasons
    assert "Surname sounds like Smith" in top.reasons


def test_a_nickname_finds_the_formal_name(social_worker: User) -> None:
    PersonFactory(first_name="William", last_name="Evans", date_of_birth=date(2010, 1, 2))
    outcome = search_people(user=social_worker, query=SearchQuery("Bill Evans"))
    assert names(outcome) == ["William Evans"]
    assert "Bill is another form of William" in outcome.results[0].reasons


def test_a_previous_name_is_searched(social_worker: User, jayden: Person) -> None:
    OtherName.objects.create(person=jayden, kind=OtherName.Kind.PREVIOUS, first_name="", last_name="Okonjo")
    reindex_person(jayden)
    outcome = search_people(user=social_worker, query=SearchQuery("Jayden Okonjo"))
    assert names(outcome) == ["Jayden Smith"]
    assert "Also known as jayden okonjo" in outcome.results[0].reasons


def test_a_year_of_birth_narrows_a_common_surname(social_worker: User, jayden: Person, crowd) -> None:
    outcome = search_people(user=social_worker, query=SearchQuery("Smith", PartialDate(None, None, 2015)))
    assert names(outcome)[0] == "Jayden Smith"


@pytest.mark.parametrize("typed", ["999 000 0018", "9990000018"])
def test_an_nhs_number_finds_exactly_that_person(social_worker: User, jayden: Person, crowd, typed: str) -> None:
    Person.objects.filter(pk=jayden.pk).update(nhs_number="9990000018")
    outcome = search_people(user=social_worker, query=SearchQuery(typed))
    assert names(outcome) == ["Jayden Smith"]
    assert outcome.results[0].reasons == ("NHS number matches",)


def test_a_upn_or_la_child_id_finds_the_person(social_worker: User, jayden: Person) -> None:
    Person.objects.filter(pk=jayden.pk).update(upn="H931000000017")
    assert names(search_people(user=social_worker, query=SearchQuery("H931000000017"))) == ["Jayden Smith"]
    assert names(search_people(user=social_worker, query=SearchQuery(jayden.la_child_id))) == ["Jayden Smith"]


def test_a_postcode_finds_the_household(social_worker: User, jayden: Person, crowd) -> None:
    live_at(jayden, postcode="NB4 7QT")
    outcome = search_people(user=social_worker, query=SearchQuery("", postcode="nb47qt"))
    assert names(outcome) == ["Jayden Smith"]
    assert outcome.results[0].postcode == "NB4 7QT"


def test_nothing_like_the_name_is_found(social_worker: User, jayden: Person) -> None:
    assert names(search_people(user=social_worker, query=SearchQuery("Xavier Quentin"))) == []


def test_a_restricted_record_shows_as_restricted_with_no_details(
    social_worker: User, team_manager: User, jayden: Person
) -> None:
    Person.objects.filter(pk=jayden.pk).update(is_restricted=True)
    RestrictionGrant.objects.create(person=jayden, user=team_manager, granted_by=team_manager)
    hidden = search_people(user=social_worker, query=SearchQuery("Jayden Smith")).results[0]
    assert hidden.hidden
    assert hidden.reasons == ()
    shown = search_people(user=team_manager, query=SearchQuery("Jayden Smith")).results[0]
    assert not shown.hidden


def test_a_merged_record_leads_to_the_one_it_was_merged_into(social_worker: User, jayden: Person) -> None:
    old = PersonFactory(first_name="Jaydon", last_name="Smythe", date_of_birth=date(2015, 3, 7))
    Person.objects.filter(pk=old.pk).update(merged_into=jayden)
    outcome = search_people(user=social_worker, query=SearchQuery("Jaydon Smythe"))
    assert names(outcome) == ["Jayden Smith"]


def test_search_cost_does_not_grow_with_the_number_of_matches(social_worker: User) -> None:
    PersonFactory(first_name="Ann", last_name="Smith")
    with CaptureQueriesContext(connection) as few:
        search_people(user=social_worker, query=SearchQuery("Smith"))
    for _ in range(40):
        PersonFactory(last_name="Smith")
    assign_la_child_ids()
    with CaptureQueriesContext(connection) as many:
        search_people(user=social_worker, query=SearchQuery("Smith"))
    assert len(many) == len(few)

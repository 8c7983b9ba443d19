from datetime import date

import pytest
from django.core.exceptions import ValidationError

from frontdoor.accounts.models import User
from frontdoor.people.models import Person, Relationship, RelationshipKind, Residence
from frontdoor.people.services import add_relationship
from frontdoor.records.models import Event
from tests.factories import PersonFactory, live_at


@pytest.fixture
def family(db: None) -> dict[str, Person]:
    return {
        "child": PersonFactory(first_name="Ruby", last_name="Okafor", date_of_birth=date(2019, 2, 14)),
        "brother": PersonFactory(first_name="Tobi", last_name="Okafor", date_of_birth=date(2016, 6, 1)),
        "mother": PersonFactory(first_name="Grace", last_name="Okafor", date_of_birth=date(1990, 9, 9)),
    }


def test_a_relationship_is_recorded_from_both_sides(social_worker: User, family: dict[str, Person]) -> None:
    add_relationship(
        person=family["child"], relative=family["mother"], kind="mother", by=social_worker, parental_responsibility=True
    )
    mirror = Relationship.objects.get(person=family["mother"], relative=family["child"])
    assert mirror.kind == RelationshipKind.CHILD
    assert mirror.parental_responsibility
    assert Event.objects.get(kind="person.relationship_added").child == family["child"]


def test_only_parents_hold_parental_responsibility(social_worker: User, family: dict[str, Person]) -> None:
    with pytest.raises(ValidationError, match="Only a parent or step-parent can hold parental responsibility"):
        add_relationship(
            person=family["child"],
            relative=family["brother"],
            kind="sibling",
            by=social_worker,
            parental_responsibility=True,
        )


def test_nobody_is_their_own_relative(social_worker: User, family: dict[str, Person]) -> None:
    with pytest.raises(ValidationError, match="cannot be related to themselves"):
        add_relationship(person=family["child"], relative=family["child"], kind="sibling", by=social_worker)


def test_the_family_view_lists_siblings_and_adults(client_for, social_worker: User, family: dict[str, Person]) -> None:
    add_relationship(
        person=family["child"], relative=family["mother"], kind="mother", by=social_worker, parental_responsibility=True
    )
    add_relationship(person=family["child"], relative=family["brother"], kind="sibling", by=social_worker)
    lodger = PersonFactory(first_name="Sam", last_name="Reid", date_of_birth=date(1985, 1, 1))
    live_at(family["child"])
    live_at(lodger)
    page = client_for(social_worker).get(f"/people/{family['child'].pk}/family/").content.decode()
    for heading, name in [
        ("Parents and carers", "Grace Okafor"),
        ("Brothers and sisters", "Tobi Okafor"),
        ("Other relatives and household members", "Sam Reid"),
    ]:
        assert heading in page
        assert name in page
    assert "Mother, has parental responsibility" in page


def test_a_relative_joins_the_household(client_for, social_worker: User, family: dict[str, Person]) -> None:
    add_relationship(person=family["child"], relative=family["mother"], kind="mother", by=social_worker)
    home = live_at(family["child"], line_1="12 Mill Lane")
    client_for(social_worker).post(f"/people/{family['child'].pk}/household/{family['mother'].pk}/")
    assert Residence.objects.get(person=family["mother"]).address == home.address


def test_relationships_are_added_through_a_search(client_for, social_worker: User, family: dict[str, Person]) -> None:
    client = client_for(social_worker)
    page = client.get(f"/people/{family['child'].pk}/relationships/add/?q=grace+okafor").content.decode()
    assert f"?relative={family['mother'].pk}" in page
    response = client.post(
        f"/people/{family['child'].pk}/relationships/add/?relative={family['mother'].pk}",
        {"kind": "mother", "parental_responsibility": "on"},
    )
    assert response["Location"] == f"/people/{family['child'].pk}/family/"
    assert Relationship.objects.filter(person=family["child"], kind="mother", parental_responsibility=True).exists()


def test_ending_a_relationship_ends_both_sides(client_for, social_worker: User, family: dict[str, Person]) -> None:
    row = add_relationship(person=family["child"], relative=family["brother"], kind="sibling", by=social_worker)
    client_for(social_worker).post(
        f"/people/{family['child'].pk}/relationships/{row.pk}/end/",
        {"ended_on_day": "1", "ended_on_month": "1", "ended_on_year": "2026"},
    )
    assert set(Relationship.objects.values_list("ended_on", flat=True)) == {date(2026, 1, 1)}


def test_moving_ends_the_previous_address(client_for, social_worker: User, family: dict[str, Person]) -> None:
    old = live_at(family["child"], line_1="1 Old Road")
    client_for(social_worker).post(
        f"/people/{family['child'].pk}/address/",
        {
            "line_1": "12 Mill Lane",
            "town": "Northbridge",
            "postcode": "NB3 4XY",
            "moved_in_day": "3",
            "moved_in_month": "11",
            "moved_in_year": "2026",
        },
    )
    old.refresh_from_db()
    assert old.moved_out == date(2026, 11, 3)
    assert Residence.objects.get(person=family["child"], moved_out__isnull=True).address.postcode == "NB3 4XY"


def test_the_person_page_shows_family_professionals_and_history(client_for, social_worker: User, family) -> None:
    add_relationship(person=family["child"], relative=family["mother"], kind="mother", by=social_worker)
    client = client_for(social_worker)
    client.post(
        "/people/professionals/add/", {"name": "Dr Amina Bello", "role": "gp", "organisation": "Riverside Surgery"}
    )
    from frontdoor.people.models import Professional

    gp = Professional.objects.get()
    client.post(f"/people/{family['child'].pk}/professionals/add/", {"professional": gp.pk})
    page = client.get(f"/people/{family['child'].pk}/").content.decode()
    assert "Grace Okafor" in page
    assert "Dr Amina Bello, GP, Riverside Surgery" in page
    assert "Recorded Grace Okafor as Ruby Okafor&#x27;s mother" in page

"""The synthetic council's people: families, their records, and the planted duplicates.

The demo council is seeded once for the module (about 5 seconds) and each
test reads it inside its own transaction.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

import jellyfish
import pytest
from django.core.management import call_command
from pytest_django import DjangoDbBlocker

from frontdoor.accounts.roles import Role
from frontdoor.people.identifiers import is_valid_nhs_number, normalise_postcode, validate_postcode, validate_upn
from frontdoor.people.matching import clean, compare_first_names, first_name_group, similarity
from frontdoor.people.models import (
    RECIPROCAL,
    Address,
    Involvement,
    OtherName,
    Person,
    PersonName,
    Professional,
    Relationship,
    RelationshipKind,
    Residence,
    RestrictionGrant,
    Warning,
)
from frontdoor.records.models import Event
from frontdoor.seeding import SeedContext, seed_council

TODAY = date(2026, 11, 26)
SEED = 20261126


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[SeedContext]:
    with django_db_blocker.unblock():
        context = seed_council(size="demo", seed=SEED, today=TODAY, say=lambda line: None)
        yield context
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def council(demo: SeedContext, db: None) -> SeedContext:
    return demo


def is_child(person: Person) -> bool:
    age = person.age_on(TODAY)
    return person.date_of_birth is None or (age is not None and age < 18)


def planted(council: SeedContext) -> list[tuple[int, int, str]]:
    return council.shared["planted_duplicates"]


def duplicate_ids(council: SeedContext) -> set[int]:
    return {duplicate for _, duplicate, _ in planted(council)}


def current_address(person_ids: list[int]) -> dict[int, int]:
    rows = Residence.objects.filter(person_id__in=person_ids, moved_out__isnull=True)
    return dict(rows.values_list("person_id", "address_id"))


def mothers() -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for person, relative in Relationship.objects.filter(kind=RelationshipKind.MOTHER).values_list(
        "person_id", "relative_id"
    ):
        found[person].add(relative)
    return found


def parents() -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    rows = Relationship.objects.filter(kind__in=[RelationshipKind.MOTHER, RelationshipKind.FATHER])
    for person, relative in rows.values_list("person_id", "relative_id"):
        found[person].add(relative)
    return found


def test_the_demo_council_has_about_2000_people_in_families(council: SeedContext) -> None:
    people = list(Person.objects.all())
    assert 1_900 <= len(people) <= 2_100
    children = sum(is_child(person) for person in people)
    assert 0.55 <= children / len(people) <= 0.65
    households: dict[int, int] = Counter(
        current_address([p.pk for p in people if p.pk not in duplicate_ids(council)]).values()
    )
    assert 400 <= len(households) <= 600
    assert all(2 <= size <= 7 for size in households.values())


def test_every_person_lives_somewhere_with_a_northbridge_postcode(council: SeedContext) -> None:
    people = Person.objects.count()
    current = Residence.objects.filter(moved_out__isnull=True)
    assert current.count() == people
    assert current.values("person").distinct().count() == people
    for postcode in Address.objects.values_list("postcode", flat=True):
        validate_postcode(postcode)
        assert postcode == normalise_postcode(postcode)
        assert re.fullmatch(r"NB([1-9]|1\d|20) \d[ABDEFGHJLNPQRSTUWXYZ]{2}", postcode)
    assert set(Address.objects.values_list("town", flat=True)) == {"Northbridge"}


def test_about_one_household_in_ten_has_a_previous_address(council: SeedContext) -> None:
    moved = Residence.objects.filter(moved_out__isnull=False)
    households = Residence.objects.filter(moved_out__isnull=True).values("address").distinct().count()
    previous = moved.values("address").distinct().count()
    assert 0.05 <= previous / households <= 0.15
    assert all(row.moved_in and row.moved_out and row.moved_in <= row.moved_out for row in moved)
    assert not Residence.objects.filter(moved_in__gt=TODAY).exists()
    assert Residence.objects.filter(is_confidential=True).count() <= 0.01 * Residence.objects.count()


def test_every_relationship_has_its_mirror_row(council: SeedContext) -> None:
    rows = set(Relationship.objects.values_list("person_id", "relative_id", "kind", "parental_responsibility"))
    assert len(rows) == Relationship.objects.count() > 2_000
    mirrors_of: dict[str, set[str]] = defaultdict(set)  # child: mother and father; step_child: step_parent…
    for forward, mirror in RECIPROCAL.items():
        mirrors_of[mirror.value].add(forward.value)
    for person, relative, kind, pr in rows:
        if kind in RECIPROCAL:
            assert (relative, person, RECIPROCAL[RelationshipKind(kind)], pr) in rows
        else:
            assert any((relative, person, mirror, pr) in rows for mirror in mirrors_of[kind])
    assert {kind for _, _, kind, _ in rows} >= {
        "mother",
        "father",
        "child",
        "sibling",
        "half_sibling",
        "step_parent",
        "step_child",
        "grandparent",
        "grandchild",
        "partner",
    }


def test_parents_hold_parental_responsibility_and_step_parents_usually_do_not(council: SeedContext) -> None:
    child_ids = {p.pk for p in Person.objects.all() if is_child(p)}
    parent_rows = Relationship.objects.filter(kind__in=[RelationshipKind.MOTHER, RelationshipKind.FATHER])
    of_children = [
        pr for person, pr in parent_rows.values_list("person_id", "parental_responsibility") if person in child_ids
    ]
    assert of_children and all(of_children)
    step = list(
        Relationship.objects.filter(kind=RelationshipKind.STEP_PARENT).values_list("parental_responsibility", flat=True)
    )
    assert step and sum(step) < len(step) / 2


def test_siblings_share_their_recorded_parents_and_half_siblings_only_one(council: SeedContext) -> None:
    parents_of = parents()
    siblings = Relationship.objects.filter(kind=RelationshipKind.SIBLING).values_list("person_id", "relative_id")
    assert siblings
    for a, b in siblings:
        assert parents_of[a] == parents_of[b]
    half = Relationship.objects.filter(kind=RelationshipKind.HALF_SIBLING).values_list("person_id", "relative_id")
    assert half
    for a, b in half:
        # Their mother; a father not in the records does not count.
        assert len(parents_of[a] & parents_of[b]) == 1


def test_nhs_numbers_are_valid_unique_and_in_the_test_range(council: SeedContext) -> None:
    numbers = [n for n in Person.objects.values_list("nhs_number", flat=True) if n]
    assert len(numbers) == len(set(numbers))
    assert all(is_valid_nhs_number(n) and n.startswith("999") for n in numbers)
    assert 0.85 <= len(numbers) / Person.objects.count() <= 0.95


def test_school_age_children_have_valid_unique_upns_from_the_council(council: SeedContext) -> None:
    people = list(Person.objects.filter(date_of_birth__isnull=False))
    upns = [p.upn for p in people if p.upn]
    assert len(upns) == len(set(upns))
    for upn in upns:
        validate_upn(upn)
        assert upn[1:4] == "931"
    school_age = [p for p in people if 5 <= (p.age_on(TODAY) or 0) <= 17]
    assert all(not p.upn or 5 <= (p.age_on(TODAY) or 0) <= 17 for p in people)
    assert 0.78 <= sum(bool(p.upn) for p in school_age) / len(school_age) <= 0.92


def test_every_person_has_index_rows_for_each_of_their_names(council: SeedContext) -> None:
    indexed = set(PersonName.objects.filter(is_other_name=False).values_list("person_id", "first", "last"))
    for pk, first, last in Person.objects.values_list("pk", "first_name", "last_name"):
        assert (pk, clean(first), clean(last)) in indexed
    other = set(PersonName.objects.filter(is_other_name=True).values_list("person_id", "first", "last"))
    names = list(OtherName.objects.select_related("person"))
    assert 0.03 <= len({n.person_id for n in names}) / Person.objects.count() <= 0.07
    for name in names:
        first, last = name.first_name or name.person.first_name, name.last_name or name.person.last_name
        if (clean(first), clean(last)) != (clean(name.person.first_name), clean(name.person.last_name)):
            assert (name.person_id, clean(first), clean(last)) in other
    assert {n.kind for n in names} >= {OtherName.Kind.PREVIOUS, OtherName.Kind.PREFERRED}


def test_everyone_has_an_la_child_id(council: SeedContext) -> None:
    ids = list(Person.objects.values_list("la_child_id", flat=True))
    assert all(re.fullmatch(r"FD\d{8}", i) for i in ids)
    assert len(set(ids)) == len(ids)


def test_names_look_like_an_english_city(council: SeedContext) -> None:
    surnames = Counter(Person.objects.values_list("last_name", flat=True))
    familiar = {"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson"}
    familiar |= {"Khan", "Ahmed", "Ali", "Hussain", "Patel", "Begum", "Singh", "Bibi", "Kaur"}
    assert len(familiar & {name for name, _ in surnames.most_common(20)}) >= 4
    assert len(surnames) > 300
    assert {"Khan", "Patel", "Begum"} & set(surnames)
    ethnicities = Counter(Person.objects.values_list("ethnicity", flat=True))
    assert ethnicities.most_common(1)[0][0] == "WBRI"
    assert 0.45 <= ethnicities["WBRI"] / sum(ethnicities.values()) <= 0.75
    assert len(ethnicities) >= 12
    boys = Counter(
        p.first_name
        for p in Person.objects.filter(sex="M", date_of_birth__gte=date(2016, 1, 1), date_of_birth__lt=date(2026, 1, 1))
    )
    men = Counter(p.first_name for p in Person.objects.filter(sex="M", date_of_birth__lt=date(1980, 1, 1)))
    assert {name for name, _ in boys.most_common(10)} != {name for name, _ in men.most_common(10)}
    assert Person.objects.exclude(middle_names="").count() > 0.25 * Person.objects.count()


def test_most_people_speak_english_and_a_few_need_an_interpreter(council: SeedContext) -> None:
    languages = Counter(Person.objects.values_list("first_language", flat=True))
    assert languages["English"] > 0.8 * sum(languages.values())
    needs = Person.objects.filter(interpreter_needed=True)
    assert 0 < needs.count() < 0.05 * Person.objects.count()
    assert not needs.filter(first_language="English").exists()


def test_disabilities_are_mostly_none_or_not_recorded(council: SeedContext) -> None:
    recorded = [codes for codes in Person.objects.values_list("disabilities", flat=True) if codes and codes != ["NONE"]]
    assert 0 < len(recorded) < 0.06 * Person.objects.count()
    assert all("NONE" not in codes for codes in recorded)


def test_a_few_unborn_children_are_expected_in_the_next_six_months(council: SeedContext) -> None:
    unborn = list(Person.objects.filter(date_of_birth__isnull=True))
    assert 3 <= len(unborn) <= 30
    for person in unborn:
        assert person.sex == "U"
        assert person.expected_date_of_birth is not None
        assert TODAY < person.expected_date_of_birth <= TODAY + timedelta(days=183)
        assert Relationship.objects.filter(person=person, kind=RelationshipKind.MOTHER).exists()


def test_twins_share_a_birthday_surname_home_and_parents_but_are_not_duplicates(council: SeedContext) -> None:
    people = {p.pk: p for p in Person.objects.all()}
    homes = current_address(list(people))
    parents_of = parents()
    pairs = set()
    for a, b in Relationship.objects.filter(kind=RelationshipKind.SIBLING).values_list("person_id", "relative_id"):
        if a < b and people[a].date_of_birth and people[a].date_of_birth == people[b].date_of_birth:
            pairs.add((a, b))
    assert len(pairs) >= 3
    in_planted = {frozenset((o, d)) for o, d, _ in planted(council)}
    planted_people = {pk for o, d, _ in planted(council) for pk in (o, d)}
    for a, b in pairs:
        x, y = people[a], people[b]
        assert x.last_name == y.last_name or {x.sex, y.sex} == {"M", "F"}  # Kowalski and Kowalska
        assert homes[a] == homes[b]
        assert parents_of[a] == parents_of[b]
        assert first_name_group(x.first_name) != first_name_group(y.first_name)
        assert similarity(x.first_name, y.first_name) < 0.75
        assert frozenset((a, b)) not in in_planted
        assert a not in planted_people and b not in planted_people


def test_about_three_percent_are_planted_duplicates(council: SeedContext) -> None:
    pairs = planted(council)
    assert 0.025 <= len(pairs) / Person.objects.count() <= 0.035
    variations = Counter(part for _, _, variation in pairs for part in variation.split("+"))
    assert set(variations) == {
        "first_name_typo",
        "surname_typo",
        "nickname",
        "day_month_swapped",
        "year_off_by_one",
        "changed_surname",
    }


def test_each_planted_duplicate_differs_in_the_named_way_only(council: SeedContext) -> None:
    people = {p.pk: p for p in Person.objects.all()}
    homes = current_address(list(people))
    mothers_of = mothers()
    same_home = 0
    for original_id, duplicate_id, variation in planted(council):
        original, duplicate = people[original_id], people[duplicate_id]
        parts = set(variation.split("+"))
        assert not duplicate.nhs_number and not duplicate.upn
        assert duplicate.sex == original.sex
        assert duplicate.middle_names == original.middle_names
        first_changes = parts & {"first_name_typo", "nickname"}
        last_changes = parts & {"surname_typo", "changed_surname"}
        date_changes = parts & {"day_month_swapped", "year_off_by_one"}
        assert (duplicate.first_name == original.first_name) is not bool(first_changes)
        assert (duplicate.last_name == original.last_name) is not bool(last_changes)
        assert (duplicate.date_of_birth == original.date_of_birth) is not bool(date_changes)
        born, dup_born = original.date_of_birth, duplicate.date_of_birth
        assert born is not None and dup_born is not None
        if "first_name_typo" in parts:
            assert jellyfish.damerau_levenshtein_distance(original.first_name, duplicate.first_name) == 1
        if "surname_typo" in parts:
            assert jellyfish.damerau_levenshtein_distance(original.last_name, duplicate.last_name) == 1
        if "nickname" in parts:
            score, _reason = compare_first_names(duplicate.first_name, original.first_name)
            assert score == 0.92, (duplicate.first_name, original.first_name)
        if "day_month_swapped" in parts:
            assert born.day <= 12 and born.day != born.month
            assert dup_born == date(born.year, born.day, born.month)
        if "year_off_by_one" in parts:
            assert abs(dup_born.year - born.year) == 1 and (dup_born.month, dup_born.day) == (born.month, born.day)
        if "changed_surname" in parts:
            assert clean(duplicate.last_name) != clean(original.last_name)
            assert mothers_of[duplicate_id] and mothers_of[duplicate_id] == mothers_of[original_id]
            assert homes[duplicate_id] == homes[original_id]
        else:
            assert not Relationship.objects.filter(person_id=duplicate_id).exists()
        same_home += homes[duplicate_id] == homes[original_id]
    assert same_home >= 0.75 * len(planted(council))


def test_warnings_are_on_about_one_adult_in_a_hundred_raised_by_managers(council: SeedContext) -> None:
    warnings = list(Warning.objects.select_related("raised_by", "person"))
    adults = sum(not is_child(p) for p in Person.objects.all())
    assert 3 <= len(warnings) <= 0.02 * adults
    assert all(w.raised_by.role == Role.TEAM_MANAGER for w in warnings)
    assert all(not is_child(w.person) for w in warnings)
    assert all(TODAY - timedelta(days=120) <= w.review_on <= TODAY + timedelta(days=180) for w in warnings)
    main_kinds = {Warning.Kind.RISK_TO_STAFF, Warning.Kind.VIOLENCE, Warning.Kind.DOG, Warning.Kind.LONE_WORKING}
    assert sum(w.kind in main_kinds for w in warnings) >= 0.5 * len(warnings)
    assert any(w.review_on > TODAY for w in warnings)


def test_restricted_records_are_granted_to_one_team_manager_each(council: SeedContext) -> None:
    restricted = list(Person.objects.filter(is_restricted=True))
    assert len(restricted) >= 2
    assert all(p.restriction_reason for p in restricted)
    for person in restricted:
        grants = list(RestrictionGrant.objects.filter(person=person).select_related("user"))
        assert len(grants) == 1
        grant = grants[0]
        assert grant.user is not None and grant.user.role == Role.TEAM_MANAGER
        assert grant.role == "" and grant.granted_by_id == grant.user.pk
    assert not {p.pk for p in restricted} & {pk for o, d, _ in planted(council) for pk in (o, d)}


def test_children_have_a_gp_a_school_and_a_health_visitor_as_their_age_fits(council: SeedContext) -> None:
    roles: dict[int, set[str]] = defaultdict(set)
    for person, role in Involvement.objects.values_list("person_id", "professional__role"):
        roles[person].add(role)
    duplicates = duplicate_ids(council)
    born = [p for p in Person.objects.filter(date_of_birth__isnull=False) if is_child(p) and p.pk not in duplicates]
    assert sum(Professional.Role.GP in roles[p.pk] for p in born) >= 0.9 * len(born)
    school_age = [p for p in born if 6 <= (p.age_on(TODAY) or 0) <= 15]
    assert sum(Professional.Role.SCHOOL in roles[p.pk] for p in school_age) >= 0.9 * len(school_age)
    under_five = [p for p in born if (p.age_on(TODAY) or 0) < 5]
    assert sum(Professional.Role.HEALTH_VISITOR in roles[p.pk] for p in under_five) >= 0.8 * len(under_five)
    schools = Professional.objects.filter(role=Professional.Role.SCHOOL)
    assert schools.count() >= 5 and all(s.name and s.organisation for s in schools)


def test_the_seed_records_one_event_with_its_counts(council: SeedContext) -> None:
    event = Event.objects.get(kind="seed.people")
    # The retention seed adds a few young adults of its own, after this app.
    added_later = Event.objects.get(kind="seed.retention").data["people"]
    assert event.data["people"] == Person.objects.count() - added_later
    assert event.data["planted_duplicates"] == len(planted(council))
    assert event.actor is None


@pytest.mark.django_db(transaction=True)
def test_the_same_seed_builds_the_same_people() -> None:
    def people() -> list[tuple[str, str, date | None]]:
        return sorted(Person.objects.values_list("first_name", "last_name", "date_of_birth"), key=str)

    first = seed_council(size="demo", seed=7, today=TODAY, force=True, say=lambda line: None)
    before = people()
    second = seed_council(size="demo", seed=7, today=TODAY, force=True, say=lambda line: None)
    assert people() == before
    assert [v for _, _, v in first.shared["planted_duplicates"]] == [
        v for _, _, v in second.shared["planted_duplicates"]
    ]

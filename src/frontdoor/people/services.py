"""Every change to a person's record and family: one transaction and one event each.

Warnings and restrictions are in safety.py; merging is in merging.py.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat, LPad
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.codes import Disability
from frontdoor.people.identifiers import (
    normalise_nhs_number,
    normalise_postcode,
    normalise_upn,
    validate_nhs_number,
    validate_postcode,
    validate_upn,
)
from frontdoor.people.matching import Match
from frontdoor.people.models import (
    PARENT_KINDS,
    RECIPROCAL,
    Address,
    DuplicateCandidate,
    Identifier,
    Involvement,
    OtherName,
    Person,
    Professional,
    Relationship,
    RelationshipKind,
    Residence,
)
from frontdoor.people.search_index import reindex_person
from frontdoor.records.concurrency import claim_version
from frontdoor.records.services import record_event

LA_CHILD_ID_PREFIX = "FD"
# An unborn child's expected date may pass by a few weeks before the birth is recorded.
EXPECTED_BIRTH_GRACE = timedelta(weeks=6)
PERSON_FIELDS = (
    "first_name",
    "middle_names",
    "last_name",
    "date_of_birth",
    "expected_date_of_birth",
    "date_of_death",
    "sex",
    "ethnicity",
    "disabilities",
    "first_language",
    "interpreter_needed",
    "religion",
    "immigration_status",
    "nhs_number",
    "upn",
    "former_upn",
    "upn_unknown_reason",
    "phone",
    "email",
)
# Changes to these rebuild the person's search index rows.
INDEXED_FIELDS = ("first_name", "last_name", "date_of_birth", "expected_date_of_birth")


def assign_la_child_ids() -> int:
    """Give every person without an LA child ID one made from their record number: FD00012345."""
    return Person.objects.filter(la_child_id="").update(
        la_child_id=Concat(Value(LA_CHILD_ID_PREFIX), LPad(Cast("id", output_field=CharField()), 8, Value("0")))
    )


def person_problems(person: Person, *, today: date) -> dict[str, list[str]]:
    """What is wrong with a person's details, field by field, in words a user can act on."""
    problems: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        problems.setdefault(name, []).append(message)

    if person.date_of_birth and person.expected_date_of_birth:
        add("expected_date_of_birth", "Enter a date of birth or an expected date of birth, not both")
    if person.date_of_birth and person.date_of_birth > today:
        add(
            "date_of_birth",
            "Date of birth must be today or in the past: for an unborn child, enter the expected date of birth",
        )
    if person.expected_date_of_birth:
        if person.expected_date_of_birth < today - EXPECTED_BIRTH_GRACE:
            add(
                "expected_date_of_birth",
                "Expected date of birth is more than 6 weeks ago: if the baby has been born, enter their date of birth",
            )
        elif person.expected_date_of_birth > today + timedelta(days=300):
            add("expected_date_of_birth", "Expected date of birth must be within the next 10 months")
    if person.date_of_death:
        if person.date_of_death > today:
            add("date_of_death", "Date of death must be today or in the past")
        if person.date_of_birth and person.date_of_death < person.date_of_birth:
            add("date_of_death", "Date of death must be on or after the date of birth")
    if person.is_unborn and person.sex != "U":
        add("sex", "An unborn child's sex is recorded as unknown until they are born")
    codes = list(person.disabilities or [])
    if any(code not in Disability.values for code in codes):
        add("disabilities", "Choose disabilities from the list")
    if Disability.NONE in codes and len(codes) > 1:
        add("disabilities", "'No disability' cannot be chosen with a disability")
    for name, check in (
        ("nhs_number", validate_nhs_number),
        ("upn", validate_upn),
        ("former_upn", validate_upn),
    ):
        value = getattr(person, name)
        if value:
            try:
                check(value)
            except ValidationError as error:
                add(name, error.messages[0])
    if person.upn and person.upn_unknown_reason:
        add("upn_unknown_reason", "Leave the reason empty when the UPN is known")
    return problems


def _normalise(person: Person) -> None:
    person.first_name, person.last_name = person.first_name.strip(), person.last_name.strip()
    person.middle_names = person.middle_names.strip()
    person.nhs_number = normalise_nhs_number(person.nhs_number)
    person.upn, person.former_upn = normalise_upn(person.upn), normalise_upn(person.former_upn)


def _check(person: Person) -> None:
    problems = person_problems(person, today=timezone.localdate())
    if problems:
        raise ValidationError(problems)
    # Uniqueness and the model's own rules, with their messages. Nothing is
    # excluded: Django skips a constraint if any field its condition names is.
    person.full_clean()


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


@dataclass(frozen=True)
class AddressDetails:
    line_1: str
    town: str
    postcode: str
    line_2: str = ""


@transaction.atomic
def create_person(
    *,
    by: User,
    details: dict[str, Any],
    address: AddressDetails | None = None,
    moved_in: date | None = None,
    not_duplicates_of: Iterable[Match] = (),
) -> Person:
    """Add a person. `not_duplicates_of` are the likely duplicates the user was shown and set aside."""
    person = Person(**{name: details[name] for name in details if name in PERSON_FIELDS}, created_by=by)
    _normalise(person)
    _check(person)
    person.save()
    person.la_child_id = f"{LA_CHILD_ID_PREFIX}{person.pk:08d}"
    person.save(update_fields=["la_child_id"])
    reindex_person(person)
    if address:
        _move_in(person, address, moved_in)
    set_aside = []
    for match in not_duplicates_of:
        a, b = _pair(person.pk, match.person_id)
        DuplicateCandidate.objects.update_or_create(
            person_a_id=a,
            person_b_id=b,
            defaults={
                "score": match.score,
                "reasons": list(match.reasons),
                "status": DuplicateCandidate.Status.NOT_DUPLICATE,
                "source": DuplicateCandidate.Source.CREATE_ANYWAY,
                "decided_by": by,
                "decided_at": timezone.now(),
            },
        )
        set_aside.append(match.person_id)
    record_event(
        kind="person.created",
        by=by,
        child=person,
        record=person,
        summary=f"Added {person.full_name}"
        + (f", after saying they are not {len(set_aside)} similar record(s)" if set_aside else ""),
        data={"not_duplicate_of": set_aside},
    )
    return person


@transaction.atomic
def update_person(*, person: Person, by: User, expected_version: int, changes: dict[str, Any]) -> Person:
    """Change a person's details; refused if someone else saved first."""
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"These cannot be changed here: {', '.join(sorted(unknown))}")
    before = {name: getattr(person, name) for name in changes}
    for name, value in changes.items():
        setattr(person, name, value)
    _normalise(person)
    _check(person)
    claim_version(person, expected_version)
    changed = [name for name in changes if getattr(person, name) != before[name]]
    described = ", ".join(name.replace("_", " ") for name in changed) or "details (no change)"
    person.save()
    if set(changed) & set(INDEXED_FIELDS):
        reindex_person(person)
    record_event(
        kind="person.updated",
        by=by,
        child=person,
        record=person,
        summary=f"Changed {person.full_name}'s {described}",
        data={"changes": {name: {"from": str(before[name]), "to": str(getattr(person, name))} for name in changed}},
    )
    return person


@transaction.atomic
def add_other_name(*, person: Person, by: User, kind: str, first_name: str, last_name: str) -> OtherName:
    if not (first_name.strip() or last_name.strip()):
        raise ValidationError({"first_name": "Enter a first name or a surname"})
    name = OtherName.objects.create(
        person=person, kind=kind, first_name=first_name.strip(), last_name=last_name.strip()
    )
    reindex_person(person)
    record_event(
        kind="person.other_name_added",
        by=by,
        child=person,
        record=name,
        summary=f"Added {name.get_kind_display().lower()} {name} for {person.full_name}",
    )
    return name


@transaction.atomic
def add_identifier(*, person: Person, by: User, kind: str, value: str, issuer: str = "") -> Identifier:
    identifier = Identifier.objects.create(person=person, kind=kind, value=value.strip(), issuer=issuer.strip())
    record_event(
        kind="person.identifier_added",
        by=by,
        child=person,
        record=identifier,
        summary=f"Added {identifier.get_kind_display().lower()} {identifier.value} for {person.full_name}",
    )
    return identifier


def _address(details: AddressDetails) -> Address:
    validate_postcode(details.postcode)
    postcode = normalise_postcode(details.postcode)
    # The same address typed twice is one address, so the people at it form one household.
    existing = Address.objects.filter(line_1__iexact=details.line_1.strip(), postcode=postcode).first()
    if existing:
        return existing
    return Address.objects.create(
        line_1=details.line_1.strip(),
        line_2=details.line_2.strip(),
        town=details.town.strip(),
        postcode=postcode,
    )


def _move_in(person: Person, details: AddressDetails, moved_in: date | None, confidential: bool = False) -> Residence:
    address = _address(details)
    if moved_in and moved_in > timezone.localdate():
        raise ValidationError({"moved_in": "Date they moved in must be today or in the past"})
    # Moving in somewhere new ends the current address.
    for current in person.residences.filter(moved_out__isnull=True).exclude(address=address):
        current.moved_out = max(moved_in or timezone.localdate(), current.moved_in or date.min)
        current.save(update_fields=["moved_out"])
    residence, _ = Residence.objects.get_or_create(
        person=person,
        address=address,
        moved_out__isnull=True,
        defaults={"moved_in": moved_in, "is_confidential": confidential},
    )
    return residence


@transaction.atomic
def move_person(
    *, person: Person, by: User, address: AddressDetails, moved_in: date | None, confidential: bool = False
) -> Residence:
    """Record a person's new address; their previous one ends the day they moved."""
    residence = _move_in(person, address, moved_in, confidential)
    record_event(
        kind="person.moved",
        by=by,
        child=person,
        record=residence,
        summary=f"Recorded {person.full_name} at {'a confidential address' if confidential else residence.address}",
    )
    return residence


@transaction.atomic
def add_to_household(*, address: Address, person: Person, by: User, moved_in: date | None) -> Residence:
    """Someone else living at an address already on record: they join its household."""
    details = AddressDetails(address.line_1, address.town, address.postcode, address.line_2)
    residence = _move_in(person, details, moved_in)
    record_event(
        kind="person.moved",
        by=by,
        child=person,
        record=residence,
        summary=f"Added {person.full_name} to the household at {address}",
    )
    return residence


@transaction.atomic
def end_residence(*, residence: Residence, by: User, moved_out: date) -> Residence:
    if residence.moved_in and moved_out < residence.moved_in:
        raise ValidationError({"moved_out": "Date they moved out must be on or after the date they moved in"})
    residence.moved_out = moved_out
    residence.save(update_fields=["moved_out"])
    record_event(
        kind="person.moved_out",
        by=by,
        child=residence.person,
        record=residence,
        summary=f"Recorded {residence.person.full_name} moving out of {residence.address}",
    )
    return residence


@transaction.atomic
def add_relationship(
    *,
    person: Person,
    relative: Person,
    kind: str,
    by: User,
    parental_responsibility: bool = False,
    started_on: date | None = None,
) -> Relationship:
    """`relative` is `person`'s `kind` (their mother, sibling, carer…); the mirror row is made too."""
    kind = RelationshipKind(kind)
    if person.pk == relative.pk:
        raise ValidationError({"relative": "A person cannot be related to themselves"})
    if kind not in RECIPROCAL:
        raise ValidationError({"kind": "Choose how they are related"})
    if parental_responsibility and kind not in PARENT_KINDS:
        raise ValidationError(
            {"parental_responsibility": "Only a parent or step-parent can hold parental responsibility"}
        )
    if Relationship.objects.filter(person=person, relative=relative, kind=kind, ended_on__isnull=True).exists():
        raise ValidationError(
            {"relative": f"{relative.full_name} is already recorded as {person.full_name}'s {kind.label.lower()}"}
        )
    row = Relationship.objects.create(
        person=person,
        relative=relative,
        kind=kind,
        parental_responsibility=parental_responsibility,
        started_on=started_on,
    )
    Relationship.objects.create(
        person=relative,
        relative=person,
        kind=RECIPROCAL[kind],
        parental_responsibility=parental_responsibility,
        started_on=started_on,
    )
    record_event(
        kind="person.relationship_added",
        by=by,
        child=person,
        record=row,
        summary=f"Recorded {relative.full_name} as {person.full_name}'s {kind.label.lower()}"
        + (" with parental responsibility" if parental_responsibility else ""),
        data={"relative": relative.pk, "kind": kind.value},
    )
    return row


@transaction.atomic
def end_relationship(*, relationship: Relationship, by: User, ended_on: date) -> Relationship:
    mirror = Relationship.objects.filter(
        person=relationship.relative,
        relative=relationship.person,
        kind=RECIPROCAL[RelationshipKind(relationship.kind)],
        ended_on__isnull=True,
    )
    for row in [relationship, *mirror]:
        row.ended_on = ended_on
        row.save(update_fields=["ended_on"])
    record_event(
        kind="person.relationship_ended",
        by=by,
        child=relationship.person,
        record=relationship,
        summary=f"Ended {relationship.relative.full_name}'s relationship as {relationship.person.full_name}'s "
        f"{relationship.get_kind_display().lower()}",
    )
    return relationship


@transaction.atomic
def add_professional(
    *, by: User, name: str, role: str, organisation: str, phone: str = "", email: str = ""
) -> Professional:
    professional = Professional(
        name=name.strip(), role=role, organisation=organisation.strip(), phone=phone, email=email
    )
    professional.full_clean()
    professional.save()
    record_event(kind="professional.added", by=by, record=professional, summary=f"Added professional {professional}")
    return professional


@transaction.atomic
def add_involvement(*, person: Person, professional: Professional, by: User, started_on: date | None) -> Involvement:
    if Involvement.objects.filter(person=person, professional=professional, ended_on__isnull=True).exists():
        raise ValidationError({"professional": f"{professional.name} is already recorded as involved"})
    involvement = Involvement.objects.create(person=person, professional=professional, started_on=started_on)
    record_event(
        kind="person.involvement_added",
        by=by,
        child=person,
        record=involvement,
        summary=f"Recorded {professional} as involved with {person.full_name}",
    )
    return involvement


@transaction.atomic
def end_involvement(*, involvement: Involvement, by: User, ended_on: date) -> Involvement:
    involvement.ended_on = ended_on
    involvement.save(update_fields=["ended_on"])
    record_event(
        kind="person.involvement_ended",
        by=by,
        child=involvement.person,
        record=involvement,
        summary=f"Ended {involvement.professional}'s involvement with {involvement.person.full_name}",
    )
    return involvement

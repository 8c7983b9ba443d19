from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from frontdoor.people.models import (
    PARENT_KINDS,
    SIBLING_KINDS,
    DuplicateCandidate,
    Involvement,
    Merge,
    Person,
    Relationship,
    RelationshipKind,
    Residence,
    RestrictionGrant,
    Warning,
)


def active_warnings(person: Person) -> QuerySet[Warning]:
    return person.warnings.filter(ended_at__isnull=True).select_related("raised_by").order_by("raised_at")


def current_residences(person: Person) -> QuerySet[Residence]:
    return person.residences.filter(moved_out__isnull=True).select_related("address")


@dataclass
class PersonSummary:
    person: Person
    warnings: list[Warning]
    other_names: list[object]
    identifiers: list[object]
    residences: list[Residence]
    relationships: list[Relationship]
    involvements: list[Involvement]
    grants: list[RestrictionGrant]
    merged_people: list[Person]
    open_duplicates: int


def person_summary(person: Person) -> PersonSummary:
    """Everything the person page shows, in a fixed number of queries."""
    relationships = person.relationships.select_related("relative").order_by("ended_on", "kind")
    return PersonSummary(
        person=person,
        warnings=list(active_warnings(person)),
        other_names=list(person.other_names.all()),
        identifiers=list(person.identifiers.all()),
        residences=list(person.residences.select_related("address").order_by("moved_out", "-moved_in")),
        relationships=list(relationships),
        involvements=list(person.involvements.select_related("professional").order_by("ended_on")),
        grants=list(person.restriction_grants.filter(revoked_at__isnull=True).select_related("user"))
        if person.is_restricted
        else [],
        merged_people=list(person.merged_people.all()),
        open_duplicates=DuplicateCandidate.objects.filter(
            Q(person_a=person) | Q(person_b=person), status=DuplicateCandidate.Status.OPEN
        ).count(),
    )


@dataclass
class FamilyMember:
    person: Person
    labels: list[str] = field(default_factory=list)
    parental_responsibility: bool = False
    lives_here: bool = False
    has_warnings: bool = False


@dataclass
class Family:
    person: Person
    address: Residence | None
    parents_and_carers: list[FamilyMember]
    siblings: list[FamilyMember]
    children: list[FamilyMember]
    others: list[FamilyMember]


GROUPS = {
    "parents_and_carers": PARENT_KINDS | {RelationshipKind.CARER, RelationshipKind.GRANDPARENT},
    "siblings": SIBLING_KINDS,
    "children": {
        RelationshipKind.CHILD,
        RelationshipKind.STEP_CHILD,
        RelationshipKind.GRANDCHILD,
        RelationshipKind.CARED_FOR,
    },
}


def family_of(person: Person) -> Family:
    """The person's relatives and household, grouped, with who lives with them."""
    home = current_residences(person).first()
    members: dict[int, FamilyMember] = {}
    group_of: dict[int, str] = {}
    current = person.relationships.filter(ended_on__isnull=True).select_related("relative")
    for row in current:
        member = members.setdefault(row.relative_id, FamilyMember(row.relative))
        member.labels.append(row.get_kind_display())
        member.parental_responsibility |= row.parental_responsibility and row.kind in PARENT_KINDS
        kind = RelationshipKind(row.kind)
        group_of.setdefault(row.relative_id, next((name for name, kinds in GROUPS.items() if kind in kinds), "others"))
    if home:
        household = Residence.objects.filter(address=home.address, moved_out__isnull=True).exclude(person=person)
        for residence in household.select_related("person"):
            member = members.setdefault(residence.person_id, FamilyMember(residence.person, ["Household member"]))
            member.lives_here = True
            group_of.setdefault(residence.person_id, "others")
    warned = set(
        Warning.objects.filter(person_id__in=members, ended_at__isnull=True).values_list("person_id", flat=True)
    )
    for pid, member in members.items():
        member.has_warnings = pid in warned
    grouped: dict[str, list[FamilyMember]] = {"parents_and_carers": [], "siblings": [], "children": [], "others": []}
    for pid, member in members.items():
        grouped[group_of[pid]].append(member)
    for group in grouped.values():
        group.sort(key=lambda m: (m.person.date_of_birth or date.max, m.person.last_name))
    return Family(person=person, address=home, **grouped)


def overdue_warnings(*, today: date) -> QuerySet[Warning]:
    return (
        Warning.objects.filter(ended_at__isnull=True, review_on__lt=today)
        .select_related("person", "raised_by")
        .order_by("review_on")
    )


def duplicate_queue() -> QuerySet[DuplicateCandidate]:
    return (
        DuplicateCandidate.objects.filter(
            status=DuplicateCandidate.Status.OPEN,
            person_a__merged_into__isnull=True,
            person_b__merged_into__isnull=True,
        )
        .select_related("person_a", "person_b")
        .order_by("-score", "id")
    )


def recent_merges() -> QuerySet[Merge]:
    return Merge.objects.select_related("survivor", "merged", "merged_by", "undone_by").order_by("-merged_at")


def people_at_risk_flags(people: list[Person]) -> set[int]:
    return set(Warning.objects.filter(person__in=people, ended_at__isnull=True).values_list("person_id", flat=True))


def with_current_addresses(people: QuerySet[Person]) -> QuerySet[Person]:
    return people.prefetch_related(
        Prefetch(
            "residences",
            queryset=Residence.objects.filter(moved_out__isnull=True).select_related("address"),
            to_attr="current_residences",
        )
    )

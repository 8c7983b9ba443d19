"""Merging two records of one person, and undoing it.

Every row that points at the merged record moves to the survivor. The rows
are found by looking at every model's foreign keys, so records that later
apps add (contacts, referrals, plans…) follow without changes here. The
merged record stays, pointing at the survivor, so old links and references
still lead somewhere; the append-only logs stay where they were written.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.people.models import (
    DuplicateCandidate,
    Involvement,
    Merge,
    Person,
    PersonName,
    Relationship,
    Residence,
)
from frontdoor.people.search_index import reindex_person
from frontdoor.people.services import PERSON_FIELDS
from frontdoor.records.concurrency import StaleRecordError, claim_version
from frontdoor.records.models import AppendOnlyModel
from frontdoor.records.services import record_event

# Fields whose value the data officer chooses when the two records differ.
MERGEABLE_FIELDS = PERSON_FIELDS
# Rows that do not move: the search index is rebuilt; the duplicate and merge
# records describe the pair itself.
NOT_MOVED = {PersonName, DuplicateCandidate, Merge}


@dataclass(frozen=True)
class Link:
    model: type[models.Model]
    field: str


def links_to_person() -> list[Link]:
    """Every foreign key to Person in every installed app, apart from the logs and the merge records."""
    links = []
    for model in apps.get_models():
        if model in NOT_MOVED or issubclass(model, AppendOnlyModel):
            continue
        for field in model._meta.get_fields():
            if not ((field.is_relation and field.many_to_one) or field.one_to_one) or field.auto_created:
                continue
            if getattr(field, "related_model", None) is Person and not (
                model is Person and field.name == "merged_into"
            ):
                links.append(Link(model, field.name))
    return links


def differing_fields(a: Person, b: Person) -> list[str]:
    return [name for name in MERGEABLE_FIELDS if getattr(a, name) != getattr(b, name)]


def _kept_on_merged(link: Link, rows: models.QuerySet[Any], survivor: Person) -> models.QuerySet[Any]:
    """Rows that would make nonsense on the survivor: they stay with the merged record."""
    if link.model is Relationship and link.field == "person":
        # Links between the pair, and ones the survivor already has.
        keep_ids = set(rows.filter(relative=survivor).values_list("id", flat=True))
        existing = set(
            Relationship.objects.filter(person=survivor, ended_on__isnull=True).values_list("relative_id", "kind")
        )
        keep_ids |= {r.id for r in rows if (r.relative_id, r.kind) in existing}
        return rows.filter(id__in=keep_ids)
    if link.model is Relationship and link.field == "relative":
        keep_ids = set(rows.filter(person=survivor).values_list("id", flat=True))
        existing = set(
            Relationship.objects.filter(relative=survivor, ended_on__isnull=True).values_list("person_id", "kind")
        )
        keep_ids |= {r.id for r in rows if (r.person_id, r.kind) in existing}
        return rows.filter(id__in=keep_ids)
    if link.model is Residence:
        addresses = Residence.objects.filter(person=survivor, moved_out__isnull=True).values_list(
            "address_id", flat=True
        )
        return rows.filter(address_id__in=list(addresses), moved_out__isnull=True)
    if link.model is Involvement:
        professionals = Involvement.objects.filter(person=survivor, ended_on__isnull=True).values_list(
            "professional_id", flat=True
        )
        return rows.filter(professional_id__in=list(professionals), ended_on__isnull=True)
    field = link.model._meta.get_field(link.field)
    if field.one_to_one and link.model._default_manager.filter(**{link.field: survivor}).exists():
        return rows
    return rows.none()


def _check_may_merge(by: User, survivor: Person, merged: Person) -> None:
    if not by.can(Capability.MERGE_PEOPLE):
        raise PermissionDenied("Your role cannot merge records")
    if (survivor.is_restricted or merged.is_restricted) and not by.is_manager:
        raise PermissionDenied("One of these records is restricted: a manager must merge them")
    if survivor.pk == merged.pk:
        raise ValidationError("Choose two different records")
    for person in (survivor, merged):
        if person.merged_into_id:
            raise ValidationError(f"{person.full_name} ({person.la_child_id}) has already been merged")


@transaction.atomic
def merge_people(
    *,
    survivor: Person,
    merged: Person,
    by: User,
    take_from_merged: list[str],
    expected_versions: tuple[int, int],
) -> Merge:
    """Merge `merged` into `survivor`, taking the named fields' values from `merged`.

    One transaction: if any step fails, nothing has changed.
    """
    _check_may_merge(by, survivor, merged)
    unknown = set(take_from_merged) - set(MERGEABLE_FIELDS)
    if unknown:
        raise ValidationError(f"These cannot be merged: {', '.join(sorted(unknown))}")
    before = {name: _plain(getattr(survivor, name)) for name in MERGEABLE_FIELDS}
    moved = []
    for link in links_to_person():
        rows = link.model._default_manager.filter(**{link.field: merged})
        keep = _kept_on_merged(link, rows, survivor)
        ids = list(rows.exclude(pk__in=keep.values("pk")).values_list("pk", flat=True))
        if ids:
            link.model._default_manager.filter(pk__in=ids).update(**{link.field: survivor})
            moved.append({"model": link.model._meta.label, "field": link.field, "ids": ids})
    # The merged record gives up its unique identifiers before the survivor takes them.
    merged.merged_into = survivor
    merged.save(update_fields=["merged_into"])
    for name in take_from_merged:
        setattr(survivor, name, getattr(merged, name))
    survivor.full_clean()
    claim_version(merged, expected_versions[1])
    claim_version(survivor, expected_versions[0])
    survivor.save()
    reindex_person(survivor)
    _add_merged_names_to_index(survivor, merged)
    DuplicateCandidate.objects.filter(
        person_a_id=min(survivor.pk, merged.pk), person_b_id=max(survivor.pk, merged.pk)
    ).update(status=DuplicateCandidate.Status.MERGED, decided_by=by, decided_at=timezone.now())
    merge = Merge.objects.create(
        survivor=survivor,
        merged=merged,
        merged_by=by,
        survivor_before=before,
        fields_taken=take_from_merged,
        moved=moved,
        survivor_version_after=survivor.version,
    )
    record_event(
        kind="person.merged",
        by=by,
        child=survivor,
        record=merge,
        summary=f"Merged {merged.full_name} ({merged.la_child_id}) into {survivor.full_name} ({survivor.la_child_id})",
        data={
            "merged": merged.pk,
            "fields_taken": take_from_merged,
            "rows_moved": sum(len(m["ids"]) for m in moved),
        },
    )
    return merge


def _add_merged_names_to_index(survivor: Person, merged: Person) -> None:
    """The merged record's names find the survivor too; the rows go when the merge is undone."""
    PersonName.objects.filter(person=merged).update(person=survivor, is_other_name=True)


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@transaction.atomic
def undo_merge(*, merge: Merge, by: User) -> Merge:
    """Put both records back as they were: fields, and every row that moved."""
    if merge.is_undone:
        raise ValidationError("This merge has already been undone")
    survivor, merged = merge.survivor, merge.merged
    if not by.can(Capability.MERGE_PEOPLE):
        raise PermissionDenied("Your role cannot undo merges")
    if (survivor.is_restricted or merged.is_restricted) and not by.is_manager:
        raise PermissionDenied("One of these records is restricted: a manager must undo the merge")
    if survivor.version != merge.survivor_version_after:
        raise StaleRecordError(survivor)
    for moved in merge.moved:
        model = apps.get_model(moved["model"])
        model._default_manager.filter(pk__in=moved["ids"]).update(**{moved["field"]: merged})
    field_types = {f.name: f for f in Person._meta.fields}
    for name, value in merge.survivor_before.items():
        setattr(survivor, name, field_types[name].to_python(value))
    # The merged record takes its identifiers back only once the survivor has let them go.
    claim_version(survivor, survivor.version)
    survivor.save()
    merged.merged_into = None
    merged.full_clean()
    merged.save(update_fields=["merged_into"])
    reindex_person(survivor)
    reindex_person(merged)
    DuplicateCandidate.objects.filter(
        person_a_id=min(survivor.pk, merged.pk), person_b_id=max(survivor.pk, merged.pk)
    ).update(status=DuplicateCandidate.Status.OPEN, decided_by=None, decided_at=None)
    merge.undone_at, merge.undone_by = timezone.now(), by
    merge.save(update_fields=["undone_at", "undone_by"])
    record_event(
        kind="person.merge_undone",
        by=by,
        child=survivor,
        record=merge,
        summary=f"Undid the merge of {merged.full_name} ({merged.la_child_id}) into {survivor.full_name}",
        data={"merged": merged.pk},
    )
    return merge


@transaction.atomic
def set_aside_duplicate(*, candidate: DuplicateCandidate, by: User) -> DuplicateCandidate:
    """Record that a data officer looked at the pair and they are two people."""
    if not by.can(Capability.MERGE_PEOPLE):
        raise PermissionDenied("Your role cannot decide on duplicates")
    candidate.status = DuplicateCandidate.Status.NOT_DUPLICATE
    candidate.decided_by, candidate.decided_at = by, timezone.now()
    candidate.save(update_fields=["status", "decided_by", "decided_at"])
    record_event(
        kind="person.not_duplicate",
        by=by,
        child=candidate.person_a,
        record=candidate,
        summary=f"Recorded that {candidate.person_a.full_name} and {candidate.person_b.full_name} are different people",
    )
    return candidate

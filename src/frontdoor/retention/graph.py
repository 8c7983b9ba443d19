"""Every row that belongs to one person's record, found from the models' foreign keys.

Both the subject access export and anonymisation need "everything about this
person". Listing models by hand would miss what later apps add, so the rows
are found the way merging finds them (people.merging.links_to_person), then
followed downwards: a referral's assessments, an assessment's amendments,
a plan's visits.

Two kinds of row come back:

- `own` rows are about this person alone: their referrals and everything
  under them, their warnings, the contact's row for them.
- `shared` rows are about them and others: the contact that named them and
  a sibling, the strategy discussion, the police notification, with the rows
  under those (participants, other people named). Other people's records
  live there too, so anonymisation only takes the person's names out of them.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.db.models import Q

from frontdoor.people.merging import links_to_person
from frontdoor.people.models import DuplicateCandidate, Merge, Person, PersonName
from frontdoor.records.models import AppendOnlyModel

# Reference data and configuration: never part of a person's record, even when a record points at it.
NOT_RECORDS = {
    "accounts",
    "timescales",
    "retention",
    "contacts.ThresholdLevel",
    "contacts.ThresholdCriterion",
    "contacts.FrontDoorPolicy",
    "contacts.Call",
    "contacts.CallEvent",
    "people.Professional",
    "people.Address",
    "people.PersonName",
    "people.DuplicateCandidate",
    "workforce.CaseloadPolicy",
    "workforce.SupervisionPolicy",
    "workforce.WorkerProfile",
    "quality.AuditTemplate",
    "quality.AuditQuestion",
    "quality.AuditProgramme",
    "returns",
    "insight",
}
DEPTH = 6


def is_record_model(model: type[models.Model]) -> bool:
    meta = model._meta
    return (
        meta.app_label not in NOT_RECORDS
        and meta.label not in NOT_RECORDS
        and model.__module__.startswith("frontdoor.")
        and not issubclass(model, AppendOnlyModel)
        and model not in (Person, PersonName, DuplicateCandidate)
    )


def _foreign_keys(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.get_fields()
        if isinstance(f, models.ForeignKey) and not f.auto_created  # OneToOneField is a ForeignKey
    ]


def _children_of(model: type[models.Model]) -> list[tuple[type[models.Model], str]]:
    """(model, field) for every record model with a foreign key to `model`."""
    return [
        (other, f.name)
        for other in apps.get_models()
        if is_record_model(other)
        for f in _foreign_keys(other)
        if f.related_model is model
    ]


@dataclass
class LinkedRecords:
    person: Person
    own: dict[type[models.Model], dict[int, models.Model]] = field(default_factory=lambda: defaultdict(dict))
    shared: dict[type[models.Model], dict[int, models.Model]] = field(default_factory=lambda: defaultdict(dict))

    def rows(self, which: str = "all") -> Iterator[models.Model]:
        groups = [self.own] if which == "own" else [self.shared] if which == "shared" else [self.own, self.shared]
        for group in groups:
            for rows in group.values():
                yield from rows.values()

    def other_people(self) -> list[Person]:
        """Everyone else these rows point at: family members, other children on a contact."""
        ids = {
            getattr(row, f.attname)
            for row in self.rows()
            for f in _foreign_keys(type(row))
            if f.related_model is Person and getattr(row, f.attname) not in (None, self.person.pk)
        }
        return list(Person.objects.filter(pk__in=ids))


def linked_records(person: Person) -> LinkedRecords:
    found = LinkedRecords(person=person)
    # A merged record's rows moved to the survivor, but its name may still be on rows that stayed.
    people = [person.pk, *person.merged_people.values_list("pk", flat=True)]
    for link in links_to_person():
        if not is_record_model(link.model):
            continue
        for row in link.model._default_manager.filter(**{f"{link.field}__in": people}):
            found.own[link.model][row.pk] = row
    # Merging skips its own records when it looks for links; their before-images hold the person's details.
    for merge in Merge.objects.filter(Q(survivor_id__in=people) | Q(merged_id__in=people)):
        found.own[Merge][merge.pk] = merge
    _walk_down(found.own, found.own, depth=DEPTH)
    # Upwards one step: the contact above the person's contact row, the discussion above their decision.
    for row in list(found.rows("own")):
        for f in _foreign_keys(type(row)):
            parent_model = f.related_model
            parent_id = getattr(row, f.attname)
            if not isinstance(parent_model, type) or parent_id is None or not is_record_model(parent_model):
                continue
            if parent_id in found.own.get(parent_model, {}):
                continue
            parent = parent_model._default_manager.filter(pk=parent_id).first()
            if parent is not None:
                found.shared[parent_model][parent.pk] = parent
    # And what hangs off those shared rows: the participants, the other people named.
    _walk_down(found.shared, found.shared, depth=1, skip=found.own)
    return found


def _walk_down(
    start: dict[type[models.Model], dict[int, models.Model]],
    into: dict[type[models.Model], dict[int, models.Model]],
    *,
    depth: int,
    skip: dict[type[models.Model], dict[int, models.Model]] | None = None,
) -> None:
    frontier = {model: set(rows) for model, rows in start.items() if rows}
    for _ in range(depth):
        next_frontier: dict[type[models.Model], set[int]] = defaultdict(set)
        for model, ids in frontier.items():
            for child_model, field_name in _children_of(model):
                for row in child_model._default_manager.filter(**{f"{field_name}__in": ids}):
                    if row.pk in into[child_model] or (skip and row.pk in skip.get(child_model, {})):
                        continue
                    into[child_model][row.pk] = row
                    next_frontier[child_model].add(row.pk)
        if not next_frontier:
            return
        frontier = next_frontier

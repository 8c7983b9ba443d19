"""When each person's record has been kept long enough (domain.md §13.3).

A record falls in every class its history puts it in (a child in need who
was on a child protection plan is both), and is kept to the latest of their
dates. A parent or carer is kept while any child they care for is kept;
brothers and sisters are kept each for their own record. A date that cannot
be worked out (no date of birth) keeps the record: it is never due.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Q
from django.utils import timezone

from frontdoor.casework.models import Assessment, Referral
from frontdoor.codes import ReasonForClosure
from frontdoor.contacts.models import Contact, ContactChild
from frontdoor.earlyhelp.models import EarlyHelpEpisode, EarlyHelpRequest
from frontdoor.people.models import Person, Relationship, RelationshipKind
from frontdoor.protection.models import ChildProtectionPlan
from frontdoor.records.models import Event
from frontdoor.retention.models import DEFAULT_RULES, RecordClass, RetentionRule
from frontdoor.timescales.clocks import add_months

CSC, CP = RecordClass.CHILDRENS_SOCIAL_CARE, RecordClass.CHILD_PROTECTION
LAC, ADOPTION = RecordClass.LOOKED_AFTER, RecordClass.ADOPTION

# A row (adult, relative, CHILD) says the relative is the adult's child: the adult is kept while the child is.
CARED_FOR_KINDS = [
    RelationshipKind.CHILD,
    RelationshipKind.STEP_CHILD,
    RelationshipKind.CARED_FOR,
    RelationshipKind.GRANDCHILD,
]

# Care Planning, Placement and Case Review (England) Regulations 2010, reg 50: a looked-after
# child who dies before 18 has their record kept 15 years from the death, not to the 75th anniversary.
YEARS_AFTER_A_CHILDS_DEATH = 15


@dataclass(frozen=True)
class Retention:
    record_class: RecordClass
    retain_until: date | None

    def is_due_on(self, day: date) -> bool:
        return self.retain_until is not None and self.retain_until <= day


def current_rules() -> dict[RecordClass, RetentionRule]:
    """The council's rules, with the defaults put back for any class that has none."""
    rules = {RecordClass(rule.record_class): rule for rule in RetentionRule.objects.all()}
    for record_class, (years, basis) in DEFAULT_RULES.items():
        if record_class not in rules:
            rules[record_class], _ = RetentionRule.objects.get_or_create(
                record_class=record_class, defaults={"years": years, "basis": basis}
            )
    return rules


def years_after(day: date | None, years: int) -> date | None:
    return add_months(day, 12 * years) if day else None


def _classes(ids: list[int]) -> dict[str, dict[int, date | None]]:
    """For each class beyond the default, the people in it and the class's anchor date where it has one."""
    protection = Referral.objects.filter(person_id__in=ids).filter(
        Q(section_47s__isnull=False) | Q(cp_plans__isnull=False)
    )
    looked_after = {
        *Assessment.objects.filter(referral__person_id__in=ids, outcome=Assessment.Outcome.LOOKED_AFTER).values_list(
            "referral__person_id", flat=True
        ),
        *ChildProtectionPlan.objects.filter(
            referral__person_id__in=ids, end_reason=ChildProtectionPlan.EndReason.LOOKED_AFTER
        ).values_list("referral__person_id", flat=True),
    }
    adopted = (
        Referral.objects.filter(person_id__in=ids, closure_reason=ReasonForClosure.ADOPTED)
        .values("person_id")
        .annotate(order=Max("closed_on"))
    )
    return {
        RecordClass.CHILD_PROTECTION: dict.fromkeys(protection.values_list("person_id", flat=True)),
        RecordClass.LOOKED_AFTER: dict.fromkeys(looked_after),
        # The adoption order's date is not recorded; the episode closed as "adopted" on the order.
        RecordClass.ADOPTION: {row["person_id"]: row["order"] for row in adopted},
    }


def last_involvement(ids: list[int]) -> dict[int, date]:
    """The day of each person's latest event: every service writes one, so it is their last involvement."""
    latest = Event.objects.filter(child_id__in=ids).values("child_id").annotate(last=Max("occurred_at"))
    return {row["child_id"]: timezone.localdate(row["last"]) for row in latest}


def own_retention(people: Iterable[Person], rules: dict[RecordClass, RetentionRule]) -> dict[int, Retention]:
    """Each person's retention from their own record alone."""
    people = list(people)
    ids = [person.pk for person in people]
    classes = _classes(ids)
    last = last_involvement(ids)
    result = {}
    for person in people:
        years = {record_class: rule.years for record_class, rule in rules.items()}
        dates = [(years_after(person.date_of_birth, years[CSC]), CSC)]
        if person.pk in classes[CP]:
            dates.append((years_after(last.get(person.pk), years[CP]), CP))
        if person.pk in classes[LAC]:
            dates.append((_looked_after_until(person, years[LAC]), LAC))
        if person.pk in classes[ADOPTION]:
            dates.append((years_after(classes[ADOPTION][person.pk], years[ADOPTION]), ADOPTION))
        if any(day is None for day, _ in dates):
            unknown = next(record_class for day, record_class in dates if day is None)
            result[person.pk] = Retention(unknown, None)
        else:
            day, record_class = max(dates, key=lambda pair: pair[0] or date.min)
            result[person.pk] = Retention(record_class, day)
    return result


def _looked_after_until(person: Person, years: int) -> date | None:
    death = person.date_of_death
    age_at_death = person.age_on(death) if death else None
    if death and age_at_death is not None and age_at_death < 18:
        return years_after(death, YEARS_AFTER_A_CHILDS_DEATH)
    return years_after(person.date_of_birth, years)


def retention_for(people: list[Person], rules: dict[RecordClass, RetentionRule]) -> dict[int, Retention]:
    """Each person's retention, a parent's or carer's kept as long as that of any child they care for."""
    wanted = {person.pk for person in people}
    own = own_retention(people, rules)
    relatives: dict[int, set[int]] = defaultdict(set)
    cared_for = Relationship.objects.filter(person_id__in=list(own), kind__in=CARED_FOR_KINDS)
    for person_id, relative_id in cared_for.values_list("person_id", "relative_id"):
        relatives[person_id].add(relative_id)
    missing = {r for ids in relatives.values() for r in ids} - set(own)
    if missing:
        own |= own_retention(Person.objects.filter(pk__in=missing), rules)
    result = {}
    for person_id, retention in own.items():
        if person_id not in wanted:
            continue
        linked = [own[r] for r in relatives[person_id] if r in own]
        if retention.retain_until is None or any(r.retain_until is None for r in linked):
            result[person_id] = Retention(retention.record_class, None)
            continue
        longest = max([retention, *linked], key=lambda r: r.retain_until or date.min)
        result[person_id] = Retention(retention.record_class, longest.retain_until)
    return result


def open_work(ids: list[int]) -> set[int]:
    """People with work still open: a contact, a referral or early help. Their records are not reviewed."""
    return {
        *ContactChild.objects.filter(person_id__in=ids)
        .exclude(contact__status=Contact.Status.CLOSED)
        .values_list("person_id", flat=True),
        *Referral.objects.filter(person_id__in=ids, closed_on__isnull=True).values_list("person_id", flat=True),
        *EarlyHelpEpisode.objects.filter(person_id__in=ids)
        .exclude(status=EarlyHelpEpisode.Status.CLOSED)
        .values_list("person_id", flat=True),
        *EarlyHelpRequest.objects.filter(person_id__in=ids, status=EarlyHelpRequest.Status.OPEN).values_list(
            "person_id", flat=True
        ),
    }

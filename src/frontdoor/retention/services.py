"""Every write of the retention app: the rules, the review job, the decisions, the subject access export."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from frontdoor.accounts.access import require_capability
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.people.models import Person
from frontdoor.records.concurrency import claim_version
from frontdoor.records.services import log_access, record_event
from frontdoor.retention import anonymise, rules
from frontdoor.retention.models import MINIMUM_YEARS, RecordClass, RetentionReview, RetentionRule
from frontdoor.retention.sar import build_export
from frontdoor.timescales.clocks import add_months

# People are looked at this many at a time, so the large council's review runs in bounded memory.
BATCH = 1000


@transaction.atomic
def update_retention_rule(*, rule: RetentionRule, by: User, expected_version: int, years: int) -> RetentionRule:
    """Change how many years one class of record is kept; statutory minimums cannot be shortened."""
    require_capability(by, Capability.MANAGE_COUNCIL, "Your role cannot change the council's retention rules")
    claim_version(rule, expected_version)
    record_class = RecordClass(rule.record_class)
    minimum = MINIMUM_YEARS.get(record_class, 1)
    if years < minimum:
        raise ValidationError({"years": f"The law sets at least {minimum} years for this kind of record"})
    before = rule.years
    rule.years = years
    rule.full_clean()
    rule.save()
    record_event(
        kind="retention.rule_changed",
        by=by,
        record=rule,
        summary=f"Changed retention of {record_class.label.lower()} from {before} to {years} years",
        data={"record_class": record_class.value, "from": before, "to": years},
    )
    return rule


@dataclass(frozen=True)
class ReviewReport:
    looked_at: int
    open_work: int
    newly_due: int


@transaction.atomic
def find_records_due(*, today: date, by: User | None = None) -> ReviewReport:
    """Queue every record past its retention date for a manager's review. Changes nothing in the records."""
    current = rules.current_rules()
    # Nobody is due before the default period from birth has passed, which narrows the search in SQL.
    born_by = add_months(today, -12 * current[RecordClass.CHILDRENS_SOCIAL_CARE].years)
    decided = RetentionReview.objects.filter(
        Q(status__in=[RetentionReview.Status.DUE, RetentionReview.Status.HELD, RetentionReview.Status.ANONYMISED])
        | Q(status=RetentionReview.Status.DEFERRED, keep_until__gt=today)
    ).values("person_id")
    candidates = (
        Person.objects.filter(merged_into__isnull=True, date_of_birth__lte=born_by)
        .exclude(pk__in=decided)
        .order_by("pk")
    )
    looked_at = open_count = 0
    reviews = []
    last_pk = 0
    while batch := list(candidates.filter(pk__gt=last_pk)[:BATCH]):
        last_pk = batch[-1].pk
        looked_at += len(batch)
        retention = rules.retention_for(batch, current)
        due = {
            person.pk: retention[person.pk].retain_until for person in batch if retention[person.pk].is_due_on(today)
        }
        still_open = rules.open_work(list(due))
        open_count += len(still_open)
        reviews += [
            RetentionReview(
                person_id=pk,
                record_class=retention[pk].record_class,
                retain_until=until,
            )
            for pk, until in due.items()
            if until is not None and pk not in still_open
        ]
    RetentionReview.objects.bulk_create(reviews)
    record_event(
        kind="retention.reviewed",
        by=by,
        summary=f"Found {len(reviews)} record{'' if len(reviews) == 1 else 's'} newly due for retention review, "
        f"of {looked_at} looked at",
        data={"looked_at": looked_at, "open_work": open_count, "newly_due": len(reviews), "today": today.isoformat()},
    )
    return ReviewReport(looked_at=looked_at, open_work=open_count, newly_due=len(reviews))


def _claim_due(review: RetentionReview, by: User) -> RetentionReview:
    require_capability(by, Capability.MANAGE_RETENTION, "Your role cannot decide on records due for retention review")
    current = RetentionReview.objects.select_for_update().get(pk=review.pk)
    if current.status != RetentionReview.Status.DUE:
        decider = current.decided_by.display_name if current.decided_by else "Someone"
        raise ValidationError(f"{decider} has already decided on this record: {current.get_status_display().lower()}")
    return current


@transaction.atomic
def keep_record(*, review: RetentionReview, by: User, until: date, reason: str) -> RetentionReview:
    """Keep a record past its date for now, with the reason and the day to look at it again."""
    review = _claim_due(review, by)
    problems = {}
    if until <= timezone.localdate():
        problems["until"] = "The date to look again must be in the future"
    if not reason.strip():
        problems["reason"] = "Enter why the record is kept"
    if problems:
        raise ValidationError(problems)
    review.status, review.keep_until, review.reason = RetentionReview.Status.DEFERRED, until, reason.strip()
    review.decided_by, review.decided_at = by, timezone.now()
    review.save()
    record_event(
        kind="retention.kept",
        by=by,
        child=review.person,
        record=review,
        summary=f"Kept past its retention date until {until:%-d %B %Y}",
    )
    return review


@transaction.atomic
def place_legal_hold(*, review: RetentionReview, by: User, reason: str) -> RetentionReview:
    """Hold a record for an inquiry or legal proceedings: it is not reviewed again while the hold stands."""
    review = _claim_due(review, by)
    if not reason.strip():
        raise ValidationError({"reason": "Enter the inquiry or proceedings the record is held for"})
    review.status, review.reason = RetentionReview.Status.HELD, reason.strip()
    review.decided_by, review.decided_at = by, timezone.now()
    review.save()
    record_event(kind="retention.held", by=by, child=review.person, record=review, summary="Placed a legal hold")
    return review


@transaction.atomic
def anonymise_person(*, review: RetentionReview, by: User, confirmed: bool) -> RetentionReview:
    """Anonymise the person's record for good, once a manager has confirmed it. Cannot be undone."""
    if not confirmed:
        raise ValidationError({"confirmed": "Confirm that the record is to be anonymised"})
    review = _claim_due(review, by)
    person = review.person
    if rules.open_work([person.pk]):
        raise ValidationError("The record has open work again: it cannot be anonymised")
    retention = rules.retention_for([person], rules.current_rules())[person.pk]
    if not retention.is_due_on(timezone.localdate()):
        raise ValidationError("The record is no longer past its retention date: keep it for now instead")
    counts = anonymise.anonymise_record(person)
    review.status = RetentionReview.Status.ANONYMISED
    review.decided_by, review.decided_at = by, timezone.now()
    review.save()
    # No personal data in the event: the record's number, its class and how much changed.
    record_event(
        kind="retention.anonymised",
        by=by,
        child=person,
        record=review,
        summary=f"Anonymised at the end of its retention period ({RecordClass(review.record_class).label.lower()})",
        data={"record_class": review.record_class, **counts},
    )
    return review


@transaction.atomic
def export_subject_access(*, person: Person, by: User, path: str = "") -> bytes:
    """A zip of the person's whole record for a subject access request, third parties marked for redaction."""
    require_capability(by, Capability.HANDLE_SUBJECT_ACCESS, "Your role cannot export records for subject access")
    if person.merged_into_id:
        raise PermissionDenied("This record was merged: export the record it was merged into")
    export = build_export(person, by=by)
    log_access(user=by, child=person, viewed="subject access export", path=path)
    record_event(
        kind="subject_access.exported",
        by=by,
        child=person,
        summary=f"Exported the record for a subject access request ({export.record_count} records)",
        data={"records": export.record_count, "third_parties_marked": export.marked},
    )
    return export.content

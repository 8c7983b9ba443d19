"""Quality assurance of closed contacts: a weekly random sample, reviewed by QA officers."""

import math
import random
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Capability
from frontdoor.contacts.models import Contact, FrontDoorPolicy, QualitySample
from frontdoor.records.services import record_event


def week_starting(day: date) -> date:
    return day - timedelta(days=day.weekday())


@transaction.atomic
def draw_quality_sample(*, week_start: date, by: User | None = None) -> list[QualitySample]:
    """Sample the council's share of the contacts closed in one week (Monday to Sunday).

    The draw is random but repeatable: the same week always gives the same
    contacts, so drawing twice samples nothing new.
    """
    if week_start.weekday() != 0:
        raise ValidationError("A sample week starts on a Monday")
    if QualitySample.objects.filter(week_starting=week_start).exists():
        return list(QualitySample.objects.filter(week_starting=week_start))
    zone = timezone.get_current_timezone()
    start = datetime.combine(week_start, time.min, tzinfo=zone)
    closed = list(
        Contact.objects.filter(
            status=Contact.Status.CLOSED, closed_at__gte=start, closed_at__lt=start + timedelta(days=7)
        )
        .order_by("id")
        .values_list("id", flat=True)
    )
    share = FrontDoorPolicy.load().qa_sample_percent / 100
    chosen = random.Random(week_start.toordinal()).sample(closed, math.ceil(len(closed) * share))  # noqa: S311
    samples = QualitySample.objects.bulk_create(
        QualitySample(contact_id=contact_id, week_starting=week_start) for contact_id in sorted(chosen)
    )
    record_event(
        kind="quality.sample_drawn",
        by=by,
        summary=f"Drew {len(samples)} of {len(closed)} contacts closed in the week of {week_start:%-d %B %Y} "
        "for review",
        data={"week_starting": week_start.isoformat(), "sampled": len(samples), "closed": len(closed)},
    )
    return samples


@transaction.atomic
def review_sample(*, sample: QualitySample, by: User, verdict: str, comment: str) -> QualitySample:
    if not by.can(Capability.REVIEW_QUALITY):
        raise PermissionDenied("Your role cannot review decisions for quality assurance")
    if verdict not in QualitySample.Verdict.values:
        raise ValidationError({"verdict": "Say whether you agree with the decision"})
    if verdict == QualitySample.Verdict.DISAGREE and not comment.strip():
        raise ValidationError({"comment": "Say why you disagree"})
    sample.verdict, sample.comment, sample.reviewed_by, sample.reviewed_at = (
        verdict,
        comment.strip(),
        by,
        timezone.now(),
    )
    sample.save(update_fields=["verdict", "comment", "reviewed_by", "reviewed_at"])
    record_event(
        kind="quality.sample_reviewed",
        by=by,
        record=sample,
        summary=f"Reviewed contact {sample.contact.reference}: {sample.get_verdict_display().lower()}",
    )
    return sample


def samples_to_review() -> QuerySet[QualitySample]:
    return QualitySample.objects.select_related("contact", "reviewed_by").order_by(
        "reviewed_at", "-week_starting", "id"
    )

"""Reads for the retention pages."""

from django.db.models import Count, QuerySet

from frontdoor.records.models import Event
from frontdoor.retention.models import RetentionReview


def due_reviews() -> QuerySet[RetentionReview]:
    return RetentionReview.objects.filter(status=RetentionReview.Status.DUE).select_related("person")


def decided_counts() -> dict[str, int]:
    rows = RetentionReview.objects.exclude(status=RetentionReview.Status.DUE).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def recent_decisions() -> QuerySet[RetentionReview]:
    return (
        RetentionReview.objects.exclude(status=RetentionReview.Status.DUE)
        .select_related("person", "decided_by")
        .order_by("-decided_at")
    )


def last_review_run() -> Event | None:
    return Event.objects.filter(kind="retention.reviewed").first()

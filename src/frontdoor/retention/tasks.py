from django.tasks import task
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.retention.services import find_records_due


@task()
def retention_review_task(*, requested_by: int | None = None) -> dict[str, int]:
    """The retention review, queued from the review page (django.tasks; run by the worker)."""
    by = User.objects.filter(pk=requested_by).first() if requested_by else None
    report = find_records_due(today=timezone.localdate(), by=by)
    return dict(report.__dict__)

from datetime import date

from django.tasks import task
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.insight.services import refresh_summary


@task()
def refresh_summary_task(
    *, requested_by: int | None = None, since: str | None = None, rebuild: bool = False
) -> dict[str, object]:
    """Recount the dashboards' daily summary on the task worker (django.tasks), as `frontdoor refresh_insight`."""
    by = User.objects.filter(pk=requested_by).first() if requested_by else None
    report = refresh_summary(
        today=timezone.localdate(), by=by, since=date.fromisoformat(since) if since else None, rebuild=rebuild
    )
    first_day = report.first_day.isoformat() if report.first_day else None
    return {**report.__dict__, "first_day": first_day, "last_day": report.last_day.isoformat()}

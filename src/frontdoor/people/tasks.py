from django.tasks import task

from frontdoor.accounts.models import User
from frontdoor.people.duplicates import find_duplicates


@task()
def find_duplicates_task(*, requested_by: int | None = None) -> dict[str, object]:
    """Sweep the people index for likely duplicates (django.tasks; run by the worker)."""
    by = User.objects.filter(pk=requested_by).first() if requested_by else None
    report = find_duplicates(by=by)
    return {k: v for k, v in report.__dict__.items() if k != "pairs"}

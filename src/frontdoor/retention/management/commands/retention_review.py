from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from frontdoor.retention.services import find_records_due


class Command(BaseCommand):
    help = (
        "List every record past its retention date for a manager's review (run nightly from cron). "
        "Nothing is anonymised or deleted: a manager confirms each record on the review page."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = find_records_due(today=timezone.localdate())
        self.stdout.write(
            f"Looked at {report.looked_at:,} people past the default retention age: "
            f"{report.newly_due:,} newly due for review, {report.open_work:,} kept because work is open"
        )

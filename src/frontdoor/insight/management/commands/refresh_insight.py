from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from frontdoor.insight.services import RECOUNT_DAYS, refresh_summary
from frontdoor.insight.tasks import refresh_summary_task


class Command(BaseCommand):
    help = (
        "Recount the dashboards' daily summary (run nightly from cron). By default it recounts the days not yet "
        f"settled, about the last {RECOUNT_DAYS}, and builds the whole summary where there is none."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        chosen = parser.add_mutually_exclusive_group()
        chosen.add_argument("--days", type=int, help="Recount only the last N days, today included.")
        chosen.add_argument(
            "--all", action="store_true", dest="rebuild", help="Recount everything from the first record."
        )
        parser.add_argument(
            "--queue", action="store_true", help="Leave the recount to the task worker instead of running it here."
        )

    def handle(self, *args: Any, days: int | None, rebuild: bool, queue: bool, **options: Any) -> None:
        if days is not None and days < 1:
            raise CommandError("--days must be 1 or more")
        today = timezone.localdate()
        since = today - timedelta(days=days - 1) if days is not None else None
        if queue:
            refresh_summary_task.enqueue(since=since.isoformat() if since else None, rebuild=rebuild)
            self.stdout.write("The recount is queued for the task worker.")
            return
        report = refresh_summary(today=today, since=since, rebuild=rebuild)
        start = "the first record" if report.first_day is None else f"{report.first_day:%d/%m/%Y}"
        self.stdout.write(
            f"Recounted {report.counted} indicator figures from {start} to {report.last_day:%d/%m/%Y}: "
            f"{report.rows:,} days with records, in {report.seconds} s"
        )

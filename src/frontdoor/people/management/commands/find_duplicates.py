from typing import Any

from django.core.management.base import BaseCommand

from frontdoor.people.duplicates import find_duplicates


class Command(BaseCommand):
    help = "Sweep the whole people index for likely duplicates and queue them (run nightly from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = find_duplicates()
        self.stdout.write(
            f"Looked at {report.people:,} people, compared {report.pairs_compared:,} pairs, "
            f"found {report.pairs_found:,} likely duplicates ({report.new_pairs:,} new) in {report.seconds} s"
        )

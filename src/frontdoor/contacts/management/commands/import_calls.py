from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.accounts.models import User
from frontdoor.contacts.calls import import_call_log


class Command(BaseCommand):
    help = (
        "Import a telephony call log (CSV with the columns call_id,started,answered,ended,queue,agent,transfers). "
        "Nothing is imported if any line is wrong; calls already imported are skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The call log, a CSV file")
        parser.add_argument(
            "--by", metavar="USERNAME", help="Who the import is recorded against (by default, the system)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        by = None
        if options["by"]:
            by = User.objects.filter(username=options["by"]).first()
            if by is None:
                raise CommandError(f"There is no user {options['by']}")
        try:
            with path.open("rb") as file:
                report = import_call_log(file=file, by=by)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        if not report.ok:
            for problem in report.errors:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{report.bad_lines:,} line(s) of {path} have problems, listed above: nothing was imported"
            )
        self.stdout.write(
            f"Imported {report.imported:,} calls from {path}; {report.already_imported:,} were already there"
            + (f"; {report.flagged:,} flagged (a time in the hour the clocks changed)" if report.flagged else "")
        )

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from frontdoor.accounts.models import User
from frontdoor.partners.imports import import_notifications


class Command(BaseCommand):
    help = (
        "Import the police's notifications file (the CSV the upload page takes), for a nightly job. "
        "Nothing is imported if any line is wrong; notifications already held (by police reference) are skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The notifications, a CSV file")
        parser.add_argument("--by", metavar="USERNAME", required=True, help="Who the import is recorded against")

    def handle(self, *args: Any, file: Path, by: str, **options: Any) -> None:
        user = User.objects.filter(username=by, is_active=True).first()
        if user is None:
            raise CommandError(f"There is no active user {by}")
        try:
            with file.open("rb") as data:
                report = import_notifications(file=data, by=user)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        except PermissionDenied as error:
            raise CommandError(f"{by} cannot import police notifications: {error}") from None
        if not report.ok:
            for problem in report.errors:
                self.stderr.write(problem)
            raise CommandError(f"{len(report.errors):,} problem(s) in {file}, listed above: nothing was imported")
        self.stdout.write(
            f"Received {report.received:,} notifications from {file}"
            + (f"; {len(report.repeated):,} were already held" if report.repeated else "")
        )

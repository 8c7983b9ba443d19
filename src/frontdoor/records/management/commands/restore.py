from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from frontdoor.records.backup import BackupError, restore_database


class Command(BaseCommand):
    help = (
        "Replace the database with a backup made by `frontdoor backup`. Stop the web service and the task "
        "workers first. A database that already has tables is replaced only with --yes."
    )
    # The model checks query the database, which may be busy, empty or about to be replaced.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The backup file")
        parser.add_argument("--yes", action="store_true", help="Replace a database that already has data")
        parser.add_argument(
            "--by", metavar="USERNAME", help="Who the restore is recorded against, looked up in the restored database"
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="The database to restore (a settings alias)")

    def handle(self, *args: Any, file: Path, yes: bool, by: str | None, database: str, **options: Any) -> None:
        try:
            event = restore_database(source=file, by_username=by, replace=yes, using=database)
        except (BackupError, OSError) as error:
            raise CommandError(f"Nothing was restored. {error}") from None
        self.stdout.write(f"Restored the database from {file} (sha256 {event.data['sha256']}); event {event.pk}")

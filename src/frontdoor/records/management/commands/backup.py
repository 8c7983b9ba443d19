from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from frontdoor.records.backup import BackupError, backup_database, backup_file_name


class Command(BaseCommand):
    help = (
        "Back up the whole database to one file: SQLite's online backup, or pg_dump's custom format for "
        "PostgreSQL. Safe while the service runs. The file holds every child's record: keep it as safe as the database."
    )
    # The model checks query the database, which may be busy, empty or about to be replaced.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("--out", type=Path, metavar="FILE", help="The file to write")
        where.add_argument(
            "--dir",
            dest="into",
            type=Path,
            metavar="DIR",
            help="A folder to write frontdoor-<UTC time>.<sqlite3|dump> into",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="The database to back up (a settings alias)")

    def handle(self, *args: Any, out: Path | None, into: Path | None, database: str, **options: Any) -> None:
        if out is None:
            assert into is not None
            out = into / backup_file_name(using=database)
        try:
            backup = backup_database(out=out, using=database)
        except (BackupError, OSError) as error:
            raise CommandError(f"Nothing was backed up. {error}") from None
        self.stdout.write(f"Backed up the database to {backup.path} ({backup.size:,} bytes, sha256 {backup.sha256})")

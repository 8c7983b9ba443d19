"""Whole-database backup and restore: `frontdoor backup` and `frontdoor restore`.

SQLite is copied with its online backup API, so a backup taken while the service runs is consistent.
PostgreSQL is dumped with `pg_dump --format=custom` and restored with `pg_restore` in one transaction,
so a restore that fails part way leaves the database as it was.

A backup holds every child's record: it is written readable by its owner only, and under a temporary
name until it is complete, so a half-written file never sits where a good one is expected.
"""

import getpass
import hashlib
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.utils import timezone

from frontdoor.accounts.models import User
from frontdoor.records.models import Event
from frontdoor.records.services import record_event

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a SQLite backup or restore waits for other connections to let go of the database.
SQLITE_BUSY_SECONDS = 30
PG_DUMP_HEADER = b"PGDMP"
EXTENSIONS = {"sqlite": "sqlite3", "postgresql": "dump"}
# Options in DATABASES[...]["OPTIONS"] that libpq also reads from the environment.
LIBPQ_OPTIONS = {
    "service": "PGSERVICE",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
}


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why, and the database is unchanged."""


@dataclass(frozen=True)
class Backup:
    path: Path
    vendor: str
    size: int
    sha256: str


def backup_file_name(*, using: str = DEFAULT_DB_ALIAS) -> str:
    """A name that sorts by time, with the extension of the database's kind of backup."""
    vendor = _vendor(using)
    return f"frontdoor-{timezone.now():%Y%m%dT%H%M%SZ}.{EXTENSIONS[vendor]}"


def backup_database(*, out: Path, using: str = DEFAULT_DB_ALIAS) -> Backup:
    """Copy the whole database to the file `out`, replacing any file of that name only when the copy is good."""
    vendor = _vendor(using)
    out.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    # Created owner-only before anything is written into it: pg_dump and SQLite keep an existing file's mode.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        if vendor == "sqlite":
            _sqlite_backup(using, partial)
        else:
            _pg_dump(using, partial)
        _check_backup(partial, vendor)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(out)
    return describe_backup(out)


def describe_backup(path: Path) -> Backup:
    with path.open("rb") as file:
        vendor = "sqlite" if file.read(len(SQLITE_HEADER)) == SQLITE_HEADER else "postgresql"
        file.seek(0)
        sha256 = hashlib.file_digest(file, "sha256").hexdigest()
    return Backup(path=path, vendor=vendor, size=path.stat().st_size, sha256=sha256)


def database_tables(*, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    try:
        with connections[using].cursor() as cursor:
            return connections[using].introspection.table_names(cursor)
    except DatabaseError as error:
        raise BackupError(f"Cannot reach the database: {error}") from None


def restore_database(
    *, source: Path, by_username: str | None = None, replace: bool = False, using: str = DEFAULT_DB_ALIAS
) -> Event:
    """Replace the database with the backup in `source`, then record who restored what.

    Refuses a database that has tables unless `replace` is true. `by_username` is looked up in the
    restored database, since the people in it are the ones the record should name.
    """
    vendor = _vendor(using)
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}")
    _check_backup(source, vendor)
    if not replace and (tables := database_tables(using=using)):
        raise BackupError(
            f"The database already has {len(tables)} tables; restoring replaces everything in it. "
            "Run again with --yes to go ahead."
        )
    backup = describe_backup(source)
    if vendor == "sqlite":
        _sqlite_restore(using, source)
    else:
        _pg_restore(using, source)
    return _record_restore(backup=backup, by_username=by_username, using=using)


def _record_restore(*, backup: Backup, by_username: str | None, using: str) -> Event:
    by = User.objects.using(using).filter(username=by_username).first() if by_username else None
    with transaction.atomic(using=using):
        return record_event(
            kind="database.restored",
            by=by,
            using=using,
            summary=f"Database restored from the backup {backup.path.name}",
            data={
                "file": str(backup.path),
                "size": backup.size,
                "sha256": backup.sha256,
                "by_username": by_username or "",
                # The operating system account, for a restore run by no one with a Front Door login.
                "os_user": getpass.getuser(),
            },
        )


def _vendor(using: str) -> str:
    vendor = connections[using].vendor
    if vendor not in EXTENSIONS:
        raise BackupError(f"Backups of a {vendor} database are not supported; use SQLite or PostgreSQL")
    return vendor


def _check_backup(path: Path, vendor: str) -> None:
    """Refuse anything that is not a whole, readable backup of this kind of database, before it is used."""
    with path.open("rb") as file:
        header = file.read(len(SQLITE_HEADER))
    if vendor == "sqlite":
        if not header.startswith(SQLITE_HEADER):
            kind = "a PostgreSQL backup" if header.startswith(PG_DUMP_HEADER) else "not a SQLite backup"
            raise BackupError(f"{path} is {kind}; the database is SQLite")
        _check_sqlite_file(path)
    else:
        if not header.startswith(PG_DUMP_HEADER):
            kind = "a SQLite backup" if header.startswith(SQLITE_HEADER) else "not a pg_dump custom-format backup"
            raise BackupError(f"{path} is {kind}; the database is PostgreSQL")
        _run([_pg_tool("pg_restore"), "--list", str(path)], env=dict(os.environ), doing=f"read {path}")


def _check_sqlite_file(path: Path) -> None:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as database:
            (result,) = database.execute("PRAGMA quick_check").fetchone()
            tables = {name for (name,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} cannot be read as a SQLite backup: {error}") from None
    if result != "ok":
        raise BackupError(f"{path} is damaged: {result}")
    if not {"django_migrations", Event._meta.db_table} <= tables:
        raise BackupError(f"{path} is a SQLite database but not a Front Door backup")


def _sqlite_connection(using: str) -> sqlite3.Connection:
    connection = connections[using]
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _sqlite_backup(using: str, out: Path) -> None:
    try:
        with closing(sqlite3.connect(out)) as target:
            _sqlite_connection(using).backup(target, progress=_give_up_when_busy())
            # The live database runs in WAL mode; a backup file should be one self-contained file.
            target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise BackupError(f"Could not back up the database: {error}") from None


def _sqlite_restore(using: str, source: Path) -> None:
    if connections[using].in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction")
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as backup:
            # One step copies every page in one write transaction: all or nothing.
            backup.backup(_sqlite_connection(using), progress=_give_up_when_busy())
    except sqlite3.OperationalError as error:
        raise BackupError(
            f"Could not restore the database ({error}): stop the web service and task workers, then try again"
        ) from None


def _give_up_when_busy() -> Callable[[int, int, int], None]:
    """sqlite3's backup retries a locked database for ever; stop after a while and say why."""
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise sqlite3.OperationalError(f"the database stayed locked for {SQLITE_BUSY_SECONDS} seconds")

    return progress


def _pg_tool(name: str) -> str:
    if path := shutil.which(name):
        return path
    raise BackupError(
        f"{name} is not on the PATH. Install the PostgreSQL client tools of the server's major version "
        "(on Debian: apt-get install postgresql-client)."
    )


def _pg_environment(settings: dict[str, Any]) -> dict[str, str]:
    """Connection details for pg_dump and pg_restore, as libpq reads them: the password stays off the command line."""
    env = dict(os.environ)
    for key, variable in {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}.items():
        if value := settings.get(key):
            env[variable] = str(value)
    for option, variable in LIBPQ_OPTIONS.items():
        if value := settings.get("OPTIONS", {}).get(option):
            env[variable] = str(value)
    return env


def _pg_dump(using: str, out: Path) -> None:
    settings = connections[using].settings_dict
    command = [_pg_tool("pg_dump"), "--format=custom", f"--file={out}", f"--dbname={settings['NAME']}"]
    _run(command, env=_pg_environment(settings), doing="back up the database")


def _pg_restore(using: str, source: Path) -> None:
    connection = connections[using]
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction")
    # Our own idle session would hold no locks, but close it so pg_restore is the only one at work.
    connection.close()
    command = [
        _pg_tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        # One transaction: a restore that fails part way leaves the database as it was.
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={connection.settings_dict['NAME']}",
        str(source),
    ]
    _run(command, env=_pg_environment(connection.settings_dict), doing="restore the database")


def _run(command: list[str], *, env: dict[str, str], doing: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        detail = result.stderr.strip() or result.stdout.strip() or f"exit status {result.returncode}"
        raise BackupError(f"Could not {doing}: {detail}")

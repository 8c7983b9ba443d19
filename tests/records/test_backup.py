"""Backup and restore, on whichever database the suite runs on (SQLite or PostgreSQL).

A backup is restored into a second, empty database of the same kind, so the test database the
other tests share is only ever read. The tests are transactional: pg_dump runs in another process
and sees only committed rows.
"""

import hashlib
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings

from frontdoor.people.models import Person
from frontdoor.records.backup import BackupError, backup_database, restore_database
from frontdoor.records.models import Event
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)

SPARE = "restore_target"


@pytest.fixture
def spare_database(transactional_db: None, tmp_path: Path) -> Iterator[str]:
    """An empty database beside the test database, reachable as connections[SPARE].

    Its connection is made here rather than in settings, so the test runner neither creates nor
    flushes it, and it is gone after the test.
    """
    spare = connections["default"].copy(alias=SPARE)
    postgres = spare.vendor == "postgresql"
    if postgres:
        spare.settings_dict["NAME"] = name = f"{spare.settings_dict['NAME']}_restored"
        with connections["default"]._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
    else:
        spare.settings_dict["NAME"] = str(tmp_path / "restored.sqlite3")
    connections[SPARE] = spare
    yield SPARE
    spare.close()
    del connections[SPARE]
    if postgres:
        with connections["default"]._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def contents(using: str, *, leave_out: Event | None = None) -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of every value in it, in primary key order."""
    tables = {}
    for model in [*apps.get_models(include_auto_created=True), MigrationRecorder.Migration]:
        if model._meta.proxy or not model._meta.managed:
            continue
        rows = model._base_manager.using(using).order_by("pk")
        if leave_out is not None and model is Event:
            rows = rows.exclude(pk=leave_out.pk)
        values = list(rows.values_list(*(field.attname for field in model._meta.concrete_fields)))
        tables[model._meta.db_table] = (len(values), hashlib.sha256(repr(values).encode()).hexdigest())
    return tables


def seed_demo_council() -> None:
    with override_settings(DEBUG=True), open("/dev/null", "w") as quiet:
        call_command("seed", "--size", "demo", "--seed", "1", stdout=quiet)


def test_a_backup_restores_every_table_row_for_row(spare_database: str, tmp_path: Path) -> None:
    seed_demo_council()
    before = contents("default")

    call_command("backup", "--out", str(tmp_path / "council.backup"), stdout=None)
    call_command("restore", str(tmp_path / "council.backup"), by="contact.officer", database=spare_database)

    restored = Event.objects.using(spare_database).get(kind="database.restored")
    assert contents(spare_database, leave_out=restored) == before
    # The comparison proves something only if most of the schema holds rows.
    assert sum(1 for count, _ in before.values() if count) >= 40
    # The restore is on record, against the person named as they are in the restored database.
    assert restored.actor is not None and restored.actor.username == "contact.officer"
    assert not Event.objects.filter(kind="database.restored").exists()


def test_a_restore_over_a_changed_database_brings_it_back_exactly(spare_database: str, tmp_path: Path) -> None:
    PersonFactory.create_batch(3, first_name="Ada")
    before = contents("default")
    backup = backup_database(out=tmp_path / "council.backup")
    first = restore_database(source=backup.path, using=spare_database)
    assert first.data["sha256"] == backup.sha256

    person = Person.objects.using(spare_database).order_by("pk").first()
    assert person is not None
    Person.objects.using(spare_database).filter(pk=person.pk).update(first_name="Changed")
    Person.objects.using(spare_database).create(first_name="Added", last_name="Later")
    changed = contents(spare_database)
    assert changed != before

    # A database with data is replaced only when the operator says so.
    with pytest.raises(CommandError, match=r"already has \d+ tables.*--yes"):
        call_command("restore", str(backup.path), database=spare_database)
    assert contents(spare_database) == changed

    second = restore_database(source=backup.path, replace=True, using=spare_database)

    assert contents(spare_database, leave_out=second) == before
    assert not Person.objects.using(spare_database).filter(first_name__in=["Changed", "Added"]).exists()


def bad_backups(good: Path) -> dict[str, Path]:
    """A backup cut short (as a full disk would leave it), a file that is no backup, and no file at all."""
    data = good.read_bytes()
    cut = good.with_name("cut-short.backup")
    cut.write_bytes(data[: len(data) // 2])
    notes = good.with_name("notes.txt")
    notes.write_text("Not a backup at all\n")
    return {"cut short": cut, "not a backup": notes, "missing": good.with_name("no-such-file.backup")}


def test_a_bad_or_missing_backup_fails_cleanly_and_leaves_the_database_untouched(
    spare_database: str, tmp_path: Path
) -> None:
    PersonFactory.create_batch(20)
    Event.objects.bulk_create(Event(kind="test.filler", summary="x" * 300, data={"n": n}) for n in range(2000))
    backup = backup_database(out=tmp_path / "council.backup")
    restore_database(source=backup.path, using=spare_database)
    Person.objects.using(spare_database).create(first_name="Only", last_name="Here")
    before = contents(spare_database)

    for problem, bad in bad_backups(backup.path).items():
        with pytest.raises(CommandError, match="Nothing was restored"):
            call_command("restore", str(bad), "--yes", database=spare_database)
        assert contents(spare_database) == before, problem


def test_a_backup_is_readable_by_its_owner_only(transactional_db: None, tmp_path: Path) -> None:
    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=None)

    (written,) = (tmp_path / "backups").iterdir()
    assert written.name.startswith("frontdoor-")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


@pytest.mark.django_db
@pytest.mark.skipif(
    connections["default"].vendor != "postgresql", reason="pg_dump is needed for PostgreSQL backups only"
)
def test_a_missing_pg_dump_is_named_and_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(BackupError, match="pg_dump is not on the PATH"):
        backup_database(out=tmp_path / "council.dump")

    assert not list(tmp_path.glob("council.dump*"))


@pytest.mark.skipif(connections["default"].vendor != "sqlite", reason="PostgreSQL waits for locks inside pg_restore")
def test_a_restore_into_a_locked_sqlite_database_gives_up_and_says_why(
    spare_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = backup_database(out=tmp_path / "council.backup")
    restore_database(source=backup.path, using=spare_database)
    monkeypatch.setattr("frontdoor.records.backup.SQLITE_BUSY_SECONDS", 1)
    # Another process in the middle of writing, as the web service would be.
    with closing(sqlite3.connect(connections[spare_database].settings_dict["NAME"], isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        with pytest.raises(BackupError, match="stop the web service and task workers"):
            restore_database(source=backup.path, replace=True, using=spare_database)
        writer.execute("ROLLBACK")

"""An import or export killed with SIGKILL part way leaves the database as it was, and runs again.

Each test runs the real `frontdoor` command in a subprocess against a database
of its own (a SQLite file, or a PostgreSQL database when the suite runs on
PostgreSQL), waits until the command is inside its transaction, kills it,
checks every table against a digest taken before, and runs it again to the end.
"""

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

pytestmark = pytest.mark.kill

FRONTDOOR = str(Path(sys.executable).with_name("frontdoor"))
OFFICER = "kill.officer"
WAIT_SECONDS = 60

# Added to the template database once: a contact officer to import as, and children whose
# referrals fall in the 2025-26 census, enough that the export takes a few seconds.
PREPARE = f"""
from datetime import date, timedelta
from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.casework.models import Referral
from frontdoor.people.models import Person
officer = User.objects.create_user(username="{OFFICER}", password="kill-test-password-2026", role=Role.CONTACT_OFFICER)
born = [date(2015, 1, 1) + timedelta(days=n % 3000) for n in range(6000)]
people = Person.objects.bulk_create([
    Person(
        first_name=f"Child{{n}}", last_name="Census", date_of_birth=born[n], sex="F", la_child_id=f"KILL{{n:06d}}"
    )
    for n in range(6000)
])
referred = date(2025, 6, 2)
Referral.objects.bulk_create([
    Referral(person=p, referral_date=referred, source="1A", primary_need="N1", created_by=officer) for p in people
])
"""


@dataclass
class Database:
    """A database the subprocess can reach: its URL, how to read it, how to copy and drop it."""

    url: str
    read: Callable[[], dict[str, str]]
    drop: Callable[[], None]
    writing: Callable[[], bool]
    settled: Callable[[], None]


def run(database_url: str, *args: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "frontdoor.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "kill-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "localhost",
        "DEBUG": "false",
    }
    return subprocess.Popen([FRONTDOOR, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[bytes]) -> str:
    out, err = process.communicate(timeout=WAIT_SECONDS)
    assert process.returncode == 0, err.decode()
    return out.decode()


def digest_of(tables: dict[str, list[tuple[Any, ...]]]) -> dict[str, str]:
    return {
        table: f"{len(rows)} rows {hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()[:16]}"
        for table, rows in tables.items()
    }


# SQLite ------------------------------------------------------------------------------------


def sqlite_database(template: Path, folder: Path) -> Database:
    path = folder / "frontdoor.sqlite3"
    shutil.copy(template, path)

    def read() -> dict[str, str]:
        with sqlite3.connect(path) as db:
            names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            # Table names from the catalogue, not from input.
            return digest_of({name: db.execute(f'SELECT * FROM "{name}"').fetchall() for name in names})  # noqa: S608

    def writing() -> bool:
        # Only one writer at a time: if we cannot begin one, the command is inside its transaction.
        db = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            db.close()

    return Database(f"sqlite:///{path}", read, lambda: None, writing, lambda: None)


# PostgreSQL --------------------------------------------------------------------------------


def pg_url(name: str) -> str:
    settings = connection.settings_dict
    return f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"


def pg_admin(sql: str, *params: Any, database: str = "postgres") -> list[tuple[Any, ...]]:
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(
        dbname=database,
        user=settings["USER"],
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        autocommit=True,
    ) as db:
        cursor = db.execute(sql, params)  # type: ignore[arg-type]
        return cursor.fetchall() if cursor.description else []


def pg_database(template: str, name: str) -> Database:
    pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def read() -> dict[str, str]:
        tables = [
            row[0] for row in pg_admin("SELECT tablename FROM pg_tables WHERE schemaname='public'", database=name)
        ]
        return digest_of({table: pg_admin(f'SELECT * FROM "{table}"', database=name) for table in tables})  # noqa: S608

    def writing() -> bool:
        # backend_xid is set once a transaction has written something.
        return bool(
            pg_admin(
                "SELECT 1 FROM pg_stat_activity WHERE datname = %s AND backend_xid IS NOT NULL AND state <> 'idle'",
                name,
            )
        )

    def settled() -> None:
        # The server rolls back a killed client's transaction when it notices the connection is gone.
        deadline = time.monotonic() + WAIT_SECONDS
        while pg_admin("SELECT 1 FROM pg_stat_activity WHERE datname = %s", name):
            assert time.monotonic() < deadline, "the killed command's session never ended"
            time.sleep(0.05)

    return Database(pg_url(name), read, lambda: pg_admin(f'DROP DATABASE "{name}" WITH (FORCE)'), writing, settled)


# The template: the test database's schema and the PREPARE records ------------------------------


@pytest.fixture(scope="module")
def template(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            # The test database lives in memory, out of the subprocess's reach: migrate a file of its own.
            path = tmp_path_factory.mktemp("kill") / "template.sqlite3"
            finish(run(f"sqlite:///{path}", "migrate", "--verbosity", "0"))
            finish(run(f"sqlite:///{path}", "shell", "-c", PREPARE))
            yield path
        else:
            # Migrated on its own rather than copied from the test database, which a copy needs to have
            # no other session on: a connection an earlier test in this worker left open would refuse it.
            name = f"{connection.settings_dict['NAME']}_kill"
            pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            pg_admin(f'CREATE DATABASE "{name}"')
            finish(run(pg_url(name), "migrate", "--verbosity", "0"))
            finish(run(pg_url(name), "shell", "-c", PREPARE))
            yield name
            pg_admin(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def database(template: Any, tmp_path: Path, django_db_blocker: Any) -> Iterator[Database]:
    with django_db_blocker.unblock():
        if isinstance(template, Path):
            made = sqlite_database(template, tmp_path)
        else:
            made = pg_database(template, f"{template}_{os.getpid()}")
        yield made
        made.drop()


def kill_when(process: subprocess.Popen[bytes], ready: Callable[[], bool]) -> None:
    """SIGKILL the command as soon as it is part way, and make sure it had not finished by then."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not ready():
        assert process.poll() is None, f"the command ended before it could be killed: {process.stderr.read()!r}"  # type: ignore[union-attr]
        assert time.monotonic() < deadline, "the command never got part way"
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=WAIT_SECONDS)
    assert process.returncode == -signal.SIGKILL, "the command finished before the kill landed"


# The tests ---------------------------------------------------------------------------------------


def notifications_file(folder: Path, count: int) -> Path:
    night = (timezone.localdate() - timedelta(days=1)).strftime("%d/%m/%Y")
    lines = [
        "police_reference,incident_at,kind,dash_risk,marac_referral,summary,role,first_name,last_name,"
        "date_of_birth,postcode"
    ]
    for n in range(count):
        lines.append(
            f"KILL-{n:05d},{night} 22:40,domestic_abuse,standard,no,Argument,child_present,Child{n},Census,"
            f"01/01/2016,NB1 4QT"
        )
    path = folder / "notifications.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def calls_file(folder: Path, count: int) -> Path:
    lines = ["call_id,started,answered,ended,queue,agent,transfers"]
    for n in range(count):
        lines.append(f"KILL-{n:06d},2026-03-02T09:{n % 60:02d}:00+00:00,,,Front door,,0")
    path = folder / "calls.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_killed_police_notifications_import_leaves_nothing_and_runs_again(database: Database, tmp_path: Path) -> None:
    file = notifications_file(tmp_path, 3000)
    before = database.read()
    kill_when(run(database.url, "import_police_notifications", str(file), "--by", OFFICER), database.writing)
    database.settled()
    assert database.read() == before
    assert "Received 3,000 notifications" in finish(
        run(database.url, "import_police_notifications", str(file), "--by", OFFICER)
    )


def test_a_killed_call_log_import_leaves_nothing_and_runs_again(database: Database, tmp_path: Path) -> None:
    file = calls_file(tmp_path, 30_000)
    before = database.read()
    kill_when(run(database.url, "import_calls", str(file)), database.writing)
    database.settled()
    assert database.read() == before
    assert "Imported 30,000 calls" in finish(run(database.url, "import_calls", str(file)))


def test_a_killed_census_export_leaves_no_half_file_and_runs_again(database: Database, tmp_path: Path) -> None:
    out = tmp_path / "census.xml"
    before = database.read()
    partial = out.with_name(out.name + ".part")
    kill_when(
        run(database.url, "census", "export", "--year", "2026", "--out", str(out)),
        lambda: partial.exists() and partial.stat().st_size > 0,
    )
    database.settled()
    assert not out.exists(), "a killed export must not leave a file that looks finished"
    assert database.read() == before
    assert "6,000 children" in finish(run(database.url, "census", "export", "--year", "2026", "--out", str(out)))
    assert out.read_bytes().rstrip().endswith(b"</Message>")


def test_a_killed_annex_a_export_leaves_no_half_file_and_runs_again(database: Database, tmp_path: Path) -> None:
    out = tmp_path / "annex-a.xlsx"
    scratch = out.with_name(out.name + ".scratch")
    before = database.read()
    # The rows go to the scratch folder as each list is written: the export is part way.
    kill_when(
        run(database.url, "annexa", "export", "--inspection-date", "2025-10-01", "--out", str(out)),
        lambda: scratch.is_dir() and any(scratch.iterdir()),
    )
    database.settled()
    assert not out.exists(), "a killed export must not leave a file that looks finished"
    assert database.read() == before
    assert "Written to" in finish(
        run(database.url, "annexa", "export", "--inspection-date", "2025-10-01", "--out", str(out))
    )
    assert zipfile.is_zipfile(out)
    assert not scratch.exists() and not out.with_name(out.name + ".part").exists()

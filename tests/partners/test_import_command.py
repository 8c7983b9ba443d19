"""`frontdoor import_police_notifications`: the nightly job's way in, with the upload page's checks."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from frontdoor.accounts.models import User
from frontdoor.partners.models import PoliceNotification
from tests.partners.test_police_notifications import HEADER

pytestmark = pytest.mark.django_db

GOOD = "PPN-1,25/11/2026 22:40,domestic_abuse,high,yes,Assault,child_present,Mia,Harrington,09/05/2017,NB1 4QT\n"
NO_CHILD = "PPN-2,25/11/2026 23:05,missing,,no,Missing,victim,Ola,Bright,,\n"


def csv_file(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "notifications.csv"
    path.write_text(HEADER + "".join(lines))
    return path


def test_the_command_imports_a_file_as_the_user_named(contact_officer: User, tmp_path: Path, capsys) -> None:
    call_command("import_police_notifications", str(csv_file(tmp_path, GOOD)), by=contact_officer.username)
    assert "Received 1 notifications" in capsys.readouterr().out
    assert PoliceNotification.objects.get().received_by == contact_officer


def test_a_file_with_a_bad_line_imports_nothing_and_fails(contact_officer: User, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_police_notifications", str(csv_file(tmp_path, GOOD, NO_CHILD)), by="amira")
    assert not PoliceNotification.objects.exists()


def test_a_user_who_may_not_receive_notifications_is_refused(partner: User, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot import police notifications"):
        call_command("import_police_notifications", str(csv_file(tmp_path, GOOD)), by=partner.username)
    with pytest.raises(CommandError, match="no active user"):
        call_command("import_police_notifications", str(csv_file(tmp_path, GOOD)), by="nobody")
    assert not PoliceNotification.objects.exists()

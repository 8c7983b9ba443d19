"""`frontdoor annexa export`: the Annex A workbook from the console."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook


def annexa(*args: str) -> str:
    out = StringIO()
    call_command("annexa", *args, stdout=out)
    return out.getvalue()


def test_export_writes_the_workbook_and_prints_the_rows_of_each_list(db: None, tmp_path: Path) -> None:
    path = tmp_path / "annex-a.xlsx"
    printed = annexa("export", "--inspection-date", "2026-11-02", "--out", str(path))
    assert load_workbook(path).sheetnames == [f"List {n}" for n in range(1, 12)]
    assert printed.startswith("Annex A at 02/11/2026: List 1 0, List 2 0,") and "List 11 0" in printed
    assert printed.count("\n") == 1


def test_the_inspection_date_may_be_written_the_british_way(db: None, tmp_path: Path) -> None:
    printed = annexa("export", "--inspection-date", "02/11/2026", "--out", str(tmp_path / "a.xlsx"))
    assert printed.startswith("Annex A at 02/11/2026:")


@pytest.mark.parametrize("day", ["31/02/2026", "2026-13-01", "next Monday", "2/11/26"])
def test_a_malformed_date_is_refused_with_a_clear_error(day: str, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"is not a date: give it as YYYY-MM-DD or dd/mm/yyyy"):
        annexa("export", "--inspection-date", day, "--out", str(tmp_path / "a.xlsx"))
    assert not (tmp_path / "a.xlsx").exists()


def test_a_missing_inspection_date_or_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="required: --inspection-date"):
        annexa("export", "--out", str(tmp_path / "a.xlsx"))
    with pytest.raises(CommandError, match="required: --out"):
        annexa("export", "--inspection-date", "2026-11-02")


def test_a_folder_that_does_not_exist_is_refused(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"the folder .* does not exist"):
        annexa("export", "--inspection-date", "2026-11-02", "--out", str(tmp_path / "nowhere" / "a.xlsx"))


def test_at_the_console_a_bad_date_gives_the_message_and_no_traceback() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    command = "from frontdoor.cli import main; main()"
    args = ["annexa", "export", "--inspection-date", "31/02/2026", "--out", "a.xlsx"]
    done = subprocess.run([sys.executable, "-c", command, *args], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "'31/02/2026' is not a date" in done.stderr

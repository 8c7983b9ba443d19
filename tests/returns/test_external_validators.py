"""The harness that runs the public checkers (tests/returns/external.py) works, on tiny hand-written files.

The checkers run from .tools/venv-cin and .tools/venv-annexa, which `make test` makes through
scripts/ensure-validators. Samples are in tests/returns/samples/.
"""

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.returns import external
from tests.returns.external import (
    ExternalToolError,
    annexa_cleaner_log,
    annexa_cleaner_problems,
    dfe_cin_issues,
)

SAMPLES = Path(__file__).with_name("samples")
# The minimal valid 2025-26 file of shared/reference/cin_census.md §1.4 (child C0001).
CIN_MINIMAL = SAMPLES / "cin_2025_26_minimal.xml"
# All 11 Annex A lists, headers in row 1 exactly as liiatools 0.2.0 configures them
# (liiatools/spec/annex_a/annex-a-merge.yml), and one child in List 1 (contacts) and List 3 (referrals).
ANNEXA_MINIMAL = SAMPLES / "annexa_minimal.json"


def annexa_sheets() -> dict[str, list[list[Any]]]:
    return json.loads(ANNEXA_MINIMAL.read_text())


def write_workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """One sheet per list, named "List N", headers in row 1; dates are dd/mm/yyyy text."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.mark.external
def test_minimal_cin_file_breaks_no_rule_but_the_return_level_disability_query() -> None:
    result = dfe_cin_issues(CIN_MINIMAL)

    assert result.ruleset == "cin2025_26"
    assert result.rules_run > 100  # the whole 2025-26 ruleset ran, not an empty registry
    assert result.rule_failures == []
    assert result.child_issues == []
    assert result.errors == set()
    # 2887Q is a query on the whole return: "Less than 8 disability codes have been used in your
    # return". A one-child file can only use one code (NONE), so it always fires here; a council's
    # real return, with hundreds of children, will not trip it.
    assert [issue["rule_code"] for issue in result.return_issues] == ["2887Q"]
    assert result.queries == {"2887Q"}


@pytest.mark.external
def test_assessment_starting_before_the_referral_breaks_rule_1103(tmp_path: Path) -> None:
    tree = ET.parse(CIN_MINIMAL)  # noqa: S314 - a sample we wrote
    start = tree.getroot().find("Children/Child/CINdetails/Assessments/AssessmentActualStartDate")
    assert start is not None
    start.text = "2025-06-01"  # the referral is dated 2025-06-02
    broken = tmp_path / "cin.xml"
    tree.write(broken, encoding="UTF-8", xml_declaration=True)

    result = dfe_cin_issues(broken)

    assert result.rule_failures == []
    assert result.errors == {"1103"}
    assert result.child_codes("C0001") == {"1103"}
    locations = {(i["tables_affected"], i["columns_affected"], i["value"]) for i in result.child_issues}
    assert locations == {
        ("Assessments", "AssessmentActualStartDate", "2025-06-01"),
        ("CINdetails", "CINreferralDate", "2025-06-02"),
    }
    assert result.queries == {"2887Q"}


@pytest.mark.external
def test_annexa_workbook_with_all_lists_cleans_with_no_problems(tmp_path: Path) -> None:
    workbook = write_workbook(tmp_path / "annexa.xlsx", annexa_sheets())

    log = annexa_cleaner_log(workbook, tmp_path)

    assert log == ""
    assert annexa_cleaner_problems(log) == {}


@pytest.mark.external
def test_annexa_bad_gender_and_bad_date_are_reported(tmp_path: Path) -> None:
    sheets = annexa_sheets()
    contact = sheets["List 1"][1]
    contact[1] = "X"  # Gender: not one of a) Male, b) Female, c) Not stated/recorded, d) Neither
    contact[5] = "2025-06-02"  # Date of Contact: ISO, not dd/mm/yyyy
    workbook = write_workbook(tmp_path / "annexa.xlsx", sheets)

    log = annexa_cleaner_log(workbook, tmp_path)

    assert annexa_cleaner_problems(log) == {"List 1": {"blanked: Gender": 1, "blanked: Date of Contact": 1}}


@pytest.mark.external
def test_annexa_missing_list_is_reported_not_taken_for_clean(tmp_path: Path) -> None:
    sheets = annexa_sheets()
    del sheets["List 8"]  # the cleaner then writes no cleaned workbook at all
    workbook = write_workbook(tmp_path / "annexa.xlsx", sheets)

    log = annexa_cleaner_log(workbook, tmp_path)

    assert annexa_cleaner_problems(log) == {"List 8": {"missing sheet": 1}}


def test_annexa_log_parser_reads_every_kind_of_problem() -> None:
    # The lines liiatools 0.2.0's logger.save_errors_la writes, in its order.
    log = (
        "\nList 1\n"
        "Number of cells that have been made blank because they could not be formatted correctly\n"
        "'Ethnicity': 2, 'Gender': 1\n"
        "Number of blank cells that should have contained data\n"
        "'Date of Contact': 1\n"
        "\nList 4\n"
        "Number of blank cells that should have contained data\n"
        '"Was the child assessed as requiring LA children\'s social care support?": 3\n'
        "Headers of unexpected columns that have been removed or reformatted: ['Notes']\n"
        "Sheet with title List 4 contained the following duplicate column(s): 'Gender'\n"
        "\nFailed to find a set of matching columns headers for sheet titled 'Sheet1' which contains"
        " column headers ['a', 'b']\n"
        "\nThe following sheets are missing: 'List 10', 'List 8' so no output has been created\n"
    )

    assert annexa_cleaner_problems(log) == {
        "List 1": {"blanked: Ethnicity": 2, "blanked: Gender": 1, "required but blank: Date of Contact": 1},
        "List 4": {
            "required but blank: Was the child assessed as requiring LA children's social care support?": 3,
            "unexpected column: Notes": 1,
            "duplicate column: Gender": 1,
        },
        "Sheet1": {"headers match no list": 1},
        "List 8": {"missing sheet": 1},
        "List 10": {"missing sheet": 1},
    }
    assert annexa_cleaner_problems("") == {}
    with pytest.raises(ValueError, match="unexpected line"):
        annexa_cleaner_problems("Something new the cleaner says\n")


def test_a_missing_environment_says_how_to_make_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(external, "REPO_ROOT", tmp_path)
    monkeypatch.setattr(external, "CIN_VENV", tmp_path / ".tools" / "venv-cin")
    monkeypatch.setattr(external, "ANNEXA_VENV", tmp_path / ".tools" / "venv-annexa")

    with pytest.raises(ExternalToolError, match=r"venv-cin is missing: run scripts/ensure-validators"):
        dfe_cin_issues(CIN_MINIMAL)
    with pytest.raises(ExternalToolError, match=r"venv-annexa is missing: run scripts/ensure-validators"):
        annexa_cleaner_log(tmp_path / "annexa.xlsx", tmp_path)

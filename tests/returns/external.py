"""Run the public DfE CIN census rules and the public Annex A cleaner on files our returns produce.

Both tools pin pandas<2 and numpy<2 and need Python <= 3.11, so each one lives in a virtual
environment of its own under .tools/, made by scripts/ensure-validators (`make test` runs it),
and is called here as a subprocess; nothing of theirs is imported into the project's .venv.

* CIN census: Data to Insight's `csc-validator-be-cin` (the rules DfE COLLECT applies), run by
  tests/returns/run_cin_validator.py inside .tools/venv-cin. See shared/reference/cin_census.md §4.1.
* Annex A: Social Finance's `liiatools` cleaner (`python -m liiatools annex-a cleanfile`) inside
  .tools/venv-annexa. See shared/reference/annex_a.md §2.1.
"""

import ast
import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
CIN_VENV = REPO_ROOT / ".tools" / "venv-cin"
ANNEXA_VENV = REPO_ROOT / ".tools" / "venv-annexa"
CIN_RUNNER = Path(__file__).with_name("run_cin_validator.py")
TIMEOUT_SECONDS = 300

# Kinds of Annex A problem, as keys of annexa_cleaner_problems(): "<kind>: <column>" for the column
# kinds, the bare kind for the sheet-level ones.
BLANKED = "blanked"  # a cell the cleaner blanked because it could not read it (bad code, date or number)
REQUIRED_BLANK = "required but blank"  # an empty cell in a column that may not be blank
UNEXPECTED_COLUMN = "unexpected column"  # a header the list does not have; the column is dropped
DUPLICATE_COLUMN = "duplicate column"
MISSING_SHEET = "missing sheet"  # no sheet has this list's headers; then no cleaned workbook is written
UNMATCHED_SHEET = "headers match no list"  # keyed by the sheet's own title, not by a list


class ExternalToolError(RuntimeError):
    """The tool is missing, crashed, or said something we do not understand."""


def _python(venv: Path) -> Path:
    python = venv / "bin" / "python"
    if not python.exists():
        raise ExternalToolError(f"{venv.relative_to(REPO_ROOT)} is missing: run scripts/ensure-validators")
    return python


def _run(venv: Path, args: list[str], cwd: Path | None = None) -> str:
    """Run the venv's Python with args; return stdout, or raise with stderr if it fails."""
    command = [str(_python(venv)), *args]
    # The project's own interpreter settings must not leak into the 3.11 interpreter.
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    completed = subprocess.run(
        command,
        cwd=cwd or REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        raise ExternalToolError(
            f"{' '.join(command)} exited with {completed.returncode}\n"
            f"--- stderr ---\n{completed.stderr}\n--- stdout ---\n{completed.stdout}"
        )
    return completed.stdout


# ---------------------------------------------------------------------------------------------
# CIN census


@dataclass(frozen=True)
class CinValidatorResult:
    """What the DfE CIN rules said about one XML file.

    child_issues: one dict per failing location of a child-level rule, with rule_code, rule_type
    ("Error"/"Query"), rule_description, child_id (the LAchildID), tables_affected, columns_affected,
    row_id and value (the flagged value as the validator prints it, None when the cell is empty).
    return_issues: return-level (multi-child) and Header rules, with rule_code, rule_type and
    rule_description only.
    rule_failures: rules that raised an exception. The validator prints these and carries on as if
    the rule had passed, so a non-empty list means the result is incomplete.
    """

    ruleset: str
    validator: str
    rules_run: int
    child_issues: list[dict[str, Any]] = field(default_factory=list)
    return_issues: list[dict[str, Any]] = field(default_factory=list)
    rule_failures: list[str] = field(default_factory=list)

    @property
    def codes(self) -> set[str]:
        return {issue["rule_code"] for issue in [*self.child_issues, *self.return_issues]}

    @property
    def errors(self) -> set[str]:
        """Codes of the rules broken that DfE treats as errors (must be fixed before submission)."""
        return {code for code in self.codes if not code.endswith("Q")}

    @property
    def queries(self) -> set[str]:
        """Codes of the rules broken that are queries (fix, or explain to DfE)."""
        return {code for code in self.codes if code.endswith("Q")}

    def child_codes(self, child_id: str) -> set[str]:
        return {issue["rule_code"] for issue in self.child_issues if issue["child_id"] == child_id}


def dfe_cin_issues(xml_path: Path, ruleset: str = "cin2025_26") -> CinValidatorResult:
    """Run every rule of `ruleset` (cin2025_26 = the 2025-26 census) on one CIN census XML file."""
    stdout = _run(CIN_VENV, [str(CIN_RUNNER), str(Path(xml_path).resolve()), ruleset])
    try:
        report = json.loads(stdout)
    except json.JSONDecodeError as error:
        raise ExternalToolError(f"{CIN_RUNNER.name} printed something that is not JSON:\n{stdout}") from error
    return CinValidatorResult(
        ruleset=report["ruleset"],
        validator=report["validator"],
        rules_run=report["rules_run"],
        child_issues=report["child_issues"],
        return_issues=report["return_issues"],
        rule_failures=report["rule_failures"],
    )


# ---------------------------------------------------------------------------------------------
# Annex A


def annexa_cleaner_log(xlsx_path: Path, workdir: Path) -> str:
    """Clean one Annex A workbook with liiatools and return its error log ("" when it found nothing).

    liiatools writes `<workdir>/log/<stem>_error_log_<time>.txt` only when it found a problem, and
    `<workdir>/out/<stem>_clean.xlsx` only when all 11 lists were found. A run that writes neither
    did not really run, and raises, as does one that exits non-zero.
    """
    xlsx_path = Path(xlsx_path).resolve()
    log_dir, out_dir = Path(workdir) / "log", Path(workdir) / "out"
    log_dir.mkdir(parents=True, exist_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    args = ["-m", "liiatools", "annex-a", "cleanfile", "--i", str(xlsx_path), "--la_code", "isl"]
    args += ["--la_log_dir", str(log_dir), "--o", str(out_dir)]
    # --la_code must be one of the 33 London codes; isl (Islington) only names the output.
    try:
        _run(ANNEXA_VENV, args, cwd=Path(workdir))
    except ExternalToolError as error:
        raise ExternalToolError(f"the Annex A cleaner failed on {xlsx_path.name}: {error}") from error
    logs = sorted(log_dir.glob(f"{xlsx_path.stem}_error_log_*.txt"))
    if logs:
        return "".join(log.read_text() for log in logs)
    if (out_dir / f"{xlsx_path.stem}_clean.xlsx").exists():
        return ""
    raise ExternalToolError(f"the Annex A cleaner wrote neither an error log nor a cleaned workbook for {xlsx_path}")


_COUNTS_HEADINGS = {
    "Number of cells that have been made blank because they could not be formatted correctly": BLANKED,
    "Number of blank cells that should have contained data": REQUIRED_BLANK,
}
_UNEXPECTED = re.compile(r"Headers of unexpected columns that have been removed or reformatted: (\[.*\])")
_DUPLICATES = re.compile(r"Sheet with title (.+) contained the following duplicate column\(s\): (.*)")
_UNMATCHED = re.compile(
    r"Failed to find a set of matching columns headers for sheet titled '(.*)' which contains column headers (\[.*\])"
)
_MISSING = re.compile(r"The following sheets are missing: (.*) so no output has been created")
_LIST_NAME = re.compile(r"List \d+")


def annexa_cleaner_problems(log: str) -> dict[str, dict[str, int]]:
    """Summarise a liiatools Annex A error log: {list: {"<kind>: <column>": count, ...}}. {} means clean.

    E.g. {"List 1": {"blanked: Gender": 1, "required but blank: Date of Contact": 2},
          "List 9": {"unexpected column: Allocated Personal Advisor": 1}, "List 8": {"missing sheet": 1},
          "Sheet1": {"headers match no list": 1}}.
    The log format is liiatools 0.2.0's `logger.save_errors_la`; a line it does not explain raises
    ValueError, so a change of format cannot pass for a clean file.
    """
    problems: dict[str, dict[str, int]] = {}

    def add(where: str, key: str, count: int = 1) -> None:
        problems.setdefault(where, {})
        problems[where][key] = problems[where].get(key, 0) + count

    current_list: str | None = None
    counting: str | None = None
    for line in log.splitlines():
        line = line.strip()
        if not line:
            continue
        if _LIST_NAME.fullmatch(line):
            current_list, counting = line, None
        elif line in _COUNTS_HEADINGS:
            counting = _COUNTS_HEADINGS[line]
        elif counting and current_list:
            # str(Counter({...})) without "Counter({" and "})": 'Gender': 1, 'Date of Birth': 2
            for column, count in ast.literal_eval("{" + line + "}").items():
                add(current_list, f"{counting}: {column}", count)
            counting = None
        elif (match := _UNEXPECTED.fullmatch(line)) and current_list:
            for column in ast.literal_eval(match[1]):
                add(current_list, f"{UNEXPECTED_COLUMN}: {column}")
        elif match := _DUPLICATES.fullmatch(line):
            for column in ast.literal_eval("[" + match[2] + "]"):
                add(match[1], f"{DUPLICATE_COLUMN}: {column}")
        elif match := _UNMATCHED.fullmatch(line):
            add(match[1], UNMATCHED_SHEET)
        elif match := _MISSING.fullmatch(line):
            for sheet in ast.literal_eval("[" + match[1] + "]"):
                add(str(sheet), MISSING_SHEET)
        else:
            raise ValueError(f"unexpected line in the Annex A cleaner's log: {line!r}")
    return problems

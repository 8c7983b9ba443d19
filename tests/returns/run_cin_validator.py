"""Run Data to Insight's DfE CIN census rules on one XML file and print the issues as JSON.

Runs INSIDE .tools/venv-cin (Python 3.11, pandas 1.5), never in the project's .venv:

    .tools/venv-cin/bin/python tests/returns/run_cin_validator.py FILE.xml [RULESET]

RULESET defaults to cin2025_26 (the validator's own `run` command still defaults to cin2024_25).
tests/returns/external.py:dfe_cin_issues() calls this and reads its output, which is:

    {
      "validator": "csc-validator-be-cin 0.1.13",
      "ruleset": "cin2025_26",
      "rules_run": 109,
      "child_issues": [   # one per failing location (table + column + row) of a child-level rule
        {"rule_code": "1103", "rule_type": "Error", "rule_description": "...", "child_id": "C0001",
         "tables_affected": "Assessments", "columns_affected": "AssessmentActualStartDate",
         "row_id": 0, "value": "2025-06-01"}
      ],
      "return_issues": [  # return-level (multi-child) and Header rules: no location
        {"rule_code": "2887Q", "rule_type": "Query", "rule_description": "..."}
      ],
      "rule_failures": []  # rules that raised: the validator prints and skips them, so they pass silently
    }
"""

import contextlib
import importlib
import importlib.metadata
import io
import json
import math
import sys
import warnings
import xml.etree.ElementTree as ET

# pandas 1.5 warns about idioms the rules use; the warnings say nothing about the data.
warnings.simplefilter("ignore", FutureWarning)
warnings.simplefilter("ignore", DeprecationWarning)

from cin_validator import cin_validator  # noqa: E402

# What create_user_report writes for a missing cell once it has turned every value into a string.
MISSING_VALUES = {"nan", "NaT", "None", "<NA>", ""}


def plain(value):
    """A JSON-friendly copy of one pandas cell: None for missing, int for row ids, str for the rest."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return value if isinstance(value, (int, str)) else str(value)


def main(xml_path, ruleset="cin2025_26"):
    root = ET.parse(xml_path).getroot()  # noqa: S314 - our own export, parsed as the validator does
    tables = cin_validator.process_data(cin_validator.convert_data(root))
    registry = importlib.import_module(f"cin_validator.rules.{ruleset}").registry
    rule_types = {str(rule.code): rule.rule_type.value for _, rule in registry.items()}

    # CinValidator catches an exception in a rule, prints "Error with rule CODE: ..." to stdout and
    # carries on as if the rule had passed. Keep stdout for the JSON and report those separately.
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        validator = cin_validator.CinValidator(tables, registry)
    rule_failures = [line for line in captured.getvalue().splitlines() if line.strip()]

    # user_report holds the flagged value of each location (as a string) and full_issue_df does not.
    values = {}
    for row in validator.user_report.to_dict("records"):
        key = (row["rule_code"], row["tables_affected"], row["columns_affected"], str(row["ROW_ID"]))
        values[key] = None if row["value_flagged"] in MISSING_VALUES else row["value_flagged"]

    child_issues = []
    for row in validator.full_issue_df.to_dict("records"):
        rule_code = str(row["rule_code"])
        row_id = plain(row["row_id"])
        issue = {
            "rule_code": rule_code,
            "rule_type": rule_types.get(rule_code),
            "rule_description": plain(row["rule_description"]),
            "child_id": plain(row["child_id"]),
            "tables_affected": plain(row["tables_affected"]),
            "columns_affected": plain(row["columns_affected"]),
            "row_id": int(row_id) if row_id is not None else None,
            "value": values.get((rule_code, row["tables_affected"], row["columns_affected"], str(row_id))),
        }
        child_issues.append(issue)

    return_issues = []
    for row in validator.multichild_issues.drop_duplicates().to_dict("records"):
        rule_code = str(row["rule_code"])
        return_issues.append(
            {
                "rule_code": rule_code,
                "rule_type": rule_types.get(rule_code),
                "rule_description": plain(row["rule_description"]),
            }
        )

    return {
        "validator": f"csc-validator-be-cin {importlib.metadata.version('csc-validator-be-cin')}",
        "ruleset": ruleset,
        "rules_run": len(registry),
        "child_issues": child_issues,
        "return_issues": return_issues,
        "rule_failures": rule_failures,
    }


if __name__ == "__main__":
    if not 2 <= len(sys.argv) <= 3:
        sys.exit(f"usage: {sys.argv[0]} FILE.xml [RULESET]")
    json.dump(main(*sys.argv[1:]), sys.stdout, indent=2)
    sys.stdout.write("\n")

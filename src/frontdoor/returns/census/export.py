"""Build a census file: gather each child, check them, write them, then check the file against the schema."""

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.utils import timezone

from frontdoor.accounts.models import LocalAuthority
from frontdoor.returns.census.checks import Issue, ReturnChecks
from frontdoor.returns.census.gather import children_in, gather
from frontdoor.returns.census.periods import CensusYear
from frontdoor.returns.census.xml import Header, census_writer
from frontdoor.returns.census.xsd import schema_errors

Progress = Callable[[int, str], None]
PROGRESS_EVERY = 500  # children


@dataclass
class CensusResult:
    census: CensusYear
    children: int = 0
    episodes: int = 0
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(issue.severity == "error" for issue in self.issues)

    @property
    def queries(self) -> int:
        return sum(issue.severity == "query" for issue in self.issues)


def release() -> str:
    try:
        return version("frontdoor")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0"


def export_census(*, census: CensusYear, out: Path, serial: int = 1, progress: Progress | None = None) -> CensusResult:
    """Write the return to `out` (whole or not at all) and say what is wrong with it."""
    council = LocalAuthority.load()
    result = CensusResult(census)
    if not council.la_code:
        result.issues.append(Issue("LEA", "error", None, None, "", "Set the council's DfE code in council settings"))
    header = Header(census, council.la_code or "000", serial, release(), timezone.localtime())
    total = children_in(census)
    checks = ReturnChecks(census)
    partial = out.with_name(out.name + ".part")
    with partial.open("wb") as file, census_writer(file, header) as writer:
        for child in gather(census):
            writer.write(child)
            result.issues += checks.check(child)
            result.children += 1
            result.episodes += len(child.episodes)
            if progress is not None and result.children % PROGRESS_EVERY == 0:
                progress(round(90 * result.children / max(total, 1)), f"{result.children:,} of {total:,} children")
    result.issues += checks.finish()
    if progress is not None:
        progress(92, "Checking the file against the census schema")
    for child_id, message in schema_errors(partial):
        result.issues.append(Issue("XSD", "error", checks.person_of(child_id), None, child_id, message[:300]))
    os.replace(partial, out)
    if progress is not None:
        progress(100, f"{result.children:,} children")
    return result

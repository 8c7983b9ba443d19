"""Write the Annex A workbook: one sheet per list, headers in row 1, rows streamed straight to the file."""

import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

# xlsxwriter ships no type information (no py.typed): its classes are Any to mypy.
from xlsxwriter import Workbook  # type: ignore[import-untyped]
from xlsxwriter.format import Format  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from frontdoor.returns.annexa import queries
from frontdoor.returns.annexa.cells import Period, Row
from frontdoor.returns.annexa.lists import LISTS, AnnexList
from frontdoor.returns.annexa.rows import BUILDERS

Progress = Callable[[int, str], None]
WRITING_SHARE = 95  # per cent of the progress bar for the lists; the rest is zipping the file up


@dataclass(frozen=True)
class AnnexASummary:
    inspection_date: date
    rows: dict[int, int]  # list number: rows written
    unidentified_children: int  # children on List 1's contacts with no record to report them by

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def line(self) -> str:
        counts = ", ".join(f"List {number} {rows:,}" for number, rows in self.rows.items())
        unidentified = (
            f"; {self.unidentified_children:,} unidentified children on contacts left out"
            if self.unidentified_children
            else ""
        )
        return f"Annex A at {self.inspection_date:%d/%m/%Y}: {counts}{unidentified}"


def write_annex_a(*, inspection_date: date, out: BinaryIO | Path, progress: Progress | None = None) -> AnnexASummary:
    """Build Lists 1 to 11 from the records as they stood on the inspection date and write them to `out`.

    A file is written whole or not at all: the workbook is zipped up as FILE.part and
    renamed to FILE at the end, so an export killed part way never leaves a file that
    looks finished. The rows wait in a private FILE.scratch folder beside it rather than
    in the shared temporary folder; a killed run's folder is cleared by the next run.
    """
    if not isinstance(out, Path):
        return _write(inspection_date, out, progress, scratch=None)
    partial, scratch = out.with_name(out.name + ".part"), out.with_name(out.name + ".scratch")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(mode=0o700)
    try:
        summary = _write(inspection_date, str(partial), progress, scratch=scratch)
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return summary


def _write(
    inspection_date: date, out: BinaryIO | str, progress: Progress | None, *, scratch: Path | None
) -> AnnexASummary:
    period = Period(inspection_date)
    report = progress or (lambda percent, stage: None)
    counts: dict[int, int] = {}
    # constant_memory writes each row to disk as it comes: a large council's lists never sit in memory.
    workbook = Workbook(out, {"constant_memory": True, "tmpdir": str(scratch) if scratch else None})
    header = workbook.add_format({"bold": True})
    try:
        for annex_list in LISTS:
            counts[annex_list.number] = _write_list(workbook, annex_list, BUILDERS[annex_list.number](period), header)
            report(
                annex_list.number * WRITING_SHARE // len(LISTS),
                f"{annex_list.sheet} ({annex_list.title}): {counts[annex_list.number]:,} rows",
            )
    finally:
        workbook.close()
    report(100, "Workbook written")
    return AnnexASummary(inspection_date, counts, queries.unidentified_children(period))


def _write_list(workbook: Workbook, annex_list: AnnexList, rows: Iterable[Row], header: Format) -> int:
    sheet = workbook.add_worksheet(annex_list.sheet)
    # Column widths go before the first row: constant_memory mode writes the columns ahead of the data.
    for column, title in enumerate(annex_list.headers):
        sheet.set_column(column, column, min(max(len(title), 12), 40) + 2)
    sheet.freeze_panes(1, 0)
    for column, title in enumerate(annex_list.headers):
        sheet.write_string(0, column, title, header)
    written = 0
    for written, row in enumerate(rows, start=1):
        _write_row(sheet, written, row)
    return written


def _write_row(sheet: Worksheet, number: int, row: Row) -> None:
    for column, value in enumerate(row):
        if value is None:
            continue
        if isinstance(value, int):
            sheet.write_number(number, column, value)
        else:
            # Always as text: a team or organisation name starting "=" must never become a formula.
            sheet.write_string(number, column, value)

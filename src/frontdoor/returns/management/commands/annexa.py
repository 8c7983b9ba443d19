"""`frontdoor annexa export --inspection-date DATE --out FILE.xlsx`: Ofsted's Annex A lists as a workbook."""

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from xlsxwriter.exceptions import FileCreateError  # type: ignore[import-untyped]

from frontdoor.returns.annexa import write_annex_a

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def inspection_date(text: str) -> date:
    """A date as YYYY-MM-DD or dd/mm/yyyy; anything else is refused by argparse with this message."""
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).date()  # noqa: DTZ007 (a calendar date, no time)
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"{text!r} is not a date: give it as YYYY-MM-DD or dd/mm/yyyy, like 2026-11-26")


class Command(BaseCommand):
    help = "Build Ofsted's Annex A child-level lists (Lists 1 to 11) as an .xlsx workbook."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        export = actions.add_parser("export", help="Write the workbook for an inspection date")
        export.add_argument(
            "--inspection-date",
            type=inspection_date,
            required=True,
            metavar="DATE",
            help="The first day of the inspection, YYYY-MM-DD or dd/mm/yyyy: the lists cover the six months before",
        )
        export.add_argument("--out", type=Path, required=True, metavar="FILE", help="Where to write the .xlsx file")

    def handle(self, *args: Any, inspection_date: date, out: Path, **options: Any) -> None:
        if out.is_dir():
            raise CommandError(f"{out} is a folder: give the name of the .xlsx file to write")
        if not out.parent.is_dir():
            raise CommandError(f"Cannot write {out}: the folder {out.parent} does not exist")
        try:
            summary = write_annex_a(inspection_date=inspection_date, out=out)
        except (OSError, FileCreateError) as error:
            out.unlink(missing_ok=True)
            raise CommandError(f"Cannot write {out}: {getattr(error, 'strerror', None) or error}") from None
        except BaseException:
            # Half a workbook must not be mistaken for the return.
            out.unlink(missing_ok=True)
            raise
        self.stdout.write(f"{summary.line()}. Written to {out}.")

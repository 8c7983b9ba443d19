from collections import Counter
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from frontdoor.returns.census.checks import message_of
from frontdoor.returns.census.export import export_census
from frontdoor.returns.census.periods import CensusYear, UnknownCensusYear


class Command(BaseCommand):
    help = "The DfE Children in Need census: export a year's XML and report the rules it breaks."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Write the census XML for a year and check it.")
        export.add_argument("--year", type=int, required=True, help="The year the census ends in: 2026 is 2025-26.")
        export.add_argument("--out", type=Path, required=True, help="The XML file to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            census = CensusYear.of(options["year"], today=timezone.localdate())
        except UnknownCensusYear as error:
            raise CommandError(str(error)) from error
        out: Path = options["out"]
        if not out.parent.is_dir():
            raise CommandError(f"No folder {out.parent} to write {out.name} in")
        result = export_census(census=census, out=out)
        self.stdout.write(
            f"Wrote the {census.label} census to {out}: {result.children:,} children, {result.episodes:,} "
            f"episodes; {result.errors:,} errors and {result.queries:,} queries"
        )
        for code, count in sorted(Counter(issue.rule for issue in result.issues).items()):
            self.stdout.write(f"  {code:6} {count:6,}  {message_of(code)}")

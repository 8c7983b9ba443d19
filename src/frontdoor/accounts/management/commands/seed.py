from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from frontdoor.seeding import DatabaseNotEmptyError, database_is_empty, seed_council


class Command(BaseCommand):
    help = "Build the synthetic council: a demo one, or the large one the benchmarks use."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--size", choices=["demo", "large"], default="demo")
        parser.add_argument("--seed", type=int, default=1, help="The same seed builds the same council.")
        parser.add_argument("--force", action="store_true", help="Empty a database that has data first.")
        parser.add_argument(
            "--no-broken-records",
            action="store_true",
            help="Leave out the demo's few deliberately broken records (they show on the data quality page).",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing, successfully, if the database has data."
        )

    def handle(
        self, *args: Any, size: str, seed: int, force: bool, if_empty: bool, no_broken_records: bool, **options: Any
    ) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "Synthetic data is for demos and benchmarks: it sets known passwords. "
                "Run with DEBUG=true on a database of its own."
            )
        if if_empty and not database_is_empty():
            self.stdout.write("The database already has data; the demo council was not loaded.")
            return
        try:
            seed_council(
                size=size,  # type: ignore[arg-type]
                seed=seed,
                today=timezone.localdate(),
                force=force,
                say=self.stdout.write,
                broken_records=size == "demo" and not no_broken_records,
            )
        except DatabaseNotEmptyError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Seeded the {size} council with seed {seed}."))

"""The synthetic council: `frontdoor seed --size demo|large --seed N`.

Each app adds its own records in its `seed.py` module, with a
`seed(context)` function; they run in INSTALLED_APPS order, so an app sees
the records of the apps it builds on. The same size and seed always build
the same council.
"""

import gc
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from importlib.util import find_spec
from typing import Any, Literal

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings
from faker import Faker

Size = Literal["demo", "large"]

DEMO_PASSWORD = "frontdoor-demo"


class DatabaseNotEmptyError(Exception):
    pass


@dataclass
class SeedContext:
    size: Size
    seed: int
    today: date
    rng: random.Random
    faker: Faker
    say: Callable[[str], None]
    # A few records broken on purpose, for the demo's data quality page (returns.seed).
    broken_records: bool = False
    # Records one app makes for the apps after it (the council, teams, staff…).
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def is_large(self) -> bool:
        return self.size == "large"


def database_is_empty() -> bool:
    from frontdoor.accounts.models import User

    return not User.objects.exists()


def seed_modules() -> list[Any]:
    modules = []
    for app in apps.get_app_configs():
        if app.name.startswith("frontdoor.") and find_spec(f"{app.name}.seed"):
            modules.append(import_module(f"{app.name}.seed"))
    return modules


def seed_council(
    *,
    size: Size,
    seed: int,
    today: date,
    force: bool = False,
    say: Callable[[str], None] = print,
    broken_records: bool = False,
) -> SeedContext:
    if not database_is_empty():
        if not force:
            raise DatabaseNotEmptyError("The database already has data. Use --force to empty it and seed it again.")
        # Empties every table, the logs included: only ever on a demo or
        # benchmark database (the command refuses when DEBUG is off).
        call_command("flush", interactive=False, verbosity=0)
        call_command("migrate", verbosity=0)
    faker = Faker("en_GB")
    faker.seed_instance(seed)
    context = SeedContext(
        size=size, seed=seed, today=today, rng=random.Random(seed), faker=faker, say=say, broken_records=broken_records
    )
    with bulk_loading():
        for module in seed_modules():
            with transaction.atomic():
                module.seed(context)
            # Fresh statistics after each app, as after any bulk import: without them PostgreSQL
            # plans the next app's look-ups on hundreds of thousands of rows as if the tables
            # were empty (the audit sample took minutes a month on the large council).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        # Last, once every app's records exist: the events their services would have written one by one.
        from frontdoor.records import seed_history

        with transaction.atomic():
            seed_history.seed(context)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return context


@contextmanager
def bulk_loading() -> Iterator[None]:
    """No cyclic garbage collection and no SQL log while hundreds of thousands of rows go in.

    Python's collector rescans every live object again and again as the heap
    grows (a third of the large seed's time), and with DEBUG on, which the
    seed command insists on, Django keeps the SQL of every query: hundreds of
    MB for the large council. Both come back afterwards.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        with override_settings(DEBUG=False):
            yield
    finally:
        if collecting:
            gc.enable()
            gc.collect()

"""An exception in the middle of any service leaves nothing half-written.

Every service appends its Event last, after its own writes, in the same
transaction. The test makes that append fail and checks that every table has
the rows it had before and that the records the service was given are
unchanged. The services are discovered, not listed: a new one without
arguments in tests/fault_arguments.py fails the first test below.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import date
from typing import Any
from unittest import mock

import pytest
from django.apps import apps
from django.db import connection

from frontdoor.records.models import Event
from frontdoor.seeding import seed_council
from tests.fault_arguments import EXEMPT, FAULT_AT_LAST_WRITE, ONLY_AN_EVENT, arguments
from tests.services_walk import rolled_back, service_functions, snapshot


class InjectedFault(Exception):
    pass


def test_every_service_has_arguments_for_the_fault_test_or_a_reason_it_has_none() -> None:
    services = set(service_functions())
    assert len(services) > 100  # the walk really found the services
    uncovered = services - set(arguments()) - set(EXEMPT)
    assert not uncovered, f"Give these services arguments in tests/fault_arguments.py: {sorted(uncovered)}"
    assert not (set(arguments()) | set(EXEMPT)) - services, "Arguments for services that no longer exist"


def row_counts() -> dict[str, int]:
    """Every table's row count, in one query: the test takes it twice for each of a hundred services."""
    tables = sorted({model._meta.db_table for model in apps.get_models(include_auto_created=True)})
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # Table names from the models, not from input.
        counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)  # noqa: S608
        cursor.execute(f"SELECT {counts}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


@contextmanager
def writes_counted(fail_at: int = 0) -> Iterator[list[str]]:
    """Count the INSERT, UPDATE and DELETE statements; with fail_at, the database fails that one instead."""
    writes: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if sql.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            writes.append(sql[:60])
            if len(writes) == fail_at:
                raise InjectedFault(f"the database failed on {sql[:60]}")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield writes


@contextmanager
def event_log_fails() -> Iterator[None]:
    with (
        mock.patch.object(Event, "save", side_effect=InjectedFault("the event log is down")),
        mock.patch.object(Event.objects, "bulk_create", side_effect=InjectedFault("the event log is down")),
    ):
        yield


def writes_of(service: Callable[..., Any], kwargs: dict[str, Any]) -> int:
    """How many write statements the service runs when nothing fails."""
    with writes_counted() as writes:
        rolled_back(lambda: service(**kwargs))
    return len(writes)


def writes_rows(service: Callable[..., Any], kwargs: dict[str, Any]) -> bool:
    """Whether the service, when nothing fails, changes how many rows some table has."""
    before = row_counts()
    return bool(rolled_back(lambda: (service(**kwargs), row_counts() != before)[1]))


def inject_fault(name: str, service: Callable[..., Any], build: Callable[[], dict[str, Any]]) -> str | None:
    """Run the service with the event log failing; say what went wrong, or None if nothing was left behind.

    The services in FAULT_AT_LAST_WRITE fail instead at their last write statement.
    """
    try:
        kwargs = build()
    except Exception as error:  # a builder that cannot find its records is reported, not fatal to the rest
        return f"could not build arguments: {error!r}"
    at_last_write = name in FAULT_AT_LAST_WRITE
    fail_at = 0
    if at_last_write:
        fail_at = writes_of(service, kwargs)
        kwargs = build()  # the dry run may have changed the records in memory (a deleted one loses its pk)
    before_counts, before_records = row_counts(), snapshot(kwargs)
    if at_last_write and fail_at < 2:
        return f"runs {fail_at} write statements, so a fault after its first write cannot be injected"
    with writes_counted(fail_at) as writes, nullcontext() if at_last_write else event_log_fails():
        try:
            service(**kwargs)
        except InjectedFault:
            pass
        except Exception as error:
            return f"refused its arguments before the fault: {error!r}"
        else:
            return "finished without writing an event, so the fault never fired"
    changed = {label: (count, row_counts()[label]) for label, count in before_counts.items()}
    changed = {label: counts for label, counts in changed.items() if counts[0] != counts[1]}
    if changed:
        return f"left rows behind: {changed}"
    if snapshot(kwargs) != before_records:
        return "changed the records it was given"
    if not writes and name not in ONLY_AN_EVENT and not writes_rows(service, build()):
        # Bulk loads on PostgreSQL go by COPY, out of sight of the statement count: count the rows instead.
        return "wrote nothing before its event, so the test proves nothing"
    return None


@pytest.mark.django_db
def test_an_exception_in_the_middle_of_any_service_leaves_no_partial_write() -> None:
    seed_council(size="demo", seed=1, today=date(2026, 11, 20), say=lambda _: None)
    services = service_functions()
    problems = {}
    for name, build in sorted(arguments().items()):
        if (problem := rolled_back(lambda: inject_fault(name, services[name], build))) is not None:  # noqa: B023
            problems[name] = problem
    assert not problems, "\n".join(f"{name}: {problem}" for name, problem in problems.items())

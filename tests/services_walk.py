"""The service functions, found by walking the package, and what the tests that walk them share."""

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Model

import frontdoor

SKIPPED_MODULES = (".migrations", ".management", ".seed", "frontdoor.seeding")


class RolledBack(Exception):
    pass


def service_functions() -> dict[str, Callable[..., Any]]:
    """Every public function of a services module, and every other public function that opens a transaction."""
    found = {}
    for module_info in pkgutil.walk_packages(frontdoor.__path__, "frontdoor."):
        if any(part in module_info.name for part in SKIPPED_MODULES):
            continue
        module = importlib.import_module(module_info.name)
        is_services = module_info.name.rsplit(".", 1)[-1].startswith("services")
        for name, function in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(function) or function.__module__ != module.__name__:
                continue
            acts = "by" in inspect.signature(function).parameters
            if (is_services and acts) or "transaction.atomic" in inspect.getsource(function):
                found[f"{module_info.name.removeprefix('frontdoor.')}.{name}"] = function
    return found


def snapshot(values: dict[str, Any]) -> dict[str, Any]:
    """The stored fields of every record the service was given, read back from the database."""
    records: list[Model] = []
    for value in values.values():
        items = value if isinstance(value, list | tuple) else [value]
        records += [item for item in items if isinstance(item, Model) and item.pk is not None]
    return {
        f"{record._meta.label}#{record.pk}": type(record)._default_manager.filter(pk=record.pk).values().first()
        for record in records
    }


def rolled_back(run: Callable[[], Any]) -> Any:
    """Run in a transaction that is always rolled back, so each service starts from the same council."""
    try:
        with transaction.atomic():
            raise RolledBack(run())
    except RolledBack as done:
        return done.args[0]

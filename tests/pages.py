"""Every page the URL resolver knows, with its URL kwargs filled in, for tests that walk them all.

A page added later is walked without editing the tests; a URL kwarg nobody knows how to fill
fails the walk (it is never skipped), so whoever adds it says here what it takes.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter, SlugConverter, StringConverter

# Not pages of ours: the API (token-authenticated, fuzzed from its schema) and Django's admin.
NOT_PAGES = ("api/", "django-admin/")


@dataclass(frozen=True)
class Page:
    route: str  # "people/<int:person_id>/edit/"
    converters: dict[str, Any]

    def __str__(self) -> str:
        return self.route or "/"

    def url(self, kwargs: dict[str, Any]) -> str:
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(kwargs[match[1]]), self.route)


def _walk(patterns: list[Any], prefix: str = "", converters: dict[str, Any] | None = None) -> Iterator[Page]:
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        known = {**(converters or {}), **pattern.pattern.converters}
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route, known)
        elif isinstance(pattern, URLPattern) and not route.startswith(NOT_PAGES):
            yield Page(route=route, converters=known)


def all_pages() -> list[Page]:
    return sorted({page.route: page for page in _walk(get_resolver().url_patterns)}.values(), key=str)


def placeholder_kwargs(page: Page) -> dict[str, Any]:
    """Any value of the right shape: enough where the answer does not depend on the record."""
    kwargs = {}
    for name, converter in page.converters.items():
        if isinstance(converter, IntConverter):
            kwargs[name] = 1
        elif isinstance(converter, SlugConverter | StringConverter):
            kwargs[name] = "x"
        else:
            pytest.fail(
                f"{page}: no placeholder for the {type(converter).__name__} of <{name}>; add one in tests/pages.py"
            )
    return kwargs


def real_kwargs(page: Page, finders: dict[str, Callable[[dict[str, Any]], Any]]) -> dict[str, Any]:
    """Values of real records, from finders keyed "route prefix:kwarg" (most specific first) or "kwarg"."""
    kwargs: dict[str, Any] = {}
    for name in page.converters:
        keys = sorted((key for key in finders if ":" in key and page.route.startswith(key.split(":")[0])), key=len)
        finder = next((finders[key] for key in reversed(keys) if key.endswith(":" + name)), finders.get(name))
        if finder is None:
            pytest.fail(f"{page}: nothing fills <{name}>; say in the test's finders which record it takes")
        value = finder(kwargs)
        if value is None:
            pytest.fail(f"{page}: the seeded council has no record for <{name}>")
        kwargs[name] = value
    return kwargs

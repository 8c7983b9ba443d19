"""The authorisation matrix: every page and endpoint, asked for by every role, answers as accounts/roles.py says.

The URLs come from the resolver and the API's methods from the OpenAPI schema, so a page or endpoint added
later is visited without editing this module; it fails until its URL name is in expectations.EXPECTED and its
arguments can be filled from tests/security/council.py.
"""

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from drf_spectacular.generators import SchemaGenerator

from frontdoor.accounts.roles import ROLE_CAPABILITIES, Capability, Role
from frontdoor.people.models import Person
from frontdoor.records.models import Event
from tests.security.council import OTHER_PARTNER, Council, Unfillable, build_council, kwargs_for
from tests.security.expectations import EXPECTED, Audience, Need, Rule, rule_for

# Each test also runs in a transaction of its own, inside the module's.
pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
VISITORS = [*(role.value for role in Role), OTHER_PARTNER, ANONYMOUS]
UNSAFE = {"post", "put", "patch", "delete"}
REFUSED = {401, 403, 404, 405}
# Auditors answer "who opened this child's record?" for restricted children above all; the log names the
# child only by their ID to anyone not named on the record, and lists who read it.
AUDITS_OF_A_RESTRICTED_CHILD = {"people:access-log", "people:access-log-csv", "api:person-access-log"}


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    arguments: tuple[str, ...]

    @property
    def openapi_path(self) -> str:
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", self.route)

    def path(self, fill: dict[str, dict[str, Any]], query: tuple[str, ...] = ()) -> str:
        kwargs = kwargs_for(fill, self.name, self.arguments + query)
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), self.route)
        return path + ("?" + urlencode({name: kwargs[name] for name in query}) if query else "")


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "", outer: tuple[str, ...] = ()) -> Iterator[Route]:
    for pattern in patterns:
        arguments = outer + tuple(pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner, arguments)
        elif isinstance(pattern, URLPattern) and pattern.name:
            route = prefix + str(pattern.pattern)
            if str(pattern.pattern).startswith("^"):
                # A regex pattern (the admin's app list): its groups become <name>, for the fill map to fill.
                route = prefix + re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", str(pattern.pattern)).strip("^$")
            yield Route(f"{namespace}{pattern.name}", route, arguments)


ROUTES = {route.name: route for route in _walk(get_resolver().url_patterns)}
SCHEMA = SchemaGenerator().get_schema(request=None, public=True)
BY_OPENAPI_PATH = {route.openapi_path: route for route in ROUTES.values()}
DOCUMENTED = {BY_OPENAPI_PATH[path].name for path in SCHEMA["paths"] if path in BY_OPENAPI_PATH}
OPERATIONS = [(path, method) for path, item in SCHEMA["paths"].items() for method in item if method in UNSAFE | {"get"}]


@pytest.fixture(scope="module")
def town(django_db_setup: None, django_db_blocker: Any) -> Iterator[Council]:
    """One council for the whole module, rolled back at its end; each request is rolled back after it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield build_council()
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture(scope="module")
def clients(town: Council) -> dict[str, Client]:
    """A client per visitor, signed in once for the module (inside its transaction, outside each test's)."""
    made = {}
    for visitor in VISITORS:
        made[visitor] = Client(raise_request_exception=False)
        if visitor != ANONYMOUS:
            made[visitor].force_login(town.users[visitor])
    return made


def allowed(need: Need, visitor: str) -> bool:
    if need == Audience.PUBLIC:
        return True
    if visitor == ANONYMOUS or need == Audience.DJANGO_STAFF:
        return False
    if need == Audience.SIGNED_IN:
        return True
    role = Role.PARTNER if visitor == OTHER_PARTNER else Role(visitor)
    return need in ROLE_CAPABILITIES[role]


def _to_sign_in(response: HttpResponse) -> bool:
    return response.status_code == 302 and response["Location"].startswith(("/sign-in/", "/django-admin/login/"))


def judge(rule: Rule, visitor: str, method: str, response: HttpResponse, wrote: bool) -> str | None:
    """What is wrong with this answer, if anything."""
    status = response.status_code
    if status >= 500:
        return f"server error {status}"
    need = rule.writing if method in UNSAFE else rule.read
    if allowed(need, visitor):
        # Only a public page (signing out) may send someone signed in to sign in.
        if visitor != ANONYMOUS and need != Audience.PUBLIC and _to_sign_in(response):
            return "sent a signed-in visitor to sign in"
        if status in (403, 404) and not rule.narrower and not (method in UNSAFE and status == 404):
            return f"refused ({status}) though the role has {need}"
        return None
    if wrote:
        return f"{status} and wrote to the event log without {need}"
    if status in REFUSED or _to_sign_in(response):
        return None
    return f"answered {status} without {need}"


def visit(client: Client, method: str, path: str) -> tuple[HttpResponse, bool]:
    """The answer, and whether anything was written to the event log; rolled back either way."""
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        before = _last_event()
        if method in UNSAFE and path.startswith("/api/"):
            response = client.generic(method.upper(), path, "{}", content_type="application/json")
        elif method in UNSAFE:
            response = client.post(path, {})
        else:
            response = client.get(path)
        wrote = _last_event() != before
        transaction.set_rollback(True)
    # Signing out (or a new session) is rolled back in the database; the client's cookies must follow.
    client.cookies = cookies
    return response, wrote


def _last_event() -> int | None:
    return Event.objects.order_by("-pk").values_list("pk", flat=True).first()


def _path_or_fail(route: Route, fill: dict[str, dict[str, Any]], query: tuple[str, ...] = ()) -> str:
    try:
        return route.path(fill, query)
    except Unfillable as missing:
        pytest.fail(
            f"{route.name} ({route.route}) asks for `{missing}`: add a record for it to the fill map in "
            "tests/security/council.py, so the matrix can visit it"
        )


def _matrix(clients: dict[str, Client], route: Route, path: str, methods: list[str]) -> list[str]:
    rule = rule_for(route.name)
    assert rule is not None, f"Classify {route.name} in tests/security/expectations.py"
    problems = []
    tried_allowed: set[str] = set()
    for visitor in VISITORS:
        client = clients[visitor]
        for method in methods:
            if method in UNSAFE and allowed(rule.writing, visitor):
                # Writes are refused to everyone without the capability; with it, one role's empty write is
                # enough to find a server error, and more would only repeat it.
                if method in tried_allowed:
                    continue
                tried_allowed.add(method)
            response, wrote = visit(client, method, path)
            problem = judge(rule, visitor, method, response, wrote)
            if problem:
                problems.append(f"{method.upper()} {path} as {visitor}: {problem}")
    return problems


def test_every_url_name_is_classified() -> None:
    unclassified = sorted(name for name in ROUTES if rule_for(name) is None)
    assert not unclassified, f"Add these to EXPECTED in tests/security/expectations.py: {unclassified}"


def test_the_table_names_no_url_that_does_not_exist() -> None:
    """A typo or a removed page would otherwise leave a rule that checks nothing."""
    stale = sorted(name for name in EXPECTED if "*" not in name and name not in ROUTES)
    assert not stale, f"No URL has these names: {stale}"


def test_every_api_path_in_the_schema_is_a_named_url() -> None:
    unnamed = sorted(path for path in SCHEMA["paths"] if path not in BY_OPENAPI_PATH)
    assert not unnamed, f"Name these API routes so the matrix can classify them: {unnamed}"


@pytest.mark.parametrize("name", sorted(set(ROUTES) - DOCUMENTED))
def test_each_page_answers_each_role_as_the_roles_allow(town: Council, clients: dict[str, Client], name: str) -> None:
    route = ROUTES[name]
    problems = _matrix(clients, route, _path_or_fail(route, town.fill), ["get", "post"])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("openapi_path", "method"), OPERATIONS)
def test_each_api_operation_answers_each_role_as_the_roles_allow(
    town: Council, clients: dict[str, Client], openapi_path: str, method: str
) -> None:
    route = BY_OPENAPI_PATH[openapi_path]
    parameters = SCHEMA["paths"][openapi_path][method].get("parameters", [])
    query = tuple(p["name"] for p in parameters if p["in"] == "query" and p.get("required"))
    problems = _matrix(clients, route, _path_or_fail(route, town.fill, query), [method])
    assert not problems, "\n".join(problems)


def _first_allowed(rule: Rule) -> str | None:
    return next((visitor for visitor in VISITORS if allowed(rule.read, visitor)), None)


CHILD_SCOPED = sorted(
    name
    for name, route in ROUTES.items()
    if route.arguments and (rule := rule_for(name)) is not None and isinstance(rule.read, Capability)
)


@pytest.mark.parametrize("name", CHILD_SCOPED)
def test_a_restricted_childs_records_are_refused_to_someone_not_named_on_them(
    town: Council, clients: dict[str, Client], name: str
) -> None:
    """Asked by the first role the page is open to, about a child restricted to people outside the cast."""
    route = ROUTES[name]
    rule = rule_for(name)
    assert rule is not None
    try:
        path = route.path(town.restricted)
    except Unfillable:
        pytest.skip("not about a child")  # its records are not about a child: nothing restricted to ask for
    visitor = _first_allowed(rule)
    assert visitor is not None
    client = clients[visitor]
    response, wrote = visit(client, "get", path)
    if response.status_code == 405:
        response, wrote = visit(client, "post", path)
    if name in AUDITS_OF_A_RESTRICTED_CHILD:
        child = Person.objects.get(pk=town.restricted["*"]["person_id"])
        assert response.status_code == 200, f"{path} as {visitor}: {response.status_code}"
        assert child.last_name not in response.content.decode(), f"{path} names the restricted child"
        return
    assert response.status_code in (403, 404), f"{path} as {visitor}: {response.status_code}"
    assert not wrote, f"{path} as {visitor} wrote to the event log"

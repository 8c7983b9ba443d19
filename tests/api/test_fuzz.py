"""Schemathesis over the whole OpenAPI schema, in-process, against a small seeded council.

Every operation the schema documents gets a handful of generated requests from a service manager
(the role that reaches the most endpoints) with an API token, as an integration would call it.
The answers must never be server errors, and must be what the schema says: a documented status
code, the documented content type and a body that fits the documented shape.
"""

from collections.abc import Iterator
from datetime import date

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from pytest_django import DjangoDbBlocker
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from frontdoor.accounts.models import User
from frontdoor.accounts.roles import Role
from frontdoor.accounts.services import create_api_token
from frontdoor.seeding import seed_council

TODAY = date(2026, 11, 26)

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = get_wsgi_application()
# The coverage phase sends every boundary case the schema defines, which takes minutes over the whole
# API; the generated examples (bounded below) are what the suite can afford on every run.
schema.config.phases.update(phases=["examples", "fuzzing"])

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def seeded_council(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        try:
            seed_council(size="demo", seed=11, today=TODAY, say=lambda line: None)
            yield
        finally:
            # Left behind, the seeded council would meet the next test file in this worker.
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def token(seeded_council: None, db: None) -> Iterator[str]:
    """A service manager's API token, with requests kept inside the test's transaction."""
    user = User.objects.filter(role=Role.SERVICE_MANAGER, is_active=True).order_by("pk").first()
    assert user is not None
    _, key = create_api_token(user=user, name="fuzz", by=None)
    # Django's test client does the same: a request's end must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield key
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_every_operation_answers_as_its_schema_says(case: schemathesis.Case, token: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

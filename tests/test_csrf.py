"""CSRF on every form: a signed-in user's POST without the token is refused, on every page there is.

The walk comes from the URL resolver, so a page added later is covered without editing this test.
Django's CSRF middleware answers before the view runs, so any record ID will do here: a view that
opted out (csrf_exempt) is the only way to get past it, and that is what the test catches.
"""

import pytest
from django.test import Client

from frontdoor.accounts.roles import Role
from tests.conftest import make_user
from tests.pages import Page, all_pages, placeholder_kwargs


@pytest.mark.parametrize("walked", all_pages(), ids=str)
def test_a_post_without_the_csrf_token_is_refused(walked: Page, db: None, caplog: pytest.LogCaptureFixture) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(Role.SERVICE_MANAGER))
    response = client.post(walked.url(placeholder_kwargs(walked)), {"anything": "at all"})
    assert response.status_code == 403, f"{walked} took a POST without a CSRF token ({response.status_code})"
    # Refused by the CSRF check itself, not by a permission check in a view that opted out of it.
    assert any(record.name == "django.security.csrf" for record in caplog.records)


def test_the_walk_sees_the_pages_with_forms() -> None:
    routes = {str(page) for page in all_pages()}
    assert {"people/new/", "contacts/new/", "partners/police/import/", "contacts/calls/import/"} <= routes
    assert not any(route.startswith(("api/", "django-admin/")) for route in routes)

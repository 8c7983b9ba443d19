"""`frontdoor check --deploy` in the test process, with the settings production derives from DEBUG off.

tests/test_settings.py runs the same check in a fresh process from the environment alone; this one
also shows the check has teeth: weaken one protection and it fails.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

# The model checks ask the database what it supports.
pytestmark = pytest.mark.django_db

# What the test settings turn off so the test client can use plain HTTP, as production has them.
PRODUCTION = {
    "DEBUG": False,
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    # The test settings allow async-unsafe calls for Playwright, and Django's check rightly objects. Unsetting
    # the variable here instead breaks the model checks' database calls in a worker where a browser test has
    # left an event loop running. tests/test_settings.py checks production has it unset, in a fresh process.
    "SILENCED_SYSTEM_CHECKS": [*settings.SILENCED_SYSTEM_CHECKS, "async.E001"],
}


def deploy_check() -> None:
    with open("/dev/null", "w") as quiet:
        call_command("check", deploy=True, fail_level="WARNING", stdout=quiet, stderr=quiet)


def test_production_settings_pass_the_deployment_checks_with_no_warning() -> None:
    with override_settings(**PRODUCTION):
        deploy_check()


def test_production_settings_behind_a_tls_proxy_pass_the_deployment_checks() -> None:
    with override_settings(**PRODUCTION, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
        deploy_check()


@pytest.mark.parametrize(
    ("setting", "weakened"),
    [("SESSION_COOKIE_SECURE", False), ("SECURE_HSTS_SECONDS", 0), ("DEBUG", True), ("SECRET_KEY", "short")],
)
def test_the_deployment_check_fails_when_a_protection_is_weakened(setting: str, weakened: object) -> None:
    with override_settings(**{**PRODUCTION, setting: weakened}), pytest.raises(SystemCheckError):
        deploy_check()

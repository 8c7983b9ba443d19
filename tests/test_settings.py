"""Production settings: checked in a fresh process, as a deployment would start."""

import os
import subprocess
import sys

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "frontdoor.council.example",
    "DATABASE_URL": "sqlite:///:memory:",
}


def frontdoor(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # Only the machine's own environment: nothing the test settings set for themselves.
    test_only = {"DJANGO_ALLOW_ASYNC_UNSAFE", "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "MFA_REQUIRED", *PRODUCTION}
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    clean["DJANGO_SETTINGS_MODULE"] = "frontdoor.settings"
    return subprocess.run(
        [sys.executable, "-m", "frontdoor.cli", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks() -> None:
    result = frontdoor("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_a_missing_secret_key_stops_start_up_naming_it() -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = frontdoor("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_a_missing_database_url_stops_start_up_naming_it() -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "DATABASE_URL"}
    result = frontdoor("check", **env)
    assert "DATABASE_URL is not set" in result.stderr


def test_a_setting_that_is_not_true_or_false_is_refused() -> None:
    result = frontdoor("check", **{**PRODUCTION, "DEBUG": "maybe"})
    assert "DEBUG must be true or false, not 'maybe'" in result.stderr


def test_debug_runs_with_demo_defaults_and_nothing_set() -> None:
    result = frontdoor("check", DEBUG="true", DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 0, result.stderr


def setting(name: str, **env: str) -> str:
    result = frontdoor("shell", "-c", f"from django.conf import settings; print(settings.{name})", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_requires_mfa_and_the_demo_does_not() -> None:
    assert setting("MFA_REQUIRED", **PRODUCTION) == "True"
    assert setting("MFA_REQUIRED", DEBUG="true", DATABASE_URL="sqlite:///:memory:") == "False"


def test_single_sign_on_half_set_up_stops_start_up_naming_what_is_missing() -> None:
    result = frontdoor("check", **PRODUCTION, OIDC_CLIENT_ID="front-door", OIDC_ISSUER="https://login.example/t/v2.0")
    assert result.returncode != 0
    assert "single sign-on also needs OIDC_CLIENT_SECRET" in result.stderr
    # The endpoints come from the issuer's discovery document, so the issuer (or the document's address) is needed.
    result = frontdoor("check", **PRODUCTION, OIDC_CLIENT_ID="front-door", OIDC_CLIENT_SECRET="secret")
    assert result.returncode != 0
    assert "single sign-on also needs OIDC_ISSUER (or OIDC_DISCOVERY_URL)" in result.stderr


def test_postgresql_connections_run_without_the_jit_compiler_unless_the_url_asks_for_it() -> None:
    def options(url: str) -> str:
        return setting("DATABASES['default']['OPTIONS']['options']", **{**PRODUCTION, "DATABASE_URL": url})

    assert options("postgres://frontdoor@db.council.example/frontdoor") == "-c jit=off"
    asked = options("postgres://frontdoor@db.council.example/frontdoor?options=-c%20jit%3Don")
    assert asked == "-c jit=off -c jit=on"

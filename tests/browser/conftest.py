"""Browser tests: Playwright drives the machine's Chromium against a live server.

Chromium comes from the machine (Debian's `chromium` package, or CHROMIUM_PATH);
the tests never download a browser.
"""

import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import ConsoleMessage, Page

from frontdoor.accounts.models import User
from tests.factories import PASSWORD

# Flags for a headless Chromium on a machine with no network beyond localhost.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise pytest.UsageError(
            "Chromium was not found. Install Debian's chromium package "
            "(sudo apt-get install chromium) or set CHROMIUM_PATH."
        )
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def live_server(django_db_setup: None, live_server: Any) -> Any:
    """The live server, stopped before the test database is dropped.

    Depending on django_db_setup orders the teardown: otherwise the server
    thread still holds a PostgreSQL connection when the database goes.
    """
    return live_server


@pytest.fixture
def console_errors(page: Page) -> Iterator[list[str]]:
    """Errors the page logs, Content Security Policy refusals among them."""
    errors: list[str] = []

    def keep(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", keep)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield errors


@pytest.fixture
def sign_in(page: Page, live_server: Any) -> Callable[[User], Page]:
    def go(user: User, path: str = "/") -> Page:
        page.goto(f"{live_server.url}/sign-in/?next={quote(path)}")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        return page

    return go

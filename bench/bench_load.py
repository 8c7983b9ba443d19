"""Load: 50 simulated staff against gunicorn on 127.0.0.1, on the large council.

Each simulated person signs in through the sign-in page, then loops through a
realistic mix of what the front door does all day, pausing between steps as a
person reading a page does: searching the people index, reading a child's page,
looking at the duty queue and their own work, and recording a contact for a
child (open the form with the child chosen, then send it). Times are measured
by the client, so they include gunicorn and the network stack, not just Django.

The server runs as production would (DEBUG off, collected static files) except
for HTTPS, which a reverse proxy provides in production. Contacts recorded here
stay in the benchmark database, as a day's work would; other benchmarks roll
back what they write, so they do not depend on them.
"""

import html
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path

import pyotp
from django.conf import settings
from django.contrib.auth.hashers import make_password

from bench.harness import Result
from frontdoor.accounts.models import AuthenticatorApp, User
from frontdoor.accounts.roles import Role
from frontdoor.people.models import Person

USERS = int(os.environ.get("LOAD_USERS", 50))
SECONDS = float(os.environ.get("LOAD_SECONDS", 90))
RAMP_SECONDS = 10.0
# A person reads a page before the next click; 2 to 6 seconds is quick for case records.
THINK_SECONDS = (2.0, 6.0)
WORKERS = int(os.environ.get("LOAD_WORKERS", 4))
PASSWORD = "load-test-password-not-secret"  # noqa: S105 - set by this benchmark on its own database
# Every simulated person's authenticator app; each has their own app row, so codes are not shared between them.
TOTP_SECRET = pyotp.random_base32()
# Everyone who works at the front door, each a different person: the large council has 15 contact officers.
ROLE_MIX = [(Role.CONTACT_OFFICER, 14), (Role.SOCIAL_WORKER, 26), (Role.TEAM_MANAGER, 10)]
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
IDEMPOTENCY_FIELD = re.compile(r'name="idempotency_key" value="([^"]+)"')


@dataclass
class Tally:
    """Every request's time, by what the person was doing, and everything that went wrong."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, step: str, took: float, error: str = "") -> None:
        with self.lock:
            self.seconds[step].append(took)
            if error:
                self.errors.append(f"{step}: {error}")


class Browser:
    """One person's session: cookies kept, every request timed."""

    def __init__(self, base: str, tally: Tally) -> None:
        self.base = base
        self.tally = tally
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, step: str, path: str, data: dict[str, str | list[str]] | None = None, expect: int = 200) -> str:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310 - always http://127.0.0.1
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=30) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as answer:
            status, text = answer.code, answer.read().decode(errors="replace")
        except OSError as problem:
            self.tally.add(step, time.perf_counter() - started, f"{path}: {problem}")
            return ""
        took = time.perf_counter() - started
        self.tally.add(step, took, "" if status == expect else f"{path}: HTTP {status}, expected {expect}")
        return text


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to time on its own; the person's next click follows it."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class StaffMember:
    """A simulated member of staff working through the day."""

    def __init__(self, browser: Browser, username: str, children: list[tuple[int, str]], rng: random.Random) -> None:
        self.browser = browser
        self.username = username
        self.children = children
        self.rng = rng

    def sign_in(self) -> None:
        """Password, then the authenticator app's code, as production asks of every member of staff."""
        page = self.browser.request("sign in page", "/sign-in/")
        token = CSRF_FIELD.search(page)
        self.browser.request(
            "sign in",
            "/sign-in/",
            {"csrfmiddlewaretoken": token.group(1) if token else "", "username": self.username, "password": PASSWORD},
            expect=302,
        )
        page = self.browser.request("sign in code page", "/sign-in/code/")
        token = CSRF_FIELD.search(page)
        code = pyotp.TOTP(TOTP_SECRET).now()
        self.browser.request(
            "sign in code",
            "/sign-in/code/",
            {"csrfmiddlewaretoken": token.group(1) if token else "", "code": code},
            expect=302,
        )

    def work(self, until: float) -> None:
        steps = [self.search, self.read_child, self.queue, self.my_work, self.record_contact]
        weights = [30, 30, 15, 10, 15]
        while time.monotonic() < until:
            self.rng.choices(steps, weights)[0]()
            time.sleep(self.rng.uniform(*THINK_SECONDS))

    def search(self) -> None:
        _, surname = self.rng.choice(self.children)
        self.browser.request("search people", f"/people/?{urllib.parse.urlencode({'q': surname})}")

    def read_child(self) -> None:
        child_id, _ = self.rng.choice(self.children)
        self.browser.request("child page", f"/people/{child_id}/")

    def queue(self) -> None:
        self.browser.request("duty queue", "/contacts/")

    def my_work(self) -> None:
        self.browser.request("home page", "/")

    def record_contact(self) -> None:
        child_id, _ = self.rng.choice(self.children)
        form = self.browser.request("contact form", f"/contacts/new/?child={child_id}")
        token, key = CSRF_FIELD.search(form), IDEMPOTENCY_FIELD.search(form)
        if not (token and key):
            self.browser.tally.add("record contact", 0.0, "the contact form had no token or key")
            return
        now = time.localtime()
        self.browser.request(
            "record contact",
            "/contacts/new/",
            {
                "csrfmiddlewaretoken": html.unescape(token.group(1)),
                "idempotency_key": key.group(1),
                "child": str(child_id),
                "received_on_day": str(now.tm_mday),
                "received_on_month": str(now.tm_mon),
                "received_on_year": str(now.tm_year),
                "received_time": time.strftime("%H:%M", now),
                "channel": "phone",
                "source": "2A",
                "referrer_name": "Mrs Patel",
                "referrer_role": "Designated safeguarding lead",
                "referrer_organisation": "Northbridge Primary",
                "family_aware": "yes",
                "consent": "given",
                "concern": "She came to school with a bruise on her arm and said her dad grabbed her.",
                "categories": ["physical_abuse"],
                "immediate_danger": "no",
                "rag": "amber",
            },
            expect=302,
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_environment(var_dir: Path) -> dict[str, str]:
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        url = os.environ["DATABASE_URL"]
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "load-test-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": url,
        "VAR_DIR": str(var_dir),
        # TLS ends at the reverse proxy in production; here the client speaks plain HTTP.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "MFA_REQUIRED": "true",
        # As docs/deployment.md sets it: a fresh PostgreSQL connection per request forks a server process.
        "CONN_MAX_AGE": "60",
        "LOGIN_FAILURE_LIMIT": "1000",
    }


def start_server(port: int, environment: dict[str, str]) -> subprocess.Popen[bytes]:
    bin_dir = Path(sys.executable).parent
    subprocess.run(  # noqa: S603 - our own commands, from our own virtualenv
        [str(bin_dir / "frontdoor"), "collectstatic", "--no-input", "--verbosity", "0"], env=environment, check=True
    )
    server = subprocess.Popen(  # noqa: S603 - our own commands, from our own virtualenv
        [
            str(bin_dir / "gunicorn"),
            "frontdoor.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={WORKERS}",
            "--log-level=warning",
        ],
        env=environment,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start within 30 seconds")


def staff() -> list[str]:
    """The people signing in, each a different member of staff, with a password and app only this benchmark knows.

    Each person signs in once: an authenticator code is refused a second time, as it should be. The first one
    returned is an extra contact officer who warms the server up.
    """
    usernames: list[str] = []
    password = make_password(PASSWORD)
    for number, (role, count) in enumerate(ROLE_MIX):
        count += number == 0
        people = User.objects.filter(role=role, is_active=True).order_by("id").values_list("username", flat=True)
        chosen = list(people[:count])
        assert len(chosen) == count, f"the large council has {len(chosen)} active {role.label}s, the mix needs {count}"
        User.objects.filter(username__in=chosen).update(password=password)
        usernames += chosen
    for user in User.objects.filter(username__in=usernames):
        AuthenticatorApp.objects.update_or_create(
            user=user, defaults={"secret": TOTP_SECRET, "last_used_step": None, "last_used_at": None}
        )
    assert len(usernames) > USERS, f"the mix has {len(usernames) - 1} people for {USERS} simulated users"
    return usernames[: USERS + 1]


def children() -> list[tuple[int, str]]:
    rows = Person.objects.filter(
        date_of_birth__year__gte=2010, is_restricted=False, merged_into__isnull=True
    ).values_list("id", "last_name")
    return list(rows.order_by("id")[:2000])


def warm_up(base: str, username: str, child_list: list[tuple[int, str]]) -> None:
    """Every worker loads its code and templates once before the clock starts, as a running server has."""
    person = StaffMember(Browser(base, Tally()), username, child_list, random.Random(0))
    person.sign_in()
    for _ in range(WORKERS * 2):
        for step in (person.search, person.read_child, person.queue, person.my_work):
            step()


def simulate(base: str, usernames: list[str], child_list: list[tuple[int, str]]) -> tuple[Tally, float]:
    """Everyone signs in first, as staff do at the start of a shift, then works; only the work is timed.

    Signing in hashes a password on purpose slowly (Argon2), so 50 sign-ins squeezed into the ramp would
    measure the hashing, not the day's work; their times are reported on their own.
    """
    tally = Tally()
    warm_up(base, usernames[0], child_list)
    people = [StaffMember(Browser(base, tally), u, child_list, random.Random(i)) for i, u in enumerate(usernames[1:])]
    signing_in = [threading.Thread(target=person.sign_in, daemon=True) for person in people]
    for thread in signing_in:
        thread.start()
    for thread in signing_in:
        thread.join()
    until = time.monotonic() + RAMP_SECONDS + SECONDS

    def one(index: int, person: StaffMember) -> None:
        time.sleep(RAMP_SECONDS * index / len(people))
        person.work(until)

    threads = [threading.Thread(target=one, args=(i, person), daemon=True) for i, person in enumerate(people)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.monotonic() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def run() -> list[Result]:
    usernames, child_list = staff(), children()
    var_dir = Path(tempfile.mkdtemp(prefix="frontdoor-load-"))
    port = free_port()
    server = start_server(port, server_environment(var_dir))
    try:
        tally, elapsed = simulate(f"http://127.0.0.1:{port}", usernames, child_list)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)
    work = {step: times for step, times in tally.seconds.items() if not step.startswith("sign in")}
    every_request = [t for times in work.values() for t in times]
    for step, times in sorted(tally.seconds.items()):
        print(
            f"    {step:<20} {len(times):>6} requests  median {statistics.median(times) * 1000:6.0f} ms"
            f"  p95 {percentile(times, 0.95) * 1000:6.0f} ms" + ("  (before the clock)" if step not in work else "")
        )
    for error in tally.errors[:10]:
        print(f"    error: {error}")
    detail = f"{USERS} users, {SECONDS:.0f} s after a {RAMP_SECONDS:.0f} s ramp, {WORKERS} gunicorn workers"
    return [
        Result(
            "load: p95 of every request (50 users)", percentile(every_request, 0.95) * 1000, "ms", 300, detail=detail
        ),
        Result("load: errors", len(tally.errors), "errors", 0, detail=detail),
        Result("load: throughput", len(every_request) / elapsed, "req/s", 10, kind="min", detail=detail),
    ]

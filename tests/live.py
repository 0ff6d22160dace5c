"""The portal's real processes for live tests: web, worker and scheduler on a fresh seeded database.

A live test starts what `make demo` (or `make serve`) starts, as separate operating-system processes
on 127.0.0.1, against its own copy of a migrated and seeded database: a SQLite file, or a fresh
PostgreSQL database when the suite runs with a PostgreSQL ``DATABASE_URL``. It drives them over HTTP
and reads their logs. The template database is built once per test session (migrate + seed_demo).

    def test_something(live_portal):
        portal = live_portal()                       # web + worker + scheduler
        response = portal.request("GET", "/")
        portal.kill("worker"); portal.start_process("worker")
        portal.assert_logs_clean()
"""

from __future__ import annotations

import json as jsonlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(REPO_DIR / "manage.py")]

# What `make demo` runs, by process name. `web` is runserver (dev) or gunicorn (production).
PROCESS_COMMANDS: dict[str, list[str]] = {
    "worker": [*MANAGE, "run_worker"],
    "scheduler": [*MANAGE, "run_scheduler"],
}
DEFAULT_PROCESSES = ("web", "worker", "scheduler")

# Lines that mean something went wrong in a process's log.
TRACEBACK = re.compile(r"^Traceback \(most recent call last\)", re.MULTILINE)
LOCKED = re.compile(r"database is locked", re.IGNORECASE)
SERVER_ERROR = re.compile(r'"[A-Z]+ \S+ HTTP/[\d.]+" 5\d\d ')
TOKEN_LINE = re.compile(r"^(\S+)[ \t].*[ \t](wagtail_\S+)[ \t]*$", re.MULTILINE)


DEMO_FACTS = """
import json
from django.contrib.auth import get_user_model
from exemplar_pages.models import Field, Locality, UnitPage
from exemplar_pages.moderation.permissions import units_edited_by
unit = UnitPage.objects.get(pk=units_edited_by(get_user_model().objects.get(username="bientapvien"))[0])
field = Field.objects.get(slug="nong-nghiep")
print(json.dumps({"unit": unit.pk, "unit_url": unit.url, "field": field.pk, "field_name": field.name,
                  "locality": unit.locality_id or Locality.objects.order_by("pk").first().pk}))
"""
#: The review every publication passes: the editor submits, the office passes on, a council majority approves.
FULL_REVIEW = (("bientapvien", "submit"), ("thuongtruc", "approve"), ("hoidong1", "approve"), ("hoidong2", "approve"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_environment(**extra: str) -> dict[str, str]:
    """The environment of the portal's processes: this one's, minus what would leak the test's settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST", "DJANGO_"))}
    # As `make demo` runs it: DEBUG off, so citizens (and the tests) see the portal's own error pages.
    env.update(PYTHONUNBUFFERED="1", ELASTICSEARCH_URL="", FRONTEND_CACHE_URL="", LOG_LEVEL="INFO", DEBUG="0")
    env.update(extra)
    return env


def postgres_server_url() -> str | None:
    """The PostgreSQL server the suite runs on, if it runs on one."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def run_sql(server_url: str, statement: str) -> None:
    """Run one statement on the server's maintenance database (autocommit)."""
    import psycopg

    with psycopg.connect(with_database(server_url, "postgres"), autocommit=True) as connection:
        connection.execute(statement)


def drop_database(server_url: str, name: str) -> None:
    """Drop a database the portal's processes may still be connected to.

    ``WITH (FORCE)`` ends those sessions, but PostgreSQL refuses it to a role that is not a superuser
    when an autovacuum worker happens to be in the database ("must be a member of the role whose
    process is being terminated"). Then the role's own sessions are ended by hand and a plain
    ``DROP DATABASE`` asks the autovacuum worker to leave (it waits a few seconds for it).
    """
    import psycopg

    try:
        run_sql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    except psycopg.errors.InsufficientPrivilege:
        pass
    for attempt in range(5):
        with psycopg.connect(with_database(server_url, "postgres"), autocommit=True) as connection:
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND usename = current_user AND pid <> pg_backend_pid()",
                (name,),
            )
            try:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
                return
            except psycopg.errors.ObjectInUse:
                if attempt == 4:
                    raise
        time.sleep(1)


@dataclass
class Template:
    """A migrated, seeded database (and its media) that each portal starts from."""

    directory: Path
    database_url: str
    postgres_server: str | None
    database_name: str | None
    tokens: dict[str, str]
    counter: int = 0

    def new_database(self, directory: Path) -> str:
        """A fresh copy of the template database for one portal; returns its URL."""
        self.counter += 1
        if self.postgres_server:
            name = f"{self.database_name}_{self.counter}"
            run_sql(self.postgres_server, f'DROP DATABASE IF EXISTS "{name}"')
            run_sql(self.postgres_server, f'CREATE DATABASE "{name}" TEMPLATE "{self.database_name}"')
            return with_database(self.postgres_server, name)
        shutil.copy(self.directory / "db.sqlite3", directory / "db.sqlite3")
        return f"sqlite:///{directory / 'db.sqlite3'}"

    def drop_database(self, url: str) -> None:
        if self.postgres_server:
            name = urlsplit(url).path.lstrip("/")
            drop_database(self.postgres_server, name)


def build_template(directory: Path) -> Template:
    """Migrate and seed a database the way `make demo` does, in a child process."""
    directory.mkdir(parents=True, exist_ok=True)
    server = postgres_server_url()
    name = None
    if server:
        name = f"thidua_live_{os.getpid()}"
        drop_database(server, name)
        run_sql(server, f'CREATE DATABASE "{name}"')
        url = with_database(server, name)
    else:
        url = f"sqlite:///{directory / 'db.sqlite3'}"
    env = base_environment(
        DATABASE_URL=url, MEDIA_ROOT=str(directory / "media"), DJANGO_SETTINGS_MODULE="cms.settings.dev"
    )
    for command in (["migrate", "--no-input"], ["seed_demo"]):
        result = subprocess.run(
            [*MANAGE, *command], cwd=REPO_DIR, env=env, capture_output=True, text=True, timeout=600, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    tokens = dict(TOKEN_LINE.findall(result.stdout))
    return Template(directory, url, server, name, tokens)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str

    def json(self):
        return jsonlib.loads(self.text)


@dataclass
class LivePortal:
    """One running portal: its processes, database, media and logs."""

    directory: Path
    template: Template
    processes: tuple[str, ...] = DEFAULT_PROCESSES
    settings: str = "cms.settings.dev"
    web: str = "runserver"
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    database_url: str = ""
    running: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def tokens(self) -> dict[str, str]:
        """API tokens of the demo users, by username."""
        return self.template.tokens

    def url(self, path: str) -> str:
        return self.base_url + path

    def environment(self) -> dict[str, str]:
        return base_environment(
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.directory / "media"),
            DJANGO_SETTINGS_MODULE=self.settings,
            **self.env,
        )

    def command(self, name: str) -> list[str]:
        if name != "web":
            return PROCESS_COMMANDS[name]
        address = f"127.0.0.1:{self.port}"
        if self.web == "gunicorn":
            gunicorn = str(Path(sys.executable).with_name("gunicorn"))
            return [gunicorn, "cms.wsgi:application", "--bind", address, "--workers", "2", "--threads", "4"]
            # access log: see start_process
        return [*MANAGE, "runserver", address, "--noreload"]

    def log_path(self, name: str) -> Path:
        return self.directory / f"{name}.log"

    def start(self) -> LivePortal:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = self.port or free_port()
        self.database_url = self.template.new_database(self.directory)
        media = self.template.directory / "media"
        if media.exists():
            shutil.copytree(media, self.directory / "media", dirs_exist_ok=True)
        for name in self.processes:
            self.start_process(name)
        if "web" in self.processes:
            self.wait_for_web()
        return self

    def start_process(self, name: str) -> subprocess.Popen:
        """Start (or restart) one process; its output is appended to its log."""
        command = self.command(name)
        if name == "web" and self.web == "gunicorn":
            command = [*command, "--access-logfile", "-", "--error-logfile", "-"]
        log = open(self.log_path(name), "a")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            command, cwd=REPO_DIR, env=self.environment(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        self.running[name] = process
        return process

    def wait_for_web(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            process = self.running["web"]
            if process.poll() is not None:
                raise RuntimeError(f"the web process exited ({process.returncode}):\n{self.log('web')[-3000:]}")
            try:
                with urllib.request.urlopen(self.url("/"), timeout=5):  # noqa: S310 (loopback)
                    return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"the web process did not answer in {timeout} s:\n{self.log('web')[-3000:]}")

    def alive(self, name: str) -> bool:
        process = self.running.get(name)
        return process is not None and process.poll() is None

    def kill(self, name: str, sig: int = signal.SIGKILL, timeout: float = 15) -> int | None:
        """Send a signal to a process (and its children) and wait for it to end; returns its exit code."""
        process = self.running.get(name)
        if process is None or process.poll() is not None:
            return process.returncode if process else None
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            return process.wait(timeout=timeout)

    def stop_process(self, name: str) -> int | None:
        return self.kill(name, signal.SIGTERM)

    def stop(self) -> None:
        for name in list(self.running):
            self.stop_process(name)
        self.template.drop_database(self.database_url)

    def manage(self, *args: str, timeout: float = 300, check: bool = True) -> subprocess.CompletedProcess:
        """Run a management command against this portal's database."""
        result = subprocess.run(
            [*MANAGE, *args],
            cwd=REPO_DIR,
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def shells_at_once(self, code: str, count: int, timeout: float = 600) -> list[tuple[int, str]]:
        """Run ``code`` in ``count`` `manage.py shell` processes started together; their exit codes and output."""
        processes = [
            subprocess.Popen(  # noqa: S603 (the repository's manage.py)
                [*MANAGE, "shell", "-c", code],
                cwd=REPO_DIR,
                env=self.environment(),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(count)
        ]
        outputs = [process.communicate(timeout=timeout)[0] for process in processes]
        return [(process.returncode, output) for process, output in zip(processes, outputs, strict=True)]

    def shell(self, code: str) -> str:
        """Run Python in `manage.py shell` against this portal; returns what it printed."""
        return self.manage("shell", "-c", code).stdout

    def request(
        self,
        method: str,
        path: str,
        token: str | None = None,
        json=None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
        base_url: str | None = None,
    ) -> Response:
        """One HTTP request; `token` is a demo username (or a raw token) for the API's Bearer header."""
        request_headers = dict(headers or {})
        if token:
            request_headers["Authorization"] = "Bearer " + self.tokens.get(token, token)
        data = None
        if json is not None:
            data = jsonlib.dumps(json).encode()
            request_headers["Content-Type"] = "application/json"
        request = urllib.request.Request(  # noqa: S310 (loopback)
            (base_url or self.base_url) + path, data=data, method=method, headers=request_headers
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 (loopback)
                return Response(answer.status, dict(answer.headers), answer.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), error.read().decode("utf-8", "replace"))

    def demo_facts(self) -> dict:
        """The demo editor's unit (id, URL), a field and a locality, read from this portal's database."""
        return jsonlib.loads(self.shell(DEMO_FACTS).strip().splitlines()[-1])

    def create_story(self, title: str, facts: dict, author: str = "bientapvien", base_url: str | None = None, **fields):
        """A draft story made over the pages API by the unit's editor; returns the API's answer."""
        payload = {
            "meta": {"type": "exemplar_pages.ExemplarStoryPage", "parent_id": facts["unit"]},
            "title": title,
            "subject_name": "Người tốt việc tốt",
            "subject_type": "individual",
            "field_id": facts["field"],
            "locality_id": facts["locality"],
            "year": 2025,
            "summary": "Tạo qua API.",
            **fields,
        }
        return self.request("POST", "/api/v3/pages/", token=author, json=payload, base_url=base_url)

    def review(
        self, page_id: int, username: str, action: str, comment: str = "", base_url: str | None = None
    ) -> Response:
        """One workflow action over the API (`submit`, `approve`, `reject`, `retract`) as a demo user."""
        return self.request(
            "POST",
            f"/api/v3/workflow/pages/{page_id}/{action}/",
            token=username,
            json={"comment": comment},
            base_url=base_url,
        )

    def log(self, name: str) -> str:
        path = self.log_path(name)
        return path.read_text(errors="replace") if path.exists() else ""

    def log_problems(self, allow: tuple[str, ...] = ()) -> list[str]:
        """Tracebacks, 5xx answers and "database is locked" in every process's log (minus allowed patterns)."""
        problems = []
        for name in self.running:
            text = self.log(name)
            for pattern in (TRACEBACK, LOCKED, SERVER_ERROR):
                for match in pattern.finditer(text):
                    line_start = text.rfind("\n", 0, match.start()) + 1
                    line_end = text.find("\n", match.end())
                    context = text[line_start : line_end if line_end != -1 else None]
                    if pattern is TRACEBACK:
                        context = text[match.start() : match.start() + 2000]
                    if not any(re.search(allowed, context) for allowed in allow):
                        problems.append(f"{name}: {context}")
        return problems

    def assert_logs_clean(self, allow: tuple[str, ...] = ()) -> None:
        problems = self.log_problems(allow)
        assert not problems, "\n\n".join(problems)

    def wait_until(self, predicate, timeout: float = 120, interval: float = 1, message: str = "") -> None:
        """Poll ``predicate()`` until it is true; fail with ``message`` after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(interval)
        raise AssertionError(message or f"condition not met in {timeout} s")


def choose_in_editor(page, field_name: str, choice: str) -> None:
    """Pick ``choice`` in a chooser field of Wagtail's page editor, as an editor does: open, search, click.

    The chooser searches as the query is typed and replaces its results list: the click waits for the
    results of the whole query, not the list they replace (a busy machine answers slowly).
    """
    page.locator(f"#id_{field_name}-chooser [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    with page.expect_response(lambda response: "/choose/" in response.url and "q=" in response.url, timeout=60_000):
        modal.locator("#id_q").fill(choice)
    modal.get_by_role("link", name=choice, exact=True).first.click(timeout=60_000)
    page.locator(f"#id_{field_name}-title").filter(has_text=choice).wait_for()


#: How long a browser waits for an element or a page (Playwright's default is 30 s): the servers under test share
#: the machine's cores with the suite's other process (scripts/run-tests), and a write may wait for the embedded
#: database's lock (SQLITE_BUSY_TIMEOUT) while an import saves.
BROWSER_TIMEOUT_MS = 90_000


class PatientBrowser:
    """A Playwright browser whose contexts and pages wait up to BROWSER_TIMEOUT_MS."""

    def __init__(self, browser) -> None:
        self._browser = browser

    def __getattr__(self, name: str):
        return getattr(self._browser, name)

    @staticmethod
    def _patient(waiter):
        waiter.set_default_timeout(BROWSER_TIMEOUT_MS)
        waiter.set_default_navigation_timeout(BROWSER_TIMEOUT_MS)
        return waiter

    def new_context(self, **options):
        return self._patient(self._browser.new_context(**options))

    def new_page(self, **options):
        return self._patient(self._browser.new_page(**options))


@pytest.fixture
def chromium():
    """Debian's Chromium, headless, through Playwright (no browser download)."""
    from tests.servers import CHROMIUM_ARGS, chromium_path

    path = chromium_path()
    if not path:
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required here: run `scripts/browser install`.")
        pytest.skip("Chromium is not installed (scripts/browser install)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield PatientBrowser(browser)
        browser.close()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory) -> Path:
    """``collectstatic`` with the production settings, as `make serve` runs it, once for the session.

    It hashes and compresses every file (about 40 seconds); the production portals of the tests
    serve the result (their ``STATIC_ROOT``) and never write to it.
    """
    root = tmp_path_factory.mktemp("collected-static")
    env = base_environment(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="collect-static-" + "s" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(root),
    )
    result = subprocess.run(
        [*MANAGE, "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"collectstatic failed:\n{result.stdout}\n{result.stderr}"
    assert any(root.glob("css/portal.*.css")), "collectstatic wrote no hashed stylesheet"
    return root


@pytest.fixture(scope="session")
def live_template(tmp_path_factory) -> Template:
    """The seeded database every live portal of this session is copied from."""
    template = build_template(tmp_path_factory.mktemp("live-template"))
    yield template
    if template.postgres_server:
        drop_database(template.postgres_server, template.database_name)


@pytest.fixture
def live_portal(tmp_path, live_template):
    """A factory: ``live_portal(processes=..., settings=..., web=..., env=...)`` starts a portal; all stop after the test."""
    portals: list[LivePortal] = []

    def start(**options) -> LivePortal:
        portal = LivePortal(tmp_path / f"portal-{len(portals)}", live_template, **options)
        portals.append(portal)
        return portal.start()

    yield start
    for portal in portals:
        portal.stop()

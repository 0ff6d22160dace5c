"""Locate or start the real servers tests can use: Elasticsearch, PostgreSQL, Chromium.

Each server comes from its environment variable when set, otherwise from the
matching ``scripts/<name> start`` (unless ``THIDUA_START_SERVERS=0``). Started
servers keep running after the test run so the next run reuses them; stop them
with ``scripts/elasticsearch stop`` / ``scripts/postgres stop``.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import threading
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
SCRIPTS_DIR = REPO_DIR / "scripts"

# Flags for launching the system Chromium headless through Playwright.
CHROMIUM_ARGS: list[str] = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# A cold Elasticsearch start downloads ~100 MB and boots a JVM.
START_TIMEOUT_SECONDS = 600

_lock = threading.Lock()
_results: dict[str, tuple[str | None, str]] = {}


def _env(name: str) -> str:
    """Return the stripped value of an environment variable, or ""."""
    return os.environ.get(name, "").strip()


def _flag(name: str) -> bool:
    """Return whether an environment variable is set to a true value."""
    return _env(name).lower() in {"1", "true", "yes", "on"}


def _start_allowed() -> bool:
    """Return whether tests may start servers themselves."""
    return _env("THIDUA_START_SERVERS") != "0"


def _run_dir() -> Path:
    """Return the runtime directory shared with the scripts."""
    return Path(os.environ.get("THIDUA_RUN") or "/tmp/thidua-run")


def _start(script: str) -> tuple[str | None, str]:
    """Run ``scripts/<script> start`` once per process; return (last stdout line, error)."""
    with _lock:
        if script in _results:
            return _results[script]
        path = SCRIPTS_DIR / script
        try:
            run_dir = _run_dir()
            run_dir.mkdir(parents=True, exist_ok=True)
            # Serialise concurrent starters (e.g. pytest-xdist workers).
            with open(run_dir / f"{script}.start.lock", "a") as lock_file:
                fcntl.flock(lock_file, fcntl.LOCK_EX)
                proc = subprocess.run(
                    [str(path), "start"],
                    capture_output=True,
                    text=True,
                    timeout=START_TIMEOUT_SECONDS,
                    check=False,
                )
        except (OSError, subprocess.TimeoutExpired) as exc:
            result: tuple[str | None, str] = (None, f"{path} start: {exc}")
        else:
            lines = proc.stdout.strip().splitlines()
            if proc.returncode == 0 and lines:
                result = (lines[-1].strip(), "")
            else:
                tail = "\n".join(proc.stderr.strip().splitlines()[-25:])
                result = (None, f"{path} start exited with {proc.returncode}:\n{tail}")
        _results[script] = result
        return result


def _resolve(url: str, env_var: str, script: str, required: bool, prefix: str = "") -> str | None:
    """Return url, else the URL printed by starting script; None or RuntimeError if unavailable."""
    if url:
        return url
    if not _start_allowed():
        error = f"{env_var} is not set and THIDUA_START_SERVERS=0 forbids starting scripts/{script}"
    else:
        line, error = _start(script)
        if line is not None:
            if line.startswith(prefix):
                return line[len(prefix) :]
            error = f"unexpected output from scripts/{script} start: {line!r}"
    if required:
        raise RuntimeError(
            f"{script} is required but unavailable: {error}\n"
            f"Set {env_var}, or run `scripts/{script} start` and read its output."
        )
    return None


def elasticsearch_url(required: bool = False) -> str | None:
    """Return an Elasticsearch URL ($ELASTICSEARCH_URL or a started local node)."""
    return _resolve(_env("ELASTICSEARCH_URL"), "ELASTICSEARCH_URL", "elasticsearch", required)


def postgres_url(required: bool = False) -> str | None:
    """Return a PostgreSQL URL ($DATABASE_URL if it is PostgreSQL, or a started cluster)."""
    url = _env("DATABASE_URL")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        url = ""  # e.g. a sqlite DATABASE_URL says nothing about PostgreSQL
    return _resolve(url, "DATABASE_URL", "postgres", required, prefix="DATABASE_URL=")


def elasticsearch_required() -> bool:
    """Return whether REQUIRE_ELASTICSEARCH asks for Elasticsearch-backed tests to fail, not skip."""
    return _flag("REQUIRE_ELASTICSEARCH")


def postgres_required() -> bool:
    """Return whether REQUIRE_POSTGRES asks for PostgreSQL-backed tests to fail, not skip."""
    return _flag("REQUIRE_POSTGRES")


def chromium_path() -> str | None:
    """Return the path of a system Chromium ($CHROMIUM, /usr/bin/chromium, or PATH), or None."""
    candidates = [_env("CHROMIUM"), "/usr/bin/chromium"]
    for name in (
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ):
        candidates.append(shutil.which(name) or "")
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def varnish_required() -> bool:
    """Return whether Varnish-backed tests must fail, not skip, without varnishd (REQUIRE_VARNISH, REQUIRE_BROWSER or CI)."""
    return _flag("REQUIRE_VARNISH") or _flag("REQUIRE_BROWSER") or bool(_env("CI"))


def varnish_available() -> bool:
    """Return whether `scripts/varnish available` finds varnishd."""
    return subprocess.run([str(SCRIPTS_DIR / "varnish"), "available"], check=False).returncode == 0


class Varnish:
    """A varnishd started by `scripts/varnish` in front of a backend, on its own free port and runtime dir."""

    def __init__(self, backend: str, listen: str, run_dir: Path | None = None) -> None:
        run_dir = run_dir or _run_dir()  # readable by varnishd's own users when it runs as root
        self.env = {**os.environ, "VARNISH_BACKEND": backend, "VARNISH_LISTEN": listen, "THIDUA_RUN": str(run_dir)}
        self.url = f"http://{listen}"

    def _script(self, command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(SCRIPTS_DIR / "varnish"), command],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_SECONDS,
            check=False,
        )

    def start(self) -> Varnish:
        result = self._script("start")
        if result.returncode != 0 or f"FRONTEND_CACHE_URL={self.url}" not in result.stdout:
            raise RuntimeError(f"scripts/varnish start failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return self

    def stop(self) -> None:
        self._script("stop")

    def running(self) -> bool:
        return self._script("status").returncode == 0

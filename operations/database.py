"""Living through database outages: recognise them, drop broken connections, wait with backoff."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections

from .conf import backoff, setting

logger = logging.getLogger("operations")
T = TypeVar("T")

#: What a stopped, restarting or unreachable database raises (psycopg and sqlite3 alike, through Django).
OUTAGE_ERRORS: tuple[type[BaseException], ...] = (OperationalError, InterfaceError)


def is_outage(error: BaseException) -> bool:
    """Whether an error means "the database is unavailable for now" rather than "not set up" (no tables)."""
    if not isinstance(error, OUTAGE_ERRORS):
        return False
    message = str(error).lower()
    return "no such table" not in message and "does not exist" not in message


def drop_connections() -> None:
    """Close this thread's database connections so the next query opens a fresh one."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # a dead server makes closing fail too; the connection is gone either way
            connection.connection = None


def describe(error: BaseException) -> str:
    first_line = (str(error).strip().splitlines() or [""])[0]
    return f"{type(error).__name__}: {first_line}"[:300]


class Outage:
    """Backoff and log lines of one process loop (or thread) across database outages."""

    def __init__(self, label: str, stop: threading.Event | None = None) -> None:
        self.label, self.stop = label, stop or threading.Event()
        self.failures, self.started = 0, 0.0

    def failed(self, error: BaseException) -> float:
        """Record a failure: drop connections, log, and return how long to wait before trying again."""
        if not self.failures:
            self.started = time.monotonic()
        self.failures += 1
        drop_connections()
        delay = backoff(self.failures, 1, setting("OPERATIONS_DATABASE_RETRY_MAX_SECONDS")).total_seconds()
        if self.failures & (self.failures - 1) == 0:  # attempts 1, 2, 4, 8…: a long outage does not flood the log
            logger.warning(
                "%s: database unavailable (%s); attempt %d, retrying in %.0f s",
                self.label,
                describe(error),
                self.failures,
                delay,
            )
        return delay

    def wait(self, error: BaseException) -> None:
        """Record a failure and sleep its backoff (returns early when the loop is asked to stop)."""
        self.stop.wait(self.failed(error))

    def recovered(self) -> None:
        """Log the end of an outage, if there was one."""
        if self.failures:
            logger.warning(
                "%s: database available again after %.0f s (%d failed attempts)",
                self.label,
                time.monotonic() - self.started,
                self.failures,
            )
            self.failures = 0


def persist(action: Callable[[], T], label: str) -> T:
    """Run a small database write until it succeeds, waiting out outages (other errors are raised).

    Used for what must not be lost once done elsewhere: a task's result, an e-mail marked sent.
    """
    outage = Outage(label)
    while True:
        try:
            result = action()
        except OUTAGE_ERRORS as error:
            if not is_outage(error) or connections[DEFAULT_DB_ALIAS].in_atomic_block:
                raise  # a transaction cut by an outage cannot be resumed: its caller must start again
            time.sleep(outage.failed(error))
            continue
        outage.recovered()
        return result

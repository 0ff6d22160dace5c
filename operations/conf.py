"""The operations settings, read at use time: from Django's settings, else the environment, else a default.

Each can be set in a settings module (tests override them there) or as an environment variable of
the same name (the processes of `make demo`/`make serve`, and the live tests, set them so).
"""

from __future__ import annotations

import os
from datetime import timedelta

from django.conf import settings

DEFAULTS: dict[str, float] = {
    # The scheduler's periodic jobs (seconds between two runs).
    "OPERATIONS_PUBLISH_SCHEDULED_SECONDS": 60,
    "OPERATIONS_SWEEP_SECONDS": 60,
    "OPERATIONS_RECLAIM_SECONDS": 30,
    "OPERATIONS_CLOSE_CONSULTATIONS_SECONDS": 60,
    # Workers: how often they record a heartbeat, when a silent one counts as dead, and how many
    # workers may die running the same task before it is marked failed.
    "OPERATIONS_WORKER_HEARTBEAT_SECONDS": 5,
    "OPERATIONS_WORKER_STALE_SECONDS": 60,
    "OPERATIONS_TASK_MAX_ATTEMPTS": 5,
    # Database outages: the longest wait between two reconnection attempts.
    "OPERATIONS_DATABASE_RETRY_MAX_SECONDS": 30,
    # E-mail: the first retry after a failure, doubling up to the maximum; then `failed` after N attempts.
    "OPERATIONS_EMAIL_RETRY_BASE_SECONDS": 60,
    "OPERATIONS_EMAIL_RETRY_MAX_SECONDS": 3600,
    "OPERATIONS_EMAIL_MAX_ATTEMPTS": 10,
    "OPERATIONS_EMAIL_TIMEOUT_SECONDS": 30,
    "OPERATIONS_EMAIL_BATCH": 200,
    # Elasticsearch replay of the search app's queued operations: same doubling, never given up.
    "SEARCH_REPLAY_RETRY_BASE_SECONDS": 30,
    "SEARCH_REPLAY_RETRY_MAX_SECONDS": 600,
}


def setting(name: str) -> float:
    """A number from the settings, else from the environment, else the default above."""
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name) or DEFAULTS[name]
    return float(value)


def seconds(name: str) -> timedelta:
    return timedelta(seconds=setting(name))


def backoff(attempts: int, base: float, maximum: float) -> timedelta:
    """The wait after the `attempts`-th failure: base, 2×base, 4×base… capped at maximum."""
    exponent = max(attempts, 1) - 1
    delay = base * 2 ** min(exponent, 32)
    return timedelta(seconds=min(delay, maximum))


def email_backoff(attempts: int) -> timedelta:
    return backoff(
        attempts, setting("OPERATIONS_EMAIL_RETRY_BASE_SECONDS"), setting("OPERATIONS_EMAIL_RETRY_MAX_SECONDS")
    )


def replay_backoff(attempts: int) -> timedelta:
    return backoff(attempts, setting("SEARCH_REPLAY_RETRY_BASE_SECONDS"), setting("SEARCH_REPLAY_RETRY_MAX_SECONDS"))

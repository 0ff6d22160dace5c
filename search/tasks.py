"""Background work of the search app, run by django-tasks' worker (DESIGN §7)."""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

RETRY_DELAY = timedelta(seconds=30)
RETRY_LOCK_KEY = "search:replay-retry-scheduled"


@task()
def replay_index_operations() -> dict:
    """Send pending index operations to Elasticsearch; when it is down, try again later."""
    from .replay import replay

    report = replay()
    if report.error:
        schedule_retry()
    return {"sent": report.sent, "pending": report.pending, "error": report.error}


def schedule_retry() -> None:
    """Enqueue one delayed replay, when the task backend can defer (not the immediate test backend)."""
    backend = replay_index_operations.get_backend()
    if not backend.supports_defer or not cache.add(RETRY_LOCK_KEY, True, RETRY_DELAY.total_seconds()):
        return
    replay_index_operations.using(run_after=timezone.now() + RETRY_DELAY).enqueue()

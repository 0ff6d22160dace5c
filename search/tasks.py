"""Background work of the search app, run by django-tasks' worker (DESIGN §7)."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone
from django_tasks import task

RETRY_LOCK_KEY = "search:replay-retry-scheduled"


@task()
def replay_index_operations() -> dict:
    """Send pending index operations to Elasticsearch, again after the backoff while it is down (safe twice)."""
    from .replay import replay

    report = replay(due_only=True)
    if report.error:
        schedule_retry()
    return {"sent": report.sent, "pending": report.pending, "error": report.error}


def schedule_retry() -> None:
    """Enqueue one replay for when the pending operations are due again, with a backend that can defer."""
    from .models import IndexOperation

    backend = replay_index_operations.get_backend()
    retry_at = IndexOperation.objects.filter(done_at__isnull=True).aggregate(at=Min("next_attempt_at"))["at"]
    if not backend.supports_defer or retry_at is None:
        return
    ttl = max((retry_at - timezone.now()).total_seconds(), 1)
    if cache.add(RETRY_LOCK_KEY, True, ttl):
        replay_index_operations.using(run_after=retry_at).enqueue()

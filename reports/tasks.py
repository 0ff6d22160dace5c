"""The reports app's background task, run by the worker when the scheduler enqueues it (safe to run twice)."""

from __future__ import annotations

from django_tasks import task

from .reminders import send_quota_reminders as send_due_reminders


@task()
def send_quota_reminders() -> dict:
    """Reminders to units' editors before a deadline and the standing office's list of late units after it."""
    return send_due_reminders()

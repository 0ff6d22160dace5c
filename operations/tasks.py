"""The operations app's background tasks; each is safe to run twice (a reclaimed task runs again)."""

from __future__ import annotations

import io
import logging

from django.core.management import call_command
from django_tasks import task

from .outbox import deliver, send_due_emails

logger = logging.getLogger("operations")


@task()
def publish_scheduled() -> str:
    """Wagtail's scheduled go-live and expiry (its `publish_scheduled` command): acts on what is due now."""
    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)
    return output.getvalue().strip()


@task()
def sweep() -> dict:
    """Catch up on what no worker did: due index operations (e.g. after a `kill -9`) and due e-mails."""
    from search.replay import replay

    report = replay(due_only=True)
    emails = send_due_emails()
    if report.sent or report.error or any(emails.values()):
        logger.info(
            "sweep: index sent %d, pending %d%s; e-mails %s",
            report.sent,
            report.pending,
            f", error {report.error}" if report.error else "",
            ", ".join(f"{key} {value}" for key, value in emails.items() if value) or "none due",
        )
    return {"index": {"sent": report.sent, "pending": report.pending, "error": report.error}, "emails": emails}


@task()
def reclaim_abandoned() -> dict:
    """Run again the tasks left RUNNING by workers that died, and free the e-mails they were sending."""
    from .worker import reclaim_abandoned_tasks

    return reclaim_abandoned_tasks()


@task()
def send_email(email_id: int) -> str:
    """Send one outbox e-mail if it is due and nobody else sent or is sending it."""
    return deliver(email_id)

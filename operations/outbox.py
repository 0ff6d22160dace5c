"""The durable e-mail outbox: queue in the caller's transaction, claim, send once, retry with backoff."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterable
from datetime import datetime
from functools import partial

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from .conf import email_backoff, setting
from .database import describe, persist
from .models import OutgoingEmail

logger = logging.getLogger("operations")
Status = OutgoingEmail.Status

#: Set by the worker process to its worker id; other processes (tests, shells) claim under host:pid.
PROCESS_ID: str = ""


def process_id() -> str:
    return PROCESS_ID or f"{socket.gethostname()}:{os.getpid()}"[:64]


def queue_email(subject: str, body: str, recipients: Iterable[str], purpose: str = "", html_body: str = "") -> int:
    """Write an e-mail to the outbox (in the current transaction) and hand it to a worker once committed."""
    email = OutgoingEmail.objects.create(
        subject=subject, body=body, html_body=html_body, recipients=list(recipients), purpose=purpose
    )
    transaction.on_commit(lambda: enqueue_send(email.pk))
    return email.pk


def enqueue_send(email_id: int, run_after: datetime | None = None) -> None:
    """Enqueue the send task; if that fails, the sweep sends the e-mail when it is due."""
    from .tasks import send_email

    try:
        backend = send_email.get_backend()
        if run_after is not None:
            if not backend.supports_defer:
                return  # the sweep retries it
            send_email.using(run_after=run_after).enqueue(email_id)
        else:
            send_email.enqueue(email_id)
    except Exception:
        logger.exception("outbox: could not enqueue e-mail %s; the sweep will send it", email_id)


def claim(email_id: int, now: datetime | None = None) -> bool:
    """Take a due pending e-mail for this process (one conditional UPDATE: only one claimer wins)."""
    now = now or timezone.now()
    claimed = OutgoingEmail.objects.filter(pk=email_id, status=Status.PENDING, next_attempt_at__lte=now).update(
        status=Status.SENDING, claimed_at=now, claimed_by=process_id(), attempts=F("attempts") + 1
    )
    return claimed == 1


def deliver(email_id: int) -> str:
    """Send one e-mail if it is due and nobody else is sending it; returns what happened."""
    if not claim(email_id):
        return "skipped"
    email = OutgoingEmail.objects.get(pk=email_id)
    timeout = getattr(settings, "EMAIL_TIMEOUT", None) or setting("OPERATIONS_EMAIL_TIMEOUT_SECONDS")
    try:
        connection = get_connection(fail_silently=False, timeout=timeout)
        email.message(connection).send(fail_silently=False)
    except Exception as error:
        return persist(partial(record_failure, email, error), f"outbox e-mail {email_id}")
    persist(partial(mark_sent, email), f"outbox e-mail {email_id}")
    logger.info("outbox: e-mail %s sent to %s (attempt %d)", email.pk, email.recipient_list, email.attempts)
    return "sent"


def mark_sent(email: OutgoingEmail) -> None:
    """Record the delivery, even if the claim was released meanwhile (then it must not be sent again)."""
    marked = OutgoingEmail.objects.filter(pk=email.pk, status__in=[Status.SENDING, Status.PENDING]).update(
        status=Status.SENT, sent_at=timezone.now(), last_error=""
    )
    if not marked:
        logger.warning("outbox: e-mail %s was sent, and meanwhile another process marked it", email.pk)


def record_failure(email: OutgoingEmail, error: BaseException) -> str:
    """Schedule the next attempt with backoff, or give up after the last one (the row is kept as `failed`)."""
    message = describe(error)
    if email.attempts >= setting("OPERATIONS_EMAIL_MAX_ATTEMPTS"):
        OutgoingEmail.objects.filter(pk=email.pk, status=Status.SENDING).update(
            status=Status.FAILED, last_error=message
        )
        logger.error("outbox: e-mail %s failed after %d attempts: %s", email.pk, email.attempts, message)
        return "failed"
    next_attempt_at = timezone.now() + email_backoff(email.attempts)
    OutgoingEmail.objects.filter(pk=email.pk, status=Status.SENDING).update(
        status=Status.PENDING, next_attempt_at=next_attempt_at, last_error=message
    )
    logger.warning(
        "outbox: e-mail %s not sent (attempt %d: %s); next attempt at %s",
        email.pk,
        email.attempts,
        message,
        timezone.localtime(next_attempt_at).strftime("%H:%M:%S"),
    )
    enqueue_send(email.pk, run_after=next_attempt_at)
    return "retry"


def send_due_emails(limit: int | None = None) -> dict[str, int]:
    """Send the pending e-mails that are due (the sweep); stop at the first failure, the server being down."""
    counts = {"sent": 0, "retry": 0, "failed": 0, "skipped": 0}
    limit = int(limit or setting("OPERATIONS_EMAIL_BATCH"))
    due = OutgoingEmail.objects.filter(status=Status.PENDING, next_attempt_at__lte=timezone.now())
    for email_id in list(due.order_by("next_attempt_at", "id").values_list("pk", flat=True)[:limit]):
        outcome = deliver(email_id)
        counts[outcome] += 1
        if outcome in ("retry", "failed"):
            break  # the others wait for the next sweep rather than each hitting a dead server
    return counts


def release_abandoned(live_workers: set[str], stale_before: datetime) -> int:
    """Put back e-mails claimed by a process that died before it could record the outcome."""
    abandoned = OutgoingEmail.objects.filter(status=Status.SENDING, claimed_at__lt=stale_before).exclude(
        claimed_by__in=live_workers
    )
    released = abandoned.update(status=Status.PENDING, next_attempt_at=timezone.now())
    if released:
        logger.warning("outbox: %d e-mails claimed by stopped processes are pending again", released)
    return released


def retry_failed(email_ids: Iterable[int]) -> int:
    """An administrator's “gửi lại”: failed e-mails get a fresh round of attempts, starting now."""
    ids = list(email_ids)
    with transaction.atomic():
        retried = list(OutgoingEmail.objects.filter(pk__in=ids, status=Status.FAILED).values_list("pk", flat=True))
        OutgoingEmail.objects.filter(pk__in=retried, status=Status.FAILED).update(
            status=Status.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        for email_id in retried:
            transaction.on_commit(lambda email_id=email_id: enqueue_send(email_id))
    return len(retried)


def outbox_counts() -> dict[str, int]:
    """How many e-mails are in each state."""
    counts = dict.fromkeys(Status.values, 0)
    for row in OutgoingEmail.objects.values("status").order_by().annotate(count=Count("pk")):
        counts[row["status"]] = row["count"]
    return counts

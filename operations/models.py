"""What the background processes record: periodic jobs' next runs, workers' heartbeats, the e-mail outbox."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PeriodicJob(models.Model):
    """One periodic job of the scheduler: when it runs next (claimed by one scheduler with a conditional UPDATE)."""

    name = models.CharField(_("name"), max_length=100, primary_key=True)
    next_run_at = models.DateTimeField(_("next run"))
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_task_id = models.CharField(_("last task"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")

    def __str__(self) -> str:
        return self.name


class WorkerHeartbeat(models.Model):
    """A worker process that is (or was) alive: refreshed every few seconds while it runs."""

    worker_id = models.CharField(_("worker ID"), max_length=64, primary_key=True)
    hostname = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("PID"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last seen alive"), default=timezone.now, db_index=True)
    current_task_id = models.CharField(_("current task"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")

    def __str__(self) -> str:
        return self.worker_id


class OutgoingEmail(models.Model):
    """An e-mail in the durable outbox: written with the action that causes it, sent (once) by a worker."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    purpose = models.CharField(_("e-mail type"), max_length=100, blank=True)
    from_email = models.CharField(_("sender"), max_length=255, blank=True)
    recipients = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(pgettext_lazy("e-mail", "subject"), max_length=998)
    body = models.TextField(_("body"))
    html_body = models.TextField(_("HTML body"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("send attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    claimed_by = models.CharField(_("sending worker"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="operations_email_due")]
        permissions = [("manage_operations", _("Monitor outgoing e-mail and background tasks, and resend"))]

    def __str__(self) -> str:
        return self.subject

    @property
    def recipient_list(self) -> str:
        return ", ".join(self.recipients)

    def message_id(self) -> str:
        return f"<thidua-outbox-{self.pk}.{int(self.created_at.timestamp())}@{DNS_NAME}>"

    def message(self, connection=None) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(
            self.subject,
            self.body,
            self.from_email or settings.DEFAULT_FROM_EMAIL,
            list(self.recipients),
            connection=connection,
            # The same Message-ID on every attempt: a mail system that got a message twice can tell.
            headers={"X-Thidua-Outbox-Id": str(self.pk), "Message-ID": self.message_id()},
        )
        if self.html_body:
            message.attach_alternative(self.html_body, "text/html")
        return message

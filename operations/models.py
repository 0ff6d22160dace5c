"""What the background processes record: periodic jobs' next runs, workers' heartbeats, the e-mail outbox."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeriodicJob(models.Model):
    """One periodic job of the scheduler: when it runs next (claimed by one scheduler with a conditional UPDATE)."""

    name = models.CharField(_("tên"), max_length=100, primary_key=True)
    next_run_at = models.DateTimeField(_("lần chạy tới"))
    last_run_at = models.DateTimeField(_("lần chạy trước"), null=True, blank=True)
    last_task_id = models.CharField(_("tác vụ gần nhất"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("việc định kỳ")
        verbose_name_plural = _("việc định kỳ")

    def __str__(self) -> str:
        return self.name


class WorkerHeartbeat(models.Model):
    """A worker process that is (or was) alive: refreshed every few seconds while it runs."""

    worker_id = models.CharField(_("mã tiến trình"), max_length=64, primary_key=True)
    hostname = models.CharField(_("máy"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("PID"), null=True, blank=True)
    started_at = models.DateTimeField(_("bắt đầu"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("lần cuối còn chạy"), default=timezone.now, db_index=True)
    current_task_id = models.CharField(_("tác vụ đang chạy"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("tiến trình nền")
        verbose_name_plural = _("tiến trình nền")

    def __str__(self) -> str:
        return self.worker_id


class OutgoingEmail(models.Model):
    """An e-mail in the durable outbox: written with the action that causes it, sent (once) by a worker."""

    class Status(models.TextChoices):
        PENDING = "pending", _("chờ gửi")
        SENDING = "sending", _("đang gửi")
        SENT = "sent", _("đã gửi")
        FAILED = "failed", _("gửi lỗi")

    purpose = models.CharField(_("loại thư"), max_length=100, blank=True)
    from_email = models.CharField(_("người gửi"), max_length=255, blank=True)
    recipients = models.JSONField(_("người nhận"), default=list)
    subject = models.CharField(_("tiêu đề"), max_length=998)
    body = models.TextField(_("nội dung"))
    html_body = models.TextField(_("nội dung HTML"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("lần gửi tới"), default=timezone.now)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("nhận gửi lúc"), null=True, blank=True)
    claimed_by = models.CharField(_("tiến trình gửi"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("thư đi")
        verbose_name_plural = _("thư đi")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="operations_email_due")]
        permissions = [("manage_operations", _("Theo dõi thư đi, tác vụ nền và gửi lại"))]

    def __str__(self) -> str:
        return self.subject

    @property
    def recipient_list(self) -> str:
        return ", ".join(self.recipients)

    def message(self, connection=None) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(
            self.subject,
            self.body,
            self.from_email or settings.DEFAULT_FROM_EMAIL,
            list(self.recipients),
            connection=connection,
            headers={"X-Thidua-Outbox-Id": str(self.pk)},
        )
        if self.html_body:
            message.attach_alternative(self.html_body, "text/html")
        return message

"""Reminders already sent (DESIGN §10): never twice for the same unit, deadline and kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuotaReminder(models.Model):
    """One reminder about one unit and one deadline, recorded in the transaction that queues its e-mail."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("nhắc trước hạn (biên tập viên của đơn vị)")
        LATE = "late", _("báo trễ hạn (Thường trực)")

    unit = models.ForeignKey(
        "exemplar_pages.UnitPage", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="quota_reminders"
    )
    deadline = models.DateTimeField(_("hạn"))
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    quarter = models.PositiveSmallIntegerField(_("quý"))
    owed = models.PositiveSmallIntegerField(_("còn thiếu"))
    email = models.ForeignKey(
        "operations.OutgoingEmail", verbose_name=_("thư"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lời nhắc gương điển hình")
        verbose_name_plural = _("lời nhắc gương điển hình")
        constraints = [
            models.UniqueConstraint(fields=["unit", "deadline", "kind"], name="one_quota_reminder_per_unit_deadline")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.deadline:%d/%m/%Y} ({self.kind})"

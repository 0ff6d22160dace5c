"""Reminders already sent (DESIGN §10): never twice for the same unit, deadline and kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuotaReminder(models.Model):
    """One reminder about one unit and one deadline, recorded in the transaction that queues its e-mail."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("reminder before the deadline (unit editors)")
        LATE = "late", _("late report (standing office)")

    unit = models.ForeignKey(
        "exemplar_pages.UnitPage", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="quota_reminders"
    )
    deadline = models.DateTimeField(_("deadline"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    owed = models.PositiveSmallIntegerField(_("owed"))
    email = models.ForeignKey(
        "operations.OutgoingEmail", verbose_name=_("e-mail"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("exemplar story reminder")
        verbose_name_plural = _("exemplar story reminders")
        constraints = [
            models.UniqueConstraint(fields=["unit", "deadline", "kind"], name="one_quota_reminder_per_unit_deadline")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.deadline:%d/%m/%Y} ({self.kind})"

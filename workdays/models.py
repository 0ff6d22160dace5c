"""The days administrators decide: each year's announced swaps and any day the law leaves to them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .rules import FIRST_YEAR, LAST_YEAR, DayOverride, computed_day_off


class Holiday(models.Model):
    """A day off that is otherwise a working day, or a working day that is otherwise off."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Day off")
        WORKING_DAY = "working_day", _("Working day (make-up)")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DAY_OFF)
    name = models.CharField(
        _("name, reason"),
        max_length=200,
        help_text=_("For example: “Nghỉ hoán đổi dịp Quốc khánh” or “Làm bù cho ngày 31/8”."),
    )
    source = models.CharField(
        _("announcing document"),
        max_length=255,
        blank=True,
        help_text=_("Number and date of the notice or official letter that announces the swap."),
    )

    class Meta:
        ordering = ["-date"]
        verbose_name = _("day off or make-up working day")
        verbose_name_plural = _("days off and make-up working days")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}: {self.name}"

    def clean(self) -> None:
        super().clean()
        if self.date is None:
            return
        if not FIRST_YEAR <= self.date.year <= LAST_YEAR:
            raise ValidationError(
                {
                    "date": _("The calendar only covers the years %(first)s–%(last)s.")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR}
                }
            )
        computed = computed_day_off(self.date)
        if self.kind == self.Kind.WORKING_DAY and computed is None:
            raise ValidationError({"kind": _("%(date)s is already a working day.") % {"date": f"{self.date:%d/%m/%Y}"}})
        if self.kind == self.Kind.DAY_OFF and computed is not None:
            raise ValidationError(
                {
                    "kind": _("%(date)s is already a day off (%(reason)s).")
                    % {"date": f"{self.date:%d/%m/%Y}", "reason": computed.name}
                }
            )

    def as_override(self) -> DayOverride:
        return DayOverride(working=self.kind == self.Kind.WORKING_DAY, name=self.name)

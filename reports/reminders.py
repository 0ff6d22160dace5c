"""Reminders (DESIGN §10): to a unit's editors N days before a deadline it has not met, to the standing
office the day after a deadline with the late units. Each is recorded (`QuotaReminder`, unique per unit,
deadline and kind) in the transaction that queues its e-mail in the outbox: never sent twice."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from exemplar_pages.models import UnitEditorGroup, UnitPage
from exemplar_pages.roles import STANDING_OFFICE, role_users
from operations.outbox import queue_email

from .deadlines import VIETNAM_TZ, previous_quarter
from .models import QuotaReminder
from .quotas import QuarterCount, count_year, report_units, unit_schedules

logger = logging.getLogger("reports")
#: How long after a deadline the standing office's report of late units may still go out (a scheduler
#: that was down on the day after catches up; an old deadline is never reported).
LATE_REPORT_WINDOW = timedelta(days=7)


def reminder_days() -> int:
    return int(getattr(settings, "REPORTS_REMINDER_DAYS", 5))


def _emails(users) -> list[str]:
    return sorted({user.email for user in users if user.is_active and user.email})


def unit_editor_emails(unit: UnitPage) -> list[str]:
    link = UnitEditorGroup.objects.filter(unit=unit).select_related("group").first()
    return _emails(link.group.user_set.all()) if link else []


def standing_office_emails() -> list[str]:
    return _emails(role_users(STANDING_OFFICE))


def _record(unit: UnitPage, count: QuarterCount, kind: str) -> QuotaReminder | None:
    """The reminder's row, or None when it was recorded already (by this or another process)."""
    try:
        with transaction.atomic():
            return QuotaReminder.objects.create(
                unit=unit, deadline=count.deadline, kind=kind, year=count.year, quarter=count.quarter, owed=count.owed
            )
    except IntegrityError:
        return None


def _counts(units: list[UnitPage], quarter_of: dict[int, tuple[int, int]], now: datetime) -> dict[int, QuarterCount]:
    """Each unit's count in the quarter `quarter_of` names for it."""
    groups: dict[tuple[int, int], list[UnitPage]] = defaultdict(list)
    for unit in units:
        groups[quarter_of[unit.pk]].append(unit)
    counts = {}
    for (year, quarter), members in groups.items():
        for line in count_year(year, (quarter,), units=members, now=now):
            counts[line.unit.pk] = line.quarters[quarter]
    return counts


def _local(moment: datetime) -> str:
    return moment.astimezone(VIETNAM_TZ).strftime("%H:%M ngày %d/%m/%Y")


def dashboard_url() -> str:
    return settings.SITE_URL + reverse("reports_quotas")


def remind_unit_editors(units: list[UnitPage], now: datetime, days: int) -> int:
    """E-mail the editors of each unit whose next deadline is within `days` and not met yet."""
    schedules = unit_schedules(units)
    due = {}
    for unit in units:
        year, quarter, deadline = schedules[unit.pk].next_deadline(now)
        if deadline - timedelta(days=days) <= now <= deadline:
            due[unit.pk] = (year, quarter)
    counts = _counts([unit for unit in units if unit.pk in due], due, now)
    sent = 0
    for unit in units:
        count = counts.get(unit.pk)
        if count is None or count.on_time:
            continue
        recipients = unit_editor_emails(unit)
        if not recipients:
            logger.info("reports: unit %s owes %s stories but has no editor with an e-mail", unit.pk, count.owed)
            continue
        with transaction.atomic():
            reminder = _record(unit, count, QuotaReminder.Kind.BEFORE)
            if reminder is None:
                continue
            subject = _("Exemplar stories for quarter %(quarter)s/%(year)s due soon: %(unit)s still owes %(owed)s") % {
                "quarter": count.quarter,
                "year": count.year,
                "unit": unit.title,
                "owed": count.owed,
            }
            body = _(
                "Dear editors of %(unit)s,\n\n"
                "The deadline for the exemplar stories of quarter %(quarter)s/%(year)s is %(deadline)s. "
                "The unit must send %(quota)s stories; it has submitted %(submitted)s and still owes %(owed)s.\n\n"
                "Write the stories and submit them for moderation at: %(admin)s\n"
            ) % {
                "unit": unit.title,
                "quarter": count.quarter,
                "year": count.year,
                "deadline": _local(count.deadline),
                "quota": count.quota,
                "submitted": count.submitted,
                "owed": count.owed,
                "admin": settings.SITE_URL + reverse("wagtailadmin_explore", args=[unit.pk]),
            }
            reminder.email_id = queue_email(subject, body, recipients, purpose="reports.quota_reminder")
            reminder.save(update_fields=["email"])
            sent += 1
    return sent


def report_late_units(units: list[UnitPage], now: datetime) -> int:
    """E-mail the standing office once per deadline passed (within `LATE_REPORT_WINDOW`) with its late units."""
    schedules = unit_schedules(units)
    passed = {}
    for unit in units:
        year, quarter, _deadline = schedules[unit.pk].next_deadline(now)
        before = previous_quarter(year, quarter)
        if now - schedules[unit.pk].deadline(*before) <= LATE_REPORT_WINDOW:
            passed[unit.pk] = before
    counts = _counts([unit for unit in units if unit.pk in passed], passed, now)
    late_by_deadline: dict[datetime, list[tuple[UnitPage, QuarterCount]]] = defaultdict(list)
    for unit in units:
        count = counts.get(unit.pk)
        if count is not None and count.late:
            late_by_deadline[count.deadline].append((unit, count))
    recipients = standing_office_emails()
    if late_by_deadline and not recipients:
        logger.warning("reports: late units but nobody in the standing office has an e-mail")
        return 0
    sent = 0
    for deadline, late in sorted(late_by_deadline.items()):
        with transaction.atomic():
            recorded = [(unit, count, _record(unit, count, QuotaReminder.Kind.LATE)) for unit, count in late]
            recorded = [(unit, count, reminder) for unit, count, reminder in recorded if reminder is not None]
            if not recorded:
                continue
            first = recorded[0][1]
            lines = "\n".join(
                _("- %(unit)s: submitted %(submitted)s/%(quota)s, %(owed)s short")
                % {"unit": unit.title, "submitted": count.submitted, "quota": count.quota, "owed": count.owed}
                for unit, count, _reminder in recorded
            )
            subject = _("Units late with exemplar stories for quarter %(quarter)s/%(year)s (%(count)s units)") % {
                "quarter": first.quarter,
                "year": first.year,
                "count": len(recorded),
            }
            body = _(
                "To the Standing Office of the Emulation and Commendation Council,\n\n"
                "At the deadline, %(deadline)s, the following units had not sent all their exemplar stories "
                "of quarter %(quarter)s/%(year)s:\n\n"
                "%(lines)s\n\nSee the dashboard: %(dashboard)s\n"
            ) % {
                "deadline": _local(deadline),
                "quarter": first.quarter,
                "year": first.year,
                "lines": lines,
                "dashboard": dashboard_url(),
            }
            email_id = queue_email(subject, body, recipients, purpose="reports.late_units")
            QuotaReminder.objects.filter(pk__in=[reminder.pk for _u, _c, reminder in recorded]).update(
                email_id=email_id
            )
            sent += 1
    return sent


def send_quota_reminders(now: datetime | None = None) -> dict[str, int]:
    """Both kinds of reminders that are due now; safe to run any number of times."""
    now = now or timezone.now()
    units = [unit for unit in report_units() if unit.exemplar_quota > 0]
    return {
        "editors": remind_unit_editors(units, now, reminder_days()),
        "standing_office": report_late_units(units, now),
    }

"""What each unit owes and has sent, quarter by quarter (DESIGN §10): the counting rule and its queries.

- A unit owes `UnitPage.exemplar_quota` stories per quarter, by the quarter's deadline (`deadlines`).
- A story counts for its unit (its nearest `UnitPage` ancestor now: a moved story counts for its new
  unit) in the quarter whose window holds its `first_submitted_at` (kept from its first submission).
- submitted: stories counted in the quarter; approved: those of them published (live) now;
  on time: submitted ≥ quota; late: the deadline has passed and it is not on time; owed: quota − submitted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from django.utils import timezone
from django.utils.translation import gettext as _

from exemplar_pages.models import ExemplarStoryPage, PlanAssignment, UnitPage

from .deadlines import DEFAULT_SCHEDULE, QUARTERS, Schedule, quarter_days

T = TypeVar("T")
#: Treebeard's materialised path: 4 characters per level (Wagtail's `Page.steplen`).
STEP = UnitPage.steplen


@dataclass
class QuarterCount:
    """One unit's quarter: its deadline, what it owes and what it sent."""

    year: int
    quarter: int
    deadline: datetime
    quota: int
    now: datetime
    submitted: int = 0
    approved: int = 0
    #: Totals only: the sum of the units' owed counts and the number of late units.
    owed_total: int | None = None
    late_units: int | None = None
    #: The end of the previous quarter's window (None: not known, e.g. totals).
    start: datetime | None = None

    @property
    def on_time(self) -> bool:
        return self.submitted >= self.quota if self.late_units is None else self.late_units == 0

    @property
    def late(self) -> bool:
        return self.now > self.deadline and not self.on_time

    @property
    def owed(self) -> int:
        return max(self.quota - self.submitted, 0) if self.owed_total is None else self.owed_total

    @property
    def status(self) -> str:
        """In words (never colour alone): “Đạt”, “Trễ hạn (thiếu 1)”, “Còn thiếu 1”."""
        if self.late_units is not None:
            return _("Late units: %(count)s") % {"count": self.late_units} if self.late_units else ""
        if self.on_time:
            return _("Met")
        if self.start is not None and self.now <= self.start:
            return _("Not yet open (needs %(quota)s)") % {"quota": self.quota}
        if self.late:
            return _("Late (%(owed)s short)") % {"owed": self.owed}
        return _("%(owed)s short") % {"owed": self.owed}

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "quarter": self.quarter,
            "deadline": self.deadline,
            "quota": self.quota,
            "submitted": self.submitted,
            "approved": self.approved,
            "owed": self.owed,
            "on_time": self.on_time,
            "late": self.late,
        }


_QUARTER_ATTRIBUTE = re.compile(r"^q([1-4])_(submitted|approved|owed|status|late|on_time|deadline)$")


@dataclass
class UnitLine:
    """A unit's row of the dashboard: its quarters of one year."""

    unit: UnitPage | None
    quota: int
    quarters: dict[int, QuarterCount] = field(default_factory=dict)
    title: str = ""

    def __post_init__(self) -> None:
        if self.unit is not None and not self.title:
            self.title = self.unit.title

    def __getattr__(self, name: str):
        # "q2_submitted", "q4_status"…: the columns of the report and its export.
        match = _QUARTER_ATTRIBUTE.match(name)
        if match is None or "quarters" not in self.__dict__:
            raise AttributeError(name)
        count = self.quarters.get(int(match.group(1)))
        return getattr(count, match.group(2)) if count is not None else ""

    @property
    def submitted(self) -> int:
        return sum(count.submitted for count in self.quarters.values())

    @property
    def approved(self) -> int:
        return sum(count.approved for count in self.quarters.values())

    @property
    def owed(self) -> int:
        return sum(count.owed for count in self.quarters.values())

    @property
    def late_quarters(self) -> list[int]:
        return [quarter for quarter, count in sorted(self.quarters.items()) if count.late]


def name_key(text: str) -> str:
    """A unit's name compared without case, spaces or trailing punctuation."""
    return " ".join((text or "").casefold().replace("\u00a0", " ").split()).strip(" .,;:")


def unit_schedules(units: list[UnitPage]) -> dict[int, Schedule]:
    """Each unit's deadlines: plans published now whose assignment names the unit (its title or full name)
    and sets repeating deadlines replace the default days of the quarters they name, in the plan's years."""
    keys: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        for name in {name_key(unit.title), name_key(unit.full_name)} - {""}:
            keys[name].append(unit.pk)
    plans: dict[int, list] = defaultdict(list)
    assignments = (
        PlanAssignment.objects.exclude(repeating_deadlines="")
        .filter(plan__live=True)
        .select_related("plan")
        .order_by("-plan__issue_date", "-plan__first_published_at", "-plan_id", "sort_order")
    )
    for assignment in assignments:
        days = quarter_days(assignment.repeating_deadlines)
        if not days:
            continue
        plan = assignment.plan
        first = plan.period_start or (plan.issue_date.year if plan.issue_date else None)
        last = plan.period_end or plan.period_start
        for unit_id in keys.get(name_key(assignment.unit), []):
            plans[unit_id].append((first, last, tuple(sorted(days.items()))))
    return {unit.pk: Schedule(tuple(plans[unit.pk])) if plans[unit.pk] else DEFAULT_SCHEDULE for unit in units}


def nearest_unit(path: str, unit_paths: dict[str, T]) -> T | None:
    """The deepest unit (its value in `unit_paths`, e.g. its id) whose subtree holds the page at `path`."""
    for length in range(len(path) - STEP, 0, -STEP):
        unit_id = unit_paths.get(path[:length])
        if unit_id is not None:
            return unit_id
    return None


def report_units(unit_ids: list[int] | None = None) -> list[UnitPage]:
    """The units of the dashboard: published units (or the given ones), in tree order."""
    units = UnitPage.objects.all() if unit_ids is not None else UnitPage.objects.live()
    if unit_ids is not None:
        units = units.filter(pk__in=unit_ids)
    return list(units.order_by("path"))


def count_year(
    year: int,
    quarters: tuple[int, ...] = QUARTERS,
    units: list[UnitPage] | None = None,
    now: datetime | None = None,
) -> list[UnitLine]:
    """The dashboard's rows: for each unit, its quarters of `year` counted by the rule above."""
    now = now or timezone.now()
    units = report_units() if units is None else units
    schedules = unit_schedules(units)
    lines = {}
    windows: dict[int, list[tuple[int, datetime, datetime]]] = {}
    for unit in units:
        schedule = schedules[unit.pk]
        line = UnitLine(unit=unit, quota=unit.exemplar_quota)
        windows[unit.pk] = []
        for quarter in quarters:
            start, end = schedule.window(year, quarter)
            line.quarters[quarter] = QuarterCount(year, quarter, end, unit.exemplar_quota, now, start=start)
            windows[unit.pk].append((quarter, start, end))
        lines[unit.pk] = line
    if not lines:
        return []
    earliest = min(start for spans in windows.values() for _, start, _ in spans)
    latest = max(end for spans in windows.values() for _, _, end in spans)
    unit_paths = {path: pk for pk, path in UnitPage.objects.values_list("pk", "path")}
    stories = ExemplarStoryPage.objects.filter(
        first_submitted_at__gt=earliest, first_submitted_at__lte=latest
    ).values_list("path", "live", "first_submitted_at")
    for path, live, submitted_at in stories:
        unit_id = nearest_unit(path, unit_paths)
        if unit_id not in lines:
            continue
        for quarter, start, end in windows[unit_id]:
            if start < submitted_at <= end:
                count = lines[unit_id].quarters[quarter]
                count.submitted += 1
                count.approved += int(live)
                break
    return [lines[unit.pk] for unit in units]


def totals(lines: list[UnitLine], year: int, quarters: tuple[int, ...], now: datetime | None = None) -> UnitLine:
    """The totals row: sums per quarter (its deadline is the default one)."""
    now = now or timezone.now()
    total = UnitLine(unit=None, quota=sum(line.quota for line in lines), title=_("Total"))
    for quarter in quarters:
        count = QuarterCount(year, quarter, DEFAULT_SCHEDULE.deadline(year, quarter), 0, now)
        for line in lines:
            part = line.quarters[quarter]
            count.quota += part.quota
            count.submitted += part.submitted
            count.approved += part.approved
        count.owed_total = sum(line.quarters[quarter].owed for line in lines)
        count.late_units = sum(1 for line in lines if line.quarters[quarter].late)
        total.quarters[quarter] = count
    return total


def current_quarter(now: datetime | None = None) -> tuple[int, int]:
    """The (year, quarter) whose default window holds now."""
    return DEFAULT_SCHEDULE.quarter_for(now or timezone.now())

"""Quarterly deadlines (DESIGN §10): the default 20/3, 20/6, 20/9, 20/12 and those a plan's assignments set.

A deadline is the end of its day, 23:59:59 in Asia/Ho_Chi_Minh. Quarter Q of year Y has one deadline;
its window is (deadline of the quarter before, deadline of Q]: a story first submitted in that window
counts for Q.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
QUARTERS = (1, 2, 3, 4)
DEFAULT_DEADLINES = "20/3, 20/6, 20/9, 20/12"

#: A day/month written without a year: "20/3", "20/12" (not "20/12/2023", not part of a number such as "1/2/3").
DAY_MONTH = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?![\d]|\s*[/\-.]\s*\d)")

DayMonth = tuple[int, int]


def valid_day_month(day: int, month: int) -> bool:
    """A day that exists in every year (29/2 does not)."""
    try:
        date(2001, month, day)
    except ValueError:
        return False
    return True


def parse_day_months(text: str) -> list[DayMonth]:
    """Every valid yearless day/month of a text, in order, once each: "20/3, 20/6 và 20/12" → [(20, 3), …]."""
    found: list[DayMonth] = []
    for match in DAY_MONTH.finditer(text or ""):
        day, month = int(match.group(1)), int(match.group(2))
        if valid_day_month(day, month) and (day, month) not in found:
            found.append((day, month))
    return found


#: Words that make a list of days a yearly repetition rather than a span ("từ 15/5 đến 20/5").
_REPEATING = re.compile(
    r"\b(?:các ngày|hàng quý|hằng quý|mỗi quý|định kỳ|hàng năm|hằng năm|các tháng)\b", re.IGNORECASE
)
_QUARTER_END = re.compile(
    r"ngày\s+(\d{1,2})\s+(?:của\s+)?(?:các\s+)?tháng\s+cuối\s+(?:mỗi\s+|của\s+mỗi\s+|các\s+)?quý", re.IGNORECASE
)
_DAY_OF_MONTHS = re.compile(
    r"ngày\s+(\d{1,2})\s+(?:các|của các)\s+tháng\s+((?:\d{1,2}\s*(?:,|và|;)?\s*){2,12})", re.IGNORECASE
)
_SPAN = re.compile(r"\btừ\b[^.;]*?\bđến\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?:\.\s|;|\n)")


def repeating_days_in(text: str) -> list[DayMonth]:
    """The yearly deadlines a plan's text sets: "trước các ngày 20/3, 20/6, 20/9 và 20/12", "hằng quý trước
    ngày 20 của tháng cuối quý", "ngày 15 các tháng 6 và 12"; [] when it sets none (one date, or a span)."""
    days: list[DayMonth] = []
    for sentence in _SENTENCE.split(text or ""):
        found: list[DayMonth] = []
        quarter_end = _QUARTER_END.search(sentence)
        months = _DAY_OF_MONTHS.search(sentence)
        if quarter_end:
            found = [(int(quarter_end.group(1)), month) for month in (3, 6, 9, 12)]
        elif months:
            found = [(int(months.group(1)), int(month)) for month in re.findall(r"\d{1,2}", months.group(2))]
        elif _REPEATING.search(sentence) and not _SPAN.search(sentence):
            found = parse_day_months(sentence)
            if len(found) < 2:
                found = []
        days += [day for day in found if valid_day_month(*day) and day not in days]
    return days


def format_day_months(days: list[DayMonth]) -> str:
    """[(20, 3), (20, 6)] → "20/3, 20/6" (the format of `PlanAssignment.repeating_deadlines`)."""
    return ", ".join(f"{day}/{month}" for day, month in days)


def quarter_of_month(month: int) -> int:
    return (month - 1) // 3 + 1


def quarter_days(text: str) -> dict[int, DayMonth]:
    """The day/month of each quarter a repeating-deadline text sets (the latest one when a quarter has several)."""
    by_quarter: dict[int, DayMonth] = {}
    for day, month in parse_day_months(text):
        quarter = quarter_of_month(month)
        known = by_quarter.get(quarter)
        if known is None or (month, day) > (known[1], known[0]):
            by_quarter[quarter] = (day, month)
    return by_quarter


DEFAULT_QUARTER_DAYS = quarter_days(DEFAULT_DEADLINES)


def end_of_day(day: date) -> datetime:
    """23:59:59.999999 of a day in Vietnam time."""
    return datetime.combine(day, time(23, 59, 59, 999999), tzinfo=VIETNAM_TZ)


@dataclass(frozen=True)
class Schedule:
    """A unit's deadlines: the default days, replaced per quarter by plans' repeating deadlines in their years.

    `plans` holds (first year, last year, days by quarter) of each plan that names the unit, the one that
    wins first (None for a year means open-ended).
    """

    plans: tuple[tuple[int | None, int | None, tuple[tuple[int, DayMonth], ...]], ...] = ()

    def days(self, year: int) -> dict[int, DayMonth]:
        days = dict(DEFAULT_QUARTER_DAYS)
        for first, last, plan_days in reversed(self.plans):
            if (first is None or first <= year) and (last is None or year <= last):
                days.update(dict(plan_days))
        return days

    def deadline(self, year: int, quarter: int) -> datetime:
        day, month = self.days(year)[quarter]
        return end_of_day(date(year, month, day))

    def window(self, year: int, quarter: int) -> tuple[datetime, datetime]:
        """(start, end] of the quarter's window: after the previous quarter's deadline, up to its own."""
        return self.deadline(*previous_quarter(year, quarter)), self.deadline(year, quarter)

    def quarter_for(self, moment: datetime) -> tuple[int, int]:
        """The (year, quarter) whose window holds a moment."""
        year = moment.astimezone(VIETNAM_TZ).year
        for candidate in ((year - 1, 4), *((year, q) for q in QUARTERS), (year + 1, 1)):
            start, end = self.window(*candidate)
            if start < moment <= end:
                return candidate
        raise ValueError(moment)  # not reached unless plans put a quarter's deadline after the next one's

    def next_deadline(self, moment: datetime) -> tuple[int, int, datetime]:
        """The first deadline at or after a moment, with its (year, quarter)."""
        year, quarter = self.quarter_for(moment)
        return year, quarter, self.deadline(year, quarter)


DEFAULT_SCHEDULE = Schedule()


def previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def next_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year, quarter + 1) if quarter < 4 else (year + 1, 1)

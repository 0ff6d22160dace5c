"""The working-day arithmetic, free of Django: weekends, statutory holidays and overrides.

The statutory holidays come from the maintained `holidays` library (`holidays.Vietnam`): Labour Code
2019 Art. 112 (1/1; Tết, five days chosen around the lunar new year; Hùng Kings' day, 10/3 lunar;
30/4; 1/5; 2/9 and its adjacent day), the lunar dates computed from the Vietnamese lunisolar
calendar, the compensatory days of Art. 112 §3 when a holiday falls on a Saturday or Sunday, and the
swaps the government announced in past years (a weekday off against a Saturday worked). The library
follows new law too (it lists Ngày Văn hóa Việt Nam, 24/11, from 2026). On top of that, `overrides`
(the administrators' `Holiday` records) decide any day they name, both ways.

Counting convention: `add_working_days(start, n)` is the n-th working day counting `start` itself
when `start` is a working day (a consultation opening on Monday for 10 working days closes on the
Friday of the next week); `working_days_between(first, last)` counts both ends. So for any `start`
and `n >= 1`, `working_days_between(start, add_working_days(start, n)) == n`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

#: The years the library's Vietnamese lunar calendar covers.
FIRST_YEAR = 2000
LAST_YEAR = 2099

SATURDAY, SUNDAY = 5, 6
WEEKEND_NAMES = {SATURDAY: "Thứ Bảy", SUNDAY: "Chủ nhật"}


class OutOfCalendar(ValueError):
    """A date outside the years the calendar covers."""


@dataclass(frozen=True)
class DayOverride:
    """An administrator's decision about one day: a day off, or a working day, with its reason."""

    working: bool
    name: str


@dataclass(frozen=True)
class DayOff:
    """A non-working day and why; `weekend` when it is only an ordinary Saturday or Sunday."""

    date: date
    name: str
    weekend: bool = False


@lru_cache(maxsize=128)
def statutory_calendar(year: int) -> tuple[dict[date, str], frozenset[date]]:
    """The year's days off with their Vietnamese names, and the weekend days worked instead (swaps)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise OutOfCalendar(year)
    # A swap announced for January may be worked in the December before: read the next year too.
    years = [year, year + 1] if year < LAST_YEAR else [year]
    computed = holidays.country_holidays("VN", years=years, language="vi")
    names = {day: name for day, name in computed.items() if day.year == year}
    worked_weekend_days = frozenset(day for day in computed.weekend_workdays if day.year == year)
    return names, worked_weekend_days


class WorkingCalendar:
    """The computed calendar with `overrides` (date → `DayOverride`) taking precedence."""

    def __init__(self, overrides: Mapping[date, DayOverride] | None = None) -> None:
        self.overrides = dict(overrides or {})

    def day_off(self, day: date) -> DayOff | None:
        """Why `day` is not a working day, or None when it is one."""
        override = self.overrides.get(day)
        if override is not None:
            return None if override.working else DayOff(day, override.name)
        names, worked_weekend_days = statutory_calendar(day.year)
        if day in names:
            return DayOff(day, names[day])
        if day.weekday() in WEEKEND_NAMES and day not in worked_weekend_days:
            return DayOff(day, WEEKEND_NAMES[day.weekday()], weekend=True)
        return None

    def is_working_day(self, day: date) -> bool:
        return self.day_off(day) is None

    def days(self, first: date, last: date) -> Iterator[date]:
        if last < first:
            raise ValueError("last before first")
        for offset in range((last - first).days + 1):
            yield first + timedelta(days=offset)

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day from `start`, `start` itself counting when it is a working day."""
        if count < 1:
            raise ValueError("count must be at least 1")
        day, found = start, 0
        while True:
            if self.is_working_day(day):
                found += 1
                if found == count:
                    return day
            day += timedelta(days=1)

    def working_days_between(self, first: date, last: date) -> int:
        """The number of working days from `first` to `last`, both included."""
        return sum(1 for day in self.days(first, last) if self.is_working_day(day))

    def days_off_between(self, first: date, last: date) -> list[DayOff]:
        """The non-working days from `first` to `last`, both included, with their reasons."""
        return [off for day in self.days(first, last) if (off := self.day_off(day)) is not None]


def computed_day_off(day: date) -> DayOff | None:
    """Why `day` is off by law and the library alone (no override), or None when it is a working day."""
    return WorkingCalendar().day_off(day)


def is_working_day(day: date, overrides: Mapping[date, DayOverride] | None = None) -> bool:
    return WorkingCalendar(overrides).is_working_day(day)


def add_working_days(start: date, count: int, overrides: Mapping[date, DayOverride] | None = None) -> date:
    return WorkingCalendar(overrides).add_working_days(start, count)


def working_days_between(first: date, last: date, overrides: Mapping[date, DayOverride] | None = None) -> int:
    return WorkingCalendar(overrides).working_days_between(first, last)

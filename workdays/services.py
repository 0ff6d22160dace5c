"""The working-day calendar with the administrators' `Holiday` records applied (DESIGN §9).

Use these from pages and views (the consultation's closing date): they read the records, then
delegate to the pure arithmetic in `workdays.rules`, whose docstring states the counting convention.
"""

from __future__ import annotations

from datetime import date

from .models import Holiday
from .rules import WorkingCalendar


def working_calendar() -> WorkingCalendar:
    """The calendar as it stands now: the computed days, overridden by every `Holiday` record."""
    return WorkingCalendar({holiday.date: holiday.as_override() for holiday in Holiday.objects.all()})


def is_working_day(day: date) -> bool:
    return working_calendar().is_working_day(day)


def add_working_days(start: date, count: int) -> date:
    """The `count`-th working day from `start`, `start` itself counting when it is a working day."""
    return working_calendar().add_working_days(start, count)


def working_days_between(first: date, last: date) -> int:
    """The working days from `first` to `last`, both included."""
    return working_calendar().working_days_between(first, last)

"""`GET /api/v3/calendar/working-days/` on Wagtail's v3 API (DESIGN §9): public, no token needed."""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail

from .rules import FIRST_YEAR, LAST_YEAR, OutOfCalendar
from .services import working_calendar

router = Router(tags=["calendar"], auth=[BearerTokenAuth(), AllowAnonymous()])

#: The most working days `days` may ask for, and the most calendar days `from`…`to` may cover.
MAX_DAYS = 366
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^\d{1,4}$")


class NamedDay(Schema):
    date: date
    name: str


class WorkingDaysResponse(Schema):
    start: date | None = Field(description="Ngày bắt đầu tính (tham số `start`).")
    days: int | None = Field(description="Số ngày làm việc (tham số `days`).")
    end: date | None = Field(
        description="Ngày làm việc thứ `days` kể từ `start` (tính cả `start` nếu là ngày làm việc)."
    )
    from_: date = Field(alias="from", description="Ngày đầu của khoảng được mô tả.")
    to: date = Field(description="Ngày cuối của khoảng được mô tả.")
    working_days: list[date] = Field(description="Các ngày làm việc trong khoảng.")
    non_working_days: list[NamedDay] = Field(
        description="Các ngày nghỉ trong khoảng, gồm cả thứ Bảy, Chủ nhật, và lý do."
    )
    holidays: list[NamedDay] = Field(
        description="Các ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi trong khoảng (không kể cuối tuần thường)."
    )


def _parameter(name: str, description: str, schema: dict) -> dict:
    return {"in": "query", "name": name, "required": False, "description": description, "schema": schema}


_DATE_SCHEMA = {"type": "string", "format": "date"}
PARAMETERS = [
    _parameter("start", "Ngày bắt đầu (YYYY-MM-DD); đi cùng `days`.", _DATE_SCHEMA),
    _parameter(
        "days",
        "Số ngày làm việc kể từ `start`, tính cả `start` nếu là ngày làm việc; kết quả ở `end`.",
        {"type": "integer", "minimum": 1, "maximum": MAX_DAYS},
    ),
    _parameter("from", "Ngày đầu khoảng cần liệt kê (YYYY-MM-DD); đi cùng `to`.", _DATE_SCHEMA),
    _parameter("to", f"Ngày cuối khoảng cần liệt kê (YYYY-MM-DD), tối đa {MAX_DAYS} ngày kể cả hai đầu.", _DATE_SCHEMA),
]


def _bad(parameter: str, message: str) -> HttpError:
    return HttpError(400, _("Parameter `%(name)s`: %(message)s") % {"name": parameter, "message": message})


def _date_parameter(request: HttpRequest, name: str) -> date:
    value = request.GET.get(name, "").strip()
    if not value:
        raise _bad(name, _("value missing."))
    try:
        if not _ISO_DATE.match(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise _bad(name, _("“%(value)s” is not a date of the form YYYY-MM-DD.") % {"value": value[:40]}) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise _bad(
            name, _("the calendar only covers the years %(first)s–%(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return day


def _days_parameter(request: HttpRequest) -> int:
    value = request.GET.get("days", "").strip()
    if not value:
        raise _bad("days", _("value missing."))
    if not _NUMBER.match(value) or not 1 <= int(value) <= MAX_DAYS:
        raise _bad("days", _("must be an integer from 1 to %(max)s.") % {"max": MAX_DAYS})
    return int(value)


@router.get(
    "/working-days/",
    response={200: WorkingDaysResponse, 400: ProblemDetail},
    summary="Ngày làm việc",
    description=(
        "Lịch ngày làm việc: trừ thứ Bảy, Chủ nhật, các ngày nghỉ lễ, Tết theo Điều 112 Bộ luật Lao động 2019 "
        "(ngày âm lịch được tính theo lịch âm), ngày nghỉ bù và các ngày hoán đổi được công bố hằng năm. "
        "Dùng `start` và `days` để tính ngày kết thúc, hoặc `from` và `to` để liệt kê các ngày làm việc và ngày nghỉ."
    ),
    operation_id="calendar_working_days",
    openapi_extra={"parameters": PARAMETERS},
    by_alias=True,
)
def working_days(request: HttpRequest):
    by_count = "start" in request.GET or "days" in request.GET
    by_range = "from" in request.GET or "to" in request.GET
    if by_count and by_range:
        raise _bad("from", _("cannot be used with `start` and `days`."))
    if not by_count and not by_range:
        raise _bad("start", _("`start` and `days`, or `from` and `to`, are required."))
    calendar = working_calendar()
    start = count = end = None
    if by_count:
        start, count = _date_parameter(request, "start"), _days_parameter(request)
        try:
            end = calendar.add_working_days(start, count)
        except OutOfCalendar:
            raise _bad("days", _("the end date is after the year %(last)s.") % {"last": LAST_YEAR}) from None
        first, last = start, end
    else:
        first, last = _date_parameter(request, "from"), _date_parameter(request, "to")
        if last < first:
            raise _bad("to", _("must be on or after `from`."))
        if last - first >= timedelta(days=MAX_DAYS):
            raise _bad("to", _("the range is at most %(max)s days.") % {"max": MAX_DAYS})
    days_off = calendar.days_off_between(first, last)
    off_dates = {off.date for off in days_off}
    return {
        "start": start,
        "days": count,
        "end": end,
        "from": first,
        "to": last,
        "working_days": [day for day in calendar.days(first, last) if day not in off_dates],
        "non_working_days": [{"date": off.date, "name": off.name} for off in days_off],
        "holidays": [{"date": off.date, "name": off.name} for off in days_off if not off.weekend],
    }

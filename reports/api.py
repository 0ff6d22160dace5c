"""`/api/v3/reports/` (DESIGN §10): quotas for the standing office and the council, public statistics.

Refusals are `application/problem+json` in Vietnamese: no or a wrong token 401 (the API's own handler),
a role that may not read the quotas 403, a bad parameter 400 naming it (as the rest of the API).
"""

from __future__ import annotations

import re
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail

from exemplar_pages.api_errors import problem

from .permissions import may_view_quota_reports
from .quotas import count_year, current_quarter
from .statistics import DIMENSIONS, statistic

router = Router(tags=["reports"])

FIRST_YEAR, LAST_YEAR = 2000, 2100


class UnitOut(Schema):
    id: int
    title: str


class QuotaOut(Schema):
    unit: UnitOut
    quota: int = Field(description="Số bài đơn vị phải gửi mỗi quý.")
    submitted: int = Field(description="Số bài gửi duyệt lần đầu trong quý (đến hạn).")
    approved: int = Field(description="Trong số đó, số bài đang được đăng.")
    owed: int = Field(description="Số bài còn thiếu so với chỉ tiêu.")
    on_time: bool = Field(description="Đã gửi đủ chỉ tiêu trước hạn.")
    late: bool = Field(description="Đã quá hạn mà chưa đủ chỉ tiêu.")
    deadline: datetime = Field(description="Hạn của quý (23:59:59 giờ Việt Nam).")


class StatisticRowOut(Schema):
    key: str
    label: str
    stories: int = Field(description="Số bài gương điển hình đang được đăng công khai.")
    awardees: int = Field(description="Số cá nhân, tập thể được khen trong các quyết định đang được đăng.")


class StatisticsOut(Schema):
    by: str
    title: str
    results: list[StatisticRowOut]


def _parameter(name: str, description: str, schema: dict, required: bool = False) -> dict:
    return {"in": "query", "name": name, "required": required, "description": description, "schema": schema}


def bad_parameter(name: str, message: str) -> HttpResponse:
    detail = _("Parameter `%(name)s`: %(message)s") % {"name": name, "message": message}
    return problem(400, detail, errors=[{"loc": ["query", name], "msg": message}])


def _number(request: HttpRequest, name: str, low: int, high: int, default: int | None) -> int | HttpResponse:
    value = request.GET.get(name, "").strip()
    if not value and default is not None:
        return default
    if not re.fullmatch(r"[0-9]{1,6}", value) or not low <= int(value) <= high:
        return bad_parameter(name, _("must be an integer from %(low)s to %(high)s.") % {"low": low, "high": high})
    return int(value)


@router.get(
    "quotas/",
    auth=BearerTokenAuth(),
    response={200: list[QuotaOut], 401: ProblemDetail, 403: ProblemDetail, 400: ProblemDetail},
    summary="Gương điển hình theo quý của các đơn vị",
    openapi_extra={
        "parameters": [
            _parameter("year", "Năm (mặc định: năm của quý hiện tại).", {"type": "integer"}),
            _parameter("quarter", "Quý 1–4 (mặc định: quý hiện tại).", {"type": "integer", "minimum": 1, "maximum": 4}),
        ]
    },
)
def quotas(request: HttpRequest):
    """What each published unit owes and has sent in a quarter (Thường trực and Hội đồng only)."""
    if not may_view_quota_reports(request.user):
        return problem(
            403, _("Only the standing office, council members and administrators may see the exemplar story quotas.")
        )
    this_year, this_quarter = current_quarter()
    year = _number(request, "year", FIRST_YEAR, LAST_YEAR, this_year)
    if isinstance(year, HttpResponse):
        return year
    quarter = _number(request, "quarter", 1, 4, this_quarter)
    if isinstance(quarter, HttpResponse):
        return quarter
    lines = count_year(year, (quarter,), now=timezone.now())
    return [{"unit": {"id": line.unit.pk, "title": line.title}, **line.quarters[quarter].as_dict()} for line in lines]


@router.get(
    "statistics/",
    auth=[BearerTokenAuth(), AllowAnonymous()],
    response={200: StatisticsOut, 401: ProblemDetail, 400: ProblemDetail},
    summary="Thống kê gương điển hình đang được đăng công khai",
    openapi_extra={
        "parameters": [
            _parameter(
                "by",
                "Tiêu chí: " + ", ".join(DIMENSIONS) + " (mặc định field).",
                {"type": "string", "enum": list(DIMENSIONS)},
            ),
        ]
    },
)
def statistics(request: HttpRequest):
    """Counts of public stories (and awardees of public decisions) by one dimension, for everyone."""
    by = request.GET.get("by", "field").strip() or "field"
    if by not in DIMENSIONS:
        return bad_parameter("by", _("must be one of: %(values)s.") % {"values": ", ".join(DIMENSIONS)})
    result = statistic(by)
    return {
        "by": by,
        "title": result.title,
        "results": [
            {"key": row.key, "label": row.label, "stories": row.stories, "awardees": row.awardees}
            for row in result.rows
        ],
    }

"""The standing office's quarterly dashboard (a Wagtail report) and the statistics pages, admin and public."""

from __future__ import annotations

import re
from datetime import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from exemplar_pages.models import ExemplarStoryPage, UnitPage

from .charts import bar_chart
from .deadlines import QUARTERS, VIETNAM_TZ
from .exports import statistics_workbook, xlsx_response
from .permissions import may_view_quota_reports
from .quotas import count_year, current_quarter, totals
from .statistics import all_statistics

FIRST_YEAR, LAST_YEAR = 2000, 2100


def year_choices(asked: str = "") -> list[tuple[str, str]]:
    """The years with submissions, the current and next year, and the year asked for."""
    now = timezone.now()
    first = ExemplarStoryPage.objects.exclude(first_submitted_at=None).order_by("first_submitted_at").first()
    start = min(first.first_submitted_at.astimezone(VIETNAM_TZ).year if first else now.year, now.year)
    years = set(range(start - 1, now.year + 2))
    if re.fullmatch(r"[0-9]{4}", asked or "") and FIRST_YEAR <= int(asked) <= LAST_YEAR:
        years.add(int(asked))
    return [(str(year), str(year)) for year in sorted(years, reverse=True)]


def keep_queryset(queryset, name, value):
    """The year and quarter choose the columns, not the units."""
    return queryset


class QuotaFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(label=_("Year"), method=keep_queryset, empty_label=None)
    quarter = django_filters.ChoiceFilter(
        label=_("Quarter"),
        method=keep_queryset,
        choices=[(str(q), _("Quarter %(q)s") % {"q": q}) for q in QUARTERS],
        empty_label=_("Whole year"),
    )

    class Meta:
        model = UnitPage
        fields = ["year", "quarter"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = year_choices((self.data or {}).get("year", ""))
        self.filters["year"].extra["choices"] = choices
        self.form.fields["year"].choices = choices


class TitleColumn(Column):
    """The unit's name; the totals row in bold."""

    cell_template_name = "reports/admin/title_cell.html"


class StatusColumn(Column):
    """“Đạt”, “Trễ hạn (thiếu 1)”… in words, with a mark for late ones."""

    cell_template_name = "reports/admin/status_cell.html"

    def __init__(self, name: str, quarter: int, **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.quarter = quarter

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        count = instance.quarters.get(self.quarter)
        context["late"] = bool(count and count.late)
        context["on_time"] = bool(count and count.on_time and instance.unit is not None)
        return context


class QuarterColumn(StatusColumn):
    """The whole year on a screen: one cell per quarter with its counts and its status (the export keeps
    the numbers in columns of their own)."""

    cell_template_name = "reports/admin/quarter_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["count"] = instance.quarters.get(self.quarter)
        return context


class QuotaReportView(ReportView):
    """Units × quarters of a year: submitted, approved, owed, late units marked, totals, a chart, XLSX."""

    page_title = _("Exemplar stories by quarter")
    header_icon = "list-ul"
    model = UnitPage
    filterset_class = QuotaFilterSet
    index_url_name = "reports_quotas"
    index_results_url_name = "reports_quotas_results"
    results_template_name = "reports/admin/quota_results.html"
    paginate_by = None
    default_ordering = "path"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_view_quota_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return UnitPage.objects.live()

    @cached_property
    def now(self) -> datetime:
        return timezone.now()

    @cached_property
    def year(self) -> int:
        value = self.request.GET.get("year", "")
        if re.fullmatch(r"[0-9]{4}", value) and FIRST_YEAR <= int(value) <= LAST_YEAR:
            return int(value)
        return current_quarter(self.now)[0]

    @cached_property
    def quarters(self) -> tuple[int, ...]:
        value = self.request.GET.get("quarter", "")
        return (int(value),) if value in {"1", "2", "3", "4"} else QUARTERS

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        data = kwargs["data"].copy()
        data.setdefault("year", str(self.year))
        kwargs["data"] = data
        return kwargs

    @cached_property
    def columns(self):
        columns = [TitleColumn("title", label=_("Unit")), Column("quota", label=_("Quota per quarter"))]
        if len(self.quarters) > 1:
            return columns + [
                QuarterColumn(f"q{quarter}_status", quarter, label=gettext("Quarter %(q)s") % {"q": quarter})
                for quarter in self.quarters
            ]
        return self.export_columns

    @cached_property
    def export_columns(self):
        columns = [TitleColumn("title", label=_("Unit")), Column("quota", label=_("Quota per quarter"))]
        for quarter in self.quarters:
            prefix = gettext("Quarter %(q)s") % {"q": quarter}
            submitted, approved = gettext("submitted"), pgettext("quota", "approved")
            owed, status = gettext("owed"), pgettext("quota", "status")
            columns += [
                Column(f"q{quarter}_submitted", label=f"{prefix}: {submitted}"),
                Column(f"q{quarter}_approved", label=f"{prefix}: {approved}"),
                Column(f"q{quarter}_owed", label=f"{prefix}: {owed}"),
                StatusColumn(f"q{quarter}_status", quarter, label=f"{prefix}: {status}"),
            ]
        return columns

    @property
    def list_export(self) -> list[str]:
        return [column.name for column in self.export_columns]

    @property
    def export_headings(self) -> dict[str, str]:
        return {column.name: str(column.label) for column in self.export_columns}

    def get_filename(self) -> str:
        return f"guong-dien-hinh-theo-quy-{self.year}"

    def decorate_paginated_queryset(self, object_list):
        lines = count_year(self.year, self.quarters, units=list(object_list), now=self.now)
        return [*lines, totals(lines, self.year, self.quarters, now=self.now)] if lines else []

    def get(self, request, *args, **kwargs):
        # The rows are counted before the table is built from them (one page: a few hundred units at most).
        self.object_list = self.decorate_paginated_queryset(self.get_filtered_queryset())
        context = self.get_context_data()
        if self.is_export:
            return self.as_spreadsheet(context["object_list"], request.GET.get("export"))
        context.update(self.chart_context(context["object_list"]))
        return self.render_to_response(context)

    def chart_quarter(self) -> int:
        """The quarter the chart shows: the one asked for, else the current one of this year, else the last."""
        if len(self.quarters) == 1:
            return self.quarters[0]
        year, quarter = current_quarter(self.now)
        return quarter if year == self.year else 4

    def chart_context(self, rows) -> dict:
        lines = [row for row in rows if row.unit is not None]
        quarter = self.chart_quarter()
        title = gettext("Quarter %(q)s/%(year)s: stories submitted and owed, by unit") % {
            "q": quarter,
            "year": self.year,
        }
        chart = bar_chart(
            title,
            [line.title for line in lines],
            [
                (gettext("Submitted"), [line.quarters[quarter].submitted for line in lines]),
                (gettext("Owed"), [line.quarters[quarter].owed for line in lines]),
            ],
        )
        late = {q: [line.title for line in lines if line.quarters[q].late] for q in self.quarters}
        return {"charts": [("quota-chart", chart)], "late_units": late, "report_year": self.year, "now": self.now}


def statistics_context() -> dict:
    statistics = all_statistics()
    charts = []
    for item in statistics:
        labels = [row.label for row in item.rows]
        series = [(gettext("Exemplar stories"), [row.stories for row in item.rows])]
        if item.has_awardees:
            series.append((gettext("Commended by decision"), [row.awardees for row in item.rows]))
        charts.append((item, f"chart-{item.by}", bar_chart(item.caption, labels, series)))
    return {"charts": charts}


def public_statistics(request: HttpRequest) -> HttpResponse:
    """`/thong-ke/`: charts and tables of the published exemplars, for everyone; `?export=xlsx` as a workbook."""
    if request.GET.get("export") == "xlsx":
        return xlsx_response(statistics_workbook(all_statistics()), "thong-ke-guong-dien-hinh")
    return TemplateResponse(request, "reports/statistics_page.html", statistics_context())


def admin_statistics(request: HttpRequest) -> HttpResponse:
    """The same statistics in the admin, for the dashboard's readers."""
    if not may_view_quota_reports(request.user):
        raise PermissionDenied
    if request.GET.get("export") == "xlsx":
        return xlsx_response(statistics_workbook(all_statistics()), "thong-ke-guong-dien-hinh")
    return TemplateResponse(request, "reports/admin/statistics.html", statistics_context())

"""Admin: the quarterly dashboard and the statistics under “Báo cáo”, and a unit editor's line on the home page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from exemplar_pages.moderation.permissions import units_edited_by

from . import views
from .permissions import may_view_quota_reports
from .quotas import count_year, current_quarter, report_units


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("bao-cao/guong-dien-hinh-theo-quy/", views.QuotaReportView.as_view(), name="reports_quotas"),
        path(
            "bao-cao/guong-dien-hinh-theo-quy/ket-qua/",
            views.QuotaReportView.as_view(results_only=True),
            name="reports_quotas_results",
        ),
        path("bao-cao/thong-ke/", views.admin_statistics, name="reports_statistics"),
    ]


class QuotaReaderMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_view_quota_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_quota_menu_item():
    return QuotaReaderMenuItem(
        _("Exemplar stories by quarter"),
        reverse("reports_quotas"),
        name="guong-dien-hinh-theo-quy",
        icon_name="list-ul",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return QuotaReaderMenuItem(
        _("Exemplar story statistics"), reverse("reports_statistics"), name="thong-ke", icon_name="list-ul", order=910
    )


class UnitQuotaPanel(Component):
    """On a unit editor's dashboard: their unit's line of this quarter and what it still owes."""

    name = "unit_quota"
    order = 90
    template_name = "reports/admin/unit_quota_panel.html"

    def __init__(self, unit_ids: list[int]) -> None:
        self.unit_ids = unit_ids

    def get_context_data(self, parent_context=None):
        year, quarter = current_quarter()
        lines = count_year(year, (quarter,), units=report_units(self.unit_ids))
        return {"rows": [(line, line.quarters[quarter]) for line in lines], "year": year, "quarter": quarter}


@hooks.register("construct_homepage_panels")
def add_unit_quota_panel(request, panels):
    unit_ids = units_edited_by(request.user)
    if unit_ids:
        panels.append(UnitQuotaPanel(unit_ids))

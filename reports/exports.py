"""XLSX workbooks of the statistics (openpyxl): one sheet per dimension, numbers as numbers."""

from __future__ import annotations

import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .statistics import Statistic

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _text(value: str) -> str:
    """Text a spreadsheet will not take for a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def statistics_workbook(statistics: list[Statistic]) -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for item in statistics:
        sheet = workbook.create_sheet(item.title[:31])
        sheet.append([item.title, _("Exemplar stories"), _("Commended by decision")])
        for row in item.rows:
            sheet.append([_text(row.label), row.stories, row.awardees])
        sheet.append([_("Total"), item.total_stories, item.total_awardees])
        sheet.column_dimensions["A"].width = 48
    return workbook


def xlsx_response(workbook: Workbook, filename: str) -> HttpResponse:
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response

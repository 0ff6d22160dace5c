"""The exemplar list template (.xlsx): the columns the importer reads, two example rows, and sheets of the
accepted values (columns, fields, subject types, awards, top-level localities) read from the database when
it is downloaded."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from ..models import Award, Field, Locality, SubjectType
from .exemplar_rows import COLUMNS, HEADING_ALIASES, REQUIRED_COLUMNS

LIST_SHEET = "Danh sách"
HEADER_FONT = Font(bold=True)
REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")
EXAMPLE_ROWS = 2
VALIDATED_ROWS = 5000  # rows of the list sheet offered the drop-down lists


def column_help() -> dict[str, str]:
    """What each column holds, in the active language."""
    return {
        "title": _("Story title (at most 255 characters)."),
        "subject_name": _("Name of the individual, collective or household."),
        "subject_type": _("Cá nhân, Tập thể, Hộ gia đình (or individual, collective, household)."),
        "field": _("Name or slug of the field (sheet “Fields”)."),
        "locality": _(
            "Path from the province level: “Tỉnh … / Huyện … / Xã …” (sheet “Localities”); missing levels are created."
        ),
        "movement": _("Name of the emulation movement."),
        "year": _("Year (1945–2100)."),
        "quarter": _("Quarter 1–4 (may be left empty)."),
        "summary": _("Summary (at most 1000 characters)."),
        "body": _("Body text; one paragraph per line, a line starting with “- ” is a list item."),
        "awards": _(
            "Awards as written in the records, separated by “;”: “Bằng khen của Chủ tịch UBND tỉnh (2023)”, "
            "“Giấy khen của Chủ tịch UBND huyện … theo Quyết định số …/QĐ-UBND ngày …”. "
            "Awards that are no form of award under the Law are kept verbatim and reported."
        ),
        "tags": _("Keywords, separated by “;”."),
    }


def _headings_by_column() -> dict[str, list[str]]:
    headings: dict[str, list[str]] = {column: [] for column in COLUMNS}
    for heading, column in HEADING_ALIASES.items():
        if column in headings:  # not a form's timestamp, which fills no column of the model
            headings[column].append(heading.replace("_", " "))
    return headings


def _example_rows() -> list[list[object]]:
    fields = list(Field.objects.order_by("sort_key")[:2]) or [None, None]
    top = list(Locality.objects.filter(parent__isnull=True, is_active=True).order_by("sort_key")[:1])
    province = top[0] if top else None
    district = province.children.filter(is_active=True).order_by("sort_key").first() if province else None
    path = " / ".join(locality.name for locality in (province, district) if locality) or "Tỉnh … / Huyện … / Xã …"
    field_names = [field.name if field else "" for field in fields * 2]
    return [
        [
            _("Mrs Nguyễn Thị Mẫu helps members develop their household economy"),
            "Nguyễn Thị Mẫu",
            str(SubjectType.INDIVIDUAL.label),
            field_names[0],
            path,
            "",
            2024,
            2,
            _(
                "Mrs Mẫu encourages members to take loans and tend their orchards, helping many households out of poverty."
            ),
            _(
                "In 2024 she organised technical training sessions.\n- Helped 12 households take loans\n- Opened 3 training classes"
            ),
            _("Chiến sĩ thi đua cơ sở (2023); Giấy khen của Chủ tịch UBND huyện (2024)"),
            _("household economy; poverty reduction"),
        ],
        [
            _("The Mẫu residential group keeps its streets green, clean and beautiful"),
            _("Mẫu residential group"),
            str(SubjectType.COLLECTIVE.label),
            field_names[1],
            path,
            "",
            2024,
            "",
            _("The residential group has kept up its green Sundays for five years running."),
            "",
            _("Bằng khen của Chủ tịch UBND tỉnh theo Quyết định số 123/QĐ-UBND ngày 12/3/2024; Giải Nhất cuộc thi …"),
            "",
        ],
    ]


def _sheet(workbook: Workbook, title: str, header: list[str], rows) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = HEADER_FONT
    for row in rows:
        sheet.append(list(row))
    for column_cells in sheet.columns:
        width = max((len(str(cell.value or "")) for cell in column_cells), default=10)
        sheet.column_dimensions[column_cells[0].column_letter].width = min(max(width + 2, 10), 70)
    sheet.freeze_panes = "A2"


def build_exemplar_template() -> bytes:
    """The template workbook, with the accepted values as they are in the database now."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = LIST_SHEET  # the only sheet opening with a list's header: the importer skips the others
    sheet.append(list(COLUMNS))
    helps = column_help()
    for cell, column in zip(sheet[1], COLUMNS):
        cell.font = HEADER_FONT
        if column in REQUIRED_COLUMNS:
            cell.fill = REQUIRED_FILL
        cell.comment = Comment(helps[column], "ThiĐua CMS", width=320, height=120)
        sheet.column_dimensions[cell.column_letter].width = 40 if column in ("title", "summary", "awards") else 18
    for row in _example_rows()[:EXAMPLE_ROWS]:
        sheet.append(row)
    sheet.freeze_panes = "A2"

    headings = _headings_by_column()
    _sheet(
        workbook,
        _("Column"),
        [_("Column"), _("Vietnamese headings also accepted"), _("Required"), _("Content")],
        (
            [column, ", ".join(headings[column]), _("yes") if column in REQUIRED_COLUMNS else "", helps[column]]
            for column in COLUMNS
        ),
    )
    fields = list(Field.objects.order_by("sort_key"))
    fields_sheet = pgettext("exemplar template sheet", "Fields")
    _sheet(workbook, fields_sheet, [_("Name"), _("Slug")], ([field.name, field.slug] for field in fields))
    _sheet(
        workbook,
        _("Exemplar types"),
        [_("Name"), _("Code")],
        ([str(label), value] for value, label in SubjectType.choices),
    )
    awards = Award.objects.order_by("kind", "sort_key")
    _sheet(
        workbook,
        _("Awards"),
        [_("Title or form of award"), _("Type"), _("Level"), _("Slug"), _("Basis")],
        (
            [award.name, award.get_kind_display(), award.get_level_display(), award.slug, award.legal_basis]
            for award in awards
        ),
    )
    provinces = Locality.objects.filter(parent__isnull=True).select_related("successor").order_by("sort_key")
    _sheet(
        workbook,
        _("Localities"),
        [_("Name (province level)"), _("Level"), _("Still active"), _("Successor")],
        (
            [
                locality.name,
                locality.get_kind_display(),
                _("yes") if locality.is_active else _("no"),
                locality.successor.name if locality.successor_id else "",
            ]
            for locality in provinces
        ),
    )

    subject_types = ",".join(str(label) for _value, label in SubjectType.choices)
    type_column = sheet.cell(row=1, column=COLUMNS.index("subject_type") + 1).column_letter
    field_column = sheet.cell(row=1, column=COLUMNS.index("field") + 1).column_letter
    choices = DataValidation(type="list", formula1=f'"{subject_types}"', allow_blank=True, showErrorMessage=False)
    choices.add(f"{type_column}2:{type_column}{VALIDATED_ROWS}")
    sheet.add_data_validation(choices)
    if fields:
        field_list = DataValidation(
            type="list",
            formula1=f"'{fields_sheet}'!$A$2:$A${len(fields) + 1}",
            allow_blank=True,
            showErrorMessage=False,
        )
        field_list.add(f"{field_column}2:{field_column}{VALIDATED_ROWS}")
        sheet.add_data_validation(field_list)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()

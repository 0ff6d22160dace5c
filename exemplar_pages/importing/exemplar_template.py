"""The exemplar list template (.xlsx): the columns the importer reads, two example rows, and sheets of the
accepted values (columns, fields, subject types, awards, top-level localities) read from the database when
it is downloaded."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
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
    """What each column holds, in Vietnamese."""
    return {
        "title": _("Tiêu đề bài viết (tối đa 255 ký tự)."),
        "subject_name": _("Tên cá nhân, tập thể hoặc hộ gia đình."),
        "subject_type": _("Cá nhân, Tập thể, Hộ gia đình (hoặc individual, collective, household)."),
        "field": _("Tên hoặc slug của lĩnh vực (trang “Lĩnh vực”)."),
        "locality": _("Đường dẫn từ cấp tỉnh: “Tỉnh … / Huyện … / Xã …” (trang “Địa bàn”); cấp thiếu sẽ được tạo."),
        "movement": _("Tên phong trào thi đua."),
        "year": _("Năm (1945–2100)."),
        "quarter": _("Quý 1–4 (có thể để trống)."),
        "summary": _("Tóm tắt (tối đa 1000 ký tự)."),
        "body": _("Nội dung; mỗi dòng một đoạn, dòng bắt đầu bằng “- ” là một mục liệt kê."),
        "awards": _(
            "Khen thưởng như ghi trong hồ sơ, cách nhau bằng “;”: “Bằng khen của Chủ tịch UBND tỉnh (2023)”, "
            "“Giấy khen của Chủ tịch UBND huyện … theo Quyết định số …/QĐ-UBND ngày …”. "
            "Khen thưởng không thuộc hình thức nào của Luật được giữ nguyên văn và báo lại."
        ),
        "tags": _("Từ khóa, cách nhau bằng “;”."),
    }


def _headings_by_column() -> dict[str, list[str]]:
    headings: dict[str, list[str]] = {column: [] for column in COLUMNS}
    for heading, column in HEADING_ALIASES.items():
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
            _("Bà Nguyễn Thị Mẫu giúp hội viên phát triển kinh tế"),
            "Nguyễn Thị Mẫu",
            str(SubjectType.INDIVIDUAL.label),
            field_names[0],
            path,
            "",
            2024,
            2,
            _("Bà Mẫu vận động hội viên vay vốn, chăm sóc vườn cây, giúp nhiều hộ thoát nghèo."),
            _("Năm 2024, bà tổ chức các buổi tập huấn kỹ thuật.\n- Giúp 12 hộ vay vốn\n- Mở 3 lớp tập huấn"),
            _("Chiến sĩ thi đua cơ sở (2023); Giấy khen của Chủ tịch UBND huyện (2024)"),
            _("kinh tế hộ; giảm nghèo"),
        ],
        [
            _("Tổ dân phố Mẫu giữ gìn đường phố xanh, sạch, đẹp"),
            _("Tổ dân phố Mẫu"),
            str(SubjectType.COLLECTIVE.label),
            field_names[1],
            path,
            "",
            2024,
            "",
            _("Tổ dân phố duy trì ngày chủ nhật xanh suốt năm năm liền."),
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
    sheet.title = LIST_SHEET  # the importer reads the first sheet
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
        _("Cột"),
        [_("Cột"), _("Tiêu đề tiếng Việt cũng nhận"), _("Bắt buộc"), _("Nội dung")],
        (
            [column, ", ".join(headings[column]), _("có") if column in REQUIRED_COLUMNS else "", helps[column]]
            for column in COLUMNS
        ),
    )
    fields = list(Field.objects.order_by("sort_key"))
    _sheet(workbook, _("Lĩnh vực"), [_("Tên"), _("Slug")], ([field.name, field.slug] for field in fields))
    _sheet(
        workbook,
        _("Loại điển hình"),
        [_("Tên"), _("Mã")],
        ([str(label), value] for value, label in SubjectType.choices),
    )
    awards = Award.objects.order_by("kind", "sort_key")
    _sheet(
        workbook,
        _("Khen thưởng"),
        [_("Danh hiệu, hình thức khen thưởng"), _("Loại"), _("Cấp"), _("Slug"), _("Căn cứ")],
        (
            [award.name, award.get_kind_display(), award.get_level_display(), award.slug, award.legal_basis]
            for award in awards
        ),
    )
    provinces = Locality.objects.filter(parent__isnull=True).select_related("successor").order_by("sort_key")
    _sheet(
        workbook,
        _("Địa bàn"),
        [_("Tên (cấp tỉnh)"), _("Cấp"), _("Còn hiệu lực"), _("Đơn vị kế thừa")],
        (
            [
                locality.name,
                locality.get_kind_display(),
                _("có") if locality.is_active else _("không"),
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
            formula1=f"'{_('Lĩnh vực')}'!$A$2:$A${len(fields) + 1}",
            allow_blank=True,
            showErrorMessage=False,
        )
        field_list.add(f"{field_column}2:{field_column}{VALIDATED_ROWS}")
        sheet.add_data_validation(field_list)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()

"""OpenDocument lists and plans (LibreOffice's .ods and .odt): read as their Excel and Word twins are.

The twins in tests/fixtures were saved by LibreOffice itself (scripts/make_opendocument_fixtures.sh); the edge cases
below are written as LibreOffice writes them (repeated rows and cells, covered cells, hidden sheets, `text:s`)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from exemplar_pages.importing import DocumentReadError, parse_plan, read_document
from exemplar_pages.importing.decision_import import ALIASES
from exemplar_pages.importing.decision_import import COLUMNS as DECISION_COLUMNS
from exemplar_pages.importing.exemplar_rows import COLUMNS, SpreadsheetError, read_rows

FIXTURES = Path(__file__).parent / "fixtures"
DECISION_KNOWN = [*DECISION_COLUMNS, *ALIASES]


def _read(path: Path, known) -> dict:
    """Everything the importers take from a list: columns, rows (numbered, with their parts), title and closing
    lines, sheets read and skipped."""
    table = read_rows(path.name, path.read_bytes(), known)
    return {
        "columns": table.columns,
        "rows": [(row.line, str(row.line), row.values, repr(row.part)) for row in table.rows],
        "headings": table.headings,
        "title_lines": table.title_lines,
        "sheets": (table.sheets, table.skipped_sheets),
        "closing_lines": table.closing_lines,
    }


@pytest.mark.parametrize(
    ("twin", "original", "known"),
    [
        ("exemplars/danh-sach-hoi-nong-dan-lam-dong-2025.ods", ".xlsx", COLUMNS),
        ("exemplars/danh-sach-dak-lak-de-nghi-tuyen-duong-2025.ods", ".xlsx", COLUMNS),
        ("decisions/danh-sach-khen-thuong-hai-phong-2025.ods", ".xlsx", DECISION_KNOWN),
        ("decisions/danh-sach-khen-thuong-quang-tri-2025.odt", ".docx", DECISION_KNOWN),
    ],
)
def test_a_list_saved_by_libreoffice_reads_as_its_excel_or_word_original(twin: str, original: str, known) -> None:
    """Five sheets with a summary and notes skipped, title lines above a header of two rows, parts, merged cells,
    a Word table's school merged down over three teachers: every row, value and line number the same."""
    path = FIXTURES / twin
    expected = _read(path.with_suffix(original), known)
    assert len(expected["rows"]) > 40
    assert _read(path, known) == expected


def test_a_plan_saved_by_libreoffice_parses_as_its_word_original() -> None:
    """Seed 004 as Word 97 and as LibreOffice's .odt: the header table and the body give the same plan."""
    folder = FIXTURES / "plans" / "word97"
    plan, original = (
        parse_plan(read_document(folder / "ke_hoach_93.odt")),
        parse_plan(read_document(folder / "ke_hoach_93.doc")),
    )
    assert (plan.number, plan.place, plan.issue_date, plan.issuing_body) == (
        "93/KH-VP",
        "Đồng Nai",
        original.issue_date,
        "Văn phòng UBND tỉnh Đồng Nai",
    )
    assert plan.title == original.title and plan.title.startswith("Kế hoạch tuyên truyền các phong trào thi đua")
    assert [(r.document_type, r.number, r.date) for r in plan.basis] == [
        (r.document_type, r.number, r.date) for r in original.basis
    ]
    assert [(a.unit, len(a.tasks)) for a in plan.assignments] == [(a.unit, len(a.tasks)) for a in original.assignments]
    assert (plan.signer_title, plan.signer_name) == (original.signer_title, original.signer_name)


OFFICE = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
)


def _opendocument(kind: str, body: str, styles: str = "") -> bytes:
    """A minimal OpenDocument file (`kind`: spreadsheet or text) whose body is this XML."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {OFFICE} office:version="1.2">'
        f"<office:automatic-styles>{styles}</office:automatic-styles>"
        f"<office:body><office:{kind}>{body}</office:{kind}></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def _cell(text: str = "", repeat: int = 1, **attributes: str) -> str:
    extra = "".join(f' {name.replace("_", ":", 1).replace("_", "-")}="{value}"' for name, value in attributes.items())
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    paragraph = f"<text:p>{text}</text:p>" if text else ""
    return f"<table:table-cell{repeated}{extra}>{paragraph}</table:table-cell>"


def _row(*cells: str, repeat: int = 1) -> str:
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{''.join(cells)}</table:table-row>"


HEADER = _row(_cell("Họ và tên"), _cell("Địa bàn"), _cell("Lĩnh vực"), _cell("Năm"))


def test_repeated_rows_and_cells_blank_runs_numbers_and_dates() -> None:
    """Calc writes two equal rows once, "repeated 2"; a run of a thousand blank columns and a million blank rows to
    the sheet's end; numbers with `office:value` (shown "2.025"); `text:s` for spaces."""
    row = _row(_cell("Lò Văn Pọm"), _cell("xã Mường Lầm"), _cell("Nông nghiệp"), _cell("2025", office_value_type="float", office_value="2025"), _cell(repeat=16380), repeat=2)  # fmt: skip
    body = (
        '<table:table table:name="Cá nhân">'
        + _row(_cell("DANH SÁCH<text:s/>ĐỀ NGHỊ"), _cell(repeat=1020))
        + _row(_cell(), repeat=2)
        + HEADER
        + row
        + _row(_cell("Hà Thị Dính"), _cell(repeat=2), _cell("2.024", office_value_type="float", office_value="2024.5"))
        + _row(_cell(repeat=1024), repeat=1048000)
        + "</table:table>"
    )
    table = read_rows("danh-sach.ods", _opendocument("spreadsheet", body))
    assert table.title_lines == ["DANH SÁCH ĐỀ NGHỊ"]
    assert [(row.line, row.values["subject_name"], row.values["year"]) for row in table.rows] == [
        (5, "Lò Văn Pọm", "2025"),
        (6, "Lò Văn Pọm", "2025"),
        (7, "Hà Thị Dính", "2024.5"),
    ]


def test_hidden_sheets_are_left_out_and_named_sheets_read_in_turn() -> None:
    styles = (
        '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>'
    )
    person = _row(_cell("Vàng A Sình"), _cell("xã Sà Phìn"), _cell("Nông nghiệp"), _cell("2025"))
    group = _row(_cell("Tổ hợp tác Sà Phìn"), _cell("xã Sà Phìn"), _cell("Nông nghiệp"), _cell("2025"))
    body = "".join(
        f'<table:table table:name="{name}" table:style-name="{style}">{HEADER}{rows}</table:table>'
        for name, style, rows in (("Tập thể", "ta1", group), ("Danh mục", "ta2", person), ("Cá nhân", "ta1", person))
    )
    table = read_rows("danh-sach.ods", _opendocument("spreadsheet", body, styles))
    assert table.sheets == ["Tập thể", "Cá nhân"]
    assert [str(row.line) for row in table.rows] == ["2 (trang “Tập thể”)", "2 (trang “Cá nhân”)"]


def test_a_writer_table_repeats_a_cell_merged_down_and_reads_one_merged_across_once() -> None:
    covered = "<table:covered-table-cell/>"
    body = (
        "<text:p>DANH SÁCH GIÁO VIÊN<text:tab/>ĐỀ NGHỊ KHEN THƯỞNG<text:note><text:note-body><text:p>ghi chú"
        "</text:p></text:note-body></text:note></text:p>"
        "<table:table>"
        + HEADER
        + _row(_cell("Trường Tiểu học A", table_number_columns_spanned="4"), covered, covered, covered)
        + _row(_cell("Cao Thị Lan"), _cell("xã A Dơi", table_number_rows_spanned="2"), _cell("Giáo dục"), _cell("2025"))
        + _row(_cell("Hồ Văn Cường"), covered, _cell("Giáo dục"), _cell("2025"))
        + "</table:table>"
    )
    table = read_rows("giao-vien.odt", _opendocument("text", body))
    assert table.title_lines == ["DANH SÁCH GIÁO VIÊN\tĐỀ NGHỊ KHEN THƯỞNG"]
    assert [(row.values["subject_name"], row.values["locality"]) for row in table.rows] == [
        ("Trường Tiểu học A", ""),
        ("Cao Thị Lan", "xã A Dơi"),
        ("Hồ Văn Cường", "xã A Dơi"),
    ]


def test_a_plan_s_lines_from_paragraphs_lists_and_a_header_table(tmp_path: Path) -> None:
    header = _row(_cell("UBND TỈNH ĐỒNG NAI"), _cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + _row(
        _cell("Số: 93/KH-VP"), _cell("Đồng Nai, ngày 13 tháng 01 năm 2023")
    )
    body = (
        f"<table:table>{header}</table:table><text:h>KẾ HOẠCH</text:h>"
        "<text:list><text:list-item><text:p>Căn cứ<text:s text:c='2'/>Luật Thi đua, khen thưởng;</text:p>"
        "</text:list-item></text:list><text:section><text:p>Tổ chức <text:span>thực hiện</text:span></text:p>"
        "</text:section>"
    )
    path = tmp_path / "ke-hoach.odt"
    path.write_bytes(_opendocument("text", body))
    assert read_document(path).splitlines() == [
        "UBND TỈNH ĐỒNG NAI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 93/KH-VP",
        "Đồng Nai, ngày 13 tháng 01 năm 2023",
        "KẾ HOẠCH",
        "Căn cứ  Luật Thi đua, khen thưởng;",
        "Tổ chức thực hiện",
    ]


def test_files_that_are_not_what_their_name_says(tmp_path: Path) -> None:
    """An Excel workbook renamed .ods, a damaged file, a text document given as a list: each refused by name."""
    workbook = (FIXTURES / "exemplars" / "danh-sach-lao-cai-2025.xlsx").read_bytes()
    with pytest.raises(SpreadsheetError, match=r"danh-sach\.ods.*không có content\.xml; có thể là tệp Excel"):
        read_rows("danh-sach.ods", workbook)
    with pytest.raises(SpreadsheetError, match=r"hong\.ods.*tệp hỏng"):
        read_rows("hong.ods", b"PK\x03\x04 not a workbook")
    with pytest.raises(SpreadsheetError, match=r"van-ban\.ods.*không phải bảng tính"):
        read_rows("van-ban.ods", _opendocument("text", "<text:p>Kế hoạch</text:p>"))
    plan = tmp_path / "ke-hoach.odt"
    plan.write_bytes(_opendocument("spreadsheet", '<table:table table:name="A"/>'))
    with pytest.raises(DocumentReadError, match=r"ke-hoach\.odt.*không phải văn bản"):
        read_document(plan)

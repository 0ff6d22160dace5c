"""Tasks and deadlines wherever a plan sets them (issue #14, point 4): the tasks section, a task table in a Word or
PDF file, a letter's "… gửi về … trước ngày …"; never an event's day, a cited document's date or a yearly day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cms.vietnamese.text_repair import join_wrapped_lines
from exemplar_pages.importing import parse_plan, read_document
from tests.test_import_plan import imported, new_unit

FILES = Path(__file__).resolve().parent / "fixtures" / "plans" / "written_blind_files"
HEADER = """ỦY BAN NHÂN DÂN
XÃ THỬ NGHIỆM
Số: 07/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thử Nghiệm, ngày 12 tháng 01 năm 2026
KẾ HOẠCH
Tổ chức phong trào thi đua năm 2026
Căn cứ Kế hoạch số 12/KH-UBND ngày 08/01/2026 của Ủy ban nhân dân tỉnh về công tác thi đua năm 2026;
I. MỤC ĐÍCH, YÊU CẦU
Phát huy sức mạnh của cả hệ thống chính trị trên địa bàn xã.
"""


def deadlines(text: str) -> dict[str, list[dt.date]]:
    plan = parse_plan(text)
    return {a.unit: sorted(d.date for d in a.deadlines) for a in plan.assignments if a.deadlines}


def test_a_task_table_gives_each_unit_its_tasks_and_deadlines() -> None:
    text = HEADER + (
        "II. TỔ CHỨC THỰC HIỆN\n"
        "TT | Nội dung | Đơn vị thực hiện | Thời gian hoàn thành\n"
        "1 | Tổ chức Lễ phát động phong trào thi đua | Văn phòng HĐND - UBND xã | Trước ngày 25/01/2026\n"
        "2 | Đăng ký giao ước thi đua, gửi về UBND xã | Các thôn, ấp | Trước ngày 10/02/2026\n"
        "I | Sơ kết, tổng kết |  | \n"  # a group's heading row
        "3 | Sơ kết 6 tháng | Văn phòng HĐND - UBND xã | Trước ngày 15/6/2026\n"
        "4 | Tổng kết năm |  | Trước ngày 30/11/2026\n"  # the unit cell merged down from the row above
        "Trên đây là Kế hoạch của UBND xã.\n"
    )
    plan = parse_plan(text)
    assert [(a.unit, len(a.tasks)) for a in plan.assignments] == [("Văn phòng HĐND - UBND xã", 3), ("Các thôn, ấp", 1)]
    assert plan.assignments[1].tasks == ["Đăng ký giao ước thi đua, gửi về UBND xã (Trước ngày 10/02/2026)"]
    assert deadlines(text) == {
        "Văn phòng HĐND - UBND xã": [dt.date(2026, 1, 25), dt.date(2026, 6, 15), dt.date(2026, 11, 30)],
        "Các thôn, ấp": [dt.date(2026, 2, 10)],
    }


def test_the_days_of_a_schedule_are_events_not_deadlines() -> None:
    text = HEADER + (
        "II. CÁC HOẠT ĐỘNG TRỌNG TÂM\n"
        "TT | Hoạt động | Đơn vị chủ trì | Thời gian\n"
        "1 | Lễ ra quân Tháng Thanh niên | Đoàn xã | Ngày 01/3/2026\n"
        "2 | Ngày hội hiến máu tình nguyện | Hội Chữ thập đỏ xã | Ngày 15/3/2026\n"
        "3 | Báo cáo kết quả | Đoàn xã | Trước ngày 05/4/2026\n"
    )
    assert deadlines(text) == {"Đoàn xã": [dt.date(2026, 4, 5)]}


def test_an_appendix_after_the_signer_with_groups_ranges_and_launch_days() -> None:
    """The tasks table of a "PHỤ LỤC" after the signer, its groups merged across (a line of their own between rows):
    a launch day under "Thời gian thực hiện" is no deadline, even under "TỔ CHỨC THỰC HIỆN"; a range under a deadline
    column is due at its end; a sentence after the table still sets its own."""
    text = HEADER + (
        "II. TỔ CHỨC THỰC HIỆN\n"
        "Các ấp triển khai theo Phụ lục kèm theo./.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Bình\n"
        "PHỤ LỤC\nTIẾN ĐỘ THỰC HIỆN\n"
        "STT | Nội dung công việc | Đơn vị chủ trì | Thời hạn hoàn thành\n"
        "I. Công tác tuyên truyền\n"
        "1 | Tổng hợp danh sách hộ đăng ký | Văn phòng UBND xã | Từ 01/3 đến 31/3/2026\n"
        "II. Sơ kết, tổng kết\n"
        "2 | Sơ kết 6 tháng | Văn phòng UBND xã | Tháng 7/2026\n"
        "3 | Tổng kết năm | Phòng Kinh tế | Trước 15/12/2026\n"
        "Các ấp gửi báo cáo năm về UBND xã trước ngày 25/11/2026.\n"
    )
    assert deadlines(text) == {
        "Văn phòng UBND xã": [dt.date(2026, 3, 31)],
        "Phòng Kinh tế": [dt.date(2026, 12, 15)],
        "Các ấp": [dt.date(2026, 11, 25)],
    }
    launch = HEADER + (
        "II. TỔ CHỨC THỰC HIỆN\n"
        "STT | Nội dung công việc | Đơn vị chủ trì | Thời gian thực hiện\n"
        "1 | Lễ phát động phong trào thi đua | Văn phòng UBND xã | Ngày 20/01/2026\n"
        "2 | Tổng kết | Văn phòng UBND xã | Trước 15/12/2026\n"
    )
    assert deadlines(launch) == {"Văn phòng UBND xã": [dt.date(2026, 12, 15)]}


def test_a_letter_s_deadlines_outside_any_tasks_section() -> None:
    """Only a date a deadline word leads to; the unit is the sentence's subject, or the units addressed."""
    text = HEADER.replace("KẾ HOẠCH\nTổ chức phong trào thi đua năm 2026", "V/v đề xuất điển hình tiên tiến") + (
        "1. Đối tượng: tập thể, cá nhân tiêu biểu trong phong trào thi đua năm 2025.\n"
        "Đề nghị hoàn thành việc rà soát trước ngày 05/3/2026.\n"
        "2. Hồ sơ: Hội Cựu chiến binh các thôn gửi hồ sơ về Văn phòng UBND xã trước ngày 20/3/2026.\n"
        "3. Lễ tuyên dương tổ chức vào ngày 20/4/2026 tại hội trường xã.\n"
        "4. Các chi hội báo cáo định kỳ trước ngày 15/6 hằng năm; hồ sơ bổ sung gửi chậm nhất là ngày 30 tháng 4 năm 2026.\n"
    )
    assert deadlines(text) == {
        "Các đơn vị liên quan": [dt.date(2026, 3, 5)],
        "Hội Cựu chiến binh các thôn": [dt.date(2026, 3, 20)],
        "Các chi hội": [dt.date(2026, 4, 30)],  # the sentence's subject; its yearly day is no date
    }


def test_rows_of_a_table_are_never_joined_as_wrapped_lines() -> None:
    """A long row ending in a date, then a row opening with its number, in a text whose lines look hard-wrapped."""
    wrapped = ["Một dòng của văn bản bị ngắt cứng ở lề phải như khi chép từ tệp PDF sang"] * 8
    rows = (
        "2 | Đăng ký giao ước thi đua, gửi về UBND phường (qua Phòng Văn hóa - Xã hội) | Các phòng | Trước ngày 10/02/2026\n"
        "3 | Sơ kết 6 tháng, báo cáo kết quả | Các đơn vị | Trước ngày 15/6/2026"
    )
    assert join_wrapped_lines("\n".join(wrapped[:1]) + "\n\n" + "\n".join([*wrapped[1:], rows])).endswith("\n" + rows)


@pytest.mark.django_db
def test_a_word_plan_s_task_table_is_saved_with_the_plan() -> None:
    page = imported(FILES / "800_kh_dang_uy_xa_bao_nhai_thi_dua.docx", new_unit())
    saved = [(a.unit, a.deadline) for a in page.assignments.all()]
    assert saved == [
        ("Các chi bộ trực thuộc", dt.date(2026, 3, 31)),
        ("Chi bộ UBND xã", dt.date(2026, 4, 15)),
        ("Văn phòng Đảng ủy", dt.date(2026, 6, 30)),
        ("Ủy ban Kiểm tra Đảng ủy", None),  # "Quý III/2026": a quarter, no day
        ("Ban Xây dựng Đảng", dt.date(2026, 11, 15)),
    ]
    (table,) = [block for block in page.sections if block.block_type == "table"]
    assert table.value["data"][:2] == [
        ["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian hoàn thành"],
        [
            "1",
            "Quán triệt Kế hoạch đến các chi bộ; các chi bộ xây dựng kế hoạch thực hiện",
            "Các chi bộ trực thuộc",
            "Trước ngày 31/3/2026",
        ],
    ]
    assert not any("|" in str(block.value) for block in page.sections if block.block_type == "paragraph")
    html = table.render()
    assert '<div class="table-scroll"' in html and '<th scope="col"' in html and "<td" in html
    assert "Trước ngày 31/3/2026" in html


def test_a_pdf_s_task_table_and_two_column_header() -> None:
    """A page with a ruled task table is read by pdfplumber: the rows whole, the header's two columns one after the
    other (not interleaved line by line), as the Word file they were printed from reads."""
    text = read_document(FILES / "807_kh_bdbp_cao_bang_thi_dua_quyet_thang.pdf")
    assert "TỈNH CAO BẰNG\n______\nSố: 245/KH-BCH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    plan = parse_plan(text)
    assert plan.issuing_body == "Bộ Chỉ huy BĐBP tỉnh Cao Bằng"
    assert sorted(d.date for a in plan.assignments for d in a.deadlines) == [
        dt.date(2025, 2, 28),
        dt.date(2025, 3, 10),
        dt.date(2025, 6, 20),
        dt.date(2025, 11, 15),
    ]


def test_a_word97_doc_s_task_table_reads_as_the_docx_it_was_saved_from() -> None:
    """`word97/ke_hoach_tasks_table.doc` is round 59's 800 saved by LibreOffice as "MS Word 97": the format marks a
    row's end like a cell's, so the heading row gives the width; the rows, the header table and the signer's read as
    from the .docx."""
    from_doc = parse_plan(read_document(FILES.parent / "word97" / "ke_hoach_tasks_table.doc"))
    from_docx = parse_plan(read_document(FILES / "800_kh_dang_uy_xa_bao_nhai_thi_dua.docx"))
    assert [(a.unit, a.tasks, a.deadlines) for a in from_doc.assignments] == [
        (a.unit, a.tasks, a.deadlines) for a in from_docx.assignments
    ]
    assert len(from_doc.assignments) == 5 and from_doc.assignments[2].tasks == [
        "Sơ kết 6 tháng, báo cáo Ban Thường vụ Đảng ủy (Trước ngày 30/6/2026)"
    ]
    fields = ("number", "issue_date", "place", "issuing_body", "title", "signer_title", "signer_name", "recipients")
    assert [getattr(from_doc, name) for name in fields] == [getattr(from_docx, name) for name in fields]


def test_the_table_editor_speaks_vietnamese() -> None:
    """Handsontable has no Vietnamese: its menu is named by the project's catalogue, its own language left English
    (a "vi" it does not know is an error in every editor's console)."""
    from django.utils import translation

    from exemplar_pages.blocks import PlanTableBlock

    with translation.override("vi"):
        block = PlanTableBlock()
        block.field  # noqa: B018 - the editor's field is built when first shown
    items = block.table_options["contextMenu"]["items"]
    assert block.table_options["language"] == "en-US"
    assert [items[key]["name"] for key in ("row_above", "remove_col", "undo")] == [
        "Chèn hàng phía trên",
        "Xóa cột",
        "Hoàn tác",
    ]


def test_a_deadline_note_says_what_the_date_does_not() -> None:
    """A table's "Trước ngày 15/02/2026" beside the due date 15/02/2026 is said once; a range or a phrase stays."""
    from exemplar_pages.importing.plan_import import plan_assignment
    from exemplar_pages.importing.plan_models import Assignment, Deadline

    bare = Assignment(
        unit="Phòng Kinh tế", tasks=["Tổng kết"], deadlines=[Deadline(dt.date(2026, 2, 15), "Trước ngày 15/02/2026")]
    )
    assert (plan_assignment(bare).deadline, plan_assignment(bare).deadline_note) == (dt.date(2026, 2, 15), "")
    ranged = Assignment(
        unit="Các ấp", tasks=["Tổng hợp"], deadlines=[Deadline(dt.date(2026, 3, 31), "Từ 01/3 đến 31/3/2026")]
    )
    assert plan_assignment(ranged).deadline_note == "Từ 01/3 đến 31/3/2026"


def test_a_word97_task_table_with_groups_merged_across() -> None:
    """`word97/task_table_groups.doc` (python-docx, saved by LibreOffice as Word 97): a group's heading merged across
    the row is one cell and the row's end mark, which an empty cell looks like; the row after it, in step with the
    heading row's width, tells them apart."""
    text = read_document(FILES.parent / "word97" / "task_table_groups.doc")
    assert text.split("\n")[1:6] == [
        "TT | Nội dung | Đơn vị thực hiện | Thời gian hoàn thành",
        "I. Công tác tuyên truyền",
        "1 | Tổ chức lễ phát động | Văn phòng | Trước ngày 25/01/2026",
        "II. Tổng kết",
        "2 | Tổng kết |  | Trước ngày 30/11/2026",
    ]


def test_two_months_in_a_task_table_are_no_deadline() -> None:
    """ "Tháng 11 - 12/2025" is two months, not 11 December."""
    text = HEADER + (
        "II. TỔ CHỨC THỰC HIỆN\n"
        "TT | Nội dung | Đơn vị thực hiện | Thời gian hoàn thành\n"
        "1 | Hội thi giáo viên dạy giỏi | Ban Giám hiệu | Tháng 11 - 12/2025\n"
        "2 | Gửi hồ sơ khen thưởng | Văn phòng HĐND - UBND xã | Trước ngày 15-12-2026\n"
    )
    assert deadlines(text) == {"Văn phòng HĐND - UBND xã": [dt.date(2026, 12, 15)]}


@pytest.mark.parametrize(
    ("heading", "row", "due"),
    [
        # a row read as "4 | … | Trước 20/12/2026 | " (its "Ghi chú" empty) has as many cells as its heading
        (
            "TT | Nội dung | Cơ quan, đơn vị thực hiện | Thời gian | Ghi chú",
            "4 | Tổng kết | Ban CHQS huyện | Trước 20/12/2026 | ",
            {"Ban CHQS huyện": [dt.date(2026, 12, 20)]},
        ),
        # "Tháng 5/2026 | Gửi hồ sơ … trước ngày 25/5/2026 | …": the task sets its own deadline, the time a month
        (
            "Thời gian | Nội dung công việc | Người thực hiện",
            "Tháng 5/2026 | Gửi hồ sơ trước ngày 25/5/2026 | Chủ tịch CĐ",
            {"Chủ tịch CĐ": [dt.date(2026, 5, 25)]},
        ),
    ],
)
def test_a_task_table_row_s_deadline_is_read_where_the_row_gives_it(heading: str, row: str, due: dict) -> None:
    assert deadlines(HEADER + "III. TIẾN ĐỘ THỰC HIỆN\n" + heading + "\n" + row + "\n") == due

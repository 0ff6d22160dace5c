"""Tests for exemplar_pages.importing.plan_parser on the seeds and synthetic plans (no Django)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from exemplar_pages.importing import ParsedPlan, parse_plan, plan_to_json_dict

try:
    from tests.seeds_helper import seed_text
except ImportError:  # tests/ not a package
    from seeds_helper import seed_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "plans"
D = dt.date


def _fixture(name: str) -> ParsedPlan:
    """Parse one synthetic plan."""
    return parse_plan((FIXTURES / name).read_text(encoding="utf-8"))


def _heads(plan: ParsedPlan, n: int) -> list[tuple[int, str, str]]:
    """The first n headings as (level, number, text)."""
    return [(b.level, b.number, b.text) for b in plan.sections if b.type == "heading"][:n]


def _basis(plan: ParsedPlan) -> list[tuple]:
    """Basis references as tuples."""
    return [(r.verb, r.document_type, r.number, r.date, r.issuer) for r in plan.basis]


def _deadlines(plan: ParsedPlan) -> dict[str, list[tuple[dt.date, str]]]:
    """Deadlines per unit."""
    return {a.unit: [(d.date, d.text) for d in a.deadlines] for a in plan.assignments if a.deadlines}


TITLE = (
    "Kế hoạch tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, mô hình mới, nhân tố mới năm {}"
)


@pytest.fixture(scope="module")
def plan_000() -> ParsedPlan:
    return parse_plan(seed_text("000"))


@pytest.fixture(scope="module")
def plan_002() -> ParsedPlan:
    return parse_plan(seed_text("002"))


@pytest.fixture(scope="module")
def plan_004() -> ParsedPlan:
    return parse_plan(seed_text("004"))


def test_seed_004_metadata(plan_004: ParsedPlan) -> None:
    """Clean markdown-ish plan with a full header."""
    p = plan_004
    assert p.title == TITLE.format(2023)
    assert (p.number, p.place, p.issue_date) == ("93/KH-VP", "Đồng Nai", D(2023, 1, 13))
    assert p.issuing_body == "Văn phòng UBND tỉnh Đồng Nai"
    assert (p.period_start, p.period_end) == (2023, 2023)
    assert _basis(p) == [("Thực hiện", "Kế hoạch", "06/KH-UBND", D(2023, 1, 10), "Chủ tịch UBND tỉnh Đồng Nai")]
    assert p.basis[0].subject.startswith("Tuyên truyền các phong trào thi đua yêu nước")
    assert _heads(p, 4) == [
        (1, "I.", "MỤC ĐÍCH, YÊU CẦU"),
        (2, "1.", "Mục đích"),
        (2, "2.", "Yêu cầu"),
        (1, "II.", "NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN"),
    ]
    assert not any("**" in b.text or b.text.startswith("#") for b in p.sections)
    assert [a.unit for a in p.assignments] == [
        "Phòng Hành chính - Tổ chức",
        "Các phòng, ban, trung tâm và cổng thông tin",
    ]
    assert p.assignments[0].tasks[0] == "Chủ trì tổ chức, triển khai Kế hoạch này tại Văn phòng UBND tỉnh."
    assert p.recipients == [
        "Chánh, các Phó Chánh VP UBND tỉnh",
        "Ban Thi đua - Khen thưởng tỉnh",
        "Các Phòng, Ban, Trung tâm, Công Thông tin điện tử",
        "Lưu: VT, HCTC, Phong",
    ]
    assert (p.signer_title, p.signer_name) == ("CHÁNH VĂN PHÒNG", "Nguyễn Kim Long")
    assert "Toàn tỉnh chung sức xây dựng nông thôn mới" in [m.name for m in p.movements]
    assert p.warnings == []


def test_seed_002_metadata(plan_002: ParsedPlan) -> None:
    """Web page dump: no number/date, publication date, site chrome ignored."""
    p = plan_002
    assert p.title == TITLE.format(2022)
    assert (p.number, p.issue_date, p.place) == (None, None, None)
    assert p.published_date == D(2022, 4, 8)
    assert p.issuing_body == "Ủy ban nhân dân huyện Tân Biên"
    assert (p.period_start, p.period_end) == (2022, 2022)
    assert _basis(p) == [
        ("Thực hiện", "Kế hoạch", "886/KH-UBND", D(2021, 3, 14), "UBND tỉnh"),
        ("Căn cứ", "Kế hoạch", "38/KH-UBND", D(2021, 2, 9), "UBND huyện"),
    ]
    assert p.basis[1].subject.endswith("giai đoạn 2021 - 2025")
    assert _heads(p, 5) == [
        (1, "I.", "MỤC ĐÍCH, YÊU CẦU"),
        (2, "1.", "Mục đích"),
        (2, "2.", "Yêu cầu"),
        (1, "II.", "NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN"),
        (2, "1.", "Nội dung tuyên truyền"),
    ]
    assert [b.number for b in p.sections if b.level == 3][:7] == ["a)", "b)", "c)", "d)", "đ)", "e)", "f)"]
    assert [a.unit for a in p.assignments] == [
        "Các Khối Thi đua trên địa bàn huyện",
        "Cơ quan Thường trực Hội đồng Thi đua - Khen thưởng huyện (Phòng Nội vụ huyện)",
        "Phòng Văn hóa và Thông tin huyện, Trung tâm Văn hóa Thể thao và Truyền thanh huyện, "
        "Văn phòng HĐND và UBND huyện phụ trách Cổng thông tin điện tử huyện",
        "Ban Tuyên giáo Huyện ủy",
        "Các cơ quan, đơn vị, UBND các xã, thị trấn, doanh nghiệp, lực lượng vũ trang và trường học trên địa bàn huyện",
        "Công tác thông tin, báo cáo",
    ]
    deadlines = _deadlines(p)
    quarterly = deadlines[p.assignments[4].unit]
    assert [d for d, _ in quarterly] == [D(2022, 3, 20), D(2022, 6, 20), D(2022, 9, 20), D(2022, 12, 20)]
    assert "gửi về Phòng Nội vụ trước các ngày 20/3, 20/6, 20/9 và 20/12" in quarterly[0][1]
    assert deadlines["Công tác thông tin, báo cáo"] == [
        (D(2022, 4, 15), "gửi về Phòng Nội vụ chậm nhất ngày 15/4/2022")
    ]
    assert (p.recipients, p.signer_title, p.signer_name) == ([], None, None)
    assert not any("Thống kê truy cập" in b.text or "hoc tap" in b.text for b in p.sections)
    movements = {m.name: m.campaign for m in p.movements}
    assert movements["Tân Biên chung sức xây dựng nông thôn mới"] == (
        "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"
    )
    assert "Tân Biên chung tay vì người nghèo - Không để ai bị bỏ lại phía sau" in movements
    assert movements["Cán bộ, công chức, viên chức huyện Tân Biên thi đua thực hiện văn hóa công sở"] == (
        "Cán bộ, công chức, viên chức nói không với tiêu cực"
    )
    assert "Không tìm thấy số hiệu văn bản (Số: …)." in p.warnings


def test_seed_000_metadata(plan_000: ParsedPlan) -> None:
    """Broken PDF dump: repaired, two-column signature next to recipients."""
    p = plan_000
    assert p.title == TITLE.format(2023)
    assert (p.number, p.issue_date) == (None, None)
    assert p.issuing_body == "Ủy ban nhân dân thị trấn Tân Biên"
    assert (p.period_start, p.period_end) == (2023, 2023)
    assert _basis(p) == [("Thực hiện", "Kế hoạch", "57/KH-UBND", D(2023, 2, 27), "UBND huyện")]
    assert p.basis[0].subject == (
        "tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, mô hình mới, nhân tố mới năm 2023"
    )
    assert _heads(p, 3) == [(1, "I.", "MỤC ĐÍCH, YÊU CẦU"), (2, "1.", "Mục đích"), (2, "2.", "Yêu cầu")]
    assert [a.unit for a in p.assignments] == [
        "Các Khối Thi đua trên địa bàn thị trấn",
        "Công chức Văn phòng - Thống kê (Thường trực HĐ TĐ-KT thị trấn)",
        "Công chức VH-XH, Trung tâm Văn hóa Thể thao và HTCĐ, Đài Truyền thanh",
        "Cán bộ Tuyên giáo Đảng ủy",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn, các tổ chức chính trị - xã hội, "
        "các tổ chức chính trị - xã hội - nghề nghiệp, các tổ chức xã hội thị trấn",
        "Công tác thông tin, báo cáo",
    ]
    assert p.assignments[2].tasks[0].startswith("Nâng cao chất lượng Chuyên trang, Chuyên mục “Thi đua yêu nước”")
    assert _deadlines(p) == {
        "Công tác thông tin, báo cáo": [(D(2023, 3, 10), "gửi về Công chức VP-TK trước ngày 10/3/2023")]
    }
    assert p.recipients == [
        "HĐ TĐKT huyện",
        "TT.HU; TT.HĐND thị trấn",
        "UBMTTQVN; các tổ chức chính trị - xã hội thị trấn",
        "Các ban ngành, đoàn thể thị trấn",
        "Các khu phố",
        "Lưu: VP",
    ]
    assert (p.signer_title, p.signer_name) == ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", None)
    movements = {m.name: m.campaign for m in p.movements}
    assert movements["Tân Biên chung sức xây dựng nông thôn mới"] == (
        "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"
    )
    assert "Tân Biên chung tay vì người nghèo - Không để ai bị bỏ lại phía sau" in movements
    assert "Doanh nghiệp Việt Nam hội nhập và phát triển" in movements
    assert "Không tìm thấy họ tên người ký." in p.warnings


@pytest.mark.parametrize("prefix", ["000", "002", "004"])
def test_seed_parse_is_json_serialisable(prefix: str) -> None:
    """asdict works and dates become ISO strings."""
    plan = parse_plan(seed_text(prefix))
    assert isinstance(dataclasses.asdict(plan), dict)
    data = json.loads(json.dumps(plan_to_json_dict(plan), ensure_ascii=False))
    assert data["basis"][0]["date"].count("-") == 2


def test_synthetic_commune_two_column_header() -> None:
    """Commune plan with a two-column header and a two-column signature."""
    p = _fixture("synthetic_xa_phuoc_thanh_2024.txt")
    assert (p.number, p.place, p.issue_date) == ("45/KH-UBND", "Phước Thạnh", D(2024, 3, 5))
    assert p.issuing_body == "Ủy ban nhân dân xã Phước Thạnh"
    assert p.title == TITLE.format(2024)
    assert (p.period_start, p.period_end) == (2024, 2024)
    assert _basis(p) == [
        ("Căn cứ", "Luật", None, D(2022, 6, 15), None),
        ("Thực hiện", "Kế hoạch", "112/KH-UBND", D(2024, 2, 20), "Ủy ban nhân dân huyện Gò Dầu"),
    ]
    assert [a.unit for a in p.assignments] == [
        "Công chức Văn hóa - Xã hội",
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể",
        "Các ấp trên địa bàn xã",
    ]
    assert p.assignments[0].tasks[0].startswith("tham mưu Ủy ban nhân dân xã")
    deadlines = _deadlines(p)
    assert [d for d, _ in deadlines["Công chức Văn hóa - Xã hội"]] == [D(2024, 11, 30)]
    assert [d for d, _ in deadlines["Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể"]] == [
        D(2024, 3, 15),
        D(2024, 6, 15),
        D(2024, 9, 15),
        D(2024, 12, 15),
    ]
    assert deadlines["Các ấp trên địa bàn xã"][0][0] == D(2024, 10, 20)
    assert p.recipients == ["UBND huyện Gò Dầu (b/c)", "Phòng Nội vụ huyện", "Đảng ủy, HĐND xã", "Lưu: VT"]
    assert p.signer_title == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert p.signer_name == "Trần Thị Mỹ Hạnh"
    assert [m.name for m in p.movements] == [
        "Phước Thạnh chung sức xây dựng nông thôn mới nâng cao",
        "Phước Thạnh chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
    ]
    assert p.warnings == []


def test_synthetic_department_plan() -> None:
    """Provincial department (Sở), stacked header, period 2024-2025, level-3 numbering."""
    p = _fixture("synthetic_so_nong_nghiep_2024.txt")
    assert (p.number, p.place, p.issue_date) == ("12/KH-SNN", "Bình Dương", D(2024, 1, 22))
    assert p.issuing_body == "Sở Nông nghiệp và PTNT tỉnh Bình Dương"
    assert p.title.startswith("Kế hoạch phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến")
    assert (p.period_start, p.period_end) == (2024, 2025)
    assert _basis(p) == [
        ("Căn cứ", "Kế hoạch", "310/KH-UBND", D(2024, 1, 15), "UBND tỉnh"),
        ("Căn cứ", "Quyết định", "1875/QĐ-UBND", D(2023, 12, 30), "Chủ tịch UBND tỉnh"),
    ]
    assert (3, "1.1.", "Tập thể, cá nhân trong ngành nông nghiệp.") in _heads(p, 20)
    deadlines = _deadlines(p)
    assert [d for d, _ in deadlines["Văn phòng Sở"]] == [D(2024, 6, 15), D(2024, 12, 15)]
    assert deadlines["Các phòng, đơn vị trực thuộc Sở"] == [
        (D(2024, 12, 5), "Báo cáo kết quả chậm nhất ngày 5 tháng 12 năm 2024")
    ]
    assert p.recipients == ["Ban TĐKT tỉnh", "Giám đốc, các PGĐ Sở", "Lưu: VT, VP"]
    assert (p.signer_title, p.signer_name) == ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "Lê Văn Bình")
    assert p.movements[0].name.startswith("Nông dân thi đua sản xuất, kinh doanh giỏi")


def test_synthetic_ward_pdf_dump() -> None:
    """Ward plan dumped from a PDF: header columns merged, broken tones, wrapped lines."""
    p = _fixture("synthetic_phuong_an_phu_2025_pdf.txt")
    assert (p.number, p.place, p.issue_date) == ("08/KH-UBND", "An Phú", D(2025, 2, 10))
    assert p.issuing_body == "Ủy ban nhân dân phường An Phú"
    assert p.title == "Kế hoạch tuyên truyền gương người tốt, việc tốt và các điển hình tiên tiến năm 2025"
    assert _basis(p) == [("Thực hiện", "Kế hoạch", "27/KH-UBND", D(2025, 1, 24), "UBND thành phố Thuận An")]
    assert p.basis[0].subject == "tuyên truyền các phong trào thi đua yêu nước năm 2025"
    assert p.movements[0].name == "An Phú chung sức xây dựng đô thị văn minh"
    assert p.movements[0].campaign == "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"
    assert [d for d, _ in _deadlines(p)["Các khu phố"]] == [D(2025, 3, 20), D(2025, 9, 20)]
    assert p.recipients == ["UBND thành phố Thuận An", "Các khu phố", "Lưu: VT"]
    assert (p.signer_title, p.signer_name) == ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Phạm Quốc Việt")


def test_missing_parts_give_vietnamese_warnings() -> None:
    """A bare text still parses, with warnings for what is missing."""
    p = parse_plan("Một đoạn văn bản không phải kế hoạch.")
    assert p.title is None and p.number is None and p.sections
    assert "Không tìm thấy tiêu đề kế hoạch (dòng “KẾ HOẠCH”)." in p.warnings
    assert "Không tìm thấy mục “TỔ CHỨC THỰC HIỆN”." in p.warnings


def test_number_variants() -> None:
    """Numbers with spaces and other suffixes; day-month-year in words."""
    text = "SỞ Y TẾ\nSố: 7 / KH-SYT\nCà Mau, ngày 09 tháng 12 năm 2024\nKẾ HOẠCH\nThi đua năm 2025\n"
    p = parse_plan(text)
    assert (p.number, p.place, p.issue_date) == ("7/KH-SYT", "Cà Mau", D(2024, 12, 9))
    assert p.issuing_body == "Sở Y tế"
    assert (p.period_start, p.period_end) == (2025, 2025)


def test_seed_plans_fixture_matches_parser() -> None:
    """exemplar_pages/fixtures/seed_plans.json (loaded by the demo seeding) agrees with the parser."""
    path = Path(__file__).resolve().parents[1] / "exemplar_pages" / "fixtures" / "seed_plans.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(k[:3] for k in data) == ["000", "002", "004"]
    for name, stored in data.items():
        parsed = plan_to_json_dict(parse_plan(seed_text(name[:3])))
        for key in (
            "title",
            "number",
            "issue_date",
            "issuing_body",
            "period_start",
            "period_end",
            "basis",
            "recipients",
        ):
            assert stored[key] == parsed[key], (name, key)
    by_prefix = {k[:3]: v for k, v in data.items()}
    assert by_prefix["000"]["number"] is None and by_prefix["000"]["issue_date"] is None
    assert by_prefix["002"]["issue_date"] is None and by_prefix["002"]["published_date"] == "2022-04-08"
    assert by_prefix["004"]["issue_date"] == "2023-01-13"

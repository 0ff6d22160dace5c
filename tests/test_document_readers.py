"""Tests for exemplar_pages.importing.readers: .txt, .docx and .pdf made on the fly (no Django)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from exemplar_pages.importing import DocumentReadError, ParsedPlan, parse_plan, read_document

try:
    from tests.seeds_helper import seed_path, seed_text
except ImportError:  # tests/ not a package
    from seeds_helper import seed_path, seed_text

FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
]
TONES = "\u0300\u0301\u0303\u0309\u0323"


def _font() -> Path:
    """A Unicode TTF font for fpdf2 (Debian package fonts-dejavu-core)."""
    for path in FONT_CANDIDATES:
        if path.exists():
            return path
    pytest.fail("DejaVuSans.ttf not found: apt-get install fonts-dejavu-core")


def _summary(plan: ParsedPlan) -> dict:
    """The fields that must survive any file format."""
    return {
        "title": plan.title,
        "number": plan.number,
        "place": plan.place,
        "issue_date": plan.issue_date,
        "issuing_body": plan.issuing_body,
        "period": (plan.period_start, plan.period_end),
        "basis": [(r.document_type, r.number, r.date, r.issuer) for r in plan.basis],
        "headings": [(b.level, b.number, b.text) for b in plan.sections if b.type == "heading"],
        "units": [(a.unit, len(a.tasks)) for a in plan.assignments],
        "recipients": plan.recipients,
        "signer": (plan.signer_title, plan.signer_name),
        "movements": [m.name for m in plan.movements],
    }


@pytest.fixture(scope="module")
def seed_004_lines() -> list[str]:
    """Non-empty lines of seed 004."""
    return [line.strip() for line in seed_text("004").splitlines() if line.strip()]


def test_txt_matches_seed(seed_004_lines: list[str]) -> None:
    """Reading the .txt gives the seed text."""
    assert read_document(seed_path("004")) == seed_text("004")


def test_docx_parse_matches_txt(tmp_path: Path, seed_004_lines: list[str]) -> None:
    """A .docx (header in a table, body as paragraphs) parses like the .txt."""
    import docx

    document = docx.Document()
    header, body = seed_004_lines[:2], seed_004_lines[2:]
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = header
    for line in body:
        document.add_paragraph(line)
    path = tmp_path / "ke_hoach_93.docx"
    document.save(str(path))
    text = read_document(path)
    assert text.splitlines()[:2] == header
    assert _summary(parse_plan(text)) == _summary(parse_plan(seed_text("004")))


def test_pdf_parse_matches_txt(tmp_path: Path, seed_004_lines: list[str]) -> None:
    """A text PDF (wrapped lines, DejaVu font) parses like the .txt."""
    import fpdf

    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(_font()))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    for line in seed_004_lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    path = tmp_path / "ke_hoach_93.pdf"
    pdf.output(str(path))
    text = read_document(path)
    assert "93/KH-VP" in text
    assert _summary(parse_plan(text)) == _summary(parse_plan(seed_text("004")))


def _to_cp1258(text: str) -> bytes:
    """Encode Vietnamese as Windows-1258 (base letters + combining tone marks)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf8.txt", lambda t: t.encode("utf-8")),
        ("bom.txt", lambda t: t.encode("utf-8-sig")),
        ("utf16.txt", lambda t: t.encode("utf-16")),
        ("utf16le.txt", lambda t: t.encode("utf-16-le")),
        ("cp1258.txt", _to_cp1258),
    ],
)
def test_txt_encodings(tmp_path: Path, name: str, encode) -> None:
    """UTF-8 (with/without BOM), UTF-16 and cp1258 text files are decoded."""
    text = "Số: 93/KH-VP\nĐồng Nai, ngày 13 tháng 01 năm 2023\nKẾ HOẠCH tuyên truyền thi đua yêu nước"
    path = tmp_path / name
    path.write_bytes(encode(text))
    assert unicodedata.normalize("NFC", read_document(path)) == text


def test_unsupported_and_missing_files(tmp_path: Path) -> None:
    """Clear Vietnamese errors naming the file."""
    odt = tmp_path / "ke_hoach.odt"
    odt.write_bytes(b"PK\x03\x04")
    with pytest.raises(DocumentReadError, match=r"ke_hoach\.odt.*chưa được hỗ trợ"):
        read_document(odt)
    doc = tmp_path / "cu.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DocumentReadError, match=r"cu\.doc.*\.docx"):
        read_document(doc)
    with pytest.raises(DocumentReadError, match=r"khong_co\.txt.*không tìm thấy tệp"):
        read_document(tmp_path / "khong_co.txt")


def test_empty_files(tmp_path: Path) -> None:
    """Empty or blank files are refused."""
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    with pytest.raises(DocumentReadError, match="tệp rỗng"):
        read_document(empty)
    blank = tmp_path / "trang.txt"
    blank.write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(DocumentReadError, match="không có nội dung chữ"):
        read_document(blank)


def test_scanned_pdf_is_refused(tmp_path: Path) -> None:
    """A PDF without a text layer (a scan) gives an OCR hint."""
    import fpdf

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    path = tmp_path / "ban_quet.pdf"
    pdf.output(str(path))
    with pytest.raises(DocumentReadError, match=r"ban_quet\.pdf.*bản quét"):
        read_document(path)


def test_broken_docx_and_pdf(tmp_path: Path) -> None:
    """Corrupt files give a readable error, not a traceback from the library."""
    bad_docx = tmp_path / "hong.docx"
    bad_docx.write_bytes(b"not a zip")
    with pytest.raises(DocumentReadError, match=r"hong\.docx"):
        read_document(bad_docx)
    bad_pdf = tmp_path / "hong.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(DocumentReadError, match=r"hong\.pdf"):
        read_document(bad_pdf)

"""Tests for exemplar_pages.importing.readers: .txt, .docx and .pdf made on the fly (no Django)."""

from __future__ import annotations

import html
import struct
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


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1258"])
def test_a_web_page_parses_like_the_txt(tmp_path: Path, seed_004_lines: list[str], encoding: str) -> None:
    """A portal's article page saved as .html (its menu, breadcrumbs, scripts, share buttons and footer around the
    document, the header in a table, a layout table around it all; UTF-8 or a Windows page in windows-1258) parses
    like the .txt, none of the site's words in the text."""
    header, body = seed_004_lines[:2], seed_004_lines[2:]
    # Word writes its source wrapped at about 80 characters: a line break in the source is a space on the page
    wrapped = [html.escape(line).replace(" ", "\r\n", 1) for line in body]
    paragraphs = "".join(f"<p class=MsoNormal>{line}<o:p></o:p></p>" for line in wrapped)
    page = f"""<!DOCTYPE html><html><head><meta charset="{encoding}"><title>Cổng thông tin điện tử</title>
<style>p {{ margin: 0 }}</style><script>var menu = "Trang chủ";</script></head><body>
<nav><ul><li>Trang chủ</li><li>Tin tức</li></ul></nav><div class="breadcrumb">Trang chủ / Văn bản</div>
<table><tr><td><div class="article">
<table><tr><td>{html.escape(header[0])}</td><td>{html.escape(header[1])}</td></tr></table>
{paragraphs}<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->
</div></td><td><aside>Tin liên quan</aside></td></tr></table>
<form><button>Chia sẻ</button></form><footer>Bản quyền thuộc Ủy ban nhân dân huyện</footer></body></html>"""
    path = tmp_path / "ke_hoach_93.html"
    path.write_bytes(_to_cp1258(page) if encoding == "windows-1258" else page.encode("utf-8"))
    text = read_document(path)
    assert text.splitlines()[:3] == ["Trang chủ / Văn bản", *header]
    assert not any(word in text for word in ("var menu", "Tin tức", "Chia sẻ", "Bản quyền", "Tin liên quan", "xml"))
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
    rtf = tmp_path / "ke_hoach.rtf"
    rtf.write_bytes(b"{\\rtf1 ")
    with pytest.raises(
        DocumentReadError,
        match=r"ke_hoach\.rtf.*chưa được hỗ trợ \(chỉ nhận .txt, .docx, .doc, .odt, .pdf, .html, .htm\)",
    ):
        read_document(rtf)
    doc = tmp_path / "cu.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DocumentReadError, match=r"cu\.doc.*không phải tệp Word 97–2003"):
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


WORD97 = Path(__file__).parent / "fixtures" / "plans" / "word97"


@pytest.mark.parametrize("name", ["ke_hoach_93", "ke_hoach_93_tcvn3", "ke_hoach_93_vni"])
def test_word97_doc_parses_like_the_txt(name: str, seed_004_lines: list[str]) -> None:
    """A Word 97–2003 .doc (saved by LibreOffice; `word97/make_fixtures.py`) parses like the .txt: in Unicode,
    and typed in the old TCVN3 (.VnTime, headings in its capitals font) or VNI fonts, which are decoded."""
    text = read_document(WORD97 / f"{name}.doc")
    if name == "ke_hoach_93":
        assert text.splitlines()[:2] == seed_004_lines[:2]
    else:
        assert "93/KH-VP" in text and "Đồng Nai" not in text  # the font's codes, decoded by the parser's repair
    assert _summary(parse_plan(text)) == _summary(parse_plan(seed_text("004")))


def _word_streams(path: Path) -> tuple[bytes, bytes, str]:
    import olefile

    with olefile.OleFileIO(str(path)) as container:
        word = container.openstream("WordDocument").read()
        table_name = "1Table" if struct.unpack_from("<H", word, 10)[0] & 0x0200 else "0Table"
        return word, container.openstream(table_name).read(), table_name


def _piece_table_at(word: bytes) -> int:
    """Where the table stream's piece table (Clx) starts: `fcClx`, after the FIB's counted arrays."""
    shorts = struct.unpack_from("<H", word, 32)[0]
    longs_at = 32 + 2 + 2 * shorts + 2
    pairs_at = longs_at + 4 * struct.unpack_from("<H", word, longs_at - 2)[0] + 2
    return struct.unpack_from("<I", word, pairs_at + 8 * 33)[0]


def _rewrite_streams(path: Path, word: bytes, table: bytes, table_name: str) -> None:
    import olefile

    with olefile.OleFileIO(str(path), write_mode=True) as container:
        container.write_stream("WordDocument", word)
        container.write_stream(table_name, table)


def test_word97_compressed_pieces_are_read(tmp_path: Path) -> None:
    """Word stores text that fits cp1252 as 8-bit "compressed" pieces (old-font documents above all): the TCVN3
    fixture rewritten so reads the same."""
    source = WORD97 / "ke_hoach_93_tcvn3.doc"
    path = tmp_path / "nen.doc"
    path.write_bytes(source.read_bytes())
    word, table, table_name = _word_streams(path)
    clx = _piece_table_at(word)
    assert table[clx] == 0x02, "one piece table, no property modifiers before it"
    pieces = (struct.unpack_from("<I", table, clx + 1)[0] - 4) // 12
    first, last = struct.unpack_from("<2I", table, clx + 5)
    descriptor_at = clx + 5 + 4 * (pieces + 1) + 2
    (fc,) = struct.unpack_from("<I", table, descriptor_at)
    assert pieces == 1 and not fc & 0x40000000
    text = word[fc : fc + 2 * (last - first)].decode("utf-16-le")
    packed = text.encode("cp1252")
    word = word[:fc] + packed + word[fc + len(packed) :]
    table = table[:descriptor_at] + struct.pack("<I", (2 * fc) | 0x40000000) + table[descriptor_at + 4 :]
    _rewrite_streams(path, word, table, table_name)
    assert read_document(path) == read_document(source)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda word: word[:10] + struct.pack("<H", struct.unpack_from("<H", word, 10)[0] | 0x0100) + word[12:],
            "mật khẩu",
        ),
        (lambda word: word[:2] + struct.pack("<H", 0x0065) + word[4:], "Word 6.0/95"),
        (lambda word: b"\0\0" + word[2:], "không phải tệp Word 97–2003"),
    ],
)
def test_word97_files_it_cannot_read_say_why(tmp_path: Path, change, message: str) -> None:
    path = tmp_path / "ke_hoach.doc"
    path.write_bytes((WORD97 / "ke_hoach_93.doc").read_bytes())
    word, table, table_name = _word_streams(path)
    _rewrite_streams(path, change(word), table, table_name)
    with pytest.raises(DocumentReadError, match=rf"ke_hoach\.doc.*{message}"):
        read_document(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{\\rtf1\\ansi K\\'e1 ho\\'e1ch}", "RTF"),
        (b"<html><body>K\xe1 ho\xe1ch</body></html>", "HTML"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "hỏng"),
    ],
)
def test_files_named_doc_that_are_no_word97_say_what_they_are(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "tai_ve.doc"
    path.write_bytes(content)
    with pytest.raises(DocumentReadError, match=rf"tai_ve\.doc.*{message}"):
        read_document(path)


def test_word_fields_show_their_result() -> None:
    from exemplar_pages.importing.word_binary import _field_results

    assert _field_results(
        'Xem \x13 HYPERLINK "http://x" \x14trang\x15 này, \x13 PAGE \x15trang \x13A\x13B\x14b\x15\x14a\x15'
    ) == ("Xem trang này, trang a")


def test_a_damaged_piece_table_is_refused_not_looped_on(tmp_path: Path) -> None:
    """A property block of negative size before the piece table (a damaged or hostile file) is an error."""
    path = tmp_path / "hong.doc"
    path.write_bytes((WORD97 / "ke_hoach_93.doc").read_bytes())
    word, table, table_name = _word_streams(path)
    clx = _piece_table_at(word)
    table = table[:clx] + b"\x01" + struct.pack("<h", -3) + table[clx + 3 :]
    _rewrite_streams(path, word, table, table_name)
    with pytest.raises(DocumentReadError, match=r"hong\.doc.*piece table"):
        read_document(path)

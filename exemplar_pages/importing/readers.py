"""Read plan documents (.txt, .docx, .doc, .odt, .pdf, a web page) into plain text."""

from __future__ import annotations

import struct
import unicodedata
from pathlib import Path

from .limits import ImportLimitError, check_bytes, check_pdf_pages, check_zip

SUPPORTED_SUFFIXES = (".txt", ".docx", ".doc", ".odt", ".pdf", ".html", ".htm")


class DocumentReadError(Exception):
    """A document could not be read; the message (Vietnamese) names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"Không đọc được tệp “{self.path.name}”: {problem}")


#: Between the cells of a table row written on one line, as the plan parser reads a table row.
CELL_SEPARATOR = " | "


def _wide(rows: list[list[str]]) -> bool:
    """Whether a table has a row of three cells or more with text (tasks, units, deadlines)."""
    return max((sum(1 for cell in row if cell.strip()) for row in rows), default=0) >= 3


def table_lines(rows: list[list[str]]) -> list[str]:
    """A table's lines: a wide one (`_wide`) a row per line, its cells side by side (a cell's own lines joined), so a
    task keeps its unit and its deadline; a narrower one (a header, a signature) each cell's lines one after another."""
    if not _wide(rows):
        return [line for row in rows for cell in row for line in cell.split("\n")]
    return [CELL_SEPARATOR.join(" ".join(cell.split()) for cell in row) for row in rows if any(c.strip() for c in row)]


def decode_text_bytes(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16, else cp1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:4000]
    if sample and sample.count(0) * 4 > len(sample):
        # BOM-less UTF-16: NULs in odd positions mean little-endian ASCII range.
        odd_nuls = sample[1::2].count(0)
        return data.decode("utf-16-le" if odd_nuls >= sample[0::2].count(0) else "utf-16-be")
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def _read_txt(path: Path) -> str:
    """Read a plain-text file."""
    try:
        return decode_text_bytes(path.read_bytes())
    except UnicodeDecodeError as exc:
        raise DocumentReadError(path, f"không nhận ra bảng mã ký tự ({exc.reason}).") from exc


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def text_box_lines(paragraph) -> list[str]:
    """The lines of the text boxes anchored in a .docx paragraph (a header laid out as two floating boxes), each once:
    Word writes a box twice, as a drawing and as its older fallback, which is left out."""
    lines = []
    for box in paragraph.iter(f"{_W}txbxContent"):
        if any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors()):
            continue
        lines += ["".join(node.text or "" for node in line.iter(f"{_W}t")) for line in box.iter(f"{_W}p")]
    return lines


def _read_docx(path: Path) -> str:
    """Read paragraphs and table cells of a .docx in document order."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - dependency missing
        raise DocumentReadError(path, "thiếu thư viện python-docx để đọc tệp Word.") from exc
    try:
        check_zip(path)
    except ImportLimitError as exc:
        raise DocumentReadError(path, str(exc)) from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for bad files
        raise DocumentReadError(path, f"tệp Word hỏng hoặc không đúng định dạng .docx ({exc}).") from exc
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines += text_box_lines(child)
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            rows = []
            for row in Table(child, document).rows:
                seen: set[int] = set()
                rows.append([])
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a cell merged across repeats
                        continue
                    seen.add(id(cell._tc))
                    rows[-1].append("\n".join(p.text for p in cell.paragraphs))
            lines += table_lines(rows)
    return "\n".join(lines)


def _read_html(path: Path) -> str:
    """Read a web page (a portal's article saved, Word's "Save as Web Page", an e-office system's export): its lines
    and its tables as a .docx's, the site's menus, scripts and forms left out."""
    from .web_pages import WebPageError, blocks

    try:
        found = blocks(path.read_bytes(), repeat_down=False)
    except WebPageError as exc:
        raise DocumentReadError(path, f"trang web (HTML) hỏng hoặc không đọc được ({exc}).") from exc
    lines: list[str] = []
    for block in found:
        lines += [block] if isinstance(block, str) else table_lines([cells for _line, cells in block])
    return "\n".join(lines)


def _read_odt(path: Path) -> str:
    """Read an OpenDocument text (LibreOffice Writer): paragraphs and table cells in document order, as a .docx."""
    from .opendocument import TEXT, OpenDocumentError, block_lines, content

    try:
        return "\n".join(block_lines(content(path.read_bytes(), TEXT)))
    except OpenDocumentError as exc:
        raise DocumentReadError(path, str(exc)) from exc


def _read_doc(path: Path) -> str:
    """Read a Word 97–2003 document (`word_binary`)."""
    from .word_binary import WordFileError, read_word_binary

    try:
        return read_word_binary(path)
    except WordFileError as exc:
        raise DocumentReadError(path, str(exc)) from exc
    except (OSError, ValueError, IndexError, struct.error) as exc:  # olefile and struct on a damaged file
        raise DocumentReadError(path, f"tệp Word hỏng hoặc không đúng định dạng .doc ({exc}).") from exc


def _read_pdf(path: Path) -> str:
    """Read the text layer of a PDF."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - dependency missing
        raise DocumentReadError(path, "thiếu thư viện pypdf để đọc tệp PDF.") from exc
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentReadError(path, "tệp PDF được bảo vệ bằng mật khẩu.")
        check_pdf_pages(len(reader.pages))
        pages = [page.extract_text() or "" for page in reader.pages]
        _with_task_tables(path, pages)
    except DocumentReadError:
        raise
    except ImportLimitError as exc:
        raise DocumentReadError(path, str(exc)) from exc
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise DocumentReadError(path, f"tệp PDF hỏng hoặc không đọc được ({exc}).") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise DocumentReadError(
            path, "tệp PDF không có lớp chữ (có thể là bản quét ảnh); cần nhận dạng ký tự (OCR) trước khi nhập."
        )
    return text


def _with_task_tables(path: Path, pages: list[str]) -> None:
    """Pages holding a wide ruled table read again by pdfplumber, the table's rows as `table_lines` gives them (the
    text layer alone gives a task, its unit and its deadline cut into pieces)."""
    import pdfplumber

    from .pdf_tables import column_lines, page_blocks

    try:
        with pdfplumber.open(str(path)) as pdf:
            for number, page in enumerate(pdf.pages):
                tables = page.find_tables()
                if not any(_wide([[cell or "" for cell in row] for row in table.extract()]) for table in tables):
                    continue  # no wide table: pypdf's text stands, and the page's words are not read again
                blocks = [
                    block if isinstance(block, str) else [[cell or "" for cell in row] for row in block]
                    for block in page_blocks(page, column_lines, tables)
                ]
                pages[number] = "\n".join(
                    line for block in blocks for line in ([block] if isinstance(block, str) else table_lines(block))
                )
    except Exception:  # pdfminer raises many kinds where pypdf read the file: keep pypdf's text
        return


def read_document(path: str | Path) -> str:
    """Return the raw text of a .txt, .docx, .doc, .odt, text .pdf or web page document."""
    path = Path(path)
    if not path.is_file():
        raise DocumentReadError(path, "không tìm thấy tệp.")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentReadError(
            path,
            f"định dạng “{suffix or 'không có phần mở rộng'}” chưa được hỗ trợ "
            f"(chỉ nhận {', '.join(SUPPORTED_SUFFIXES)}).",
        )
    if path.stat().st_size == 0:
        raise DocumentReadError(path, "tệp rỗng.")
    try:
        check_bytes(path.stat().st_size)
    except ImportLimitError as exc:
        raise DocumentReadError(path, str(exc)) from exc
    reader = {
        ".txt": _read_txt, ".docx": _read_docx, ".doc": _read_doc, ".odt": _read_odt, ".pdf": _read_pdf,
        ".html": _read_html, ".htm": _read_html,
    }[suffix]  # fmt: skip
    text = reader(path)
    if not text.strip():
        raise DocumentReadError(path, "tệp không có nội dung chữ.")
    return text

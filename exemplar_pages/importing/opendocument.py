"""OpenDocument files as LibreOffice saves them (ODF 1.2, the format Vietnam's e-government standards name for
exchanging documents): an .ods workbook's sheets and an .odt document's paragraphs and tables, read with lxml from
the file's `content.xml`. The callers turn an `OpenDocumentError` into their own error naming the file."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from lxml import etree

from .limits import ImportLimitError, check_zip
from .readers import table_lines

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}
SPREADSHEET, TEXT = "spreadsheet", "text"
#: A cell repeated more often than this (an editor's formatting run to the sheet's last column) is read this often.
MAX_REPEAT = 1024
#: Inline elements whose text is not the paragraph's own: notes, comments, change-tracking, frames (read apart).
_SKIPPED_INLINE = {"note", "annotation", "tracked-changes", "frame", "bookmark-ref", "sequence-decls"}
#: Row containers of a table (header rows, groups) read as if their rows stood in the table itself.
_ROW_GROUPS = {"table-header-rows", "table-rows", "table-row-group"}


class OpenDocumentError(ValueError):
    """A file that is not an OpenDocument of the expected kind, or a damaged one (the message says which)."""


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _local(element: Any) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def content(data: bytes, kind: str) -> etree._Element:
    """The `office:body` child of this kind (`SPREADSHEET`, `TEXT`) of an OpenDocument's content, within the
    import's limits (a zip bomb is refused before any XML is parsed; no entity or network access)."""
    try:
        check_zip(data)
    except ImportLimitError as error:
        raise OpenDocumentError(str(error)) from error
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "content.xml" not in names:
                other = "Excel hoặc Word (Office Open XML)" if "[Content_Types].xml" in names else "OpenDocument"
                raise OpenDocumentError(
                    f"đây không phải tệp OpenDocument (không có content.xml; có thể là tệp {other})."
                )
            raw = archive.read("content.xml")
    except (zipfile.BadZipFile, OSError, RuntimeError) as error:
        raise OpenDocumentError(f"tệp hỏng hoặc không phải tệp OpenDocument ({error}).") from error
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        raise OpenDocumentError(f"nội dung tệp hỏng ({error}).") from error
    body = root.find(f"{_q('office', 'body')}/{_q('office', kind)}")
    if body is None:
        wanted = "bảng tính (.ods)" if kind == SPREADSHEET else "văn bản (.odt)"
        raise OpenDocumentError(f"tệp không phải {wanted}.")
    return body


def _inline(element: Any, out: list[str]) -> None:
    """A paragraph's text as an editor shows it: `text:s` spaces, tabs and line breaks; notes and frames left out."""
    if element.text:
        out.append(" ".join(element.text.splitlines()))
    for child in element:
        name = _local(child)
        if name == "s":
            out.append(" " * int(child.get(_q("text", "c"), "1") or 1))
        elif name == "tab":
            out.append("\t")
        elif name == "line-break":
            out.append("\n")
        elif name and name not in _SKIPPED_INLINE:
            _inline(child, out)
        if child.tail:
            out.append(" ".join(child.tail.splitlines()))


def paragraph_text(paragraph: Any) -> str:
    out: list[str] = []
    _inline(paragraph, out)
    return "".join(out)


def _rows(table: Any) -> Iterator[Any]:
    for child in table:
        name = _local(child)
        if name == "table-row":
            yield child
        elif name in _ROW_GROUPS:
            yield from _rows(child)


def _repeat(element: Any, attribute: str) -> int:
    try:
        return max(1, int(element.get(_q("table", attribute), "1")))
    except ValueError:
        return 1


def _cell_text(cell: Any) -> str:
    """The text of a cell's paragraphs (a table nested in it read cell by cell), one line each."""
    return "\n".join(line for line in block_lines(cell) if line.strip())


def _sheet_value(cell: Any) -> Any:
    """A spreadsheet cell's value as the Excel readers give it: a number, a date, or the text shown."""
    kind = cell.get(_q("office", "value-type"))
    try:
        if kind in ("float", "percentage", "currency"):
            number = float(cell.get(_q("office", "value")))
            return int(number) if number.is_integer() else number
        if kind == "date":
            return datetime.fromisoformat(cell.get(_q("office", "date-value")))
    except (TypeError, ValueError):
        pass
    return _cell_text(cell)


def _table_records(table: Any, value, repeat_down: bool) -> list[tuple[int, list[Any]]]:
    """A table's rows that have a value, numbered from 1 and as wide as the widest (a formatting run to the sheet's
    last column left out); a cell merged across is read once (then empty); one merged down is repeated in each row
    it covers when `repeat_down` (a school's name over three teachers in a Word-like table), else empty below (as
    Excel's readers give it)."""
    records = list(_records(table, value, repeat_down))
    width = max((len(cells) for _line, cells in records), default=0)
    return [(line, cells + [""] * (width - len(cells))) for line, cells in records]


def _records(table: Any, value, repeat_down: bool) -> Iterator[tuple[int, list[Any]]]:
    line = 0
    spanning: dict[int, tuple[Any, int]] = {}  # column → (value, rows still covered)
    for row in _rows(table):
        cells: list[Any] = []
        pending = 0  # empty cells not yet written: only written when a later cell has a value
        column = 0
        for cell in row:
            name = _local(cell)
            if name not in ("table-cell", "covered-table-cell"):
                continue
            times = min(_repeat(cell, "number-columns-repeated"), MAX_REPEAT)
            for _time in range(times):
                if name == "covered-table-cell":
                    above = spanning.get(column)
                    found = above[0] if repeat_down and above and above[1] > 0 else ""
                else:
                    found = value(cell)
                    rows_spanned = _repeat(cell, "number-rows-spanned")
                    if rows_spanned > 1:
                        spanning[column] = (found, rows_spanned)
                if found in ("", None):
                    pending += 1
                else:
                    cells += [""] * pending + [found]
                    pending = 0
                column += 1
        spanning = {key: (found, left - 1) for key, (found, left) in spanning.items() if left > 1}
        times = _repeat(row, "number-rows-repeated")
        for _time in range(min(times, MAX_REPEAT) if cells else 0):
            line += 1
            yield line, list(cells)
        line += times if not cells else max(times - MAX_REPEAT, 0)


def sheets(body: Any) -> list[tuple[str, bool, list[tuple[int, list[Any]]]]]:
    """An .ods workbook's sheets: name, whether shown, and the rows that have a value (numbered as in Calc)."""
    hidden = {
        style.get(_q("style", "name"))
        for style in body.getparent().getparent().iter(_q("style", "style"))
        if any(props.get(_q("table", "display")) == "false" for props in style.iter(_q("style", "table-properties")))
    }
    return [
        (
            table.get(_q("table", "name"), ""),
            table.get(_q("table", "style-name")) not in hidden,
            _table_records(table, _sheet_value, repeat_down=False),
        )
        for table in body.findall(_q("table", "table"))
    ]


def blocks(container: Any, repeat_down: bool = True) -> Iterator[str | list[tuple[int, list[Any]]]]:
    """A text's paragraphs (strings) and tables (records of cell texts; a cell merged down repeated as Word's are,
    unless not `repeat_down`) in order; lists, sections and text boxes read where they stand."""
    for child in container:
        name = _local(child)
        if name in ("p", "h"):
            yield paragraph_text(child)
            for box in child.iter(_q("draw", "text-box")):
                yield from blocks(box, repeat_down)
        elif name == "table":
            yield _table_records(child, _cell_text, repeat_down)
        elif name in ("list", "list-item", "list-header", "section", "index-body", "table-of-content", "text-box"):
            yield from blocks(child, repeat_down)


def block_lines(container: Any) -> list[str]:
    """A text's lines for a plan: each paragraph a line, a table's as `readers.table_lines` gives them (a merged cell
    once)."""
    lines: list[str] = []
    for block in blocks(container, repeat_down=False):
        if isinstance(block, str):
            lines += block.split("\n")
        else:
            lines += table_lines([[str(text) for text in cells] for _line, cells in block])
    return lines

"""The text of a Word 97–2003 document (.doc), read from its piece table ([MS-DOC] §2.4.1).

Offices keep years of plans as .doc, many typed in the old VNI or TCVN3 fonts: their text comes out as the
font's bytes read as cp1252 ("KÕ ho¹ch"), which `cms.vietnamese.repair_vietnamese` decodes like any other text.
Only the main document is read (no page headers, footnotes or comments), as for .docx: a paragraph or table
cell per line (a wide table's row per line, `readers.table_lines`), fields by their shown result.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

WORD_SIGNATURE = 0xA5EC
#: The first version of the format with a piece table in the table stream (Word 97).
WORD97_VERSION = 0x00C1
FLAG_ENCRYPTED = 0x0100
FLAG_TABLE_1 = 0x0200
#: Index of the `fcClx`/`lcbClx` pair in `FibRgFcLcb97`.
CLX_PAIR = 33
COMPRESSED = 0x40000000

FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
#: Paragraph, cell and row ends, line and page breaks are line ends; a non-breaking hyphen is a hyphen; Word's
#: optional hyphen is the soft hyphen it was typed as (TCVN3's "ư", decoded with the rest of the font).
_LINE_ENDS = str.maketrans(
    {"\r": "\n", "\x07": "\n", "\x0b": "\n", "\x0c": "\n", "\x1e": "-", "\x1f": "\xad", "\xa0": " "}
)
#: Other control characters mark pictures, footnote references, annotations…: nothing to read.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")


class WordFileError(ValueError):
    """The file is no Word 97–2003 document this reader can read; the message (Vietnamese) says why."""


def _field_results(text: str) -> str:
    """Keep what a field shows (after its separator), drop its code; fields may nest."""
    if FIELD_BEGIN not in text:
        return text
    out: list[str] = []
    showing: list[bool] = []  # per open field: past its separator?
    for char in text:
        if char == FIELD_BEGIN:
            showing.append(False)
        elif char == FIELD_SEPARATOR and showing:
            showing[-1] = True
        elif char == FIELD_END and showing:
            showing.pop()
        elif all(showing):
            out.append(char)
    return "".join(out)


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five codes cp1252 leaves undefined: kept as their Latin-1 characters
        return chr(byte)


#: A compressed piece's bytes as characters (cp1252, [MS-DOC] §2.4.1).
_COMPRESSED_CHARACTERS = "".join(map(_cp1252, range(256)))


def _piece_text(word: bytes, descriptor: int, length: int) -> str:
    """`length` characters of a piece: 8-bit cp1252 when compressed, else UTF-16."""
    if descriptor & COMPRESSED:
        start = (descriptor & ~COMPRESSED) // 2
        return "".join(map(_COMPRESSED_CHARACTERS.__getitem__, word[start : start + length]))
    return word[descriptor : descriptor + 2 * length].decode("utf-16-le", errors="replace")


def _main_text(word: bytes, table: bytes, text_length: int, clx: int, clx_length: int) -> str:
    position, end = clx, min(clx + clx_length, len(table))
    while position < end and table[position] == 0x01:  # property modifiers before the piece table
        (size,) = struct.unpack_from("<h", table, position + 1)
        if size < 0:  # a damaged or hostile file: never step backwards
            raise WordFileError("bảng mảnh văn bản (piece table) của tệp Word bị hỏng.")
        position += 3 + size
    if position + 5 > end or table[position] != 0x02:
        raise WordFileError("bảng mảnh văn bản (piece table) của tệp Word bị hỏng.")
    (size,) = struct.unpack_from("<I", table, position + 1)
    pieces = (size - 4) // 12
    start = position + 5
    if pieces <= 0 or start + size > len(table):
        raise WordFileError("bảng mảnh văn bản (piece table) của tệp Word bị hỏng.")
    positions = struct.unpack_from(f"<{pieces + 1}I", table, start)
    parts: list[str] = []
    for index in range(pieces):
        first, last = positions[index], min(positions[index + 1], text_length)
        if first >= last:
            break
        (descriptor,) = struct.unpack_from("<I", table, start + 4 * (pieces + 1) + 8 * index + 2)
        parts.append(_piece_text(word, descriptor, last - first))
    return "".join(parts)


def _segments(text: str) -> list[tuple[str, str]]:
    """The text as (paragraph, its end): "\r" a paragraph's, "\x07" a table cell's or row's."""
    parts = re.split(r"([\r\x07])", text)
    return list(zip(parts[0::2], [*parts[1::2], ""], strict=True))


def _table(segments: list[tuple[str, str]], start: int) -> tuple[list[list[str]], int]:
    """The rows of the table whose first cell ends at `segments[start]`, and where its text ends.

    The format marks a row's end as one more cell end, so an empty cell looks alike: the first row (a heading, every
    cell filled with one paragraph) gives the width; one cell and an end mark before a row in step is a group's
    heading merged across ("I. Tập thể"); a row out of step ends the reading."""
    rows: list[list[str]] = []
    width, position = None, start
    while position < len(segments):
        if width and _merged_across(segments, position) and _row_end(segments, position + 2, width):
            rows.append([segments[position][0]])  # "I. Tập thể" over the whole row: a group's heading
            position += 2
            continue
        cells: list[str] = []
        paragraphs: list[str] = []
        cursor = position
        while cursor < len(segments):
            content, end = segments[cursor]
            cursor += 1
            if end != "\x07":
                if width is None:  # a heading row's cells hold one paragraph each, or this is no row's start
                    return [], start
                paragraphs.append(content)
                continue
            if width is None and not content and cells and not paragraphs:  # the first row's end mark
                break
            if width is not None and len(cells) == width:
                if content or paragraphs:
                    return rows, position  # out of step: the table ends with the rows read so far
                break
            cells.append("\n".join([*paragraphs, content]))
            paragraphs = []
        else:
            return rows, position
        width = width or len(cells)
        rows.append(cells)
        position = cursor
        if position >= len(segments) or segments[position][1] != "\x07":  # a paragraph after the table
            break
    return rows, position


def _merged_across(segments: list[tuple[str, str]], position: int) -> bool:
    """Whether the row at `position` is one cell merged across the table: its text, then the row's end mark."""
    if position + 2 > len(segments):
        return False
    (text, end), (mark, mark_end) = segments[position], segments[position + 1]
    return bool(text.strip()) and end == mark_end == "\x07" and not mark


def _row_end(segments: list[tuple[str, str]], position: int, width: int) -> int | None:
    """Where a row of `width` cells starting at `position` ends, if its end mark comes where the width says."""
    cells = 0
    while position < len(segments):
        content, end = segments[position]
        position += 1
        if end != "\x07":
            continue
        if cells == width:
            return position if not content else None
        cells += 1
    return None


def _wide_tables_as_rows(text: str) -> str:
    """Each wide table (three columns or more: tasks, units, deadlines) a row per line, cells between "|"."""
    from .readers import table_lines

    segments = _segments(text)
    out: list[str] = []
    position = 0
    while position < len(segments):
        content, end = segments[position]
        rows, after = _table(segments, position) if end == "\x07" else ([], position)
        if rows and len(rows[0]) >= 3 and after > position:
            out += [line + "\r" for line in table_lines(rows)]
            position = after
        elif rows and after > position:  # a narrow table (a header, a signer) as it is, read once
            out += [content + end for content, end in segments[position:after]]
            position = after
        else:
            out.append(content + end)
            position += 1
    return "".join(out)


def read_word_binary(path: Path) -> str:
    """The main text of a Word 97–2003 file, a line per paragraph or table cell."""
    return _CONTROLS.sub("", _wide_tables_as_rows(_document_text(path)).translate(_LINE_ENDS))


def word_blocks(path: Path) -> list[str | list[list[str]]]:
    """A Word 97–2003 file's paragraphs (text) and tables (rows of cells), in order, as a list importer reads a .docx."""
    segments = _segments(_document_text(path))
    blocks: list[str | list[list[str]]] = []
    position = 0
    while position < len(segments):
        content, end = segments[position]
        rows, after = _table(segments, position) if end == "\x07" else ([], position)
        if rows and after > position:
            blocks.append([[_CONTROLS.sub("", cell).strip() for cell in row] for row in rows])
            position = after
        else:
            blocks.append(_CONTROLS.sub("", content.translate(_LINE_ENDS)))
            position += 1
    return blocks


def _document_text(path: Path) -> str:
    """The main text with its fields' results, paragraph and cell ends as the format marks them ("\r", "\x07")."""
    import olefile

    if not olefile.isOleFile(str(path)):
        head = path.read_bytes()[:512].lstrip().lower()
        if head.startswith(b"{\\rtf"):
            raise WordFileError("đây là tệp RTF mang đuôi .doc; hãy mở bằng Word và lưu lại thành .docx.")
        if head.startswith((b"<", b"mime-version")):
            raise WordFileError("đây là trang web (HTML) mang đuôi .doc; hãy mở bằng Word và lưu lại thành .docx.")
        raise WordFileError("không phải tệp Word 97–2003 (.doc) hợp lệ.")
    with olefile.OleFileIO(str(path)) as container:
        if not container.exists("WordDocument"):
            raise WordFileError("tệp không chứa văn bản Word.")
        word = container.openstream("WordDocument").read()
        if len(word) < 0x200 or struct.unpack_from("<H", word, 0)[0] != WORD_SIGNATURE:
            raise WordFileError("không phải tệp Word 97–2003 (.doc) hợp lệ.")
        version, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 10)[0]
        if flags & FLAG_ENCRYPTED:
            raise WordFileError("tệp Word được bảo vệ bằng mật khẩu.")
        if version < WORD97_VERSION:
            raise WordFileError("định dạng Word 6.0/95 quá cũ; hãy mở bằng Word và lưu lại thành .docx.")
        table_name = "1Table" if flags & FLAG_TABLE_1 else "0Table"
        if not container.exists(table_name):
            raise WordFileError(f"tệp Word thiếu luồng {table_name}.")
        table = container.openstream(table_name).read()
    # FibBase (32 bytes), then the counted arrays fibRgW (16-bit), fibRgLw (32-bit) and fibRgFcLcb (pairs).
    shorts = struct.unpack_from("<H", word, 32)[0]
    longs_at = 32 + 2 + 2 * shorts + 2
    (text_length,) = struct.unpack_from("<i", word, longs_at + 12)  # ccpText
    pairs_at = longs_at + 4 * struct.unpack_from("<H", word, longs_at - 2)[0] + 2
    clx, clx_length = struct.unpack_from("<II", word, pairs_at + 8 * CLX_PAIR)
    return _field_results(_main_text(word, table, max(text_length, 0), clx, clx_length))

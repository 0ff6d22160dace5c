"""Web pages as the importers read them: a page saved from a portal or from Word ("Save as Web Page"), an e-office
system's export, a list "exported to Excel" as HTML; its lines of text and its tables, in order."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .limits import limit

#: What a page shows that is no part of its document: scripts, styles, the site's menus, forms and footer.
_CHROME_TAGS = (
    "script", "style", "noscript", "template", "head", "title", "xml", "meta", "link", "nav", "footer", "form",
    "button", "select", "iframe", "svg", "object", "aside",
)  # fmt: skip
#: Elements that start a line of their own.
_LINE_TAGS = ("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "blockquote", "section")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")

#: A table's rows as read: each row's number (from 1) and its cells' texts.
Records = list[tuple[int, list[Any]]]


class WebPageError(Exception):
    """The page could not be read (the message says why)."""


def decoded(data: bytes) -> str:
    """A page's text in the encoding its `<meta charset>` names ("windows-1258" composed to NFC), else as a text file
    is read (`readers.decode_text_bytes`: its byte-order mark, UTF-8, else the Vietnamese Windows code page)."""
    from .readers import decode_text_bytes

    named = _CHARSET_RE.search(data[:4096])
    if named and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return unicodedata.normalize("NFC", data.decode(named.group(1).decode("ascii")))
        except (LookupError, UnicodeDecodeError):  # a charset Python does not know, or a page that is not in it
            pass
    return unicodedata.normalize("NFC", decode_text_bytes(data))


def cell_text(cell: Any) -> str:
    """An element's text as shown: a line per `<br>`, paragraph or list item, spaces (and `&nbsp;`) collapsed; the
    source's own line breaks are spaces, as a browser shows them (Word's pages wrap their text at 80 characters)."""
    for element in cell.iter():
        if isinstance(element.tag, str):
            element.text = element.text and re.sub(r"\s+", " ", element.text)
            element.tail = element.tail and re.sub(r"\s+", " ", element.tail)
    for element in cell.iter(*_LINE_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in cell.text_content().replace("\xa0", " ").split("\n"))
    return "\n".join(line for line in lines if line)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


def table_records(table: Any, repeat_down: bool = True) -> Records:
    """A table's rows numbered from 1, a cell spanning columns read once (then empty), one spanning rows repeated in
    each row it covers (a commune's address over three people) as a Word table's are, or left empty after its first."""
    records: Records = []
    spanning: dict[int, tuple[str, int]] = {}  # column → (text, rows still covered)
    for line, row in enumerate(table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"), start=1):
        cells: list[Any] = []
        column = 0
        for cell in row.xpath("./td|./th"):
            while column in spanning:
                cells.append(spanning[column][0])
                column += 1
            text = cell_text(cell)
            across = min(_span(cell.get("colspan")), limit("IMPORT_MAX_COLUMNS") + 1)
            down = _span(cell.get("rowspan"))
            for offset in range(across):
                cells.append(text if offset == 0 else "")
                if down > 1:
                    spanning[column + offset] = (text if offset == 0 and repeat_down else "", down)
            column += across
        while column in spanning:
            cells.append(spanning[column][0])
            column += 1
        spanning = {key: (text, left - 1) for key, (text, left) in spanning.items() if left > 1}
        records.append((line, cells))
    return records


def _blocks(element: Any, repeat_down: bool) -> Iterator[str | Records]:
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "table" and not child.xpath(".//table"):
            yield table_records(child, repeat_down)
        elif tag:
            if child.xpath(".//table"):  # a layout table, or a block holding tables: what it holds, in order
                if child.text and child.text.strip():
                    yield " ".join(child.text.split())
                yield from _blocks(child, repeat_down)
            else:
                yield from cell_text(child).split("\n")
        if child.tail and child.tail.strip():
            yield " ".join(child.tail.split())


def blocks(data: bytes, repeat_down: bool = True) -> list[str | Records]:
    """A page's lines of text and its tables (rows of cells), in order, the site's chrome left out."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(_DECLARATION_RE.sub("", decoded(data)), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise WebPageError(str(error)) from error
    etree.strip_elements(root, *_CHROME_TAGS, with_tail=False)
    body = root.find("body")
    return [block for block in _blocks(body if body is not None else root, repeat_down) if block]

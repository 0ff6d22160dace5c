"""A PDF page read as its text lines and its ruled tables, top to bottom (pdfplumber), for lists and plans."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: A page's blocks: a line of text, or a ruled table's rows of cells (None where a merged cell covers).
Block = str | list[list[str | None]]
#: Words further apart than this (points) on one line stand in two columns (a space is 3 to 4 points at 13 pt).
COLUMN_GAP = 15.0
#: Words whose tops are this close (points) are on one line.
LINE_TOLERANCE = 3.0


def _text_lines(region: Any) -> list[str]:
    return (region.extract_text() or "").split("\n")


def page_blocks(
    page: Any, text_lines: Callable[[Any], list[str]] = _text_lines, tables: list | None = None
) -> list[Block]:
    """The lines of text above, between and below a page's ruled tables (`tables`, when already found), and the
    tables themselves, in order."""
    blocks: list[Block] = []
    top = 0.0
    for table in sorted(page.find_tables() if tables is None else tables, key=lambda table: table.bbox[1]):
        above = text_lines(page.crop((0, top, page.width, max(table.bbox[1], top))))
        blocks += [line for line in above if line.strip()]
        blocks.append(table.extract())
        top = table.bbox[3]
    below = text_lines(page.crop((0, min(top, page.height), page.width, page.height)))
    blocks += [line for line in below if line.strip()]
    return blocks


def _segments(words: list[dict]) -> list[tuple[float, float, str]]:
    """A line's runs of words, `COLUMN_GAP` apart: (left, right, text)."""
    runs: list[list[dict]] = []
    for word in words:
        if runs and word["x0"] - runs[-1][-1]["x1"] <= COLUMN_GAP:
            runs[-1].append(word)
        else:
            runs.append([word])
    return [(run[0]["x0"], run[-1]["x1"], " ".join(word["text"] for word in run)) for run in runs]


def column_lines(region: Any) -> list[str]:
    """A region's lines, where lines stand in two columns (a header: the body left, the motto and the date right; the
    recipients and the signer) the left column's lines first, then the right's, as a Word table's cells are read."""
    lines: list[list[dict]] = []
    for word in sorted(region.extract_words(), key=lambda word: (round(word["top"]), word["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    boundary: float | None = None
    for words in lines:
        segments = _segments(sorted(words, key=lambda word: word["x0"]))
        if len(segments) == 2 and (boundary is None or abs(segments[1][0] - boundary) < 4 * COLUMN_GAP):
            boundary = boundary or segments[1][0]
            left.append(segments[0][2])
            right.append(segments[1][2])
            continue
        if (
            boundary is not None
            and len(segments) == 1
            and (segments[0][1] < boundary or segments[0][0] >= boundary - 5)
        ):
            (left if segments[0][1] < boundary else right).append(segments[0][2])
            continue
        out += left + right + [" ".join(text for _left, _right, text in segments)]
        left, right, boundary = [], [], None
    return out + left + right

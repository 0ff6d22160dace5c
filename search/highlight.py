"""Highlights shared by both backends: the words of the query marked in the document's own text."""

from __future__ import annotations

import html
import re
import unicodedata

from cms.vietnamese import fold_vietnamese

WINDOW_WORDS = 30
CONTEXT_BEFORE = 8
_WORD = re.compile(r"\w+")


class _FoldTable(dict):
    """`str.translate` table folding one character at a time, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = fold_vietnamese(chr(code))
        return self[code]


_FOLD_TABLE = _FoldTable()


def fold_text(text: str) -> str:
    """`fold_vietnamese` of an NFC text, character by character (positions stay put when lengths do)."""
    return text.translate(_FOLD_TABLE)


def _spans(text: str, tokens: list[str]) -> set[tuple[int, int]]:
    """Spans of words matching a query word: exactly where the text has it so, else once folded."""
    lowered, folded = text.lower(), None
    found: set[tuple[int, int]] = set()
    for token in dict.fromkeys(tokens):
        spans = {m.span() for m in re.finditer(rf"(?<!\w){re.escape(token)}(?!\w)", lowered)}
        if not spans:
            if folded is None:  # fold only when a word is missing as typed
                folded = fold_text(text)
                if len(folded) != len(text):  # positions would not line up; give up on folded marks
                    folded = ""
            pattern = rf"(?<!\w){re.escape(fold_vietnamese(token))}(?!\w)"
            spans = {m.span() for m in re.finditer(pattern, folded)}
        found |= spans
    return found


def highlight(text: str, tokens: list[str]) -> str:
    """A fragment of `text` around the first match, HTML-escaped, with matching words in `<mark>`.

    `điển` marks `điển` where the text has it and `dien`, `điện`… only where it
    does not; the unaccented `dien` marks every word that folds to it.
    """
    text = unicodedata.normalize("NFC", text or "")
    if not text or not tokens:
        return ""
    spans = sorted(_spans(text, tokens))
    if not spans:
        return ""
    before = list(_WORD.finditer(text, 0, spans[0][0]))[-CONTEXT_BEFORE:]
    start = before[0].start() if before else spans[0][0]
    after = [word for _, word in zip(range(WINDOW_WORDS - len(before)), _WORD.finditer(text, spans[0][0]))]
    end = after[-1].end()
    pieces = ["… " if text[:start].strip() else ""]
    position = start
    for span_start, span_end in spans:
        if span_start >= end:
            break
        pieces += [
            html.escape(text[position:span_start], quote=True),
            "<mark>",
            html.escape(text[span_start:span_end]),
            "</mark>",
        ]
        position = span_end
    pieces.append(html.escape(text[position:end], quote=True))
    pieces.append(" …" if text[end:].strip() else "")
    return "".join(pieces)

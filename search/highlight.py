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


def _is_word(character: str) -> bool:
    """What `\\w` matches."""
    return character.isalnum() or character == "_"


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Spans of `word` standing as a whole word in `text` (`str.find`, far cheaper than a regex scan)."""
    found, size, limit = [], len(word), len(text)
    start = text.find(word) if word else -1
    while start >= 0:
        end = start + size
        if not (start and _is_word(text[start - 1])) and not (end < limit and _is_word(text[end])):
            found.append((start, end))
        start = text.find(word, start + 1)
    return found


def _spans(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Spans of words matching a query word, in order: exactly where the text has it so, else once folded."""
    lowered, folded = text.lower(), None
    found: set[tuple[int, int]] = set()
    for token in dict.fromkeys(tokens):
        spans = _occurrences(lowered, token)
        if not spans:
            if folded is None:  # fold only when a word is missing as typed
                folded = fold_text(text)
                if len(folded) != len(text):  # positions would not line up; give up on folded marks
                    folded = ""
            spans = _occurrences(folded, fold_vietnamese(token)) if folded else []
        found.update(spans)
    return sorted(found)


def _context_start(text: str, position: int, number: int) -> tuple[int, int]:
    """Where the last `number` words before `position` start, and how many there are (read backwards)."""
    backwards = text[position - 1 :: -1] if position else ""
    words = [word for _, word in zip(range(number), _WORD.finditer(backwards))]
    return (position - words[-1].end(), len(words)) if words else (position, 0)


#: Stand-ins for the marks while the fragment is escaped in one go (characters no text of ours holds).
_OPEN, _CLOSE = "\x00", "\x01"


def highlight(text: str, tokens: list[str]) -> str:
    """A fragment of `text` around the first match, HTML-escaped, with matching words in `<mark>`.

    `điển` marks `điển` where the text has it and `dien`, `điện`… only where it
    does not; the unaccented `dien` marks every word that folds to it.
    """
    text = unicodedata.normalize("NFC", text or "")
    if not text or not tokens:
        return ""
    spans = _spans(text, tokens)
    if not spans:
        return ""
    start, before = _context_start(text, spans[0][0], CONTEXT_BEFORE)
    after = [word for _, word in zip(range(WINDOW_WORDS - before), _WORD.finditer(text, spans[0][0]))]
    end = after[-1].end()
    pieces = []
    position = start
    for span_start, span_end in spans:
        if span_start >= end:
            break
        pieces += [text[position:span_start], _OPEN, text[span_start:span_end], _CLOSE]
        position = span_end
    pieces.append(text[position:end])
    fragment = "".join(pieces)
    if _OPEN in text or _CLOSE in text:  # never in practice: escape piece by piece instead
        fragment = "".join(
            "<mark>" if piece == _OPEN else "</mark>" if piece == _CLOSE else html.escape(piece) for piece in pieces
        )
    else:
        fragment = html.escape(fragment).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    lead = "… " if start and not text[:start].isspace() else ""
    tail = " …" if end < len(text) and not text[end:].isspace() else ""
    return lead + fragment + tail

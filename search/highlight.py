"""Highlights shared by both backends: the words of the query marked in the document's own text."""

from __future__ import annotations

import functools
import html
import re
import unicodedata

from cms.vietnamese import fold_vietnamese, unify_final_y

WINDOW_WORDS = 30
CONTEXT_BEFORE = 8
_WORD = re.compile(r"\w+")
_VISIBLE = re.compile(r"\S")


@functools.cache
def _folding_to() -> dict[str, str]:
    """`{folded letter: every character that folds to it}`, over the scripts Vietnamese text is written in."""
    found: dict[str, list[str]] = {}
    for code in range(0x3000):
        character = chr(code)
        folded = fold_vietnamese(character)
        if len(folded) == 1:
            found.setdefault(folded, [folded]).append(character)
    return {folded: "".join(dict.fromkeys(characters)) for folded, characters in found.items()}


def _whole_word(first: str, rest: str) -> re.Pattern:
    """A whole-word pattern; the word-start check follows the first letter, so the engine can skip ahead to it."""
    return re.compile(rf"{first}(?<!\w.){rest}(?!\w)")


@functools.lru_cache(maxsize=512)
def _patterns(token: str) -> tuple[re.Pattern, re.Pattern]:
    """Whole-word patterns of a query word: as typed, and any word that folds to what it folds to."""
    folding_to = _folding_to()
    folded_token = fold_vietnamese(token)
    letters = [folding_to.get(letter, letter) for letter in folded_token]
    stem = folded_token[:-1]
    if folded_token[-1:] in ("i", "y") and unify_final_y(stem + "y") == stem + "i":  # "sĩ" marks "sỹ" too
        letters[-1] = folding_to["i"] + folding_to["y"]
    folded = [f"[{re.escape(choices)}]" if len(choices) > 1 else re.escape(choices) for choices in letters]
    return (
        _whole_word(re.escape(token[:1]), re.escape(token[1:])),
        _whole_word(folded[0], "".join(folded[1:])),
    )


def _chosen_patterns(lowered: str, tokens: list[str]) -> list[tuple[re.Pattern, int]]:
    """For each query word in the text, its pattern (as typed where the text has it so, else folded) and where
    it first matches."""
    chosen = []
    for token in dict.fromkeys(filter(None, tokens)):
        exact, folded = _patterns(token)
        for pattern in (exact, folded):
            if pattern is exact and token not in lowered:  # a substring test spares the scan
                continue
            if first := pattern.search(lowered):
                chosen.append((pattern, first.start()))
                break
    return chosen


@functools.lru_cache(maxsize=64)
def _words(number: int) -> re.Pattern:
    """Up to `number` words from where it is matched, with what separates them (one scan, no object per word)."""
    return re.compile(rf"(?:\W*\w+){{0,{number}}}")


def _context_start(text: str, position: int, number: int) -> tuple[int, int]:
    """Where the last `number` words before `position` start, and how many there are (read backwards from a
    stretch long enough for real text; from the whole beginning only when it proves too short)."""
    reach = 40 * number
    backwards = text[max(position - reach, 0) : position][::-1]
    words = _words(number).match(backwards).group()
    count = len(_WORD.findall(words))
    if position > reach and (count < number or len(words) == len(backwards)):
        words = _words(number).match(text[position - 1 :: -1]).group()
        count = len(_WORD.findall(words))
    return position - len(words), count


#: Stand-ins for the marks while the fragment is escaped in one go (characters no text of ours holds).
_OPEN, _CLOSE = "\x00", "\x01"


def highlight(text: str, tokens: list[str]) -> str:
    """A fragment of `text` around the first match, HTML-escaped, with matching words in `<mark>`."""
    text = unicodedata.normalize("NFC", text or "")
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer (İ): keep it, so positions line up
        lowered = "".join(character if len(character.lower()) > 1 else character.lower() for character in text)
    chosen = _chosen_patterns(lowered, tokens)
    if not chosen:
        return ""
    first = min(position for _pattern, position in chosen)
    start, before = _context_start(text, first, CONTEXT_BEFORE)
    end = _words(WINDOW_WORDS - before).match(text, first).end()  # a word's end: no match straddles it
    spans = sorted({match.span() for pattern, _position in chosen for match in pattern.finditer(lowered, first, end)})
    pieces = []
    position = start
    for span_start, span_end in spans:
        pieces += [text[position:span_start], _OPEN, text[span_start:span_end], _CLOSE]
        position = span_end
    pieces.append(text[position:end])
    fragment = "".join(pieces)
    window = text[start:end]
    if _OPEN in window or _CLOSE in window:  # never in practice: escape piece by piece instead
        fragment = "".join(
            "<mark>" if piece == _OPEN else "</mark>" if piece == _CLOSE else html.escape(piece) for piece in pieces
        )
    else:
        fragment = html.escape(fragment).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    lead = "… " if _VISIBLE.search(text, 0, start) else ""
    tail = " …" if _VISIBLE.search(text, end) else ""
    return lead + fragment + tail

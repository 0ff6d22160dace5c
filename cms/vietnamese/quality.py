"""Score how much of a text reads as well-formed Vietnamese."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .syllable import is_valid_syllable

DEFAULT_THRESHOLD = 0.9
_CONT = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
MOJIBAKE_RE = re.compile(rf"Ã[{_CONT}]|á[º»]|Æ[°¡]|Ä[‘\u0090\u0091ƒ©¨]|Å[©¨ ]|â€|Ä|Å|\ufffd")
_TOKEN_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+(?:[-/.](?:[^\W_]|[\u0300-\u036f])+)*")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
LOANWORDS = frozenset(
    """internet facebook zalo fanpage email e-mail website web online offline video
    youtube tiktok covid smartphone wifi app game show livestream container
    km kg mm cm ha ton pin""".split()
)


@dataclass
class TextQuality:
    """Result of judging a text as Vietnamese."""

    words_judged: int
    valid_words: int
    ratio: float
    invalid_sample: list[str] = field(default_factory=list)
    mojibake_markers: list[str] = field(default_factory=list)
    is_suspect: bool = False


def is_judged(word: str) -> bool:
    """Whether a token is a word to judge (not a number, code, acronym or loanword)."""
    if any(ch.isdigit() for ch in word) or any(ch in "-/." for ch in word):
        return False
    if len(word) == 1:
        return is_valid_syllable(word)  # list labels such as "a)", "đ)"
    if _ROMAN_RE.match(word) or word.lower() in LOANWORDS:
        return False
    if len(word) > 1 and word.isupper():
        return is_valid_syllable(word)  # ALLCAPS acronyms are not judged
    if any(ch.isupper() for ch in word[1:]):
        return False  # camelCase names, brand names
    return True


def tokenize(text: str) -> list[str]:
    """Split a text into word-like tokens."""
    return _TOKEN_RE.findall(text)


def text_quality(text: str, threshold: float = DEFAULT_THRESHOLD, sample_size: int = 20) -> TextQuality:
    """Judge a text: ratio of valid Vietnamese syllables and mojibake markers."""
    judged = valid = 0
    invalid: list[str] = []
    for token in tokenize(text):
        if not is_judged(token):
            continue
        judged += 1
        if is_valid_syllable(token):
            valid += 1
        elif token not in invalid and len(invalid) < sample_size:
            invalid.append(token)
    markers = sorted(set(MOJIBAKE_RE.findall(text)))
    ratio = valid / judged if judged else 0.0
    suspect = judged == 0 or ratio < threshold or bool(markers)
    return TextQuality(
        words_judged=judged,
        valid_words=valid,
        ratio=ratio,
        invalid_sample=invalid,
        mojibake_markers=markers,
        is_suspect=suspect,
    )

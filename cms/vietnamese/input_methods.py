"""Words typed with a Vietnamese input method switched off or half-working, read as the syllable meant.

With Telex off, "hiến máu" comes out as "hieens mauf" (a doubled vowel for the circumflex, "w" for the horn and the
breve, "dd" for đ, a last letter s f r x j for the tone); with VNI off, as "hie61n ma1u" (6 circumflex, 7 horn,
8 breve, 9 đ, 1–5 the tones). No Vietnamese syllable ends in those letters or holds digits, so a word that reads as
a valid syllable once they are applied is what its writer meant.
"""

from __future__ import annotations

import re
import unicodedata

from .syllable import is_valid_syllable, place_tone

_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VNI_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
#: Telex's letter keys, longest first ("uwow" and "uow" are ươ).
_TELEX_LETTERS = (
    ("uwow", "ươ"), ("uow", "ươ"), ("dd", "đ"), ("aa", "â"), ("aw", "ă"), ("ee", "ê"), ("oo", "ô"), ("ow", "ơ"),
    ("uw", "ư"), ("w", "ư"),
)  # fmt: skip
#: VNI's letter keys: the mark a digit puts on the nearest letter before it that takes it.
_VNI_LETTERS = {"6": {"a": "â", "e": "ê", "o": "ô"}, "7": {"o": "ơ", "u": "ư"}, "8": {"a": "ă"}, "9": {"d": "đ"}}
_TELEX_RE = re.compile(r"^[a-z]+$")
_VNI_RE = re.compile(r"^[a-z][a-z0-9]*[1-9][a-z0-9]*$")


def _telex(word: str) -> str | None:
    tone = _TELEX_TONES.get(word[-1]) if len(word) > 1 else None
    base = word[:-1] if tone else word
    for keys, letter in _TELEX_LETTERS:
        base = base.replace(keys, letter)
    if base == word:
        return None
    return base if tone is None else place_tone(base, tone)


def _vni(word: str) -> str | None:
    letters: list[str] = []
    tone = None
    for char in word:
        if char in _VNI_TONES:
            tone = _VNI_TONES[char]
        elif char in _VNI_LETTERS:
            marked = _VNI_LETTERS[char]
            at = next((index for index in range(len(letters) - 1, -1, -1) if letters[index] in marked), None)
            if at is None:
                return None
            letters[at] = marked[letters[at]]
            if char == "7" and letters[at] == "ư" and at + 1 < len(letters) and letters[at + 1] == "o":
                letters[at + 1] = "ơ"  # "u7o7" and "uo7" alike: ươ
            elif char == "7" and letters[at] == "ơ" and at > 0 and letters[at - 1] == "u":
                letters[at - 1] = "ư"
        else:
            letters.append(char)
    base = "".join(letters)
    return base if tone is None else place_tone(base, tone)


def from_input_method(word: str) -> str | None:
    """The syllable a word typed in Telex or VNI without the input method means ("ddieeuf" → "điều", "bie6n3" →
    "biển"), else None (a word as it should be, or one that reads as no syllable)."""
    word = unicodedata.normalize("NFC", word.lower())
    if _VNI_RE.match(word):
        meant = _vni(word)
    elif _TELEX_RE.match(word):
        meant = _telex(word)
    else:
        return None
    return meant if meant and meant != word and is_valid_syllable(meant) else None

"""Vietnamese syllable model: tone marks, onsets, rhymes and tone placement."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Combining tone marks (NFD) and their names.
TONE_MARKS: dict[str, str] = {
    "\u0301": "sac",
    "\u0300": "huyen",
    "\u0309": "hoi",
    "\u0303": "nga",
    "\u0323": "nang",
}
# Combining vowel-quality marks: circumflex, breve, horn.
QUALITY_MARKS = frozenset("\u0302\u0306\u031b")
VOWELS = frozenset("aăâeêioôơuưy")
DIACRITIC_VOWELS = frozenset("ăâêôơư")
ONSETS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "th",
    "tr",
    "qu",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
    "",
)

_OPEN = "a e ê i y o ô ơ u ư ia ua ưa uê uơ oa oe uy ya"
_SEMI = "ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu ươi ươu uôi iêu yêu oai oay oao oeo uây uyu uya"
_CLOSED = {
    "a": "c ch m n ng nh p t",
    "ă": "c m n ng p t",
    "â": "c m n ng p t",
    "e": "c m n ng p t",
    "ê": "ch m n nh p t",
    "i": "ch m n nh p t",
    "o": "c m n ng p t",
    "oo": "c ng",
    "ô": "c m n ng p t",
    "ơ": "m n p t",
    "u": "c m n ng p t",
    "ư": "c m n ng t",
    "iê": "c m n ng p t",
    "yê": "m n t",
    "uô": "c m n ng t",
    "ươ": "c m n ng p t",
    "oa": "c ch m n ng nh p t",
    "oă": "c m n ng t",
    "oe": "m n ng t",
    "uâ": "n ng t",
    "uê": "ch nh",
    "uy": "ch n nh p t",
    "uyê": "n t",
    "uơ": "n",
}
RHYMES: frozenset[str] = frozenset(
    _OPEN.split() + _SEMI.split() + [nuc + coda for nuc, codas in _CLOSED.items() for coda in codas.split()]
)
CHECKED_CODAS = ("c", "ch", "p", "t")
FRONT = frozenset("eêi")


@dataclass(frozen=True)
class Syllable:
    """A parsed lowercase Vietnamese syllable."""

    onset: str
    rhyme: str
    vowels: str
    coda: str
    tone: str | None


def split_tone(word: str) -> tuple[str, list[tuple[int, str]]]:
    """Return the NFC word without tone marks and (char index, mark) of each tone mark.

    Indexes refer to base letters (with their vowel-quality marks); -1 means
    the mark precedes any letter.
    """
    clusters: list[str] = []
    marks: list[tuple[int, str]] = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONE_MARKS:
            marks.append((len(clusters) - 1, ch))
        elif unicodedata.combining(ch) and clusters:
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return "".join(unicodedata.normalize("NFC", c) for c in clusters), marks


def spelling_key(text: str) -> str:
    """Words as spelled, lower case, each word's tone mark after its letters: "Hoà" and "Hòa" (two placements of one
    tone) alike; "Hoa", "Hòa" and "Hóa", or "Lan" and "Lân", apart (names a folded key would confuse)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text.lower()))
    return " ".join(base + "".join(mark for _index, mark in marks) for base, marks in map(split_tone, words))


def _spelling_ok(onset: str, rhyme: str) -> bool:
    """Check the c/k, g/gh, ng/ngh spelling rules, and y/i before ê (yên, yêu but tiên, hiểu)."""
    if rhyme.startswith("yê") and onset:
        return False  # “hyện” is no spelling: after a consonant it is “iê” (huyện takes “uyê”)
    if rhyme.startswith("iê") and not onset:
        return False  # “iên” is written “yên”
    first = rhyme[0]
    if onset in ("c", "g", "ng") and first in FRONT:
        return onset == "g" and first == "i"
    if onset in ("k", "gh", "ngh"):
        return first in FRONT or (onset == "k" and first == "y")
    return True


def parse_toneless(base: str) -> tuple[str, str] | None:
    """Parse a toneless lowercase syllable into (onset, rhyme), or None if invalid."""
    if not base:
        return None
    candidates = [(o, base[len(o) :]) for o in ONSETS if base.startswith(o) and len(base) > len(o)]
    for onset, rhyme in candidates:
        if onset == "qu":
            if rhyme[0] in "uưo" or rhyme not in RHYMES and ("u" + rhyme) not in RHYMES:
                continue
            return onset, rhyme
        if onset == "gi":
            if rhyme in RHYMES and rhyme[0] in VOWELS:
                return onset, rhyme
            continue
        if rhyme in RHYMES and _spelling_ok(onset, rhyme):
            return onset, rhyme
    return None


def _vowel_span(onset: str, rhyme: str) -> tuple[str, str]:
    """Split a rhyme into its vowel letters and its coda."""
    i = 0
    while i < len(rhyme) and rhyme[i] in VOWELS:
        i += 1
    # Semivowel codas written as vowels (ai, ao, ươi...) stay in the vowel group.
    return rhyme[:i], rhyme[i:]


def tone_positions(base: str) -> set[int]:
    """Indexes in a toneless lowercase syllable where a tone mark may go (old and new style)."""
    parsed = parse_toneless(base)
    if parsed is None:
        return set()
    onset, rhyme = parsed
    vowels, coda = _vowel_span(onset, rhyme)
    start = len(onset)
    diacritics = [i for i, v in enumerate(vowels) if v in DIACRITIC_VOWELS]
    if diacritics:
        return {start + diacritics[-1]}
    if len(vowels) == 1:
        return {start}
    if coda:
        return {start + len(vowels) - 1}
    if len(vowels) == 3:
        return {start + 1}
    if vowels in ("oa", "oe", "uy"):
        return {start, start + 1}
    return {start}


def preferred_tone_position(base: str) -> int | None:
    """Index for the tone mark, old (traditional) style: hóa, khỏe, thúy."""
    positions = tone_positions(base)
    return min(positions) if positions else None


def tone_allowed(rhyme: str, tone: str | None) -> bool:
    """Checked rhymes (-c, -ch, -p, -t) take only sắc or nặng."""
    if rhyme.endswith(CHECKED_CODAS):
        return tone in ("sac", "nang")
    return True


def parse_syllable(word: str) -> Syllable | None:
    """Parse one word as a Vietnamese syllable (any case), or None if not valid."""
    base, marks = split_tone(word.lower())
    if len(marks) > 1 or any(unicodedata.combining(c) for c in base):
        return None
    parsed = parse_toneless(base)
    if parsed is None:
        return None
    onset, rhyme = parsed
    tone = TONE_MARKS[marks[0][1]] if marks else None
    if marks and marks[0][0] not in tone_positions(base):
        return None
    if not tone_allowed(rhyme, tone):
        return None
    vowels, coda = _vowel_span(onset, rhyme)
    return Syllable(onset=onset, rhyme=rhyme, vowels=vowels, coda=coda, tone=tone)


@functools.lru_cache(maxsize=65536)  # a language of some 7 000 syllables: documents ask for the same ones again
def is_valid_syllable(word: str) -> bool:
    """True if the word is a well-formed Vietnamese syllable with a correctly placed tone."""
    return parse_syllable(word) is not None


def place_tone(base: str, mark: str) -> str | None:
    """Put a combining tone mark on the right vowel of a toneless syllable (case kept)."""
    pos = preferred_tone_position(base.lower())
    if pos is None:
        return None
    chars = list(base)
    chars[pos] = unicodedata.normalize("NFC", chars[pos] + mark)
    return "".join(chars)

"""Folding, slugs and dictionary sorting of Vietnamese text.

The folding is the project's own code (DESIGN §5) so that documents and
queries fold the same way on every search backend, whatever analysis modules
an Elasticsearch installation ships.
"""

import re
import unicodedata

from django.utils.text import slugify

#: Combining marks that carry a Vietnamese tone, in dictionary order:
#: ngang (none), huyền, hỏi, ngã, sắc, nặng.
TONE_MARKS: dict[str, int] = {
    "\u0300": 1,  # huyền (grave)
    "\u0309": 2,  # hỏi (hook above)
    "\u0303": 3,  # ngã (tilde)
    "\u0301": 4,  # sắc (acute)
    "\u0323": 5,  # nặng (dot below)
}

#: The Vietnamese alphabet in its own order; Latin letters it lacks are slotted
#: where an English reader would expect them.
VIETNAMESE_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_CODES = {letter: f"{index + 20:02d}" for index, letter in enumerate(VIETNAMESE_ALPHABET)}


def fold_vietnamese(text: str, lower: bool = True) -> str:
    """Fold Vietnamese to plain ASCII letters: NFC first, `đ`→`d`, every mark dropped."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    folded = unicodedata.normalize("NFC", folded)
    return folded.lower() if lower else folded


#: A syllable of a consonant onset and a final i, which Vietnamese writes with i or y ("sĩ"/"sỹ", "kĩ"/"kỹ", "lí"/"lý",
#: "qui"/"quy", "ti"/"ty"): folded to its i spelling.
_FINAL_Y_RE = re.compile(r"\b(b|ch|c|d|gh|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|qu|r|s|th|tr|t|v|x)y\b")


def unify_final_y(folded: str) -> str:
    """One spelling for syllables written with a final i or y, in folded text (same length: positions stay)."""
    return _FINAL_Y_RE.sub(r"\1i", folded)


def fold_for_search(text: str) -> str:
    """The folding documents and queries are matched by: `fold_vietnamese`, and "Chiến sỹ" is "chien si"."""
    return unify_final_y(fold_vietnamese(text))


def folded_spellings(text: str) -> str:
    """`text` folded, then again with final y's as i's when that differs ("ky su ki su"): what a search backend
    that matches words as they are (the admin's) indexes, so "ki su" and "ky su" both find "Kỹ sư"."""
    folded = fold_vietnamese(text)
    unified = unify_final_y(folded)
    return folded if unified == folded else f"{folded} {unified}"


def vietnamese_slugify(text: str, max_length: int = 255) -> str:
    """Make an ASCII slug from Vietnamese text: `Điển hình tiên tiến` → `dien-hinh-tien-tien`."""
    slug = slugify(fold_vietnamese(text), allow_unicode=False)
    return slug[:max_length].strip("-")


def _split_letter(char: str) -> tuple[str, int]:
    """Split one character into its base letter (keeping ă â ê ô ơ ư đ) and its tone."""
    tone = 0
    kept = []
    for part in unicodedata.normalize("NFD", char):
        if part in TONE_MARKS:
            tone = TONE_MARKS[part]
        else:
            kept.append(part)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def vietnamese_sort_key(text: str) -> str:
    """Return a string that sorts in Vietnamese dictionary order under any collation.

    The key is made of digits only, so SQLite's binary collation and
    PostgreSQL's locale collations order it the same way. Letters compare
    first (Đ after D, Ư after U); tones break ties (ngang, huyền, hỏi, ngã,
    sắc, nặng).
    """
    primary: list[str] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFC", text or "").lower():
        base, tone = _split_letter(char)
        if base in _LETTER_CODES:
            primary.append(_LETTER_CODES[base])
            tones.append(str(tone))
        elif base.isdigit() and base.isascii():
            primary.append("1" + base)  # digits (10-19) sort before letters (20+)
        elif base.isspace():
            primary.append("00")
        # punctuation is ignored, as in a dictionary
    # "00" ends the primary key; every other code is >= 10, so shorter words sort first.
    return "".join(primary) + "00" + "".join(tones)


def slug_folding_patterns() -> list[tuple[str, str]]:
    """Regex character classes folding accented Latin letters, for the admin's slug widget.

    Wagtail's slug JavaScript drops letters it cannot transliterate (`ả`, `ứ`)
    and turns `đ` into `dj`; these patterns run first, so the admin makes the
    same slugs as `vietnamese_slugify`.
    """
    groups: dict[str, list[str]] = {}
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        folded = fold_vietnamese(char, lower=False)
        if len(folded) == 1 and folded.isascii() and folded.isalpha() and folded != char:
            groups.setdefault(folded, []).append(char)
    return [(f"[{''.join(chars)}]", base) for base, chars in sorted(groups.items())]

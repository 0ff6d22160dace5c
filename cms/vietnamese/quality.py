"""Judge how much of a text reads as well-formed Vietnamese, and what kind of damage it shows.

Words of Vietnam's minority languages (names of people and places, words such as
“t'rưng”) count as valid (see ``minority.py``). Damage is told apart by kind:
mojibake (UTF-8 read as cp1252/latin-1), TCVN3/VNI leftovers, lost letters (a PDF
text layer that dropped glyphs: “p  ơng p áp”), text without diacritics (OCR)
and a low share of valid syllables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext

from .minority import has_foreign_onset, has_minority_feature, is_apostrophe_word, is_minority_shape, is_name_part
from .syllable import is_valid_syllable, parse_syllable
from .text_repair import REAL_VOWEL_INITIAL

DEFAULT_THRESHOLD = 0.9
#: Below this share of words with a Vietnamese mark (or đ), a text has lost its diacritics.
MIN_DIACRITIC_SHARE = 0.3
MIN_WORDS_FOR_DIACRITICS = 12
#: Stray letters and split words per judged word above which letters were lost.
MAX_FRAGMENT_SHARE = 0.02
#: Double spaces between letters count as split words from this share of judged words (people type a few).
MIN_SPLIT_SHARE = 0.05
_CONT = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_LETTER = r"[^\W\d_]"
#: UTF-8 read as cp1252/latin-1, U+FFFD, and “?” put for letters a code page lacked (“v?n ??ng”).
MOJIBAKE_RE = re.compile(
    rf"Ã[{_CONT}]|á[º»]|Æ[°¡]|Ä[‘\u0090\u0091ƒ©¨]|Å[©¨ ]|â€|Ä|Å|\ufffd|(?<={_LETTER})\?+(?={_LETTER})"
)
#: TCVN3 (ABC) bytes shown as cp1252 inside words (“KÕ ho¹ch”, “vµ”, “®ua”) and VNI letter pairs
#: (“Vieät”, “ngöôøi”, “ñua”).
LEGACY_RE = re.compile(
    rf"{_LETTER}[¸¶·¹¨¾¼½©ª«¬\u00ad](?={_LETTER})|{_LETTER}µ|®(?={_LETTER})"
    r"|ö|[aeo][âêô]|[aăâeêioôơuưy][øùûõïäëåü]|ñ(?=[aeiouöô])"
)
_WORD_PART = r"(?:[^\W_]|[\u0300-\u036f])+"
_TOKEN_RE = re.compile(rf"{_WORD_PART}(?:[-/.'’ʼ]{_WORD_PART})*")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
_CONSONANTS_ONLY_RE = re.compile("[bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX]+")
_DOUBLE_SPACE_RE = re.compile(rf"(?<={_LETTER}) {{2,}}(?={_LETTER})")
_WEB_ADDRESS_RE = re.compile(r"[ \t]*(?:\S*(?:https?://|www\.)\S*|\S+@\S+\.\w+)[ \t]*")
_SENTENCE_END = re.compile(r"[.!?:;\n•]")
#: Vowel-initial words; another vowel-initial syllable is a word that lost its first letters (“ội” for “hội”).
VOWEL_INITIAL_WORDS = REAL_VOWEL_INITIAL | frozenset(
    "ủng ảo ẩn ổn ấm ẩm ăng ắp ẩu ảnh ánh ắc ôn ốc ồ ơn ưng ưa ưu ước ướt ươm ưỡn".split()
)
LOANWORDS = frozenset(
    """internet facebook zalo fanpage email e-mail website web online offline video
    youtube tiktok covid smartphone wifi app game show livestream container
    km kg mm cm ha ton pin""".split()
)


def _(message: str) -> str:
    """Mark a message for translation (makemessages finds it); translated when shown, by ``describe``."""
    return message


#: What each problem code means, for the people who see the report.
PROBLEMS = {
    "empty": _("no text to judge"),
    "mojibake": _("encoding error (UTF-8 misread)"),
    "legacy_encoding": _("old TCVN3/VNI-encoded text left"),
    "lost_letters": _("lost letters (stray letters, split words)"),
    "no_diacritics": _("Vietnamese diacritics lost"),
    "invalid_words": _("many unreadable words"),
}


@dataclass
class TextQuality:
    """Result of judging a text as Vietnamese."""

    words_judged: int
    valid_words: int
    ratio: float
    invalid_sample: list[str] = field(default_factory=list)
    mojibake_markers: list[str] = field(default_factory=list)
    is_suspect: bool = False
    #: Valid words that are minority-language names or words (included in ``valid_words``).
    names_recognised: int = 0
    #: Stray single letters, words split by a double space (“p  ơng p áp”), rhymes without their onset (“ội”).
    fragments: int = 0
    fragment_sample: list[str] = field(default_factory=list)
    legacy_markers: list[str] = field(default_factory=list)
    #: Share of common words (not names) carrying a Vietnamese mark or đ.
    diacritic_share: float = 0.0
    problems: list[str] = field(default_factory=list)
    #: Certainly mojibake: worth refusing, where other problems are only worth a warning.
    is_mojibake: bool = False

    def describe(self) -> str:
        """The problems in Vietnamese, with examples: “mất chữ (chữ cái rời, từ bị tách): p, ơng”."""
        parts = []
        for problem in self.problems:
            examples = {
                "mojibake": self.mojibake_markers,
                "legacy_encoding": self.legacy_markers,
                "lost_letters": self.fragment_sample,
                "invalid_words": self.invalid_sample,
            }.get(problem, [])
            label = gettext(PROBLEMS[problem]) if settings.configured else PROBLEMS[problem]
            parts.append(f"{label}: {', '.join(examples[:8])}" if examples else label)
        return "; ".join(parts)


def is_judged(word: str) -> bool:
    """Whether a token is a word to judge (not a number, code, acronym or loanword)."""
    if any(ch.isdigit() for ch in word) or any(ch in "-/." for ch in word):
        return False
    if any(ch in "'’ʼ" for ch in word):
        return True  # H'Hen, M'Drắk, t'rưng: judged as minority words
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


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and not token.isupper()


def is_minority_word(token: str, in_name_position: bool) -> bool:
    """A word of a minority language: listed, written with an apostrophe, or a capitalised name of that shape."""
    if is_name_part(token) or is_apostrophe_word(token):
        return True
    capitalised_name = _is_capitalised(token) and (
        has_foreign_onset(token) or (in_name_position and has_minority_feature(token))
    )
    return capitalised_name and is_minority_shape(token)


def _name_positions(text: str, matches: list[re.Match[str]]) -> list[bool]:
    """Whether each token stands where a name stands: capitalised inside a sentence, or next to another name."""

    def joined(left: re.Match[str], right: re.Match[str]) -> bool:
        return text[left.end() : right.start()].strip(" ") == ""

    positions = []
    for index, match in enumerate(matches):
        token = match.group(0)
        before = text[matches[index - 1].end() : match.start()] if index else "\n"
        starts_sentence = bool(_SENTENCE_END.search(before))
        neighbours = []
        if index and joined(matches[index - 1], match):
            neighbours.append(matches[index - 1].group(0))
        if index + 1 < len(matches) and joined(match, matches[index + 1]):
            neighbours.append(matches[index + 1].group(0))
        in_run = any(_is_capitalised(other) or other.isupper() for other in neighbours)
        positions.append(_is_capitalised(token) and (not starts_sentence or in_run))
    return positions


def _fragments(text: str, matches: list[re.Match[str]]) -> list[str]:
    """Stray consonants (“p ơng p áp”, “ng ời”), not list labels, initials, units, acronyms or roman numerals."""
    found = []
    for index, match in enumerate(matches):
        token = match.group(0)
        if len(token) > 3 or not _CONSONANTS_ONLY_RE.fullmatch(token) or token.lower() in LOANWORDS:
            continue  # vowels are words: “ở”, “ý”, “a)”
        if len(token) > 1 and token.isupper():
            continue  # “TP”, “HN”
        after = text[match.end() : match.end() + 1]
        before = text[match.start() - 1 : match.start()] if match.start() else ""
        if (after and after in ".)/:") or (before and before in "(/"):
            continue
        previous = matches[index - 1].group(0) if index else ""
        if previous[-1:].isdigit():
            continue  # a unit: “5 m”
        following = matches[index + 1] if index + 1 < len(matches) else None
        if token[0].isupper():
            # “Tổ B”, “khu C” are labels; an upper-case letter glued to a broken rhyme is a fragment.
            if following is None or not following.group(0)[:1].islower() or is_valid_syllable(following.group(0)):
                continue
        found.append(token)
    return found


def _mojibake_markers(text: str) -> list[str]:
    """Every mojibake marker, except the “?” of a web address (“index.php?id=5”)."""
    found = []
    for match in MOJIBAKE_RE.finditer(text):
        if match.group(0).startswith("?"):
            if text[match.end()].isupper() and text[match.start() - 1].islower():
                continue  # a question without its space: “không?Tôi”
            start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
            end = min(pos for pos in (text.find(" ", match.end()), text.find("\n", match.end()), len(text)) if pos >= 0)
            if any(mark in text[start:end] for mark in ("/", "=", "&", "www.")):
                continue
        found.append(match.group(0))
    return found


def _lost_onset(text: str, match: re.Match[str]) -> bool:
    """A lower-case vowel-initial syllable that is no word (“ội”, “ình”): its first letters were lost."""
    token = match.group(0)
    if not token.islower() or token in VOWEL_INITIAL_WORDS:
        return False
    if len(token) == 1 and text[match.end() : match.end() + 1] in (".", ")"):
        return False  # a list label: “e)”, “i.”
    syllable = parse_syllable(token)
    return syllable is not None and syllable.onset == ""


def text_quality(text: str, threshold: float = DEFAULT_THRESHOLD, sample_size: int = 20) -> TextQuality:
    """Judge a text: valid Vietnamese (and minority) words, mojibake, legacy encodings, lost letters, diacritics."""
    text = _WEB_ADDRESS_RE.sub(" ", text or "")  # addresses are not words
    matches = list(_TOKEN_RE.finditer(text))
    positions = _name_positions(text, matches)
    judged = valid = names = common = marked = 0
    invalid: list[str] = []
    orphans: list[str] = []
    for match, in_name_position in zip(matches, positions):
        token = match.group(0)
        if not is_judged(token):
            continue
        judged += 1
        if is_valid_syllable(token):
            valid += 1
            if _lost_onset(text, match):
                orphans.append(token)
        elif is_minority_word(token, in_name_position):
            valid += 1
            names += 1
            continue
        elif token not in invalid and len(invalid) < sample_size:
            invalid.append(token)
        if not in_name_position:  # names often go without marks: only common words tell
            common += 1
            marked += not token.isascii()
    fragments = _fragments(text, matches) + orphans
    # A lost letter at a word's edge leaves two spaces: “phá  hiện”, “p  ơng”.
    split_words = _DOUBLE_SPACE_RE.findall(text)
    mojibake = _mojibake_markers(text)
    legacy = LEGACY_RE.findall(text)
    ratio = valid / judged if judged else 0.0
    diacritic_share = marked / common if common else 1.0
    broken_pieces = len(fragments) + (len(split_words) if len(split_words) >= MIN_SPLIT_SHARE * judged else 0)
    damaged = judged - valid + broken_pieces
    damaged_share = damaged / judged if judged else 1.0
    tolerance = (1 - threshold) / 2  # several damaged words at half the share are damage too, not chance
    problems = [
        code
        for code, present in (
            ("empty", judged == 0),
            ("mojibake", bool(mojibake)),
            ("legacy_encoding", len(legacy) >= 2 or (legacy and ratio < threshold)),
            ("lost_letters", broken_pieces >= 2 and broken_pieces >= MAX_FRAGMENT_SHARE * judged),
            ("no_diacritics", common >= MIN_WORDS_FOR_DIACRITICS and diacritic_share < MIN_DIACRITIC_SHARE),
            (
                "invalid_words",
                judged > 0 and (damaged_share > 1 - threshold or (damaged >= 3 and damaged_share > tolerance)),
            ),
        )
        if present
    ]
    return TextQuality(
        words_judged=judged,
        valid_words=valid,
        ratio=ratio,
        invalid_sample=invalid,
        mojibake_markers=sorted(set(mojibake)),
        is_suspect=bool(problems),
        names_recognised=names,
        fragments=broken_pieces,
        fragment_sample=list(dict.fromkeys(fragments))[:sample_size],
        legacy_markers=sorted(set(legacy))[:sample_size],
        diacritic_share=diacritic_share,
        problems=problems,
        is_mojibake=len(mojibake) >= 2 or any(len(marker) > 1 for marker in mojibake),
    )

"""Repair Vietnamese text extracted from PDFs, web pages and legacy encodings.

Tone placement: when a tone mark has to be moved, it goes where the syllable
model in ``syllable.py`` says, using the traditional ("old") style that
Vietnamese administrative documents use (hóa, khỏe, thúy). Both styles are
accepted as correct and never rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from .syllable import (
    is_valid_syllable,
    parse_toneless,
    place_tone,
    split_tone,
    tone_positions,
)

_MARKS = "\u0300-\u036f"
WORD_RE = re.compile(rf"(?:[^\W\d_][{_MARKS}]*)+")
_STRAY_RE = re.compile(rf"((?:[^\W\d_][{_MARKS}]*)+)( +)([\u0300\u0301\u0303\u0309\u0323])(?![{_MARKS}])")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r" +(?=[,;:.)])")
_ZERO_WIDTH_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_LEGACY = str.maketrans({"ƣ": "ư", "Ƣ": "Ư"})
_TYPOS = {"truyên truyền": "tuyên truyền", "Truyên truyền": "Tuyên truyền"}
_TYPO_RE = re.compile("|".join(re.escape(k) for k in _TYPOS))

# Mojibake: UTF-8 bytes decoded as cp1252 / latin-1.
_CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE_RUN_RE = re.compile(rf"[\x00-\xff{_CP1252_EXTRA}]+")
MOJIBAKE_MARKERS = ("Ã", "áº", "á»", "Æ°", "Æ¡", "Ä‘", "Ä", "Â", "Å")

# Real vowel-initial syllables: a fragment in this list is a word and is never glued on.
REAL_VOWEL_INITIAL = frozenset(
    """a à á ả ạ ai ái ải ại am ám an án ản ang áng anh ánh ảnh ao áo ào ảo áp át ạt au
    ác ạc ách ăn ắc ắm ắng ắt âm ấm ầm ẩm ân ấn ẩn ận ấp ập ất ật âu ẩu ấu ấy ầy ay
    e è é ẻ em ém en eo éo ẹp ép ét ê ế ệ êm ếch ích ít in im inh ỉa ỉu o ó ò ọ ỏ oa
    òa óa oà oá ọc óc oi ói ỏi ong óng ọp oai oái oải oan oán oản oanh oằn ô ồ ổ ốc
    ôi ối ổi ôm ốm ồn ông ống ổn ồng ơ ờ ở ớ ợ ơi ời ớt u ú ù ủ ụ ui úi ủi um úp út ùn
    ủy uỷ uy uống uốn uổng uẩn uể ư ừ ưa ừa ửa ưng ừng ửng ứng ức ước ươm ướt ương ướp
    ưu ý y yêu yếu yên yến yểm yết ỷ ùa úa ủa ụa""".split()
)

_LIST_START_RE = re.compile(r"^(?:[-+•*–]\s|[a-zđ][.)]\s|[ivx]+[.)]\s|\(?\d+[.)]\s|[IVXLC]+[.)]\s)")
_HEADING_START_RE = re.compile(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\))(?:\s|$)")
_TERMINAL = ".!?:"
_MAX_ROUNDS = 20


def _fix_mojibake_run(run: str) -> str:
    """Re-decode one cp1252/latin-1 run as UTF-8 when that is clearly right."""
    data = bytearray()
    for ch in run:
        try:
            data += ch.encode("cp1252")
        except UnicodeEncodeError:
            data.append(ord(ch))
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return run
    for ch in decoded:
        code = ord(ch)
        if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\t":
            return run
        if code > 0x24F and not (0x300 <= code <= 0x36F or 0x1E00 <= code <= 0x1EFF or 0x2000 <= code <= 0x20AC):
            return run
    return decoded


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as cp1252/latin-1 (only runs with clear markers)."""

    def repl(match: re.Match[str]) -> str:
        run = match.group(0)
        if not any(m in run for m in MOJIBAKE_MARKERS):
            return run
        fixed = _fix_mojibake_run(run)
        if fixed != run:
            return fixed
        return re.sub(r"\S+", lambda m: _fix_mojibake_run(m.group(0)), run)

    return _MOJIBAKE_RUN_RE.sub(repl, text)


# Text left in the fonts of old .doc files, shown as cp1252. VNI ("Vieät", "tröôøng", "ñua"): a vowel then the
# codes of its marks, a few letters with a code of their own. TCVN3 / ABC ("ViÖt", "tr\u00adêng", "®ua"): one code per
# lower-case letter (its capitals came from a second font, so they read as small letters: a heading typed in it is
# read in capitals, see `_in_capitals_font`).
_VNI_LETTERS = dict(zip("ÖöÔôÑñÆæÓóÒòÎî", "ƯưƠơĐđỈỉĨĩỊịỴỵ", strict=True))
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_TONES = "\u0301\u0300\u0309\u0303\u0323"
_VNI_MARKS = {
    **dict.fromkeys("âÂ", _CIRCUMFLEX),
    **dict.fromkeys("êÊ", _BREVE),
    **{code: _CIRCUMFLEX + tone for codes, tone in zip("áÁ àÀ åÅ ãÃ äÄ".split(), _TONES) for code in codes},
    **{code: _BREVE + tone for codes, tone in zip("éÉ èÈ úÚ üÜ ëË".split(), _TONES) for code in codes},
    **{code: tone for codes, tone in zip("ùÙ øØ ûÛ õÕ ïÏ".split(), _TONES) for code in codes},
}
#: Which base letters take a code's vowel mark: the circumflex on a, e, o; the breve on a; a tone on any vowel.
_VNI_BASES = {_CIRCUMFLEX: "aeoAEO", _BREVE: "aA"}
_TCVN3 = str.maketrans(
    dict(
        zip(
            "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ",
            "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
            strict=True,
        )
    )
)
#: Codes one font uses and the other does not: VNI's capital marks; TCVN3's "¡"…"¾" (ă â ê ô ơ ư đ à á ạ …) and a few.
_VNI_ONLY = frozenset("ÀÁÂÃÄÅÙÚÛ")
_TCVN3_ONLY = frozenset(map(chr, range(0xA1, 0xBF))) | frozenset("ÇÐÞßç÷")
#: Codes of the old fonts that no Vietnamese word holds in Unicode ("å", "ä", "ø", "®", "µ" …): a word with one is in
#: a font, whatever its reading ("K' Brå" is the K'Ho name "K' Brồ", no Vietnamese syllable).
_SURELY_CODES = frozenset(map(chr, range(0xA1, 0xFF))) - frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ×÷")


#: Codes that Unicode text holds as themselves too ("120 m²", "25°C"): no sign of a font.
_UNICODE_SIGNS = frozenset("²³°±")


def old_font_codes(text: str) -> frozenset[str]:
    """The codes of the old fonts a text holds that no Vietnamese word holds in Unicode, for a cheap test before
    `fix_legacy_fonts` (which Unicode text passes through unchanged). An Ê Đê name's "ñ" ("Êñuôl") is one such code;
    text in a font holds several ("Hä vµ tªn")."""
    return _SURELY_CODES.intersection(text) - _UNICODE_SIGNS


#: A word, with the codes that are no letters in Unicode (TCVN3's "®", "§", "¸", the soft hyphen for "ư").
_LEGACY_WORD_RE = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00fe])+")


def _decode_vni(word: str) -> str:
    out: list[str] = []
    for char in word:
        mark = _VNI_MARKS.get(char)
        if mark and out:
            base = unicodedata.normalize("NFD", out[-1])[0]
            # a mark's code has its vowel's case ("tieán", "TIEÁN"): "tiÕn" is TCVN3's "tiến", no VNI
            same_case = base.isupper() == char.isupper()
            if (
                same_case
                and base.lower() in "aăâeêioôơuưy"
                and (mark[0] not in _VNI_BASES or base in _VNI_BASES[mark[0]])
            ):
                out[-1] = unicodedata.normalize("NFC", out[-1] + mark)
                continue
        out.append(_VNI_LETTERS.get(char, char))
    return unicodedata.normalize("NFC", "".join(out))


def _decode_tcvn3(word: str) -> str:
    return word.translate(_TCVN3)


def _font_readings(words: list[re.Match[str]], decode) -> tuple[dict[int, str], int]:
    """The readings a font gives a line's words, and how many of them are sure."""
    readings = {match.start(): decode(match.group()) for match in words}
    # Sure: a word that is no syllable and whose reading is one ("Vieät", "ViÖt").
    chosen = {
        match.start(): readings[match.start()]
        for match in words
        if not is_valid_syllable(match.group()) and is_valid_syllable(readings[match.start()])
    }
    sure = len(chosen)
    # more words already in Unicode Vietnamese ("Quyết", "định") than sure ones make it a Unicode line with a few words
    # left in the font ("C¨n cø Quyết định … của Phòng …"): its other words stay as written ("Phòng", not "Phũng")
    unicode_words = sum(
        match.start() not in chosen
        and is_valid_syllable(match.group())
        and any(char.isalpha() and ord(char) > 0xFF for char in match.group())
        for match in words
    )
    unicode_line = unicode_words > sure
    # then a word of cp1252 letters only is in that font too, though it reads as one ("SOÁ", "Chò")
    if chosen and not unicode_line:
        for match in words:
            reading = readings[match.start()]
            if match.start() not in chosen and reading != match.group() and max(map(ord, match.group())) < 256:
                if is_valid_syllable(reading):
                    chosen[match.start()] = reading
        for match in words:  # two words a copy glued, one of them or both in the font ("PHƯỚCCOÄNG", "NGHÓAVIEÄT")
            if match.start() not in chosen and not is_valid_syllable(match.group()):
                if glued := _glued_reading(match.group(), decode):
                    chosen[match.start()] = glued
        for match in words:  # a minority name's word in the font: "Brå" is "Brồ", no Vietnamese syllable
            reading = readings[match.start()]
            if match.start() not in chosen and _SURELY_CODES & set(match.group()) and reading.isalpha():
                if not _SURELY_CODES & set(reading):
                    chosen[match.start()] = reading
    return chosen, sure


def _glued_reading(word: str, decode) -> str | None:
    """Two syllables glued into one word, each as written or in the font, read apart; None when no cut gives two."""
    for cut in range(2, len(word) - 1):
        right = decode(word[cut:])
        if not is_valid_syllable(right):
            continue
        for left in (word[:cut], decode(word[:cut])):
            if is_valid_syllable(left) and (left, right) != (word[:cut], word[cut:]):
                return f"{left} {right}"
    return None


def _in_capitals_font(line: str) -> bool:
    """A TCVN3 line typed in its capitals font: its plain letters are all capitals, and a word says so, either a
    plain capital after a code ("HO¹CH", "®µO") or a plain word ("PHONG"); document numbers ("93/KH-VP") say
    nothing, nor do initials: "Sè: 93/KH-VP" and "KÕ ho¹ch" are in small letters."""
    letters = [char for char in line if char.isascii() and char.isalpha()]
    if not letters or not all(char.isupper() for char in letters):
        return False
    words = [token for token in line.split() if not any(char in "0123456789/" for char in token)]
    return any(
        any(char.isascii() and char.isupper() for char in word[1:]) and (max(map(ord, word)) > 127 or word.isalpha())
        for word in (match.group() for token in words for match in _LEGACY_WORD_RE.finditer(token))
    )


def _line_font(line: str) -> tuple[Callable[[str], str] | None, dict[int, str]]:
    """The old font a line is written in (its decoder), with its words' readings; None when nothing says."""
    words = [match for match in _LEGACY_WORD_RE.finditer(line) if max(map(ord, match.group())) > 127]
    if all(is_valid_syllable(match.group()) for match in words):
        return None, {}  # no word a font could be sure of: the common case, correct Unicode text
    vni, vni_sure = _font_readings(words, _decode_vni)
    tcvn3, tcvn3_sure = _font_readings(words, _decode_tcvn3)
    codes = set("".join(match.group() for match in words))
    signs = (bool(codes & _VNI_ONLY), bool(codes & _TCVN3_ONLY))
    if signs == (True, False) or (signs == (False, False) and vni_sure > tcvn3_sure):
        return _decode_vni, vni
    if signs == (False, True) or (signs == (False, False) and tcvn3_sure > vni_sure):
        return _decode_tcvn3, tcvn3
    return None, {}  # no sign of one font more than the other: left as written (the quality check reports it)


def _document_readings(line: str, decode: Callable[[str], str]) -> dict[int, str]:
    """In a document written in one old font, a line that says nothing itself ("Sè: 93/KH-VP") is read in it
    too: each word of cp1252 letters whose reading is a syllable. A line with a Unicode Vietnamese letter
    is Unicode text, left as it is."""
    if any(char.isalpha() and ord(char) > 0xFF for char in line):
        return {}
    readings = {}
    for match in _LEGACY_WORD_RE.finditer(line):
        word = match.group()
        reading = decode(word)
        surely = _SURELY_CODES & set(word) and reading.isalpha() and not _SURELY_CODES & set(reading)
        if max(map(ord, word)) > 127 and reading != word and (is_valid_syllable(reading) or surely):
            readings[match.start()] = reading
    return readings


#: A name's word in TCVN3 whose capital has no code (".VnTime" has none for "Á", "Ý", "Ổ" …): typed in small letters
#: between two capitalised words, or last ("Phạm Thị ¸nh Nguyệt" is "Phạm Thị Ánh Nguyệt").
_NAME_BEFORE_RE = re.compile(r"(?:^|[\s'’])[A-ZĐ][^\W\d_]*\s+$")
_NAME_AFTER_RE = re.compile(r"^(?:\s+[A-Z§]|\s*(?:$|[\t\x1e\x1f,;()]))")


def _capital_lost(before: str, after: str, reading: str, decode: Callable[[str], str]) -> bool:
    """`before`: the line up to the word, already read; `after`: the line after it, as written."""
    return (
        decode is _decode_tcvn3
        and reading[:1] != reading[:1].upper()
        and unicodedata.normalize("NFD", reading[:1])[0] in "aeiouy"
        and reading[:1] not in "aeiouy"
        and bool(_NAME_BEFORE_RE.search(before))
        and bool(_NAME_AFTER_RE.match(after))
    )


def _rewrite(line: str, readings: dict[int, str], decode: Callable[[str], str]) -> str:
    pieces, position = [], 0
    for start, reading in sorted(readings.items()):
        end = _LEGACY_WORD_RE.match(line, start).end()
        if _capital_lost("".join(pieces) + line[position:start], line[end:], reading, decode):
            reading = reading[:1].upper() + reading[1:]
        pieces += [line[position:start], reading]
        position = end
    fixed = "".join(pieces) + line[position:]
    return fixed.upper() if decode is _decode_tcvn3 and _in_capitals_font(line) else fixed


#: Lines a font must have been recognised in, and no line in the other, for it to be the document's font. (A line
#: retyped in Unicode with Latin-1 letters only, "Tháng 5", would then be read in that font: rare, accepted.)
DOCUMENT_FONT_LINES = 3


def fix_legacy_fonts(text: str) -> str:
    """Decode the words of lines left in a VNI or TCVN3 font; correct Unicode words and lines stay as they are."""
    lines = text.split("\n")
    fonts = [_line_font(line) for line in lines]
    used = Counter(decode for decode, _readings in fonts if decode is not None)
    document_font = next(iter(used)) if len(used) == 1 and sum(used.values()) >= DOCUMENT_FONT_LINES else None
    fixed = []
    for line, (decode, readings) in zip(lines, fonts, strict=True):
        if decode is None and document_font is not None:
            decode, readings = document_font, _document_readings(line, document_font)
        fixed.append(_rewrite(line, readings, decode) if readings else line)
    return "\n".join(fixed)


#: A faulty TCVN3 conversion writes "ì" as "ỡ" ("chương trỡnh", "tỡnh hỡnh"): no Vietnamese syllable ends in "ơnh" or
#: "ơch", so such a word is read back when the result is a syllable.
_SWAPPED_I_RE = re.compile(r"[ỡỠ](?=(?:nh|ch|NH|CH)\b)")


def fix_word(word: str) -> str:
    """Move a single misplaced tone mark (on a consonant or wrong vowel) onto the right vowel; read back an "ì" a
    faulty conversion wrote as "ỡ"."""
    if _SWAPPED_I_RE.search(word):
        read = _SWAPPED_I_RE.sub(lambda m: "ì" if m.group() == "ỡ" else "Ì", word)
        if is_valid_syllable(read):
            return read
    base, marks = split_tone(word)
    if len(marks) != 1 or any(unicodedata.combining(c) for c in base):
        return word
    index, mark = marks[0]
    positions = tone_positions(base.lower())
    if not positions or index in positions:
        return word
    moved = place_tone(base, mark)
    if moved is None or not is_valid_syllable(moved):
        return word
    return moved


def _fix_stray_marks(text: str) -> str:
    """Give tone marks typed after a space back to the preceding syllable."""

    def repl(match: re.Match[str]) -> str:
        word, spaces, mark = match.groups()
        candidate = fix_word(unicodedata.normalize("NFC", word + mark))
        if is_valid_syllable(candidate) and split_tone(candidate)[1]:
            return candidate + spaces
        return match.group(0)

    return _STRAY_RE.sub(repl, text)


#: Fragments that spell a syllable but are no word on their own: "gi ống" is "giống", "qu ốc" "quốc".
_ONSET_ONLY = frozenset({"gi", "qu"})
#: A fragment of a word with the punctuation after it: "ố”;" of "chuyển đổi s ố”;".
_WORD_THEN_MARKS_RE = re.compile(r"^(\w+)(\W+)$")


def _can_glue(left: str, right: str) -> str | None:
    """Return the joined syllable if two fragments are one broken word, else None."""
    if left.isupper() and right.isupper() and len(left + right) > 2:  # a heading's "HUY ỆN", "VI ỆT NAM"
        joined = _can_glue(left.lower(), right.lower())
        return joined.upper() if joined else None
    if not right[0].islower() or not (left.islower() or left.istitle()):
        return None
    joined = fix_word(unicodedata.normalize("NFC", left + right))
    if not is_valid_syllable(joined):
        return None
    left_ok, right_ok = is_valid_syllable(left), is_valid_syllable(right)
    if left_ok and right_ok and left.lower() not in _ONSET_ONLY:
        first = split_tone(right.lower())[0][:1]
        if parse_toneless(split_tone(right.lower())[0]) is None or first not in "aăâeêioôơuưy":
            return None
        if right.lower() in REAL_VOWEL_INITIAL:
            return None
    return joined


def _join_fragments(line: str) -> str:
    """Rejoin syllables split by a stray space ("đo àn" -> "đoàn")."""
    parts = re.split(r"( )", line)
    out: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if out and len(out) >= 2 and out[-1] == " " and WORD_RE.fullmatch(out[-2] or "-"):
            found = _WORD_THEN_MARKS_RE.match(part) if out[-2].islower() else None  # not "Hà N i," of an OCR
            word, marks = found.groups() if found else (part, "")
            joined = _can_glue(out[-2], word) if WORD_RE.fullmatch(word or "-") else None
            if joined is not None:
                out[-2:] = [joined + marks]
                i += 1
                continue
        out.append(part)
        i += 1
    return "".join(out)


def _is_structural(line: str) -> bool:
    """True for list items and numbered headings."""
    return bool(_LIST_START_RE.match(line) or _HEADING_START_RE.match(line))


def _wrap_width(lines: list[str]) -> int | None:
    """Line length above which a line looks hard-wrapped (PDF dumps), or None."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 8:
        return None
    open_ended = sum(1 for line in lines if line and not line.endswith(tuple(_TERMINAL + ";")))
    if open_ended * 2 < len(lengths):
        return None  # most lines end a sentence: not a hard-wrapped dump
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    if not 40 <= p90 <= 160:
        return None
    return int(p90 * 0.7)


_PARAGRAPH_OPENERS = ("Thực hiện", "Căn cứ", "Trên đây", "Nơi nhận", "Số:", "Kính gửi")
#: The same as an OCR without diacritics leaves them ("Can cu Luat …").
_PARAGRAPH_OPENERS += ("Thuc hien ", "Can cu ", "Tren day", "Noi nhan", "So:", "Kinh gui")
#: "Số hiệu: 02/2015/TT-NHNN", "Nơi ban hành: …": a label of up to four words and its value, a line of its own.
_LABEL_LINE_RE = re.compile(r"^[^\W\d_][^\W_]*(?: [^\W_]+){0,3}: \S")


def _is_table_row(line: str) -> bool:
    """A table's row written on one line, its cells kept apart by " | "."""
    return " | " in line and line.count("|") >= 2


def _continues(prev: str, nxt: str, width: int | None) -> bool:
    """Whether line ``nxt`` continues the sentence whose last physical line is ``prev``."""
    if not prev or not nxt or _is_structural(nxt) or prev.endswith(tuple(_TERMINAL)):
        return False
    if _is_table_row(prev) or _is_table_row(nxt):  # a row of a table, its cells side by side, is a line of its own
        return False
    if nxt[0].islower():
        return True
    if width is None or len(prev) < width or prev.endswith(";") or nxt.startswith(_PARAGRAPH_OPENERS):
        return False
    if _LABEL_LINE_RE.match(nxt):
        return False
    first_word = nxt.split(" ", 1)[0]
    if _is_caps(prev) or (_is_caps(first_word) and len(first_word) > 1):
        return False  # headers, titles and acronym-led lines are not wrapped text
    return nxt[0].isalnum() or nxt[0] in '“"('


def _is_caps(text: str) -> bool:
    """True if the text has letters and none is lowercase."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def join_wrapped_lines(text: str) -> str:
    """Join hard-wrapped lines of one paragraph, keeping paragraph breaks and list items."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    out: list[str] = []
    last_piece: list[str] = []  # last physical line of each joined line
    for line in lines:
        if line:
            # Find the previous non-empty line across at most two blank lines.
            back = len(out) - 1
            while back >= 0 and not out[back] and len(out) - back <= 2:
                back -= 1
            blanks = len(out) - 1 - back
            if back >= 0 and out[back] and _continues(last_piece[back], line, width if blanks <= 1 else None):
                out[back] = out[back] + " " + line
                last_piece[back] = line
                del out[back + 1 :], last_piece[back + 1 :]
                continue
        out.append(line)
        last_piece.append(line)
    return "\n".join(out)


def _normalise_spaces(text: str) -> str:
    """Collapse spaces, drop spaces before punctuation, trim lines and blank runs."""
    text = _SPACES_RE.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    lines = [_SPACE_BEFORE_PUNCT_RE.sub("", line) for line in lines]
    text = "\n".join(lines)
    # Keep up to two blank lines: a double blank marks a hard break in PDF dumps.
    text = re.sub(r"\n{4,}", "\n\n\n", text)
    return text.strip()


def _repair_once(text: str) -> str:
    """One pass of every repair step."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH_RE.sub("", text).translate(_LEGACY)
    text = fix_legacy_fonts(fix_mojibake(text))
    text = unicodedata.normalize("NFC", text)
    text = _fix_stray_marks(text)
    text = WORD_RE.sub(lambda m: fix_word(m.group(0)), text)
    text = unicodedata.normalize("NFC", text)
    text = _TYPO_RE.sub(lambda m: _TYPOS[m.group(0)], text)
    text = _normalise_spaces(text)
    text = "\n".join(_join_fragments(line) for line in text.split("\n"))
    text = join_wrapped_lines(text)
    return _normalise_spaces(unicodedata.normalize("NFC", text))


def repair_vietnamese(text: str) -> str:
    """Return a clean NFC version of Vietnamese text (idempotent; correct text is kept)."""
    for _ in range(_MAX_ROUNDS):
        repaired = _repair_once(text)
        if repaired == text:
            return repaired
        text = repaired
    return text

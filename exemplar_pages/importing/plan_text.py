"""Shared patterns and helpers for parsing plans: dates, numbers, names, localities."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from cms.vietnamese import is_valid_syllable

DATE_NUMERIC_RE = re.compile(r"(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])")
DATE_WORDS_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
DAY_MONTH_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
DOC_NUMBER = r"\d+(?:\s*[/-]\s*[0-9A-ZĐa-zđ][0-9A-ZĐa-zđ.]*)+"
DOC_TYPES = (
    "Kế hoạch",
    "Công văn",
    "Chỉ thị",
    "Nghị quyết",
    "Quyết định",
    "Nghị định",
    "Thông tư",
    "Luật",
    "Hướng dẫn",
    "Thông báo",
    "Kết luận",
    "Chương trình",
    "Đề án",
    "Báo cáo",
    "Pháp lệnh",
)
LOCALITY_UNITS = ("thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")
ORG_WORDS = (
    "sở",
    "phòng",
    "ban",
    "cục",
    "chi cục",
    "trung tâm",
    "trường",
    "hội",
    "đài",
    "viện",
    "bệnh viện",
    "vụ",
    "đoàn",
    "công an",
    "bộ chỉ huy",
    "ban chỉ huy",
)
_UNIT_RE = "|".join(LOCALITY_UNITS)
LOCALITY_RE = re.compile(rf"\b({_UNIT_RE})\s+([^\W\d_]+(?:\s+[^\W\d_]+){{0,3}})")
MARKDOWN_RE = re.compile(r"\*\*|__|^#{1,6}\s*|^>\s*", re.MULTILINE)


def make_date(day: str | int, month: str | int, year: str | int) -> dt.date | None:
    """A date from parts, or None if impossible."""
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The first full date in a text ("27/02/2023" or "ngày 5 tháng 3 năm 2024")."""
    found = find_dates(text)
    return found[0][0] if found else None


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """All full dates in a text with their (start, end) offsets, in order."""
    out = []
    for regex in (DATE_NUMERIC_RE, DATE_WORDS_RE):
        for m in regex.finditer(text):
            date = make_date(*m.groups())
            if date:
                out.append((date, m.start(), m.end()))
    return sorted(out, key=lambda item: item[1])


def normalise_number(raw: str) -> str:
    """ "45 /KH-UBND" -> "45/KH-UBND"."""
    return re.sub(r"\s+", "", raw).rstrip(".")


def strip_markdown(text: str) -> str:
    """Remove markdown emphasis and heading markers."""
    return MARKDOWN_RE.sub("", text)


def is_allcaps(text: str) -> bool:
    """True if the text has letters and none of them is lowercase."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def caps_to_name(text: str) -> str:
    """ "ỦY BAN NHÂN DÂN XÃ TÂN PHONG" -> "Ủy ban nhân dân xã Tân Phong" (acronyms kept)."""
    words = text.split()
    out: list[str] = []
    proper = capitalise_next = False
    for i, word in enumerate(words):
        lower = word.lower()
        if not is_valid_syllable(word) or any(c.isdigit() for c in word):
            out.append(word)  # acronym or code
        elif proper or capitalise_next or i == 0:
            out.append(lower[:1].upper() + lower[1:])
        else:
            out.append(lower)
        pair = " ".join(w.lower() for w in words[max(0, i - 1) : i + 1])
        capitalise_next = (i == 0 and lower in ORG_WORDS) or pair in ("trung tâm", "chi cục", "bệnh viện")
        if lower in LOCALITY_UNITS or pair in LOCALITY_UNITS:
            nxt = words[i + 1].lower() if i + 1 < len(words) else ""
            if f"{lower} {nxt}" not in LOCALITY_UNITS:
                proper = True
    return " ".join(out)


def _is_name_word(word: str) -> bool:
    """A capitalised Vietnamese word such as "Tân" (not an acronym)."""
    return word[:1].isupper() and (len(word) == 1 or not is_allcaps(word)) and is_valid_syllable(word)


def locality_names(text: str) -> Counter[tuple[str, str]]:
    """Count "<unit> <Proper Name>" mentions such as ("huyện", "Tân Biên")."""
    counts: Counter[tuple[str, str]] = Counter()
    for m in LOCALITY_RE.finditer(text):
        words: list[str] = []
        for word in m.group(2).split():
            if not _is_name_word(word):
                break
            words.append(word)
        if words:
            counts[(m.group(1), " ".join(words))] += 1
    return counts


def expand_locality(name: str, text: str) -> str:
    """Complete a name ending with a bare unit ("UBND huyện") with the locality found in the text."""
    for unit in LOCALITY_UNITS:
        if name.lower().endswith(" " + unit) or name.lower() == unit:
            candidates = [(n, c) for (u, n), c in locality_names(text).items() if u == unit]
            if candidates:
                best = max(candidates, key=lambda item: item[1])[0]
                return f"{name} {best}"
            break
    return name


def sentence_case(text: str) -> str:
    """Lower-case an ALLCAPS phrase, keeping acronyms."""
    if not is_allcaps(text):
        return text
    words = [w if not is_valid_syllable(w) else w.lower() for w in text.split()]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def lower_first(text: str) -> str:
    """Lower-case the first word unless it is an acronym or a proper-looking name."""
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and is_valid_syllable(first):
        return first.lower() + text[len(first) :]
    return text

"""Header of a plan: number, place and date, issuing body, title, period, legal basis."""

from __future__ import annotations

import datetime as dt
import re

from .plan_models import BasisReference
from .plan_text import (
    DOC_NUMBER,
    DOC_TYPES,
    LOCALITY_UNITS,
    caps_to_name,
    expand_locality,
    is_allcaps,
    lower_first,
    make_date,
    normalise_number,
    parse_date,
    sentence_case,
)

NUMBER_RE = re.compile(rf"\bSố\s*:?\s*({DOC_NUMBER})")
PLACE_DATE_RE = re.compile(
    r"([^\W\d_]+(?:\s+[^\W\d_]+){0,4})\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
)
BLANK_DATE_RE = re.compile(r",\s*ngày\s+(?:\.+|…+|\s)*tháng\s+(?:\.+|…+|\s)*năm\s+\d{4}")
MOTTO_RE = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc"
    r"|[-_=—–.…*]{3,}|o0o|-oOo-",
    re.IGNORECASE,
)
TITLE_LINE_RE = re.compile(r"^KẾ\s+HOẠCH\b\s*[:.]?\s*(.*)$")
PUBLISHED_RE = re.compile(
    r"^(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật|Ngày\s+đăng:?|Đăng\s+ngày:?|Cập\s+nhật:?)\s*[-,:]?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})",
    re.IGNORECASE,
)
PERIOD_RANGE_RE = re.compile(
    r"(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm)?\s*((?:19|20)\d{2})\s*(?:-|–|—|đến(?:\s+năm)?)\s*((?:19|20)\d{2})"
)
PERIOD_YEAR_RE = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b")
BODY_START_RE = re.compile(r"^(?:Thực hiện|Căn cứ|Triển khai|[IVX]+\.\s)")
BASIS_VERB_RE = re.compile(r"^(Thực hiện|Căn cứ|Triển khai|Theo)\s+(.*)$", re.DOTALL)
_DOC_TYPE_RE = re.compile(
    r"^(?:các\s+|nội dung\s+)?(" + "|".join(DOC_TYPES) + r")\b\s*(.*)$", re.DOTALL | re.IGNORECASE
)
OPENING_RE = re.compile(
    r"^([A-ZĐÀ-Ỹ][^;:]{2,120}?)\s+(?:ban hành|xây dựng|triển khai|đề ra|lập)\s+(?:Kế hoạch|kế hoạch)\b"
)


def find_title(lines: list[str]) -> tuple[int | None, str | None, int]:
    """(index of the "KẾ HOẠCH" line, title, index of the first line after the title)."""
    for i, line in enumerate(lines[:40]):
        m = TITLE_LINE_RE.match(line)
        if not m:
            continue
        subject = m.group(1).strip()
        end = i + 1
        if not subject and end < len(lines) and not BODY_START_RE.match(lines[end]):
            subject, end = lines[end], end + 1
        if not subject:
            return i, None, end
        subject = lower_first(sentence_case(subject.strip(" .")))
        return i, f"Kế hoạch {subject}", end
    return None, None, 0


def parse_number(header: str) -> str | None:
    """ "Số: 93/KH-VP" -> "93/KH-VP"."""
    m = NUMBER_RE.search(header)
    return normalise_number(m.group(1)) if m else None


def parse_place_date(header: str) -> tuple[str | None, dt.date | None]:
    """ "Đồng Nai, ngày 13 tháng 01 năm 2023" -> ("Đồng Nai", date(2023, 1, 13))."""
    m = PLACE_DATE_RE.search(header)
    if not m:
        return None, None
    words = m.group(1).split()
    place_words: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or (len(word) > 1 and is_allcaps(word)):
            break
        place_words.insert(0, word)
    if not place_words and all(is_allcaps(w) for w in words[-2:]):
        place_words = [caps_to_name(w).title() for w in words[-2:]]
    place = " ".join(place_words) or None
    return place, make_date(m.group(2), m.group(3), m.group(4))


def header_body_name(header_lines: list[str]) -> str | None:
    """Issuing body from the header block (ALLCAPS lines left of the national motto)."""
    names: list[str] = []
    for line in header_lines:
        line = NUMBER_RE.sub(" ", line)
        line = PLACE_DATE_RE.sub(" ", line)
        line = BLANK_DATE_RE.sub(" ", line)
        line = MOTTO_RE.sub(" ", line)
        line = re.sub(r"^\s*Số\s*:.*$", " ", line)
        line = " ".join(line.split())
        if line and is_allcaps(line) and not TITLE_LINE_RE.match(line):
            names.append(line)
    if not names:
        return None
    child = caps_to_name(names[-1])
    if len(names) == 1:
        return child
    parent = caps_to_name(" ".join(names[:-1]))
    first = child.split()[0].lower()
    if first in LOCALITY_UNITS or child.lower().startswith(("thị trấn", "thị xã", "thành phố")):
        return f"{parent} {child[0].lower()}{child[1:]}"
    if child.lower() == "văn phòng":
        return f"Văn phòng {parent}"
    locality = re.search(r"\b(?:" + "|".join(LOCALITY_UNITS) + r")\b.*$", parent)
    if locality and not re.search(r"\b(?:" + "|".join(LOCALITY_UNITS) + r")\b", child):
        return f"{child} {locality.group(0)}"
    return child


def split_clauses(paragraph: str) -> list[str]:
    """Split a preamble paragraph at ";" and before a comma-joined opening sentence."""
    clauses: list[str] = []
    for part in re.split(r";\s*", paragraph):
        start = 0
        for m in re.finditer(r",\s*", part):
            rest = part[m.end() :]
            if rest[:1].isupper() and OPENING_RE.match(rest):
                clauses.append(part[start : m.start()])
                start = m.end()
                break
        clauses.append(part[start:])
    return [c.strip() for c in clauses if c.strip()]


def opening_body_name(paragraphs: list[str], full_text: str) -> str | None:
    """Issuing body from "Ủy ban nhân dân … ban hành Kế hoạch …" (locality completed)."""
    for para in paragraphs:
        for clause in split_clauses(para):
            if BASIS_VERB_RE.match(clause) or not clause[:1].isupper():
                continue
            m = OPENING_RE.match(clause)
            if m:
                return expand_locality(m.group(1).strip(), full_text)
    return None


def parse_period(title: str | None, fallback_year: int | None) -> tuple[int | None, int | None]:
    """Years covered: "giai đoạn 2021 - 2025" -> (2021, 2025); "năm 2023" -> (2023, 2023)."""
    if title:
        m = PERIOD_RANGE_RE.search(title)
        if m and int(m.group(1)) <= int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
        years = PERIOD_YEAR_RE.findall(title)
        if years:
            return int(years[-1]), int(years[-1])
    if fallback_year:
        return fallback_year, fallback_year
    return None, None


def parse_published(lines: list[str]) -> dt.date | None:
    """Publication date of a web page dump ("Thứ sáu - 08/04/2022 13:54")."""
    for line in lines[:8]:
        m = PUBLISHED_RE.match(line)
        if m:
            return make_date(*m.groups())
    return None


def parse_reference(clause: str, inherited_verb: str | None = None) -> BasisReference | None:
    """One "Thực hiện/Căn cứ <type> số <n> ngày <d> của <issuer> về <subject>" clause."""
    clause = clause.strip().rstrip(";.,").strip()
    m = BASIS_VERB_RE.match(clause)
    if m:
        verb, rest = m.groups()
    elif inherited_verb:
        verb, rest = inherited_verb, clause
    else:
        return None
    t = _DOC_TYPE_RE.match(rest)
    if not t:
        return None
    doc_type = next(d for d in DOC_TYPES if d.lower() == t.group(1).lower())
    rest = t.group(2)
    number_m = re.match(rf"số\s*:?\s*({DOC_NUMBER})\s*", rest)
    number = normalise_number(number_m.group(1)) if number_m else None
    head, _, subject = rest.partition(" về ")
    issuer_m = re.search(r"\bcủa\s+(.+)$", head)
    issuer = issuer_m.group(1).strip() if issuer_m else None
    date_text = head if issuer_m is None else head[: issuer_m.start()]
    if not subject and not number:
        subject = re.split(r"\s+(?:ngày|của)\s", head)[0]
    return BasisReference(
        verb=verb,
        document_type=doc_type,
        number=number,
        date=parse_date(date_text),
        issuer=issuer,
        subject=subject.strip() or None,
        text=clause,
    )


def parse_basis(paragraphs: list[str]) -> list[BasisReference]:
    """All legal-basis references in the preamble paragraphs."""
    refs: list[BasisReference] = []
    for para in paragraphs:
        verb: str | None = None
        for clause in split_clauses(para):
            ref = parse_reference(clause, verb)
            if ref:
                refs.append(ref)
                verb = ref.verb
            else:
                verb = None
    return refs

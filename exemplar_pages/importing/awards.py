"""Read an award as people write it (DESIGN §3, §8): a title or form of the 2022 Law on Emulation and
Commendation, the authority and its level, the year, the decision; text that fits no form is a free award.

Pure text, no Django models: spreadsheets, the API and decisions use the same parser. Kinds and levels are
the values of ``Award.Kind`` and ``Award.Level``; titles are the names of the Law's awards (migration 0002).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.utils.translation import gettext as _

from cms.vietnamese import fold_vietnamese

from .award_forms import (
    AGENCY,
    AUTHORITY_END_RE,
    AUTHORITY_TAIL_RE,
    CERTIFICATE_RE,
    CLASSED_FORMS_RE,
    CLASSES,
    EMULATION_TITLE,
    FIXED_FORMS_RE,
    GIVER_RE,
    GOVERNMENT,
    LEVEL_ONLY_RE,
    LEVEL_WORDS,
    PLAIN_FIGHTER_RE,
    STATE,
    YEARS,
    authority_level,
    certificate_title,
    fold_aligned,
)


@dataclass(frozen=True)
class ParsedAward:
    """One award as written, and what it means under the 2022 Law (no title: a free award)."""

    text: str
    title: str = ""  # the Law's title or form, as the Award taxonomy names it
    form: str = ""  # the generic form when the title is specific ("Bằng khen" for "Bằng khen của …")
    kind: str = ""
    level: str = ""
    authority: str = ""  # as written: "Chủ tịch UBND tỉnh", "Ban Thường vụ Huyện ủy Phong Điền"
    year: int | None = None
    decision_number: str = ""
    decision_date: date | None = None
    warnings: tuple[str, ...] = ()

    @property
    def free(self) -> bool:
        """The text fits no title or form of the Law; it is kept as written."""
        return not self.title

    @property
    def decision(self) -> str:
        """“123/QĐ-UBND ngày 12/03/2024”, or what of it is known."""
        when = f"{self.decision_date:%d/%m/%Y}" if self.decision_date else ""
        if self.decision_number and when:
            return f"{self.decision_number} ngày {when}"
        return self.decision_number or (f"ngày {when}" if when else "")


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:-–—.")


class _Text:
    """A text and its folded twin of the same length; parts are cut from both at once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold_aligned(text)

    def cut(self, start: int, end: int) -> None:
        self.text = self.text[:start] + " " + self.text[end:]
        self.folded = fold_aligned(self.text)


#: "QĐ số 15/QĐ-UBND ngày …", or a decision's number alone ("(865/QĐ-LĐLĐ ngày 20/5/2022)", a list's decision column).
DECISION_RE = re.compile(
    r"[,;(]?\s*(?:\b(?:theo|tai)\s+)?(?:\b(?:quyet\s+dinh|qd)(?![a-z])\s*(?:so\s*)?[:.]?\s*(?P<number>\d+[0-9a-z/.\-]*)"
    r"|\b(?P<bare>\d+/qd[0-9a-z/.\-]*))"
    r"(?:\s*,?\s*(?:(?:ngay|ki\s+ngay)\s*)?(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}"
    r"|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))?\s*\)?"
)
DATE_PARTS_RE = re.compile(r"\d+")
#: The award's year; of several ("năm 2022, 2023", "(2022-2023, 2023-2024)"), the latest (a repeated group keeps its last).
YEAR_PATTERNS = (
    re.compile(r"\(\s*(?:nam\s+(?:hoc\s+)?)?(?P<first>\d{4})(?:\s*[-–/,;]\s*(?P<second>\d{4}))*\s*\)"),
    re.compile(r"\bnam\s+hoc\s+(?P<first>\d{4})\s*[-–/]\s*(?P<second>\d{4})\b"),
    re.compile(r"\bnam\s+(?P<first>\d{4})(?:\s*(?:[,;\-–]|va)\s*(?P<second>\d{4})\b)*\b"),
    re.compile(r"(?:^|[\s,\-–])(?P<first>\d{4})\s*$"),
)
PREFIX_RE = re.compile(
    r"^(?:(?:da\s+)?duoc\s+|dat\s+)?(?:(?:trao\s+|khen\s+)?tang\s+|cong\s+nhan\s+|nhan\s+)?"
    r"(?:(?:danh\s+hieu|hinh\s+thuc(?:\s+khen\s+thuong)?)\s*:?\s+)?"
)
QUOTES = '"“”«»'  # not the apostrophe: minority names are written H'Hen, Ea H’leo


def _decision(text: _Text) -> tuple[str, date | None]:
    match = DECISION_RE.search(text.folded)
    if not match:
        return "", None
    group = "number" if match["number"] else "bare"
    number = text.text[match.start(group) : match.end(group)].rstrip(".-/")
    when = None
    if match["date"]:
        day, month, year = (int(part) for part in DATE_PARTS_RE.findall(match["date"]))
        try:
            when = date(year, month, day)
        except ValueError:
            when = None
    text.cut(match.start(), match.end())
    return number, when


def _year(text: _Text) -> int | None:
    for pattern in YEAR_PATTERNS:
        match = pattern.search(text.folded)
        if match:
            year = int(match["second"] if match.groupdict().get("second") else match["first"])
            if YEARS[0] <= year <= YEARS[1]:
                text.cut(match.start(), match.end())
                return year
    return None


class _Form(NamedTuple):
    """A form found at the start of the text."""

    title: str
    kind: str
    level: str
    end: int
    certificate: str = ""  # the folded certificate form whose title depends on the authority
    generic: str = ""
    warning: str = ""


def _authority(text: _Text, start: int) -> tuple[str, str, bool]:
    """The authority written after a form (“của Chủ tịch UBND tỉnh”, “cấp tỉnh”), its level, and whether
    “của”/“do” introduced it."""
    lead = AUTHORITY_TAIL_RE.match(text.folded, start)
    said = bool(lead and lead["said"])
    begin = lead.end() if lead else start
    end = AUTHORITY_END_RE.search(text.folded, begin)
    authority = _tidy(text.text[begin : end.start() if end else len(text.text)].strip(" ()"))
    only_level = LEVEL_ONLY_RE.match(" ".join(fold_aligned(authority).split()))
    if only_level:
        return "", LEVEL_WORDS[" ".join(only_level["level"].split())], said
    return authority, authority_level(authority), said


def _match_form(core: _Text, start: int) -> _Form | None:
    """The title or form written at `start`, if any."""
    folded = core.folded
    for pattern, title, kind, level in FIXED_FORMS_RE:
        match = pattern.match(folded, start)
        if match:
            return _Form(title, kind, level, match.end())
    for pattern, name, kind in CLASSED_FORMS_RE:
        match = pattern.match(folded, start)
        if match:
            grade = match["grade"]
            warning = "" if grade else _("no class given for %(name)s.") % {"name": name}
            return _Form(f"{name} {CLASSES[grade]}" if grade else name, kind, STATE, match.end(), warning=warning)
    match = CERTIFICATE_RE.match(folded, start)
    if match:
        return _Form("", "", "", match.end(), certificate=" ".join(match["form"].split()))
    match = PLAIN_FIGHTER_RE.match(folded, start)
    if match:
        warning = _("no level given for the “Chiến sĩ thi đua” title; taken as the grassroots level.")
        return _Form("Chiến sĩ thi đua cơ sở", EMULATION_TITLE, AGENCY, match.end(), warning=warning)
    return None


def parse_award(text: str) -> ParsedAward:
    """Parse one award as written; never raises: what fits no form is a free award with a warning."""
    written = _tidy(unicodedata.normalize("NFC", str(text or "")))
    work = _Text(written)
    decision_number, decision_date = _decision(work)
    year = _year(work)
    if year is None and decision_date is not None:
        year = decision_date.year
    core = _Text(" ".join(work.text.translate({ord(quote): " " for quote in QUOTES}).split()))
    common = {"text": written, "year": year, "decision_number": decision_number, "decision_date": decision_date}
    prefix = PREFIX_RE.match(core.folded)
    start = prefix.end() if prefix else 0
    found, giver = _match_form(core, start), ""
    if found is None:
        giver_match = GIVER_RE.match(core.folded, start)
        if giver_match:
            giver = _tidy(core.text[start : giver_match.end("authority")])
            found = _match_form(core, giver_match.end())
    if found is None:
        warning = _(
            "“%(text)s” matches no title or form of award of the 2022 Law on Emulation and Commendation; kept verbatim."
        ) % {"text": written}
        return ParsedAward(**common, warnings=(warning,))
    if giver:
        authority, level_of_authority, said = giver, authority_level(giver), True
    else:
        authority, level_of_authority, said = _authority(core, found.end)
    title, kind, level, generic = found.title, found.kind, found.level, found.generic
    if found.certificate == "ki niem chuong" and not said:
        authority, level_of_authority = "", ""  # “Kỷ niệm chương Vì sự nghiệp …” names the medal
    if found.certificate:
        title, generic, kind, level = certificate_title(found.certificate, authority, level_of_authority)
    elif not said:
        authority = ""  # words after a title are its own, not an authority, unless “của …” says so
        if level_of_authority and title.startswith("Chiến sĩ thi đua bộ"):
            level = level_of_authority
    elif level_of_authority and kind == EMULATION_TITLE and level not in (STATE, GOVERNMENT):
        level = level_of_authority
    warnings = (f"“{written}”: {found.warning}",) if found.warning else ()
    return ParsedAward(**common, title=title, form=generic or title, kind=kind, level=level, authority=authority,
                       warnings=warnings)  # fmt: skip


def names_an_award(text: str) -> bool:
    """Whether a text is one award of the Law (a title or form found), not a free text."""
    parsed = parse_award(text)
    return not parsed.free and bool(parsed.title)


def split_if_awards(text: str, separator: str) -> list[str]:
    """A cell parted at `separator` when every part names an award ("LĐTT, GK"), else whole: a giver's comma
    ("Bộ Văn hóa, Thể thao và Du lịch") or a decision after ";" parts nothing. Years after an award's own
    ("Chiến sĩ thi đua cơ sở 2023, 2024") stay with it."""
    parts: list[str] = []
    for part in (part.strip() for part in re.split(separator, text) if part.strip()):
        if parts and _YEARS_ONLY_RE.fullmatch(part):
            parts[-1] += f", {part}"
        else:
            parts.append(part)
    awards = all(names_an_award(part) or _PRIZE_RE.match(part) for part in parts)
    return parts if len(parts) > 1 and awards else [text.strip()]


#: A prize, badge or certificate outside the Law, kept as written: "Giải Nhì cuộc thi …", "Huy hiệu Tuổi trẻ sáng
#: tạo", "Giấy chứng nhận sáng kiến …", "Bằng công nhận thôn đạt chuẩn …", "Thư khen của Chủ tịch nước".
_PRIZE_RE = re.compile(
    r"(?:giải|huy hiệu|huy chương|kỷ niệm chương|giải thưởng|giấy chứng nhận|bằng công nhận|thư khen|cúp)\s+\w"
    # the unions' own titles: "Sinh viên 5 tốt", "Học sinh 3 tốt", "Thanh niên tiên tiến làm theo lời Bác", "Top 10 …"
    r"|(?:sinh viên|học sinh|thanh niên|đoàn viên|hội viên|chi đoàn|chi hội|gia đình|công dân)\s+\d\s+tốt\b"
    r"|thanh niên tiên tiến làm theo lời bác\b|gương mặt trẻ\b|top\s+\d+\s+\w",
    re.IGNORECASE,
)
_YEARS_ONLY_RE = re.compile(r"(?:(?:năm\s+)?(?:19|20)\d{2}\s*(?:[-–,]\s*)?)+", re.IGNORECASE)
#: What a cell of awards, or a cell under an award's column, writes when there is none ("chưa có", "Không", "0"),
#: folded.
NO_AWARD = frozenset(
    {
        "khong",
        "khong co",
        "chua co",
        "chua",
        "chua duoc khen",
        "khong co khen thuong",
        "k",
        "ko",
        "kh",
        "khong co gi",
        "chua duoc khen thuong",
        "chua co khen thuong",
        "no",
        "-",
        "–",
        "0",
        "✗",
        "☐",
    }
)


def gives_no_award(text: str) -> bool:
    """A cell's text that names no award: nothing, a dash, "Không", "chưa có"."""
    folded = fold_vietnamese(text).lower().strip(" .-–—_/*+•()[]")  # "(chưa)" too
    return not folded or folded in NO_AWARD

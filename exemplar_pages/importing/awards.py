"""Read an award as people write it (DESIGN §3, §8): a title or form of the 2022 Law on Emulation and
Commendation, the authority and its level, the year, the decision; text that fits no form is a free award.

Pure text, no Django models: spreadsheets, the API and decisions use the same parser. Kinds and levels are
the values of ``Award.Kind`` and ``Award.Level``; titles are the names of the Law's awards (migration 0002).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.utils.translation import gettext as _

from cms.vietnamese import fold_vietnamese

# Award.Kind values.
EMULATION_TITLE = "danh-hieu"
ORDER = "huan-chuong"
MEDAL = "huy-chuong"
HONORARY_TITLE = "danh-hieu-vinh-du"
PRIZE = "giai-thuong"
COMMEMORATIVE_MEDAL = "ky-niem-chuong"
CERTIFICATE_OF_MERIT = "bang-khen"
CERTIFICATE_OF_COMMENDATION = "giay-khen"

# Award.Level values.
STATE = "nha-nuoc"
GOVERNMENT = "chinh-phu"
MINISTRY = "bo-nganh"
PROVINCE = "tinh"
DISTRICT = "huyen"
COMMUNE = "xa"
AGENCY = "co-quan"

YEARS = (1945, 2100)
CLASSES = {"nhat": "hạng Nhất", "nhi": "hạng Nhì", "ba": "hạng Ba", "i": "hạng Nhất", "ii": "hạng Nhì"}
CLASSES.update({"iii": "hạng Ba", "1": "hạng Nhất", "2": "hạng Nhì", "3": "hạng Ba"})
#: Cities under the central government: "UBND thành phố Đà Nẵng" is a province, "… thành phố Vinh" a district.
CENTRAL_CITIES = r"(?:ha noi|(?:ho chi minh|hcm)|hai phong|da nang|can tho|hue)"

#: Generic forms, for a certificate whose authority is missing or is not one the Law names.
MERIT = "Bằng khen"
COMMENDATION = "Giấy khen"


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


def _fold(text: str) -> str:
    """Fold character by character, so that positions in the folded text are positions in the text."""
    return "".join(fold_vietnamese(char)[:1] or char for char in text)


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:-–—.")


class _Text:
    """A text and its folded twin of the same length; parts are cut from both at once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = _fold(text)

    def cut(self, start: int, end: int) -> None:
        self.text = self.text[:start] + " " + self.text[end:]
        self.folded = _fold(self.text)


DECISION_RE = re.compile(
    r"[,;(]?\s*(?:\b(?:theo|tai)\s+)?\b(?:quyet\s+dinh|qd)(?![a-z])\s*(?:so\s*)?[:.]?\s*(?P<number>\d+[0-9a-z/.\-]*)"
    r"(?:\s*,?\s*(?:ngay|ky\s+ngay)\s*(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}"
    r"|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))?\s*\)?"
)
DATE_PARTS_RE = re.compile(r"\d+")
YEAR_PATTERNS = (
    re.compile(r"\(\s*(?:nam\s+(?:hoc\s+)?)?(?P<first>\d{4})(?:\s*[-–/]\s*(?P<second>\d{4}))?\s*\)"),
    re.compile(r"\bnam\s+hoc\s+(?P<first>\d{4})\s*[-–/]\s*(?P<second>\d{4})\b"),
    re.compile(r"\bnam\s+(?P<first>\d{4})\b"),
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
    number = text.text[match.start("number") : match.end("number")].rstrip(".-/")
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


# --- The authority and its level ------------------------------------------------------------------------

PEOPLES_COMMITTEE = r"(?:ubnd|uy\s+ban\s+nhan\s+dan|ub\s+nd|hdnd|hoi\s+dong\s+nhan\s+dan)"
LEVEL_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\bchu\s+tich\s+nuoc\b|\bctn\b"), STATE),
    (re.compile(r"\bthu\s+tuong\b|\bttg\b|\bchinh\s+phu\b"), GOVERNMENT),
    (
        re.compile(
            r"\bbo\b(?!\s+(?:chi\s+huy|doi))|\bbo\s+truong\b|\btrung\s+uong\b|\btw\b|\btong\s+lien\s+doan\b"
            r"|\btoi\s+cao\b|\bngan\s+hang\s+nha\s+nuoc\b|\bkiem\s+toan\s+nha\s+nuoc\b|\bviet\s+nam\b|\bquoc\s+hoi\b"
        ),
        MINISTRY,
    ),
    (
        re.compile(
            PEOPLES_COMMITTEE + r"\s+(?:cap\s+)?(?P<unit>tinh|thanh\s+pho|tp\.?|huyen|quan|thi\s+xa|xa|phuong"
            r"|thi\s+tran|dac\s+khu)\b\s*(?P<name>\S*(?:\s+\S+)?)"
        ),
        lambda match: _unit_level(match["unit"], match["name"]),
    ),
    (
        re.compile(
            r"^(?:giam\s+doc|thu\s+truong|hieu\s+truong|truong\s+(?:phong|ban|khoa)|cuc\s+truong"
            r"|vien\s+truong|tong\s+giam\s+doc|chanh\s+van\s+phong|chi\s+cuc\s+truong|chu\s+nhiem"
            r"|chi\s+huy\s+truong|tu\s+lenh|chinh\s+uy)\b"
        ),
        AGENCY,
    ),
    (re.compile(r"\btinh\s+(?:uy|doan)\b"), PROVINCE),
    (re.compile(r"\b(?:huyen|quan|thi)\s+(?:uy|doan)\b"), DISTRICT),
    (
        re.compile(r"\bthanh\s+(?:uy|doan)\b\s*(?P<name>\S*(?:\s+\S+)?)"),
        lambda match: PROVINCE if re.match(CENTRAL_CITIES, match["name"]) else DISTRICT,
    ),
    (re.compile(r"\bdang\s+uy\s+(?:xa|phuong|thi\s+tran)\b"), COMMUNE),
    (re.compile(r"\b(?:cap\s+)?tinh\b"), PROVINCE),
    (
        re.compile(r"\b(?:thanh\s+pho|tp\.?)\s*(?P<name>\S*(?:\s+\S+)?)"),
        lambda match: PROVINCE if re.match(CENTRAL_CITIES, match["name"]) else DISTRICT,
    ),
    (re.compile(r"\b(?:huyen|thi\s+xa|quan\s+(?!khu|doi|su|chung|doan|ky|nhan|y\b)\w)"), DISTRICT),
    (re.compile(r"\b(?:xa\b(?!\s+hoi)|phuong\b|thi\s+tran\b)"), COMMUNE),
    (re.compile(r"\bco\s+so\b"), AGENCY),
)


def _unit_level(unit: str, name: str) -> str:
    if unit == "tinh":
        return PROVINCE
    if unit.startswith(("thanh", "tp")):
        return PROVINCE if re.match(CENTRAL_CITIES, name) else DISTRICT
    if unit in ("xa", "phuong") or unit.startswith("thi tran"):
        return COMMUNE
    return DISTRICT


def authority_level(authority: str) -> str:
    """The level of an authority as written: “Chủ tịch UBND tỉnh” → province; "" when it says nothing."""
    folded = " ".join(_fold(unicodedata.normalize("NFC", authority or "")).split())
    for pattern, level in LEVEL_RULES:
        match = pattern.search(folded)
        if match:
            return level(match) if callable(level) else level
    return AGENCY if folded else ""


def _is_peoples_committee(authority: str) -> bool:
    return bool(re.search(PEOPLES_COMMITTEE, _fold(authority)))


# --- Titles and forms -------------------------------------------------------------------------------------

#: (folded pattern at the start of the text, title, kind, level); the first that matches wins.
FIXED_FORMS: tuple[tuple[str, str, str, str], ...] = (
    (r"ba\s+me\s+viet\s+nam\s+anh\s+hung", "Bà mẹ Việt Nam anh hùng", HONORARY_TITLE, STATE),
    (
        r"anh\s+hung\s+luc\s+luong\s+vu\s+trang(?:\s+nhan\s+dan)?",
        "Anh hùng Lực lượng vũ trang nhân dân",
        HONORARY_TITLE,
        STATE,
    ),
    (r"anh\s+hung\s+lao\s+dong", "Anh hùng Lao động", HONORARY_TITLE, STATE),
    *[
        (rf"{folded}\s+{grade_folded}", f"{name} {grade}", HONORARY_TITLE, STATE)
        for folded, name in (
            (r"nha\s+giao", "Nhà giáo"),
            (r"thay\s+thuoc", "Thầy thuốc"),
            (r"nghe\s+si", "Nghệ sĩ"),
            (r"nghe\s+nhan", "Nghệ nhân"),
        )
        for grade_folded, grade in ((r"nhan\s+dan", "nhân dân"), (r"uu\s+tu", "ưu tú"))
    ],
    (r"giai\s+thuong\s+ho\s+chi\s+minh", "Giải thưởng Hồ Chí Minh", PRIZE, STATE),
    (r"giai\s+thuong\s+nha\s+nuoc", "Giải thưởng Nhà nước", PRIZE, STATE),
    (r"(?:chien\s+si\s+thi\s+dua|cstd)\s+toan\s+quoc", "Chiến sĩ thi đua toàn quốc", EMULATION_TITLE, GOVERNMENT),
    (
        r"(?:chien\s+si\s+thi\s+dua|cstd)\s+(?:cap\s+)?(?:bo|nganh|doan\s+the)\b"
        r"(?:\s*,\s*(?:ban|nganh|tinh|doan\s+the(?:\s+trung\s+uong)?)\b)*",
        "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
        EMULATION_TITLE,
        MINISTRY,
    ),
    (
        r"(?:chien\s+si\s+thi\s+dua|cstd)\s+(?:cap\s+)?(?:tinh|thanh\s+pho)\b",
        "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
        EMULATION_TITLE,
        PROVINCE,
    ),
    (r"(?:chien\s+si\s+thi\s+dua|cstd)\s*(?:cap\s+)?co\s+so|cstdcs", "Chiến sĩ thi đua cơ sở", EMULATION_TITLE, AGENCY),
    (r"chien\s+si\s+tien\s+tien", "Chiến sĩ tiên tiến", EMULATION_TITLE, AGENCY),
    (r"tap\s+the\s+lao\s+dong\s+xuat\s+sac|ttldxs", "Tập thể lao động xuất sắc", EMULATION_TITLE, AGENCY),
    (r"tap\s+the\s+lao\s+dong\s+tien\s+tien|ttldtt", "Tập thể lao động tiên tiến", EMULATION_TITLE, AGENCY),
    (r"don\s+vi\s+quyet\s+thang", "Đơn vị quyết thắng", EMULATION_TITLE, AGENCY),
    (r"don\s+vi\s+tien\s+tien", "Đơn vị tiên tiến", EMULATION_TITLE, AGENCY),
    (r"lao\s+dong\s+tien\s+tien|ldtt", "Lao động tiên tiến", EMULATION_TITLE, AGENCY),
    (r"co\s+thi\s+dua\s+(?:cua\s+)?chinh\s+phu", "Cờ thi đua của Chính phủ", EMULATION_TITLE, GOVERNMENT),
    (r"gia\s+dinh\s+van\s+hoa", "Gia đình văn hóa", EMULATION_TITLE, COMMUNE),
    (
        r"(?:thon|to\s+dan\s+pho|khu\s+dan\s+cu|khu\s+pho|ap|ban|buon|bon|lang|xom|khom|plei|soc)(?:\s*,\s*to\s+dan\s+pho)?"
        r"\s+van\s+hoa",
        "Thôn, tổ dân phố văn hóa",
        EMULATION_TITLE,
        COMMUNE,
    ),
    (r"huan\s+chuong\s+sao\s+vang", "Huân chương Sao vàng", ORDER, STATE),
    (r"huan\s+chuong\s+ho\s+chi\s+minh", "Huân chương Hồ Chí Minh", ORDER, STATE),
    (r"huan\s+chuong\s+dung\s+cam", "Huân chương Dũng cảm", ORDER, STATE),
    (r"huan\s+chuong\s+dai\s+doan\s+ket(?:\s+dan\s+toc)?", "Huân chương Đại đoàn kết dân tộc", ORDER, STATE),
    (r"huan\s+chuong\s+huu\s+nghi", "Huân chương Hữu nghị", ORDER, STATE),
    (r"huy\s+chuong\s+quan\s+ky\s+quyet\s+thang", "Huy chương Quân kỳ quyết thắng", MEDAL, STATE),
    (r"huy\s+chuong\s+vi\s+an\s+ninh\s+to\s+quoc", "Huy chương Vì an ninh Tổ quốc", MEDAL, STATE),
    (r"huy\s+chuong\s+huu\s+nghi", "Huy chương Hữu nghị", MEDAL, STATE),
)
FIXED_FORMS_RE = [(re.compile(rf"(?:{pattern})\b"), title, kind, level) for pattern, title, kind, level in FIXED_FORMS]
CLASS_PATTERN = r"(?:\s*[,\-–]?\s*hang\s*(?P<grade>nhat|nhi|ba|iii|ii|i|1|2|3)\b)?"
#: Orders and medals in three classes: (folded name, name, kind).
CLASSED_FORMS_RE = [
    (re.compile(rf"{prefix}\s+{folded}\b{CLASS_PATTERN}"), name, kind)
    for prefix, folded, name, kind in (
        (r"(?:huan\s+chuong|hc)", r"doc\s+lap", "Huân chương Độc lập", ORDER),
        (r"(?:huan\s+chuong|hc)", r"quan\s+cong", "Huân chương Quân công", ORDER),
        (r"(?:huan\s+chuong|hc)", r"lao\s+dong", "Huân chương Lao động", ORDER),
        (r"(?:huan\s+chuong|hc)", r"bao\s+ve\s+to\s+quoc", "Huân chương Bảo vệ Tổ quốc", ORDER),
        (r"(?:huan\s+chuong|hc)", r"chien\s+cong", "Huân chương Chiến công", ORDER),
        (r"huy\s+chuong", r"chien\s+si\s+ve\s+vang", "Huy chương Chiến sĩ vẻ vang", MEDAL),
    )
]
#: Forms whose title depends on the authority: (folded pattern, handler name).
CERTIFICATE_RE = re.compile(r"(?P<form>bang\s+khen|giay\s+khen|co\s+thi\s+dua|ky\s+niem\s+chuong|bk|gk)\b")
AUTHORITY_TAIL_RE = re.compile(r"\s*[,:\-–(]?\s*(?P<said>(?:cua|do)\s+)?")
LEVEL_ONLY_RE = re.compile(
    r"^(?:cap\s+)?(?P<level>tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong|co\s+so|bo|nganh|trung\s+uong|nha\s+nuoc)$"
)
LEVEL_WORDS = {"tinh": PROVINCE, "thanh pho": PROVINCE, "huyen": DISTRICT, "quan": DISTRICT, "thi xa": DISTRICT}
LEVEL_WORDS.update({"xa": COMMUNE, "phuong": COMMUNE, "co so": AGENCY, "bo": MINISTRY, "nganh": MINISTRY})
LEVEL_WORDS.update({"trung uong": MINISTRY, "nha nuoc": STATE})
PLAIN_FIGHTER_RE = re.compile(r"(?:chien\s+si\s+thi\s+dua|cstd)\b")
GIVER_RE = re.compile(r"(?P<authority>.+?)\s+(?:trao\s+|khen\s+)?tang\s+(?:danh\s+hieu\s+)?")


def _certificate(form: str, authority: str, level: str) -> tuple[str, str, str, str]:
    """(title, generic form, kind, level) of a certificate, a flag or a commemorative medal."""
    committee = _is_peoples_committee(authority) or (not authority and level)
    if form in ("bang khen", "bk"):
        if level == GOVERNMENT:
            return "Bằng khen của Thủ tướng Chính phủ", MERIT, CERTIFICATE_OF_MERIT, level
        if level == MINISTRY:
            return "Bằng khen của bộ, ban, ngành, đoàn thể Trung ương", MERIT, CERTIFICATE_OF_MERIT, level
        if level == PROVINCE and committee:
            return "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", MERIT, CERTIFICATE_OF_MERIT, level
        return MERIT, MERIT, CERTIFICATE_OF_MERIT, level
    if form in ("giay khen", "gk"):
        if level == DISTRICT and committee:
            return "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện", COMMENDATION, CERTIFICATE_OF_COMMENDATION, level
        if level == COMMUNE and committee:
            return "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", COMMENDATION, CERTIFICATE_OF_COMMENDATION, level
        if authority:
            return "Giấy khen của Thủ trưởng cơ quan, đơn vị", COMMENDATION, CERTIFICATE_OF_COMMENDATION, level
        return COMMENDATION, COMMENDATION, CERTIFICATE_OF_COMMENDATION, level
    if form == "co thi dua":
        if level == GOVERNMENT:
            return "Cờ thi đua của Chính phủ", "Cờ thi đua", EMULATION_TITLE, level
        return "Cờ thi đua của bộ, ban, ngành, tỉnh", "Cờ thi đua", EMULATION_TITLE, level or PROVINCE
    return "Kỷ niệm chương", "Kỷ niệm chương", COMMEMORATIVE_MEDAL, level or MINISTRY


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
    authority = _tidy(text.text[lead.end() if lead else start :].strip(" ()"))
    only_level = LEVEL_ONLY_RE.match(" ".join(_fold(authority).split()))
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
            warning = "" if grade else _("không ghi hạng của %(name)s.") % {"name": name}
            return _Form(f"{name} {CLASSES[grade]}" if grade else name, kind, STATE, match.end(), warning=warning)
    match = CERTIFICATE_RE.match(folded, start)
    if match:
        return _Form("", "", "", match.end(), certificate=" ".join(match["form"].split()))
    match = PLAIN_FIGHTER_RE.match(folded, start)
    if match:
        warning = _("không ghi cấp của danh hiệu Chiến sĩ thi đua; hiểu là cấp cơ sở.")
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
            "“%(text)s” không khớp danh hiệu, hình thức khen thưởng nào của Luật Thi đua, khen thưởng 2022; "
            "giữ nguyên văn."
        ) % {"text": written}
        return ParsedAward(**common, warnings=(warning,))
    if giver:
        authority, level_of_authority, said = giver, authority_level(giver), True
    else:
        authority, level_of_authority, said = _authority(core, found.end)
    title, kind, level, generic = found.title, found.kind, found.level, found.generic
    if found.certificate == "ky niem chuong" and not said:
        authority, level_of_authority = "", ""  # “Kỷ niệm chương Vì sự nghiệp …” names the medal
    if found.certificate:
        title, generic, kind, level = _certificate(found.certificate, authority, level_of_authority)
    elif not said:
        authority = ""  # words after a title are its own, not an authority, unless “của …” says so
        if level_of_authority and title.startswith("Chiến sĩ thi đua bộ"):
            level = level_of_authority
    elif level_of_authority and kind == EMULATION_TITLE and level not in (STATE, GOVERNMENT):
        level = level_of_authority
    warnings = (f"“{written}”: {found.warning}",) if found.warning else ()
    return ParsedAward(**common, title=title, form=generic or title, kind=kind, level=level, authority=authority,
                       warnings=warnings)  # fmt: skip


def split_awards(cell: str) -> list[str]:
    """The awards of a cell, separated by “;” or new lines."""
    return [item for item in (_tidy(part) for part in re.split(r"[;\n]", cell or "")) if item]

"""Validate exemplar rows: every problem of every row, and what the valid rows resolve to."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from cms.vietnamese import fold_vietnamese, repair_vietnamese, spelling_key, text_quality
from cms.vietnamese.minority import is_ethnic_group

from ..models import ExemplarStoryPage, Field, Locality, MovementPage, SubjectType, UnitPage
from .awards import gives_no_award, names_an_award, parse_award, split_if_awards
from .exemplar_rows import AWARD_BAND_RE, COLUMNS, REQUIRED_COLUMNS, SUBMITTED, SourceRow, only_types, section_row
from .locality_paths import LocalityProblem, LocalityResolver, NewLocality, heading_commune, list_commune
from .matching import FieldIndex, FieldProblem, MovementIndex, name_key
from .national_movements import national_movement_abbreviated, national_movement_of_initials
from .plan_body import SURNAMES, parse_movements
from .plan_text import PROVINCES, caps_to_name, is_allcaps
from .story_awards import AwardResolver, StoryAwardDraft

SUBJECT_TYPES = {
    "individual": "individual",
    "ca nhan": "individual",
    "collective": "collective",
    "tap the": "collective",
    "household": "household",
    "ho gia dinh": "household",
    "ho": "household",
    "gia dinh": "household",
    "ho gd": "household",
    "hgd": "household",
    # the abbreviations of an office's "Loại" column
    "cn": "individual",
    "tt": "collective",
}
#: What a longer cell opens with: “Cá nhân tiêu biểu”, “Tập thể lớp 9A”, “Hộ gia đình văn hóa”.
SUBJECT_TYPE_OPENINGS = (("ca nhan", "individual"), ("tap the", "collective"), ("ho gia dinh", "household"))


_YEAR_RANGE_RE = re.compile(r"^(\d{4})\s*[-–—/]\s*(\d{4})$")
#: The longest period a year cell may span ("2021 - 2025", "2016-2025").
MAX_PERIOD_YEARS = 10
#: A date in a year cell ("15/03/2024", "03/2024", "2024-03-15" from a date cell): its year.
_DATE_YEAR_RE = re.compile(
    r"^(?:(?:\d{1,2}\s*[/.-]\s*)?\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})|((?:19|20)\d{2})-\d{1,2}-\d{1,2})$"
)
_ROMAN_QUARTERS = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def year_as_written(text: str) -> tuple[str, str | None]:
    """The year of a cell (“Năm 2023”, “2024.0” from a spreadsheet's number), a school year “2023-2024” as its
    second year with a note saying so."""
    text = re.sub(r"^(?:năm học|năm|nam hoc|nam|nh)\.?\s*", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^(\d{4})\.0+$", r"\1", text)
    span = _YEAR_RANGE_RE.match(text)
    if span and 0 < int(span.group(2)) - int(span.group(1)) <= MAX_PERIOD_YEARS:
        if int(span.group(2)) - int(span.group(1)) == 1:
            note = _("“%(value)s” taken as the year %(year)s (the school year's end).")
        else:  # "2021 - 2025": a movement's five years, told in its last
            note = _("“%(value)s” taken as the year %(year)s (the period's last year).")
        return span.group(2), note % {"value": text, "year": span.group(2)}
    # "2023, 2024", or one year a line beside an award a line ("- Giấy khen …" over "- Bằng khen …")
    if listed := re.fullmatch(r"((?:19|20)\d{2})(?:(?:\s*(?:,|;|và)\s*|\s*\n[\s-]*)(?:19|20)\d{2})+", text):
        latest = max(re.findall(r"(?:19|20)\d{2}", listed.group()))
        return latest, _("“%(value)s” taken as the year %(year)s (the latest).") % {"value": text, "year": latest}
    if dated := _DATE_YEAR_RE.match(text):
        year = dated.group(1) or dated.group(2)
        return year, _("“%(value)s” is a date: taken as the year %(year)s.") % {"value": text, "year": year}
    return text, None


def quarter_as_written(text: str) -> tuple[str, str]:
    """The quarter's number in a cell (“3”, “Quý 3”, “Q3”, “Quý III”, “IV”) and the year it may carry (“Quý I/2024”)."""
    key = re.sub(r"^(?:quy|q)\s*", "", name_key(text))
    year = ""
    if dated := re.fullmatch(r"(\w{1,3}) (?:nam )?(\d{4})", key):
        key, year = dated.groups()
    return _ROMAN_QUARTERS.get(key, key), year


def shortened_summary(text: str) -> str:
    """A summary over the limit cut at its last sentence end (else word) before it."""
    limit = SUMMARY_MAX
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end > limit // 2 else cut[: limit - 1].rsplit(" ", 1)[0] + "…"


#: Marks a column a list leaves out whose value each row's own cells tell (`RowValidator.defaults`).
INFERRED = object()
#: The key of `RowValidator.defaults` holding a list's title lines, whose topic a row naming none takes.
LIST_TITLE = "list_title"
#: The year a list's title gives, for a row whose year cell is empty and whose awards give none.
LIST_YEAR = "list_year"
#: Set when a list's awards are those proposed (its awards column is "Hình thức đề nghị") or it has none: a part's
#: heading proposing an award ("III. ĐỀ NGHỊ TỔNG LĐLĐ VIỆT NAM TẶNG BẰNG KHEN …") gives it to rows that name none.
PROPOSAL_LIST = "proposal_list"
#: "DANH SÁCH GƯƠNG ĐIỂN HÌNH TIÊN TIẾN NĂM 2025": the year a list without a year column is of.
#: (A date's month, if it is one: "ngày 16 tháng 01 năm 2026" is when the list was signed, not its year), the year.
TITLE_YEAR_RE = re.compile(r"(\b(?i:tháng)\s*\d{1,2}\s*,?\s*)?\b(?:năm|NĂM|Năm)\s+((?:19|20)\d{2})\b")
#: Else its period's last year ("GIAI ĐOẠN 2021 - 2025", "NĂM HỌC 2024-2025"), else the year of the date its title lines
#: give.
TITLE_PERIOD_RE = re.compile(r"(?i:giai đoạn|năm học)\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b")
#: A sheet named by its year alone ("2024", "Nam 2021", "2025 (dang cap nhat)").
_SHEET_YEAR_RE = re.compile(r"^\D*?((?:19|20)\d{2})(?!\d)(?:\D*)$")


def part_year(title_lines: list[str], sheet: str) -> str | None:
    """The year a sheet of a workbook kept a year per sheet is of: its title's ("SỔ THEO DÕI KHEN THƯỞNG NĂM 2022"),
    else its name's ("2024"); None when neither says one."""
    titled = [year for line in title_lines for month, year in TITLE_YEAR_RE.findall(line) if not month]
    found = _SHEET_YEAR_RE.match(sheet or "")
    return titled[0] if titled else found.group(1) if found else None


#: The commune or ward a list's title names, whose villages a row written with its village alone is in.
LIST_COMMUNE = "list_commune"
#: How a collective's name begins: "Trường …", "Trạm Y tế …", "Khu vực 3", "Công an phường …", "Đồn Biên phòng …".
#: Read with its diacritics, as a name that has them is written: folded, "Trương", "Tô", "Bàn" and "Hồ" (people's
#: family names) would read as "Trường", "Tổ", "Ban" and "Hộ".
_COLLECTIVE_OPENINGS = (
    "trường|trạm|công an|hợp tác xã|htx|ban|chi bộ|chi đoàn|chi hội|khu|ấp|khóm|thôn|buôn|bản|làng|tổ"
    "|đội|lớp|phòng|hội|công ty|ủy ban|ubnd|bệnh viện|trung tâm|chùa|tập thể|nhân dân|đảng ủy|liên đội|xã|phường|nhà"
    "|cơ sở|ca|quỹ|câu lạc bộ|clb|nhóm|mặt trận|văn phòng|sở|cục|chi cục|tổng|đồn|bộ chỉ huy|đại đội|tiểu đoàn"
    "|ngân hàng|viện|kho bạc|bưu điện|hạt|đài|báo|tòa án|toà án|doanh nghiệp|đoàn|cộng đồng|dòng họ|tổ hợp tác|tht"
    "|công đoàn|liên đoàn|đảng bộ|hiệp hội|liên hiệp|khối|cụm|ch"  # "CH Đông Châu": a branch (chi hội)
    "|cđcs|cđ|lđlđ|mttq|ubmttq"  # "CĐCS Hợp tác xã …": a union's grassroots branch
    "|chợ|siêu thị|chi nhánh|làng nghề|xí nghiệp|tập đoàn|cửa hàng|trang trại"  # "Chợ Đồng Xuân", "Chi nhánh …"
    "|thư viện|bảo tàng|nhà hát|đoàn nghệ thuật|ban quản lý|bql"  # "Thư viện tỉnh", "Bảo tàng tỉnh"
    "|tiểu đội|trung đội|ban chqs|ban chỉ huy"  # a militia's units
)
_COLLECTIVE_NAME_RE = re.compile(rf"^(?:{_COLLECTIVE_OPENINGS})(?!\w)")
_COLLECTIVE_FOLDED_RE = re.compile(rf"^(?:{fold_vietnamese(_COLLECTIVE_OPENINGS)})\b")
#: The second word of many people's names, after a family name that is also a body's word ("Ca", "Đoàn").
_MIDDLE_NAMES = frozenset("văn thị hữu đức công minh quang ngọc xuân thanh kim bá đình trọng quốc tiến".split())
_HOUSEHOLD_NAME_RE = re.compile(r"^(?:hộ|gia đình)(?!\w)")
#: A household named by its head: "Hộ ông …", "Gia đình bà …", "Hộ gia đình anh …".
_HEAD_OF_HOUSEHOLD_RE = re.compile(r"^(?i:hộ|gia đình|hộ gia đình)\s+(?i:ông|bà|anh|chị)\s")


#: A village's or a neighbourhood's word opening a name, which no family name is.
_VILLAGE_WORDS = frozenset({"ấp", "xóm", "thôn", "bản", "buôn", "bon", "khóm", "làng", "plei", "sóc", "phum"})


def _names_village(name: str) -> bool:
    """A village's name alone ("XÓM MỚ ĐÁ", "Thôn 5"), no body's in it."""
    words = name.lower().split()
    return len(words) > 1 and words[0] in _VILLAGE_WORDS and subject_type_of_name(" ".join(words[1:])) != "collective"


def subject_type_of_name(name: str) -> str:
    """A subject type read from a name when nothing else says it: "Hộ …" a household, a body's name a collective
    ("Đoàn Thanh niên …", but "Đoàn Văn Hùng" is a person), a person otherwise."""
    written = unicodedata.normalize("NFC", " ".join(name.split())).lower().replace("uỷ", "ủy")
    if fold_vietnamese(written) == written:  # typed without diacritics: the folded openings are all there is
        key = name_key(name)
        if key.startswith(("ho ", "gia dinh ")):
            return "household"
        return "collective" if _COLLECTIVE_FOLDED_RE.match(key) else "individual"
    if _HOUSEHOLD_NAME_RE.match(written):
        return "household"
    # "Ấp Công Điền": no "Công" of a person; "Bon Niêng K'Tuấn" is a K'Ho name (a word with its apostrophe)
    if written.split()[0] in _VILLAGE_WORDS and len(written.split()) > 1 and not re.search(r"\b[A-ZĐ]'\w", name):
        return "collective"
    if _is_person_name(name) and not re.search(r"\b[A-ZĐ]{2,}\b", name):
        words = written.split()
        if words[0] == "đoàn" or words[1] in _MIDDLE_NAMES:  # "Đoàn Văn Hùng", "Ca Văn Sáu": family names
            return "individual"
    return "collective" if _COLLECTIVE_NAME_RE.match(written) else "individual"


def subject_type_of(text: str | None) -> str | None:
    """individual, collective or household, as a cell writes it in English or Vietnamese; None if it says none."""
    key = name_key(text)
    found = SUBJECT_TYPES.get(key)
    return found or next((kind for opening, kind in SUBJECT_TYPE_OPENINGS if key.startswith(opening + " ")), None)


#: A name cell's name, then what the cell adds after a comma, a dash, a parenthesis or a line break
#: ("Ông Nguyễn Văn An, Chủ tịch UBND xã …", "Y Ngông Niê Kdăm - Già làng buôn …", "Lỷ A Sáng (Trưởng bản)").
_NAME_THEN_MORE_RE = re.compile(r"^(.+?)(?:\s*[,;]\s+|\s+[-–—]\s+|\s*\n\s*|\s*\()(.+?)\)?$", re.DOTALL)
_FORMS_OF_ADDRESS = frozenset({"ông", "bà", "đồng chí", "đ/c", "đ/c.", "anh", "chị", "thầy", "cô", "cụ"})


def _is_person_name(text: str) -> bool:
    """Two to seven words each opening with a capital ("H'Hen", "K'Ré", "A" are words), after a form of address."""
    words = text.split()
    for length in (2, 1):
        if " ".join(words[:length]).lower() in _FORMS_OF_ADDRESS:
            words = words[length:]
            break
    return 2 <= len(words) <= 7 and all(word[0].isupper() and not word.isdigit() for word in words)


#: Family names of the Central Highlands' and the northern mountains' peoples, two-word names often following them.
MINORITY_FAMILY_NAMES = frozenset(
    "Điểu Y A K' H' Ksor Siu Rơ Nay Rmah Kpă Đinh Lò Thào Giàng Sùng Vàng Ma Ka Touneh Đàng Bế Lầu Hờ Mấu Liêng"
    " Sơn Thạch Danh Chau Néang".split()  # and the Khmer's ("Ông Sơn Phước")
)
#: How a Party list addresses a member before the name: "Đ/c", "Đ/c:", "Đồng chí".
_COMRADE_RE = re.compile(r"^(?:Đ/[Cc]|đ/c|Đồng chí|đồng chí|ĐỒNG CHÍ)\.?\s*:?\s+(?=[^\W\d_])")
#: A military or police rank before a name ("Thượng úy", "Đại tá", "Trung sĩ", "Binh nhất"), or a cleric's ("Đại đức",
#: "Hòa thượng", "Linh mục").
_RANK_RE = re.compile(
    r"^((?:Đại|Thượng|Trung|Thiếu) (?:tướng|tá|úy|uý)|(?:Thượng|Trung|Hạ) sĩ|Binh (?:nhất|nhì)"
    r"|Đại đức|Thượng tọa|Thượng toạ|Hòa thượng|Hoà thượng|Ni sư|Ni trưởng|Sư cô|Linh mục|Mục sư"
    # a profession's or a degree's title ("Bác sĩ Lê Minh Tuấn", "Y sĩ …", "Nghệ nhân ưu tú …", "ThS. …")
    r"|(?:Bác|Y|Dược) s[ĩỹ]|K[ỹĩ] sư|Luật sư|(?:Phó )?Giáo sư|Tiến sĩ|Thạc sĩ|ThS\.|TS\.|BS\.|PGS\.\s*TS\."
    # a province's own craftsman title first ("Nghệ nhân Hà Nội", "Nghệ nhân Thành phố Hồ Chí Minh")
    rf"|Nghệ nhân (?:(?:[Tt]ỉnh|[Tt]hành phố|TP\.?) )?(?:{'|'.join(map(re.escape, (*PROVINCES, 'Hồ Chí Minh')))})"
    r"|Nghệ (?:nhân|sĩ)(?: (?:[Nn]hân dân|[Ưư]u tú))?|Già làng|Achar|A cha)\s+"  # … and a village elder's ("Già làng Clâu Blao")
)
#: "Ông Y Brơm Niê Kdăm", "Bà Nguyễn Thị Lài", "Thầy giáo Đỗ Văn Tình": the form of address before a name of three
#: words or more ("Ông Ích Khiêm" keeps his family name).
_ADDRESSED_RE = re.compile(
    r"^(?:Ông|Bà|Anh|Chị|Em|Cháu|ÔNG|BÀ|Thầy giáo|Cô giáo|Thầy|Cô|Cụ)\s+(?=(?:[^\W\d_][\w'’]*\s+){2,}[^\W\d_])"
    # "Bà Thị Hoàn", "Anh Điểu K'Rê": no family name "Bà", "Anh" or "Chị", so a name of two words too
    r"|^(?:Bà|Anh|Chị|BÀ|Thầy giáo|Cô giáo)\s+(?=[^\W\d_][\w'’]*\s+[^\W\d_])"
    # "Ông Điểu Xăm": a family name after "Ông" ("Ông Ích Khiêm" is his own)
    rf"|^(?:Ông|ÔNG)\s+(?=(?:{'|'.join(sorted(SURNAMES | MINORITY_FAMILY_NAMES))})\s+[^\W\d_][\w'’]*(?:$|\s*[,;(\n]|\s+[-–—]\s))"
)


def name_and_position(cell: str) -> tuple[str, str]:
    """A person's name cell split into the name and the position or unit written after it ("" when none): only when
    what follows the name is words of a position (some in lower case, or in brackets), not a second name or a number;
    a military rank before the name is part of the position ("Thượng úy Nguyễn Đức Anh, Đồn BP …")."""
    cell = _COMRADE_RE.sub("", cell.strip())  # "Đ/c Lò Văn Pọm - Bí thư Chi bộ …", "Đồng chí …": the person
    addressed = _ADDRESSED_RE.match(cell)
    named = re.split(r"\s*[,;(\n]|\s+[-–—]\s", cell[addressed.end() :] if addressed else "")[0]
    if addressed and all(word[:1].isupper() for word in named.split()[:3]):
        cell = cell[addressed.end() :]
    rank = ""
    after_rank = re.split(r",|\s[-–—]\s", cell[ranked.end() :])[0] if (ranked := _RANK_RE.match(cell)) else ""
    if ranked and _is_person_name(" ".join(after_rank.split()[:7])):  # "Thượng úy Vi Văn Đoàn - Phó Trưởng …"
        rank, cell = ranked.group(1), cell[ranked.end() :]
    found = _NAME_THEN_MORE_RE.match(cell)
    if found is None or not _is_person_name(found.group(1)):
        return cell, rank
    rest = " ".join(found.group(2).split()).strip(" ,;-–—()")  # "Trần Văn Hải" over "(Cựu chiến binh)"
    # "Lê Thị Thu Trang (GV Trường PTDTBT …)"; not the name in brackets after a teknonym ("Ama Thuột (Y Thuột Ê Ban)")
    bracketed = cell[len(found.group(1)) :].lstrip().startswith("(") and (
        not _is_person_name(rest) or bool(re.match(r"[A-ZĐ]{2,3}\s+\S", rest)) or is_ethnic_group(rest)
    )  # … or the person's people ("Trương Văn Sinh (Sán Dìu)")
    # a unit's name after it ("…, Đồn BP Lũng Cú", "…, Trường THCS …") is where the person works, not a second name;
    # so is a position written short ("… - GV Trường PTDTBT TH Pù Nhi", "CB …")
    unit = subject_type_of_name(rest) == "collective" or bool(re.match(r"[A-ZĐ]{2,4}\s+\S", rest))
    if not rest[:1].isalpha() or not (bracketed or unit or any(word[0].islower() for word in rest.split())):
        return cell, rank
    return found.group(1), ", ".join(filter(None, [rank, rest]))


#: A place written after a name in its cell: a unit's word and the unit's name ("xã Quảng Trực", "bon Bu Prăng 1").
_PLACE_IN_NAME_RE = re.compile(
    r"(?:^|\s)((?i:thôn|xóm|bản|buôn|bon|làng|plei|ấp|khóm|tổ dân phố|khu phố|xã|phường|thị trấn|huyện|thị xã|tỉnh)"
    r"\s+[A-ZĐÀ-Ỹ\d].*)$"
)


#: A village's name that ends with its commune after a comma ("Xóm Bưa Cốn, xã Tú Lý", "Tiểu khu Thạch Lý, TT Đà
#: Bắc"); a body's name keeps it ("Ban Công tác Mặt trận thôn 2, xã An Toàn").
_COMMUNE_AFTER_NAME_RE = re.compile(
    r"^((?i:xóm|thôn|bản|buôn|làng|ấp|khóm|tiểu khu|khu phố|tổ dân phố|tổ)\s+[^,]+),\s+"
    r"((?i:xã|phường|thị trấn|tt\.?|đặc khu)\s+\S.*)$"
)


#: A place cell going on into a sentence: the place (two words at least), then the rest.
_PLACE_THEN_DEEDS_RE = re.compile(r"^\s*(?P<place>[^.;:]*\w\s+[^.;:]*?)\.\s+(?P<deeds>[A-ZĐÀ-Ỹ0-9].{10,})$", re.DOTALL)


def place_then_deeds(cell: str) -> tuple[str, str] | None:
    """ "Xã Nam Xuân. Liên kết tiêu thụ …; doanh thu 8,5 tỷ đồng.": the place and the achievements after it; not a
    place whose full stop ends an abbreviation ("Phường 5, TP. Hồ Chí Minh")."""
    found = _PLACE_THEN_DEEDS_RE.match(cell)
    if not found or re.search(r"(?:^|[\s,])(?:tp|tx|tt|p|q|x|h|t|f)$", found["place"].lower()):
        return None
    if re.match(
        r"(?:xa|phuong|thi tran|thi xa|huyen|quan|tinh|thanh pho|dac khu)\b", fold_vietnamese(found["deeds"]).lower()
    ):
        return None  # "Ấp 3. Xã Long Hòa …": the place goes on
    # "Thôn 5, trưởng dòng họ Thào. Vận động …": after the place, a position, which opens the achievements
    pieces = re.split(r"\s*,\s*", found["place"].strip())
    kept = next(
        (
            at
            for at, piece in enumerate(pieces[1:], 1)
            if not _PLACE_IN_NAME_RE.match(piece) and (piece[:1].islower() or _POSITION_CELL_RE.match(piece))
        ),
        len(pieces),
    )
    if kept < len(pieces):
        position = ", ".join(pieces[kept:])
        return ", ".join(pieces[:kept]), f"{position[:1].upper()}{position[1:]}. {found['deeds']}"
    return found["place"], found["deeds"]


#: Words of a place's levels: a cell naming one after its first word is no sentence of achievements.
_UNIT_WORDS = frozenset("xã phường huyện tỉnh quận thôn xóm ấp buôn bon làng bản tổ khóm plei".split())


def deeds_only(cell: str) -> bool:
    """Whether a "place, achievements" cell holds achievements only: its first clause a sentence of five words or
    more, none after the first capitalised and none a place's level ("Bon đạt chuẩn khu dân cư văn hóa 3 năm liền;
    …", "Giúp 04 hộ nghèo làm nhà; …"), where a place is names ("Thôn Nam Sơn. …") or a level and its number."""
    words = re.split(r"[.,;:](?:\s|$)", " ".join(cell.split()), maxsplit=1)[0].split()
    if len(words) < 5 or re.match(r"(?i:tổ dân phố|khu phố|số|đường|ngõ|hẻm|kiệt)\b", " ".join(words)):
        return False
    return not any(word[0].isupper() or word.lower() in _UNIT_WORDS for word in words[1:])


def place_in_position(text: str) -> str:
    """The place a position or address cell names from its first unit's word on ("Trưởng xóm Chiềng, xã Phong Phú"
    → "xóm Chiềng, xã Phong Phú", "Trạm trưởng Trạm Y tế xã Ngổ Luông" → "xã Ngổ Luông"), "" when it names none
    ("Giáo viên Trường Mầm non Phong Phú"); the pieces after the address are left out ("…, Bí thư Chi bộ")."""
    found = _PLACE_IN_NAME_RE.search(" ".join(text.split()))
    pieces: list[str] = []
    for piece in re.split(r"\s*[,;]\s*", found.group(1)) if found else []:
        if pieces and not _PLACE_IN_NAME_RE.match(piece):
            break
        pieces.append(piece)
    place = ", ".join(pieces).strip(" .")
    return place[:-1] if place.endswith(")") and place.count(")") > place.count("(") else place


#: A locality cell opening with a position or a body rather than a place ("Trưởng Công an xã Cúc Phương", "Người có uy
#: tín thôn Mạc, xã Cúc Phương", "Tổ bảo vệ ANTT ở cơ sở thôn Khanh, …", "Cán bộ Phòng Cảnh sát …"), as a column
#: headed "Địa bàn / đơn vị" holds for a person.
_POSITION_CELL_RE = re.compile(
    r"^(?i:(?:phó\s+)?(?:trưởng|chủ tịch|bí thư|giám đốc|hiệu trưởng|trạm trưởng|đội trưởng|tổ trưởng|tổ phó"
    r"|chi hội trưởng|chủ nhiệm|trưởng ban)|phó\s|cán bộ|người có uy tín|công an viên|nhân viên|giáo viên|chuyên viên"
    r"|công nhân|kế toán|ủy viên|uỷ viên|hội viên|đoàn viên|đảng viên|dân quân|chiến sĩ|bác sĩ|y sĩ|điều dưỡng"
    r"|(?:đại|thượng|trung|thiếu)\s+(?:tá|úy|uý)|tổ (?:bảo vệ|hòa giải|hoà giải|tự quản|liên gia)"
    r"|(?:khu|cụm) công nghiệp|công an|trường|trạm|phòng|văn phòng|ban|công ty|chi nhánh|bệnh viện|trung tâm"
    r"|ủy ban|uỷ ban|ubnd|hội|chi hội|chi bộ|đảng ủy|đảng uỷ)\s+(?!\d)"
)


def place_of_position_cell(cell: str) -> str | None:
    """The place a locality cell holding a position or a body names ("xã Cúc Phương" of "Trưởng Công an xã Cúc
    Phương"; "" when it names none, "Cán bộ Phòng Cảnh sát QLHC"); None for a cell that is a place."""
    text = " ".join(cell.split())
    if not _POSITION_CELL_RE.match(text) or _PLACE_IN_NAME_RE.match(text):
        return None
    return place_in_position(text)


def place_in_name(cell: str) -> tuple[str, str] | None:
    """(the cell without its place, the place) when a name cell ends with where its subject is, after a comma or a
    dash: "Chi bộ bon Bu Prăng 1, xã Quảng Trực", "Hộ ông Sùng A Chinh - thôn Sín Chải", "Ông Điểu Xăm, Bí thư Chi bộ,
    Trưởng bon Bu Prăng 1, xã Quảng Trực" (the village he heads, and its commune). None when it names none after the
    name ("HTX Nông nghiệp - Dịch vụ Quảng Tâm" is one name)."""
    if _PLACE_IN_NAME_RE.match(cell):  # "Thôn 2, xã Cư Pui": the place is the subject, its name whole
        return None
    if (bracket := re.search(r"\s*\(([^()]+)\)\s*$", cell)) and _PLACE_IN_NAME_RE.match(bracket.group(1)):
        return cell[: bracket.start()].strip(), bracket.group(1).strip()  # "UBND xã Tiên Lữ" over "(xã Tiên Lữ)"
    cuts = [m.end() for m in re.finditer(r",\s+|\s+[-–—]\s+", cell)]
    for cut in cuts:
        piece = re.split(r",\s+|\s+[-–—]\s+", cell[cut:])[0]
        if found := _PLACE_IN_NAME_RE.search(piece):
            start = cut + found.start(1)
            # "…, Trưởng bon Bu Prăng 1": the position stays in the cell, its village is the place
            kept = cell[:start].rstrip(" ,-–—") if not found.start(1) else cell
            return kept, cell[start:].strip()
    return None


YEAR_RANGE = (1945, 2100)
SUMMARY_MAX = 1000
MIN_WORDS_TO_JUDGE = 5  # shorter texts are judged on mojibake markers only
LIST_ITEM_RE = re.compile(r"^[-•*+–]\s+")


def story_key(title: str, subject_name: str, year: int | None) -> tuple[str, str, int | None]:
    """When two rows, or a row and a story, are one story: the title loosely, the name as spelled (“Ka Thị Hoa” and
    “Ka Thị Hòa” are two people), the year."""
    return name_key(title), spelling_key(subject_name), year


@dataclass
class RowError:
    """One problem of one row: `Dòng 5: year: …`."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"Dòng {self.line}: {self.column}: {self.reason}"


@dataclass
class StoryDraft:
    """A validated row, ready to become a story page."""

    line: int
    title: str
    subject_name: str
    subject_type: str
    field: Field
    locality: Locality | NewLocality
    movement: MovementPage | None
    year: int
    quarter: int | None
    summary: str
    body: list[dict[str, Any]]
    awards: list[StoryAwardDraft]
    tags: list[str]

    @property
    def subject_type_label(self) -> str:
        """The subject type as the office reads it ("Cá nhân")."""
        return str(SubjectType(self.subject_type).label)


def _text(value: Any) -> str:
    """A cell's text, repaired (NFC, tone marks, legacy glyphs), one line at a time."""
    if isinstance(value, list):
        value = "\n".join(str(item) for item in value)
    lines = [repair_vietnamese(line).strip() for line in str(value or "").splitlines()]
    return "\n".join(lines).strip()


#: A part's heading in a decision's annex naming the award its rows are given: "I. Tặng Giấy khen của Chủ tịch UBND
#: xã cho 06 tập thể …", "II. Công nhận danh hiệu “Gia đình văn hóa tiêu biểu” 5 năm liền … cho 09 hộ gia đình".
_PART_AWARD_RE = re.compile(
    r"^(?:[IVX]{1,4}|\d{1,2}|[A-Z])\s*[.)/-]\s*"
    r"(?i:trao tặng|tặng thưởng|tặng|công nhận(?:\s+danh hiệu)?|khen thưởng(?:\s+danh hiệu)?)\s+(.+?)"
    # "… cho 06 tập thể", or the heading's end ("I. TẶNG GIẤY KHEN CỦA CHỦ TỊCH UBND PHƯỜNG", "… (08 hộ)")
    r"(?:\s+(?i:và\s+tặng\s+thưởng|và\s+thưởng))?(?:\s+(?i:cho|đối với)\s|\s*(?:\([^()]*\))?\s*$)"
)


#: A part's own total ("Cộng: 09 tập thể x 702.000 đ"), not the list's ("Tổng cộng"), folded.
_PART_TOTAL_RE = re.compile(r"^cong\b")
#: A part's numbered heading ("II. CÔNG NHẬN DANH HIỆU …", "2. Cá nhân").
_NUMBERED_PART_RE = re.compile(r"^(?:[IVX]{1,4}|[A-Z]|\d{1,2})\s*[.)]\s*\S")


def _reopens(end: str, row: SourceRow) -> bool:
    """Whether a row after a total that ended the list opens another part of it: the total was a part's own
    ("Cộng: 09 tập thể") and the row heads a part of a subject type or an award ("2. Cá nhân (13 cá nhân)", "II.
    CÔNG NHẬN DANH HIỆU …"), not a note or the signer's block."""
    if not _PART_TOTAL_RE.match(" ".join(fold_vietnamese(end).lower().split())):
        return False
    section = section_row(row.values)
    if section is None or section.ends_list:  # a note ("Ghi chú: …") says no type: it opens nothing
        return False
    return section.subject_type is not None or bool(_NUMBERED_PART_RE.match(section.text))


#: The decision a part's heading names, as a ledger of decisions groups its rows ("I. QĐ số 18/QĐ-UBND ngày 15/01/2025
#: của Chủ tịch UBND xã … về việc công nhận danh hiệu “Lao động tiên tiến” năm 2024", "III. Giải thưởng Ngày hội … (QĐ
#: số 05/QĐ-BTC ngày 12/02/2025 của Ban Tổ chức)").
_PART_DECISION_RE = re.compile(
    r"(?<!\w)(?i:quyết định|qđ)\s*(?i:số)?\s*:?\s*(\d+/[^\s,;()]+)\s*,?\s*"
    r"(?i:ngày)\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})|\d{1,2}\s+(?i:tháng)\s+\d{1,2}\s+(?i:năm)\s+((?:19|20)\d{2}))"
    # … and who signed it, up to what it is about
    r"(?:\s+(?i:của)\s+(.+?)(?=\s+(?i:về việc|v/v|công nhận|tặng|khen|trao|cho|đã|trong)\s|\s*[(),;:]|$))?"
)


@dataclass
class PartDecision:
    """The decision a part's heading names: written into its rows' awards, its year and movement theirs."""

    number: str
    giver: str
    year: str
    movement: str

    def written_into(self, award: str) -> str:
        """An award with this decision after it, and its giver unless the award names its own ("Giấy khen của Chỉ
        huy trưởng BCH BĐBP tỉnh")."""
        giver = f" của {self.giver}" if self.giver and not parse_award(award).authority else ""
        return f"{award} ({self.number}{giver})"


def part_decision(heading: str) -> PartDecision | None:
    """The decision a part's heading names, or None: "QĐ số 18/QĐ-UBND ngày 15/01/2025 của Chủ tịch UBND xã Dào San",
    the year its award is for ("danh hiệu … năm 2024", "giai đoạn 2023-2025") or else the decision's, and the movement
    it names (quoted after "phong trào", or a national one written short in brackets)."""
    found = _PART_DECISION_RE.search(" ".join(heading.split()))
    if not found:
        return None
    giver = re.sub(r"\s*\((?:cũ|sau sắp xếp)\)$", "", found.group(5) or "", flags=re.IGNORECASE).strip()
    rest = f"{found.string[: found.start()]} {found.string[found.end() :]}"
    years = re.findall(r"(?i:năm|giai đoạn|năm học)\s+(?:(?:19|20)\d{2}\s*[-–]\s*)?((?:19|20)\d{2})", rest)
    movements = [movement.name for movement in parse_movements(rest)]
    movements += [
        named
        for bracketed in re.findall(r"\(([^()]+)\)", rest)
        if (named := national_movement_abbreviated(bracketed) or national_movement_of_initials(bracketed))
    ]
    year = years[0] if years else found.group(3) or found.group(4)
    return PartDecision(f"QĐ số {found.group(1)} ngày {found.group(2)}", giver, year, next(iter(movements), ""))


#: A line under a part's heading giving the award all its rows are proposed for or given ("Hình thức đề nghị chung cho
#: mục III: Bằng khen của Tổng LĐLĐ Việt Nam …", "Danh hiệu chung: Lao động tiên tiến").
_COMMON_AWARD_RE = re.compile(
    r"^\(?(?i:hình thức|danh hiệu)(?:\s+(?i:khen thưởng|thi đua|đề nghị|đề xuất|khen))*\s+(?i:chung)\b[^:]{0,40}:\s*(.+?)\)?$"
)


def common_award(line: str) -> str:
    """The award a part's line gives all its rows ("" when it gives none)."""
    found = _COMMON_AWARD_RE.match(" ".join(line.split()))
    return found.group(1).strip(" .;") if found and names_an_award(found.group(1)) else ""


#: A part's heading proposing an award: "I. ĐỀ NGHỊ CHỦ TỊCH UBND TỈNH TẶNG BẰNG KHEN (05 tập thể)", "2. Đề xuất tặng
#: Giấy khen của Giám đốc Sở cho 08 cá nhân".
_PROPOSED_PART_RE = re.compile(
    r"^(?:[IVX]{1,4}|\d{1,2}|[A-Z])\s*[.)/-]\s*(?i:đề nghị|đề xuất)\s+(?:(.+?)\s+)??"
    r"(?i:tặng thưởng|tặng|công nhận(?:\s+danh hiệu)?|khen thưởng)\s+(.+?)"
    r"(?:\s+(?i:cho|đối với)\s.*)?\s*(?:\([^()]*\))?$"
)


def proposed_award(heading: str) -> str:
    """The award a part's heading proposes, with who is asked to give it unless the award names its own ("" when none)."""
    found = _PROPOSED_PART_RE.match(" ".join(heading.split()))
    if not found:
        return ""
    award = found.group(2).strip(" .;:")
    if not names_an_award(award):
        return ""
    giver = (found.group(1) or "").strip()
    return f"{award} của {giver}" if giver and not parse_award(award).authority else award


def _supplement(row: SourceRow) -> bool:
    """A row added below a list's total, an exemplar's ("Hộ ông …" | … | "Bổ sung"), not the signer's block."""
    named = str(row.values.get("subject_name") or "").strip()
    return bool(named) and any(
        re.search(r"\bbo sung\b", fold_vietnamese(str(value)).lower()) for value in row.values.values() if value
    )


#: A group's heading naming its award alone, as a ceremony's running order heads each group called on stage ("TỐP 1:
#: Huân chương Lao động hạng Ba (QĐ số 2016/QĐ-CTN ngày 09/10/2025)", "Đợt 2 - Bằng khen của Chủ tịch UBND tỉnh").
_GROUP_AWARD_RE = re.compile(
    r"^(?i:tốp|đợt|nhóm|khối|phần|mục)\s*\w{1,4}\s*[:.)–-]\s*"
    r"((?i:huân chương|huy chương|bằng khen|giấy khen|cờ thi đua|kỷ niệm chương|chiến sĩ thi đua|danh hiệu)\b.{0,160})$"
)


def _names_a_group_only(line: str) -> bool:
    """A table's caption naming only its rows' kind and count, or that it goes on ("2. Cá nhân (tiếp theo)")."""
    words = re.sub(r"\([^()]*\)|\btiep theo\b|[^\w\s]", " ", fold_vietnamese(line).lower())
    return only_types("0 " + re.sub(r"^\s*(?:[ivx]{1,4}|\d{1,2}|[a-z])\s+", "", words))


def part_award(title_lines: list[str]) -> str:
    """The award the heading over a part of a decision's annex gives its rows (its last title line, or the nearest
    group heading naming an award alone), "" when none; a proposal ("Đề nghị … tặng …") gives none."""
    # the nearest heading giving one: "II. TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH" over "1. Tập thể (10 tập thể)"
    found = next(
        (found for line in reversed(title_lines) if (found := _PART_AWARD_RE.match(line.strip()))),
        None,
    )
    award = found.group(1).replace("“", "").replace("”", "").replace('"', "").strip() if found else ""
    if not found:
        grouped = (_GROUP_AWARD_RE.match(" ".join(line.split())) for line in reversed(title_lines))
        award = next((match.group(1).strip(" .;") for match in grouped if match), "")
    if not award and title_lines and (band := AWARD_BAND_RE.match(" ".join(title_lines[-1].split()))):
        award = band.group(1).strip(" .;:")  # "Bằng khen của Bộ trưởng … (5)": a band over its rows
    return written_case(award) if award and names_an_award(award) else ""


#: Offices and titles an award names its giver by, capitalised in running text ("Chủ tịch UBND tỉnh").
_GIVER_TITLES_RE = re.compile(
    r"\b(?:chủ tịch|phó chủ tịch|giám đốc|tổng giám đốc|bộ trưởng|thủ tướng|hiệu trưởng|ban chấp hành|ban thường vụ"
    r"|tổng liên đoàn|ban chỉ huy|chỉ huy trưởng|cục trưởng|vụ trưởng|viện trưởng|chánh án)\b"
)


def written_case(award: str) -> str:
    """An award written in capitals in a heading ("CỜ THI ĐUA CỦA UBND TỈNH"), as running text writes it ("Cờ thi
    đua của UBND tỉnh", "Bằng khen của Chủ tịch UBND tỉnh"); one in mixed case as written."""
    if not is_allcaps(award):
        return award
    return _GIVER_TITLES_RE.sub(lambda m: m.group()[:1].upper() + m.group()[1:], caps_to_name(award))


#: What a form's test response gives as the nominee's name ("test", "thử"), folded.
_TEST_RESPONSE_NAMES = frozenset({"test", "thu", "test thu", "thu nghiem", "kiem tra", "abc", "xxx", "asdf"})


def person_name_case(name: str) -> str:
    """A person's name written in capitals or in lower case, each syllable capitalised as names are written ("H'HEN NIÊ" -> "H'Hen
    Niê", "Y NGÔNG NIÊ KDĂM" -> "Y Ngông Niê Kdăm")."""
    return re.sub(r"\w+", lambda word: word.group()[0].upper() + word.group()[1:].lower(), name)


#: An item of a list cell that is only a year or a school year ("CSTĐCS năm học 2022-2023; 2023-2024").
_YEAR_ITEM_RE = re.compile(r"^(?:(?i:năm)\s+(?:(?i:học)\s+)?)?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?\.?$")


def _with_their_years(items: list[str]) -> list[str]:
    """Items that are only a year given back to the item before ("CSTĐCS năm 2022; 2023; 2024": one award, three
    years)."""
    joined: list[str] = []
    for item in items:
        if joined and _YEAR_ITEM_RE.match(item):
            joined[-1] = f"{joined[-1]}, {item}"
        else:
            joined.append(item)
    return joined


def _without_mark(name: str) -> str:
    """A name on one line without the mark of a note under the list after it ("Ngô Thị Hòa (*)")."""
    return re.sub(r"\s*(?:\(\*+\)|\*+)$", "", " ".join(name.split()))


def _items(value: Any) -> list[str]:
    """A list cell: a JSON list, or text separated by “;” (or new lines)."""
    if isinstance(value, list):
        items = [str(item) for item in value]
    else:
        items = re.split(r"[;\n]", str(value or ""))
    return [" ".join(_text(item).split()) for item in items if _text(item)]


def body_blocks(text: str) -> list[dict[str, Any]]:
    """StreamField data for a plain-text body: one paragraph per line, “- …” lines as a list."""
    blocks: list[dict[str, Any]] = []
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if LIST_ITEM_RE.match(line):
            item = LIST_ITEM_RE.sub("", line)
            if blocks and blocks[-1]["type"] == "bullet_list":
                blocks[-1]["value"].append(item)
            else:
                blocks.append({"type": "bullet_list", "value": [item]})
        else:
            blocks.append({"type": "paragraph", "value": f"<p>{html.escape(line, quote=False)}</p>"})
    return blocks


def _quality_problem(text: str) -> tuple[str | None, bool]:
    """Why a text looks damaged (None if it does not), and whether it is certainly mojibake (then refused)."""
    quality = text_quality(text)
    if quality.is_mojibake:
        return _("encoding error (%(problems)s); save the file as UTF-8.") % {"problems": quality.describe()}, True
    if quality.mojibake_markers or (quality.words_judged >= MIN_WORDS_TO_JUDGE and quality.is_suspect):
        return _(
            "suspected encoding error / lost characters (%(ratio)s valid syllables; %(problems)s); imported, needs checking."
        ) % {
            "ratio": f"{quality.ratio:.0%}",
            "problems": quality.describe(),
        }, False
    return None, False


class RowValidator:
    """Checks rows one by one, collecting every problem; keeps what the valid rows resolve to."""

    def __init__(self, parent: UnitPage, titled_by_name: bool = False, defaults: dict | None = None) -> None:
        self.titled_by_name = titled_by_name
        #: For a column the list leaves out: a value ("year", "locality") or INFERRED ("field", "subject_type")
        self.defaults = defaults or {}
        self.list_year = self.defaults.get("year")  # the list's own, for a sheet that names none
        self.section_type: str | None = None  # set by a row heading a part of the list ("II. CÁ NHÂN")
        self.part_type: str | None = None  # the type a sheet's name or title gives its rows ("TẬP THỂ")
        self.list_end: str | None = None  # the line that ended the list ("Tổng cộng: 80"), once read
        #: A workbook's sheet of its own: the columns it has (a column of another sheet is none of its rows'), its title
        self.sheet_columns: list[str] | None = None
        self.list_title = self.defaults.get(LIST_TITLE, "")
        self.movements = MovementIndex(parent)
        self.fields = FieldIndex()
        self.unit_locality = getattr(parent, "locality", None)
        self.localities = LocalityResolver(self.unit_locality, self.defaults.get(LIST_COMMUNE, ""))
        self.title_commune = self.localities.list_commune
        self.existing = {
            story_key(story.title, story.subject_name, story.year): story
            for story in ExemplarStoryPage.objects.child_of(parent)
        }
        self.seen: dict[tuple[str, str, int], int] = {}
        self.seen_loosely: dict[tuple[str, str, int], tuple[int, str]] = {}
        #: The award a part of a decision's annex gives all its rows ("I. Tặng Giấy khen của … cho 06 tập thể …").
        self.part_award = ""
        self.part_decision: PartDecision | None = None
        #: The award a line under a part's heading gives all its rows, for a row whose cell names none.
        self.common_award = ""
        #: The drafts made so far by their story's key, for a later part giving one of them another award.
        self.drafted: dict[tuple[str, str, int | None], StoryDraft] = {}
        #: Rows a later row replaces (a form's response sent again): left out of the import.
        self.superseded: set[int] = set()
        self.awards = AwardResolver()
        self.warnings: list[RowError] = []  # shown in the report; they do not refuse the row

    def validate(self, row: SourceRow, errors: list[RowError]) -> StoryDraft | None:
        """A draft for a valid row; None (with errors added) otherwise."""
        problems: list[RowError] = []

        def problem(column: str, reason: str) -> None:
            problems.append(RowError(row.line, column, reason))

        if row.values.get("__not_object__"):
            errors.append(RowError(row.line, _("(whole row)"), _("the item is not a JSON object.")))
            return None
        if row.part is not None:  # another sheet's list: its own part, whatever ended the last one
            self.section_type, self.list_end = row.part.subject_type, None
            self.part_type = row.part.subject_type
            self.localities.read_list_commune(list_commune(row.part.title_lines, row.part.text))
            self.title_commune = self.localities.list_commune
            self.sheet_columns = row.part.columns or None
            self.list_title = " ".join(row.part.title_lines) or self.list_title
            award = part_award(row.part.title_lines)
            # "2. Cá nhân (tiếp theo)", "3. Hộ gia đình (06 hộ)": a part of the award heading the tables above
            if award or not all(map(_names_a_group_only, row.part.title_lines)):
                self.part_award = award
            if self.list_year not in (None, SUBMITTED):  # "SỔ THEO DÕI KHEN THƯỞNG NĂM 2022" on the sheet "2022"
                year = part_year(row.part.title_lines, row.part.text) or self.list_year
                if year != self.defaults["year"]:
                    note = _("the rows of this sheet take the year its title or name gives, %(year)s.")
                    self.warnings.append(RowError(row.line, "year", note % {"year": year}))
                self.defaults["year"] = year
        if self.list_end is not None and (_reopens(self.list_end, row) or _supplement(row)):
            self.list_end = None  # "Cộng: 09 tập thể" | … | "2. Cá nhân", or a row added below the total ("Bổ sung")
        if self.list_end is not None:  # the signer's block below "Tổng cộng: 80"
            note = _("below the line that ends the list (“%(end)s”); not a story.") % {"end": self.list_end[:80]}
            self.warnings.append(RowError(row.line, _("(whole row)"), note))
            return None
        if (section := section_row(row.values)) is not None:  # "I. TẬP THỂ": the type of the rows below it
            # "III. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH" on the sheet "TẬP THỂ": a group of the sheet's own type
            self.section_type = section.type_under(self.section_type) or self.part_type
            self.list_end = section.text if section.ends_list else None
            if award := part_award([section.text]):  # "I. TẶNG GIẤY KHEN CỦA CHỦ TỊCH UBND PHƯỜNG" over its rows
                self.part_award = award
            elif AWARD_BAND_RE.match(section.text):  # "Giải thưởng do các tổ chức trao tặng": no award of the band's
                self.part_award = ""
            # "Hình thức đề nghị chung cho mục III: …", or in a list of proposals "III. ĐỀ NGHỊ … TẶNG BẰNG KHEN …"
            proposed = proposed_award(section.text) if self.defaults.get(PROPOSAL_LIST) else ""
            if award_line := common_award(section.text) or proposed:
                self.common_award = award_line
            elif not section.inside_part:
                self.common_award = ""
            if decision := part_decision(section.text):  # "I. QĐ số 18/QĐ-UBND ngày …" over the rows it rewards
                self.part_decision, section.year = decision, decision.year
            elif not section.inside_part:
                self.part_decision = None
            if section.year:  # "NĂM 2022" over a register's rows: their year, when no cell gives one
                self.defaults[LIST_YEAR] = section.year
                if self.list_year not in (None, SUBMITTED):
                    self.defaults["year"] = section.year
                    note = _("the rows below it take its year, %(year)s.") % {"year": section.year}
                    self.warnings.append(RowError(row.line, "year", note))
            if commune := heading_commune(section.text):  # "V. XÃ MÈO VẠC": the rows below are its own
                self.localities.read_list_commune(commune)
            elif not section.inside_part:  # another part ("II. CÁ NHÂN"): the commune of the list's title again
                self.localities.read_list_commune(self.title_commune)
            note = _("“%(text)s” heads or closes a part of the list; not a story.") % {"text": section.text[:80]}
            self.warnings.append(RowError(row.line, _("(whole row)"), note))
            return None
        value = {column: _text(row.values.get(column)) for column in COLUMNS}
        if not value["movement"] and self.part_decision:  # the movement its part's decision rewards
            value["movement"] = self.part_decision.movement
        for column in ("title", "subject_name"):  # a name wrapped in its cell (Alt+Enter) is one line
            value[column] = _without_mark(value[column])
        if SUBMITTED in row.values and name_key(value["subject_name"]) in _TEST_RESPONSE_NAMES:
            note = _("a test of the form (“%(name)s”), no nomination: left out.") % {"name": value["subject_name"]}
            self.warnings.append(RowError(row.line, _("(whole row)"), note))
            return None
        value["subject_type"] = value["subject_type"] or self.section_type or ""
        if value["subject_type"] == self.section_type == "individual" and _HEAD_OF_HOUSEHOLD_RE.match(
            value["subject_name"]
        ):  # "Hộ ông Hà Văn Piềng" in a part of people and households: a household
            value["subject_type"] = "household"
        if deeds_only(value["locality"] or ""):
            # "Địa chỉ, thành tích" | "Giúp 04 hộ nghèo làm nhà; …": no place, the achievements
            value["locality"], value["summary"] = "", value["summary"] or value["locality"]
        elif deeds := place_then_deeds(value["locality"] or ""):
            # "Nơi cư trú – thành tích" | "Xã Nam Xuân. Liên kết tiêu thụ …; doanh thu 8,5 tỷ đồng.": the place, then
            # the achievements (whose commas are no levels of the place)
            value["locality"], value["summary"] = deeds[0], value["summary"] or deeds[1]
        if not value["locality"] and (placed := place_in_name(value["subject_name"])):
            # "Chi bộ bon Bu Prăng 1, xã Quảng Trực", "Ông …, Trưởng bon …, xã …": where the name cell says it is
            value["subject_name"], value["locality"] = placed
        elif not value["locality"] and (place := place_in_position(_text(row.values.get("position")))):
            # "Chức vụ, địa chỉ" | "Trưởng xóm Chiềng, xã Phong Phú": where the position is held
            value["locality"] = place
            note = _("empty: taken from the position “%(position)s”: “%(place)s”; check it.")
            position = " ".join(_text(row.values.get("position")).split())[:80]
            self.warnings.append(RowError(row.line, "locality", note % {"position": position, "place": place}))
        elif (
            not value["locality"]
            and subject_type_of_name(value["subject_name"]) == "collective"
            and (named := _PLACE_IN_NAME_RE.search(value["subject_name"]))
        ):  # "Chi đoàn bon Phi Dơ": the village the collective is named after
            value["locality"] = named.group(1)
            note = _("empty: taken from the name “%(name)s”: “%(place)s”; check it.")
            shown = " ".join(value["subject_name"].split())[:80]
            self.warnings.append(RowError(row.line, "locality", note % {"name": shown, "place": value["locality"]}))
        elif value["locality"] and (place := place_of_position_cell(value["locality"])) is not None:
            # "Địa bàn / đơn vị" | "Trưởng Công an xã Cúc Phương": the place the position names, not a place of that name
            note = _("“%(cell)s” is a position or a body, no place: read as “%(place)s”; check it.")
            shown = " ".join(value["locality"].split())[:80]
            self.warnings.append(RowError(row.line, "locality", note % {"cell": shown, "place": place or "—"}))
            value["locality"] = place
        elif (again := _COMMUNE_AFTER_NAME_RE.match(value["subject_name"])) and name_key(again[2]) in name_key(
            value["locality"]
        ):
            value["subject_name"] = again[1]  # "Xóm Bưa Cốn, xã Tú Lý" beside "xã Tú Lý": the commune said twice
        if not value["subject_type"] and (self.defaults.get("subject_type") is INFERRED or self._lacks("subject_type")):
            value["subject_type"] = subject_type_of_name(value["subject_name"])
        if self.titled_by_name and not value["title"]:
            value["title"] = value["subject_name"]
        quarter_text, quarter_year = quarter_as_written(value["quarter"])
        default_year = self.defaults.get("year", "")
        if default_year == SUBMITTED:  # "12/10/2025 9:41:07": the year a form's response was sent
            default_year = next(iter(re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", str(row.values.get(SUBMITTED)))), "")
        value["year"] = value["year"] or quarter_year or default_year  # “Quý I/2024”, the title's
        if not value["year"] and (year := self._year_of_awards(row) or self.defaults.get(LIST_YEAR)):
            note = _(
                "empty: taken as %(year)s, the latest year of the row's awards or else the list's title; check it."
            )
            self.warnings.append(RowError(row.line, "year", note % {"year": year}))
            value["year"] = year
        elif not value["year"] and "year" not in self.defaults:  # nothing in the row or the list says: this year's
            year = str(timezone.localdate().year)
            note = _(
                "empty, and neither the row's awards nor the list's title give a year: taken as this year, %(year)s; "
                "check it."
            )
            self.warnings.append(RowError(row.line, "year", note % {"year": year}))
            value["year"] = year
        if not re.sub(r"\([^()]*\)", "", value["locality"]).strip(" ,;.-–"):  # "(xã Vĩnh Trạch Đông cũ)" alone
            value["locality"] = ""  # a former unit's note names no place of today: as an empty cell
        unit_locality = None  # a locality cell left empty ("Phó Chủ tịch UBND xã"): the importing unit's
        above = self.defaults.get("locality")  # a list without a locality column: the importing unit's
        # a commune's list imported by a unit above the commune: a row naming no place is the commune's
        commune_first = above is None or (
            isinstance(above, Locality) and name_key(above.name) != name_key(self.localities.list_commune)
        )
        if not value["locality"] and commune_first and self.localities.list_commune:
            value["locality"] = self.localities.list_commune  # the commune whose list it is (its title, its sheet)
            note = _("empty: taken as the commune or ward whose list it is, “%(name)s”; check it.")
            self.warnings.append(RowError(row.line, "locality", note % {"name": value["locality"]}))
        elif not value["locality"] and "locality" not in self.defaults and self.unit_locality is not None:
            unit_locality = self.unit_locality
            note = _("empty: taken as the importing unit's, “%(name)s”; check it.")
            self.warnings.append(RowError(row.line, "locality", note % {"name": unit_locality.name}))
        for column in REQUIRED_COLUMNS:
            if column == "locality" and (column in self.defaults or unit_locality is not None):
                continue
            if not value[column] and column != "field":
                problem(column, _("required, but empty."))
        for column, limit in (("title", 255), ("subject_name", 255)):
            if len(value[column]) > limit:
                problem(column, _("longer than %(limit)s characters.") % {"limit": limit})
        if len(value["summary"]) > SUMMARY_MAX:  # nothing lost: the whole text opens the body
            if value["summary"] not in value["body"]:
                value["body"] = "\n".join(filter(None, [value["summary"], value["body"]]))
            value["summary"] = shortened_summary(value["summary"])
            note = _("longer than %(limit)s characters: shortened; the whole text opens the body.")
            self.warnings.append(RowError(row.line, "summary", note % {"limit": SUMMARY_MAX}))
        subject_type = subject_type_of(value["subject_type"])
        unread = value["subject_type"] if subject_type is None else ""  # only a cell no type was read from is split
        ticked = [part for part in re.split(r"[,;/]|\svà\s", unread) if subject_type_of(part.strip())]
        if (
            unread
            and value["subject_name"]
            and (subject_type_of_name(value["subject_type"]) == "collective" or len(ticked) > 1)
        ):
            # a form's "other" answer naming a body's kind ("Tổ dân phố", "Doanh nghiệp"): a collective; several
            # answers ticked ("Cá nhân, Tập thể"): the name's type
            written = value["subject_type"]
            subject_type = "collective" if len(ticked) < 2 else subject_type_of_name(value["subject_name"])
            value["subject_type"] = subject_type
            note = _("“%(value)s” is no subject type: read as %(type)s; check it.")
            label = str(SubjectType(subject_type).label).lower()
            self.warnings.append(RowError(row.line, "subject_type", note % {"value": written, "type": label}))
        if subject_type == "individual":  # the title keeps the whole cell; the name is the person's
            value["subject_name"] = _without_mark(name_and_position(_text(row.values.get("subject_name")))[0])
            # "NGUYỄN HOÀNG PHÚC", typed to stand out, "nguyễn thị thanh tâm" in a form: "Nguyễn Hoàng Phúc"
            if value["subject_name"].isupper() or value["subject_name"].islower():
                written, value["subject_name"] = value["subject_name"], person_name_case(value["subject_name"])
                value["title"] = value["title"].replace(written, value["subject_name"])
        elif (
            subject_type == "household"
            and value["subject_name"].isupper()
            and (headed := _HEAD_OF_HOUSEHOLD_RE.match(value["subject_name"]))
        ):  # "HỘ ÔNG CAO VĂN KHÁNH": "Hộ ông Cao Văn Khánh"
            written = value["subject_name"]
            value["subject_name"] = headed.group().capitalize() + person_name_case(written[headed.end() :])
            value["title"] = value["title"].replace(written, value["subject_name"])
        elif subject_type == "collective" and value["subject_name"].isupper() and _names_village(value["subject_name"]):
            written, value["subject_name"] = value["subject_name"], person_name_case(value["subject_name"])
            value["title"] = value["title"].replace(written, value["subject_name"])  # "XÓM MỚ ĐÁ": "Xóm Mớ Đá"
        if value["subject_type"] and subject_type is None:
            problem(
                "subject_type",
                _("“%(value)s” is not valid; use individual, collective, household or Cá nhân, Tập thể, Hộ gia đình.")
                % {"value": value["subject_type"]},
            )
        field_term = None
        # what the row speaks of, for a loose field: its movement, achievements and the person's position
        # and the columns no model field takes ("Mô hình sản xuất": "Chăn nuôi bò")
        unused = " ".join(str(text) for column, text in row.values.items() if column not in COLUMNS and str(text))
        # a collective's name too ("Đội cồng chiêng Plei Klăh"); not a person's ("Trần Văn Hóa" is no culture)
        named = value["subject_name"] if subject_type == "collective" else ""
        context = (value["movement"], value["summary"], value["body"], unused, named)
        if not value["field"]:  # no field column, or its cell left empty: the topics the row's achievements name
            field_term = self._inferred_field(row.line, value, context)
            if field_term is None:
                problem("field", _("required, but empty."))
        if value["field"]:  # by name or slug, else by the topics a loosely written name holds (“Giáo dục”)
            try:
                field_term, note = self.fields.resolve(value["field"], *context)
            except FieldProblem as error:  # a name of its own ("Kinh tế vườn đồi"): the topics the row speaks of
                inferred = self.fields.infer(value["field"], *context)
                field_term, note = inferred or (None, None)
                if inferred is None and (by_awards := self.fields.infer("", value["awards"])):
                    # "TDĐKXDĐSVH": no topic in it nor in the row's text; its awards' ("Gia đình văn hóa tiêu biểu")
                    field_term = by_awards[0]
                    note = _(
                        "“%(value)s” names no field of the site: read as “%(field)s” from the row's awards; check it."
                    )
                    note %= {"value": value["field"], "field": field_term.name}
                elif inferred is None and (by_title := self.fields.infer("", self.list_title)):
                    field_term = by_title[0]  # "… ngành Y tế": nothing in the row, the list's title says it
                    note = _(
                        "“%(value)s” names no field of the site: read as “%(field)s” from the list's title; check it."
                    )
                    note %= {"value": value["field"], "field": field_term.name}
                elif inferred is None:
                    problem("field", str(error))
            if note:
                self.warnings.append(RowError(row.line, "field", note))
        locality = None if value["locality"] else self.defaults.get("locality", unit_locality)
        if value["locality"]:
            try:
                locality = self.localities.resolve(value["locality"])
            except LocalityProblem as error:
                problem("locality", str(error))
            self.warnings.extend(RowError(row.line, "locality", note) for note in self.localities.notes)
        movement, note = None, None
        if value["movement"]:  # matched by name, alias or containment; an unknown one becomes a draft movement
            movement, note = self.movements.resolve(value["movement"], row.line)
        if note:
            self.warnings.append(RowError(row.line, "movement", note))
        year_text, year_note = year_as_written(value["year"])
        year = self._number(year_text, "year", YEAR_RANGE, problem, value["year"])
        if year is not None and year_note:
            self.warnings.append(RowError(row.line, "year", year_note))
        quarter = self._number(quarter_text, "quarter", (1, 4), problem, value["quarter"]) if quarter_text else None
        awards = []
        # else the one its part's line or the list's title names
        given = row.values.get("awards") or self.common_award or self.defaults.get("awards")
        # "Giải Nhì … 2023 + Giấy khen … 2024", "… 2022 - Giấy khen …", "LĐTT, GK": several awards in one item
        written = [
            award
            for item in _with_their_years(_items(given))
            for part in split_if_awards(item, r"\s[+–-]\s")
            for award in split_if_awards(part, ",")
        ]
        if self.part_award and self.part_award not in written:
            written.insert(0, self.part_award)
        if self.part_decision:  # the heading's decision, for an award that names none
            written = [
                item if re.search(r"\d+/[^\W\d_]", item) else self.part_decision.written_into(item) for item in written
            ]
        for item in (item for item in written if not gives_no_award(item)):
            award, warnings = self.awards.resolve(item)
            awards.append(award)
            self.warnings.extend(RowError(row.line, "awards", warning) for warning in warnings)
        tags = list(dict.fromkeys(tag[:100] for tag in _items(re.sub(",", ";", _text(row.values.get("tags"))))))
        for column in ("summary", "body"):
            reason, certain = _quality_problem(value[column]) if value[column] else (None, False)
            if reason and certain:
                problem(column, reason)
            elif reason:
                self.warnings.append(RowError(row.line, column, reason))
        if year is not None and value["title"] and value["subject_name"]:
            key = story_key(value["title"], value["subject_name"], year)
            if key in self.seen and SUBMITTED in row.values:
                # a form's response sent again ("gửi lại"): the later one is taken, the earlier left out
                note = _(
                    "a second response for the same exemplar as row %(line)s: this later one is taken, row %(line)s is left out."
                )
                self.warnings.append(RowError(row.line, "subject_name", note % {"line": self.seen[key]}))
                self.superseded.add(self.seen.pop(key))
            if key in self.seen and (self.part_award or self.part_decision) and key in self.drafted and not problems:
                # one person in two parts of a decision's annex, given two awards: one story with both
                earlier = self.drafted[key]
                held = {name_key(award.parsed.text) for award in earlier.awards}  # "UBND" and "Ủy ban nhân dân" alike
                earlier.awards.extend(award for award in awards if name_key(award.parsed.text) not in held)
                note = _("the same exemplar as row %(line)s, given this part's award too: its awards join that row's.")
                self.warnings.append(RowError(row.line, "awards", note % {"line": self.seen[key]}))
                return None
            if key in self.seen:
                problem(
                    "title",
                    _("duplicates row %(line)s (same title, exemplar name and year).") % {"line": self.seen[key]},
                )
            loosely = (key[0], name_key(value["subject_name"]), year)  # "Hà Văn Thuân" after "Hà Văn Thuận"
            if key not in self.seen and loosely in self.seen_loosely:
                line, name = self.seen_loosely[loosely]
                note = _("the same name as row %(line)s (“%(name)s”) but for its marks: two people, or one mistyped?")
                self.warnings.append(RowError(row.line, "subject_name", note % {"line": line, "name": name}))
            self.seen.setdefault(key, row.line)
            self.seen_loosely.setdefault(loosely, (row.line, value["subject_name"]))
        errors.extend(problems)
        if problems:
            return None
        draft = StoryDraft(
            row.line, value["title"], value["subject_name"], subject_type, field_term, locality, movement, year,
            quarter, value["summary"], body_blocks(value["body"]), awards, tags,
        )  # fmt: skip
        if year is not None and value["title"] and value["subject_name"]:
            self.drafted[story_key(value["title"], value["subject_name"], year)] = draft
        return draft

    def _inferred_field(self, line: int, value: dict[str, str], context: tuple[str, ...]) -> Field | None:
        """The field of a row that writes none: the topics its achievements, position or movement name, else its
        awards' ("Bằng khen của Bộ trưởng Bộ Y tế"), else the list's title's, else the broadest field, with a note
        asking to check it; None when the site has no such field."""
        no_column = self.defaults.get("field") is INFERRED or self._lacks("field")
        if found := self.fields.infer("", *context):
            if not no_column:
                note = _("empty: read as “%(field)s” from the row's achievements; check it.")
                self.warnings.append(RowError(line, "field", note % {"field": found[0].name}))
            return found[0]
        if found := self.fields.infer("", value["awards"]):
            note = _("the row names no field's topic: read as “%(field)s” from its awards; check it.")
        elif found := self.fields.infer("", self.list_title):  # "DANH SÁCH NỮ CÔNG NHÂN … LIÊN ĐOÀN LAO ĐỘNG …"
            note = _("the row names no field's topic: read as “%(field)s” from the list's title; check it.")
        elif broadest := self.fields.broadest():
            found = (broadest, "")
            note = _("neither the row nor the list's title names a field's topic: filed under “%(field)s”; check it.")
        else:
            return None
        self.warnings.append(RowError(line, "field", note % {"field": found[0].name}))
        return found[0]

    def _lacks(self, column: str) -> bool:
        """Whether the sheet of the rows being read has no such column (another sheet of the workbook has)."""
        return self.sheet_columns is not None and column not in self.sheet_columns

    @staticmethod
    def _year_of_awards(row: SourceRow) -> str:
        """The latest year the row's awards are written with ("Gia đình văn hóa tiêu biểu (2023)"), or ""."""
        years = re.findall(r"(?<!\d)(?:19[4-9]\d|20\d{2})(?!\d)", _text(row.values.get("awards")))
        return max(years, default="")

    @staticmethod
    def _number(text: str, column: str, bounds: tuple[int, int], problem, shown: str = "") -> int | None:
        """An integer within bounds, or None with a problem reported."""
        if not text:
            return None
        if not (text.isascii() and text.isdigit()) or not bounds[0] <= int(text) <= bounds[1]:
            problem(
                column,
                _("“%(value)s” must be a number from %(low)s to %(high)s.")
                % {"value": shown or text, "low": bounds[0], "high": bounds[1]},
            )
            return None
        return int(text)

    def existing_story(self, draft: StoryDraft) -> ExemplarStoryPage | None:
        return self.existing.get(story_key(draft.title, draft.subject_name, draft.year))

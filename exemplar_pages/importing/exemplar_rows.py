"""Read exemplar lists (CSV, XLSX, Excel 97–2003 XLS, OpenDocument ODS, Word or OpenDocument tables, JSON) into rows numbered as the standing office sees them."""

from __future__ import annotations

import csv
import datetime
import functools
import io
import itertools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from cms.vietnamese import fold_vietnamese
from cms.vietnamese.text_repair import fix_legacy_fonts, old_font_codes

from . import numbered_list, opendocument, web_pages
from .awards import NO_AWARD, gives_no_award, names_an_award, split_if_awards
from .limits import (
    ImportLimitError,
    cell_error,
    check_bytes,
    check_pdf_pages,
    check_row_shape,
    check_rows,
    check_zip,
    limit,
)
from .pdf_tables import page_blocks

SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".xls", ".ods", ".docx", ".doc", ".odt", ".pdf", ".html", ".htm", ".json")
COLUMNS = (
    "title",
    "subject_name",
    "subject_type",
    "field",
    "locality",
    "movement",
    "year",
    "quarter",
    "summary",
    "body",
    "awards",
    "tags",
)
REQUIRED_COLUMNS = ("title", "subject_name", "subject_type", "field", "locality", "year")
#: The column of a form's responses that says when each was sent ("Dấu thời gian", "Timestamp").
SUBMITTED = "submitted_at"
#: Vietnamese headings accepted for each column (folded, words joined by "_"); longer ones by `HEADING_KEYWORDS`.
HEADING_ALIASES = {
    "tieu_de": "title",
    "ten_bai": "title",
    "ten_dien_hinh": "subject_name",
    "ca_nhan_tap_the": "subject_name",
    "tap_the_ca_nhan": "subject_name",
    "ho_gia_dinh": "subject_name",  # a table of households headed "Hộ gia đình": "Hộ ông Nguyễn Văn Tín"
    "loai_dien_hinh": "subject_type",
    "loai": "subject_type",
    "linh_vuc": "field",
    "dia_ban": "locality",
    "phong_trao": "movement",
    "nam": "year",
    "quy": "quarter",
    "tom_tat": "summary",
    "noi_dung": "body",
    "khen_thuong": "awards",
    "danh_hieu": "awards",
    "tu_khoa": "tags",
    # when a form's response was sent: the year of a list that writes none
    "dau_thoi_gian": SUBMITTED,
    "timestamp": SUBMITTED,
    "thoi_gian_gui": SUBMITTED,
}


#: Words a longer heading holds and the column it means, in this order ("Năm khen thưởng" is the year; "Chức vụ, đơn
#: vị công tác (địa chỉ)" a decision's position, not a locality); folded.
HEADING_KEYWORDS: list[tuple[tuple[str, ...], str]] = [
    (("tieu de", "ten bai"), "title"),
    (("ho va ten", "ho ten", "ten ca nhan", "ten tap the", "ten dien hinh", "ten guong", "chu ho"), "subject_name"),
    # not "Loại" as a subject type; "Hình thức, cấp khen (số QĐ, năm)" is no year
    (
        ("hinh thuc khen thuong", "hinh thuc khen", "loai hinh khen thuong", "danh hieu", "hinh thuc cap khen")
        + ("cap khen",),
        "awards",
    ),
    (("nam sinh", "ngay sinh", "ngay thang nam sinh"), "birth_date"),  # a person's, not the story's year
    (("gioi tinh",), "sex"),
    (("doi tuong", "loai", "phan loai"), "subject_type"),
    (("linh vuc", "nganh"), "field"),
    (("chuc vu", "don vi cong tac", "noi cong tac", "nghe nghiep"), "position"),
    (
        ("dia chi", "dia ban", "dia phuong", "noi cu tru", "noi o", "tru so", "thon", "xom", "khu pho", "to dan pho")
        + ("xa phuong", "phuong xa", "ap khom", "khom ap"),  # "Xã, phường", "Ấp (khóm), xã (phường, đặc khu)"
        "locality",
    ),
    (("phong trao",), "movement"),
    (("quy",), "quarter"),
    (
        ("da dat", "da duoc khen", "da duoc tang", "da nhan"),
        "awards",
    ),  # "Khen thưởng đã đạt (3 năm gần nhất)": not a year
    (("nam",), "year"),
    (("tom tat", "thanh tich"), "summary"),
    (("noi dung", "chi tiet"), "body"),
    (("khen thuong",), "awards"),
    (("tu khoa",), "tags"),
]


#: The signer's block under a list in a sheet ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "NGƯỜI LẬP BIỂU"), folded.
_SIGNER = r"^(?:tm|kt|tl|tuq|q)\s*\.\s*\w|^nguoi lap (?:bieu|danh sach)\b|^nguoi lap\s*:"  # "Người lập: …"
#: A heading row that offices put inside a list ("I. TẬP THỂ", "II. CÁ NHÂN", "B. Hộ gia đình") or the line that
#: closes it ("Danh sách này có 12 tập thể và 28 cá nhân./.", "Tổng cộng: 40").
_SECTION_RE = re.compile(r"^(?:[IVX]{1,4}|[A-Z])\s*[.)/-]\s*\w")
_CLOSING_RE = re.compile(rf"^(?:danh sach|tong cong|tong so|cong)\b|\./\.$|{_SIGNER}")
_SECTION_TYPES = (
    ("tap the", "collective"),
    ("ho gia dinh", "household"),
    ("ca nhan", "individual"),
    ("dang vien", "individual"),  # a Party committee's list: "I. ĐẢNG VIÊN TIÊU BIỂU", "II. TỔ CHỨC CƠ SỞ ĐẢNG …"
    ("to chuc co so dang", "collective"),
)
#: Words a part's heading names bodies by ("V. CƠ QUAN, ĐƠN VỊ, CÁ NHÂN CÓ THÀNH TÍCH …": both kinds, each row typed by
#: its name); not a sub-part's ("4. Cơ quan, đơn vị đóng trên địa bàn" under "II. CÁ NHÂN": where its people work).
_PART_BODY_WORDS = ("co quan", "don vi")
#: The line that ends the list: what follows it (the signer, "NGƯỜI LẬP BIỂU", notes) is no part of it.
#: A group's own total ("Cộng xã Y Tý: 09", "Cộng khối Đảng") closes the group, not the list.
_LIST_END_RE = re.compile(
    # "Cộng A: 43 điển hình", "Cộng II": a part's total, marked by the part's letter or Roman number
    rf"^(?:tong cong|tong so|cong(?! (?:xa|phuong|thi tran|thon|ban|khoi|nhom|cum|phan|muc|don vi|huyen|to|[a-z]|[ivx]{{1,4}})\b))\b"
    rf"|^danh sach (?:nay )?(?:co|gom)\b|\./\.$|{_SIGNER}"
)
#: The label of a total alone in its cell, the counts beside it ("Tổng cộng" | 65 | 40 | 15), folded.
_TOTAL_LABEL_RE = re.compile(r"^(?:tong cong|tong so|cong)\s*:?[\s\d]*$|^cong\s*:\s*\d")  # "Cộng: 20 Giấy khen"
#: A line of the signers' block under a list: its opening ("TM. …", "Người lập biểu") or the place and date it is
#: signed on ("Cư M'gar, ngày 05 tháng 6 năm 2025"), folded.
_SIGNING_RE = re.compile(rf"{_SIGNER}|^[^\d,]{{2,40}}, ngay [\d .…_]*thang [\d .…_]*nam \d{{4}}$")
#: A note under the header or the list ("Ghi chú: cột … ghi theo …"): no story, and the part goes on.
_NOTE_RE = re.compile(r"^(?:ghi chu|luu y|chu thich|chu y)\b")
#: A numbered sub-part alone on its row, outside the name column ("1. Khối Đảng, Mặt trận, đoàn thể", "2) Khối doanh
#: nghiệp", "a. Cấp xã"): it groups the rows below it inside their part, whose subject type they keep.
_SUB_SECTION_RE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s+[^\W\d]", re.IGNORECASE)
_SUB_SECTION_MARK_RE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s+", re.IGNORECASE)
_NAME_COLUMNS = ("name", "subject_name")


@dataclass
class Section:
    """A row that heads or closes part of a list, and the subject type the rows under it share (if it says one)."""

    text: str
    subject_type: str | None
    #: The line ends the list ("Tổng cộng: 80", "Danh sách này có …./.").
    ends_list: bool = False
    #: A numbered group inside a part ("1. Khối doanh nghiệp"): the part's subject type goes on under it.
    inside_part: bool = False
    #: The year of the rows under it ("NĂM 2022" in a register kept over several years).
    year: str | None = None
    #: A sheet's own title lines and columns, when each sheet of a workbook is a list of its own (a commune's).
    title_lines: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)

    def type_under(self, current: str | None) -> str | None:
        """The subject type of the rows below this line, given the type of those above it."""
        return current if self.inside_part and self.subject_type is None else self.subject_type


#: A register's year heading alone on its row ("NĂM 2021", "Năm 2022:").
_YEAR_HEADING_ROW_RE = re.compile(r"^(?i:năm)\s+((?:19|20)\d{2})\s*:?$")
#: A part's mark alone in its cell ("A", "II", "B."), its heading in the next.
_PART_MARK_RE = re.compile(r"^(?:[IVX]{1,4}|[A-Z])[.)]?$")


def only_types(key: str) -> bool:
    """A folded sub-part's heading naming subject types and nothing else ("b) Cá nhân, hộ gia đình", "1. Tập thể
    (05)"): a heading even in the name column, where "1. Tập thể lớp 5A" would be a name."""
    heading = re.sub(r"^\S+\s*", "", key)  # after its mark ("b", "1.")
    rest = heading
    for words, _kind in _SECTION_TYPES:
        rest = re.sub(rf"\b{words}\b", " ", rest)
    return rest != heading and not re.sub(r"[\s\d,.;:/&-]|\bva\b", "", rest)  # counts and "và" may stand between


def _names_commune(key: str) -> bool:
    """A folded sub-part's heading naming a commune or ward alone ("2. Xã Lìa"): a group of its rows, even when it
    stands in the name column (a commune's own entry writes more than its name: "Ủy ban MTTQ xã Lìa")."""
    return bool(re.fullmatch(r"\S+\s+(?:xa|phuong|thi tran|dac khu)(?:\s+\w+){1,4}", key))


def _names_award_group(text: str) -> bool:
    """A numbered sub-part named by an award alone ("1. Tập thể lao động xuất sắc", "2. Chiến sĩ thi đua cơ sở"): the
    rows proposed for it follow, even when the heading stands in the name column."""
    award = _SUB_SECTION_MARK_RE.sub("", text, count=1)
    return award != text and names_an_award(award) and len(award.split()) <= 8


#: A band across the table naming the award of the rows under it, with their count ("Bằng khen của Bộ trưởng Bộ Nông
#: nghiệp và Môi trường (5)"), as a portal's honour roll groups them.
AWARD_BAND_RE = re.compile(
    r"^((?i:huân chương|huy chương|bằng khen|giấy khen|cờ thi đua|kỷ niệm chương|chiến sĩ thi đua|danh hiệu|giải)\b"
    r".{0,160}?)\s*(?:\(\s*\d+[^()]*\))?$"
)


def section_row(values: dict[str, Any]) -> Section | None:
    """The section heading or closing line a row holds alone, else None (a row of data)."""
    texts = [
        str(value).strip() for value in values.values() if not isinstance(value, list) and str(value or "").strip()
    ]
    # "Người lập biểu" beside "Cư M'gar, ngày 05 tháng 6 năm 2025": the signers' row
    signed = (
        [text for text in texts if _SIGNING_RE.search(" ".join(fold_vietnamese(text).split()))]
        if len(texts) <= 3
        else []
    )
    if signed:
        return Section(signed[0], None, ends_list=True)
    if len(texts) == 2 and _PART_MARK_RE.match(texts[0]):  # "A" | "TẬP THỂ (07 tập thể)": the mark in the STT column
        texts = [f"{texts[0].rstrip('.)')}. {texts[1]}"]
        key = " ".join(re.sub(r"[^\w./]+", " ", fold_vietnamese(texts[0])).split())
        kinds = list(dict.fromkeys(kind for words, kind in _SECTION_TYPES if f" {words} " in f" {key} "))
        if not kinds and not _CLOSING_RE.search(key):  # "I" | "Xã, thị trấn, xóm, tiểu khu": a group of its part
            return Section(texts[0], None, inside_part=True)
    named = any(str(values.get(column) or "").strip() for column in _NAME_COLUMNS)
    if len(texts) > 1 and not named and _TOTAL_LABEL_RE.match(" ".join(fold_vietnamese(texts[0]).lower().split())):
        return Section(texts[0], None, ends_list=True)  # "Tổng cộng" | 65 | 40 | 15: the counts beside the total
    others = [text for text in texts[1:] if text != texts[0]] if texts else []  # a cell merged across: once
    in_number_column = (
        any(str(values.get(column) or "").strip() == texts[0] for column in _NUMBER_COLUMNS) if texts else False
    )
    if (  # "Cộng" in the number column, the name above merged down beside it, and the counts: the total's row
        in_number_column
        and _TOTAL_LABEL_RE.match(" ".join(fold_vietnamese(texts[0]).lower().split()))
        and sum(not re.fullmatch(r"[\d\s.,]+", text) for text in others) <= 1
        and len(others) >= 2
    ):
        return Section(texts[0], None, ends_list=True)
    if (
        others
        and re.match(r"^tong (?:cong|so)\b", fold_vietnamese(texts[0]).lower())
        and all(
            re.fullmatch(r"[\d\s.,]+", text) or fold_vietnamese(text).lower().startswith("trong do") for text in others
        )  # "Tổng cộng" | 36 | "Trong đó: 12 tập thể, 5 hộ gia đình, 19 cá nhân"
    ):  # "Tổng cộng: 20 tập thể, 33 cá nhân" | 63, even merged over the name column
        return Section(texts[0], None, ends_list=True)
    if len(texts) != 1:
        return None
    text = texts[0]
    if year := _YEAR_HEADING_ROW_RE.match(text):  # "NĂM 2021" over a register's rows of that year
        return Section(text, None, inside_part=True, year=year.group(1))
    key = " ".join(re.sub(r"[^\w./]+", " ", fold_vietnamese(text)).split())
    in_number = str(values.get("stt") or "").strip() == text and len(text.split()) >= 6
    if in_number and not _SECTION_RE.match(text) and not _CLOSING_RE.search(key):
        return Section(text, None, inside_part=True)  # "Từ 01/7/2025 thực hiện sắp xếp …" across the table: a note
    kinds = list(dict.fromkeys(kind for words, kind in _SECTION_TYPES if f" {words} " in f" {key} "))
    if _SECTION_RE.match(text) and any(f" {words} " in f" {key} " for words in _PART_BODY_WORDS):
        kinds = list(dict.fromkeys(["collective", *kinds]))
    capitals = re.sub(r"\s*\([^()]*\)\s*$", "", text)  # "II. TỔ CHỨC … (10 tổ chức)": the count is no part of it
    numbered = _SECTION_RE.match(text) and (kinds or capitals.upper() == capitals)
    if _NOTE_RE.match(key):
        return Section(text, None, inside_part=True)
    across = next((column for column, value in values.items() if str(value or "").strip() == text), "")
    if (
        (band := AWARD_BAND_RE.match(text))
        and across in (*_NUMBER_COLUMNS, *_NAME_COLUMNS)  # across the table from its first cells, not an awards cell
        and (names_an_award(band.group(1)) or not named)
        and not _numbered(values)
    ):
        # "Bằng khen của … (5)" across the table over its rows; "Giải thưởng do các tổ chức trao tặng (4)" too
        return Section(text, None, inside_part=True)
    if not (numbered or _CLOSING_RE.search(key) or (kinds and capitals.upper() == capitals)):
        if _SUB_SECTION_RE.match(text) and _names_award_group(text):  # its rows' type: the award's, else theirs
            return Section(text, kinds[0] if len(kinds) == 1 else None)
        numbers = [column for column in _NUMBER_COLUMNS if column in values]
        unnumbered = bool(numbers) and not any(str(values.get(column) or "").strip() for column in numbers)
        if (_SUB_SECTION_RE.match(text) or _SECTION_RE.match(text)) and (
            not named or unnumbered or only_types(key) or _names_commune(key)
        ):  # "II. Trường học" alone in the number column, "1. Địa bàn xã Thanh Luận (cũ)" beside an empty one: a group
            # inside its part
            return Section(text, kinds[0] if len(kinds) == 1 else None, inside_part=True)
        return None
    closing = bool(_CLOSING_RE.search(key))
    return Section(text, kinds[0] if len(kinds) == 1 and not closing else None, bool(_LIST_END_RE.search(key)))


def _numbered(values: dict[str, Any]) -> bool:
    """The row's number column holds a number (a row of data), not a heading written across it."""
    return any(re.fullmatch(r"\d{1,4}\.?", str(values.get(column) or "").strip()) for column in _NUMBER_COLUMNS)


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; the message (Vietnamese) names the file and the problem."""

    def __init__(self, file_name: str, problem: str) -> None:
        self.file_name = file_name
        self.problem = problem
        super().__init__(f"Không đọc được tệp “{file_name}”: {problem}")


class SheetLine(int):
    """A row's number, naming its sheet when a workbook holds lists on several sheets ("7 (trang “Cá nhân”)")."""

    sheet = ""

    def __new__(cls, line: int, sheet: str = "") -> SheetLine:
        place = super().__new__(cls, line)
        place.sheet = sheet
        return place

    def __str__(self) -> str:
        if not self.sheet:
            return int.__repr__(self)
        return _("%(line)s (sheet “%(sheet)s”)") % {"line": int.__repr__(self), "sheet": self.sheet}


@dataclass
class SourceRow:
    """One story as read from the file: its line (row) number and its values by column."""

    line: int
    values: dict[str, Any]
    #: On the first row of each sheet of a workbook of several lists: the sheet, a part of its own.
    part: Section | None = None


@dataclass
class Table:
    """A list as read: its columns, its data rows, and the lines above its header (the list's title, "(Kèm theo
    Quyết định số …)")."""

    columns: list[str]
    rows: list[SourceRow]
    title_lines: list[str] = field(default_factory=list)
    #: Each column's heading as the file writes it ("Năm sinh" for `birth_date`), for the report.
    headings: dict[str, str] = field(default_factory=dict)
    #: The lines below a Word document's last list (the signer's block), for a decision.
    closing_lines: list[str] = field(default_factory=list)
    #: A workbook's sheets read as lists, and its other visible sheets (when it has several).
    sheets: list[str] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    #: How the file was read when not as the format asks (a CSV in windows-1258 rather than UTF-8), for the report.
    read_note: str = ""

    def sheet_note(self) -> str:
        """How the file was read and which sheets of a workbook of several were, for the report ("" when plain)."""
        if not self.skipped_sheets and len(self.sheets) < 2:
            return self.read_note
        quoted = lambda names: ", ".join(f"“{name}”" for name in names)  # noqa: E731
        note = _("Read the lists of the sheets %(sheets)s, one after the other.") % {"sheets": quoted(self.sheets)}
        note = f"{self.read_note} {note}".strip()
        if self.skipped_sheets:
            note += " " + _("Skipped the sheets %(sheets)s: no list header (name and another known column).") % {
                "sheets": quoted(self.skipped_sheets)
            }
        return note

    def written(self, columns: list[str]) -> str:
        """Columns named as the file's headings name them, for the report."""
        return ", ".join(f"“{self.headings.get(column, column)}”" for column in columns)


def _heading_key(heading: Any) -> str:
    """A heading folded, its words joined by "_" (`Chức vụ, đơn vị` → `chuc_vu_don_vi`)."""
    return "_".join(re.sub(r"[^\w]+", " ", fold_vietnamese(str(heading or ""))).split())


#: A quantity per year in a heading ("triệu đồng/năm", "tấn / năm"), not "Ngày/tháng/năm sinh".
_PER_YEAR_RE = re.compile(r"(?<!tháng)(?<!thang)\s*/\s*(?i:năm|nam)\b(?!\s*(?i:sinh))")


def column_name(heading: Any) -> str:
    """The column a heading means: `Subject Name`, `subject_name`, `Tên điển hình` → `subject_name`; punctuation
    separates words (`Chức vụ, đơn vị` → `chuc_vu_don_vi`)."""
    name = _heading_key(_PER_YEAR_RE.sub(" ", str(heading or "")))  # "Thu nhập (triệu đồng/năm)": no year
    if not name:
        return _heading_key(heading)
    # "Tập thể, cá nhân (chức vụ, đơn vị công tác)": a name's heading, the brackets saying what its cells add
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", " ".join(str(heading).split()))
    if bare and bare != " ".join(str(heading).split()) and column_name(bare) == "subject_name":
        return "subject_name"
    if name in HEADING_ALIASES or name in COLUMNS:
        return HEADING_ALIASES.get(name, name)
    words = f" {name.replace('_', ' ')} "  # an office's longer heading: "Họ và tên cá nhân / Tên tập thể"
    if any(f" {key} " in words for key in _NOT_THE_EXEMPLAR_S):  # "Địa chỉ email", "Người đề cử (họ tên, chức vụ)"
        return name
    # "Tên thôn", "Tên đơn vị": the exemplar's name (a heading's few words, not a sentence opening with "Tên")
    if words.startswith(" ten ") and len(words.split()) <= 4 and name not in _NOT_NAMES:
        return "subject_name"
    if words.startswith((" huy chuong ", " giai thuong ")):  # "Huy chương, giải thưởng": medals and prizes
        return "awards"
    if words.startswith(" de nghi ") or (" de nghi " in words and _AWARD_WORDS_RE.search(words)):
        return PROPOSED  # "Danh hiệu, hình thức đề nghị", "Đề nghị năm 2025": an award asked for, not received
    # "Thành tích nổi bật năm 2025", "Khen thưởng năm 2024": the year qualifies the heading, which is no year column
    words = _QUALIFYING_YEAR_RE.sub(" ", words) if _QUALIFYING_YEAR_RE.sub("", words).strip() else words
    column = next((column for keys, column in HEADING_KEYWORDS if any(f" {key} " in words for key in keys)), name)
    if column == "position":  # "Địa chỉ/ Đơn vị công tác": the address first, a locality
        first = min(words.find(f" {key} ") for key in _POSITION_KEYS if f" {key} " in words)
        if any(-1 < words.find(f" {key} ") < first for key in _LOCALITY_KEYS):
            return "locality"
    return column


_QUALIFYING_YEAR_RE = re.compile(r" nam (?:hoc )?(?:19|20)\d{2}(?: (?:19|20)?\d{2})?(?= )")


#: Headings opening with "Tên" that name no exemplar.
_NOT_NAMES = frozenset({"ten_sang_kien", "ten_de_tai", "ten_san_pham", "ten_phong_trao", "ten_danh_hieu"})
_POSITION_KEYS = next(keys for keys, column in HEADING_KEYWORDS if column == "position")
_LOCALITY_KEYS = next(keys for keys, column in HEADING_KEYWORDS if column == "locality")


#: The award a list proposes ("Hình thức khen thưởng đề nghị"): the stories' awards when the list has no column of
#: awards received, else a column no model field takes.
PROPOSED = "proposed_award"
_AWARD_WORDS_RE = re.compile(r" (?:hinh thuc|danh hieu|khen thuong) ")

#: Words of a heading about something else than the exemplar (a form's contact and nominator questions), folded.
_NOT_THE_EXEMPLAR_S = (
    "email", "e mail", "thu dien tu", "dien thoai", "sdt", "website", "facebook", "zalo",
    "nguoi de cu", "nguoi de nghi", "nguoi gioi thieu", "nguoi lap", "nguoi khai", "nguoi gui",
    "so nam", "so lan",  # "Số năm liên tục", "Số lần": a count of years, no year
    "quy mo",  # "Quy mô": a collective's size, no quarter
    "hien vat", "tien thuong",  # "Đã nhận hiện vật", "Tiền thưởng (đồng)": what was handed over, no award
)  # fmt: skip


def _cell(value: Any) -> Any:
    """Spreadsheet cells as text, whole numbers without “.0”; lists (JSON) kept."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):  # a date typed into a date cell: as the office writes it
        return value.strftime("%d/%m/%Y" if value.time() == datetime.time() else "%d/%m/%Y %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return value
    return str(value).strip() if not isinstance(value, dict) else value


#: The longest heading of a name and its deeds ("Họ và tên, dân tộc, nơi cư trú – thành tích – khen thưởng").
DEEDS_HEADING_WORDS = 14


def _holds_deeds(heading: Any) -> bool:
    """A name's heading that also holds the exemplar's achievements ("Tên tập thể, cá nhân – thành tích")."""
    key, bare = _heading_key(heading), _heading_key(re.sub(r"\([^()]*\)", " ", str(heading or "")))
    return (
        len(bare.split("_")) <= DEEDS_HEADING_WORDS  # a heading, not a sentence of a sheet of instructions
        and column_name(heading) == "subject_name"
        # "– thành tích", "(họ tên, địa chỉ, việc làm, hình thức đã khen thưởng)"
        and bool(re.search(r"(?:^|_)(?:thanh_tich|viec_lam)(?:_|$)", key))
    )


def _heading_columns(heading: Any) -> set[str]:
    """The columns a heading names: a name's and achievements' heading names both."""
    return {column_name(heading), "summary"} if _holds_deeds(heading) else {column_name(heading)}


#: A place in brackets after a name ("Ông Danh Sơn (ấp Cây Giá, xã Khánh Bình)"), a former district's inside it.
_PLACE_IN_BRACKETS_RE = re.compile(
    r"\s*\(((?i:ấp|khóm|sóc|thôn|bản|xóm|tổ|khu phố|buôn|làng|plei|xã|phường|thị trấn|đặc khu)\s[^()]*"
    r"(?:\([^()]*\)[^()]*)*)\)"
)


#: A prize named by its rank, a medal: "Giải Ba Cuộc thi …", "Huy chương Vàng …", "HCV Giải …".
_PRIZE_RE = re.compile(
    r"^(?:(?i:giải)\s+(?:(?i:nhất|nhì|ba|tư|khuyến khích|đặc biệt|thưởng)|[ABC])\b|(?i:huy chương)\s|HC[VBĐ]\s)"
)
_DEED_CLAUSE_RE = re.compile(r"\s*;\s*|(?<=[.!])\s+(?=[A-ZĐÀ-Ỹ])")
#: An entry of a cell listing several exemplars, one a line ("1. Chi hội …: …", "- Hộ ông …: …").
_ENTRY_MARK_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-+•])\s+")


_RUN_ON_ENTRY_RE = re.compile(r"(?<=[.;])\s+(?=\d{1,2}[.)]\s+[A-ZĐÀ-Ỹ])")


def _entries(cell: Any) -> list[str]:
    """The exemplars a cell lists one a line, each marked (a commune's row of a summary table), else []."""
    lines = [line for line in str(cell or "").split("\n") if line.strip()]
    if len(lines) < 2 or not all(_ENTRY_MARK_RE.match(line) for line in lines):
        return []
    # "… năm 2024. 2. Hội Chữ thập đỏ xã …": two entries run together in one paragraph
    lines = [piece for line in lines for piece in _RUN_ON_ENTRY_RE.split(line)]
    return [_ENTRY_MARK_RE.sub("", line, count=1).strip() for line in lines]


#: A labelled line of a card ("- Thành tích: …", "- Khen thưởng: …").
_CARD_LABEL_RE = re.compile(
    r"^\s*[-+•]?\s*(?P<label>(?i:thành tích|khen thưởng|đã được khen|danh hiệu))\s*:\s*(?P<text>.*)$"
)


def _card(values: dict[str, Any]) -> bool:
    """A cell written as a card: the name (its people and position after it), its place on the next line, then
    labelled lines ("- Thành tích: …", "- Khen thưởng: …"): the name, the locality, the summary and the awards."""
    lines = [line.strip() for line in str(values.get("subject_name") or "").split("\n") if line.strip()]
    labelled = [(at, found) for at, line in enumerate(lines) if (found := _CARD_LABEL_RE.match(line))]
    if not labelled or labelled[0][0] == 0:
        return False
    head = lines[: labelled[0][0]]
    kind = re.search(r"\s*\(((?i:tập thể|cá nhân|hộ gia đình)\b[^()]*)\)\s*$", head[0])
    values["subject_name"] = head[0][: kind.start()] if kind else head[0]  # "Thôn Nước Lăng (tập thể)"
    if kind:
        values["subject_type"] = kind.group(1).split(",")[0]
    if len(head) > 1 and not str(values.get("locality") or "").strip():
        values["locality"] = " ".join(head[1:])
    ends = [at for at, _found in labelled[1:]] + [len(lines)]
    for (at, found), end in zip(labelled, ends, strict=True):  # "- Khen thưởng:" over "+ Giấy khen …" lines
        key = "summary" if fold_vietnamese(found["label"]).lower() == "thanh tich" else "awards"
        items = [found["text"].strip(), *(_ENTRY_MARK_RE.sub("", line, count=1) for line in lines[at + 1 : end])]
        values[key] = "\n".join(filter(None, [str(values.get(key) or "").strip(), *items]))
    return True


def _name_and_deeds(values: dict[str, Any], within_commune: bool = False) -> None:
    """A cell holding the name, its place in brackets and the achievements after a colon or a dash ("Ông Danh Sơn (ấp
    Cây Giá, xã Khánh Bình): nuôi tôm …"): the name, the locality (unless the row has one) and the summary."""
    if _card(values):
        return
    cell = " ".join(str(values.get("subject_name") or "").split())
    depth, colon, dash = 0, None, None
    for at, character in enumerate(cell):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth == 0 and character == ":" and colon is None:
            colon = at
        elif depth == 0 and character in "-–—" and cell[at - 1 : at + 2].strip() == character and dash is None:
            dash = at  # "… (ấp …) – nuôi tôm …" when there is no colon; "Tổ hợp tác tôm – lúa …: …" keeps its dash
    cut = colon if colon is not None else dash
    if cut is None:
        return
    named, deeds = cell[:cut].strip(), cell[cut + 1 :].strip()
    # "…: Nông dân Việt Nam xuất sắc năm 2023; sản xuất lúa …", "… giữ rừng. Giấy khen của UBND xã năm 2025.": the
    # awards among the achievements' clauses
    awarded = [
        clause.strip(" .")
        for clause in _DEED_CLAUSE_RE.split(deeds)
        if names_an_award(clause.strip(" .")) or _PRIZE_RE.match(clause.strip(" ."))
    ]
    if awarded:
        values["awards"] = "\n".join(filter(None, [str(values.get("awards") or "").strip(), *awarded]))
    if place := _PLACE_IN_BRACKETS_RE.search(named):
        # "Ông Kê Văn Chòm (thôn A Đớt)" in a commune's row: the village, in the row's commune
        commune = str(values.get("locality") or "").strip()
        values["locality"] = f"{place.group(1)}, {commune}" if commune and within_commune else commune or place.group(1)
        named = f"{named[: place.start()]} {named[place.end() :]}".strip()
    values["subject_name"] = named
    values["summary"] = "\n".join(filter(None, [str(values.get("summary") or "").strip(), deeds]))


#: Records looked at for the header row: an office's list often has its title and date lines above it.
HEADER_SEARCH_RECORDS = 10


def _header_index(kept: list[tuple[int, list[Any]]], known: frozenset[str]) -> int:
    """The header among the first records: the first naming two known columns, one of them a name ("DANH SÁCH …"
    above it is a title, and so is "BAN THI ĐUA - KHEN THƯỞNG | Tuyên Quang, ngày …", whose words only sound like an
    awards and a year column), else the first naming a name, else the first naming two known columns, else the
    first record."""
    first = [set().union(*map(_heading_columns, cells)) for _line, cells in kept[:HEADER_SEARCH_RECORDS]]
    for index, names in enumerate(first):
        if len(names & known) >= 2 and names & set(_NAME_COLUMNS):
            return index
    # a name's heading with no other known one ("Tên thôn" | "Số năm liên tục …"), before a row whose cells only sound
    # like headings ("Thôn Bàu Trúc" | "5 năm liền")
    named = next((index for index, names in enumerate(first) if names & set(_NAME_COLUMNS)), None)
    if named is not None:
        return named
    return next((index for index, names in enumerate(first) if len(names & known) >= 2), 0)


#: The longest heading a second header row holds ("Số, ngày quyết định").
SUB_HEADING_WORDS = 10


def _is_sub_header(header: list[Any], cells: list[Any], columns: list[str]) -> bool:
    """A second header row under a merged group heading ("Khen thưởng đã đạt được" over "Hình thức" and "Số, ngày quyết
    định"): short headings without figures, one of them under an empty cell of the header, none under the name."""
    texts = {index: _cell(cell) for index, cell in enumerate(cells) if _cell(cell)}
    return (
        bool(texts)
        and all(
            # figures only in words ("Đề nghị năm 2025", "Đã đạt (03 năm gần nhất)"), never a number alone ("(6)")
            (isinstance(text, str) and not re.search(r"\d", text))
            or _YEAR_HEADING_RE.match(str(text).strip())
            or (isinstance(text, str) and len(re.findall(r"[^\W\d_]{2,}", text)) >= 2)
            for text in texts.values()
        )
        # its explanation in brackets aside ("Danh hiệu thi đua, hình thức khen thưởng (cấp khen, năm, số QĐ)")
        and all(len(re.sub(r"\([^()]*\)", " ", str(text)).split()) <= SUB_HEADING_WORDS for text in texts.values())
        and any(index < len(header) and not _cell(header[index]) for index in texts)
        and not any(index < len(columns) and columns[index] == "subject_name" for index in texts)
    )


#: Sub-headings splitting a group heading by sex.
_SEX_SPLIT = frozenset({"nam", "nữ", "nu"})  # with its diacritics: "Năm" under "Thành tích" is a year
#: A column named by an award under an awards heading, its cells marking who gets it ("x", "✓").
AWARD_MARK = "award_mark:"
#: A column of one year's awards under an awards heading ("2023": "LĐTT, GK").
AWARD_YEAR = "award_year:"
#: A column of one year under another heading ("Năm hoàn thành tốt nhiệm vụ" over "2021" … "2025"), its cells ticking
#: the years the row's exemplar did so: `year_mark:<year>:<heading>`.
YEAR_MARK = "year_mark:"
#: A further column of awards received ("Khen thưởng đã đạt" over "Cấp huyện" and "Cấp tỉnh, Trung ương"): its awards
#: follow the first column's.
AWARD_MORE = "award_more:"
#: Who gave the award the row names ("Cấp khen (người ký)": "Chủ tịch UBND huyện"), written after it ("… của …").
AWARD_GIVER = "award_giver"
#: A further part of an address under one heading ("Địa chỉ" over "Thôn, bản" and "Xã, phường"), joined to the first.
LOCALITY_PART = "locality_part:"
#: A cell that says "as above" ("-nt-", "như trên", '"'): the cell above's value.
_DITTO = frozenset({"nt", "nhutren", '"', "〃", "“", "”", "''"})
#: A given name's own column after the family and middle names' ("Họ và tên đệm" | "Tên"), as school software exports.
GIVEN_NAME = "given_name"
#: A column of one subject type under a subject type heading ("Đối tượng" over "CN", "TT", "HGĐ"), its cells marking
#: the rows of that type with a cross.
TYPE_MARK = "type_mark:"
_TYPE_HEADINGS = {
    "cn": "individual",
    "ca nhan": "individual",
    "tt": "collective",
    "tap the": "collective",
    "hgd": "household",
    "ho gd": "household",
    "ho": "household",
    "ho gia dinh": "household",
}
_FAMILY_NAME_KEYS = frozenset({"ho", "ho_dem", "ho_lot", "ho_va_dem", "ho_va_ten_dem", "ho_va_ten_lot", "ho_ten_dem"})
#: Under an achievements heading beside the award's form ("Thành tích đạt được" over "Năm", "Hình thức khen thưởng",
#: "Số quyết định"): the award's year and its decision, written into the award ("… năm 2023 (QĐ 1234/QĐ-TLĐ)").
AWARD_WHEN = "award_when"
#: … headed as the year the exemplar was recognised ("Năm công nhận mô hình"): the row's year too, when the list has
#: none of its own.
AWARD_WHEN_OWN = "award_when_own"
AWARD_DECISION = "award_decision"
#: "Số quyết định", "QĐ"; not a column of files sent with a form ("Tải lên minh chứng (quyết định, bài báo …)").
_DECISION_HEADING_RE = re.compile(
    r"^(?!.*\b(?:minh chung|tai len|dinh kem|tep|link|duong dan|hinh anh)\b).*(?:^| )(?:quyet dinh|qd)(?: |$)"
)
_YEAR_HEADING_RE = re.compile(r"^(?:(?i:năm)\s+(?:(?i:học)\s+)?)?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?$")
_MARKS = frozenset({"x", "v", "+", "1", "co", "✓", "√", "✔", "☑"})
#: Years listed in a cell under an award's column: "2021, 2023", "2022; 2024", "2020 và 2022" ("2020-2022" is one).
_YEARS_LIST_RE = re.compile(r"(?:19|20)\d{2}(?:\s*(?:[,;]|\svà\s)\s*(?:19|20)\d{2})+")
#: A level an award is given at, alone as a sub-heading under an awards heading ("Danh hiệu đã đạt" over "Cấp xã",
#: "Cấp tỉnh", "Trung ương"): its cells mark who got that heading's award at that level.
_LEVEL_HEADING_RE = re.compile(
    r"^(?:cap\s+(?:co\s+so|xa|phuong|huyen|tinh|thanh\s+pho|bo|nganh|trung\s+uong|quoc\s+gia)|trung\s+uong|toan\s+quoc)$"
)
#: What an awards heading adds to its award's name and a level cannot stand for ("Danh hiệu đã đạt" → "Danh hiệu").
_RECEIVED_WORDS_RE = re.compile(r"\s+(?:(?i:đã\s+)?(?i:đạt|được\s+công\s+nhận|được\s+tặng)(?:\s+(?i:được))?)\b.*$")


def _marked_years(values: dict[str, Any]) -> None:
    """Ticks under a heading's years ("Năm hoàn thành tốt nhiệm vụ" over "2021" … "2025"): the heading and the years
    ticked join the row's achievements, and the latest is its year when it has none."""
    ticked: dict[str, list[str]] = {}
    for name in [name for name in values if name.startswith(YEAR_MARK)]:
        year, heading = name[len(YEAR_MARK) :].split(":", 1)
        cell = fold_vietnamese(str(values.pop(name) or "")).strip().lower()
        if cell and (cell in _MARKS or cell.split()[0] in _MARKS):  # "x", "x (6 th)"
            ticked.setdefault(heading, []).append(year)
    for heading, years in ticked.items():
        summary = str(values.get("summary") or "").strip()
        values["summary"] = "\n".join(filter(None, [summary, f"{heading}: {', '.join(years)}."]))
        if not str(values.get("year") or "").strip():
            values["year"] = max(years)


def _marked_awards(values: dict[str, Any]) -> None:
    """Move the crosses of award columns into the row's awards: the column's award, with what the cell adds to a
    cross ("2024") after it; a cross under a subject type's column gives the row its type."""
    for name in [name for name in values if name.startswith(TYPE_MARK)]:
        if fold_vietnamese(str(values.pop(name) or "")).strip().lower() in _MARKS:
            values["subject_type"] = name[len(TYPE_MARK) :]
    further = [str(values.pop(name) or "").strip() for name in [name for name in values if name.startswith(AWARD_MORE)]]
    if any(further):
        values["awards"] = "\n".join(filter(None, [str(values.get("awards") or "").strip(), *further]))
    marked = []
    for name in [name for name in values if name.startswith((AWARD_MARK, AWARD_YEAR))]:
        cell = str(values.pop(name) or "").strip()
        if cell and name.startswith(AWARD_MARK):
            award, mark = name[len(AWARD_MARK) :], fold_vietnamese(cell).lower()
            if mark in _MARKS:
                marked.append(award)
            elif _YEARS_LIST_RE.fullmatch(cell):  # "2021, 2023": the award once a year
                marked += [f"{award} năm {year}" for year in re.split(r"\s*[,;]\s*|\s+và\s+", cell) if year]
            elif re.fullmatch(r"\d{1,3}", cell):  # "21" on a total's row: how many got it, no award
                continue
            elif re.search(r"\d", cell) and mark not in NO_AWARD:  # "2024", "QĐ 15/QĐ-UBND": the award, then when
                marked.append(f"{award} {cell}")
            elif mark not in NO_AWARD:  # words under the column ("CHỦ TỊCH" of the signer's block): no award
                values[award] = cell
        elif cell:  # "LĐTT, GK" under "2023": each with its year
            year = name[len(AWARD_YEAR) :].strip()
            when = (
                year
                if re.match(r"(?i:năm)\s", year)
                else f"năm học {year}"
                if "-" in year or "–" in year
                else f"năm {year}"
            )
            parts = [part for part in re.split(r"[;\n]", cell) if not gives_no_award(part)]  # "-": none that year
            marked += [f"{award} {when}" for part in parts for award in split_if_awards(part, ",")]
    if marked:
        values["awards"] = "; ".join(filter(None, [str(values.get("awards") or "").strip(), *marked]))
    # kept where the row names no award: words of the signer's block below the list ("TM. ỦY BAN NHÂN DÂN")
    giver = str(values.pop(AWARD_GIVER, "") or "").strip() if str(values.get("awards") or "").strip() else ""
    # "Chủ tịch UBND huyện", one giver for the row's awards; not a level ("Tỉnh", "Cấp xã"), nor one per award
    if giver and not re.search(r"[\n;]", giver) and not re.fullmatch(r"(?i:cấp\s+)?\w+(?:\s+\w+)?", giver):
        values["awards"] = "\n".join(
            award if re.search(r"\s(?i:của)\s", award) else f"{award} của {giver}"
            for award in (part.strip() for part in re.split(r"[;\n]", str(values.get("awards") or "")))
            if award
        )
    own = str(values.pop(AWARD_WHEN_OWN, "") or "").strip()
    year = str(values.pop(AWARD_WHEN, "") or "").strip() or own
    if own and "year" not in values and (years := re.findall(r"(?:19|20)\d{2}", own)):
        values["year"] = max(years)  # "Năm công nhận mô hình", in a list with no year of its own: the row's
    pieces = [
        str(values.pop(name) or "").strip() for name in [name for name in values if name.startswith(AWARD_DECISION)]
    ]
    decision = " ".join(  # "3012/QĐ-UBND" | "30/11/2023": "3012/QĐ-UBND ngày 30/11/2023"
        f"ngày {piece}" if at and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", piece) else piece
        for at, piece in enumerate(filter(None, pieces))
    )
    awards = [part.strip() for part in re.split(r"[;\n]", str(values.get("awards") or "")) if part.strip()]
    if year or decision:  # "chưa có" beside its year's cell: no award, no year given to it
        awards = [award for award in awards if not gives_no_award(award)]
        values["awards"] = "\n".join(awards)
    if awards and (year or decision):
        awards = [
            award
            + (f" năm {year}" if year and not re.search(r"\b(?:19|20)\d{2}\b", award) else "")
            + (f" ({decision})" if decision and len(awards) == 1 and decision not in award else "")
            for award in awards
        ]
        values["awards"] = "\n".join(awards)


def _carries_on(text: Any, before: Any) -> bool:
    """Whether a cell's text carries on the one above, which stops mid-sentence or is followed by a lower-case word or
    a bracket."""
    text, before = str(text or "").strip(), str(before or "").rstrip()
    return bool(text and before) and (before[-1] not in ".!?" or text[0].islower() or text[0] in "(")


def _continues_awards(values: dict[str, Any], above: dict[str, Any]) -> bool:
    """A row holding only an award, under a row naming someone: the same person's next achievement, the name (and
    its number) merged down over both rows."""
    # the same exemplar written again on each of its award rows, rather than merged down: its cells as above
    again = any(
        str(values.get(column) or "").strip() and str(values.get(column)).strip() == str(above.get(column)).strip()
        for column in _NAME_COLUMNS
    )
    filled = {
        name
        for name, value in values.items()
        if str(value or "").strip() and not (again and str(value).strip() == str(above.get(name) or "").strip())
    }
    named = any(str(above.get(column) or "").strip() for column in _NAME_COLUMNS)
    # an award register's row ("Bằng khen …" | "Tỉnh" | "2156/QĐ-UBND" | "20/12/2024" | "2024"): the award, its level,
    # decision, date and year, in columns no model field takes but the year
    about_the_award = {"awards", "year"} | {
        name for name in filled if name not in COLUMNS and name not in _NUMBER_COLUMNS
    }
    if _carries_on(values.get("summary"), above.get("summary")):  # "… cứu 02 người" over "(vụ cháy …)." and its award
        about_the_award.add("summary")
    return (
        bool(filled)
        and filled <= about_the_award
        and "awards" in filled
        and named
        and section_row(above) is None
        and section_row(values) is None  # "TM. ỦY BAN NHÂN DÂN" under the awards: the signer's block
    )


#: The number column of a list ("STT", "TT"), and what opens an exemplar's achievements written on a row of their own.
_NUMBER_COLUMNS = ("stt", "tt", "so_tt", "so_thu_tu")
_ACHIEVEMENTS_RE = re.compile(r"^(?:tom tat |nhung )?(?:thanh tich|noi dung|qua trinh)\b")


#: Columns whose text a row below may carry on, the rest of the row empty.
_CONTINUED_COLUMNS = ("summary", "body", "awards", "locality", "position", "movement")


def _continues_cell(values: dict[str, Any], above: dict[str, Any]) -> str:
    """The column whose text a row carries on from the row above, when it holds nothing else and the text above
    stops mid-sentence ("… chấp hành chủ trương," over "chính sách, giữ gìn phong tục tốt đẹp."); "" otherwise."""
    filled = [name for name, value in values.items() if not isinstance(value, list) and str(value or "").strip()]
    if len(filled) != 1 or filled[0] not in _CONTINUED_COLUMNS or section_row(above) is not None:
        return ""
    text, before = str(values[filled[0]]).strip(), str(above.get(filled[0]) or "").rstrip()
    named = any(str(above.get(column) or "").strip() for column in _NAME_COLUMNS)
    return filled[0] if named and before and (before[-1] in ",;:-–" or text[:1].islower()) else ""


#: A note saying what the exemplar was given before: "Đã được tặng Bằng khen …", "Đã được UBND tỉnh Bạc Liêu tặng
#: Bằng khen năm 2019" (not a proposal: "Đề nghị tặng …"), folded.
_RECEIVED_NOTE_RE = re.compile(r"^(?:da\s+)?duoc\s|^da\s+(?:dat|nhan)\s")


def _notes_awards(values: dict[str, Any]) -> None:
    """Awards a notes cell says the exemplar already has, after the row's own."""
    note = " ".join(str(values.get("ghi_chu") or "").split())
    if _RECEIVED_NOTE_RE.match(fold_vietnamese(note).lower()):
        awards = [award for award in numbered_list.awards_in(note) if names_an_award(award)]
        values["awards"] = "\n".join(filter(None, [str(values.get("awards") or "").strip(), *awards]))


def _achievements_below(values: dict[str, Any], above: dict[str, Any]) -> str:
    """The text of a row that holds an exemplar's achievements under the row naming it, one cell spanning the table
    (its number merged down from the row above, or none): "1 | Chi hội … | … " over "1 | Thành tích nổi bật: …"."""
    filled = {name: str(value).strip() for name, value in values.items() if str(value or "").strip()}
    numbers = {name for name in filled if name in _NUMBER_COLUMNS}
    texts = [text for name, text in filled.items() if name not in numbers]
    named = any(str(above.get(column) or "").strip() for column in _NAME_COLUMNS)
    if len(texts) != 1 or not named or section_row(above) is not None or section_row(values) is not None:
        return ""
    repeated = bool(numbers) and all(filled[name] == str(above.get(name) or "").strip() for name in numbers)
    labelled = _ACHIEVEMENTS_RE.match(" ".join(re.sub(r"[^\w]+", " ", fold_vietnamese(texts[0])).split()))
    return texts[0] if (repeated or not numbers) and (labelled or repeated and len(texts[0]) >= 60) else ""


def _merged_headings(header: list[Any], sub: list[Any], known: frozenset[str]) -> list[str]:
    """The columns of a two-row header: a sub-heading by itself when it names a column, else with its group's heading
    (the nearest one to its left) when that names one no other column took; a heading alone over an empty sub-cell."""
    columns: list[str] = []
    group = ""
    groups: list[str] = []
    for index in range(max(len(header), len(sub))):
        top = _cell(header[index]) if index < len(header) else ""
        groups.append(str(top) if top else group)
        group = groups[-1]
    with_form = {group for group, below in zip(groups, sub, strict=False) if column_name(_cell(below)) == "awards"}
    for index in range(max(len(header), len(sub))):
        top = _cell(header[index]) if index < len(header) else ""
        below = _cell(sub[index]) if index < len(sub) else ""
        group = groups[index]
        if not below:
            columns.append(column_name(top))
            continue
        alone, grouped = column_name(below), column_name(f"{group} {below}")
        if group in with_form and alone == "year" and column_name(group) in ("summary", "awards", "achievement"):
            # "Thành tích đạt được" over "Năm" and "Hình thức khen thưởng": the award's year
            alone = AWARD_WHEN_OWN if "cong nhan" in _heading_key(below).replace("_", " ") else AWARD_WHEN
        elif (
            alone != "awards"
            and group in with_form
            and _DECISION_HEADING_RE.search(_heading_key(below).replace("_", " "))
        ):
            # … and "Số quyết định" (with "Ngày" beside it: one decision in two columns)
            alone = AWARD_DECISION if AWARD_DECISION not in columns else f"{AWARD_DECISION}:{index}"
        elif column_name(group) == "awards" and _YEAR_HEADING_RE.match(str(below).strip()):
            alone = f"{AWARD_YEAR}{below}"  # "Danh hiệu … đã đạt" over "2023", "2024": each year's awards
        elif re.fullmatch(r"(?:19|20)\d{2}", str(below).strip()) and group and column_name(group) != PROPOSED:
            alone = f"{YEAR_MARK}{str(below).strip()}:{' '.join(str(group).split())}"  # ticked years of something
        elif (
            column_name(group) in ("awards", PROPOSED)
            and (alone not in known or alone == "year")  # "Gia đình văn hóa … 3 năm liền" sounds like a year
            and names_an_award(str(below))
        ):
            alone = f"{AWARD_MARK}{below}"  # "Danh hiệu thi đua" over "Lao động tiên tiến": marked with a cross
        elif column_name(group) == "awards" and _LEVEL_HEADING_RE.match(_heading_key(below).replace("_", " ")):
            award = _RECEIVED_WORDS_RE.sub("", " ".join(str(group).split()))
            alone = f"{AWARD_MARK}{award} {str(below).strip().lower()}"  # "Danh hiệu đã đạt" over "Cấp xã"
        elif column_name(group) == "subject_type" and _heading_key(below).replace("_", " ").lower() in _TYPE_HEADINGS:
            alone = f"{TYPE_MARK}{_TYPE_HEADINGS[_heading_key(below).replace('_', ' ').lower()]}"  # "Đối tượng" / "CN"
        elif column_name(group) == "locality" and alone in ("locality", *(() if alone in known else (alone,))):
            # "Địa chỉ" over "Thôn, bản, TDP" and "Xã, phường": one address written in two cells
            alone = "locality" if "locality" not in columns else f"{LOCALITY_PART}{index}"
        elif unicodedata.normalize("NFC", str(below)).strip().lower() in _SEX_SPLIT:
            alone = column_name(group)  # "Năm sinh" over "Nam" and "Nữ": a year of birth, not the story's year
        elif alone not in known and grouped in known and grouped not in columns:
            alone = grouped
        elif grouped == "awards" == column_name(group) and alone not in known and "awards" in columns:
            alone = f"{AWARD_MORE}{index}"  # "Khen thưởng đã đạt" over a second level's awards
        columns.append(alone)
    return columns


def _kept_records(file_name: str, records: Iterable[tuple[int, list[Any]]], counted: int = 0, until: int = 0):
    """The non-blank records, read within the limits (`counted`: data rows of the sheets read before); with `until`,
    only the first that many."""
    kept: list[tuple[int, list[Any]]] = []
    try:
        for line, cells in records:
            check_row_shape(line, cells)
            if any(_cell(c) for c in cells):
                kept.append((line, cells))
                check_rows(counted + len(kept) - 1)
                if len(kept) == until:
                    break
    except ImportLimitError as error:
        raise SpreadsheetError(file_name, str(error)) from error
    return _in_old_fonts(kept)


#: Stand-ins for a cell's line breaks and the cells' boundaries while a table is read as one text (no word holds them).
_CELL_LINE, _CELL_END = "\x1f", "\x1e"


#: Distinct codes of the old fonts a table must hold to be read as typed in one.
OLD_FONT_CODES = 2


def _in_old_fonts(kept: list[tuple[int, list[Any]]]) -> list[tuple[int, list[Any]]]:
    """A table typed in the old TCVN3 (.VnTime) or VNI fonts read as the Vietnamese it shows ("Hä vµ tªn" is "Họ và
    tên"): the rows as the lines of one text, so that a font the table's words say is the font of its short cells
    too. Unicode text is left as it is."""
    codes = set().union(*(old_font_codes(cell) for _line, row in kept for cell in row if isinstance(cell, str)))
    if len(codes) < OLD_FONT_CODES:
        return kept  # Unicode, the common case (a minority name's "ñ" at most): not read again
    lines = [
        _CELL_END.join(
            cell.replace(_CELL_END, " ").replace("\n", _CELL_LINE) if isinstance(cell, str) else "" for cell in row
        )
        for _line, row in kept
    ]
    fixed = fix_legacy_fonts("\n".join(lines)).split("\n")
    return [
        (
            line,
            [
                new.replace(_CELL_LINE, "\n") if isinstance(old, str) else old
                for old, new in zip(row, text.split(_CELL_END), strict=True)
            ],
        )
        for (line, row), text in zip(kept, fixed, strict=True)
    ]


def _is_list(kept: list[tuple[int, list[Any]]], known: frozenset[str]) -> bool:
    """The records open with a list's header: two known columns, one of them a name (not a summary or a table of
    accepted values)."""
    header = set().union(*map(_heading_columns, kept[_header_index(kept, known)][1])) if kept else set()
    return len(header & known) >= 2 and bool(header & set(_NAME_COLUMNS))


def _names_exemplars(kept: list[tuple[int, list[Any]]], known: frozenset[str]) -> bool:
    """The records open with a header naming a name column ("Tên thôn", "Họ và tên")."""
    return bool(kept) and any(column_name(cell) in _NAME_COLUMNS for cell in kept[_header_index(kept, known)][1])


def _under_header(header: list[Any], cells: list[Any]) -> list[Any]:
    """The row under the header with a cell that repeats the heading above it left empty: a heading merged down
    over two header rows, as Word tables and some exports repeat it."""
    return [
        "" if index < len(header) and _cell(cell) and _cell(cell) == _cell(header[index]) else cell
        for index, cell in enumerate(cells)
    ]


_COLUMN_NUMBER_RE = re.compile(r"^\(?\s*(\d{1,2})\s*\)?$")


def _codes_the_columns(cells: list[Any], columns: list[str]) -> bool:
    """A row under the header naming its columns by number and code ("(1) ĐVQT", "(2) ĐVTT" …), no name beside them."""
    texts = {index: str(_cell(cell)) for index, cell in enumerate(cells) if _cell(cell)}
    return (
        bool(texts)
        and not any(index < len(columns) and columns[index] == "subject_name" for index in texts)
        and all(re.match(r"^\(\d{1,2}\)\s*\S", text) for text in texts.values())
    )


def _numbers_the_columns(cells: list[Any]) -> bool:
    """A row numbering the columns under the header, "(1)", "(2)" … or "1", "2" … counting up one by one."""
    numbers = [_COLUMN_NUMBER_RE.match(str(_cell(cell))) for cell in cells if _cell(cell) not in ("", None)]
    return (
        len(numbers) >= 3
        and all(numbers)
        and all(int(later.group(1)) == int(earlier.group(1)) + 1 for earlier, later in itertools.pairwise(numbers))
    )


def _table_rows(kept: list[tuple[int, list[Any]]], known: frozenset[str], sheet: str = "") -> Table:
    """Header (see `_header_index`) and the data rows under it, numbered in their sheet."""
    start = header_at = _header_index(kept, known)
    kept = _side_by_side(kept, start)
    columns = [column_name(heading) for heading in kept[start][1]]
    written = [str(_cell(heading)) for heading in kept[start][1]]
    sub = _under_header(kept[start][1], kept[start + 1][1]) if start + 1 < len(kept) else []
    upper_headings = kept[start][1]
    if sub and _is_sub_header(kept[start][1], sub, columns):
        columns = _merged_headings(kept[start][1], sub, known)
        below = [str(_cell(heading)) for heading in sub]
        written = [sub or top for top, sub in itertools.zip_longest(written, below, fillvalue="")]
        start += 1
        # a third header row ("Nơi công tác" over "Địa bàn" over "Xã, phường (mới)" and "Tỉnh cũ"): its headings
        # name the columns under them, with the second row's as their group
        upper = [below or top for top, below in itertools.zip_longest(kept[start - 1][1], sub, fillvalue="")]
        upper_headings = upper
        third = _under_header(upper, kept[start + 1][1]) if start + 1 < len(kept) else []
        if third and _is_sub_header(upper, third, columns):
            deeper = _merged_headings(upper, third, known)
            for index, cell in enumerate(third):
                if _cell(cell) and index < len(columns):
                    columns[index], written[index] = deeper[index], str(_cell(cell))
            start += 1
    while start + 1 < len(kept) and (
        not any(map(_cell, _under_header(upper_headings, kept[start + 1][1])))
        or _codes_the_columns(_under_header(upper_headings, kept[start + 1][1]), columns)
    ):
        start += 1  # a header row merged down once more, repeating the headings above it: nothing of its own
    if start + 1 < len(kept) and _numbers_the_columns(kept[start + 1][1]):
        start += 1  # "(1) (2) … (10)" under the header: the columns' numbers, no story
    if "awards" not in columns and PROPOSED in columns:  # "DANH SÁCH ĐỀ NGHỊ …" with no awards received: its own
        columns[columns.index(PROPOSED)] = "awards"
    awarding = [index for index, name in enumerate(columns) if name == "awards"]
    medals = [index for index in awarding if _heading_key(written[index]).startswith(("huy_chuong", "giai_thuong"))]
    if medals and len(medals) < len(awarding):  # "Huy chương, giải thưởng" beside the awards: more awards
        for index in medals:
            columns[index] = f"{AWARD_MORE}{index}"
        awarding = [index for index in awarding if index not in medals]
    received = [
        index for index in awarding if re.search(r"\bda (?:dat|duoc)\b", _heading_key(written[index]).replace("_", " "))
    ]
    # "Cấp khen (người ký)" before "Hình thức khen thưởng": the level or the giver of the award the other names
    givers = [index for index in awarding if _heading_key(written[index]).startswith("cap")]
    if not received and givers and len(givers) < len(awarding):
        for index in givers:
            columns[index] = AWARD_GIVER if AWARD_GIVER not in columns else _heading_key(written[index])
        awarding = [index for index in awarding if index not in givers]
    for index in awarding:  # "Cấp trình khen" under "Khen thưởng" beside "Đã đạt …": the awards are those received
        if received and index != received[0]:
            columns[index] = _heading_key(written[index]) or f"cot_{index}"
        elif not received and index != awarding[0] and not _heading_key(written[index]).startswith("cap"):
            columns[index] = f"{AWARD_MORE}{index}"  # "Danh hiệu thi đua" | "Hình thức khen thưởng": both received
    units = _unit_columns(columns, written)
    _type_column_named_as_names(columns, [cells for _line, cells in kept[start + 1 : start + 31]])
    if columns.count("subject_name") > 1:  # "Hộ gia đình" beside "Họ và tên": a column of its own, not the name
        columns = [
            _heading_key(heading) if name == "subject_name" and _heading_key(heading) == "ho_gia_dinh" else name
            for name, heading in zip(columns, written, strict=False)
        ]
    seen: set[str] = set()
    for index, name in enumerate(columns):  # a second heading naming a column taken: a column of its own
        if name in known and name in seen:
            columns[index] = _heading_key(written[index]) or f"cot_{index}"
        seen.add(name)
    for index in range(1, len(written)):  # "Họ và tên đệm" | "Tên": one name over two columns
        if _heading_key(written[index]) == "ten" and _heading_key(written[index - 1]) in _FAMILY_NAME_KEYS:
            columns[index - 1], columns[index] = "subject_name", GIVEN_NAME
    if "awards" in columns:  # "Hình thức khen thưởng | Số quyết định" in one header row: the award's decision
        for index, (name, heading) in enumerate(zip(columns, written, strict=False)):
            signed = re.match(r"ngay (?:ky|ban hanh|quyet dinh|qd)\b", _heading_key(heading).replace("_", " "))
            if name not in known and (signed or _DECISION_HEADING_RE.search(_heading_key(heading).replace("_", " "))):
                # "Số QĐ" | "Ngày QĐ": one decision in two columns
                columns[index] = AWARD_DECISION if AWARD_DECISION not in columns else f"{AWARD_DECISION}:{index}"
    rows: list[SourceRow] = []
    deeds_in_name = any(name == "subject_name" and _holds_deeds(heading) for name, heading in zip(columns, written))
    summarised = deeds_in_name  # achievements read from rows of their own: a summary column the header does not name
    for line, cells in kept[start + 1 :]:
        values = {name: _cell(cell) for name, cell in zip(columns, cells) if name}
        if rows:  # "-nt-" under a movement: the row above's
            for name, value in values.items():
                if isinstance(value, str) and re.sub(r"[\s.\-–]", "", fold_vietnamese(value).lower()) in _DITTO:
                    values[name] = rows[-1].values.get(name, "")
        for name, unit in units.items():  # "Xã" | "Tân Lập": the unit its heading names
            written_there = " ".join(str(values.get(name) or "").split())
            if written_there and not _UNIT_PREFIX_RE.match(fold_vietnamese(written_there).lower()):
                values[name] = f"{unit} {written_there}"
        if parts := [name for name in values if name.startswith(LOCALITY_PART)]:  # the smallest unit first
            parts = sorted(["locality", *parts], key=lambda name: _UNIT_RANKS.get(units.get(name, ""), -1))
            pieces = [str(values.pop(name, "") or "").strip() for name in parts]
            values["locality"] = ", ".join(filter(None, pieces))
        if GIVEN_NAME in values:  # "Nguyễn Thị Thu" | "Hà"; a school's name all in the first, the second empty
            given = " ".join(str(values.pop(GIVEN_NAME) or "").split())
            values["subject_name"] = " ".join([*str(values.get("subject_name") or "").split(), given]).strip()
        _marked_awards(values)
        _marked_years(values)
        deeds_in_row = deeds_in_name and section_row(values) is None  # not a heading's or the total's row
        if deeds_in_row and (entries := _entries(values.get("subject_name"))):
            for entry in entries:  # a commune's exemplars in one cell: a story each, in the commune's row
                each = {**values, "subject_name": entry}
                _name_and_deeds(each, within_commune=True)
                rows.append(SourceRow(SheetLine(line, sheet), each))
            continue
        if deeds_in_row:
            _name_and_deeds(values)
        if rows and (continued := _continues_cell(values, rows[-1].values)):  # "…chủ trương," | "chính sách, …"
            above = rows[-1].values
            above[continued] = f"{str(above[continued]).rstrip()} {str(values[continued]).strip()}"
            continue
        _notes_awards(values)
        if rows and (achievements := _achievements_below(values, rows[-1].values)):
            above = rows[-1].values
            above["summary"] = "\n".join(filter(None, [str(above.get("summary") or ""), achievements]))
            summarised = True
            continue
        if rows and _continues_awards(values, rows[-1].values):  # a second achievement under a name merged down
            if _carries_on(values.get("summary"), rows[-1].values.get("summary")):
                above = rows[-1].values
                above["summary"] = f"{str(above['summary']).rstrip()} {str(values['summary']).strip()}"
            award, year = str(values["awards"]).strip(), str(values.get("year") or "").strip()
            if year and not re.search(r"\b(?:19|20)\d{2}\b", award):
                award = f"{award} năm {year}"  # the register's year column: the award's year
            rows[-1].values["awards"] = "\n".join(filter(None, [str(rows[-1].values.get("awards") or ""), award]))
            above_year = str(rows[-1].values.get("year") or "").strip()
            if re.fullmatch(r"(?:19|20)\d{2}", above_year) and (later := re.findall(r"(?:19|20)\d{2}", year)):
                rows[-1].values["year"] = max(above_year, *later)  # the exemplar's latest award's year is its own
            continue
        rows.append(SourceRow(SheetLine(line, sheet), values))
    _not_types_column(columns, written, rows)
    titles = [" ".join(str(_cell(cell)) for cell in cells if _cell(cell)) for _line, cells in kept[:header_at]]
    headings = {name: text for name, text in zip(columns, written, strict=False) if name and text}
    if AWARD_WHEN_OWN in columns and "year" not in columns:  # its years are the rows' too
        columns[columns.index(AWARD_WHEN_OWN)] = "year"
    columns = [  # written into others
        name
        for name in columns
        if name not in (AWARD_WHEN, AWARD_WHEN_OWN, AWARD_GIVER, GIVEN_NAME)
        and not name.startswith((LOCALITY_PART, AWARD_MORE, AWARD_DECISION))
    ]
    typed = [name for name in columns if name.startswith(TYPE_MARK)]
    if typed:  # the crossed columns are the list's subject types
        headings["subject_type"] = ", ".join(headings.get(name, name) for name in typed)
        columns = [name for name in columns if name not in typed] + ["subject_type"]
    if ticked := [name for name in columns if name.startswith(YEAR_MARK)]:  # written into the year and achievements
        columns = [name for name in columns if name not in ticked] + ["year", "summary"]
    awarding = [name for name in columns if name.startswith((AWARD_MARK, AWARD_YEAR))]
    if awarding:  # the marked columns and the years' columns are the list's awards
        headings["awards"] = ", ".join(name.split(":", 1)[1] for name in awarding)
        columns = [name for name in columns if name not in awarding] + ["awards"]
    columns += ["summary"] if summarised else []
    columns += ["locality"] if deeds_in_name and any(row.values.get("locality") for row in rows) else []
    return Table([name for name in dict.fromkeys(columns) if name], rows, titles, headings)


#: A sheet of a workbook: its name, whether Excel shows it, and a function reading its records afresh.
Sheet = tuple[str, bool, Callable[[], Iterable[tuple[int, list[Any]]]]]


#: Headings naming one administrative unit alone ("Xã", "Huyện", "Bản", "Ấp"), folded, and the unit's word a bare
#: name in that column takes ("Tân Lập" → "Xã Tân Lập").
_UNIT_HEADINGS = {
    "tinh": "Tỉnh", "huyen": "Huyện", "quan": "Quận", "thi_xa": "Thị xã", "xa": "Xã", "phuong": "Phường",
    "thi_tran": "Thị trấn", "dac_khu": "Đặc khu", "thon": "Thôn", "xom": "Xóm", "ban": "Bản", "ap": "Ấp",
    "buon": "Buôn", "bon": "Bon", "lang": "Làng", "plei": "Plei", "soc": "Sóc", "khom": "Khóm", "khu_pho": "Khu phố",
    "to_dan_pho": "Tổ dân phố",
}  # fmt: skip
#: The units' levels, villages lowest: an address reads from the smallest unit up whatever the columns' order.
_UNIT_RANKS = {"Tỉnh": 3, "Huyện": 2, "Quận": 2, "Thị xã": 2, "Xã": 1, "Phường": 1, "Thị trấn": 1, "Đặc khu": 1}
_UNIT_PREFIX_RE = re.compile(
    r"(?:tinh|huyen|quan|thi xa|xa|phuong|thi tran|dac khu|thanh pho|thon|xom|ban|ap|buon|bon|lang|plei|soc|khom"
    r"|khu|to|tp|tx|tt|tdp)\b|[a-z]\.",
)


def _side_by_side(kept: list[tuple[int, list[Any]]], header_at: int) -> list[tuple[int, list[Any]]]:
    """A table setting two exemplars side by side, its header's columns twice over ("TT | Họ và tên … | TT | Họ và tên
    …"): its left half read down, then its right half."""
    header = [_cell(cell) for cell in kept[header_at][1]]
    while header and not header[-1]:
        header.pop()
    half = len(header) // 2
    names = [column_name(cell) for cell in header]
    if not half or len(header) % 2 or names[:half] != names[half:] or not set(names[:half]) & set(_NAME_COLUMNS):
        return kept
    below = kept[header_at + 1 :]
    return [
        *kept[:header_at],
        (kept[header_at][0], kept[header_at][1][:half]),  # the header once: its second half names the same columns
        *((line, cells[:half]) for line, cells in below),
        *((line, cells[half : 2 * half]) for line, cells in below if any(map(_cell, cells[half : 2 * half]))),
    ]


def _not_types_column(columns: list[str], written: list[str], rows: list[SourceRow]) -> None:
    """A column headed as the subject type whose cells mostly name something else ("Đối tượng (NCC, khuyết tật)":
    "Con liệt sĩ", "Thương binh 2/4"): a column of its own, each row typed by its part or its name."""
    from .exemplar_validation import subject_type_of  # the validation reads the types; it imports this module

    if "subject_type" not in columns:
        return
    cells = [str(row.values.get("subject_type") or "").strip() for row in rows]
    cells = [cell for cell in cells if cell]
    if not cells or sum(subject_type_of(cell) is not None for cell in cells) * 2 >= len(cells):
        return
    index = columns.index("subject_type")
    columns[index] = _heading_key(written[index]) or f"cot_{index}"
    for row in rows:
        if "subject_type" in row.values:
            row.values[columns[index]] = row.values.pop("subject_type")


def _type_column_named_as_names(columns: list[str], rows: list[list[Any]]) -> None:
    """Of two columns a name's heading names ("Tập thể/ cá nhân" | "Tên"), the one whose cells are subject types
    ("Cá nhân", "Tập thể", "Hộ GĐ") is the subject type's."""
    named = [index for index, name in enumerate(columns) if name == "subject_name"]
    if len(named) < 2 or "subject_type" in columns:
        return
    for index in named:
        cells = [fold_vietnamese(str(_cell(row[index]))).lower().strip() for row in rows if index < len(row)]
        cells = [cell for cell in cells if cell]
        if cells and sum(cell in _TYPE_HEADINGS for cell in cells) * 2 > len(cells):
            columns[index] = "subject_type"
            return


def _unit_columns(columns: list[str], written: list[str]) -> dict[str, str]:
    """Columns whose heading names one administrative unit ("Thôn" | "Xã" | "Huyện") as parts of one locality, in the
    order they stand; `{column: the unit's word}` of those a bare name is written under."""
    units: dict[str, str] = {}
    for index, heading in enumerate(written):
        unit = _UNIT_HEADINGS.get(_heading_key(heading))
        if unit is None or columns[index] not in ("locality", _heading_key(heading)):
            continue
        others = columns[:index] + columns[index + 1 :]
        columns[index] = "locality" if "locality" not in others else f"{LOCALITY_PART}{index}"
        units[columns[index]] = unit
    return units


def _part_type(sheet: str, titles: list[str]) -> str | None:
    """The subject type a sheet's name or title lines give all its rows ("Tập thể", "DANH SÁCH CÁ NHÂN …")."""
    key = " ".join(re.sub(r"[^\w]+", " ", fold_vietnamese(" ".join([sheet, *titles]))).lower().split())
    kinds = {kind for words, kind in _SECTION_TYPES if f" {words} " in f" {key} "}
    return kinds.pop() if len(kinds) == 1 else None


def _workbook_table(file_name: str, sheets: list[Sheet], known: frozenset[str], all_lists: bool = False) -> Table:
    """The lists of a workbook's visible sheets that open with a list's header ("Tập thể", "Cá nhân"), one after the
    other, each row numbered in its sheet and each sheet a part of its own; the other sheets (a summary, notes,
    accepted values) are named as skipped. A workbook without such a sheet is read from its first sheet."""
    lists: list[tuple[str, list[tuple[int, list[Any]]]]] = []
    skipped: list[str] = []
    for name, visible, records in sheets:
        if visible and (all_lists or _is_list(_kept_records(file_name, records(), until=HEADER_SEARCH_RECORDS), known)):
            counted = sum(len(kept) for _name, kept in lists)
            lists.append((name, _kept_records(file_name, records(), counted)))
        elif visible:
            skipped.append(name)
    if not lists:
        kept = _kept_records(file_name, sheets[0][2]()) if sheets else []
        if not kept:
            raise SpreadsheetError(file_name, "tệp không có dữ liệu.")
        return _table_rows(kept, known)
    if len(lists) == 1:
        table = _table_rows(lists[0][1], known)
    else:
        parts = [_table_rows(kept, known, name) for name, kept in lists]
        for part, (name, _kept) in zip(parts, lists, strict=True):
            if part.rows:  # a part of its own: the type its name or title says, no list end carried over
                part.rows[0].part = Section(
                    name, _part_type(name, part.title_lines), title_lines=part.title_lines, columns=part.columns
                )
        table = Table(
            list(dict.fromkeys(column for part in parts for column in part.columns)),
            [row for part in parts for row in part.rows],
            list(dict.fromkeys(line for part in parts for line in part.title_lines)),
            {name: text for part in reversed(parts) for name, text in part.headings.items()},
        )
    table.sheets, table.skipped_sheets = [name for name, _kept in lists], skipped if len(sheets) > 1 else []
    return table


def _delimiter(sample: str) -> str:
    """The delimiter that splits the most lines of the sample into the same number of cells: ";" as Excel writes on a
    Vietnamese Windows, "," or a tab; lines without one (the list's title above its header) count for none."""
    sample = sample[: sample.rfind("\n") + 1] or sample
    best: tuple[int, int, str] = (0, 0, ",")
    limit_before = csv.field_size_limit(len(sample) + 1)  # a cell over the import's limit is reported when read
    try:
        for delimiter in (",", ";", "\t"):
            records = csv.reader(io.StringIO(sample), delimiter=delimiter)
            widths = Counter(len(record) for record in records if len(record) > 1)
            if widths:
                width, lines = max(widths.items(), key=lambda item: (item[1], item[0]))
                best = max(best, (lines, width, delimiter))
    finally:
        csv.field_size_limit(limit_before)
    return best[2]


def _csv_records(file_name: str, data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """Records of a CSV read as a stream, each field within the character limit."""
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    previous = csv.field_size_limit(limit("IMPORT_MAX_CELL_CHARS"))
    line = 0
    try:
        delimiter = _delimiter(stream.read(64 * 1024))
        stream.seek(0)
        for line, record in enumerate(csv.reader(stream, delimiter=delimiter), start=1):
            yield line, record
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise SpreadsheetError(file_name, str(cell_error(line + 1))) from error
        raise SpreadsheetError(file_name, f"tệp CSV sai định dạng ({error}).") from error
    except UnicodeDecodeError as error:
        raise SpreadsheetError(file_name, "tệp CSV phải được lưu với bảng mã UTF-8 (CSV UTF-8).") from error
    finally:
        csv.field_size_limit(previous)


def _read_csv(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    note = ""
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:  # Excel's "CSV (Comma delimited)" on a Vietnamese Windows: windows-1258
        try:
            data = unicodedata.normalize("NFC", data.decode("cp1258")).encode("utf-8")
        except UnicodeDecodeError as error:
            raise SpreadsheetError(file_name, "tệp CSV phải được lưu với bảng mã UTF-8 (CSV UTF-8).") from error
        note = _(
            "The CSV file is not in UTF-8: read in the Vietnamese Windows code page (windows-1258); check the text."
        )
    with closing(_csv_records(file_name, data)) as records:  # restores csv's field limit at once
        kept = _kept_records(file_name, records)
    if not kept:
        raise SpreadsheetError(file_name, "tệp không có dữ liệu.")
    table = _table_rows(kept, known)
    table.read_note = note
    return table


def _read_xlsx(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    try:
        check_zip(data)
    except ImportLimitError as error:
        raise SpreadsheetError(file_name, str(error)) from error
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(file_name, f"tệp Excel hỏng hoặc không phải .xlsx ({error}).") from error

    def records(sheet) -> Iterator[tuple[int, list[Any]]]:
        rows = sheet.iter_rows(values_only=True)  # read-only mode: one row at a time
        covered = _merged_down(workbook, sheet)
        above: dict[tuple[int, int], Any] = {}
        for index, row in enumerate(rows, start=1):
            cells = list(row)
            for column, value in enumerate(cells, start=1):
                if (index, column) in covered:  # a cell merged down: its value in each row it covers
                    cells[column - 1] = above.get(covered[(index, column)])
                elif (index + 1, column) in covered:
                    above[(index, column)] = value
            yield index, cells

    try:
        sheets = [
            (sheet.title, sheet.sheet_state == "visible", functools.partial(records, sheet))
            for sheet in workbook.worksheets
        ]
        return _workbook_table(file_name, sheets, known)
    finally:
        workbook.close()


def _merged_down(workbook, sheet) -> dict[tuple[int, int], tuple[int, int]]:
    """`{(row, column): first cell}` of the cells below the first row of a merge (a year over two households), read
    from the sheet's XML, which openpyxl's read-only mode does not parse; the first column of a merge only, as a Word
    table's cell merged across counts once."""
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.xml.functions import iterparse

    covered: dict[tuple[int, int], tuple[int, int]] = {}
    reach = limit("IMPORT_MAX_ROWS") + 100  # no merge reaches further than the rows a list may have
    with workbook._archive.open(sheet._worksheet_path) as xml:
        for _event, element in iterparse(xml):
            if element.tag.endswith("}mergeCell"):
                first_column, first_row, _last_column, last_row = range_boundaries(element.get("ref", ""))
                for row in range(first_row + 1, min(last_row, first_row + reach) + 1):
                    covered[(row, first_column)] = (first_row, first_column)
            element.clear()
    return covered


def _read_xls(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    """An Excel 97–2003 workbook (xlrd); an .xlsx or a web page's table under the old name read as what it is."""
    if data.startswith(b"PK"):  # an .xlsx named .xls
        return _read_xlsx(file_name, data, known)
    if _is_web_page(data):  # a portal's "Xuất Excel": a web page's table sent under the old name
        return _read_html(file_name, data, known)
    import xlrd

    try:
        workbook = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as error:  # xlrd raises several kinds for a damaged file
        raise SpreadsheetError(file_name, f"tệp Excel hỏng hoặc không phải .xls ({error}).") from error

    def records(sheet) -> Iterator[tuple[int, list[Any]]]:
        return ((index + 1, sheet.row_values(index)) for index in range(sheet.nrows))

    try:
        sheets = [(sheet.name, sheet.visibility == 0, functools.partial(records, sheet)) for sheet in workbook.sheets()]
        return _workbook_table(file_name, sheets, known)
    finally:
        workbook.release_resources()


#: Lines of text above a Word table kept as its title lines (the nearest: "DANH SÁCH …", "(Kèm theo Quyết định …)").
DOCX_TITLE_LINES = 8


def _docx_records(table) -> list[tuple[int, list[Any]]]:
    """A Word table's rows numbered from 1, a cell merged across columns once (then empty), a cell merged down
    repeated in each row it covers (a school's name over three teachers)."""
    records = []
    for line, row in enumerate(table.rows, start=1):
        cells, seen = [], set()
        for cell in row.cells:
            cells.append("" if id(cell._tc) in seen else cell.text.strip())
            seen.add(id(cell._tc))
        records.append((line, cells))
    return records


def _read_ods(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    """An OpenDocument workbook (LibreOffice Calc), its sheets read as an Excel workbook's."""
    try:
        sheets = opendocument.sheets(opendocument.content(data, opendocument.SPREADSHEET))
    except opendocument.OpenDocumentError as error:
        raise SpreadsheetError(file_name, str(error)) from error
    return _workbook_table(
        file_name, [(name, visible, lambda rows=rows: iter(rows)) for name, visible, rows in sheets], known
    )


def _read_docx(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    """The lists of a Word document's tables (see `_document_tables`)."""
    try:
        check_zip(data)
    except ImportLimitError as error:
        raise SpreadsheetError(file_name, str(error)) from error
    try:
        from docx import Document
        from docx.table import Table as WordTable

        document = Document(io.BytesIO(data))
        blocks = [
            _docx_records(block) if isinstance(block, WordTable) else block.text
            for block in document.iter_inner_content()
        ]
    except Exception as error:  # python-docx raises many kinds for a damaged file
        raise SpreadsheetError(file_name, f"tệp Word hỏng hoặc không phải .docx ({error}).") from error
    return _document_tables(file_name, blocks, known)


def _read_doc(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    """The lists of a Word 97–2003 document's tables (see `_document_tables`)."""
    import tempfile

    from .word_binary import WordFileError, word_blocks

    with tempfile.NamedTemporaryFile(suffix=".doc") as file:
        file.write(data)
        file.flush()
        try:
            blocks = word_blocks(Path(file.name))
        except WordFileError as error:
            raise SpreadsheetError(file_name, str(error)) from error
        except Exception as error:  # a damaged file: olefile and struct raise many kinds
            raise SpreadsheetError(file_name, f"tệp Word 97–2003 hỏng hoặc không đọc được ({error}).") from error
    if _lost_rows(blocks):
        raise SpreadsheetError(
            file_name,
            "bảng danh sách trong tệp Word 97–2003 có ô gộp hoặc ô nhiều dòng mà định dạng .doc không cho đọc chắc chắn; "
            "hãy mở bằng Word hoặc LibreOffice và lưu lại thành .docx rồi nhập tệp đó.",
        )
    return _document_tables(
        file_name,
        [list(enumerate(block, start=1)) if isinstance(block, list) else block for block in blocks],
        known,
    )


_ROW_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*\.?\s*$")


def _lost_rows(blocks: list) -> bool:
    """Whether a .doc's list table came apart (rows with a cell merged across or cells of several lines, which the
    format marks no differently from the table's end): numbered rows read as loose paragraphs or small tables after
    the first table of several rows."""
    first = next((i for i, block in enumerate(blocks) if isinstance(block, list) and len(block) >= 2), None)
    if first is None:
        return False
    numbered = [
        block
        for block in blocks[first + 1 :]
        if (isinstance(block, str) and _ROW_NUMBER_RE.match(block))
        or (isinstance(block, list) and block and block[0] and _ROW_NUMBER_RE.match(block[0][0]))
    ]
    return len(numbered) >= 2


def _read_odt(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    """The lists of an OpenDocument text's tables (LibreOffice Writer; see `_document_tables`)."""
    try:
        blocks = list(opendocument.blocks(opendocument.content(data, opendocument.TEXT)))
    except opendocument.OpenDocumentError as error:
        raise SpreadsheetError(file_name, str(error)) from error
    return _document_tables(file_name, blocks, known)


#: A card's label: a few words ending with ":" ("Họ và tên:", "Nơi cư trú:", "Khen thưởng đã đạt:").
_LABEL_RE = re.compile(r"^[^\W\d][^:\n]{1,40}:$")
MIN_CARDS = 3


def _cards(blocks: list[str | list[tuple[int, list[Any]]]]) -> Table | None:
    """A list written as one two-column table per exemplar, "label: | value" rows under a numbered heading ("3. Hộ gia
    đình ông Giàng Seo Phử"), as annexes summing up achievements are: each card one row, its labels the columns (a
    card naming no one by a label takes its heading's name; a household's heading says it is one). None when the
    document has fewer than `MIN_CARDS` such tables."""
    rows: list[SourceRow] = []
    title: list[str] = []
    headings: dict[str, str] = {}
    heading = ""
    for block in blocks:
        if isinstance(block, str):
            if block.strip():
                heading = block.strip()
                if not rows:
                    title.append(heading)
            continue
        cells = [cells for _line, cells in block if any(str(cell or "").strip() for cell in cells)]
        pairs = [(str(row[0]).strip(), str(row[1]).strip()) for row in cells if len(row) >= 2]
        if len(pairs) < 2 or sum(bool(_LABEL_RE.match(label)) for label, _value in pairs) < 0.8 * len(pairs):
            continue
        values: dict[str, Any] = {}
        for label, value in pairs:
            column = column_name(label.rstrip(": "))
            headings.setdefault(column, label.rstrip(": "))  # the report names a column as the cards write it
            values[column] = "\n".join(filter(None, [str(values.get(column) or ""), value]))
        named = re.sub(r"^\d{1,3}\s*[.)]\s*", "", heading)
        if "subject_name" not in values or re.match(r"(?i)(?:hộ|gia đình)\s", named):
            values["subject_name"] = named  # "3. Hộ gia đình ông Giàng Seo Phử" over "Chủ hộ: Giàng Seo Phử"
        if rows and title and title[-1] == heading:
            title.pop()
        rows.append(SourceRow(SheetLine(len(rows) + 1), values))
    if len(rows) < MIN_CARDS:
        return None
    columns = list(dict.fromkeys(column for row in rows for column in row.values))
    note = _("One small table per exemplar: each read as a row, its labels as the columns; check them.")
    return Table(columns=columns, rows=rows, title_lines=title[:DOCX_TITLE_LINES], headings=headings, read_note=note)


def _document_tables(file_name: str, blocks: list[str | list[tuple[int, list[Any]]]], known: frozenset[str]) -> Table:
    """The lists of a text document: each table (records) opening with a list's header, with the lines above it
    (a layout table's too: the issuing body, the title, "Kèm theo Quyết định …") as its title lines."""
    if cards := _cards(blocks):  # one small table of "label: value" rows per exemplar
        return cards
    sheets: list[Sheet] = []
    above: list[str] = []
    opening = {index: _kept_records(file_name, block, until=HEADER_SEARCH_RECORDS) for index, block in enumerate(blocks)
               if not isinstance(block, str)}  # fmt: skip
    lists = {index for index, first in opening.items() if _is_list(first, known)}
    # in a document holding a list, a table with a name column is one more part ("Tên thôn" | "Số năm liên tục" |
    # "Mức thưởng", "Tên tập thể" | "Ghi chú"): a decision's annex writes one table per award, each with its columns
    lists |= {index for index, first in opening.items() if _names_exemplars(first, known)} if lists else set()
    for index, block in enumerate(blocks):
        if isinstance(block, str):
            above += [block.strip()] if block.strip() else []
            continue
        if index not in lists:
            above += [" ".join(filter(None, map(str, cells))) for _line, cells in block if any(cells)]
            continue
        titled = [(0, [line]) for line in above[-DOCX_TITLE_LINES:]] + block
        sheets.append((_("table %(number)s") % {"number": len(sheets) + 1}, True, lambda titled=titled: iter(titled)))
        above = []
    if not sheets and (numbered := _numbered_table([line for text in above for line in text.splitlines()])):
        return numbered  # no table: a list written as numbered paragraphs
    if not sheets:
        raise SpreadsheetError(file_name, "không có bảng danh sách nào (một bảng có cột tên và một cột đã biết khác).")
    table = _workbook_table(file_name, sheets, known, all_lists=True)  # each table chosen above
    table.closing_lines = [line.strip() for text in above for line in text.splitlines() if line.strip()]
    return table


def _numbered_table(lines: list[str]) -> Table | None:
    """A list written as numbered paragraphs (`numbered_list`), one exemplar each; None when the lines hold none."""
    entries = numbered_list.read_entries(lines, column_name)  # a card's labels named as a header's headings
    if entries is None:
        return None
    title, rows = entries
    columns = ["subject_name", "locality", "summary", "awards"]
    columns += [column for column in ("position", "movement") if any(column in row for row in rows)]
    return Table(
        columns=columns,
        rows=[SourceRow(SheetLine(number), values) for number, values in enumerate(rows, start=len(title) + 1)],
        title_lines=title,
        read_note=_("No table: read the list's numbered paragraphs, one exemplar each; check the names and places."),
    )


#: A page's number alone on its line: "Trang 3", "3", "3/9", "- 3 -".
_PAGE_NUMBER_RE = re.compile(r"^(?:(?i:trang|page)\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?$|^-\s*\d{1,3}\s*-$")


def _without_page_furniture(pages: list[list[str]]) -> list[str]:
    """A PDF's lines without its running header and footer (a line that opens or closes two pages or more) and its
    page numbers."""
    edges = Counter(
        " ".join(line.split()) for page in pages for line in {*page[:2], *page[-2:]} if " ".join(line.split())
    )
    repeated = {line for line, times in edges.items() if times >= 2}
    return [
        line
        for page in pages
        for line in page
        if " ".join(line.split()) not in repeated and not _PAGE_NUMBER_RE.match(line.strip())
    ]


def _is_web_page(data: bytes) -> bool:
    """Text starting with a tag, after a byte-order mark (UTF-8 or UTF-16) and blank space."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) : len(bom) + 400].decode(encoding, errors="ignore").lstrip()[:1] == "<"
    return data.lstrip()[:1] == b"<"


def _read_html(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    """A web page's table, as portals export a list "to Excel" (HTML under an .xls name) or a portal's honour roll
    saved as a page: read as a Word document's tables are, the lines above the table its title lines."""
    try:
        blocks = web_pages.blocks(data)
    except web_pages.WebPageError as error:
        named = "mang đuôi .xls " if file_name.lower().endswith(".xls") else ""
        raise SpreadsheetError(file_name, f"trang web (HTML) {named}nhưng không đọc được ({error}).") from error
    return _document_tables(file_name, blocks, known)


#: A line of a PDF table's cell that starts an item of its own ("- Bằng khen …"), not the wrapped rest of the line above.
_ITEM_LINE_RE = re.compile(r"^\s*(?:[-+•–]|\d{1,2}[.)])\s")


def _pdf_cell(text: str | None) -> str:
    """A PDF table cell's text: its lines as the page wrapped them joined by spaces, an item line kept on its own, as
    is an award under an award ("Gia đình văn hóa 3 năm liền (2022-2024)" over "Giấy khen của Chủ tịch UBND …")."""
    if not text:
        return ""
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    joined: list[str] = []
    for line in lines:
        another_award = bool(joined) and names_an_award(joined[-1]) and names_an_award(line)
        if joined and not _ITEM_LINE_RE.match(line) and not joined[-1].endswith(";") and not another_award:
            joined[-1] += " " + line
        else:
            joined.append(line)
    return "\n".join(joined)


def _pdf_records(rows: list[list[str | None]]) -> list[tuple[int, list[Any]]]:
    """A PDF table's rows: a cell merged down (None under a value, in a row of several cells) repeats the value above,
    as a Word table's does; one merged across is empty."""
    records: list[tuple[int, list[Any]]] = []
    for line, row in enumerate(rows, start=1):
        cells = [_pdf_cell(cell) for cell in row]
        above = records[-1][1] if records else []
        if sum(cell is not None for cell in row) > 1:
            for index, cell in enumerate(row):
                if cell is None and index < len(above) and index and row[index - 1] is not None and above[index]:
                    cells[index] = above[index]
        records.append((line, cells))
    return records


#: A line of a PDF's text this long, in capitals, ran to the page's edge: the next line in capitals goes on with it.
WRAPPED_CAPITALS_CHARS = 45


def _wraps_onto(line: str, following: str) -> bool:
    """Whether a PDF's line of text goes on in the next: one ending mid-phrase over one opening in lower case, or a
    long heading in capitals over more of it ("… CỦA CHỦ TỊCH ỦY BAN" over "NHÂN DÂN TỈNH")."""
    if re.search(r"[.:;!?)]$|\./\.$", line.strip()):
        return False
    if following[:1].islower():
        return True
    return len(line) >= WRAPPED_CAPITALS_CHARS and line.isupper() and following.isupper()


def _repeats_header(rows: list[list[Any]], header: list[list[Any]]) -> bool:
    """Rows a page repeats from the table's header, each cell the heading or the start of it (a cut heading)."""
    return (
        len(rows) <= len(header)
        and all(
            len(row) == len(head)
            and all(str(head_cell).startswith(str(cell)) for cell, head_cell in zip(row, head, strict=True))
            for row, head in zip(rows, header, strict=False)
        )
        and any(any(cells) for cells in rows)
    )


def _header_rest_left_out(row: list[Any], repeated: list[Any], header: list[Any]) -> list[Any]:
    """The first row under a page's repeated heading without the rest of a heading the page cut ("tác")."""
    cleaned = []
    for cell, cut, whole in zip(row, repeated, header, strict=False):
        rest = str(whole)[len(str(cut)) :].strip()
        cleaned.append(str(cell)[len(rest) :].strip() if rest and str(cell).startswith(rest) else cell)
    return cleaned + row[len(cleaned) :]


_PAGE_NUMBER_RE = re.compile(r"^(?:(?:trang|page)\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?$", re.IGNORECASE)


def _between_pages(text: str, table: list[tuple[int, list[Any]]]) -> bool:
    """Whether a line between two tables of a PDF's pages is no text of the document: a page's number ("2", "Trang
    2/3"), or the words of the next page's header row, which the text layer gives again above the table."""
    if _PAGE_NUMBER_RE.match(text.strip()):
        return True
    header = set(" ".join(str(cell or "") for cell in table[0][1]).split()) if table else set()
    return len(text.split()) >= 2 and set(text.split()) <= header  # its cells' first lines, side by side


def _pdf_pages_joined(blocks: list[str | list[tuple[int, list[Any]]]]) -> list[str | list[tuple[int, list[Any]]]]:
    """A table that runs over several pages as one: the header rows a page repeats left out, and a row the page break
    cut (its number cell empty) joined to the row it continues."""
    joined: list[str | list[tuple[int, list[Any]]]] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if isinstance(block, str) and isinstance(previous, str) and _wraps_onto(previous, block):
            joined[-1] = f"{previous} {block}"  # "(Kèm theo Quyết định … của Chủ tịch UBND" over "tỉnh Quảng Trị)"
            continue
        if isinstance(block, list) and isinstance(previous, str) and len(joined) > 1 and isinstance(joined[-2], list):
            if _between_pages(previous, block):  # the page's number, or its header row's text read again
                joined.pop()
                previous = joined[-1]
        if isinstance(block, str) or not isinstance(previous, list) or not previous:
            joined.append(block)
            continue
        rows = [cells for _line, cells in block]
        header = [cells for _line, cells in previous[: len(rows)]]
        repeated = next((size for size in range(len(rows), 0, -1) if _repeats_header(rows[:size], header)), 0)
        if repeated and len(rows) > repeated:  # the page cut a heading too: "… đơn vị công" over "tác"
            for cut, whole in zip(rows[:repeated], header, strict=False):
                rows[repeated] = _header_rest_left_out(rows[repeated], cut, whole)
        rows = rows[repeated:]
        last = previous[-1][1]
        if (
            rows
            and not str(rows[0][0] or "").strip()
            and len(rows[0]) == len(last)
            and section_row(dict(enumerate(rows[0]))) is None
        ):
            merged = [
                " ".join(filter(None, [str(a).strip(), str(b).strip()])) for a, b in zip(last, rows.pop(0), strict=True)
            ]
            previous[-1] = (previous[-1][0], merged)
        start = previous[-1][0]
        previous.extend((start + offset, cells) for offset, cells in enumerate(rows, start=1))
    return joined


def _read_pdf(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    """The lists of a PDF with a text layer (a decision's attached list): its ruled tables (pdfplumber), one running
    over several pages read as one, the text above a table its title lines; a scan without text is refused so."""
    import pdfplumber

    blocks: list[str | list[tuple[int, list[Any]]]] = []
    pages: list[list[str]] = []  # each page's lines of text, for a list written without a table
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            check_pdf_pages(len(pdf.pages))
            for page in pdf.pages:
                read = [block if isinstance(block, str) else _pdf_records(block) for block in page_blocks(page)]
                blocks += read
                pages.append([line for block in read if isinstance(block, str) for line in block.splitlines()])
    except ImportLimitError as error:
        raise SpreadsheetError(file_name, str(error)) from error
    except Exception as error:  # pdfminer raises many kinds for a damaged file
        raise SpreadsheetError(file_name, f"tệp PDF hỏng hoặc không đọc được ({error}).") from error
    if not any(isinstance(block, list) for block in blocks):
        if numbered := _numbered_table(_without_page_furniture(pages)):  # "1. Công ty …" over "Địa chỉ: …" lines
            return numbered
        problem = (
            "tệp PDF không có bảng kẻ ô nào" if any(blocks) else "tệp PDF không có lớp chữ (có thể là bản quét ảnh)"
        )
        raise SpreadsheetError(file_name, f"{problem}; hãy gửi danh sách dạng .xlsx, .docx hoặc .csv.")
    return _document_tables(file_name, _pdf_pages_joined(blocks), known)


def _read_json(file_name: str, data: bytes, known: frozenset[str]) -> Table:
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SpreadsheetError(file_name, f"tệp JSON sai cú pháp ({error}).") from error
    if isinstance(content, dict) and isinstance(content.get("stories"), list):
        content = content["stories"]
    if not isinstance(content, list):
        raise SpreadsheetError(file_name, "tệp JSON phải là một danh sách, hoặc một đối tượng có khóa “stories”.")
    rows, columns, headings = [], {}, {}
    try:
        check_rows(len(content))
        for index, item in enumerate(content, start=1):
            if isinstance(item, dict):
                check_row_shape(index, list(item.values()))
    except ImportLimitError as error:
        raise SpreadsheetError(file_name, str(error)) from error
    for index, item in enumerate(content, start=1):
        if not isinstance(item, dict):
            rows.append(SourceRow(index, {"__not_object__": True}))
            continue
        values = {column_name(key): _cell(value) for key, value in item.items()}
        columns.update(dict.fromkeys(values))
        headings.update({column_name(key): str(key) for key in item})
        rows.append(SourceRow(index, values))
    if not rows:
        raise SpreadsheetError(file_name, "tệp không có dữ liệu.")
    return Table(list(columns), rows, headings=headings)


def read_rows(file_name: str, data: bytes, known: Iterable[str] = COLUMNS) -> Table:
    """Columns and rows of a CSV, XLSX, XLS, ODS or JSON list, or of the tables of a Word or OpenDocument text;
    `known`: column names (after `column_name`) that tell the header row from title lines above it."""
    suffix = Path(file_name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise SpreadsheetError(
            file_name,
            f"định dạng “{suffix or '?'}” chưa được hỗ trợ (chỉ nhận {', '.join(SUPPORTED_SUFFIXES)}).",
        )
    try:
        check_bytes(len(data))
    except ImportLimitError as error:
        raise SpreadsheetError(file_name, str(error)) from error
    if not data.strip():
        raise SpreadsheetError(file_name, "tệp rỗng.")
    reader = {
        ".csv": _read_csv,
        ".xlsx": _read_xlsx,
        ".xls": _read_xls,
        ".ods": _read_ods,
        ".docx": _read_docx,
        ".doc": _read_doc,
        ".odt": _read_odt,
        ".pdf": _read_pdf,
        ".html": _read_html,
        ".htm": _read_html,
        ".json": _read_json,
    }[suffix]
    return reader(file_name, data, frozenset(known))

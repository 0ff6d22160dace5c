"""Import a commendation decision's awardee list (CSV, XLSX, XLS, ODS, DOCX/ODT tables, JSON) as one draft decision, all or nothing.

The rows are read by the exemplar import's reader (`exemplar_rows.read_rows`, with its limits), the awards by
its award parser (`story_awards.AwardResolver`): an award that fits no title or form is kept as written, with a
warning. The decision's number, date and issuer come from the options, or from the keys of a JSON object
(`{"number", "date", "issuer", "signer_name", "signer_title", "title", "summary", "awardees": [...]}`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models import DecisionAwardee, DecisionPage, ExemplarStoryPage, UnitPage
from ..models.mixins import in_order
from .awards import split_if_awards
from .exemplar_rows import SourceRow, SpreadsheetError, read_rows, section_row
from .exemplar_validation import (
    RowError,
    _text,
    name_and_position,
    subject_type_of,
    subject_type_of_name,
    year_as_written,
)
from .limits import ImportLimitError, check_bytes
from .plan_body import parse_closing
from .plan_reference import parse_reference
from .plan_text import caps_to_name
from .story_awards import AwardResolver

__all__ = ["DecisionImportRefused", "DecisionImportResult", "import_decision", "import_decision_file"]

COLUMNS = ("name", "subject_type", "position", "awards", "year", "achievement", "story")
#: Headings of the awardee list (after `exemplar_rows.column_name`) and the column each one means.
ALIASES = {
    "subject_name": "name",
    "ho_ten": "name",
    "ho_va_ten": "name",
    "ten": "name",
    "ten_ca_nhan_tap_the": "name",
    "chuc_vu": "position",
    "don_vi": "position",
    "chuc_vu_don_vi": "position",
    "noi_cong_tac": "position",
    "award": "awards",
    "hinh_thuc_khen_thuong": "awards",
    "thanh_tich": "achievement",
    "summary": "achievement",  # the exemplar list's reading of "Thành tích", "Tóm tắt thành tích"
    "bai_viet": "story",
    "guong_dien_hinh": "story",
}
HEADER_KEYS = ("number", "date", "issuer", "signer_name", "signer_title", "title", "summary")
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")
NAME_LIMIT = DecisionAwardee._meta.get_field("name").max_length
POSITION_LIMIT = DecisionAwardee._meta.get_field("position").max_length
AWARD_LIMIT = DecisionAwardee._meta.get_field("award_text").max_length


class DecisionImportRefused(Exception):
    """The import as a whole is refused (wrong parent, missing number/date/issuer); for the user."""


@dataclass
class DecisionImportResult:
    """What an import did, or why it did nothing."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page: DecisionPage | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(str(value or "").strip(), pattern).date()
        except ValueError:
            continue
    return None


def _column(name: str) -> str:
    return ALIASES.get(name, name)


def _split_json(file_name: str, data: bytes) -> tuple[bytes, dict]:
    """A JSON object's awardees (as a JSON list, for the row reader) and its decision keys."""
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SpreadsheetError(file_name, f"tệp JSON sai cú pháp ({error}).") from error
    if not isinstance(content, dict):
        return data, {}
    if not isinstance(content.get("awardees"), list):
        raise SpreadsheetError(file_name, "đối tượng JSON phải có khóa “awardees” là một danh sách.")
    header = {key: content[key] for key in HEADER_KEYS if content.get(key) not in (None, "")}
    return json.dumps(content["awardees"], ensure_ascii=False).encode(), header


class _Rows:
    """Validates awardee rows, collecting every problem as `Dòng N: cột: lý do`."""

    def __init__(self, default_award: str, issuer: str = "") -> None:
        self.default_award = default_award
        self.issuer = issuer  # who gives an award the list writes without its giver ("Giấy khen")
        self.resolver = AwardResolver()
        self.errors: list[RowError] = []
        self.warnings: list[str] = []
        self.section_type: str | None = None  # set by a row heading a part of the list ("II. CÁ NHÂN")
        self.list_end: str | None = None  # the line that ended the list, once read
        self.closing: list[str] = []  # the lines below it: the signer's block

    def awardee(self, row: SourceRow) -> list[DecisionAwardee] | None:
        if row.part is not None:  # another sheet's list: its own part, whatever ended the last one
            self.section_type, self.list_end = row.part.subject_type, None
        if self.list_end is not None:  # the signer's block below "(Danh sách có 50 tập thể, cá nhân)"
            self.closing += [str(value).strip() for value in row.values.values() if str(value or "").strip()]
            self.warnings.append(
                _("Row %(line)s: below the line that ends the list (“%(end)s”); not an awardee.")
                % {"line": row.line, "end": self.list_end[:80]}
            )
            return None
        if (section := section_row(row.values)) is not None:  # "I. TẬP THỂ": the type of the rows below it
            self.section_type = section.type_under(self.section_type)
            self.list_end = section.text if section.ends_list else None
            self.warnings.append(
                _("Row %(line)s: “%(text)s” heads or closes a part of the list; not an awardee.")
                % {
                    "line": row.line,
                    "text": section.text[:80],
                }
            )
            return None
        values = {_column(key): value for key, value in row.values.items()}
        if values.get("__not_object__"):
            self.errors.append(RowError(row.line, _("(whole row)"), _("must be a JSON object.")))
            return None
        before = len(self.errors)
        written_name = _text(values.get("name"))
        name = " ".join(written_name.split())
        if not name:
            self.errors.append(
                RowError(row.line, "name", _("empty; give the full name of the person or the name of the collective."))
            )
        elif len(name) > NAME_LIMIT:
            self.errors.append(RowError(row.line, "name", _("longer than %(n)s characters.") % {"n": NAME_LIMIT}))
        subject_type = self._subject_type(row.line, values.get("subject_type"), name)
        position = " ".join(_text(values.get("position")).split())
        if subject_type == "individual":  # "Ông Nguyễn Văn An, Chủ tịch UBND xã …" in the name column
            name, written_after = name_and_position(written_name)  # its line breaks, too
            name = " ".join(name.split())
            if written_after and written_after not in position:
                position = ", ".join(filter(None, [written_after, position]))
        if len(position) > POSITION_LIMIT:
            self.errors.append(
                RowError(row.line, "position", _("longer than %(n)s characters.") % {"n": POSITION_LIMIT})
            )
        award_text = " ".join(_text(values.get("awards")).split()) or self.default_award
        if not award_text:
            self.errors.append(RowError(row.line, "awards", _("empty; give the form of award (or --award).")))
        elif len(award_text) > AWARD_LIMIT:
            self.errors.append(RowError(row.line, "awards", _("longer than %(n)s characters.") % {"n": AWARD_LIMIT}))
        year = self._year(row.line, values.get("year"))
        story = self._story(row.line, values.get("story"))
        if len(self.errors) > before:
            return None
        awardees = []
        for text in split_if_awards(award_text, r"[;\n]"):  # "Lao động tiên tiến; Chiến sĩ thi đua cơ sở": two
            awardee = DecisionAwardee(
                name=name,
                subject_type=subject_type,
                position=position,
                award_text=text,
                year=year,
                achievement=_text(values.get("achievement")),
                story=story,
            )
            warnings = awardee.understand_award_text(self.resolver, giver=self.issuer)
            self.warnings += [_("Row %(line)s: %(warning)s") % {"line": row.line, "warning": w} for w in warnings]
            awardees.append(awardee)
        return awardees

    def _subject_type(self, line: int, value: Any, name: str) -> str:
        """The type the row writes; else its part's ("II. CÁ NHÂN"); else its name's ("Hộ ông …", "Phòng …")."""
        if not str(value or "").strip():
            return self.section_type or subject_type_of_name(name)
        subject_type = subject_type_of(str(value))
        if subject_type is None:
            self.errors.append(
                RowError(
                    line,
                    "subject_type",
                    _("“%(value)s” is not an individual, a collective or a household.") % {"value": value},
                )
            )
            return ""
        return subject_type

    def _year(self, line: int, value: Any) -> int | None:
        """The year as the exemplar lists write it too ("Năm 2025", a school year "2024 – 2025" as its end)."""
        text, note = year_as_written(str(value or ""))
        if not text:
            return None
        if note and text.isdigit():
            self.warnings.append(_("Row %(line)s: %(warning)s") % {"line": line, "warning": note})
        if not text.isdigit() or not 1945 <= int(text) <= 2100:
            self.errors.append(
                RowError(line, "year", _("“%(value)s” is not a year from 1945 to 2100.") % {"value": text})
            )
            return None
        return int(text)

    def _story(self, line: int, value: Any) -> ExemplarStoryPage | None:
        text = str(value or "").strip()
        if not text:
            return None
        stories = ExemplarStoryPage.objects.all()
        story = stories.filter(pk=int(text)).first() if text.isdigit() else stories.filter(slug=text).first()
        if story is None:
            self.errors.append(RowError(line, "story", _("there is no exemplar story “%(value)s”.") % {"value": text}))
        return story


#: "(Kèm theo Quyết định số 3157/QĐ-UBND ngày 10/12/2025 của Chủ tịch UBND tỉnh …)" above a list's header.
_ATTACHED_RE = re.compile(r"^\(?\s*(?:kèm theo|ban hành kèm theo)\s+(.+?)\)?\s*$", re.IGNORECASE)
#: "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH": the award the whole list receives.
_LIST_AWARD_RE = re.compile(r"\bđược\s+(?:tặng|khen thưởng|công nhận|trao tặng)\s+(.+)$", re.IGNORECASE)


def decision_of_title_lines(lines: list[str]) -> dict:
    """The number, date and issuer of the decision a list says it is attached to, and the award its title names."""
    found: dict = {}
    units: dict[str, str] = {}  # "THÀNH PHỐ HẢI PHÒNG" under "ỦY BAN NHÂN DÂN": {"thành phố": "Hải Phòng"}
    for line in lines:
        heading = _MOTTO_RE.split(line.strip())[0]
        if (unit := _UNIT_LINE_RE.match(heading)) and heading.isupper():
            units.setdefault(unit.group(1).lower(), caps_to_name(unit.group(2)))
        if (attached := _ATTACHED_RE.match(line.strip())) and not found.get("number"):
            reference = parse_reference(f"Căn cứ {attached.group(1)}")
            if reference is not None and reference.document_type == "Quyết định":
                found.update(number=reference.number or "", issuer=reference.issuer or "")
                found["date"] = f"{reference.date:%d/%m/%Y}" if reference.date else ""
        elif (award := _LIST_AWARD_RE.search(line.strip())) and not found.get("award"):
            text = award.group(1).strip(" .:")
            found["award"] = _as_sentence(text) if text.upper() == text else text
    bare = _BARE_UNIT_END_RE.search(found.get("issuer", ""))
    if bare and bare.group(1).lower() in units:  # "… của Chủ tịch Ủy ban nhân dân thành phố": the header's city
        found["issuer"] += f" {units[bare.group(1).lower()]}"
    return {key: value for key, value in found.items() if value}


#: The header's line naming the body's unit, before the national motto written beside it in the same row.
_MOTTO_RE = re.compile(r"\s+(?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập)")
_UNIT_LINE_RE = re.compile(
    r"^(?:ỦY BAN NHÂN DÂN\s+|UỶ BAN NHÂN DÂN\s+|UBND\s+)?(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s+(\S.*)$"
)
_BARE_UNIT_END_RE = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)$", re.IGNORECASE)


def _as_sentence(text: str) -> str:
    """ "BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH" -> "Bằng khen của Chủ tịch UBND tỉnh": abbreviations kept in capitals."""
    return re.sub(r"\bchủ tịch\b", "Chủ tịch", caps_to_name(text))  # the office, as awards write it


def _header(options: dict, found: dict) -> dict:
    """The decision's own fields: options first, then the file's keys; missing or bad ones refuse the import."""
    header = {key: options.get(key) or found.get(key) or "" for key in HEADER_KEYS}
    problems = []
    for key in ("number", "date", "issuer"):
        if not str(header[key]).strip():
            problems.append(
                _(
                    "--%(key)s is missing (or the “%(key)s” key of the JSON file, or a line “(Kèm theo Quyết định số … "
                    "ngày … của …)” above the list's header)."
                )
                % {"key": key}
            )
    if header["date"] and parse_date(header["date"]) is None:
        problems.append(_("--date “%(value)s” is not a dd/mm/yyyy date.") % {"value": header["date"]})
    if problems:
        raise DecisionImportRefused(" ".join(problems))
    header["date"] = parse_date(header["date"])
    return header


def import_decision(file_name: str, data: bytes, parent: Any, user=None, **options: Any) -> DecisionImportResult:
    """Validate every awardee row, then (if all are valid) create one draft decision holding them."""
    parent = getattr(parent, "specific", parent)
    if not isinstance(parent, UnitPage):
        raise DecisionImportRefused(_("The parent page must be a unit page."))
    found: dict = {}
    if Path(file_name).suffix.lower() == ".json":
        data, found = _split_json(file_name, data)
    table = read_rows(file_name, data, known=[*COLUMNS, *ALIASES])
    found = {**decision_of_title_lines(table.title_lines), **found}
    header = _header(options, found)
    columns, rows = table.columns, table.rows
    columns = [_column(column) for column in columns]
    result = DecisionImportResult(rows=len(rows))
    result.warnings += [note] if (note := table.sheet_note()) else []
    unknown = [column for column in columns if column not in COLUMNS]
    if unknown:
        result.warnings.append(_("Ignored the unused columns: %(columns)s.") % {"columns": table.written(unknown)})
    if Path(file_name).suffix.lower() != ".json" and "name" not in columns:
        result.errors.append(RowError(1, "name", _("required column missing from the header row.")))
        return result
    validator = _Rows(str(options.get("award") or found.get("award") or "").strip(), str(header["issuer"]))
    awardees = [awardee for row in rows for awardee in validator.awardee(row) or []]
    result.errors, result.warnings = validator.errors, result.warnings + validator.warnings
    if result.errors:
        return result
    if not (header["signer_name"] or header["signer_title"]):  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Hoàng Nam" below
        _recipients, signer_title, signer_name = parse_closing(
            [line for text in table.closing_lines or validator.closing for line in text.splitlines() if line.strip()]
        )
        header["signer_title"], header["signer_name"] = signer_title or "", signer_name or ""
    title = header["title"] or _("Decision no. %(number)s of %(date)s on commendation") % {
        "number": header["number"],
        "date": f"{header['date']:%d/%m/%Y}",
    }
    page = DecisionPage(
        title=str(title)[:255], number=str(header["number"])[:60], decision_date=header["date"],
        issuer=str(header["issuer"])[:255], signer_name=str(header["signer_name"])[:255],
        signer_title=str(header["signer_title"])[:255], summary=str(header["summary"])[:1000], live=False, owner=user,
    )  # fmt: skip
    page.awardees = in_order(awardees)
    with transaction.atomic():
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=user, content_changed=True)
        page.save_revision(user=user)
    result.page = page
    return result


def import_decision_file(path: str | Path, parent: Any, **options: Any) -> DecisionImportResult:
    """Import an awardee list from a path, refusing an oversized file before reading it."""
    path = Path(path)
    try:
        check_bytes(path.stat().st_size)
    except ImportLimitError as error:
        raise SpreadsheetError(path.name, str(error)) from error
    return import_decision(path.name, path.read_bytes(), parent, **options)

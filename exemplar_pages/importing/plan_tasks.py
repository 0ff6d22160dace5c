"""Tasks a plan sets out in a table ("TT | Nội dung | Đơn vị thực hiện | Thời gian hoàn thành"): each row a unit's
task with its deadline. A table's rows come one per line, cells between "|" (`readers.table_lines`, web tables)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .plan_models import Assignment, Block, Deadline
from .plan_text import fold, loose

_TIME_HEADING = re.compile(r"\b(?:thoi gian|thoi han|han chot|tien do|ngay hoan thanh)\b")
_UNIT_HEADING = re.compile(
    r"\b(?:don vi|chu tri|phu trach|bo phan|co quan|nguoi thuc hien|thuc hien|trach nhiem|luc luong)\b"
)
_TASK_HEADING = re.compile(r"\b(?:noi dung|nhiem vu|cong viec|hoat dong|giai phap|chi tieu)\b")
#: A time that is a deadline: "Trước ngày 15/3/2026", "Chậm nhất 30/6", "Hoàn thành trong tháng 9" (not an event's day).
_DEADLINE = re.compile(r"\b(?:truoc|cham nhat|han|hoan thanh|xong|khong qua|ket thuc)\b")
#: "Từ 01/3 đến 31/3/2026": what stands after "đến" ends the range.
_RANGE_END = re.compile(r"\s(?i:đến|tới)\s")


@dataclass(frozen=True)
class _Columns:
    """Where a task table keeps the task, the unit and the time; whether its time heading speaks of a deadline."""

    width: int
    task: int
    unit: int
    time: int
    deadline_heading: bool


def row_cells(block: Block) -> list[str] | None:
    """A table row's cells, or None for a block that is no row."""
    if block.type != "paragraph" or block.text.count("|") < 2:
        return None
    text = block.text.strip()
    if text.startswith("|") and text.endswith("|"):  # "| 1 | … |": a table written with its borders
        text = text[1:-1]
    return [" ".join(cell.split()) for cell in text.split("|")]  # "4 | … | Trước 20/12/2024 | ": its last cell empty


def _columns(cells: list[str]) -> _Columns | None:
    """The columns of a task table's heading row, or None when the row is no such heading."""
    headings = [fold(cell) for cell in cells]
    time = next((i for i, heading in enumerate(headings) if _TIME_HEADING.search(heading)), None)
    if time is None:
        return None
    unit = next((i for i, heading in enumerate(headings) if i != time and _UNIT_HEADING.search(heading)), None)
    if unit is None:
        return None
    task = next(
        (i for i, heading in enumerate(headings) if _TASK_HEADING.search(heading) and i not in (unit, time)), None
    )
    if task is None:
        task = next(
            (i for i in range(len(cells)) if i not in (unit, time) and fold(cells[i]) not in ("tt", "stt")), unit
        )
    deadline = bool(_DEADLINE.search(headings[time]))
    return _Columns(len(cells), task, unit, time, deadline)


#: Lines a PDF's text layer may put between two rows of a table: a cell's wrapped words, a group's heading.
BETWEEN_ROWS = 3
_BETWEEN_ROWS_WORDS = 12


def _inside_table(blocks: list[Block], rows: list[list[str] | None], position: int, width: int) -> bool:
    """Whether a paragraph that is no row stands between two rows of a table: a few short lines before the next row
    of the table's width ("THTPCT" and "mục", a cell's words the text layer wrote apart; a group's heading)."""
    for ahead in range(position, min(position + BETWEEN_ROWS, len(blocks))):
        if rows[ahead] is not None and len(rows[ahead]) == width:
            return ahead > position
        if len(blocks[ahead].text.split()) > _BETWEEN_ROWS_WORDS and ahead > position:
            return False  # "| THTPCT | | mục |", the same words as cells, may stand between them
    return False


def table_assignments(blocks: list[Block], year: int | None) -> tuple[list[Assignment], set[int]]:
    """The units of a plan's task tables with their tasks and deadlines (a unit named in several rows once), and the
    positions of the blocks read as the tables' rows.

    A row's date is a deadline when the time says so ("Trước ngày …") or its heading does ("Thời gian hoàn thành");
    a day written alone under "Thời gian thực hiện" is an event's ("Ngày 20/01/2026": the launch)."""
    from .plan_body import find_deadlines

    found: dict[str, Assignment] = {}
    read: set[int] = set()
    columns: _Columns | None = None
    unit_above = ""
    rows = [row_cells(block) for block in blocks] + [None]  # each block's cells, read once
    for position, cells in enumerate(rows[:-1]):
        if cells is None and columns and _inside_table(blocks, rows, position, columns.width):
            read.add(position)  # a group's heading merged across the table ("I. Công tác tuyên truyền"), a wrapped cell
            continue
        if cells is None or columns is None:
            columns, unit_above = (_columns(cells) if cells else None), ""
            read |= {position} if columns else set()
            continue
        read.add(position)
        if len(cells) != columns.width or not (cells[columns.unit] or cells[columns.time]):
            continue  # a row merged across, or with neither unit nor time: a group's heading ("I | Tuyên truyền |  | ")
        unit, time, task = cells[columns.unit] or unit_above, cells[columns.time], cells[columns.task]
        if not unit or not task:
            continue
        unit_above = unit  # a unit cell merged down over the next tasks reads empty below (.odt, PDF)
        assignment = found.setdefault(unit, Assignment(unit=unit))
        assignment.tasks.append(f"{task} ({time})" if time else task)
        if columns.deadline_heading or _DEADLINE.search(fold(time)):
            # "Từ 01/3 đến 31/3/2026" under "Thời hạn hoàn thành": the range's end is the deadline
            due = _RANGE_END.split(time)[-1] if _RANGE_END.search(time) else time
            assignment.deadlines += [Deadline(date=d.date, text=time) for d in find_deadlines(due, year)]
        # "Tháng 5/2024 | … gửi hồ sơ … trước ngày 25/5/2024 | …": a deadline the task itself sets (once, when the
        # time column says it too)
        known = {deadline.date for deadline in assignment.deadlines}
        for marked in _MARKED_DATE.finditer(task):
            dates = [d.date for d in find_deadlines(marked.group(0), year) if d.date not in known]
            assignment.deadlines += [Deadline(date=date, text=task) for date in dates]
            known.update(dates)
    return list(found.values()), read


#: A date a sentence sets as a deadline: "trước ngày 20/3/2026", "chậm nhất là ngày 15 tháng 11 năm 2026".
_MARKED_DATE = re.compile(  # also as an OCR without diacritics leaves it ("truoc ngay 15/4/2026", "trươc ngay …")
    rf"(?i:{loose('trước', True)}|{loose('chậm nhất')}(?:\s+{loose('là')})?|{loose('hạn chót')}(?:\s+{loose('là')})?"
    rf"|{loose('hạn cuối')}(?:\s+{loose('là')})?|{loose('không quá')}|{loose('không muộn hơn')})\s*"
    # an hour before the day ("trước 16h00 ngày 20/01/2026", "trước 17 giờ, ngày …")
    rf"(?:\d{{1,2}}\s*(?:h|(?i:{loose('giờ')}))\s*(?:\d{{2}}\s*(?:'|(?i:{loose('phút')}))?)?\s*,?\s*)?"
    rf"(?:(?i:{loose('ngày')})\s*)?"
    rf"\d{{1,2}}(?:\s*[/.-]\s*\d{{1,2}}(?:\s*[/.-]\s*\d{{4}})?|\s*(?i:{loose('tháng')})\s*\d{{1,2}}"
    rf"(?:\s*,?\s*(?i:{loose('năm')})\s*\d{{4}})?)"
)
#: A task to finish within a month or a quarter ("hoàn thành trong tháng 11/2026", "hoàn thành trong Quý III/2026"):
#: its last day is the deadline.
WITHIN_PERIOD_RE = re.compile(
    rf"{loose('hoàn thành')}[^,;.\n]{{0,120}}?\s{loose('trong')}\s+(?:{loose('tháng')}\s*(?P<month>\d{{1,2}})"
    rf"|{loose('quý')}\s*(?P<quarter>IV|I{{1,3}}|[1-4]))\s*[/-]\s*(?P<year>(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def last_day(match: re.Match) -> dt.date | None:
    """The last day of the month or quarter a task is to be finished within."""
    month = int(match["month"]) if match["month"] else 3 * _QUARTERS[match["quarter"].upper()]
    if not 1 <= month <= 12:
        return None
    year = int(match["year"])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


#: Who a sentence asks: "Hội Cựu chiến binh các xã, phường gửi …", "Hồ sơ: Các chi bộ hoàn thành …".
_SUBJECT = re.compile(
    r"^(?:\d{1,2}[.)]\s*|[-+•]\s*)?(?:[^\W\d][^:;,.]{0,30}:\s*)?((?:Các|Hội|Ban|Phòng|Văn phòng|Đoàn|Chi bộ|Chi hội|Trường|UBND|Ủy ban|Sở|Tổ|Liên đoàn"
    r"|Công đoàn|Đơn vị|Cơ quan|Thủ trưởng|Trưởng|Giám đốc|Hiệu trưởng|Bệnh viện|Trung tâm)\b[^,;:.]{2,100}?)\s+"
    r"(?:gửi|nộp|hoàn thành|hoàn thiện|báo cáo|tổ chức|đăng ký|rà soát|xây dựng|triển khai|có trách nhiệm|chịu trách nhiệm"
    r"|chủ trì|tổng hợp|lập|thực hiện|chuẩn bị)\b"
)
#: The unit of a deadline whose sentence names none: the units the document is sent to.
ADDRESSED_UNITS = "Các đơn vị liên quan"


def sentence_subject(text: str) -> str | None:
    """The unit a sentence asks to act, when it opens with one ("Các chi bộ hoàn thành …")."""
    subject = _SUBJECT.match(text)
    return subject.group(1).strip() if subject else None


def marked_assignments(blocks: list[Block], skip: set[int], year: int | None, known: set) -> list[Assignment]:
    """Deadlines set outside the tasks section and tables ("Hồ sơ gửi về … trước ngày 19/9/2025" in a letter, under
    "IV. THỜI GIAN, HỒ SƠ"): only a date a deadline word leads to, its unit the sentence's subject when it has one.
    `known`: dates already read, not read again."""
    from .plan_body import RECURRING_RE, find_deadlines

    found: dict[str, Assignment] = {}
    for position, block in enumerate(blocks):
        if position in skip:
            continue
        marked = [m.group() for pattern in (_MARKED_DATE, WITHIN_PERIOD_RE) for m in pattern.finditer(block.text)]
        if not marked:
            continue
        repeating = RECURRING_RE.search(block.text)  # "trước ngày 15/6 hằng năm": a day of every year, not a date
        fragments = [fragment for fragment in marked if not repeating or re.search(r"\d{4}", fragment)]
        dates = {deadline.date for fragment in fragments for deadline in find_deadlines(fragment, year)} - known
        deadlines = [deadline for deadline in find_deadlines(block.text, year) if deadline.date in dates]
        if not deadlines:
            continue
        unit = sentence_subject(block.text) or ADDRESSED_UNITS
        assignment = found.setdefault(unit, Assignment(unit=unit))
        assignment.tasks.append(f"{block.number} {block.text}" if block.number else block.text)
        assignment.deadlines += deadlines
        known |= dates
    return list(found.values())


def plan_dates(assignments: list[Assignment]) -> set:
    """The deadlines' dates of some assignments."""
    return {deadline.date for assignment in assignments for deadline in assignment.deadlines}


def attached_assignments(blocks: list[Block], year: int | None, known: set) -> list[Assignment]:
    """Tasks of what follows the signer (a decision's attached plan, an appendix "PHỤ LỤC … TIẾN ĐỘ"): its tables'
    and its sentences' deadlines, but for dates already read."""
    tabled, read = table_assignments(blocks, year)
    return tabled + marked_assignments(blocks, read, year, known | plan_dates(tabled))

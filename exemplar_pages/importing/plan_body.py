"""Body of a plan: blocks, assignments with deadlines, recipients, signer, movements."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from cms.vietnamese import is_valid_syllable

from .national_movements import national_movement_at, same_movement
from .plan_models import Assignment, Block, Deadline, Movement
from .plan_patterns import CAPITALISED_TYPE
from .plan_tasks import WITHIN_PERIOD_RE, last_day, marked_assignments, plan_dates, sentence_subject, table_assignments
from .plan_text import DAY_MONTH_RE, DOC_NUMBER, find_dates, is_allcaps, loose, make_date, sentence_case

_ROMAN = r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})"
HEADING_RES: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^({_ROMAN})\.\s*(\S.*)$")),
    (4, re.compile(r"^(\d+\.\d+\.\d+)\.?\s+(\S.*)$")),
    (3, re.compile(r"^(\d+\.\d+)\.?\s+(\S.*)$")),
    (2, re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")),
    (3, re.compile(r"^([a-zđ])\)\s*(\S.*)$")),
]
LIST_RE = re.compile(r"^[-+•*–—]\s*(\S.*)$")
UNIT_PREFIX_RE = re.compile(r"^(?:Giao(?:\s+cho)?|Đề\s+nghị|Yêu\s+cầu)\s+", re.IGNORECASE)
_TASK_VERBS = (
    "chủ trì|có trách nhiệm|chịu trách nhiệm|phối hợp|triển khai|theo dõi|thực hiện|hướng dẫn|tham mưu"
    "|căn cứ|xây dựng|chỉ đạo|tuyên truyền|kiểm tra|tổng hợp|đôn đốc|bố trí|cân đối|lựa chọn|phổ biến|quán triệt"
)
#: A paragraph of "TỔ CHỨC THỰC HIỆN" that gives a unit its task: "Giao Văn phòng … chủ trì …", "Trưởng các phòng … có
#: trách nhiệm …" (group 1: the unit).
TASK_SENTENCE_RE = re.compile(
    rf"^(?:(?:Giao(?:\s+cho)?|Đề\s+nghị|Yêu\s+cầu)\s+(.{{3,150}}?)"
    rf"|((?:Trưởng|Thủ\s+trưởng|Chủ\s+tịch|Giám\s+đốc|Hiệu\s+trưởng|Chánh\s+Văn\s+phòng)\s.{{2,150}}?))"
    rf"\s*,?\s+(?:{_TASK_VERBS})\b"
)
SIGNER_WORDS_RE = re.compile(r"\b(?:KT|TM|TL|TUQ|Q|PHÓ|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|CHÁNH|BÍ THƯ|CHỦ NHIỆM|HIỆU TRƯỞNG)\b")
SIGNATURE_NOTE_RE = re.compile(r"^\((?:đã ký|ký|ký tên|ký,|ký và)[^)]*\)$", re.IGNORECASE)
SURNAMES = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Lâm
    Mai Trương Hà Lưu Tô Châu Cao Thái Tạ Quách Lương Đoàn Vương Trịnh Phùng Kiều La Tăng
    Mạc Nông Lò Triệu Hứa Diệp Từ Chu Nghiêm Tống Giang Thạch Kim Danh Lã Bạch Âu Hầu Đàm
    Quan Thân Trang Tôn Doãn Kha Lai Lục Văn Khúc Ninh Mã Tiêu Viên""".split()
)
#: The phrases below match as an OCR without diacritics leaves them too ("phong trao thi dua \"…\"").
_MOVEMENT_TRIGGER_RE = re.compile(
    rf"(?<!Chỉ đạo )(?i:{loose('phong trào')})(?:\s+{loose('thi đua')})?(?:\s+{loose('yêu nước')})?(?:\s+{loose('năm')}\s+\d{{4}})?"
    # "phong trào thi đua chuyên đề “…”", "… đặc biệt “…”": its kind before its name
    rf"(?:\s+(?i:{loose('chuyên đề')}|{loose('đặc biệt')}|{loose('cao điểm')}|{loose('theo đợt')}))?"
    rf"(?:\s+(?:{loose('với chủ đề')}|{loose('mang tên')}|{loose('có tên')}))?"
    rf"\s*(?::|{loose('như')}\s*:?)?\s*(?=[“\"])"
)
#: "… phải thi đua “Dạy tốt – Học tốt”": a quoted name after "thi đua", "phát động" or "hưởng ứng",
#: when the text around speaks of a movement (phong trào).
#: What may open a title's line before its drive's "thi đua “…”": nothing, or the document's kind.
_TITLE_KIND_RE = re.compile(rf"(?:(?:{CAPITALISED_TYPE})\s+)?")
_CONTEXT_TRIGGER_RE = re.compile(rf"(?i:{loose('thi đua')}|{loose('phát động')}|{loose('hưởng ứng')})\s*:?\s*(?=[“\"])")
#: A campaign named on its own ("thực hiện Cuộc vận động “Toàn dân đoàn kết …”"), a short drive of emulation
#: ("đợt thi đua cao điểm “Hoa điểm 10 tặng thầy cô”") or a volunteers' campaign ("Chiến dịch tình nguyện “Mùa hè xanh”").
_OWN_TRIGGER_RE = re.compile(
    rf"(?i:{loose('cuộc vận động')}|{loose('đợt thi đua')}(?:\s+{loose('cao điểm')})?|{loose('chiến dịch')}(?:\s+{loose('tình nguyện')})?)"
    rf"(?:\s+(?i:{loose('với')}|{loose('có')}|mang)\s+(?i:{loose('chủ đề')}|{loose('tên')}))?\s*:?\s*(?=[“\"])"
)
_OTHER_QUOTES_RE = re.compile(r"«\s*([^«»\n]{3,200}?)\s*»|‘([^‘’\n]{3,200}?)’")
#: A month of action named in quotes ("Tháng Thanh niên", "Tháng hành động về an toàn, vệ sinh lao động"): a campaign.
_MONTH_OF_ACTION_RE = re.compile(rf"(?=[“\"]{loose('Tháng')}\s+[^\W\d])")
_CONTEXT_RE = re.compile(rf"(?i:{loose('phong trào')})")
_CAMPAIGN_RE = re.compile(
    rf"\s*{loose('gắn')}(?:\s+{loose('liền')})?\s+{loose('với')}(?:\s+{loose('việc')})?(?:\s+{loose('thực hiện')})?\s+"
    rf"(?:{loose('các')}\s+)?(?i:{loose('cuộc vận động')})\s*(?=[“\"])"
)
_SEPARATOR_RE = re.compile(
    rf"\s*(?:{loose('giai đoạn')}\s+\d{{4}}\s*[-–]\s*\d{{4}}\s*)?(?:,\s*{loose('và')}|,|;|{loose('và')})?\s*(?=[“\"])"
)
#: Where a movement named without quotes may follow: "phong trào (thi đua) Dân vận khéo", "Cuộc vận động Người Việt …".
_UNQUOTED_TRIGGER_RE = re.compile(
    rf"((?i:{loose('phong trào')}|{loose('cuộc vận động')}))\s+(?:(?i:{loose('thi đua')})\s+)?(?=[^\W\d])"
)
#: A movement named on a labelled line ("2. Phong trào thi đua: CHUNG TAY BẢO VỆ MÔI TRƯỜNG, …", "Tên phong trào: …"):
#: the rest of the line, unquoted.
_LABELLED_MOVEMENT_RE = re.compile(
    rf"^[ \t]*(?:\d{{1,2}}[.)][ \t]*)?(?:{loose('Tên phong trào')}|{loose('Phong trào')}(?:[ \t]+{loose('thi đua')})?)"
    r"[ \t]*:[ \t]*([^\W\d_][^“”\"\n]{6,160}?)[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
#: A movement named without quotes inside a sentence, its capital telling it from what follows "phong trào thi đua"
#: ("tiếp tục thực hiện phong trào thi đua Đổi mới phong cách, lề lối làm việc, …; …"), to the clause's end.
_NAMED_AFTER_RE = re.compile(
    r"(?<=[^\W\d_,;] )phong trào thi đua ([^\W\d_][^;.\n“”\"()]{8,120}?)"
    r"(?=\s*[;.\n(]|\s+(?:gắn với|năm (?:19|20)\d{2}|giai đoạn|trong|tại|của|do|được)\s)"
)
#: A movement heading an item, named without quotes up to the colon that opens its tasks ("3. Phong trào thi đua
#: Nghiên cứu khoa học - Đổi mới sáng tạo trong sinh viên: mỗi Bộ môn …").
_ITEM_MOVEMENT_RE = re.compile(
    rf"^[ \t]*(?:\d{{1,2}}[.)]|[a-zđ]\)|[-+•])[ \t]*(?:{loose('Phong trào')}|{loose('Cuộc vận động')})"
    rf"(?:[ \t]+{loose('thi đua')})?[ \t]+([^\W\d_][^:;“”\"\n]{{6,160}}?)[ \t]*:",
    re.MULTILINE,
)
#: What such a place names that is no movement's own name: the body launching it, or the kind of movement.
_NOT_A_NAME_RE = re.compile(
    r"^(?:UBND|HĐND|Ủy ban|Uỷ ban|Tỉnh|Huyện|Thành phố|Sở|Bộ|Ban|Đảng|Chính phủ|Thủ tướng|Nhà nước|Trung ương|Cấp"
    r"|Năm|Đợt|Quý|Khối|Cụm|Ngành|Hội đồng|Các|Tổng Liên đoàn|Liên đoàn|Công đoàn)\b"
)
_REFERENCE_DATE_RE = re.compile(rf"số\s*{DOC_NUMBER}\s*,?\s*ngày\s*$")
_GROUP_GAP_RE = re.compile(r"^\s*(?:,|;|và|,\s*và)?\s*(?:ngày\s*)?$")


def classify_line(line: str) -> Block:
    """Turn one body line into a heading, list item or paragraph block."""
    for level, regex in HEADING_RES:
        m = regex.match(line)
        if m:
            number = m.group(1) + (")" if level == 3 and m.group(1).isalpha() else ".")
            if level == 2 and line[len(m.group(1))] == ")":
                number = m.group(1) + ")"
            return Block(type="heading", text=m.group(2).strip(), level=level, number=number)
    m = LIST_RE.match(line)
    if m:
        return Block(type="list_item", text=m.group(1).strip())
    return Block(type="paragraph", text=line)


def parse_blocks(lines: list[str]) -> list[Block]:
    """Blocks of the plan body, in order."""
    return [classify_line(line) for line in lines]


def _clean_unit(text: str) -> tuple[str, str | None]:
    """(unit name, task written on the same line) from an assignment heading."""
    task = None
    head, sep, tail = text.partition(":")
    if sep and len(tail.strip()) > 20 and len(head) < 150:
        text, task = head, tail.strip()
    if task is None and len(text) > 80:  # "Giao Văn phòng UBND tỉnh chủ trì, phối hợp …" as the heading itself
        m = TASK_SENTENCE_RE.match(text.strip())
        if m and text.strip().startswith("Giao"):
            text, task = m.group(1) or m.group(2), text.strip()
        elif subject := sentence_subject(text.strip()):  # "Trưởng các ấp báo cáo kết quả … trước ngày …"
            text, task = subject, text.strip()
    unit = UNIT_PREFIX_RE.sub("", text.strip()).strip().rstrip(".:;,").strip()
    return unit, task


_ANNIVERSARY_RE = re.compile(r"\(\s*[^()]{0,40}?\d{4}\s*[-–—]\s*[^()]{0,40}?\d{4}\s*\)")
#: A day the calendar names, before its date: "nhân dịp Ngày truyền thống Mặt trận Tổ quốc Việt Nam 18/11", "chào mừng
#: ngày Nhà giáo Việt Nam 20/11/2025" (a capital after "ngày").
#: Not when a deadline's words come between: "… kỷ niệm 64 năm Ngày thành lập Ngành gửi trước ngày 25/6/2024".
_NAMED_DAY_RE = re.compile(
    r"\b(?:Ngày|ngày(?=\s+[A-ZĐÀ-Ỹ]))\s+(?:(?!(?i:trước|ngày|hạn|chậm|đến|xong)\b)[^\W\d_]+[ \t]+){1,12}$"
)


_EVENT_DAYS_RE = re.compile(
    r"(?i:kỷ niệm|nhân dịp|chào mừng|hoạt động|dịp|lễ)\s+(?:(?i:ngày)\s+)?(?:\d{1,2}\s*/\s*\d{1,2}\s*(?:,|và)\s*)*$"
)


#: What makes a day and month a day of every year, quarter or month, no deadline.
RECURRING_RE = re.compile(rf"(?i:h[ằà]ng\s+(?:{loose('năm')}|{loose('quý')}|{loose('tháng')})|{loose('định kỳ')})")


def find_deadlines(task: str, year: int | None) -> list[Deadline]:
    """Dates a task sets (not dates of cited documents, nor anniversaries such as "(11/6/1948 - 11/6/2023)")."""
    spans = [(m.start(), m.end()) for m in _ANNIVERSARY_RE.finditer(task)]
    found: list[tuple[dt.date, int, int]] = []
    for date, start, end in find_dates(task):
        anniversary = any(s <= start < e for s, e in spans) or (year is not None and date.year < year - 1)
        anniversary = anniversary or bool(_NAMED_DAY_RE.search(task[:start]))
        if not _REFERENCE_DATE_RE.search(task[:start]) and not anniversary:
            found.append((date, start, end))
    if year:
        for m in DAY_MONTH_RE.finditer(task):
            overlaps = any(s <= m.start() < e for _, s, e in find_dates(task)) or any(
                s <= m.start() < e for s, e in spans
            )
            date = make_date(m.group(1), m.group(2), year)
            # "Ngày truyền thống Hội CCB Việt Nam (06/12)": a day the calendar keeps, written alone in brackets
            named_day = task[: m.start()].rstrip().endswith("(") and task[m.end() :].lstrip().startswith(")")
            named_day = named_day or bool(_NAMED_DAY_RE.search(task[: m.start()]))
            # "kỷ niệm ngày 8/3 và 20/10", "các hoạt động 8/3, 20/10": days the calendar keeps, a list of them too
            named_day = named_day or bool(_EVENT_DAYS_RE.search(task[: m.start()]))
            # "báo cáo hằng năm trước ngày 15/11", "trước ngày 15/6 hằng năm": a day of every year, no date
            clause = max(task.rfind(mark, 0, m.start()) for mark in ",;.") + 1
            ends = [end for end in (task.find(mark, m.end()) for mark in ",;") if end >= 0]
            ends += [m.end() + stop.start() for stop in [re.search(r"\.(?:\s|$)", task[m.end() :])] if stop]
            named_day = named_day or bool(RECURRING_RE.search(task[clause : min(ends, default=len(task))]))
            if date and not overlaps and not named_day and not _REFERENCE_DATE_RE.search(task[: m.start()]):
                found.append((date, m.start(), m.end()))
    for m in WITHIN_PERIOD_RE.finditer(task):
        if (date := last_day(m)) and not any(s <= m.start("year") < e for _, s, e in found):
            found.append((date, m.start("year") - 1, m.end()))
    found.sort(key=lambda item: item[1])
    groups: list[list[tuple[dt.date, int, int]]] = []
    for item in found:
        if groups and _GROUP_GAP_RE.match(task[groups[-1][-1][2] : item[1]]):
            groups[-1].append(item)
        else:
            groups.append([item])
    deadlines: list[Deadline] = []
    for group in groups:
        start, end = group[0][1], group[-1][2]
        left = max(task.rfind(ch, 0, start) for ch in ",;:")
        dot = task.rfind(". ", 0, start)
        left = max(left, dot + 1 if dot >= 0 else -1)
        rights = [i for i in (task.find(ch, end) for ch in ",;") if i >= 0]
        dot = re.search(r"\.(?:\s|$)", task[end:])
        if dot:
            rights.append(end + dot.start())
        phrase = task[left + 1 : min(rights) if rights else len(task)].strip()
        deadlines.extend(Deadline(date=d, text=phrase) for d, _, _ in group)
    return deadlines


def parse_assignments(blocks: list[Block], year: int | None) -> list[Assignment] | None:
    """Units, tasks and deadlines of the "TỔ CHỨC THỰC HIỆN" section, of task tables and of sentences setting a
    deadline elsewhere (None if there are none and no such section)."""
    tabled, read = table_assignments(blocks, year)
    start = next((i for i, b in enumerate(blocks) if b.level == 1 and "TỔ CHỨC THỰC HIỆN" in b.text.upper()), None)
    assignments: list[Assignment] = []
    for position, block in enumerate(blocks[start + 1 :] if start is not None else [], start=(start or 0) + 1):
        if position in read:
            continue
        if block.level == 1 or block.text.startswith("Trên đây"):
            break
        if block.level == 2:
            unit, task = _clean_unit(block.text)
            assignments.append(Assignment(unit=unit, number=block.number))
            # "1. Các công đoàn bộ phận … gửi về … trước ngày 20/3/2026.", "2. Sơ kết học kỳ I; hoàn thành trong tháng
            # 01/2026.": its own task
            if task or len(block.text) > 80 or find_deadlines(block.text, year):
                assignments[-1].tasks.append(task or block.text)
        elif block.type != "heading" and (task := TASK_SENTENCE_RE.match(block.text)):
            unit = (task.group(1) or task.group(2)).strip().rstrip(",")
            assignments.append(Assignment(unit=unit, tasks=[block.text]))
        elif assignments:
            text = block.text if block.type != "heading" else f"{block.number} {block.text}"
            assignments[-1].tasks.append(text)
        else:
            continue
        read.add(position)
    for assignment in assignments:
        for task in assignment.tasks:
            assignment.deadlines.extend(find_deadlines(task, year))
    assignments = [assignment for assignment in assignments if assignment.tasks or assignment.deadlines]
    found = tabled + assignments + marked_assignments(blocks, read, year, plan_dates(tabled + assignments))
    return found if found or start is not None else None


def is_person_name(text: str) -> bool:
    """ "Nguyễn Kim Long" -> True: 2-5 capitalised syllables starting with a surname."""
    words = text.split()
    return (
        2 <= len(words) <= 5
        and words[0] in SURNAMES
        and all(w[:1].isupper() and not is_allcaps(w) and is_valid_syllable(w) for w in words)
    )


def _is_signer_piece(text: str) -> bool:
    """An ALLCAPS signature line such as "KT. CHỦ TỊCH" or "PHÓ CHỦ TỊCH"."""
    return is_allcaps(text) and bool(SIGNER_WORDS_RE.search(text))


def is_signature_line(line: str) -> bool:
    """Whether a line belongs to the signature block."""
    return _is_signer_piece(line) or is_person_name(line) or bool(SIGNATURE_NOTE_RE.match(line))


def signer_body(signer_title: str | None) -> str | None:
    """The body a signer's block names above its signer's lines ("CÔNG TY CỔ PHẦN ĐƯỜNG SẮT" over "QUẢNG NAM - ĐÀ
    NẴNG" over "KT. GIÁM ĐỐC"), for a text whose header lost it; None when the block opens with the signer."""
    lines = (signer_title or "").split("\n")
    above = list(itertools.takewhile(lambda line: not _is_signer_piece(line), lines))
    named = " ".join(" ".join(above).split())
    if not above or len(above) == len(lines) or len(above) > 3 or re.search(r"\d", named) or len(named.split()) < 2:
        return None
    return named


def _split_tail(item: str) -> tuple[str, str | None]:
    """Split "HĐ TĐKT huyện; PHÓ CHỦ TỊCH" (two PDF columns) into recipient and signer text."""
    for m in re.finditer(r"[;.]\s+", item):
        tail = item[m.end() :].strip()
        if SIGNATURE_NOTE_RE.match(tail):
            return item[: m.start() + 1], None
        if _is_signer_piece(tail) or is_person_name(tail):
            return item[: m.start() + 1], tail
    return item, None


def parse_closing(lines: list[str]) -> tuple[list[str] | None, str | None, str | None]:
    """(recipients, signer title, signer name) from the lines after the body."""
    recipients: list[str] | None = None
    pieces: list[str] = []
    name: str | None = None

    def take(text: str) -> None:
        nonlocal name
        if is_person_name(text):
            name = name or text
        elif is_allcaps(text) and name is None:  # after the name: an attached document's header, not the title
            pieces.append(text)

    for line in lines:
        m = re.match(r"^Nơi\s+nhận\s*:?\s*(.*)$", line, re.IGNORECASE)
        if m:
            recipients = []
            if m.group(1):
                take(m.group(1).strip())
            continue
        item = LIST_RE.match(line)
        if item and recipients is not None:
            text, tail = _split_tail(item.group(1))
            recipients.append(text.strip().rstrip(";.,").strip())
            if tail:
                take(tail)
        elif not SIGNATURE_NOTE_RE.match(line):
            take(line)
    return recipients, "\n".join(pieces) or None, name


def _read_quote(text: str, i: int) -> tuple[str, int]:
    """Quoted text starting at text[i] and the index after it (tolerates a missing ” before a line's end; a quote
    the text ends in, cut off, gives nothing)."""
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch in '”"':
            return text[i + 1 : j], j + 1
        if ch in "“\n":
            return text[i + 1 : j].rstrip(" ,;"), j
        j += 1
    return "", j


def parse_movements(text: str) -> list[Movement]:
    """Quoted movement names after "phong trào (thi đua)", with their campaigns."""
    # «…» and ‘…’ quote a name as “…” does ("phong trào thi đua «Dạy tốt, học tốt»"); an apostrophe (K'Ho) does not
    text = _OTHER_QUOTES_RE.sub(lambda m: f"“{m.group(1) or m.group(2)}”", text)
    movements: dict[str, Movement] = {}
    seen_at: dict[str, int] = {}
    # "“<movement>” gắn với Cuộc vận động “…”": the movement's campaign, not one of its own
    tied = [m.end() for m in _CAMPAIGN_RE.finditer(text) if text[: m.start()].rstrip(" ,")[-1:] in '”"']
    own = [m for m in _OWN_TRIGGER_RE.finditer(text) if m.end() not in tied]
    triggers = (
        own
        + list(_MOVEMENT_TRIGGER_RE.finditer(text))
        + list(_MONTH_OF_ACTION_RE.finditer(text))
        + [
            m
            for m in _CONTEXT_TRIGGER_RE.finditer(text)
            # "Danh hiệu thi đua: “Lao động tiên tiến”, …": the titles awarded, no movement
            if not re.search(rf"{loose('danh hiệu')}\s*$", text[max(0, m.start() - 20) : m.start()], re.IGNORECASE)
            and _CONTEXT_RE.search(text, max(0, m.start() - 400), m.start())
            or _CONTEXT_RE.search(text, m.end(), m.end() + 300)  # "… thi đua “Dạy tốt – Học tốt”, … các phong trào"
            # a title's line "Thi đua “Cà phê bền vững …”", or its kind's "Chương trình thi đua “Dạy tốt, học tốt …”"
            or _TITLE_KIND_RE.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start())
        ]
    )
    for trigger in sorted(triggers, key=lambda m: m.start()):
        pos, last = trigger.end(), None
        while pos < len(text) and text[pos] in '“"':
            raw, pos = _read_quote(text, pos)
            name = " ".join(raw.split()).strip(" ,.;…")
            if name and len(name) <= 200:
                last = movements.setdefault(name.casefold(), Movement(name=name))
                seen_at.setdefault(name.casefold(), trigger.start())
            campaign = _CAMPAIGN_RE.match(text, pos)
            if campaign:
                raw, pos = _read_quote(text, campaign.end())
                if last is not None and last.campaign is None:
                    last.campaign = " ".join(raw.split()).strip(" ,.;…")
            separator = _SEPARATOR_RE.match(text, pos)
            if not separator:
                break
            pos = separator.end()
    # "phong trào thi đua Dân vận khéo trong …": a national movement named without quotes
    for trigger in _UNQUOTED_TRIGGER_RE.finditer(text):
        span = national_movement_at(text, trigger.end(1)) or national_movement_at(text, trigger.end())
        if span and text[span[0]].isupper():  # "phong trào toàn dân bảo vệ …" in lower case: what it does, no name
            name = " ".join(text[span[0] : span[1]].split())
            if not any(same_movement(name, known.name) for known in movements.values()):
                movements[name.casefold()] = Movement(name=name)
                seen_at[name.casefold()] = span[0]
    # "Phong trào thi đua: CHUNG TAY …" on a line of its own, "phong trào thi đua Thợ giỏi khai thác mủ": unquoted
    unquoted = [(m.start(1), m.group(1), True) for m in _LABELLED_MOVEMENT_RE.finditer(text)]
    unquoted += [(m.start(1), m.group(1), False) for m in _NAMED_AFTER_RE.finditer(text)]
    unquoted += [(m.start(1), m.group(1), False) for m in _ITEM_MOVEMENT_RE.finditer(text)]
    for start, raw, labelled in sorted(unquoted):
        name = " ".join(raw.split()).strip(" ,.;:-–")
        if not name[:1].isupper():  # a name's capital ("được tổ chức thiết thực" describes the movement)
            continue
        if is_allcaps(name):
            name = sentence_case(name)
        if len(name.split()) < 2 or (not labelled and _NOT_A_NAME_RE.match(name)):
            continue
        if not any(same_movement(name, known.name) for known in movements.values()):
            movements[name.casefold()] = Movement(name=name)
            seen_at[name.casefold()] = start
    kept: list[Movement] = []
    for movement in (movements[key] for key in sorted(movements, key=seen_at.__getitem__)):  # as the text names them
        if not any(same_movement(movement.name, other.name) for other in kept):  # once, however it is spaced
            kept.append(movement)
    return kept

"""Header of a plan: number, place and date, issuing body, title, period, legal basis."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

from .plan_models import BasisReference
from .plan_text import (
    DOC_NUMBER,
    DOC_TYPES,
    LOCALITY_UNITS,
    NUMBER_KINDS,
    caps_to_name,
    expand_locality,
    find_dates,
    fold,
    is_acronym,
    is_allcaps,
    kind_from_number,
    loose,
    lower_first,
    make_date,
    normalise_number,
    restore_case,
    unglue,
)

UNION_MOTTO = rf"(?:{loose('ĐOÀN TNCS HỒ CHÍ MINH')}|{loose('ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH')})"
#: Words that start the lower unit of a header when parent and child run together on one line.
CHILD_ORG = "|".join(
    loose(word) for word in ("CĐCS", "CÔNG ĐOÀN CƠ SỞ", "LIÊN ĐỘI", "CHI ĐOÀN", "CHI BỘ", "TRƯỜNG", "HỘI ĐỒNG THI ĐUA")
)
#: A department under a committee, when both run together on one line ("UBND TỈNH SƠN LA SỞ GIÁO DỤC …").
DEPARTMENT_ORG = "|".join(loose(word) for word in ("SỞ", "PHÒNG", "VĂN PHÒNG", "TRUNG TÂM", "CHI CỤC", "BAN"))
#: Bodies that carry their own name and need no locality from the parent line.
SELF_NAMED = "|".join(
    loose(word)
    for word in (
        "CĐCS",
        "Công đoàn",
        "Liên đội",
        "Chi đoàn",
        "Chi bộ",
        "Đảng bộ",
        "Đảng ủy",
        "Trường",
        "Tiểu ban",
        "Ban Chấp hành",
        "BCH",
        "Đoàn trường",
    )
)
#: How a mixed-case line naming a body starts.
ORG_START = "|".join(
    loose(word)
    for word in (
        "Liên đội",
        "Chi đoàn",
        "Chi bộ",
        "Công đoàn",
        "CĐCS",
        "Trường",
        "Ủy ban",
        "UBND",
        "Hội đồng",
        "Ban",
        "Phòng",
        "Sở",
        "Đoàn",
        "Đảng",
        "Hội",
    )
)

NUMBER_RE = re.compile(rf"(?<!\w)(?:{loose('Số')}|{loose('SỐ')})\s*:?\s*({DOC_NUMBER})")
NUMBER_LINE_RE = re.compile(rf"^\s*(?:{loose('Số')}|{loose('SỐ')})(?:\s*:|\s+\d|\s*\d)")
#: A place's words: "Đồng Nai", "Bà Rịa - Vũng Tàu", "Quận 12".
_PLACE = r"([^\W\d_]+(?:(?:[ \t]{1,2}|[ \t]?[-–][ \t]?)[^\W\d_]+){0,5}(?:[ \t]\d{1,2})?)"
PLACE_DATE_RE = re.compile(
    _PLACE
    + rf"\s*,\s*{loose('ngày')}\s*(\d{{1,2}})\s*{loose('tháng')}\s+(\d{{1,2}})\s*,?\s+{loose('năm')}\s*(\d{{4}})",
    re.IGNORECASE,
)
PLACE_BLANK_DATE_RE = re.compile(
    _PLACE + rf"\s*,\s*{loose('ngày')}[\s.…_\d]*{loose('tháng')}[\s.…_\d]*{loose('năm')}\s*(?:\d{{4}}|[.…_]+)",
    re.IGNORECASE,
)
BLANK_DATE_RE = re.compile(
    rf",\s*{loose('ngày')}\s+(?:\.+|…+|\s)*{loose('tháng')}\s+(?:\.+|…+|\s|\d)*{loose('năm')}\s+\d{{4}}"
)
#: The Republic's name in the motto, either spelling of "HÒA".
#: "HÒA"/"HOÀ" and a mistyped "HỌI" ("CỘNG HÒA XÃ HỌI CHỦ NGHĨA"): a vowel of either word as typed.
REPUBLIC_HEAD = rf"{loose('CỘNG')}\s+H\w{{1,3}}\s+{loose('XÃ')}\s+H\w{{1,2}}I"
REPUBLIC = rf"{REPUBLIC_HEAD}\s+{loose('CHỦ')}\s+NGH\w{{1,3}}"  # an OCR's "CHU NGHTA" too
MOTTO_RE = re.compile(
    rf"{REPUBLIC}(?:\s+VI\w{{1,2}}T(?:\s+NAM)?)?|{loose('VIỆT NAM DÂN CHỦ CỘNG HÒA')}"  # the state's name to 1976
    rf"|{loose('Độc lập')}\s*[-–—]\s*{loose('Tự do')}\s*[-–—]\s*{loose('Hạnh phúc')}"
    r"|[-_=—–.…*¾]{3,}|o0o|-oOo-",  # "¾¾¾": a rule in the Symbol font, read as text
    re.IGNORECASE,
)
#: Right-hand header lines that are a motto, not the issuer: the Republic's in two pieces, the Party's, the Unions'.
MOTTO_LINE_RE = re.compile(
    rf"^(?:{REPUBLIC_HEAD}|{loose('CHỦ NGHĨA VIỆT NAM')}"
    rf"|{loose('ĐẢNG CỘNG SẢN VIỆT NAM')}|{loose('ĐỘI TNTP HỒ CHÍ MINH')}|{loose('ĐỘI THIẾU NIÊN TIỀN PHONG HỒ CHÍ MINH')}"
    rf"|{UNION_MOTTO})$",
    re.IGNORECASE,
)
_MOTTO_TAIL_RE = re.compile(
    rf"\s({loose('ĐẢNG CỘNG SẢN VIỆT NAM')}|{loose('ĐỘI TNTP HỒ CHÍ MINH')}|{UNION_MOTTO})$", re.IGNORECASE
)
#: Kinds of document, as headed in capitals; the first is the default.
KINDS = (
    "Kế hoạch",
    "Hướng dẫn",
    "Chương trình",
    "Công văn",
    "Quyết định",
    "Kết luận",
    "Thông báo",
    "Thông tư",
    "Chỉ thị",
    "Nghị quyết",
    "Phát động",
    "Đề án",
    "Phương án",
    "Báo cáo",
    "Lời kêu gọi",
    "Thư kêu gọi",
    "Quy chế",
    "Quy định",
    "Tiêu chí",
    "Nghị định",
    "Luật",
    "Tờ trình",
    "Công điện",
)
_KIND_KEYS = [(kind, fold(kind).replace(" ", "")) for kind in KINDS]
SUBJECT_LINE_RE = re.compile(rf"^\s*(?:{loose('V/v')}|{loose('Về việc')})\s*:?\s*(.+)$", re.IGNORECASE)
SUBJECT_IN_LINE_RE = re.compile(rf"(?:^|\s)(?:V/v|v/v)\s*:?\s*(.+?)(?=\s+{loose('Kính gửi')}|$)", re.IGNORECASE)
PUBLISHED_RE = re.compile(
    r"^(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật|Ngày\s+đăng:?|Đăng\s+ngày:?|Cập\s+nhật:?)\s*[-,:]?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})",
    re.IGNORECASE,
)
_YEAR = r"(?<![\d/.])((?:19|20)\d{2})(?![\d/])"
PERIOD_RANGE_RE = re.compile(rf"{_YEAR}\s*(?:-|–|—|{loose('đến')}(?:\s+{loose('năm')})?)\s*{_YEAR}", re.IGNORECASE)
PERIOD_YEAR_RE = re.compile(rf"\b{loose('năm')}(?:\s+{loose('học')})?\s*:?\s*{_YEAR}", re.IGNORECASE)
_VERBS = (
    "Nhằm thực hiện tốt",
    "Nhằm thực hiện",
    "Tiếp tục thực hiện",
    "Tiếp tục triển khai",
    "Thực hiện",
    "Căn cứ vào",
    "Căn cứ",
    "Triển khai",
    "Trên cơ sở",
    "Theo",
    "Để tiếp tục thực hiện",
    "Để tiếp tục triển khai",
    "Để tổ chức triển khai",
    "Để tổ chức thực hiện",
    "Để triển khai",
    "Để thực hiện",
)
_DOC_TYPE = "|".join(loose(d) for d in sorted(DOC_TYPES, key=len, reverse=True))
CAPITALISED_TYPE = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
# "Căn Quyết định số …": a PDF text layer that lost "cứ"
_VERB = "|".join(loose(verb) for verb in _VERBS) + rf"|{loose('Căn')}(?=\s+(?:{_DOC_TYPE})\b)"
BODY_START_RE = re.compile(rf"^(?:[-+•]\s*)?(?:{_VERB})\s|^[IVX]+\.\s|^{loose('Kính gửi')}", re.IGNORECASE)
BASIS_VERB_RE = re.compile(rf"^(?:[-+•]\s*)?({_VERB})\s+(.*)$", re.DOTALL | re.IGNORECASE)
_DOC_TYPE_RE = re.compile(
    rf"^(?:{loose('các')}\s+|{loose('nội dung')}\s+|{loose('vào')}\s+|{loose('theo')}\s+"
    rf"|(?:(?:{loose('điểm')}|{loose('khoản')}|{loose('Điều')})\s+\w{{1,4}},?\s+)+"
    # "các Điều 14, 15, 16, 17 trong Nghị định …", "điều 100 của Hiến pháp": articles of the document cited
    rf"|(?:{loose('các')}\s+)?(?:{loose('điểm')}|{loose('khoản')}|{loose('Điều')})\s+\d[\d\s,;và]{{0,30}}?\s+"
    rf"(?:{loose('của')}|{loose('trong')}|{loose('tại')})\s+)?({_DOC_TYPE})\b\s*(.*)$",
    re.DOTALL | re.IGNORECASE,
)
_KINDS_OBJECT = "|".join(loose(kind) for kind in KINDS)
OPENING_RE = re.compile(
    rf"^([A-ZĐÀ-Ỹ][^;:]{{2,120}}?)\s+(?:ban hành|xây dựng|triển khai|đề ra|lập|hướng dẫn)\s+(?:{_KINDS_OBJECT})\b",
    re.IGNORECASE,
)
_TITLE_STOP_RE = re.compile(
    rf"^(?:{loose('Chủ đề')}|{loose('Tên đơn vị')}|{loose('Kính gửi')}|{loose('Nơi nhận')}|{loose('Số')}\s*:)",
    re.IGNORECASE,
)
_TITLE_PERIOD_LINE_RE = re.compile(
    rf"^(?:{loose('năm học')}|{loose('năm')}|{loose('tháng')}|{loose('quý')}|{loose('giai đoạn')}|{loose('nhiệm kỳ')}"
    rf"|{loose('học kỳ')}|{loose('đợt')})\b[^.;]{{0,40}}\d",
    re.IGNORECASE,
)
#: The authority line of a decision, between its title and its bases ("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN").
AUTHORITY_RE = re.compile(
    rf"^(?:{loose('ỦY BAN')}|{loose('UỶ BAN')}|{loose('CHỦ TỊCH')}|{loose('THỦ TƯỚNG')}|{loose('BỘ TRƯỞNG')}"
    rf"|{loose('GIÁM ĐỐC')}|{loose('HIỆU TRƯỞNG')}|{loose('BAN THƯỜNG VỤ')}|{loose('BAN CHẤP HÀNH')}"
    rf"|{loose('HỘI ĐỒNG')}|{loose('TRƯỞNG BAN')}|{loose('CHÁNH')}|{loose('THỐNG ĐỐC')}|{loose('VIỆN TRƯỞNG')}"
    rf"|{loose('CỤC TRƯỞNG')}|{loose('TỔNG')}\s+(?:{loose('GIÁM ĐỐC')}|{loose('KIỂM TOÁN')}|{loose('THANH TRA')}"
    rf"|{loose('CỤC TRƯỞNG')}))",
    re.IGNORECASE,
)
_HEADING_RE = re.compile(r"^(?:[IVXL]+|\d{1,2}|[a-zđ])[.)]\s")


def match_kind(line: str) -> tuple[str, str, str] | None:
    """(kind, kind as written, rest) when a line heads a document: "KẾ HOẠCH …", "K ÉT LUẬN", "Kế hoạch"."""
    text = line.strip(" \t|*#:")
    for kind, key in _KIND_KEYS:
        i = j = 0
        while j < len(text) and i < len(key):
            char = fold(text[j])
            if char == "":
                j += 1
                continue
            if char != key[i]:
                break
            i, j = i + 1, j + 1
        if i < len(key) or (j < len(text) and text[j].isalpha()):
            continue
        head, rest = text[:j], text[j:].strip(" :.")
        if is_allcaps(head) or not rest and fold(head) == fold(kind):
            written = kind if head.lower() != fold(head) else caps_to_name(head)  # an OCR without diacritics
            return kind, written, rest
    return None


def is_header_mark(line: str) -> bool:
    """The motto or the "Số: …" line: where a header block is."""
    return bool(MOTTO_RE.search(line) or NUMBER_LINE_RE.match(line))


def _is_marker(line: str) -> bool:
    """A line of the header block: motto, number, place and date."""
    return is_header_mark(line) or bool(PLACE_DATE_RE.search(line))


def is_body_start(line: str) -> bool:
    """ "Thực hiện …", "Căn cứ …", "I. …": where the body begins (an ALLCAPS title line is not)."""
    text = line.lstrip("-+• ")
    return bool(BODY_START_RE.match(line)) and not is_allcaps(line[:40]) and (text[:1].isupper() or text[:1].isdigit())


def body_index(lines: list[str]) -> int:
    """Index of the body's first line; a web page's lead that copies the preamble above the header ("Thực hiện …"
    over "ỦY BAN NHÂN DÂN … CỘNG HÒA XÃ HỘI …") or sums the document up above it is not the body."""
    starts = (i for i, line in enumerate(lines) if is_body_start(line))
    return next((i for i in starts if not _above_header(lines, i)), len(lines))


_REPUBLIC_LINE_RE = re.compile(REPUBLIC)


def _above_header(lines: list[str], i: int) -> bool:
    """Line ``i`` is a web page's lead: the motto follows within four lines, or no header line comes before it and
    the whole header follows (the motto, then a document's heading on a line of its own: "THÔNG TƯ")."""
    if any(MOTTO_RE.search(line) for line in lines[i + 1 : i + 5]):
        return True
    if any(
        _REPUBLIC_LINE_RE.search(line) or NUMBER_LINE_RE.match(line) or PLACE_DATE_RE.search(line) for line in lines[:i]
    ):
        return False
    motto = next((j for j in range(i + 1, len(lines)) if _REPUBLIC_LINE_RE.search(lines[j])), None)
    return motto is not None and any(
        (found := match_kind(line)) and not found[2] and is_allcaps(line) for line in lines[motto + 1 : motto + 9]
    )


def _is_title_sentence(lines: list[str], i: int) -> bool:
    """ "Thực hiện Chỉ thị số 19/CT-TTg …" right under "KẾ HOẠCH" is the title, not the first basis, when it ends
    without punctuation, opens no sentence ("… ban hành Kế hoạch …") and the body starts on the next line."""
    line = lines[i]
    j = i + 1  # its own continuation first: "Thực hiện Quy chế …" over "Của Hội Nhà báo Việt Nam"
    while j < min(len(lines), i + 3) and (lines[j][:1].islower() or re.match(rf"{loose('Của')}\s", lines[j])):
        j += 1
    nxt = lines[j] if j < len(lines) else ""
    return (
        len(line) < 250
        and not re.search(r"[.:;,]$", line)
        and not re.search(r",\s*[A-ZĐÀ-Ỹ][^,;:]{2,120}?\s(?:ban hành|xây dựng)\s", line)
        and (is_body_start(nxt) or bool(_HEADING_RE.match(nxt)))
    )


def _subject_lines(lines: list[str], start: int, kind: str, subject: str) -> tuple[list[str], int]:
    """The lines of a title after its kind: ALLCAPS lines, lower-case continuations, a period, an open quote."""
    parts = [subject] if subject else []
    end = start
    while end < len(lines) and end < start + 8:
        line = lines[end]
        title_sentence = not parts and end == start and _is_title_sentence(lines, end)
        body_start = is_body_start(line) and not title_sentence
        if body_start or _TITLE_STOP_RE.match(line) or _HEADING_RE.match(line) or _is_marker(line):
            break
        if PUBLISHED_RE.match(line) or re.search(r"\b\d{1,2}:\d{2}\b", line):  # a web page's date and time
            break
        heading = match_kind(line)
        if heading and not heading[2]:  # "KẾ HOẠCH" again, under a web page's post title that repeats the title
            break
        if not parts:
            parts.append(line)
            end += 1
            continue
        so_far = " ".join(parts)
        open_quote = so_far.count("“") > so_far.count("”") or so_far.count('"') % 2 == 1
        caps = is_allcaps(so_far) and is_allcaps(" ".join(line.split()[:3]))
        if kind in ("Quyết định", "Nghị quyết", "Thông tư") and AUTHORITY_RE.match(line) and is_allcaps(line):
            break  # "HIỆU TRƯỞNG TRƯỜNG …", "HỘI ĐỒNG NHÂN DÂN TỈNH …" under the title: who decides, not the subject
        ended = so_far.rstrip().endswith((".", ":", ";"))
        continuation = not ended and (
            line[:1].islower()
            or so_far.rstrip().endswith(",")
            or not is_allcaps(so_far)
            and len(line) <= 90
            and not re.search(r"[.:;]$", line)
            and not OPENING_RE.match(line)
        )
        if not (open_quote or caps or continuation or (_TITLE_PERIOD_LINE_RE.match(line) and len(line) <= 80)):
            break
        parts.append(line)
        end += 1
    return parts, end


def _title_text(kind_written: str, parts: list[str], text: str) -> str:
    """ "KẾ HOẠCH" + ["TỔ CHỨC … TỈNH QUẢNG NAM"] -> "Kế hoạch tổ chức … tỉnh Quảng Nam" (own case restored)."""
    cased = []
    for part in parts:
        words = part.split()
        n = 0
        while n < len(words) and is_allcaps(" ".join(words[: n + 1])):
            n += 1
        unglued = " ".join(unglue(w, text) for w in words[:n]).split()
        caps = " ".join(w if is_acronym(w) else w.lower() for w in unglued)
        part = " ".join(x for x in (restore_case(caps, text) if caps else "", *words[n:]) if x)
        # a later line that starts with a capitalised function word: "… khen thưởng" over "Của Hội Nhà báo …"
        lower = cased and (_TITLE_PERIOD_LINE_RE.match(part) or re.match(r"(?:Của|Về|Và|Trên|Tại)\s", part))
        cased.append(lower_first(part) if lower else part)
    # a rule line under the title ("_____") is no part of it
    subject = lower_first(re.sub(r"\s+(?:[_=*~]+|[-—–.…]{3,})$", "", " ".join(cased)).strip(" ."))
    subject = re.sub(rf"^(?:V/v|{loose('về việc')})\s*:?\s*", "về việc ", subject, flags=re.IGNORECASE)
    if fold(subject).startswith(fold(kind_written) + " "):  # "BÁO CÁO" over "Báo cáo tổng kết …": the kind once
        subject = lower_first(subject[len(kind_written) + 1 :])
    subject = re.sub(rf"({loose('năm học')}|{loose('tháng')})\s*:\s*", r"\1 ", subject, flags=re.IGNORECASE)
    subject = re.sub(r"(\d)\s*/\s+(\d)", r"\1/\2", subject)
    # a regulation's "(Ban hành kèm theo Quyết định số …)" names its decision, not its subject
    subject = re.sub(rf"\s*\(\s*{loose('Ban hành kèm theo')}[^()]*\)$", "", subject, flags=re.IGNORECASE)
    return f"{kind_written} {subject}".strip()


#: The lines the title is looked for in: a legal site's page puts its metadata table and a summary above the header.
TITLE_WINDOW = 100


def find_title(lines: list[str]) -> tuple[int | None, str | None, int, str | None]:
    """(index of the title line, title, index after the title, kind of document).

    The title is the first line headed by a kind ("KẾ HOẠCH", "HƯỚNG DẪN", "QUYẾT ĐỊNH"…) after the header
    block (a web page may repeat it above the header); a letter (Công văn) is titled by its "V/v" line.
    """
    window = lines[:TITLE_WINDOW]
    body = body_index(window)
    candidates = [(i, found) for i, line in enumerate(window[:body]) if (found := match_kind(line))]
    markers = [i for i, line in enumerate(window[:body]) if _is_marker(line)]
    # after the header block; a rule under the title ("-----") is a marker too, so else after its first marker
    after = [item for item in candidates if markers and item[0] > markers[-1]]
    after = after or [item for item in candidates if markers and item[0] > markers[0]]
    chosen = after[0] if after else (candidates[0] if candidates else None)
    if chosen is None:
        subjects = [
            (i, m)
            for i, line in enumerate(window[: body + 1])
            if (m := SUBJECT_LINE_RE.match(line) or SUBJECT_IN_LINE_RE.search(line))
            and i <= (markers[-1] + 2 if markers else 12)
        ]
        # a web page's title above the header repeats the "V/v" line: the one inside the header block is the letter's
        subjects = [item for item in subjects if markers and item[0] > markers[0]] or subjects
        for i, m in subjects[:1]:
            subject = m.group(1).strip(" .")
            if _decides(window[body:]):  # a decision whose "QUYẾT ĐỊNH" heading was lost: "VỀ VIỆC …"
                part = f"VỀ VIỆC {subject}" if is_allcaps(subject) else f"về việc {subject}"
                title = _title_text("Quyết định", [part], "\n".join(lines[:i] + lines[i + 1 :]))
                return i, title, i + 1, "Quyết định"
            return i, f"Công văn về việc {lower_first(subject)}", i + 1, "Công văn"
        return _post_title(lines)
    index, (kind, written, rest) = chosen
    if not rest and not is_allcaps(lines[index]) and (post := _post_title(lines))[0] not in (None, index):
        return post  # a web page's category ("Thông báo") above its post title ("Quyết định về việc …")
    parts, end = _subject_lines(lines, index + 1, kind, rest)
    if not parts:
        return index, None, end, kind
    return index, _title_text(written, parts, "\n".join(lines[:index] + lines[end:])), end, kind


def _decides(lines: list[str]) -> bool:
    """ "QUYẾT ĐỊNH:" on its own line followed by "Điều 1.": the operative part of a decision."""
    for i, line in enumerate(lines):
        found = match_kind(line)
        if found and found[0] == "Quyết định" and not found[2]:
            return any(re.match(rf"{loose('Điều')}\s*1\b", nxt, re.IGNORECASE) for nxt in lines[i + 1 : i + 3])
    return False


_POST_TITLE_RE = re.compile(rf"^({'|'.join(KINDS)})\s+(\w.{{10,250}})$")


def _post_title(lines: list[str]) -> tuple[int | None, str | None, int, str | None]:
    """A web page that kept only its post title ("Kế hoạch phát động phong trào …") in its first lines."""
    for i, line in enumerate(lines[:4]):  # under a site's name, its parent's and a menu line
        m = _POST_TITLE_RE.match(line)
        if m and m.group(2)[:1].islower() and not re.search(r"[.:;,]$", line) and not is_body_start(line):
            subject = _HEADLINE_OWN_NUMBER_RE.sub("", m.group(2).strip())  # "số 68/TANDTC-TĐKT" is the number's
            return i, f"{m.group(1)} {subject}", i + 1, m.group(1)
    return None, None, 0, None


_RUN_ON_RE = re.compile(
    rf"\s+(?=(?:{loose('CỘNG HÒA')}|{loose('CỘNG HOÀ')}|{loose('Độc lập')}|{loose('Số')}\s*:|V/v\s|{loose('Kính gửi')}"
    rf"|{_VERB})\s?)"
    rf"|(?<=[Pp]húc)\s+(?=[A-ZĐÀ-Ỹ])"  # the motto's end, then the place and date
    rf"|(?<=\d{{4}})\s+(?=(?:{'|'.join(kind.upper() for kind in KINDS)})\s+[A-ZĐÀ-Ỹ]{{2}})"  # "… năm 2017 KẾ HOẠCH TỔ CHỨC"
)


_REPUBLIC_RE = re.compile(rf"{REPUBLIC_HEAD}|{loose('Độc lập')}\s*[-–—]\s*{loose('Tự')}", re.IGNORECASE)


#: "TRƯỜNG TH QUẢNG TIÊNSố: /KH-TH", "KHOA HỌC XÃ HỘI VIỆT NAM Số: /QĐ-KHXH": a header's number run on after the
#: name in capitals above it.
_GLUED_NUMBER_RE = re.compile(rf"(?<=[A-ZĐÀ-Ỹ]{{2}})[ \t]*(?={loose('Số')}\s*:)")
#: "HỘI SINH VIÊN VIỆT NAMTP Vinh, ngày 8 …": a motto cell in capitals with the place and date glued to it.
_GLUED_PLACE_DATE_RE = re.compile(rf"(?:VIỆT NAM|HỒ CHÍ MINH)(?=[^\W\d_][^\n,]{{0,40}},\s*{loose('ngày')}\s*\d)")
#: "CHỦ TỊCH VIỆN HÀN LÂM … VIỆT NAM Căn cứ Nghị định …": a decision's authority line run into its first basis.
_AUTHORITY_THEN_VERB_RE = re.compile(r"^(\S.*?[A-ZĐÀ-Ỹ])\s+(?=(?:Căn cứ|Thực hiện)\s)")


def split_run_on_header(line: str) -> list[str]:
    """A header whose line breaks a PDF text layer lost, run into one line with the motto, the number, the
    "V/v" subject and the body: split before each of them."""
    if (number := _GLUED_NUMBER_RE.search(line)) and is_allcaps(line[: number.start()]):
        return [line[: number.start()], *split_run_on_header(line[number.end() :])]
    if (place := _GLUED_PLACE_DATE_RE.search(line)) and is_allcaps(line[: place.end()]):
        return [line[: place.end()], *split_run_on_header(line[place.end() :])]
    authority = _AUTHORITY_THEN_VERB_RE.match(line)
    if authority and is_allcaps(authority.group(1)) and len(authority.group(1).split()) >= 2:
        return [authority.group(1), *split_run_on_header(line[authority.end() :])]
    glued = _GLUED_REPUBLIC_RE.search(line)  # "Số: 15 /HD-MTTQ-BTTCỘNG HÒA …": the motto glued to the number
    if glued:
        return [line[: glued.start()], *split_run_on_header(line[glued.start() :])]
    if len(line) < 120 or not _REPUBLIC_RE.search(line):
        return [line]
    pieces: list[str] = []
    for piece in (piece.strip() for piece in _RUN_ON_RE.split(line) if piece.strip()):
        # a table's two columns read across: "CÔNG ĐOÀN GD H. BA TƠ CỘNG HOÀ … VIỆT NAM CĐCS Tr. THCS TT BA TƠ Độc
        # lập …": the left column's second line follows the Republic's name; it goes back under the first
        left = _REPUBLIC_THEN_RE.match(piece)
        letters = [c for c in left.group(2) if c.isalpha()] if left else []
        if letters and sum(c.islower() for c in letters) * 4 <= len(letters) and letters[0].isupper():
            pieces += [left.group(2), left.group(1)]
        else:
            pieces.append(piece)
    return pieces


#: Where a page flattened into one paragraph had its breaks: a list item after ";" or ":", a "Thực hiện/Căn cứ" that
#: opens a sentence (capitalised mid-line, a document's name after it), a Roman heading in capitals.
_FLATTENED_BREAK_RE = re.compile(
    rf"(?<=[;:])\s+(?=[-+•]\s)"
    rf"|(?<=[\w.)])\s+(?=(?:{loose('Thực hiện')}|{loose('Căn cứ')})\s+[A-ZĐ])"
    rf"|(?<=[A-ZĐÀ-Ỹ\d])\s+(?=(?:Thực hiện|Căn cứ)\s)"  # after a heading in capitals: "… THÁNG 11/2017 Căn cứ …"
    rf"|(?<=[\w.:;)])\s+(?=[IVX]{{1,4}}\.\s+[A-ZĐ]{{2,}}\b)"
)
#: A line this long with such breaks is a flattened page, not a paragraph.
FLATTENED_LINE_CHARS = 600


def split_flattened(line: str) -> list[str]:
    """A web page whose text lost every line break (title, basis and sections in one run): split where its
    breaks were, so the title, the preamble and the headings are lines again."""
    if len(line) < FLATTENED_LINE_CHARS:
        return [line]
    return [piece for piece in _FLATTENED_BREAK_RE.split(line) if piece.strip()]


_GLUED_REPUBLIC_RE = re.compile(rf"(?<=[^\W\d_]){REPUBLIC_HEAD}")
_REPUBLIC_THEN_RE = re.compile(rf"^({REPUBLIC}\s+{loose('VIỆT NAM')})\s+(\S.*)$", re.IGNORECASE)


_BARE_BODY_RE = re.compile(
    rf"^(?:{loose('Ủy ban nhân dân')}|{loose('Uỷ ban nhân dân')}|UBND|{loose('Hội đồng nhân dân')}|HĐND)$", re.I
)


def complete_bare_body(name: str | None, text: str, place: str | None) -> str | None:
    """ "Ủy ban nhân dân" with the province's line lost: completed with the unit of the place ("tỉnh Ninh Bình")."""
    if not name or not place or not _BARE_BODY_RE.match(name):
        return name
    units = "|".join(loose(unit) for unit in LOCALITY_UNITS)
    m = re.search(rf"(?<!\w)({units})\s+{loose(place)}(?!\w)", text, re.IGNORECASE)
    return f"{name} {m.group(1).lower()} {place}" if m else name


_METADATA_LABELS = ("Số hiệu", "Loại văn bản", "Cơ quan ban hành", "Ngày ban hành", "Văn bản số", "Ngày")
_OTHER_LABELS = ("Nơi ban hành", "Người ký", "Ngày hiệu lực", "Ngày cập nhật", "Lĩnh vực", "Tình trạng")
_METADATA_RE = re.compile(
    rf"(?:^|\s)({'|'.join(loose(label) for label in _METADATA_LABELS)})\s*:\s*(.+?)"
    rf"(?=\s+(?:{'|'.join(loose(label) for label in _METADATA_LABELS + _OTHER_LABELS)})\b[^:]{{0,12}}:|$)",
    re.IGNORECASE,
)


#: A site's metadata label alone on its line, its value on a line below ("Số hiệu:" then "|" then "5095/SGDĐT-…").
METADATA_LABEL_LINE_RE = re.compile(
    rf"^({'|'.join(loose(label) for label in _METADATA_LABELS + _OTHER_LABELS)})\s*:$", re.IGNORECASE
)


def join_metadata_labels(lines: list[str]) -> list[str]:
    """Each label of a site's metadata table whose value stands on a line below, joined to it ("Số hiệu: 5095/…"), the
    cell marks between them dropped: the value "Công văn" of "Loại văn bản:" is then no heading."""
    out: list[str] = []
    label: str | None = None
    for line in lines:
        if label is not None and line.strip(" |"):
            out.append(f"{label} {line}")
            label = None
        elif label is None and METADATA_LABEL_LINE_RE.match(line):
            label = line
        elif label is None:
            out.append(line)
    return out + ([label] if label else [])


def parse_metadata(lines: list[str]) -> dict[str, str]:
    """The facts a legal-document site lists above (or instead of) the text: "Số hiệu: 16/HD-MT",
    "Loại văn bản: Hướng dẫn", "Cơ quan ban hành: …", "Ngày ban hành: 23/08/2016" -> keyed by the folded label."""
    found: dict[str, str] = {}
    for line in lines[:40]:
        for m in _METADATA_RE.finditer(line):
            found.setdefault(fold(m.group(1)), m.group(2).strip(" .;"))
    return found


_ATTACHED_TO_RE = re.compile(
    rf"^\(?\s*(?:{loose('Ban hành')}\s+)?{loose('kèm theo')}\s+(?:{_DOC_TYPE})\s+{loose('số')}\s*:?\s*"
    rf"(\d*\s*/\s*[^\s,]+(?:\s+-\s+[^\s,]+)?)[\s,]+(.*?)\)?$",
    re.IGNORECASE,
)


def attached_to(lines: list[str]) -> tuple[str | None, dt.date | None, str | None]:
    """A regulation's "(Ban hành kèm theo Quyết định số 1798/QĐ - BCH, ngày 04/5/2023 của …)" line, which may
    run over two lines: the decision's number, date and issuer, which are the regulation's own."""
    for i, line in enumerate(lines[:40]):
        joined = " ".join([line, *lines[i + 1 : i + 2]]) if not line.rstrip().endswith(")") else line
        m = _ATTACHED_TO_RE.match(joined.split(")")[0].strip())
        if m:
            # "(Kèm theo Quyết định số    /QĐ-UBND ngày …)": a number left blank, the date and issuer given
            number = normalise_number(re.sub(r"\s*-\s*", "-", m.group(1))) if m.group(1)[:1].isdigit() else None
            dates = find_dates(m.group(2))
            of = _OF_RE.search(m.group(2))
            issuer = m.group(2)[of.end() :].strip(" .;)") if of else None
            return number, dates[0][0] if dates else None, issuer or None
    return None, None, None


def authority_line(lines: list[str]) -> str | None:
    """The authority of a decision as its own ALLCAPS line before the bases ("HIỆU TRƯỞNG TRƯỜNG …"), named."""
    for line in lines[:40]:
        if is_body_start(line):
            return None
        if is_allcaps(line) and AUTHORITY_RE.match(line) and not match_kind(line) and len(line.split()) <= 16:
            return line
    return None


_HEADLINE_NUMBER_RE = re.compile(rf"(?:{_DOC_TYPE})\s+{loose('số')}\s*:?\s*({DOC_NUMBER})", re.IGNORECASE)


_HEADLINE_OWN_NUMBER_RE = re.compile(rf"^{loose('số')}\s*:?\s*{DOC_NUMBER}\s+(?=\w)", re.IGNORECASE)


#: "Số: /  48  BC- VHTTDL": a number whose slash a copy moved before it (the count between two runs of spaces).
_SLASH_FIRST_RE = re.compile(
    rf"^\s*{loose('Số')}\s*:\s*/\s*(\d{{1,5}})\s+([A-ZĐ][A-ZĐ&]*(?:\s*-\s*[A-ZĐ][A-ZĐ&]*)+)\s*$"
)


def parse_number(header: str, headline: bool = False) -> str | None:
    """ "Số: 93/KH-VP" -> "93/KH-VP" (not a cited document's: "Căn cứ kế hoạch Số: 27-KH/ĐTN …"); a page's
    headline names its document's number in lower case: "Công văn số 44/PGD&ĐT V/v …"."""
    for line in header.splitlines():
        m = None if BASIS_VERB_RE.match(line.strip()) else NUMBER_RE.search(line)
        m = m or (_HEADLINE_NUMBER_RE.match(line.strip()) if headline else None)
        if m:
            return normalise_number(m.group(1))
        if moved := _SLASH_FIRST_RE.match(line):
            return normalise_number(f"{moved.group(1)}/{''.join(moved.group(2).split())}")
    return None


def _place(words_text: str) -> str | None:
    """The place: capitalised words before the comma ("Đồng Nai"), with their unit ("Thị trấn Sịa", "Thành phố Huế")."""
    words = words_text.split()
    if len(words) > 1 and words[-1].isdigit():  # "Quận 12", "Phường 5"
        return f"{words[-2]} {words[-1]}" if words[-2][:1].isupper() else None
    place_words: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in ("-", "–") and place_words and i > 0 and words[i - 1][:1].isupper():
            place_words.insert(0, word)  # "Bà Rịa - Vũng Tàu"
            continue
        if not word[:1].isupper() or (len(word) > 1 and is_allcaps(word)):
            break
        if word.isalpha() and not word[1:].islower() and len(word) > 1:
            break  # "AHu": a code's letters ("Số 03-KHLĐ/THCS AHu Ân Hữu, ngày …"), no word of a place
        if len(word) == 1 and place_words and words[i + 1][:1].isupper():
            break  # a letter ends a name ("Thường Thới Hậu A"), never starts one: "… HẬU A Thường Thới Hậu A"
        place_words.insert(0, word)
    rest = words[: len(words) - len(place_words)]
    if place_words and rest and fold(" ".join(rest[-2:]) + " x").split()[:2] in (["thi", "tran"], ["thanh", "pho"]):
        place_words = rest[-2:] + place_words
    elif place_words and rest and fold(rest[-1]) in ("xa", "phuong", "tp.", "tp"):
        place_words = rest[-1:] + place_words
    if not place_words and all(is_allcaps(w) for w in words[-2:]):
        place_words = [caps_to_name(w).title() for w in words[-2:]]
    place = " ".join(place_words)
    if place_words and place_words[0].lower() in ("thị", "thi") and len(place_words) > 1:
        place = place[:1].upper() + place[1:]
    return place or None


def parse_place_date(header: str) -> tuple[str | None, dt.date | None]:
    """ "Đồng Nai, ngày 13 tháng 01 năm 2023" -> ("Đồng Nai", date(2023, 1, 13)), anywhere in the header block.

    Columns (``|`` cells, runs of spaces) are kept apart so that a school's name in the left column does not
    run into the place; a date broken over two lines is read whole; a date left blank gives the place only.
    """
    text = re.sub(r"[ \t]*\|[ \t]*", "\n", header)
    text = re.sub(r"[ \t]{3,}", "\n", text)
    m = PLACE_DATE_RE.search(text)
    if m:
        return _place(m.group(1)), make_date(m.group(2), m.group(3), m.group(4))
    m = PLACE_BLANK_DATE_RE.search(text)
    if m:
        return _place(m.group(1)), None
    m = _PLACE_DATE_NO_COMMA_RE.search(header)  # "Cẩm Nhượng ngày    tháng   năm 2016" on a line of its own
    if m and (place := _place(m.group(1))) == " ".join(m.group(1).split()):
        return place, make_date(m.group(2), m.group(3), m.group(4)) if m.group(2) and m.group(3) else None
    return None, None


#: A place and date whose comma was left out, alone on their line: every word of the place is a name.
_PLACE_DATE_NO_COMMA_RE = re.compile(
    rf"^[ \t]*{_PLACE}[ \t]+{loose('ngày')}[ \t.…_]*(\d{{1,2}})?[ \t.…_]*{loose('tháng')}[ \t.…_]*(\d{{1,2}})?[ \t.…_]*"
    rf"{loose('năm')}[ \t]*(\d{{4}})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def _left_of_place(m: re.Match) -> str:
    """A place and date run on from the left column's line ("BAN CHẤP HÀNH TỈNH KHÁNH HÒA Nha Trang, ngày …", the
    spaces between the columns lost): the capitals before the place stay, as a piece of the header."""
    words = m.group(1)
    place = _place(words)
    if place and place != words and words.endswith(" " + place) and is_allcaps(words[: -len(place)]):
        return words[: -len(place)].rstrip() + "\n"
    return "\n"


def _header_fragments(header_lines: list[str]) -> tuple[list[str], bool]:
    """The pieces of the header that may name the issuer, in order; and whether a Union's motto stood right."""
    fragments: list[str] = []
    union_motto = False
    for line in header_lines:
        if match_kind(line) or PUBLISHED_RE.match(line):
            continue
        for cell in re.split(r"\s*\|\s*|\t+|[ \u00a0]{3,}", line):
            cell = MOTTO_RE.sub("\n", cell)
            cell = NUMBER_RE.sub("\n", cell)
            cell = PLACE_DATE_RE.sub(_left_of_place, cell)
            cell = PLACE_BLANK_DATE_RE.sub("\n", cell)
            cell = BLANK_DATE_RE.sub("\n", cell)
            cell = SUBJECT_LINE_RE.sub("\n", cell)
            cell = re.sub(rf"^\s*{loose('Số')}\s*:.*$", "\n", cell, flags=re.IGNORECASE | re.MULTILINE)
            for piece in cell.split("\n"):
                piece = " ".join(piece.split()).strip(" *-–—,;")
                if not piece or not any(c.isalpha() for c in piece):
                    continue
                # the spaces between the columns lost: "BCH TỈNH ĐOÀN X ĐOÀN TNCS HỒ CHÍ MINH"
                tail = _MOTTO_TAIL_RE.search(piece)
                if tail and is_allcaps(piece):
                    piece = piece[: tail.start()].strip()
                    union_motto = union_motto or bool(re.match(UNION_MOTTO, tail.group(1), re.IGNORECASE))
                if MOTTO_LINE_RE.match(piece):
                    union_motto = union_motto or bool(re.match(UNION_MOTTO, piece, re.IGNORECASE))
                    continue
                fragments.extend(_split_parent_child(piece))
    return [f for f in fragments if _is_name_fragment(f)], union_motto


_PARTY_CHILD_RE = re.compile(rf"^({loose('ĐẢNG BỘ')}\s.+?)\s({loose('ĐẢNG')}\s+(?:ỦY|UỶ|UY)\s.+)$")


def _split_parent_child(piece: str) -> list[str]:
    """ "LIÊN ĐOÀN LAO ĐỘNG TP HUẾ CĐCS MẦM NON II" -> [parent, child] (two header lines run together)."""
    if not is_allcaps(piece):
        return [piece]
    party = _PARTY_CHILD_RE.match(piece)  # "ĐẢNG BỘ HUYỆN ĐẠI TỪ ĐẢNG ỦY XÃ LA BẰNG"
    if party:
        return [party.group(1), party.group(2)]
    m = re.search(rf"\s({CHILD_ORG})\b", piece, re.IGNORECASE)
    parent_words = len(piece[: m.start()].split()) if m else 0
    if m and (parent_words >= 3 or parent_words == 2 and not re.match(rf"(?:{SELF_NAMED})\b", piece, re.IGNORECASE)):
        return [piece[: m.start()].strip(), piece[m.start() :].strip()]
    units = "|".join(loose(unit.upper()) for unit in LOCALITY_UNITS)
    m = re.search(rf"\b(?:{units})\s+\S+(?:\s+\S+)??\s({DEPARTMENT_ORG})\s", piece)
    if m and not re.search(rf"\b(?:{units})\b", piece[m.start(1) :]):
        return [piece[: m.start(1)].strip(), piece[m.start(1) :].strip()]
    return [piece]


def _is_name_fragment(piece: str) -> bool:
    """An ALLCAPS header piece, or a short mixed-case name of a body ("Liên đội trường TH Quảng Thạch")."""
    words = piece.split()
    if len(words) > 16 or _HEADING_RE.match(piece) or ":" in piece or match_kind(piece):
        return False
    if re.search(r"\w\?", piece):  # "T?NG LIÊN ÐOÀN": letters lost to an encoding, no name to read
        return False
    if sum(c.isalpha() for c in piece) < 3 and not piece.isalpha():  # ". PL": a number's tail, not "ỦY" over "BAN …"
        return False
    if fold(piece).startswith(("noi dung van ban", "van ban chi tiet", "noi dung toan van", "chi tiet van ban")):
        return False  # a legal site's headings over the text
    if fold(piece).startswith(("tin tuc", "thu vien dien tu", "trang chu", "tin hoat dong")):
        return False  # a web site's banner or section: "TIN TỨC BỆNH VIỆN"
    items = re.split(r"\s+[-–]\s+" if is_allcaps(piece) else r"\s+[-–]\s+|,\s+", piece)
    if len(items) >= 3 and all(len(item.split()) <= 3 for item in items):
        return False  # a site's menu: "Đảng - Công Đoàn - Đoàn TN", "UBND Huyện, Thị xã, Thành phố"
    if fold(piece).startswith(("nam hoc ", "giai doan ", "nhiem ky ")):
        return False  # "NĂM HỌC 2019 – 2020" under a title: a period, not a body
    if fold(piece).startswith(("ban hanh ", "phe duyet ", "ve viec ", "sua doi", "quy dinh ")):
        return False  # a decision's subject under its lost heading: "BAN HÀNH QUY CHẾ …", not a body "BAN …"
    if is_allcaps(re.sub(r"(?<!\w)\w{1,3}\.", "", piece)):  # "CĐCS Tr. THCS TT BA TƠ": capitals but "Tr."
        return True
    return (
        len(words) <= 10
        and bool(re.match(rf"(?:{ORG_START})\b", piece, re.IGNORECASE))
        and any(w[:1].isupper() for w in words[1:])
        and not re.search(r"[.;!?]", piece)
    )


#: Regions that end a body's name on a line of their own ("CỤM THI ĐUA" over "TÂY NGUYÊN").
_REGIONS = ("tay nguyen", "tay bac", "dong bac", "nam bo", "bac bo", "trung bo", "mien bac", "mien trung", "mien nam")


def _region_tail(fragment: str) -> bool:
    """A header line that is only a region's name: the end of the name above it, not a body of its own."""
    return is_allcaps(fragment) and " ".join(fold(fragment).split()) in _REGIONS


#: An institution's kind that ends a header line, its proper name on the next ("ĐẢNG BỘ HỌC VIỆN" over "CHÍNH SÁCH
#: VÀ PHÁT TRIỂN").
_INSTITUTION_END_RE = re.compile(
    r"\b(?:hoc vien|vien|benh vien|truong|truong dai hoc|dai hoc|cao dang|cao dang nghe|cdn|cd|dh|trung tam|cong ty"
    r"|ngan hang)$"
)


#: A header line that continues the name above it: "VÀ DU LỊCH", "TẠI THÀNH PHỐ HỒ CHÍ MINH".
_CONTINUED_NAME_RE = re.compile(rf"(?:{loose('và')}|{loose('tại')})\s", re.IGNORECASE)

#: A header line naming only the organs of a body, whose name is on the next line ("CÔNG ĐOÀN – ĐOÀN THANH NIÊN" over
#: "CÔNG TY TNHH MTV BÒ SỮA TP. HCM").
_ORGANS_ONLY_RE = re.compile(
    r"^(?:cong doan(?: co so)?|doan thanh nien|chi doan|chi bo|dang uy|ban chap hanh)"
    r"(?: (?:va )?(?:cong doan(?: co so)?|doan thanh nien|chi doan|chi bo|dang uy|ban chap hanh))*$"
)


#: An association's standing organ over the institution its chapter belongs to: "BCH HỘI SINH VIÊN VIỆT NAM" over
#: "TRƯỜNG ĐẠI HỌC VINH" is one name.
_CHAPTER_ORGAN_RE = re.compile(r"^(?:bch|btv|ban chap hanh|ban thuong vu) (?:hoi|doan|cong doan)\b.*\bviet nam$")
_INSTITUTION_START_RE = re.compile(r"^(?:truong|hoc vien|vien|benh vien|cong ty|tong cong ty|ngan hang)\b")


def _repeats_a_name(fragment: str, above: list[str]) -> bool:
    """A national name of three words or more ("HỘI SINH VIÊN VIỆT NAM") that begins or ends a fragment above it."""
    folded = fold(fragment)
    return (
        len(folded.split()) >= 3
        and folded.endswith(" viet nam")
        and any(fold(name).startswith(f"{folded} ") or fold(name).endswith(f" {folded}") for name in above)
    )


def _names_institution(fragment: str) -> bool:
    return is_allcaps(fragment) and bool(_INSTITUTION_END_RE.search(" ".join(fold(fragment).split())))


#: A village or hamlet in a body's name ("CHI HỘI PN THÔN ĐÔNG MAI"): the name has its place already.
_VILLAGES = "thôn|ấp|bản|xóm|buôn|làng|khu phố|tổ dân phố"

#: An organ of a body that names no body: "Ban Chấp hành Trung ương", "Ban Thường vụ", "BCH".
_BARE_ORGAN_RE = re.compile(
    r"^(?:ban chap hanh|ban thuong vu|ban thuong truc|doan chu tich|bch|btv)(?: (?:trung uong|tw))?$"
)


_PUNCTUATION_RE = re.compile(r"[^\w\s]")


def _below_page_lead(header_lines: list[str]) -> list[str]:
    """The header without a web page's banner and post title above it: a line not in capitals ("Hội thi Tìm hiểu
    Nghị quyết …") between lines in capitals ("HỘI LIÊN HIỆP PHỤ NỮ QUẬN 11" above, "HỘI LIÊN HIỆP PHỤ NỮ Q11" and
    "BAN THƯỜNG VỤ" below) before the first line of the header's own (motto, number, place and date)."""
    first_marker = next((i for i, line in enumerate(header_lines) if _is_marker(line)), len(header_lines))
    lettered = [i for i in range(first_marker) if any(c.isalpha() for c in header_lines[i])]
    mixed = [i for i in lettered if not is_allcaps(header_lines[i])]
    if not mixed:
        return header_lines
    cut = mixed[-1]
    if any(i < cut and is_allcaps(header_lines[i]) for i in lettered) and any(i > cut for i in lettered):
        return header_lines[cut + 1 :]
    return header_lines


def header_body_name(header_lines: list[str], rest: str = "") -> str | None:
    """Issuing body from the header block: the lowest unit left of the motto, completed by its parent when needed.

    Handles two-column lines, ``|`` table cells, the Party's and the Unions' mottos on the right, parent and
    child run together on one line and texts without diacritics. None when no line of the block names a body.
    ``rest`` is the text after the header: a name the page wrapped over two lines ("ỦY BAN TRUNG" over "ƯƠNG
    MẶT TRẬN TỔ QUỐC VIỆT NAM") is read whole when the text writes the two pieces as one phrase.
    """
    fragments, union_motto = _header_fragments(_below_page_lead(header_lines))
    # A name the block already holds, again below it ("HỘI SINH VIÊN VIỆT NAM" under "BCH HỘI SINH VIÊN VIỆT NAM"):
    # an association's motto cell, read after the left column.
    fragments = [f for i, f in enumerate(fragments) if not _repeats_a_name(f, fragments[:i])]
    # the text's words without punctuation; a line in capitals stands alone (an attached regulation repeats the header
    # over two lines, which is no sign that the two make one name), mixed-case lines run on into each other
    blocks: list[str] = []
    for line in rest.splitlines():
        if is_allcaps(line) or not blocks or is_allcaps(blocks[-1]):
            blocks.append(line)
        else:
            blocks[-1] += " " + line
    written = " | ".join(" ".join(_PUNCTUATION_RE.sub(" ", fold(block)).split()) for block in blocks)
    written = f" {written} "
    names: list[str] = []
    for fragment in fragments:  # "BỘ VĂN HÓA, THỂ THAO" over "VÀ DU LỊCH": one name on two lines
        wrapped = (
            names and is_allcaps(names[-1]) and f" {' '.join(fold(names[-1] + ' ' + fragment).split())} " in written
        )
        if names and _region_tail(fragment):
            names[-1] = f"{caps_to_name(names[-1])} {fragment.title()}"  # a region keeps its capitals
        elif names and (
            wrapped
            or _CONTINUED_NAME_RE.match(fragment)
            or _names_institution(names[-1])
            or _ORGANS_ONLY_RE.match(" ".join(_PUNCTUATION_RE.sub(" ", fold(names[-1])).split()))
            or (_CHAPTER_ORGAN_RE.match(fold(names[-1])) and _INSTITUTION_START_RE.match(fold(fragment)))
        ):
            names[-1] = f"{names[-1]} {fragment}"
        else:
            names.append(fragment)
    if not names:
        return None
    names = [n if not is_allcaps(n) else caps_to_name(n) for n in names]
    child = names[-1]
    name = child
    if len(names) > 1:
        parent = " ".join(names[:-1])
        first = fold(child.split()[0])
        units = "|".join(loose(unit) for unit in LOCALITY_UNITS)
        if re.match(r"(?:tinh|huyen|thanh|quan|thi|dang) (?:uy|doan)\b", fold(child)):
            name = child  # "HUYỆN ỦY TÂN BIÊN" under "ĐẢNG BỘ TỈNH TÂY NINH", "TỈNH ĐOÀN …"
        elif _BARE_ORGAN_RE.match(fold(child)):
            name = f"{child} {parent}"  # "BAN CHẤP HÀNH TRUNG ƯƠNG" under "HỘI NÔNG DÂN VIỆT NAM"
        elif first in {fold(u) for u in LOCALITY_UNITS} or fold(child).startswith(("thi tran", "thi xa", "thanh pho")):
            name = f"{names[-2]} {child[0].lower()}{child[1:]}"
        elif fold(child) == "van phong":
            name = f"Văn phòng {names[-2]}"
        elif fold(child) in ("toi cao", "nhan dan toi cao", "trung uong"):
            name = f"{names[-2]} {child.lower()}"  # "TÒA ÁN NHÂN DÂN" over "TỐI CAO": one name on two lines
        elif fold(child) == "viet nam":
            name = f"{names[-2]} {child}"  # "NGÂN HÀNG NHÀ NƯỚC" over "VIỆT NAM"
        elif not re.match(rf"(?:{SELF_NAMED})\b", child, re.IGNORECASE):
            locality = re.search(rf"\b(?:{units})\b.*$", parent, re.IGNORECASE)
            if locality and not re.search(rf"\b(?:{units}|{_VILLAGES})\b", child, re.IGNORECASE):
                name = f"{child} {locality.group(0)}"
    if union_motto and "doan" not in fold(name).split() and not re.match(r"(?:bch|btv) ", fold(name)):
        organ = re.match(
            r"(?:ban chap hanh|ban thuong vu)\s(?=(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s)", fold(name)
        )
        if organ:  # "BAN CHẤP HÀNH TỈNH KHÁNH HÒA" under the Union's motto: the Union's committee of the province
            name = f"{name[: organ.end()]}Đoàn TNCS Hồ Chí Minh {name[organ.end() :]}"
        else:
            name = f"{name} Đoàn TNCS Hồ Chí Minh"
    return name


#: ", trên cơ sở Kế hoạch số …": a second basis verb and its numbered reference inside one sentence.
_VERB_REFERENCE_RE = re.compile(rf"(?:{_VERB})\s+(?:{_DOC_TYPE})\s+{loose('số')}\b", re.IGNORECASE)


def split_clauses(paragraph: str) -> list[str]:
    """Split a preamble paragraph at ";", at a sentence end and before a comma-joined opening sentence."""
    clauses: list[str] = []
    for part in re.split(r";\s*|\.\s+(?=[A-ZĐÀ-Ỹ])", paragraph):
        start = 0
        for m in re.finditer(r",\s*", part):
            rest = part[m.end() :]
            if (rest[:1].isupper() and OPENING_RE.match(rest)) or _VERB_REFERENCE_RE.match(rest):
                clauses.append(part[start : m.start()])
                start = m.end()
                break
        clauses.append(part[start:])
    return [c.strip() for c in clauses if c.strip()]


#: The next of a list of documents of one type, its type not repeated.
_NEXT_NUMBER = rf"{loose('số')}\s*:?\s*\d+\s*[/-]"
_NEXT_NUMBER_RE = re.compile(_NEXT_NUMBER, re.IGNORECASE)
_YEARS_LIST_RE = re.compile(
    rf"{loose('năm')}\s+\d{{4}}(?:\s*(?:,|{loose('và')})\s*{loose('năm')}\s+\d{{4}})+\s*$", re.IGNORECASE
)
_NEXT_REFERENCE_RE = re.compile(
    rf"(?:\s+{loose('và')}|\s*,)\s+(?=(?:{loose('các')}\s+)?(?:{_DOC_TYPE})\s+(?:{loose('số')}\b|\d+\s*[/-])"
    rf"|{loose('Luật')}\s+[A-ZĐÀ-Ỹ])"
    rf"|\s+{loose('và')}\s+(?=(?-i:{CAPITALISED_TYPE})\s)"  # "Điều lệ và Hướng dẫn thực hiện Điều lệ …"
    rf"|(?<=[”\"])\s*(?=(?-i:{CAPITALISED_TYPE})\s+{loose('số')})"  # "… tỉnh Lạng Sơn”Quyết định số …": a lost "; "
    rf"|(?:\s+{loose('và')}|\s*,)\s+(?={_NEXT_NUMBER})",  # "các Nghị định số 42/2010/NĐ-CP …, số 39/2012/NĐ-CP …"
    re.IGNORECASE,
)
_NUMBERED_DATED_RE = re.compile(rf"(?:{_DOC_TYPE})\s+\d+\s*[/-]\S*\s*,?\s*{loose('ngày')}\s*\d", re.IGNORECASE)
_ENDS_WITH_YEAR_RE = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}$")
_SUBJECT_VERB_RE = re.compile(r"\s(?:về|quy định|hướng dẫn|ban hành|sửa đổi|phê duyệt|thi hành)[\s,]", re.IGNORECASE)
_OF_REFERENCE_RE = re.compile(rf"\s{loose('của')}\s+({_DOC_TYPE})\s+{loose('số')}", re.IGNORECASE)
_NEXT_UNNUMBERED_RE = re.compile(rf",\s+(?=(?:{_DOC_TYPE})\s)", re.IGNORECASE)
_ABOUT_RE = re.compile(rf"\s{loose('về')}\s", re.IGNORECASE)


def _named_in_subject(clause: str, start: int, m: re.Match) -> bool:
    """Whether the document after ``m`` is named in the subject of the reference before it, as one of several of
    the same kind: "… hướng dẫn thi hành một số điều của Nghị định số A, Nghị định số B và Nghị định số C"."""
    verbs = list(_SUBJECT_VERB_RE.finditer(clause, start, m.start()))
    of = _OF_REFERENCE_RE.search(clause, verbs[-1].end(), m.start()) if verbs else None
    return bool(of) and fold(clause[m.end() :]).startswith(fold(of.group(1)) + " ")


#: "<Type> số <digit>": a numbered document.
_NUMBERED = rf"({_DOC_TYPE})\s+{loose('số')}\s*:?\s*\d"
_NUMBERED_IN_RE = re.compile(rf"(?<!\w){_NUMBERED}", re.IGNORECASE)


#: ", hướng dẫn thực hiện Nghị định …", ", quy định chi tiết …": a verb describing the reference before the comma.
_TYPE_AS_VERB_RE = re.compile(rf"(?:{loose('hướng dẫn')}|{loose('quy định')})\s")


def _restates_type(before: str, after: str) -> bool:
    """Whether ``after`` opens with the lower-case type of the numbered document ``before`` cites."""
    numbered = _NUMBERED_IN_RE.search(before)
    return bool(numbered and after[:1].islower() and fold(after).startswith(fold(numbered.group(1)) + " "))


def split_references(clause: str) -> list[str]:
    """ "Chỉ thị số 19/CT-TTg … và Kế hoạch số 16/KH-HĐTĐKT …" -> two references; a Law and a Decree likewise."""
    pieces, start = [], 0
    for m in _NEXT_REFERENCE_RE.finditer(clause):
        law = re.match(rf"{loose('Luật')}\s|(?!.{{0,30}}{loose('số')})", clause[m.end() :], re.IGNORECASE)
        # "Luật sửa đổi … của Luật A ngày 16/4/2005 và Luật sửa đổi … ngày …": the date closed the first one
        before = clause[start : m.start()].rstrip()
        dated = _ENDS_WITH_YEAR_RE.search(before) or any(end >= len(before) for _, _, end in find_dates(before))
        # "… và Quyết định 3638/QĐ-BYT ngày 15/07/2016 về …": numbered and dated without "số", a reference of its own
        own = _NUMBERED_DATED_RE.match(clause, m.end())
        if law and not dated and not own and _SUBJECT_VERB_RE.search(clause[start : m.start()]):
            continue  # "… quy định chi tiết … của Luật A và Luật B": the Decree's subject, not a new reference
        if _named_in_subject(clause, start, m):
            continue
        pieces.append(clause[start : m.start()])
        start = m.end()
    pieces.append(clause[start:])
    out: list[str] = []
    for piece in pieces:  # "chương trình …, chương trình …" (no number, before any "về")
        begin = 0
        for m in _NEXT_UNNUMBERED_RE.finditer(piece):
            if _restates_type(piece[begin : m.start()], piece[m.end() :]) or _TYPE_AS_VERB_RE.match(piece, m.end()):
                continue  # "Kế hoạch số 15/KH-UBND … của …, kế hoạch xây dựng …": the same plan described
            if not _ABOUT_RE.search(piece[begin : m.start()]) and not _named_in_subject(piece, begin, m):
                out.append(piece[begin : m.start()])
                begin = m.end()
        out.append(piece[begin:])
    return [p.strip() for p in out if p.strip()]


def opening_body_name(paragraphs: list[str], full_text: str) -> str | None:
    """Issuing body from "Ủy ban nhân dân … ban hành Kế hoạch …" (locality completed)."""
    for para in paragraphs:
        for whole in split_clauses(para):
            clause, m = whole, None
            if BASIS_VERB_RE.match(whole):  # "Thực hiện Công văn số …, Công đoàn Trường … triển khai …"
                for comma in re.finditer(r",\s+(?=[A-ZĐÀ-Ỹ])", whole):
                    clause = whole[comma.end() :]
                    if m := OPENING_RE.match(clause) or _BODY_GUIDES_RE.match(clause):
                        break
            elif clause[:1].isupper():
                m = OPENING_RE.match(clause) or _LAUNCH_RE.match(clause) or _BODY_GUIDES_RE.match(clause)
            # "Trung tâm … trực thuộc Sở Y tế tỉnh … (Trung tâm) xây dựng Kế hoạch": the body, not its parent
            name = re.sub(r"\s*\([^()]{1,40}\)$", "", m.group(1).strip()) if m else ""
            name = _LEAD_IN_RE.sub("", name)  # "Nay Ban Thường vụ Đoàn trường xây dựng Kế hoạch …"
            name = _TENSE_TAIL_RE.sub("", name)  # "Ngân hàng Nhà nước vừa ban hành …", "… Đảng ủy đã ban hành …"
            name = re.split(rf"\s+{loose('trực thuộc')}\s", name, flags=re.IGNORECASE)[0]
            if name and len(name.split()) <= 14:
                return expand_locality(_named_instance(name, clause[m.end() :]), full_text)
    return None


#: The adverbs of time between a body and its verb: "vừa", "đã", "đang", "sẽ", "tiếp tục".
_TENSE_TAIL_RE = re.compile(r"(?:\s+(?:vừa|đã|đang|sẽ|cũng|tiếp tục))+$")
#: The words that lead into a body's own sentence: "Nay", "Vì vậy,", "Do đó,".
_LEAD_IN = rf"(?:{loose('Nay')}|{loose('Vì vậy')},?|{loose('Do đó')},?)"
_LEAD_IN_RE = re.compile(rf"^(?:{_LEAD_IN}|{loose('Vậy')})\s+(?=[A-ZĐÀ-Ỹ])")
#: "Nay Ban chấp hành Công đoàn … phát động cuộc thi …": a notice's body, launching or issuing.
_LAUNCH_RE = re.compile(
    rf"^{_LEAD_IN}\s+([A-ZĐÀ-Ỹ][^;:]{{2,120}}?)\s+"
    rf"(?:{loose('phát động')}|{loose('ban hành')}|{loose('hướng dẫn')}|{loose('thông báo')})\s",
    re.IGNORECASE,
)
#: A body's own sentence, no kind of document named: "Phòng Giáo dục và Đào tạo hướng dẫn tổ chức …", a letter's
#: "Sở Giao thông vận tải đề nghị:".
_BODY_GUIDES_RE = re.compile(
    rf"^((?:{ORG_START})\b[^;:,.]{{2,100}}?)\s+(?:{loose('hướng dẫn')}|{loose('thông báo')}|{loose('phát động')}"
    rf"|{loose('triển khai')}|{loose('đề nghị')}|{loose('yêu cầu')})(?:\s|:)"
)
#: Kinds of body a name may give without the body's own name ("Công đoàn Ngân hàng").
_BARE_KINDS = ("Ngân hàng", "Công ty", "Tổng công ty", "Tập đoàn", "Bệnh viện", "Trường")


def _named_instance(name: str, rest: str) -> str:
    """A name ending with a bare kind of body, completed by the sentence's own named one ("… Ngân hàng Kiên Long")."""
    for kind in _BARE_KINDS:
        if fold(name).endswith(" " + fold(kind)):
            named = re.search(rf"\b{loose(kind)}((?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){{1,4}})", rest)
            return f"{name}{named.group(1)}" if named else name
    return name


def parse_period(title: str | None, fallback_year: int | None) -> tuple[int | None, int | None]:
    """Years covered: "giai đoạn 2021 - 2025", "năm học 2021 – 2022" -> a range; "năm 2023" -> (2023, 2023).

    Anniversaries written as dates ("(11/6/1948 - 11/6/2023)") and the years of dates ("ngày 27 tháng 4
    năm 2018") are not periods.
    """
    if title:
        m = PERIOD_RANGE_RE.search(title)
        if m and int(m.group(1)) <= int(m.group(2)) <= int(m.group(1)) + 30:
            return int(m.group(1)), int(m.group(2))
        years = [
            int(y.group(1))
            for y in PERIOD_YEAR_RE.finditer(title)
            if not re.search(rf"{loose('tháng')}\s*\d{{1,2}}\s*,?\s*$", title[: y.start()], re.IGNORECASE)
        ]
        if years:
            return years[-1], years[-1]
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


_ATTACHED_RE = re.compile(
    rf"{loose('ban hành')}\s+(?:{loose('kèm')}\s+)?{loose('theo')}\s+({_DOC_TYPE})\s+{loose('số')}\s*:?\s*({DOC_NUMBER})",
    re.IGNORECASE,
)
#: "Quy chế … của Đại học … do Hội đồng đại học ban hành theo Nghị quyết số …": the body that issued it.
_ISSUED_BY_RE = re.compile(rf"\s{loose('do')}\s+(\S.*?)\s+$", re.IGNORECASE)
_NUMBER_IN_RE = re.compile(rf"(?:{loose('số')}\s*:?\s*|^)({DOC_NUMBER})", re.IGNORECASE)
#: A basis that cites an opinion or a proposal "at" (in) a numbered document: the document is the reference.
_WITHIN_RE = re.compile(
    rf"^[^;]{{0,300}}?\s(?:(?:{loose('tại')}|{loose('theo')})\s+(?=(?:{_DOC_TYPE})\s+(?:{loose('số')}|\d+[/-]))"
    rf"|{loose('quy định tại')}\s+(?=(?:{_DOC_TYPE})\b))",
    re.IGNORECASE,
)
_AMENDING_RE = re.compile(rf"\s*{loose('sửa đổi')}", re.IGNORECASE)
_DIRECTED_BY_RE = re.compile(rf"{loose('chỉ đạo')}\s+(?=[A-ZĐ])")
_OF_RE = re.compile(rf"(?<![^\W\d_]){loose('của')}\s+", re.IGNORECASE)  # "ngày 03/12/2021của …" too
_BRACKETED_REFERENCE_RE = re.compile(rf"\(\s*(?=(?:{_DOC_TYPE})\s+{loose('số')})", re.IGNORECASE)
_PROPOSAL_RE = re.compile(rf"{loose('đề nghị')}\b", re.IGNORECASE)
_ISSUER_END_RE = re.compile(
    r"\s+(?:triển khai|thực hiện|tổ chức|phát động|đẩy mạnh|tại|đã|đến|để|nhằm|trên|theo|nhiệm kỳ"
    r"|(?i:lần thứ))\b"
    r"|(?<!\b[Bb]an)\s+chỉ đạo\b"  # "… chỉ đạo …" ends a body, but a "Ban chỉ đạo" is one
    r"|(?<!Đảng)\s+(?i:khóa|khoá)\b"  # "Ban Chấp hành Trung ương Đảng khóa XI": the Party's term is in its name
    r"|\s+(?i:về|việc|quy định|hướng dẫn|ban hành|phê duyệt|sửa đổi|bổ sung|V/v|ve|viec|quy dinh|huong dan"
    r"|ban hanh|phe duyet|sua doi)\b"
    r"|\s+(?:quy|hướng|sửa|phê)$"  # a verb a cut-off copy ends in ("của Chính phủ quy")
    r"|\s+trong\s+(?i:năm|tháng|quý|giai đoạn|thời gian|dịp|học kỳ)\b"  # "của Công đoàn trường … trong năm học …"
    r"|\s+(?i:sửa\s+đ\w?i|hướng\s+d\w?n)\b"  # the verb in a copy that lost letters ("sửa đi", "hướng dn")
    r"|\s+(?:(?i:quy định|hướng dẫn|sửa đổi|ban hành)(?=\w)|về(?=[^\W\d_]))"  # glued: "quy địnhchức", "vềphê"
    r"|\s+(?i:năm học|năm)\s+\d"  # "của Đoàn trường … năm học 2020-2021"
    r"|\s+họp\b"  # "của Hội đồng … họp ngày …": the meeting that concluded
    r"|\s+(?:yêu cầu|đề nghị)\b"  # "…, Ủy ban nhân dân tỉnh yêu cầu:": the body that acts
    r"|\s+(?=(?:Kết luận|Thông báo|Quyết định|Chỉ thị|Nghị quyết|Công văn|Thông tư|Nghị định)\s)"  # its subject
    r"|\s*[,;()\"“”«]|\.(?:\s|$)"
)


#: The verbs with which the body issuing a document starts acting on its basis.
_ACTS_RE = re.compile(r"\s+(?:yêu cầu|đề nghị|ban hành|xây dựng|triển khai|hướng dẫn|thông báo)\b")
_INNER_ABBREVIATION_RE = re.compile(r"\(([A-ZĐ&]{2,8})\)(?=\s|$)")


#: A local organ named after another's comma: "Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân huyện".
_JOINT_ISSUER_RE = re.compile(
    r"\s*(?:"
    + "|".join(loose(organ) for organ in ("Hội đồng nhân dân", "HĐND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND"))
    + rf"|(?:{loose('Đảng')}|{loose('Huyện')}|{loose('Tỉnh')}|{loose('Thành')}|{loose('Thị')})\s*(?:ủy|uỷ)\b)"
)


#: A name that holds a comma: "Bộ Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thông tin, …", "Hội đồng Thi đua, Khen
#: thưởng".
_COMMA_IN_NAME_BEFORE_RE = re.compile(r"(?:Văn hóa|Văn hoá|Thông tin|(?i:thi đua))$")
_COMMA_IN_NAME_AFTER_RE = re.compile(r"\s*(?:Thể thao|Thông tin|(?i:khen thưởng)|Gia đình)\b")


def _issuer(text: str) -> str | None:
    """ "Bộ trưởng Bộ Nội vụ quy định chi tiết …" -> "Bộ trưởng Bộ Nội vụ"."""
    # an abbreviation inside the name is part of it: "Tổng Liên đoàn Lao động (LĐLĐ) Việt Nam"
    text = _INNER_ABBREVIATION_RE.sub(lambda a: f"\0{a.group(1)}\1", text)
    m = _ISSUER_END_RE.search(text)
    while (
        m
        and text[m.start() : m.end()].strip() == ","
        and (
            _JOINT_ISSUER_RE.match(text, m.end())  # "của Đảng ủy, HĐND, UBND xã …": several bodies
            or (_COMMA_IN_NAME_BEFORE_RE.search(text, 0, m.start()) and _COMMA_IN_NAME_AFTER_RE.match(text, m.end()))
        )
    ):
        following = _ISSUER_END_RE.search(text, m.end())
        if following and _ACTS_RE.match(text, following.start()):
            break  # "… của UBND tỉnh, Ủy ban nhân dân tỉnh yêu cầu:": the next body is the sentence's subject
        m = following
    issuer = (text[: m.start()] if m else text).strip(" .,;:").replace("\0", "(").replace("\1", ")")
    return issuer or None


def _has_proper_word(text: str) -> bool:
    """A word written as a name ("Đoàn", "Hà Nội"), not an abbreviation in capitals ("TĐKT")."""
    return any(len(w) > 1 and w[0].isupper() and w[1:].islower() for w in re.findall(r"\w+", text))


#: A date that lost its day or month, read as no date: "ngày 31 tháng năm 2020".
_BROKEN_DATE_RE = re.compile(
    rf"^\s*{loose('ngày')}\s*\d{{0,2}}\s*{loose('tháng')}\s*\d{{0,2}}\s*{loose('năm')}\s*\d{{4}}"
)


_BETWEEN_RE = re.compile(rf"\s{loose('giữa')}\s+(?=[A-ZĐÀ-Ỹ])")
#: Where a body's name starts when no "của" introduces it: an organisation, the Prime Minister, the Government, a ministry.
_ISSUER_START = rf"(?:{ORG_START}|{loose('Thủ tướng')}|{loose('Chính phủ')}|{loose('Bộ')})\b"
#: "… Cuộc thi “Tuổi trẻ học tập …” năm 2018 của Bộ Giáo dục và Đào tạo": the issuer after a quoted subject.
_OF_AFTER_QUOTE_RE = re.compile(
    rf"[”\"]\s*(?:{loose('năm')}\s+\d{{4}}\s*)?{loose('của')}\s+(?={_ISSUER_START})",
    re.IGNORECASE,
)
#: A document cited without number, date or "của" whose words name its body: "Thông báo Phòng Tổ chức Cán bộ Sở Y
#: tế …", "chương trình Công tác Đoàn trường Cao đẳng Đức Trí năm học 2015 – 2016".
_NAMED_OWNER_RE = re.compile(
    rf"\s*(?:(?:{loose('công tác')}|{loose('hoạt động')})\s+)?((?=[A-ZĐ])(?:{ORG_START})\b(?!\s+{loose('và')}\s).*)",
    re.IGNORECASE,
)
#: Kinds a body issues under its name; a Law, a charter or a congress's resolution names its subject so.
_OWNED_TYPES = ("Chương trình", "Kế hoạch", "Thông báo", "Hướng dẫn", "Công văn")
#: "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Đại hội Đoàn trường năm học 2014 - 2015": a congress.
_CONGRESS_RE = re.compile(
    rf"\s*({loose('Đại hội')}\s[^;,]*?(?:{loose('lần thứ')}\s+[IVXLC\d]+|(?=\s+(?:{loose('năm học')}|{loose('nhiệm kỳ')})\s)))"
    rf"(?:\s*{loose('của')}\s+(\S.*))?",
    re.IGNORECASE,
)
_PURPOSE_ADVERB_RE = re.compile(
    rf"^(?:{loose('nghiêm túc')}|{loose('nghiêm')}|{loose('tốt')}|{loose('có hiệu quả')}|{loose('hiệu quả')})\s+"
)
_PASSED_BY_RE = re.compile(rf"{loose('được')}\s+({loose('Quốc hội')}[^;]{{0,80}}?)\s+{loose('thông qua')}\b")


def _dates_not_in_range(text: str) -> list[tuple[dt.date, int, int]]:
    """The dates of a reference but those of a span, such as an anniversary's "(02/10/1996 – 02/10/2011)" or "ngày
    Nhà giáo Việt Nam 20/11/1982 – 20/11/2017": a reference has one date, a span dates none."""
    dates = find_dates(text)
    spans = [pair for pair in itertools.pairwise(dates) if re.fullmatch(r"\s*[-–—]\s*", text[pair[0][2] : pair[1][1]])]
    return [d for d in dates if not any(d in pair for pair in spans)]


def parse_reference(clause: str, inherited_verb: str | None = None) -> BasisReference | None:
    """One "Thực hiện/Căn cứ <type> số <n> ngày <d> của <issuer> về <subject>" reference.

    The type may stand after a few words ("nội dung hướng dẫn … (Hướng dẫn số 04/HD-BCĐ …)"), a Law has a
    date but no number, a programme may have neither; the issuer is the body after "của" that follows the
    number and date, cut before the rest of the sentence.
    """
    clause = clause.strip().rstrip(";.,").strip()
    m = BASIS_VERB_RE.match(clause)
    if m:
        verb, rest = m.groups()
        verb = next((v for v in _VERBS if fold(v) == fold(verb)), "Căn cứ" if fold(verb) == "can" else verb)
        verb = "Căn cứ" if verb == "Căn cứ vào" else verb
    elif inherited_verb:
        verb, rest = inherited_verb, clause
    else:
        return None
    if verb.startswith("Để") and (adverb := _PURPOSE_ADVERB_RE.match(rest)):
        if _NUMBERED_IN_RE.match(rest, adverb.end()):  # "Để tiếp tục thực hiện nghiêm Chỉ thị số …": a basis
            rest = rest[adverb.end() :]
    if _PROPOSAL_RE.match(rest):  # "Theo đề nghị … tại Tờ trình số …": a proposal, not a basis
        return None
    t = _DOC_TYPE_RE.match(rest)
    if not t and (inside := _BRACKETED_REFERENCE_RE.search(rest)):  # "Chỉ đạo của … (Thông báo số 1530/VPCP …)"
        t = _DOC_TYPE_RE.match(rest[inside.end() :])
    whose = ""  # "chỉ đạo của <body> tại …": the body, which the document names no other
    if not t and (within := _WITHIN_RE.search(rest)):  # "ý kiến chỉ đạo của … tại Công văn số …"
        t = _DOC_TYPE_RE.match(rest[within.end() :])
        whose = rest[: within.end()]
    if not t:
        return None
    doc_type = next((d for d in DOC_TYPES if fold(d) == fold(t.group(1))), t.group(1))
    rest = t.group(2)
    sent_as_letter = re.match(rf"\s*({_DOC_TYPE})\s+(?={loose('số')}\b)", rest, re.IGNORECASE)
    if doc_type == "Công văn" and sent_as_letter:  # "công văn hướng dẫn số 29/HD-…": the guidance, sent as a letter
        doc_type = next((d for d in DOC_TYPES if fold(d) == fold(sent_as_letter.group(1))), sent_as_letter.group(1))
        rest = rest[sent_as_letter.end() :]
    if re.match(rf"{loose('này')}\b", rest, re.IGNORECASE):
        return None  # "… thông tư này quy định …": the document itself
    about = _ABOUT_RE.search(rest)
    head, subject = (rest[: about.start()], rest[about.end() :]) if about else (rest, "")
    number_m = re.match(rf"\s*(?:(?:{loose('số')}|s(?=\s+\d))\s*:?\s*)*({DOC_NUMBER})", head, re.IGNORECASE)
    after = number_m.end() if number_m else 0
    if number_m is None:  # "nội dung hướng dẫn … (Hướng dẫn số 04/HD-BCĐ ngày … của …)"
        inner = re.search(rf"\(\s*(?:{_DOC_TYPE})\s+{loose('số')}\s*:?\s*({DOC_NUMBER})", head, re.IGNORECASE)
        number_m, after = inner, (inner.end() if inner else 0)
    attached = None
    if number_m is None:  # "Quy định về … ban hành kèm theo Quyết định số 1218-QĐ/HNDTW": the decision
        attached = _ATTACHED_RE.search(head)
        if attached:
            doc_type = next((d for d in DOC_TYPES if fold(d) == fold(attached.group(1))), attached.group(1))
            number_m, after = attached, attached.end()
    if number_m is None:  # "Luật Thi đua, Khen thưởng hợp nhất tại văn bản số 16/VBHN-VPQH ngày …"
        first_date = next((d[1] for d in find_dates(head)), len(head))
        later = re.search(rf"{loose('số')}\s*:?\s*({DOC_NUMBER})", head[:first_date], re.IGNORECASE)
        # "Luật Sửa đổi, bổ sung một số điều của Luật … số 87/2025/QH15": the amending Law's own number, after its title
        amending = doc_type == "Luật" and _AMENDING_RE.match(head)
        if later and (amending or not _OF_RE.search(head[: later.start()])):
            number_m, after = later, later.end()
    number = normalise_number(number_m.group(number_m.lastindex)) if number_m else None
    if doc_type == "Văn bản" and number:  # "văn bản số 91/2017/NĐ-CP": a Decree; "số 2490/BTĐKT-VII": a letter
        doc_type = kind_from_number(number) or doc_type
    all_dates = _dates_not_in_range(head)
    dates = [d for d in all_dates if d[1] >= after] or all_dates
    date = dates[0][0] if dates else None
    anchor = max(after, dates[0][2] if dates and dates[0][1] >= after else 0)
    issuer = None
    of = _OF_RE.search(head, anchor) if (number or date) else _OF_RE.search(head)
    # a Law's "của" names its issuer only after its date or year ("Luật … năm 2015 của Quốc hội"), else it is its subject's
    year = dates[0][1] if dates else (y.start() if (y := re.search(rf"{loose('năm')}\s+\d{{4}}", head)) else None)
    if of and not (doc_type == "Luật" and (year is None or of.start() < year)):
        issuer = _issuer(head[of.end() :])
    elif (
        of is None and (number or date) and doc_type != "Luật"
    ):  # "… ngày 04/11/2017 Ủy ban nhân dân tỉnh …" ("của" lost)
        bare = re.match(
            rf"\s*({_ISSUER_START}.*)",
            _BROKEN_DATE_RE.sub("", head[anchor:], count=1),  # "ngày 31 tháng năm 2020 Bộ …": a month lost
        )
        issuer = _issuer(bare.group(1)) if bare and bare.group(1)[:1].isupper() else None
    if issuer is None and attached and number_m is attached and (by := _ISSUED_BY_RE.search(head, 0, attached.start())):
        issuer = _issuer(by.group(1))  # "Quy chế … do <body> ban hành theo …"
    if issuer is None and attached and number_m is attached and (owner := _OF_RE.search(head, 0, attached.start())):
        issuer = _issuer(head[owner.end() : attached.start()])  # "Quy chế … của <body> ban hành kèm theo …"
    if issuer is None and of is None and (number or date and doc_type != "Luật") and dates and dates[0][1] > after:
        # "số 36/KH-UBATGTQG của Ủy ban … ngày 10/01/2022", "Kết luận của Hội đồng … họp ngày 17 tháng 04 năm 2023"
        early = _OF_RE.search(head, after, dates[0][1])
        if early:
            issuer = _issuer(re.sub(rf"[\s,]*{loose('ngày')}\s*$", "", head[early.end() : dates[0][1]]))
    if issuer is None and of is None and (number or date) and (between := _BETWEEN_RE.search(head, anchor)):
        issuer = _issuer(head[between.end() :])  # "Chương trình phối hợp số … giữa Bộ Công an và Bộ …"
    quoted = _OF_AFTER_QUOTE_RE.search(subject) if issuer is None and (number or date) else None
    if quoted and subject[quoted.end()].isupper():  # a body's name, not "… của bộ phận …"
        issuer = _issuer(subject[quoted.end() :])
    if issuer is None and (owner := _OF_RE.search(whose) or _DIRECTED_BY_RE.search(whose)):
        # "Thực hiện chỉ đạo của Ủy ban … tại Kế hoạch số …", "… ý kiến chỉ đạo Ban Tuyên giáo … tại văn bản số …"
        issuer = _issuer(whose[owner.end() :])
    # "Thông báo Phòng Tổ chức Cán bộ …", "chương trình công tác Đoàn trường …": the body named after the kind
    own = _NAMED_OWNER_RE.match(head) if issuer is None and not (number or date or of) else None
    if own and doc_type in _OWNED_TYPES:
        issuer = _issuer(own.group(1))
    if doc_type == "Nghị quyết" and not number and (congress := _CONGRESS_RE.match(head)):
        # "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng": the congress resolved it
        owner = _issuer(congress.group(2)) if congress.group(2) else None
        issuer = f"{congress.group(1)} của {owner}" if owner else congress.group(1)
    if issuer and re.match(rf"(?:{_DOC_TYPE})\b", issuer, re.IGNORECASE):
        issuer = None  # "… một số điều của Luật Thi đua, khen thưởng": a subject, no issuing body
    if issuer is None and doc_type == "Luật" and (passed := _PASSED_BY_RE.search(head)):
        issuer = _issuer(passed.group(1))  # "… được Quốc hội thông qua ngày 16 tháng 11 năm 2013"
    if m is None and not (number or date) and t.group(1)[:1].islower() and doc_type in ("Quy định", "Hướng dẫn"):
        return None  # "…; quy định chi tiết … của Luật …": a verb, the subject of the reference before its ";"
    if not (number or date or issuer or t.group(1)[:1].isupper() or _has_proper_word(rest)):
        return None  # "Căn cứ chương trình, kế hoạch công tác …": a body's own work, no named document
    if not subject and not number:
        subject = re.split(rf"\s+(?:{loose('ngày')}|{loose('của')})\s", head, flags=re.IGNORECASE)[0]
    return BasisReference(
        verb=verb,
        document_type=doc_type,
        number=number,
        date=date,
        issuer=issuer,
        subject=subject.strip() or None,
        text=clause,
    )


_WRAPPED_DASH_RE = re.compile(r"[-–]\s+[A-ZĐÀ-Ỹ]")


def _in_subject(ref: BasisReference, piece: str, before: list[BasisReference]) -> bool:
    """ "… văn bản số 17-CV/BTGTU …, về việc cung cấp thông tin về Bình ổn giá cả; Kế hoạch phục vụ Tết; …": a kind
    named without number, date or issuer, with no verb of its own, after a reference whose subject the sentence is
    still giving, is a part of that subject."""
    # "Nghị định 30/2020/NĐ-CP" named in the subject too: a number without "số" or a date is a topic, not a citation
    bare_number = ref.number and not ref.date and not re.search(rf"{loose('số')}\s*:?\s*\d", piece, re.IGNORECASE)
    return (
        not ((ref.number and not bare_number) or ref.date or ref.issuer)
        and ref.document_type != "Luật"  # a Law is cited by its name alone
        and not BASIS_VERB_RE.match(piece.strip())
        and bool(before)
        and bool(before[-1].number)
        and bool(_ABOUT_RE.search(before[-1].text))
    )


def basis_paragraphs(lines: list[str]) -> list[str]:
    """Preamble lines joined into paragraphs: a line not ending a clause runs on into the next one."""
    paragraphs: list[str] = []
    for line in lines:
        # "… của Bộ Lao động" over "- Thương binh và Xã hội hướng dẫn …": a name's dash wrapped to a line's start
        wrapped_dash = (
            paragraphs
            and _WRAPPED_DASH_RE.match(line)
            and BASIS_VERB_RE.match(paragraphs[-1])
            and not re.search(r"[.;:!?,]$", paragraphs[-1])
            and not _DOC_TYPE_RE.match(line[1:].strip())
        )
        starts_new = not wrapped_dash and (
            not paragraphs
            or re.search(r"[.;:!?]$", paragraphs[-1])
            or re.match(r"[-+•]\s", line)
            or is_body_start(line)
            or is_allcaps(paragraphs[-1])
        )
        if starts_new:
            paragraphs.append(line.strip())
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line.strip()}"
    return paragraphs


_AND_DATE_RE = re.compile(rf"\s{loose('và')}\s+(?={loose('ngày')})", re.IGNORECASE)
_NUMBERED_RE = re.compile(rf"^{_NUMBERED}", re.IGNORECASE)


def _share_issuer(listed: list[BasisReference]) -> None:
    """ "Nghị định số A ngày …, Nghị định số B ngày … và Nghị định số C ngày … của Chính phủ": the issuer named after
    the last of a run of documents cited bare (no subject between them) is the others' too, when they are of its
    kind and numbered, or Laws ("Luật … ngày … và Luật sửa đổi … ngày … của Quốc hội"), or numbered with its issuer's
    code ("Kế hoạch số 81-KH/ĐUK …; Hướng dẫn số 23-HD/ĐUK … của Đảng ủy Khối …")."""
    for index in range(len(listed) - 1, 0, -1):
        last = listed[index]
        if not last.issuer:
            continue
        for ref in reversed(listed[:index]):
            if ref.issuer or (ref.subject and ref.document_type != "Luật"):  # a Law's subject is its name
                break
            same_kind = ref.document_type == last.document_type and (
                (ref.number and last.number) or (ref.document_type == "Luật" and not ref.number and not last.number)
            )
            same_code = ref.number and last.number and _issuer_code(ref.number) == _issuer_code(last.number)
            if not (same_kind or same_code):
                break
            ref.issuer = last.issuer


def _issuer_code(number: str) -> str:
    """ "81-KH/ĐUK" -> "ĐUK", "42/2010/NĐ-CP" -> "CP", "03/CT-UBND" -> "UBND": the code of the body that numbered the
    document, without the code of its kind."""
    code = number.rsplit("/", 1)[-1].upper() if "/" in number else ""
    kind, _dash, body = code.partition("-")
    return body if body and kind in NUMBER_KINDS else code


def _shared_owner(pieces: list[str]) -> str | None:
    """ "của nhà trường" ending a list of documents named without number or date ("chương trình công tác, kế hoạch năm
    học, kế hoạch chuyên môn … của nhà trường"): the owner of each of them."""
    if len(pieces) < 2 or any(_OF_RE.search(piece) or find_dates(piece) for piece in pieces[:-1]):
        return None
    if any(re.search(r"\d+\s*[/-]\s*[A-ZĐ]", piece) for piece in pieces):
        return None
    of = _OF_RE.search(pieces[-1])
    return pieces[-1][of.start() :] if of else None


#: Where a sentence ends: a full stop, then a capital; not "TP. Hồ Chí Minh", "Tp. Huế" (a city's abbreviation).
_SENTENCE_END_RE = re.compile(r"(?<=\.)(?<!TP\.)(?<!Tp\.)\s+(?=[A-ZĐÀ-Ỹ])")


def parse_basis(paragraphs: list[str]) -> list[BasisReference]:
    """All legal-basis references in the preamble: several per sentence, Laws, Decrees, programmes."""
    refs: list[BasisReference] = []
    carried: str | None = None  # the verb of a basis line ending with ";", for a next line that lost its own
    for para in basis_paragraphs(paragraphs):
        # "Quyết định số 58/2010/QĐ-TTg …;" on its own line after a "Căn cứ …;" line
        inherited = carried if _NUMBERED_RE.match(para) else None
        carried = None
        for sentence in _SENTENCE_END_RE.split(para):
            verb: str | None = inherited
            inherited = None
            sentence_first = len(refs)
            for clause in split_clauses(sentence):
                first = len(refs)
                pieces = split_references(clause)
                owner = _shared_owner(pieces)
                for piece in pieces:
                    if _NEXT_NUMBER_RE.match(piece) and len(refs) > first:
                        piece = f"{refs[-1].document_type} {piece}"  # "…, số 39/2012/NĐ-CP ngày …": the same type
                    if owner and not _OF_RE.search(piece):
                        piece = f"{piece} {owner}"  # "chương trình công tác, kế hoạch năm học … của nhà trường"
                    ref = parse_reference(piece, verb)
                    if ref and _in_subject(ref, piece, refs[sentence_first:]):
                        continue
                    if ref and ref.document_type == "Luật" and ref.date:
                        # "Luật sửa đổi … ngày 14/6/2005 và ngày 16/11/2013": two amending Laws
                        again = _AND_DATE_RE.search(piece)
                        if again and piece[: again.start()].count("(") > piece[: again.start()].count(")"):
                            again = None  # "(đã được sửa đổi, bổ sung ngày … và ngày …)": the same Law's history
                        later = find_dates(piece[again.end() :]) if again else []
                        if later and later[0][1] <= len("ngày ") and later[0][0] != ref.date:
                            refs.append(ref)
                            ref = dataclasses.replace(ref, date=later[0][0])
                    elif ref and ref.document_type == "Luật" and (years := _YEARS_LIST_RE.search(piece)):
                        # "Luật sửa đổi, bổ sung … năm 2005, năm 2009, năm 2013": one amending Law a year
                        refs.extend(dataclasses.replace(ref) for _ in re.findall(r"\d{4}", years.group())[1:])
                    if ref:
                        # a document cited again in another's subject ("… thi hành Luật … và Nghị định số 98/…")
                        if not (
                            ref.number
                            and any((r.document_type, r.number) == (ref.document_type, ref.number) for r in refs)
                        ):
                            refs.append(ref)
                        verb = ref.verb
                    elif not BASIS_VERB_RE.match(piece):
                        continue
                    elif not owner:
                        verb = None
            # across the clauses too: "Nghị định số A …; Nghị định số B … của Chính phủ"
            _share_issuer(refs[sentence_first:])
            if verb and para.rstrip().endswith(";"):
                carried = verb
    return refs

"""The title of a plan: its kind heading and the subject lines below it, or a subject sentence."""

from __future__ import annotations

import itertools
import re

from .plan_header import HEADLINE_OWN_NUMBER_RE
from .plan_patterns import (
    AUTHORITY_RE,
    DATED_LEAD_RE,
    HEADING_RE,
    KINDS,
    MOTTO_RE,
    NUMBER_RE,
    OPENING_RE,
    PLACE_DATE_RE,
    PUBLISHED_RE,
    SUBJECT_IN_LINE_RE,
    SUBJECT_LINE_RE,
    body_index,
    is_body_start,
    is_marker,
    match_kind,
)
from .plan_text import (
    fold,
    is_acronym,
    is_allcaps,
    loose,
    lower_first,
    restore_case,
    unglue,
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


_RULE_LINE_RE = re.compile(r"\s*[_\-–—=*.¯‾]+\s*")  # "¯¯¯¯": an overline drawn with macrons


def _is_title_sentence(lines: list[str], i: int) -> bool:
    """ "Thực hiện Chỉ thị số 19/CT-TTg …" right under "KẾ HOẠCH" is the title, not the first basis, when it (with the
    lines it wraps onto) ends without punctuation, opens no sentence ("… ban hành Kế hoạch …") and the body starts on
    the next line, a heading or a dated sentence ("Ngày 19/3/2020, Ban chấp hành …")."""
    j = i + 1  # its own continuation first: "Thực hiện Quy chế …" over "Của Hội Nhà báo Việt Nam"
    while j < min(len(lines), i + 3) and (lines[j][:1].islower() or re.match(rf"{loose('Của')}\s", lines[j])):
        j += 1
    whole = " ".join(lines[i:j])
    while j < len(lines) and _RULE_LINE_RE.fullmatch(lines[j]):  # the rule drawn under the title: "_________"
        j += 1
    nxt = (
        lines[j] if j < len(lines) else ""
    )  # with its continuations: "Thực hiện Nghị quyết …," over "nhiệm kỳ 2020 - 2025 …"
    return (
        len(whole) < 250
        and not re.search(r"[.:;,]$", whole)
        and not re.search(r",\s*[A-ZĐÀ-Ỹ][^,;:]{2,120}?\s(?:ban hành|xây dựng)\s", whole)
        and (is_body_start(nxt) or bool(HEADING_RE.match(nxt)) or bool(DATED_LEAD_RE.match(nxt)))
    )


#: A title line ending on a word that needs what follows it.
_OPEN_END_RE = re.compile(r"\s(?i:gắn với|và|của|về|cho|với|trong|tại|nhằm|hướng tới|tiến tới|đến|giai đoạn)\s*$")


def _subject_lines(lines: list[str], start: int, kind: str, subject: str) -> tuple[list[str], int]:
    """The lines of a title after its kind: ALLCAPS lines, lower-case continuations, a period, an open quote."""
    parts = [subject] if subject else []
    end = start
    while end < len(lines) and end < start + 8:
        line = lines[end]
        # right under the heading ("KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG"), a sentence may be the title
        title_sentence = end == start and (not parts or is_allcaps(subject)) and _is_title_sentence(lines, end)
        body_start = is_body_start(line) and not title_sentence
        if body_start or _TITLE_STOP_RE.match(line) or HEADING_RE.match(line) or is_marker(line):
            break
        if PUBLISHED_RE.match(line) or re.search(r"\b\d{1,2}:\d{2}\b", line):  # a web page's date and time
            break
        heading = match_kind(line)
        # "KẾ HOẠCH" again, under a web page's post title that repeats the title; "PHÁT ĐỘNG" alone on the line under
        # "KẾ HOẠCH" is the subject's verb ("KẾ HOẠCH / PHÁT ĐỘNG / PHONG TRÀO THI ĐUA …")
        if heading and not heading[2] and not (heading[0] == "Phát động" and kind != "Phát động"):
            break
        if not parts or title_sentence:
            parts.append(line)
            end += 1
            continue
        if DATED_LEAD_RE.match(line):  # "Ngày 19/3/2020, Ban chấp hành … đã ban hành …": the body's first sentence
            break
        so_far = " ".join(parts)
        open_quote = so_far.count("“") > so_far.count("”") or so_far.count('"') % 2 == 1
        caps = is_allcaps(so_far) and is_allcaps(" ".join(line.split()[:3]))
        if kind in ("Quyết định", "Nghị quyết", "Thông tư") and AUTHORITY_RE.match(line) and is_allcaps(line):
            break  # "HIỆU TRƯỞNG TRƯỜNG …", "HỘI ĐỒNG NHÂN DÂN TỈNH …" under the title: who decides, not the subject
        ended = so_far.rstrip().endswith((".", ":", ";"))
        continuation = not ended and (
            line[:1].islower()
            or so_far.rstrip().endswith(",")
            # "… nghĩa tình” gắn với" over "Cuộc vận động “…” giai đoạn 2025 - 2026": a phrase left open
            or (bool(_OPEN_END_RE.search(so_far)) and len(line) <= 200)
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
        while n < len(words) and not any(c.islower() for c in " ".join(words[: n + 1])):
            n += 1  # capitals, and the words without letters among them ("22/01/2024 CỦA BỘ …")
        if not is_allcaps(" ".join(words[:n])):
            n = 0
        unglued = " ".join(unglue(w, text) for w in words[:n]).split()
        caps = " ".join(w if is_acronym(w) else w.lower() for w in unglued)
        rest = [unglue(word, text) if word.islower() else word for word in words[n:]]  # "vàhoạt": a lost space
        part = " ".join(x for x in (restore_case(caps, text) if caps else "", *rest) if x)
        # a later line that starts with a capitalised function word: "… khen thưởng" over "Của Hội Nhà báo …"
        lower = cased and (
            _TITLE_PERIOD_LINE_RE.match(part) or re.match(r"(?:Của|Về|Và|Trên|Tại|Thực hiện|Triển khai)\s", part)
        )
        cased.append(lower_first(part) if lower else part)
    # a rule line under the title ("_____") is no part of it
    subject = lower_first(re.sub(r"\s+(?:[_=*~¯‾]+|[-—–.…]{3,})$", "", " ".join(cased)).strip(" ."))
    subject = re.sub(rf"^(?:V/v|{loose('về việc')})\s*:?\s*", "về việc ", subject, flags=re.IGNORECASE)
    if fold(subject).startswith(fold(kind_written) + " "):  # "BÁO CÁO" over "Báo cáo tổng kết …": the kind once
        subject = lower_first(subject[len(kind_written) + 1 :])
    subject = re.sub(rf"({loose('năm học')}|{loose('tháng')})\s*:\s*", r"\1 ", subject, flags=re.IGNORECASE)
    subject = re.sub(r"(\d)\s*/\s+(\d)", r"\1/\2", subject)
    subject = re.sub(r"(\d/[A-ZĐ]{1,4}-)TTG\b", r"\1TTg", subject)  # the Prime Minister's code, written in capitals
    subject = re.sub(r",\s+(?=\()", " ", subject)  # "… trong thành phố," over "(nhiệm kỳ 2019-2024)"
    if all(is_allcaps(part) for part in parts):  # a quoted name written in capitals opens with one: “Chung sức …”
        subject = re.sub(r"((?:“|(?<!\S)\")\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), subject)
    # a regulation's "(Ban hành kèm theo Quyết định số …)" names its decision, not its subject
    subject = re.sub(rf"\s*\(\s*{loose('Ban hành kèm theo')}[^()]*\)$", "", subject, flags=re.IGNORECASE)
    return f"{kind_written} {subject}".strip()


#: The lines the title is looked for in: a legal site's page puts its metadata table and a summary above the header.
TITLE_WINDOW = 100
#: The kind followed by who issues it, as old decisions are headed: "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ …".
_AUTHOR_RE = re.compile(rf"{loose('của')}\s", re.IGNORECASE)
#: The subject under such a heading: "Về việc …", "V/v …", "(ban hành …)".
_SUBJECT_BELOW_RE = re.compile(rf"^(?:\(|{loose('về')}\s|V/v\b)", re.IGNORECASE)


#: A letter's "V/v" subject in its narrow column wraps onto a few short lines ("V/v đẩy mạnh phát triển người tham gia"
#: over "BHXH tự nguyện, BHYT hộ gia đình" over "những tháng cuối năm 2025").
SUBJECT_WRAP_LINES, SUBJECT_WRAP_CHARS = 3, 70
_DATE_LINE_RE = re.compile(rf"{loose('ngày')}\s*\d{{0,2}}\s*{loose('tháng')}", re.IGNORECASE)


def _subject_wrapped(lines: list[str], start: int) -> list[str]:
    """The short lines a letter's subject wraps onto, up to "Kính gửi", the body or anything else."""
    wrapped: list[str] = []
    for line in lines[start : start + SUBJECT_WRAP_LINES]:
        if (
            len(line) > SUBJECT_WRAP_CHARS
            or _TITLE_STOP_RE.match(line)
            or is_marker(line)
            or is_body_start(line)
            or HEADING_RE.match(line)
            or match_kind(line)
            or _RULE_LINE_RE.fullmatch(line)
            or re.search(r"[.:;|]$|\s\|\s", line)
            or AUTHORITY_RE.match(line)  # "Chủ tịch Ủy ban nhân dân tỉnh …", "BỘ TRƯỞNG BỘ Y TẾ": who issues it
            or _DATE_LINE_RE.search(line)  # "Hiệp Hoà, ngày    tháng 10 năm 2020"
        ):
            break
        wrapped.append(line.strip())
    return wrapped


def find_title(lines: list[str]) -> tuple[int | None, str | None, int, str | None]:
    """(index of the title line, title, index after the title, kind of document).

    The title is the first line headed by a kind ("KẾ HOẠCH", "HƯỚNG DẪN", "QUYẾT ĐỊNH"…) after the header
    block (a web page may repeat it above the header); a letter (Công văn) is titled by its "V/v" line.
    """
    window = lines[:TITLE_WINDOW]
    body = body_index(window)
    candidates = [(i, found) for i, line in enumerate(window[:body]) if (found := match_kind(line))]
    markers = [i for i, line in enumerate(window[:body]) if is_marker(line)]
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
            subject = " ".join([m.group(1), *_subject_wrapped(window, i + 1)]).strip(" .")
            if _decides(window[body:]):  # a decision whose "QUYẾT ĐỊNH" heading was lost: "VỀ VIỆC …"
                part = f"VỀ VIỆC {subject}" if is_allcaps(subject) else f"về việc {subject}"
                title = _title_text("Quyết định", [part], "\n".join(lines[:i] + lines[i + 1 :]))
                return i, title, i + 1, "Quyết định"
            return i, f"Công văn về việc {lower_first(subject)}", i + 1, "Công văn"
        return _post_title(lines)
    index, (kind, written, rest) = chosen
    if not rest and not is_allcaps(lines[index]) and (post := _post_title(lines))[0] not in (None, index):
        return post  # a web page's category ("Thông báo") above its post title ("Quyết định về việc …")
    if _AUTHOR_RE.match(rest):  # "QUYẾT ĐỊNH CỦA HỘI ĐỒNG QUẢN TRỊ …" over "(Về việc ban hành …)": the subject below
        below = next(
            (j for j in range(index + 1, min(index + 4, len(lines))) if _SUBJECT_BELOW_RE.match(lines[j])), None
        )
        if below is not None:
            parts, end = _subject_lines(lines, below, kind, "")
            parts[0] = parts[0].lstrip("( ")
            parts[-1] = re.sub(r"\)\W*$", "", parts[-1])
            return index, _title_text(written, parts, "\n".join(lines[:index] + lines[end:])), end, kind
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
            subject = HEADLINE_OWN_NUMBER_RE.sub("", m.group(2).strip())  # "số 68/TANDTC-TĐKT" is the number's
            return i, f"{m.group(1)} {subject}", i + 1, m.group(1)
    return None, None, 0, None


_LOST_HEADING_SUBJECT_RE = re.compile(rf"^(?:{loose('BAN HÀNH')}|{loose('VỀ VIỆC')}|{loose('PHÊ DUYỆT')})\s")


#: The sentence by which a body issues the text itself, in its opening: "… xây dựng Kế hoạch <subject>, cụ thể như sau:".
_OWN_DOCUMENT_RE = re.compile(
    rf"\b(?:xây dựng|ban hành|triển khai)\s+(?P<kind>{'|'.join(KINDS)})\s+(?P<subject>[a-zđà-ỹ][^:;]{{10,300}}?)"
    rf"[\s,]*(?:(?:cụ thể|với (?:các )?nội dung(?: cụ thể)?)\s+)?như sau\s*:"
)


def title_below_date(header: list[str], text: str) -> str | None:
    """The lines in capitals right below the date line, when the page dropped the kind heading: the title as written
    ("HỘI THU “KẾ HOẠCH NHỎ” ĐỢT I" over "NĂM HỌC 2018 - 2019")."""
    dated = next((i for i, line in enumerate(header) if PLACE_DATE_RE.search(line)), None)
    if dated is None:
        return None
    parts = list(
        itertools.takewhile(
            lambda line: (
                is_allcaps(line)
                and not (MOTTO_RE.search(line) or NUMBER_RE.search(line))
                and not AUTHORITY_RE.match(line)
                and any(char.isalpha() for char in line)
            ),
            header[dated + 1 : dated + 4],
        )
    )
    if not parts:
        return None
    title = restore_case(" ".join(" ".join(parts).split()).lower(), text)
    return title[:1].upper() + title[1:]


def subject_under_lost_heading(header: list[str], kind: str, text: str) -> str | None:
    """ "BAN HÀNH QUY CHẾ …" under the number line, its heading ("QUYẾT ĐỊNH") lost: the title, of the number's kind."""
    for index, line in enumerate(header):
        if _LOST_HEADING_SUBJECT_RE.match(line) and is_allcaps(line):
            subject = [line]
            subject += itertools.takewhile(
                lambda next_line: is_allcaps(next_line) and not AUTHORITY_RE.match(next_line),
                header[index + 1 : index + 3],
            )
            return f"{kind} {restore_case(' '.join(subject).lower(), text)}"
    return None


def title_from_own_sentence(opening: list[str]) -> tuple[str, str] | None:
    """The kind and title of the sentence by which the body issues the text, in its first lines, if any."""
    own = _OWN_DOCUMENT_RE.search(" ".join(opening))
    return (own.group("kind"), f"{own.group('kind')} {own.group('subject').strip(' ,')}") if own else None

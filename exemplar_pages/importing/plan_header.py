"""Header of a plan: lines run together or flattened by a copy, a legal site's metadata, the number, place and
date, period and publication date."""

from __future__ import annotations

import datetime as dt
import re

from .plan_patterns import (
    AUTHORITY_RE,
    BASIS_VERB_RE,
    DOC_TYPE_PATTERN,
    DRAFT,
    INDEPENDENT,
    KIND_HEADINGS,
    NUMBER_RE,
    OF_RE,
    PLACE_BLANK_DATE_RE,
    PLACE_DATE_RE,
    PLACE_PATTERN,
    PUBLISHED_RE,
    REPUBLIC,
    REPUBLIC_HEAD,
    VERB_PATTERN,
    is_body_start,
    match_kind,
)
from .plan_text import (
    DOC_NUMBER,
    caps_to_name,
    find_dates,
    fold,
    is_allcaps,
    loose,
    make_date,
    normalise_number,
)

_YEAR = r"(?<![\d/.])((?:19|20)\d{2})(?![\d/])"
PERIOD_RANGE_RE = re.compile(rf"{_YEAR}\s*(?:-|–|—|{loose('đến')}(?:\s+{loose('năm')})?)\s*{_YEAR}", re.IGNORECASE)
PERIOD_YEAR_RE = re.compile(rf"\b{loose('năm')}(?:\s+{loose('học')})?\s*:?\s*{_YEAR}", re.IGNORECASE)


_RUN_ON_RE = re.compile(
    rf"\s+(?=(?:{loose('CỘNG HÒA')}|{loose('CỘNG HOÀ')}|{INDEPENDENT}|{loose('Số')}\s*:|V/v\s|{loose('Kính gửi')}"
    rf"|{VERB_PATTERN})\s?)"
    rf"|(?<=[Pp]húc)\s+(?=[A-ZĐÀ-Ỹ])"  # the motto's end, then the place and date
    rf"|(?<=\d{{4}})\s+(?=(?:{KIND_HEADINGS})\s+[A-ZĐÀ-Ỹ]{{2}})"  # "… năm 2017 KẾ HOẠCH TỔ CHỨC"
)


_REPUBLIC_RE = re.compile(rf"{REPUBLIC_HEAD}|{INDEPENDENT}\s*[-–—]\s*{loose('Tự', True)}", re.IGNORECASE)


#: "TRƯỜNG TH QUẢNG TIÊNSố: /KH-TH", "KHOA HỌC XÃ HỘI VIỆT NAM Số: /QĐ-KHXH": a header's number run on after the
#: name in capitals above it.
_GLUED_NUMBER_RE = re.compile(rf"(?<=[A-ZĐÀ-Ỹ]{{2}})[ \t]*(?={loose('Số')}\s*:)")
#: "HỘI SINH VIÊN VIỆT NAMTP Vinh, ngày 8 …": a motto cell in capitals with the place and date glued to it.
_GLUED_PLACE_DATE_RE = re.compile(rf"(?:VIỆT NAM|HỒ CHÍ MINH)(?=[^\W\d_][^\n,]{{0,40}},\s*{loose('ngày')}\s*\d)")
#: "Độc lập – Tự do – Hạnh phúcThuỷ Vân, ngày …": the motto's end glued to the place and date.
_MOTTO_THEN_PLACE_RE = re.compile(rf"(?<=[Pp]h[úu]c)(?=[A-ZĐÀ-Ỹ][^\n,]{{0,40}},\s*{loose('ngày')}\s*\d)")
#: "CHỦ TỊCH VIỆN HÀN LÂM … VIỆT NAM Căn cứ Nghị định …": a decision's authority line run into its first basis.
_AUTHORITY_THEN_VERB_RE = re.compile(r"^(\S.*?[A-ZĐÀ-Ỹ])\s+(?=(?:Căn cứ|Thực hiện)\s)")


def split_run_on_header(line: str) -> list[str]:
    """A header whose line breaks a PDF text layer lost, run into one line with the motto, the number, the
    "V/v" subject and the body: split before each of them."""
    if (number := _GLUED_NUMBER_RE.search(line)) and is_allcaps(line[: number.start()]):
        return [line[: number.start()], *split_run_on_header(line[number.end() :])]
    if (place := _GLUED_PLACE_DATE_RE.search(line)) and is_allcaps(line[: place.end()]):
        return [line[: place.end()], *split_run_on_header(line[place.end() :])]
    if motto_end := _MOTTO_THEN_PLACE_RE.search(line):
        return [line[: motto_end.start()], *split_run_on_header(line[motto_end.end() :])]
    authority = _AUTHORITY_THEN_VERB_RE.match(line)
    if authority and is_allcaps(authority.group(1)) and len(authority.group(1).split()) >= 2:
        return [authority.group(1), *split_run_on_header(line[authority.end() :])]
    if subject := _SUBJECT_THEN_PLACE_DATE_RE.match(line):  # "V/v triển khai … năm 2026 Lạng Sơn, ngày 04 tháng 02 …"
        return [subject.group(1), line[subject.end(1) :].strip()]
    heading = _DATE_THEN_KIND_RE.search(line)  # "Đông Hà, ngày 15 tháng 9 năm 2020 DỰ THẢO KẾ HOẠCH"
    if heading and PLACE_DATE_RE.search(line[: heading.start()]) and is_allcaps(line[heading.end() :]):
        return [line[: heading.start()], *split_run_on_header(line[heading.end() :])]
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


#: A kind heading in capitals (a draft's too) after the date line's year, on the same line.
#: A letter's "V/v" subject with the place and date of the column beside it run on after it.
_SUBJECT_THEN_PLACE_DATE_RE = re.compile(
    rf"^([Vv]\s*/\s*[Vv]\s.+?)\s+(?=[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){{0,3}}\s*,\s*{loose('ngày')}\s*\d{{1,2}}"
    rf"\s*{loose('tháng')}\s*\d{{1,2}}\s*,?\s*{loose('năm')}\s*\d{{4}}\s*$)"
)
_DATE_THEN_KIND_RE = re.compile(rf"(?<=\d{{4}})\s+(?=(?:{DRAFT}\s+)?(?:{KIND_HEADINGS})\b)")
_GLUED_REPUBLIC_RE = re.compile(rf"(?<=[^\W\d_]){REPUBLIC_HEAD}")
_REPUBLIC_THEN_RE = re.compile(rf"^({REPUBLIC}\s+{loose('VIỆT NAM')})\s+(\S.*)$", re.IGNORECASE)


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
    rf"^\(?\s*(?:{loose('Ban hành')}\s+)?{loose('kèm theo')}\s+(?:{DOC_TYPE_PATTERN})\s+{loose('số')}\s*:?\s*"
    rf"(\d*[\s.…_-]*/?\s*[^\s,]+(?:\s+-\s+[^\s,]+)?)[\s,]+(.*?)\)?$",
    re.IGNORECASE,
)


def attached_to(lines: list[str]) -> tuple[str | None, dt.date | None, str | None]:
    """A regulation's "(Ban hành kèm theo Quyết định số 1798/QĐ - BCH, ngày 04/5/2023 của …)" line, which may
    run over two lines: the decision's number, date and issuer, which are the regulation's own."""
    for i, line in enumerate(lines[:40]):
        joined = " ".join([line, *lines[i + 1 : i + 2]]) if not line.rstrip().endswith(")") else line
        m = _ATTACHED_TO_RE.match(joined.split(")")[0].strip())
        if m:
            # "(Kèm theo Quyết định số    /QĐ-UBND ngày …)", "số - QĐ/HNDT": a number left blank, date and issuer given
            number = normalise_number(re.sub(r"\s*-\s*", "-", m.group(1))) if m.group(1)[:1].isdigit() else None
            dates = find_dates(m.group(2))
            of = OF_RE.search(m.group(2))
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


_HEADLINE_NUMBER_RE = re.compile(rf"(?:{DOC_TYPE_PATTERN})\s+{loose('số')}\s*:?\s*({DOC_NUMBER})", re.IGNORECASE)

HEADLINE_OWN_NUMBER_RE = re.compile(rf"^{loose('số')}\s*:?\s*{DOC_NUMBER}\s+(?=\w)", re.IGNORECASE)


#: "Số: /  48  BC- VHTTDL": a number whose slash a copy moved before it (the count between two runs of spaces).
_SLASH_FIRST_RE = re.compile(
    rf"^\s*{loose('Số')}\s*:\s*/\s*(\d{{1,5}})\s+([A-ZĐ][A-ZĐ&]*(?:\s*-\s*[A-ZĐ][A-ZĐ&]*)+)\s*$"
)


_NUMBER_WRAPPED_RE = re.compile(
    rf"^(\s*{loose('Số')}\s*:?\s*\d+\s*[-/])\s*\n\s*([A-ZĐ]{{1,8}}[/-][A-ZĐ])", re.MULTILINE
)


def parse_number(header: str, headline: bool = False) -> str | None:
    """ "Số: 93/KH-VP" -> "93/KH-VP" (not a cited document's: "Căn cứ kế hoạch Số: 27-KH/ĐTN …"); a page's
    headline names its document's number in lower case: "Công văn số 44/PGD&ĐT V/v …"."""
    # "Số: 16 -" over "HD/BTCTW": a number whose code the layout put on the next line
    header = _NUMBER_WRAPPED_RE.sub(r"\1\2", header)
    for line in header.splitlines():
        m = None if BASIS_VERB_RE.match(line.strip()) else NUMBER_RE.search(line)
        m = m or (_HEADLINE_NUMBER_RE.match(line.strip()) if headline else None)
        # a number cell that names its kind, alone on its line: "Nghị quyết số: 653/2019/UBTVQH14"
        m = m or ((cell := _HEADLINE_NUMBER_RE.fullmatch(line.strip())) and ":" in cell.group() and cell)
        if m:
            return normalise_number(m.group(1))
        if moved := _SLASH_FIRST_RE.match(line):
            return normalise_number(f"{moved.group(1)}/{''.join(moved.group(2).split())}")
    return None


def _glued_tail(word: str) -> str | None:
    """The capitalised word a code of capitals runs into ("KH-UBNDTân" → "Tân"), else None."""
    for i in range(len(word) - 2, 0, -1):
        if word[i].isupper() and word[i + 1].islower() and word[i - 2 : i].isupper() and i >= 2:
            return word[i:] if word[i:].isalpha() else None
    return None


def _place(words_text: str) -> str | None:
    """The place: capitalised words before the comma ("Đồng Nai"), with their unit ("Thị trấn Sịa", "Thành phố Huế")."""
    words = words_text.split()
    if len(words) > 1 and words[-1].isdigit():  # "Quận 12", "Phường 5"
        return f"{words[-2]} {words[-1]}" if words[-2][:1].isupper() else None
    place_words: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if tail := _glued_tail(word):  # "86/KH-UBNDTân Biên": the columns glued, the place starts inside the code
            place_words.insert(0, tail)
            break
        if word in ("-", "–") and place_words and i > 0 and words[i - 1][:1].isupper():
            place_words.insert(0, word)  # "Bà Rịa - Vũng Tàu"
            continue
        if not word[:1].isupper() or (len(word) > 1 and is_allcaps(word)):
            break
        if word.isalpha() and not word[1:].islower() and len(word) > 1:
            break  # "AHu": a code's letters ("Số 03-KHLĐ/THCS AHu Ân Hữu, ngày …"), no word of a place
        if any(len(part) > 1 and part.isupper() for part in word.split("-")[1:]):
            break  # "TTr-SNV": the code of a number left blank ("Số:    /TTr-SNV Lâm Đồng, ngày …")
        if len(word) == 1 and place_words and words[i + 1][:1].isupper() and i > 0:
            break  # a letter ends a name ("Thường Thới Hậu A": "… HẬU A Thường Thới Hậu A"), but "A Lưới" starts so
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
    text = re.sub(r"[ \t]*\|[ \t]*", "\n", _MOTTO_THEN_PLACE_RE.sub("\n", header))
    text = re.sub(r"[ \t]{3,}", "\n", text)
    text = _WRAPPED_PLACE_RE.sub(r"\1 \2", text)
    # not a number's code before its date: "Kế hoạch số 20-KH/BDVHU, ngày 08 tháng 8 …" cites another document
    m = next((m for m in PLACE_DATE_RE.finditer(text) if not _is_number_code(text, m)), None)
    if m:
        return _place(m.group(1)), make_date(m.group(2), m.group(3), m.group(4))
    numeric = (m for m in _PLACE_NUMERIC_DATE_RE.finditer(text) if any(c.islower() for c in m.group(1)))
    m = next(numeric, None)  # not a cited document's code: "Công văn số 1115/SGD&ĐT-KTKĐCLGD, ngày 23/9/2020"
    if m:  # "Tân Châu, ngày 5/3/2025"
        return _place(m.group(1)), make_date(m.group(2), m.group(3), m.group(4))
    m = next((m for m in PLACE_BLANK_DATE_RE.finditer(text) if not _is_number_code(text, m)), None)
    if m:
        return _place(m.group(1)), None
    if m := _BLANK_PLACE_DATE_RE.search(text):  # "………, ngày 20 tháng 9 năm 2018": a draft's place left blank
        return None, make_date(m.group(1), m.group(2), m.group(3))
    m = _PLACE_DATE_NO_COMMA_RE.search(header)  # "Cẩm Nhượng ngày    tháng   năm 2016" on a line of its own
    if m and (place := _place(m.group(1))) == " ".join(m.group(1).split()):
        return place, make_date(m.group(2), m.group(3), m.group(4)) if m.group(2) and m.group(3) else None
    return None, None


def _is_number_code(text: str, m: re.Match) -> bool:
    """Whether a place-and-date match is the code of a number ("20-KH/BDVHU, ngày …"): capitals after "/" or "-"."""
    return text[m.start() - 1 : m.start()] in ("/", "-") and all(is_allcaps(word) for word in m.group(1).split())


_PLACE_NUMERIC_DATE_RE = re.compile(
    PLACE_PATTERN + rf"\s*,\s*{loose('ngày')}\s*(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*(\d{{4}})\b", re.IGNORECASE
)
_BLANK_PLACE_DATE_RE = re.compile(
    rf"^[ \t]*[.…_]{{2,}}[ \t]*,[ \t]*{loose('ngày')}\s*(\d{{1,2}})\s*{loose('tháng')}\s*(\d{{1,2}})\s*,?\s*{loose('năm')}\s*(\d{{4}})",
    re.IGNORECASE | re.MULTILINE,
)
#: A place wrapped after its unit and first words: "Thành phố Hồ Chí" over "Minh, ngày 05 tháng 7 năm 2022".
_WRAPPED_PLACE_RE = re.compile(
    rf"^([ \t]*(?:{loose('Thành phố')}|{loose('Thị xã')}|{loose('Thị trấn')})(?:[ \t]+[A-ZĐÀ-Ỹ][^\W\d_]*){{1,3}})[ \t]*\n"
    rf"[ \t]*([A-ZĐÀ-Ỹ][^\W\d_]*[ \t]*,[ \t]*{loose('ngày')})",
    re.MULTILINE,
)
#: A place and date whose comma was left out, alone on their line: every word of the place is a name.
_PLACE_DATE_NO_COMMA_RE = re.compile(
    rf"^[ \t]*{PLACE_PATTERN}[ \t]+{loose('ngày')}[ \t.…_]*(\d{{1,2}})?[ \t.…_]*{loose('tháng')}[ \t.…_]*(\d{{1,2}})?[ \t.…_]*"
    rf"{loose('năm')}[ \t]*(\d{{4}})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def left_of_place(m: re.Match) -> str:
    """A place and date run on from the left column's line ("BAN CHẤP HÀNH TỈNH KHÁNH HÒA Nha Trang, ngày …", the
    spaces between the columns lost): the capitals before the place stay, as a piece of the header."""
    words = m.group(1)
    place = _place(words)
    if place and place != words and words.endswith(" " + place) and is_allcaps(words[: -len(place)]):
        return words[: -len(place)].rstrip() + "\n"
    return "\n"


_CELEBRATED_TERM_RE = re.compile(rf"{loose('nhiệm kỳ')}\s*:?\s*$", re.IGNORECASE)


def parse_period(title: str | None, fallback_year: int | None) -> tuple[int | None, int | None]:
    """Years covered: "giai đoạn 2021 - 2025", "năm học 2021 – 2022" -> a range; "năm 2023" -> (2023, 2023).

    Anniversaries written as dates ("(11/6/1948 - 11/6/2023)") and the years of dates ("ngày 27 tháng 4
    năm 2018") are not periods.
    """
    if title:
        m = PERIOD_RANGE_RE.search(title)
        if m and _CELEBRATED_TERM_RE.search(title[: m.start()]) and re.search(rf"{loose('chào mừng')}", title, re.I):
            m = None  # "thi đua chào mừng Đại hội …, nhiệm kỳ 2025 - 2030": the term of what is celebrated
        if m and int(m.group(1)) <= int(m.group(2)) <= int(m.group(1)) + 30:
            return int(m.group(1)), int(m.group(2))
        years = [
            int(y.group(1))
            for y in PERIOD_YEAR_RE.finditer(title)
            if not re.search(rf"{loose('tháng')}\s*\d{{1,2}}\s*,?\s*$", title[: y.start()], re.IGNORECASE)
        ]
        if years:  # "tổng kết … năm 2025 và đăng ký thi đua năm 2026": both
            return (min(years), max(years)) if max(years) - min(years) == 1 else (years[-1], years[-1])
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

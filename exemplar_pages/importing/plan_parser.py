"""Parse the text of a Vietnamese "Kế hoạch" into a ParsedPlan."""

from __future__ import annotations

import itertools
import re

from django.utils.translation import gettext as _

from cms.vietnamese import is_valid_syllable, repair_vietnamese, text_quality

from .plan_basis import date_cited_elsewhere, parse_basis
from .plan_body import is_signature_line, parse_assignments, parse_blocks, parse_closing, parse_movements
from .plan_header import (
    attached_to,
    authority_line,
    join_metadata_labels,
    parse_metadata,
    parse_number,
    parse_period,
    parse_place_date,
    parse_published,
    split_flattened,
    split_run_on_header,
)
from .plan_issuer import complete_bare_body, header_body_name, opening_body_name
from .plan_models import ParsedPlan
from .plan_patterns import (
    AUTHORITY_RE,
    BASIS_VERB_RE,
    BODY_START_RE,
    CAPITALISED_TYPE,
    DATED_LEAD,
    KINDS,
    MOTTO_LINE_RE,
    MOTTO_RE,
    NUMBER_LINE_RE,
    NUMBER_RE,
    PLACE_DATE_RE,
    PUBLISHED_RE,
    REPUBLIC,
    is_header_mark,
    match_kind,
)
from .plan_reference import parse_reference
from .plan_text import (
    DOC_NUMBER,
    DOC_TYPES,
    expand_locality,
    find_dates,
    fold,
    is_allcaps,
    kind_from_number,
    loose,
    make_date,
    normalise_number,
    restore_case,
    strip_markdown,
)
from .plan_title import find_title

#: A news post's lead naming the document it reports: "Ngày 07/4/2023, Ủy ban nhân dân tỉnh … ban hành Kế hoạch số …".
_NEWS_LEAD_RE = re.compile(
    rf"^{DATED_LEAD}[^;:]{{3,161}}?\s+"
    rf"(?:{loose('ký')}\s+)?{loose('ban hành')}\s+(?P<kind>{CAPITALISED_TYPE})\s+{loose('số')}\s*:?\s*(?P<number>{DOC_NUMBER})"
)

CHROME_RE = re.compile(
    r"^(?:Tổng số điểm của bài viết|Click để đánh giá|Ý kiến bạn đọc|Thống kê truy cập|Tin liên quan"
    r"|Bài viết liên quan|Các tin khác|Tin cùng chuyên mục|Chia sẻ bài viết|Tác giả bài viết|Xem thêm)",
    re.IGNORECASE,
)
NUMBER_VALUE_RE = re.compile(DOC_NUMBER)
#: HTML tags a copy of a page's source kept ("UBND TỈNH BÌNH THUẬN<b> CỘNG HOÀ …</b>"): blocks end a line.
HTML_BLOCK_RE = re.compile(r"<(?:br|/?(?:p|div|tr|li|h[1-6]|table|tbody|ul|ol))\b[^<>]*>", re.IGNORECASE)
HTML_INLINE_RE = re.compile(r"</?(?:b|i|u|em|strong|span|font|a|sup|sub|td|th)\b[^<>]*>", re.IGNORECASE)
#: A Word drawing's label copied as a line of text: "straight connector 2", "Text Box 3".
WORD_DRAWING_RE = re.compile(
    r"^[ \t]*(?:straight (?:arrow )?connector|text box|rectangle|line)[ \t]*\d+[ \t]*$", re.IGNORECASE | re.MULTILINE
)
#: Lines of a header block above its motto or number line (a parent body, the issuer, a rule).
HEADER_LINES_ABOVE = 4
HEADING_START_RE = re.compile(r"^(?:[IVXL]+\.|\d{1,2}\.)\s")


_REPUBLIC_START_RE = re.compile(rf"^{REPUBLIC}", re.I)


def _place_head(line: str) -> bool:
    """ "Hà" above "Nội, ngày 27 tháng 09 năm 2011": a place's first word or two, each capitalised (not in
    capitals, as a body's name is), wrapped away from the rest."""
    words = line.split()
    return 1 <= len(words) <= 2 and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)


#: A page's escaped line breaks copied as text ("\\r\\n Kính gửi: …").
ESCAPED_BREAK_RE = re.compile(r"(?:\\r)?\\n|\\r")
_NUMBER_LABEL_RE = re.compile(rf"^{loose('Số')}\s*:?$", re.I)
_PLACE_TAIL_RE = re.compile(rf"^[^\W\d_]+(?:\s[^\W\d_]+){{0,2}}\s*,\s*{loose('ngày')}(?:\s|$)", re.I)


_DATE_HEAD_RE = re.compile(rf",\s*{loose('ngày')}[\s\d]*(?:{loose('tháng')}[\s\d]*)?$", re.IGNORECASE)
_DATE_TAIL_RE = re.compile(
    rf"^(?:{loose('tháng')}\s*)?\d{{0,2}}\s*(?:{loose('tháng')}\s*\d{{1,2}}\s*)?{loose('năm')}\s*\d{{4}}$",
    re.IGNORECASE,
)


def _rejoin_wrapped_header(lines: list[str]) -> list[str]:
    """A page that wraps its header cells at a narrow width ("CỘNG / HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Hà / Nội, ngày …", "Số:" / "10/2011/TT-TTCP"): the motto, the place line and the number made whole again."""
    out: list[str] = []
    for line in lines:
        if out:
            above, below = out[-1].strip(), line.strip()
            joined = f"{above} {below}"
            # "CỘNG / HÒA XÃ HỘI …", "ĐẢNG CỘNG SẢN" over "VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ" over "NGHĨA VIỆT NAM"
            wrapped_motto = (
                len(above.split()) <= 4
                and _REPUBLIC_START_RE.match(joined)
                and not _REPUBLIC_START_RE.match(above)
                and not _REPUBLIC_START_RE.match(below)
            ) or (
                (MOTTO_LINE_RE.match(joined) or MOTTO_RE.fullmatch(joined))
                and not (MOTTO_LINE_RE.match(above) or MOTTO_RE.fullmatch(above))
            )
            wrapped_number = _NUMBER_LABEL_RE.match(above) and NUMBER_VALUE_RE.match(below)
            # "ỦY" over "BAN NHÂN DÂN TỈNH …": a body's first word, which names nothing alone
            wrapped_name = fold(above) in ("uy", "hoi", "uy ban", "hoi dong") and is_allcaps(joined)
            # "Hà Nội, ngày 03" over "tháng 12 năm 2025"; "QUYẾT" over "ĐỊNH"
            wrapped_date = _DATE_HEAD_RE.search(above) and _DATE_TAIL_RE.match(below)
            wrapped_kind = (
                len(above.split()) == 1 and is_allcaps(joined) and (kind := match_kind(joined)) and not kind[2]
            )
            if (
                wrapped_motto
                or wrapped_number
                or wrapped_name
                or wrapped_date
                or wrapped_kind
                or (_place_head(above) and _PLACE_TAIL_RE.match(below))
            ):
                out[-1] = joined
                continue
        out.append(line)
    return out


#: A piece of a letter-spaced word ("B" of "B AN", "NGH" of "NGH ĨA"): letters that are no syllable by themselves.
_FRAGMENT_RE = re.compile(r"[^\W\d_]{1,3}")
_PIECE_RE = re.compile(r"[^\W\d_]+")
#: Where a header's letter-spaced lines are looked for: its first lines, each of a header's width (a long line is a
#: paragraph, whose lost letters are not spacing: "Hà N i" stays).
LETTER_SPACED_LINES = 25
LETTER_SPACED_WIDTH = 200
#: "U B ND" in a number line: a code whose letters are spaced out.
_SPACED_CODE_RE = re.compile(r"\b(?:[A-ZĐ] ){2,}[A-ZĐ]{1,3}\b")


def rejoin_letter_spacing(line: str) -> str:
    """A header line an OCR letter-spaced ("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH", "T hành phố Hồ Chí M
    inh"): its pieces grouped into the fewest pieces that are no syllable (a piece joins those after it only when
    one of them is no syllable by itself); a line of acronyms ("UBND TP HCM") has none to mend."""
    tokens = line.split(" ")
    n = len(tokens)
    # best[i]: (pieces left that are no syllable, groups) for tokens[i:], and where the first group ends
    best: list[tuple[int, int, int]] = [(0, 0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        alone = 0 if is_valid_syllable(tokens[i].rstrip(",.;:")) else 1
        choice = (alone + best[i + 1][0], best[i + 1][1] + 1, i + 1)
        for j in range(i + 2, min(i + 7, n) + 1):  # "T ư ớ N G": a syllable spelt letter by letter
            group = tokens[i:j]
            # pieces of letters; the last may be a whole syllable ("T" "HÀNH") and end the name or the place ("inh,")
            if not (all(map(_FRAGMENT_RE.fullmatch, group[:-1])) and _PIECE_RE.fullmatch(group[-1].rstrip(",.;:"))):
                break
            if all(is_valid_syllable(piece.rstrip(",.;:")) for piece in group):
                continue
            if is_valid_syllable("".join(group).rstrip(",.;:")):
                choice = min(choice, (best[j][0], best[j][1] + 1, j))
        best[i] = choice
    out, i, mended = [], 0, 0
    while i < n:
        j = best[i][2]
        out.append("".join(tokens[i:j]))
        mended += j - i > 1
        i = j
    line = " ".join(out) if mended else line
    if NUMBER_LINE_RE.match(line.strip(" |")):  # "Số: 3210/QĐ - U B ND": the code's letters spaced out
        line = _SPACED_CODE_RE.sub(lambda code: code.group().replace(" ", ""), line)
    return line


#: A government site's text-size and contrast buttons ("A- A A+ | Tăng tương phản Giảm tương phản"), copied with it.
_TEXT_SIZE_CONTROLS_RE = re.compile(r"^A-\s*A\s*A\+|^(?:Tăng|Giảm) tương phản", re.IGNORECASE)


def _split_lines(text: str) -> list[str]:
    """Non-empty stripped lines, web-page chrome cut off."""
    raw = strip_markdown(text).split("\n")
    raw = [
        rejoin_letter_spacing(line) if i < LETTER_SPACED_LINES and len(line) <= LETTER_SPACED_WIDTH else line
        for i, line in enumerate(raw)
    ]
    lines = [
        part.strip() for line in raw for piece in split_run_on_header(line.strip()) for part in split_flattened(piece)
    ]
    lines = [line for line in lines if not _TEXT_SIZE_CONTROLS_RE.match(line)]
    # "• BỘ LAO ĐỘNG – THƯƠNG BINH": a site's list bullet before a header line in capitals
    lines = [line[1:].strip() if line[:1] == "•" and is_allcaps(line[1:]) else line for line in lines]
    lines = _rejoin_wrapped_header(join_metadata_labels([line for line in lines if line]))
    for i, line in enumerate(lines):
        if CHROME_RE.match(line):
            return lines[:i]
    return lines


def _closing_start(lines: list[str], body_from: int) -> int:
    """Index where the closing part (recipients, signature) begins."""
    recipients = next((i for i in range(body_from, len(lines)) if re.match(r"^Nơi\s+nhận", lines[i], re.I)), None)
    stop = recipients if recipients is not None else len(lines)
    ends = [i for i in range(body_from, stop) if lines[i].rstrip().endswith("./.")]
    start = ends[-1] + 1 if ends else stop
    while start > body_from and is_signature_line(lines[start - 1]):
        start -= 1
    return start


def _header_lines(lines: list[str], title_index: int | None, title_end: int = 0) -> list[str]:
    """Lines before the title (or before the body when there is no title); a web page's post title heading the text
    above a header (the motto, "Số …" below it): the header block under it."""
    if title_index is not None:
        if title_index or not any(map(is_header_mark, lines[title_end : title_end + 12])):
            return lines[:title_index]
        return _header_block(lines[title_end:])
    return _header_block(lines)


def _header_block(lines: list[str]) -> list[str]:
    """The header block of lines with no title found: the few lines around the motto or "Số: …", below a web
    page's chrome, up to the body."""
    start = next((i for i, line in enumerate(lines[:80]) if is_header_mark(line)), 0)
    start = max(start - HEADER_LINES_ABOVE, 0) if start >= 15 else 0
    out: list[str] = []
    for line in lines[start : start + 15]:
        if BODY_START_RE.match(line) or HEADING_START_RE.match(line):
            break
        out.append(line)
    return out


def _naming_lines(header: list[str]) -> list[str]:
    """The header lines that may name the issuer: those above the "<Place>, ngày …" line when the number is above
    it too, or when names in capitals are above it and no number anywhere; a line below is a title whose kind heading
    the page dropped."""
    unnumbered = not any(NUMBER_LINE_RE.match(line) for line in header)
    for i, line in enumerate(header):
        if PLACE_DATE_RE.search(line.strip(" |")) and (
            any(NUMBER_LINE_RE.match(above) for above in header[:i])
            or (unnumbered and any(is_allcaps(above) and not MOTTO_RE.search(above) for above in header[:i]))
        ):
            return header[: i + 1]
    return header


def _fill_from_metadata(plan: ParsedPlan, lines: list[str]) -> None:
    """What the header did not give, from a legal-document site's metadata lines ("Số hiệu: …")."""
    meta = parse_metadata(lines)
    number = meta.get("so hieu") or meta.get("van ban so", "")
    if plan.number is None and NUMBER_VALUE_RE.fullmatch(number):
        plan.number = normalise_number(number)
    if plan.issue_date is None and (dates := find_dates(meta.get("ngay ban hanh") or meta.get("ngay", ""))):
        plan.issue_date = dates[0][0]
    if plan.issuing_body is None and meta.get("co quan ban hanh"):
        plan.issuing_body = meta["co quan ban hanh"]
    if plan.document_kind is None and (kind := match_kind(meta.get("loai van ban", ""))) and not kind[2]:
        plan.document_kind = kind[0]


#: A document site's page marker glued to the first line: "Trang 1THỦ TƯỚNG".
PAGE_MARKER_RE = re.compile(r"^Trang\s+\d{1,3}(?=[A-ZĐÀ-Ỹ*])", re.MULTILINE)
#: "ngày 01 thỏng 10 năm 2017": a "tháng" from an old font's table.
OLD_FONT_MONTH_RE = re.compile(r"(?<=\d)(\s+)thỏng(?=\s+\d)")
GLUED_DATE_RE = re.compile(r"(?<=[A-ZĐ0-9)])(ngày)(?=\s*\d)")
#: "n cứ Luật …", "ăn cứ Nghị định …": a copy that lost the first letters of a line's "Căn cứ".
LOST_VERB_RE = re.compile(r"^([ \t]*)(?:ă|Ă)?n cứ(?= )", re.MULTILINE)
#: "Căn cNghị định s 34/…": a copy that lost the "ứ " of "Căn cứ" (and the "ố" of "số", read by parse_reference).
LOST_LETTERS_VERB_RE = re.compile(r"^([ \t]*[-+•]?\s*)Căn c(?=[A-ZĐ])", re.MULTILINE)
#: "Căncứ Nghị định …", "Thựchiện Kế hoạch …": a copy that lost the space inside the verb.
GLUED_VERB_RE = re.compile(r"^([ \t]*[-+•]?\s*)(Căn|Thực)(cứ|hiện)(?=\s)", re.MULTILINE)
#: A basis verb damaged by the copy, and how it is written again (in this order).
VERB_REPAIRS = (
    (GLUED_VERB_RE, r"\1\2 \3"),
    (LOST_VERB_RE, r"\1Căn cứ"),
    (LOST_LETTERS_VERB_RE, r"\1Căn cứ "),
)


#: "Nghịđịnh", "Kếhoạch": a document kind whose words lost the space between them.
_GLUED_KIND_RE = re.compile(
    "|".join(
        rf"(?<!\w){''.join(f'({re.escape(word)})' for word in kind.split())}(?!\w)" for kind in DOC_TYPES if " " in kind
    ),
    re.IGNORECASE,
)
#: "ngày 27/4/2012và Nghị định …": a full date glued to the word after it.
_GLUED_AFTER_DATE_RE = re.compile(r"(?<![\d/])(\d{1,2}/\d{1,2}/\d{4})(?=[^\W\d_])")
#: "Quyết địnhsố 2216/QĐ-BTP": a kind glued to the number's "số".
_GLUED_NUMBER_WORD_RE = re.compile(rf"(?<!\w)({CAPITALISED_TYPE})({loose('số')})(?=\s*:?\s*\d)", re.IGNORECASE)
#: A basis sentence, its verb perhaps glued to what follows ("Căn cứQuyết định …").
_BASIS_LINE_RE = re.compile(r"^[ \t]*[-+•]?\s*(?:Căn\s*cứ|Thực\s*hiện|Theo|Triển\s*khai)", re.MULTILINE)
_LETTERS_RE = re.compile(r"[^\W\d_]{3,}")


def _split_capitalised(word: str) -> str:
    """ "LuậtTổ" -> "Luật Tổ": a capital after a small letter starts a word (no Vietnamese word has one inside)."""
    pieces = [word[0]]
    for before, letter, after in zip(word, word[1:], word[2:] + " ", strict=False):
        if before.islower() and letter.isupper() and after.islower():
            pieces.append(" ")
        pieces.append(letter)
    return "".join(pieces)


def unglue_basis(text: str) -> str:
    """Put back the spaces a copy lost inside document kinds ("Nghịđịnh số …"), after a date ("27/4/2012và"), before
    a number ("Quyết địnhsố 2216/…"), after a kind ("Hiến phápnước"), and
    between the words of basis sentences where a capital shows them ("Căn cứ LuậtTổ chức …", "Căn cứQuyết định …")."""
    text = _GLUED_KIND_RE.sub(lambda match: " ".join(group for group in match.groups() if group), text)
    text = _GLUED_AFTER_DATE_RE.sub(r"\1 ", text)
    text = _GLUED_NUMBER_WORD_RE.sub(r"\1 \2", text)
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _BASIS_LINE_RE.match(line):
            line = _KIND_THEN_WORD_RE.sub(_kind_apart, line)
            lines[index] = _LETTERS_RE.sub(lambda match: _split_capitalised(match.group()), line)
    return "\n".join(lines)


#: A kind with the next word glued to it: "Hiến phápnước", "Công vănsố".
_KIND_THEN_WORD_RE = re.compile(rf"(?<!\w)({CAPITALISED_TYPE})([^\W\d_]+)")


def _kind_apart(match: re.Match) -> str:
    """ "Hiến phápnước" -> "Hiến pháp nước" when the kind's last word and what follows make no syllable together."""
    kind, rest = match.groups()
    if is_valid_syllable(kind.split()[-1] + rest) or not is_valid_syllable(rest):
        return match.group()
    return f"{kind} {rest}"


_LOST_HEADING_SUBJECT_RE = re.compile(rf"^(?:{loose('BAN HÀNH')}|{loose('VỀ VIỆC')}|{loose('PHÊ DUYỆT')})\s")


#: The sentence by which a body issues the text itself, in its opening: "… xây dựng Kế hoạch <subject>, cụ thể như sau:".
_OWN_DOCUMENT_RE = re.compile(
    rf"\b(?:xây dựng|ban hành|triển khai)\s+(?P<kind>{'|'.join(KINDS)})\s+(?P<subject>[a-zđà-ỹ][^:;]{{10,300}}?)"
    rf"[\s,]*(?:(?:cụ thể|với (?:các )?nội dung(?: cụ thể)?)\s+)?như sau\s*:"
)


def _title_below_date(header: list[str], text: str) -> str | None:
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


def _subject_under_lost_heading(header: list[str], kind: str, text: str) -> str | None:
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


#: "I. CĂN CỨ LẬP KẾ HOẠCH", "1. Căn cứ pháp lý", "CƠ SỞ PHÁP LÝ": a section listing the basis.
_BASIS_HEADING_RE = re.compile(
    rf"^(?:[IVXL]+\.|\d{{1,2}}\.)\s*(?:{loose('căn cứ')}|{loose('cơ sở pháp lý')})\b\S*", re.IGNORECASE
)
_ITEM_MARK_RE = re.compile(r"\s+[-+•]\s+")
_ITEM_START_RE = re.compile(r"^(?:[-+•]\s*|\d{1,2}[.)]\s+|[a-zđ]\)\s+)")


#: Where an item of a basis section starts inside a line that lost its breaks: a sentence's end, then a kind and "số".
_LISTED_ITEM_RE = re.compile(rf"(?<=[.;])\s+(?=(?:{CAPITALISED_TYPE})\s+{loose('số')}\b)")


def _basis_section(body: list[str], first_heading: int) -> list[str]:
    """The items of a basis section among the first headings ("I. CĂN CỨ …" then "- Quyết định số …;", "1. Thông tư
    …"), each as a "Căn cứ …" line (a line that goes on with the item above stays as it is); an item may follow the
    heading on its line. The section ends at the next heading that names no document."""
    headings = [i for i in range(first_heading, len(body)) if HEADING_START_RE.match(body[i])][:3]
    start = next((i for i in headings if _BASIS_HEADING_RE.match(body[i])), None)
    if start is None:
        return []
    items = [_as_cited(item) for item in _ITEM_MARK_RE.split(body[start], maxsplit=1)[1:]]
    for line in body[start + 1 :]:
        if _BASIS_HEADING_RE.match(line) or (not items and is_allcaps(line)):
            continue  # a sub-heading, or the heading's second line ("KẾ HOẠCH")
        item = _ITEM_START_RE.match(line)
        text = line[item.end() :] if item else line
        if HEADING_START_RE.match(line) and parse_reference(_as_cited(text)) is None:
            break  # "II. MỤC ĐÍCH", "2. Yêu cầu"
        first, *more = _LISTED_ITEM_RE.split(text)  # items run into one line: "… Mầm non. Chỉ thị số 800/…"
        items.append(_as_cited(first) if item or not items else first)
        items += map(_as_cited, more)
    return items


#: A number left blank for the signature ("Số:    /KH-TMN", "Số:  - CTr/ĐTN"): its code still says the kind.
_BLANK_NUMBER_RE = re.compile(rf"^{loose('Số')}\s*:\s*[-/]\s*([A-ZĐ][\w&]*(?:\s*[-/]\s*[\w&]+)*)", re.MULTILINE)
_NUMBERED_BASIS_RE = re.compile(rf"^\d{{1,2}}[.)]\s+(?=(?:{loose('Căn cứ')}|{loose('Thực hiện')})\s)")


def _numbered_basis(body: list[str], first_heading: int) -> list[str]:
    """A letter with no preamble whose first numbered item gives its basis ("1. Căn cứ nội dung chỉ đạo của UBND
    tỉnh tại Công văn số …; các cơ quan … triển khai …"): that item."""
    if first_heading < len(body) and (number := _NUMBERED_BASIS_RE.match(body[first_heading])):
        return [body[first_heading][number.end() :]]
    return []


_LISTED_REFERENCE_RE = re.compile(rf"^[-+•]\s*(?=(?:{CAPITALISED_TYPE})\s)")


def _listed_basis(preamble: list[str]) -> list[str]:
    """A preamble that lists its basis with no "Căn cứ" ("- Luật Công nghệ thông tin ngày …;" then "- Nghị quyết số
    …;"): the first run of at least two such items, each as a "Căn cứ …" line."""
    run: list[str] = []
    for line in preamble:
        item = _LISTED_REFERENCE_RE.match(line)
        if item and parse_reference(_as_cited(line[item.end() :])) is not None:
            run.append(_as_cited(line[item.end() :]))
        elif len(run) >= 2:
            break
        else:
            run = []
    return run if len(run) >= 2 else []


def _as_cited(item: str) -> str:
    return item if BASIS_VERB_RE.match(item) else f"Căn cứ {item}"


def parse_plan(text: str) -> ParsedPlan:
    """Extract metadata, sections, assignments, recipients and signer from a plan's text.

    Plans, guidelines, programmes, letters and decisions of any body: the kind is read from the heading
    ("KẾ HOẠCH", "HƯỚNG DẪN", "QUYẾT ĐỊNH"…, a letter's "V/v" line) into ``document_kind``.
    """
    text = OLD_FONT_MONTH_RE.sub(r"\1tháng", ESCAPED_BREAK_RE.sub("\n", PAGE_MARKER_RE.sub("", text)))
    text = HTML_INLINE_RE.sub("", HTML_BLOCK_RE.sub("\n", WORD_DRAWING_RE.sub("", text)))
    for damaged, written in VERB_REPAIRS:
        text = damaged.sub(written, text)
    repaired = unglue_basis(GLUED_DATE_RE.sub(r" \1", repair_vietnamese(text)))  # "70-TB/TWngày 06" -> "… ngày 06"
    lines = _split_lines(repaired)
    plan = ParsedPlan()
    warn = plan.warnings.append
    title_index, plan.title, body_from, plan.document_kind = find_title(lines)
    header = _header_lines(lines, title_index, body_from)
    header_text = "\n".join(header)
    first_lines = "\n".join(lines[:15])
    plan.number = (
        parse_number(header_text)
        or parse_number(first_lines)
        or parse_number("\n".join(lines[: (title_index or 0) + 1][:3]), True)  # a page's headline: "Công văn số …"
    )
    plan.place, plan.issue_date = parse_place_date(header_text)
    if plan.issue_date is None:
        place, plan.issue_date = parse_place_date(first_lines)
        plan.place = plan.place or place
    if plan.issue_date is None:  # a letter's date line flattened below its "V/v" subject
        place, plan.issue_date = parse_place_date("\n".join(lines[body_from : body_from + 4]))
        plan.place = plan.place or place
    raw_place, raw_date = parse_place_date("\n".join(_rejoin_wrapped_header(strip_markdown(text).splitlines()[:60])))
    if plan.place and raw_place and raw_date == plan.issue_date and plan.place.endswith(" " + raw_place):
        plan.place = raw_place  # the columns of the original keep a school's name out of the place
    plan.published_date = parse_published(lines[body_from : body_from + 3] + lines[:3])

    closing = _closing_start(lines, body_from)
    body = [
        line
        for line in lines[body_from:closing]
        if not PUBLISHED_RE.match(line) and not NUMBER_RE.match(line) and not PLACE_DATE_RE.fullmatch(line)
    ]
    first_heading = next((i for i, line in enumerate(body) if HEADING_START_RE.match(line)), len(body))
    preamble = body[:first_heading]
    plan.basis = (
        parse_basis(preamble)
        or parse_basis(_basis_section(body, first_heading))
        or parse_basis(_numbered_basis(body, first_heading))
        or parse_basis(_listed_basis(preamble))
    )
    plan.basis = date_cited_elsewhere(plan.basis, repaired)
    below_header = "\n".join(lines[len(header) :])
    body_name = header_body_name(_naming_lines(header), below_header)
    if body_name:  # a name read from capitals takes the case the text writes it in ("Đại học Bách khoa Hà Nội")
        body_name = restore_case(body_name, below_header)
        body_name = body_name[:1].upper() + body_name[1:]
    plan.issuing_body = expand_locality(body_name, repaired) if body_name else opening_body_name(preamble, repaired)
    plan.issuing_body = complete_bare_body(plan.issuing_body, repaired, plan.place)
    _fill_from_metadata(plan, lines)
    number, date, issuer = attached_to(lines)  # a regulation: the number, date and issuer of its decision
    plan.number, plan.issue_date = plan.number or number, plan.issue_date or date
    lead = None if plan.number else next(filter(None, map(_NEWS_LEAD_RE.match, body[:3])), None)
    if lead:  # a post without the header: "Ngày 25/3/2020, Sở Tư pháp ban hành Văn bản số 473/STP-PBGDPL …"
        plan.number = normalise_number(lead.group("number"))
        plan.issue_date = plan.issue_date or make_date(*lead.group(1, 2, 3))
        if plan.document_kind in (None, "Phát động"):  # a post titled "Phát động phong trào …" reports a plan
            plan.document_kind = lead.group("kind")
    if plan.issuing_body is None and (authority := issuer or authority_line(lines)):
        plan.issuing_body = restore_case(authority.lower(), repaired) if is_allcaps(authority) else authority
        plan.issuing_body = plan.issuing_body[:1].upper() + plan.issuing_body[1:]
    plan.document_kind = plan.document_kind or kind_from_number(plan.number)
    if plan.document_kind is None and (blank := _BLANK_NUMBER_RE.search("\n".join(lines[:40]))):
        plan.document_kind = kind_from_number(f"0/{blank.group(1)}")  # "Số:    - CTr/ĐTN": a draft, its kind coded
    if plan.title is None and plan.document_kind:
        plan.title = _subject_under_lost_heading(header, plan.document_kind, repaired)
    if plan.title is None:
        plan.title = _title_below_date(header, repaired)
    if plan.title is None and (own := _OWN_DOCUMENT_RE.search(" ".join(body[:8]))):
        # a post that lost its heading: "Sở … xây dựng Kế hoạch tổ chức Ngày hội … năm 2023, cụ thể như sau:"
        plan.document_kind = plan.document_kind or own.group("kind")
        if plan.document_kind == own.group("kind"):
            plan.title = f"{own.group('kind')} {own.group('subject').strip(' ,')}"
    fallback_year = (plan.issue_date or plan.published_date).year if (plan.issue_date or plan.published_date) else None
    plan.period_start, plan.period_end = parse_period(plan.title, fallback_year)
    plan.sections = parse_blocks(body)
    assignments = parse_assignments(plan.sections, plan.period_start or fallback_year)
    plan.assignments = assignments or []
    recipients, plan.signer_title, plan.signer_name = parse_closing(lines[closing:])
    plan.recipients = recipients or []
    plan.movements = parse_movements("\n".join([plan.title or "", *body]))  # the title names the one it launches

    if plan.title is None:
        warn(_("No title found (a heading such as “KẾ HOẠCH” or “QUYẾT ĐỊNH”)."))
    if plan.number is None:
        warn(_("No document number found (Số: …)."))
    if plan.issue_date is None:
        warn(_("No date of issue found (…, ngày … tháng … năm …)."))
    if plan.place is None:
        warn(_("No place of issue found."))
    if plan.issuing_body is None:
        warn(_("The issuing body could not be determined."))
    if plan.period_start is None:
        warn(_("The period the plan covers could not be determined (a year or a span of years)."))
    if not plan.basis:
        warn(_("No legal basis found (Thực hiện/Căn cứ …)."))
    if assignments is None:
        warn(_("No “TỔ CHỨC THỰC HIỆN” section found."))
    elif not assignments:
        warn(_("The “TỔ CHỨC THỰC HIỆN” section assigns no task to any unit."))
    if recipients is None:
        warn(_("No “Nơi nhận” list found."))
    if plan.signer_title is None:
        warn(_("No signer’s title found."))
    if plan.signer_name is None:
        warn(_("No signer’s name found."))
    quality = text_quality(repaired)
    if quality.is_suspect:
        warn(
            _("The text may have a font or encoding fault (%(ratio)s of words valid); check its content.")
            % {"ratio": f"{quality.ratio:.0%}"}
        )
    return plan

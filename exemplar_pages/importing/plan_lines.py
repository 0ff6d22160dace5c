"""A plan's text made readable line by line: what a copy of a web page, a PDF or an old font did to it undone.

`clean_markup` and `repair_text` undo what the copy added or lost (line breaks escaped or made HTML, a page
marker, an old font's "thỏng", a damaged "Căn cứ", kinds and dates glued to the next word); `split_lines`
cuts the text into lines, the header's wrapped and letter-spaced lines made whole and a site's chrome cut off.
"""

from __future__ import annotations

import re
from itertools import product

from cms.vietnamese import is_valid_syllable, repair_vietnamese

from .plan_header import join_metadata_labels, split_flattened, split_run_on_header
from .plan_patterns import CAPITALISED_TYPE, MOTTO_LINE_RE, MOTTO_RE, NUMBER_LINE_RE, REPUBLIC, match_kind
from .plan_text import DOC_NUMBER, DOC_TYPES, fold, is_allcaps, loose, strip_markdown

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

_REPUBLIC_START_RE = re.compile(rf"^{REPUBLIC}", re.I)
_REPUBLIC_ANYWHERE_RE = re.compile(REPUBLIC, re.I)
#: The Republic's name begun at a line's end and cut by the page's wrap: "… CỘNG", "… CỘNG HÒA", "… CỘNG HÒA XÃ HỘI".
_REPUBLIC_CUT_RE = re.compile(
    rf"\s{loose('CỘNG')}(?:\s+{loose('HÒA')}(?:\s+{loose('XÃ')}(?:\s+{loose('HỘI')}(?:\s+\w+)?)?)?)?$"
)
#: A number, then a place's first word the page wrapped away from the rest: "Số: 126/KH-BV Quỳnh".
_NUMBER_THEN_PLACE_RE = re.compile(rf"{loose('Số')}\s*:?\s*\d+\s*/\s*\S+\s+[A-ZĐÀ-Ỹ][^\W\d_]*$")


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


def rejoin_wrapped_header(lines: list[str]) -> list[str]:
    """A page that wraps its header cells at a narrow width ("CỘNG / HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Hà / Nội, ngày …", "Số:" / "10/2011/TT-TTCP"): the motto, the place line and the number made whole again."""
    out: list[str] = []
    for line in lines:
        if out:
            above, below = out[-1].strip(), line.strip()
            joined = f"{above} {below}"
            # "CỘNG / HÒA XÃ HỘI …", "ĐẢNG CỘNG SẢN" over "VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ" over "NGHĨA VIỆT NAM"
            wrapped_motto = (
                (
                    len(above.split()) <= 4
                    and _REPUBLIC_START_RE.match(joined)
                    and not _REPUBLIC_START_RE.match(above)
                    and not _REPUBLIC_START_RE.match(below)
                )
                or (
                    (MOTTO_LINE_RE.match(joined) or MOTTO_RE.fullmatch(joined))
                    and not (MOTTO_LINE_RE.match(above) or MOTTO_RE.fullmatch(above))
                )
                # "… CHỦ NGHĨA" over "VIỆT NAM", an OCR's "… CHU NGHIA VIET" over "NAM"
                or (
                    bool(_REPUBLIC_START_RE.match(above) and MOTTO_RE.fullmatch(above))
                    and (fold(below) == "viet nam" or (fold(below) == "nam" and fold(above).endswith(" viet")))
                )
            )
            wrapped_number = _NUMBER_LABEL_RE.match(above) and NUMBER_VALUE_RE.match(below)
            # "ỦY" over "BAN NHÂN DÂN TỈNH …": a body's first word, which names nothing alone
            wrapped_name = fold(above) in ("uy", "hoi", "uy ban", "hoi dong") and is_allcaps(joined)
            # "Hà Nội, ngày 03" over "tháng 12 năm 2025"; "QUYẾT" over "ĐỊNH"
            wrapped_date = _DATE_HEAD_RE.search(above) and _DATE_TAIL_RE.match(below)
            wrapped_kind = (
                len(above.split()) == 1 and is_allcaps(joined) and (kind := match_kind(joined)) and not kind[2]
            )
            # a whole header run together into one paragraph, which the page wrapped anywhere: "… HUYỆN QUỲNH LƯU CỘNG
            # HÒA XÃ" over "HỘI CHỦ NGHĨA VIỆT NAM …", "Số: 126/KH-BV Quỳnh" over "Lưu, ngày 02 tháng 3 năm 2023"
            run_on = (
                len(above.split()) >= 4
                and bool(_REPUBLIC_CUT_RE.search(above))
                and not _REPUBLIC_ANYWHERE_RE.search(above)
                and bool(_REPUBLIC_ANYWHERE_RE.search(joined))
            ) or (bool(_NUMBER_THEN_PLACE_RE.search(above)) and bool(_PLACE_TAIL_RE.match(below)))
            if (
                wrapped_motto
                or run_on
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


def split_lines(text: str) -> list[str]:
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
    lines = rejoin_wrapped_header(join_metadata_labels([line for line in lines if line]))
    for i, line in enumerate(lines):
        if CHROME_RE.match(line):
            return lines[:i]
    return lines


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
    text = _GLUED_ITEM_RE.sub(r"\1\n\2 ", text)  # "Căn cứ pháp lý:+ Luật …;+ Nghị định …": a line per item
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _BASIS_LINE_RE.match(line):
            line = _KIND_THEN_WORD_RE.sub(_kind_apart, line)
            lines[index] = _LETTERS_RE.sub(lambda match: _split_capitalised(match.group()), line)
    return "\n".join(lines)


#: A basis item's mark run on after the item before, its line break lost ("…;+ Nghị định số …", ":- Luật …").
_GLUED_ITEM_RE = re.compile(rf"([:;])[ \t]*([+•-])[ \t]*(?=(?:{CAPITALISED_TYPE})\s)")
#: A kind with the next word glued to it: "Hiến phápnước", "Công vănsố".
_KIND_THEN_WORD_RE = re.compile(rf"(?<!\w)({CAPITALISED_TYPE})([^\W\d_]+)")


def _kind_apart(match: re.Match) -> str:
    """ "Hiến phápnước" -> "Hiến pháp nước" when the kind's last word and what follows make no syllable together."""
    kind, rest = match.groups()
    if is_valid_syllable(kind.split()[-1] + rest) or not is_valid_syllable(rest):
        return match.group()
    return f"{kind} {rest}"


#: Pictographs a text pasted from a chat opens its lines with, and their joiners.
_LEADING_EMOJI_RE = re.compile(
    r"^[ \t]*(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+[ \t]*)+", re.M
)


#: A chat message's time and sender opening a line ("[10/02/2026 07:53] Trần Thị Duyên (TCHC): CÔNG TY …",
#: "[08:07, 15/01/2026] Văn thư - Hằng: …"): the message's text follows.
_CHAT_SENDER_RE = re.compile(r"^[ \t]*\[[\d/:,. ]{4,25}\][ \t]*[^:\n\[\]]{1,60}?:[ \t]*", re.M)


def clean_markup(text: str) -> str:
    """The text without what its copy added (escaped or HTML line breaks, page markers, drawings' labels), an old
    font's "thỏng" and a damaged "Căn cứ" written again."""
    text = OLD_FONT_MONTH_RE.sub(r"\1tháng", ESCAPED_BREAK_RE.sub("\n", PAGE_MARKER_RE.sub("", text)))
    text = HTML_INLINE_RE.sub("", HTML_BLOCK_RE.sub("\n", WORD_DRAWING_RE.sub("", text)))
    text = _LEADING_EMOJI_RE.sub("", _CHAT_SENDER_RE.sub("", text))  # a chat's senders, its bullets ("📌 KẾ HOẠCH")
    for damaged, written in VERB_REPAIRS:
        text = damaged.sub(written, text)
    return text


#: An OCR's zero for the letter O in a word in capitals ("KẾ H0ẠCH", "CHỮ THẬP Đ0", "CỘNG H0À"): after a capital,
#: before a capital, a space or the line's end.
_OCR_ZERO_RE = re.compile(r"(?<=[^\W\d_])0(?=[^\W\d_]|[ \t]|$)")


def _ocr_zeros(line: str) -> str:
    if "0" not in line or not is_allcaps(line):
        return line
    return _OCR_ZERO_RE.sub(
        lambda m: "O" if line[m.start() - 1].isupper() and not line[m.end() : m.end() + 1].islower() else "0", line
    )


#: A day or a month an OCR read with a letter for a digit ("ngay l5 thang 6", "l0/3/2026", "thang O3"): one digit at
#: least, and "l", "I" or "O" beside it, where only a number can stand.
_OCR_DAY_RES = (
    re.compile(rf"\b(?i:{loose('ngày')}|{loose('tháng')}) (?P<day>(?=[lIO]?\d)[\dlIO]{{2}})(?=\s|,|$)"),
    re.compile(r"(?<![\w/])(?P<day>(?=[lIO]?\d)[\dlIO]{2})(?=\s?[/.-]\s?\d{1,2}\s?[/.-]\s?(?:19|20)\d\d\b)"),
)
_OCR_DIGITS = str.maketrans("lIO", "110")
#: An OCR's "l" or "1" for a letter "I" among capitals ("BAN CHl HUY", "H1EN"), its "l" for a "1" in a number
#: ("QHl5"), its "1" for an "l" before a vowel ("Đoc 1ap").
_OCR_CAPITAL_I_RE = re.compile(r"(?<=[A-ZĐ]{2})l(?=[A-ZĐ]|\b)|(?<=[A-ZĐ])1(?=[A-ZĐ])")
_OCR_NUMBER_ONE_RE = re.compile(r"(?<=/QH)[lI](?=\d)|(?<=\d)[lI](?=\d)")
_OCR_LETTER_L_RE = re.compile(r"(?<![\w/.-])1(?=[aeiouy][a-z])")
#: A number's label an OCR read with a zero: "S0: 07/KH-HKL".
_OCR_NUMBER_LABEL_RE = re.compile(r"(?<!\w)S0(?=\s*:\s*[\dlIO])")
#: A number's digits after its label, or a date's day and month, an OCR read with "O", "l" or "I": "Số: O4/KH-NTLH",
#: "ngay O5/0l/2026" (each a digit at least).
_OCR_NUMBER_DIGITS_RE = re.compile(r"(?<=\b[Ss][ốoô0]:)(\s*)((?=[lIO]?\d)[\dlIO]{1,4})(?=\s*/)")
_OCR_DATE_DIGITS_RE = re.compile(
    r"(?<![\w/])((?=[lIO]?\d)[\dlIO]{1,2})(\s?[/.-]\s?)((?=[lIO]?\d)[\dlIO]{1,2})(\s?[/.-]\s?(?:19|20)\d\d\b)"
)


def _ocr_digits(text: str) -> str:
    text = _OCR_NUMBER_DIGITS_RE.sub(lambda m: m[1] + m[2].translate(_OCR_DIGITS), text)
    return _OCR_DATE_DIGITS_RE.sub(
        lambda m: m[1].translate(_OCR_DIGITS) + m[2] + m[3].translate(_OCR_DIGITS) + m[4], text
    )


#: A word a PDF's text layer breaks at a line's end ("… “Dâ" over "n vận khéo”", "thực hiện t" over "ốt"), and a
#: number's code ("268-KH/BDVT" over "U, ngày …"); not a list's mark after it ("thôn" over "g) …").
_BROKEN_WORD_RE = re.compile(r"(\w+)\n[ \t]*(\w+)(?![).\w])")
#: A syllable a text layer hyphenated at a line's end ("Bảo đảm an to-" over "àn hàng hải").
_HYPHENATED_WORD_RE = re.compile(r"(\w+)-\n[ \t]*([a-zđà-ỹ]\w*)")
_BROKEN_CODE_RE = re.compile(r"(\d+[-/][\w/-]*/[A-ZĐ]+)\n[ \t]*([A-ZĐ]{1,3})(?=[,;]|\s+(?:ngày|ngay)\b)")


#: A number's year broken at a line's end ("Nghị định số 98/202" over "3/NĐ-CP ngày …").
#: A year a text layer broke in two after "năm": "năm 20 26".
_SPLIT_YEAR_RE = re.compile(rf"(?<=\b{loose('năm')} )((?:19|20)) (\d{{2}})\b")
_BROKEN_YEAR_RE = re.compile(r"(\b\d{1,5}/((?:1|2)\d{0,2}))\n[ \t]*((\d{1,3})/[A-ZĐ])")


#: A number's first digits broken at a line's end ("Nghị định số 9" over "8/2023/NĐ-CP ngày …").
_BROKEN_NUMBER_START_RE = re.compile(r"(\b(?i:số|so)\s*:?\s*\d{1,3})\n[ \t]*(\d{1,4}/(?:19|20)\d{2}/[A-ZĐ])")
#: A date's year broken at a line's end ("trước ngày 25/11/20" over "23. Tổng kết …").
_BROKEN_DATE_YEAR_RE = re.compile(r"(\b\d{1,2}/\d{1,2}/((?:1|2)\d{0,2}))\n[ \t]*((\d{1,3})(?!\d)(?![/\w]))")


def _rejoined_year(match: re.Match) -> str:
    return match.group(1) + match.group(3) if len(match.group(2) + match.group(4)) == 4 else match.group()


def _rejoined_word(match: re.Match) -> str:
    first, second = match.group(1), match.group(2)
    broken = not (is_valid_syllable(first) and is_valid_syllable(second))
    return first + second if broken and is_valid_syllable(first + second) else match.group()


def _rejoined_syllable(match: re.Match) -> str:
    whole = match.group(1) + match.group(2)
    return whole if not match.group(1).isdigit() and is_valid_syllable(whole) else match.group()


def rejoin_broken_words(text: str) -> str:
    """The words and numbers' codes a text layer broke at line ends, whole again (the line runs on into the next)."""
    text = _HYPHENATED_WORD_RE.sub(_rejoined_syllable, text)
    text = _BROKEN_DATE_YEAR_RE.sub(_rejoined_year, _BROKEN_YEAR_RE.sub(_rejoined_year, text))
    text = _SPLIT_YEAR_RE.sub(r"\1\2", _BROKEN_NUMBER_START_RE.sub(r"\1\2", text))
    return _BROKEN_WORD_RE.sub(_rejoined_word, _BROKEN_CODE_RE.sub(r"\1\2", text))


#: A word an OCR read with "rn" for an "m" ("chào rnừng", "nărn"): no Vietnamese syllable holds "rn".
_OCR_RN_RE = re.compile(r"\b\w*rn\w*\b")


#: The letters an unaccented copy lost the marks of: each, and what it may have been.
_MARKED = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư"}


def _could_be_syllable(word: str) -> bool:
    """A syllable, or one once its vowels get back the marks an unaccented copy lost ("Kiem" of "Kiểm")."""
    if is_valid_syllable(word):
        return True
    if not word.isascii():
        return False
    return any(is_valid_syllable("".join(letters)) for letters in product(*(_MARKED.get(c, c) for c in word.lower())))


def _ocr_m(match: re.Match) -> str:
    word = match.group()
    meant = word.replace("rn", "m")
    return meant if not is_valid_syllable(word) and _could_be_syllable(meant) else word


def repair_text(text: str) -> str:
    """A cleaned text (`clean_markup`) with its encoding repaired and the spaces it lost put back."""
    # "Ð" (Icelandic eth) for "Đ", as some fonts and OCRs give it: "HÐND", "PGDÐT"
    # a word broken at a line's end is mended before the repair takes its pieces for misspelt syllables ("Dâ" | "n")
    text = rejoin_broken_words(repair_vietnamese(rejoin_broken_words(text)).translate({0xD0: 0x110, 0xF0: 0x111}))
    for pattern in _OCR_DAY_RES:
        text = pattern.sub(lambda m: m.group()[: m.start("day") - m.start()] + m["day"].translate(_OCR_DIGITS), text)
    text = _OCR_LETTER_L_RE.sub("l", _OCR_NUMBER_ONE_RE.sub("1", _OCR_CAPITAL_I_RE.sub("I", text)))
    text = _ocr_digits(_OCR_NUMBER_LABEL_RE.sub("So", text))
    text = _OCR_RN_RE.sub(_ocr_m, text)
    text = "\n".join(map(_ocr_zeros, text.split("\n")))
    return unglue_basis(GLUED_DATE_RE.sub(r" \1", text))  # "70-TB/TWngày 06" -> "… ngày 06"

"""Patterns the plan parser's modules share: header cells (mottos, organisations, numbers, places and dates),
document kinds, and the verbs and document types of a legal basis."""

from __future__ import annotations

import re

from .plan_text import (
    DOC_NUMBER,
    DOC_TYPES,
    caps_to_name,
    fold,
    is_allcaps,
    loose,
)

UNION_MOTTO = rf"(?:{loose('ĐOÀN TNCS HỒ CHÍ MINH')}|{loose('ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH')})"


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

#: A sentence opening with the date a body acted: "Ngày 19/3/2020, Ban chấp hành … đã ban hành …".
DATED_LEAD = rf"{loose('Ngày')}\s+(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*(\d{{4}})\s*,\s*(?=[A-ZĐÀ-Ỹ])"
DATED_LEAD_RE = re.compile(DATED_LEAD)

NUMBER_RE = re.compile(  # … and an OCR's "S6" for "Số"
    rf"(?<!\w)(?:{loose('Số', True)}|{loose('SỐ', True)}|S6(?=\s*:))\s*:?\s*({DOC_NUMBER})"
)
NUMBER_LINE_RE = re.compile(rf"^\s*(?:{loose('Số', True)}|{loose('SỐ', True)})(?:\s*:|\s+\d|\s*\d)")
#: A place's words: "Đồng Nai", "Bà Rịa - Vũng Tàu", "Quận 12".
PLACE_PATTERN = r"([^\W\d_]+(?:(?:[ \t]{1,2}|[ \t]?[-–][ \t]?)[^\W\d_]+){0,5}(?:[ \t]\d{1,2})?)"
PLACE_DATE_RE = re.compile(
    PLACE_PATTERN
    # "tháng11": a copy may lose the space after "tháng"
    + rf"\s*,\s*{loose('ngày', True)}\s*(\d{{1,2}})\s*{loose('tháng', True)}\s*(\d{{1,2}})\s*,?\s+{loose('năm', True)}\s*(\d{{4}})",
    re.IGNORECASE,
)
PLACE_BLANK_DATE_RE = re.compile(
    PLACE_PATTERN + rf"\s*,\s*{loose('ngày')}[\s.…_\d]*{loose('tháng')}[\s.…_\d]*{loose('năm')}\s*(?:\d{{4}}|[.…_]+)",
    re.IGNORECASE,
)


#: The Republic's name in the motto, either spelling of "HÒA".
#: "HÒA"/"HOÀ" and a mistyped "HỌI" ("CỘNG HÒA XÃ HỌI CHỦ NGHĨA"): a vowel of either word as typed; "XàHỘI", a
#: Windows code page's reading of "Ã" with the space lost.
REPUBLIC_HEAD = rf"(?:{loose('CỘNG')}|{loose('CÔNG')})\s+H\w{{1,3}}\s+(?:{loose('XÃ')}\s+|X\w(?=H))H\w{{1,2}}I"
#: The motto's second line: "Độc lập - Tự do - Hạnh phúc".
#: "Độc lập", and as an OCR reads its marks ("Đôc lập"), or a repair misreads them again ("Đục lập").
INDEPENDENT = rf"(?:{loose('Độc', True)}|[ĐD]\wc)\s+{loose('lập', True)}"
INDEPENDENCE = rf"{INDEPENDENT}\s*[-–—]\s*{loose('Tự do', True)}\s*[-–—]\s*{loose('Hạnh phúc', True)}"
REPUBLIC = rf"{REPUBLIC_HEAD}\s+CH\w\s+NGH\w{{1,3}}"  # an OCR's "CHU NGHTA" too
MOTTO_RE = re.compile(
    rf"{REPUBLIC}(?:\s+VI\w{{1,2}}T(?:\s*NAM)?)?|{loose('VIỆT NAM DÂN CHỦ CỘNG HÒA')}"  # the state's name to 1976
    rf"|{INDEPENDENCE}"
    r"|[-_=—–.…*¾¯]{3,}|o0o|-oOo-",  # "¾¾¾": a rule in the Symbol font, read as text; "¯¯¯" an overline
    re.IGNORECASE,
)
#: A mass organisation's national name, written in the motto's place by its chapters ("HỘI NÔNG DÂN VIỆT NAM").
NATIONAL_ORGANISATION = (
    rf"(?:{loose('HỘI NÔNG DÂN')}|{loose('HỘI LIÊN HIỆP PHỤ NỮ')}|{loose('HỘI CỰU CHIẾN BINH')}|{loose('CÔNG ĐOÀN')}"
    rf"|{loose('HỘI NGƯỜI CAO TUỔI')})\s+{loose('VIỆT NAM')}"
)
#: Right-hand header lines that are a motto, not the issuer: the Republic's in two pieces, the Party's, the Unions'.
MOTTO_LINE_RE = re.compile(
    rf"^(?:{REPUBLIC_HEAD}|{loose('CHỦ NGHĨA VIỆT NAM')}"
    rf"|{loose('ĐẢNG CỘNG SẢN VIỆT NAM')}|{loose('ĐỘI TNTP HỒ CHÍ MINH')}|{loose('ĐỘI THIẾU NIÊN TIỀN PHONG HỒ CHÍ MINH')}"
    rf"|{UNION_MOTTO})$",
    re.IGNORECASE,
)


#: Kinds of document, as headed in capitals; the first is the default.
KINDS = (
    "Kế hoạch",
    # a joint plan of two bodies, read before the plan its heading begins with
    "Kế hoạch liên tịch",
    "Chương trình phối hợp",
    "Nghị quyết liên tịch",
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
_KIND_KEYS = sorted(((kind, fold(kind).replace(" ", "")) for kind in KINDS), key=lambda pair: -len(pair[1]))
SUBJECT_LINE_RE = re.compile(rf"^\s*(?:{loose('V/v')}|{loose('Về việc')})\s*:?\s*(.+)$", re.IGNORECASE)
SUBJECT_IN_LINE_RE = re.compile(rf"(?:^|\s)(?:V/v|v/v)\s*:?\s*(.+?)(?=\s+{loose('Kính gửi')}|$)", re.IGNORECASE)
PUBLISHED_RE = re.compile(
    r"^(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật|Ngày\s+đăng:?|Đăng\s+ngày:?|Cập\s+nhật:?)\s*[-,:]?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})",
    re.IGNORECASE,
)


BASIS_VERBS = (
    "Nhằm thực hiện tốt",
    "Nhằm thực hiện",
    "Tiếp tục thực hiện",
    "Tiếp tục triển khai",
    "Triển khai thực hiện",
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
    "Thi hành",
)
# and as a font that turned "ô" into "ơ" writes them ("Thơng tư", "CƠNG VĂN"): "thơng" and "cơng" are no words
_DOC_TYPE_SPELLINGS = [*DOC_TYPES, *(d.replace("ô", "ơ") for d in DOC_TYPES if "ô" in d)]
# and as an OCR reads their marks ("Luât", "Quyêt đinh")
DOC_TYPE_PATTERN = "|".join(loose(d, misread=True) for d in sorted(_DOC_TYPE_SPELLINGS, key=len, reverse=True))
CAPITALISED_TYPE = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
# "Căn Quyết định số …": a PDF text layer that lost "cứ"
VERB_PATTERN = (
    "|".join(loose(verb, misread=True) for verb in BASIS_VERBS)  # "Căn cư", "Thưc hiên": an OCR's marks
    + rf"|{loose('Căn')}(?=\s+(?:{loose('vào')}\s+)?(?:{DOC_TYPE_PATTERN})\b)"
)
BODY_START_RE = re.compile(rf"^(?:[-+•]\s*)?(?:{VERB_PATTERN})\s|^[IVX]+\.\s|^{loose('Kính gửi')}", re.IGNORECASE)
#: A basis clause; one joined to the sentence before may lead in with "gắn với việc", "đồng thời" ("…; gắn với việc thực
#: hiện Chỉ thị số 05-CT/TW …").
BASIS_VERB_RE = re.compile(
    rf"^(?:[-+•]\s*)?(?:(?:{loose('gắn với')}|{loose('đồng thời')})\s+(?:{loose('việc')}\s+)?)?({VERB_PATTERN})\s+(.*)$",
    re.DOTALL | re.IGNORECASE,
)
DOC_TYPE_RE = re.compile(
    rf"^(?:{loose('các')}\s+|{loose('nội dung')}\s+|{loose('vào')}\s+|{loose('theo')}\s+"
    rf"|(?:(?:{loose('điểm')}|{loose('khoản')}|{loose('Điều')})\s+\w{{1,4}},?\s+)+"
    # "các Điều 14, 15, 16, 17 trong Nghị định …", "điều 100 của Hiến pháp": articles of the document cited
    rf"|(?:{loose('các')}\s+)?(?:{loose('điểm')}|{loose('khoản')}|{loose('Điều')})\s+\d[\d\s,;và]{{0,30}}?\s+"
    rf"(?:{loose('của')}|{loose('trong')}|{loose('tại')})\s+)?({DOC_TYPE_PATTERN})\b\s*(.*)$",
    re.DOTALL | re.IGNORECASE,
)
#: What a body issues in its own sentence: a kind, or a "Văn bản số …" ("Sở Tư pháp ban hành Văn bản số 473/…").
_KINDS_OBJECT = "|".join(loose(kind) for kind in (*KINDS, "Văn bản"))
OPENING_RE = re.compile(
    rf"^([A-ZĐÀ-Ỹ][^;:]{{2,120}}?)\s+(?:ban hành|xây dựng|triển khai|đề ra|lập|hướng dẫn)\s+(?:{_KINDS_OBJECT})\b",
    re.IGNORECASE,
)


#: The authority line of a decision, between its title and its bases ("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN").
AUTHORITY_RE = re.compile(
    rf"^(?:{loose('ỦY BAN')}|{loose('UỶ BAN')}|{loose('CHỦ TỊCH')}|{loose('THỦ TƯỚNG')}|{loose('BỘ TRƯỞNG')}"
    rf"|{loose('GIÁM ĐỐC')}|{loose('HIỆU TRƯỞNG')}|{loose('BAN THƯỜNG VỤ')}|{loose('BAN CHẤP HÀNH')}"
    rf"|{loose('HỘI ĐỒNG')}|{loose('TRƯỞNG BAN')}|{loose('CHÁNH')}|{loose('THỐNG ĐỐC')}|{loose('VIỆN TRƯỞNG')}"
    rf"|{loose('CỤC TRƯỞNG')}|{loose('TRƯỞNG PHÒNG')}|{loose('TỔNG')}\s+(?:{loose('GIÁM ĐỐC')}|{loose('KIỂM TOÁN')}|{loose('THANH TRA')}"
    rf"|{loose('CỤC TRƯỞNG')}))",
    re.IGNORECASE,
)
#: A full stop, not the dot of an abbreviated unit ("TP. Hồ Chí Minh", "UBND TX. Phước Long", "TT. Sịa").
FULL_STOP = r"(?<!\bTP)(?<!\bTp)(?<!\bTX)(?<!\bTx)(?<!\bTT)\."
HEADING_RE = re.compile(r"^(?:[IVXL]+|\d{1,2}|[a-zđ])[.)]\s")


#: The kind headings in capitals, and the mark of a draft before one ("DỰ THẢO KẾ HOẠCH").
KIND_HEADINGS = "|".join(kind.upper() for kind in sorted(KINDS, key=len, reverse=True))
DRAFT = loose("DỰ THẢO")
_DRAFT_RE = re.compile(rf"^{DRAFT}\s+(?=\S)")


def match_kind(line: str) -> tuple[str, str, str] | None:
    """(kind, kind as written, rest) when a line heads a document: "KẾ HOẠCH …", "K ÉT LUẬN", "Kế hoạch"."""
    text = _DRAFT_RE.sub("", line.strip(" \t|*#:"))  # "DỰ THẢO KẾ HOẠCH": a draft's heading
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


def is_marker(line: str) -> bool:
    """A line of the header block: motto, number, place and date."""
    return is_header_mark(line) or bool(PLACE_DATE_RE.search(line))


def is_body_start(line: str) -> bool:
    """ "Thực hiện …", "Căn cứ …", "I. …": where the body begins (an ALLCAPS title line is not, nor a header line
    holding the motto: "THI HÀNH ÁN DÂN SỰ Độc lập - Tự do - Hạnh phúc", a body's name and the right column's)."""
    text = line.lstrip("-+• ")
    return (
        bool(BODY_START_RE.match(line))
        and not is_allcaps(line[:40])
        and (text[:1].isupper() or text[:1].isdigit())
        and not ((motto := _MOTTO_WORDS_RE.search(line)) and is_allcaps(line[: motto.start()]))
    )


_MOTTO_WORDS_RE = re.compile(rf"{REPUBLIC}|{INDEPENDENCE}", re.IGNORECASE)


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


#: "của" before an issuer ("ngày 03/12/2021của …" too), or as a hurried typist wrote it ("cảu", "cúa").
OF_RE = re.compile(rf"(?<![^\W\d_])(?:{loose('của', True)}|{loose('cảu')})\s+", re.IGNORECASE)  # an OCR's "cùa", "cúa"

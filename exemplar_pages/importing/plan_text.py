"""Shared patterns and helpers for parsing plans: dates, numbers, names, localities."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter

from cms.vietnamese import fold_vietnamese, is_valid_syllable


def loose(text: str, misread: bool = False) -> str:
    """A regex for a Vietnamese phrase that also matches it with every diacritic lost (an OCR without Vietnamese);
    `misread`: also with a marked letter read with other marks ("Sô" for "Số", "nãm" for "năm"), for the few words
    whose place says what they are (the number's label, the words of the date line).

    "ngày" -> "ng[aà]y"; spaces match any run of spaces. Use with re.IGNORECASE for capitals. `misread` also lets a
    text layer's stray space stand inside a word ("ngà y 05 tháng 01").
    """
    out = []
    for at, char in enumerate(text):
        if char.isspace():
            out.append(r"\s+")
            continue
        if misread and at and not text[at - 1].isspace():
            out.append("[ ]?")
        base = fold_vietnamese(char, lower=False)
        if misread and char == "m":  # "nărn" for "năm": an OCR reads "m" as "rn"
            out.append("(?:m|rn)")
            continue
        marked = _MARKED.get(base.lower(), char) if misread else char
        marked = marked.upper() if char.isupper() else marked
        out.append(f"[{marked}{base}]" if base != char else re.escape(char))
    return "".join(out)


#: The letters an OCR may read for a marked letter: its base with any marks.
_MARKED = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}


def fold(text: str | None) -> str:
    """Lower-case ASCII key of a phrase: "Kế  Hoạch" -> "ke hoach"."""
    return " ".join(fold_vietnamese(text or "").split())


# a year broken by a space in a PDF ("16/7/20 21") is read whole
# "Tháng 11 - 12/2025" (two months) is no date: a dash, then a slash
DATE_NUMERIC_RE = re.compile(
    r"(?<![\d/])(\d{1,2})\s*(?:[/.]|-(?!\s*\d{1,2}\s*/))\s*(\d{1,2})\s*[/.-]\s*(\d{4}|(?:19|20) \d{2})(?![\d/])"
)
# the spaces round "tháng" and "năm" may be lost ("ngày 16tháng5 năm 2022"), "tháng" typed with another tone ("thàng")
DATE_WORDS_RE = re.compile(
    rf"{loose('ngày')}\s*(\d{{1,2}})\s*th[aáàảãạ]ng\s*(\d{{1,2}})\s*,?\s*{loose('năm')}\s*(\d{{4}})", re.IGNORECASE
)
DAY_MONTH_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_NUMBER_PART = r"[^\W_][^\W_.]*(?:[.&][^\W_]+)*"
# "93/KH-VP", "225 - KH/TWĐTN-CTTN", "298 KH/TWĐTN" and "179KH/TWĐTN" (its dash lost), "13/HD – ĐCT-TC" (an en dash)
_NUMBER_JOIN = r"(?:\s*[/-]\s*|\s*–\s*(?=[A-ZĐ]{2,}))"
DOC_NUMBER = (
    rf"\d+(?:{_NUMBER_JOIN}{_NUMBER_PART}|\s?(?=[A-ZĐ]{{2,}}[^\s/]*/){_NUMBER_PART})(?:{_NUMBER_JOIN}{_NUMBER_PART})*"
    r"(?:(?<=Vụ) [IVX]{1,4}\b)?"  # "837/BTĐKT-Vụ III": a department's number after its name
    r"(?:(?<=GD) ĐT\b)?"  # "514/CV-PGD ĐT": "Giáo dục" and "Đào tạo" of the code apart
)
DOC_TYPES = (
    "Kế hoạch",
    "Công văn",
    "Chỉ thị",
    "Nghị quyết",
    "Quyết định",
    "Nghị định",
    "Thông tư",
    "Thông tư liên tịch",
    "Nghị quyết liên tịch",
    "Kế hoạch liên tịch",
    "Chương trình liên tịch",
    "Hướng dẫn liên tịch",
    "Luật",
    "Hướng dẫn",
    "Thông báo",
    "Kết luận",
    "Chương trình",
    "Đề án",
    "Chiến lược",
    "Phương án",
    "Báo cáo",
    "Pháp lệnh",
    "Điều lệ",
    "Nghi thức",
    "Quy chế",
    "Quy định",
    "Văn bản hợp nhất",
    "Văn bản",
    "Tờ trình",
    "Công điện",
    "Thông tri",
    "Hiến pháp",
    "Biên bản",
    "Mệnh lệnh",  # the army's: "Mệnh lệnh huấn luyện năm 2026 của Chỉ huy trưởng …"
    "Hiến chương",  # a religious or mass organisation's charter: "Hiến chương Giáo hội Phật giáo Việt Nam"
    "Thông bạch",  # the Buddhist Sangha's circular: "Thông bạch số 320/TB-HĐTS …"
)
#: The kind of a document from the code in its number ("54/KH-UBND"); a number without a code is a letter's.
NUMBER_KINDS = {
    "KH": "Kế hoạch",
    "HD": "Hướng dẫn",
    "CTR": "Chương trình",
    "QĐ": "Quyết định",
    "QD": "Quyết định",
    "KL": "Kết luận",
    "TB": "Thông báo",
    "CT": "Chỉ thị",
    "NQ": "Nghị quyết",
    "BC": "Báo cáo",
    "NĐ": "Nghị định",
    "ND": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "KHLT": "Kế hoạch liên tịch",
    "CTRLT": "Chương trình liên tịch",
    "HDLT": "Hướng dẫn liên tịch",
    "VBHN": "Văn bản hợp nhất",
    "PA": "Phương án",
    "TTR": "Tờ trình",
}
LOCALITY_UNITS = ("thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")
ORG_WORDS = (
    "bộ",
    "sở",
    "phòng",
    "ban",
    "cục",
    "chi cục",
    "trung tâm",
    "trường",
    "hội",
    "đài",
    "viện",
    "bệnh viện",
    "vụ",
    "đoàn",
    "công an",
    "bộ chỉ huy",
    "ban chỉ huy",
)
_UNIT_RE = "|".join(LOCALITY_UNITS)
#: "<unit> <Name>" on one line: "… trong huyện" at a line's end is not "huyện Thực" of "Thực hiện …" below it.
LOCALITY_RE = re.compile(rf"\b({_UNIT_RE})[^\S\n]+([^\W\d_]+(?:[^\S\n]+[^\W\d_]+){{0,3}})")
#: Markdown's bold and italic marks (a lone "*" opening after a space or closing before one: "*Căn cứ Luật …;*", not
#: a footnote's "(*)"), headings and quotes.
MARKDOWN_RE = re.compile(
    # "__" of emphasis only: a rule of underscores under a title ("_________") is left whole
    r"\*\*|(?<!_)__(?=[^\s_])|(?<=[^\s_])__(?!_)|(?:(?<=\s)|^)\*(?=[^\s*])|(?<=[^\s*])\*(?=\s|$|[;,.:])|^#{1,6}\s*|^>\s*",
    re.MULTILINE,
)


def make_date(day: str | int, month: str | int, year: str | int) -> dt.date | None:
    """A date from parts, or None if impossible."""
    try:
        return dt.date(int(str(year).replace(" ", "")), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The first full date in a text ("27/02/2023" or "ngày 5 tháng 3 năm 2024")."""
    found = find_dates(text)
    return found[0][0] if found else None


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """All full dates in a text with their (start, end) offsets, in order."""
    out = []
    for regex in (DATE_NUMERIC_RE, DATE_WORDS_RE):
        for m in regex.finditer(text):
            date = make_date(*m.groups())
            if date:
                out.append((date, m.start(), m.end()))
    return sorted(out, key=lambda item: item[1])


def normalise_number(raw: str) -> str:
    """ "45 /KH-UBND" -> "45/KH-UBND"; "298 KH/TWĐTN" -> "298-KH/TWĐTN"."""
    number = re.sub(r"\s+", "", re.sub(r"^(\d+)\s+(?=[A-ZĐ])", r"\1-", raw.strip())).rstrip(".")
    return re.sub(r"(?<=Vụ)(?=[IVX]{1,4}$)", " ", number)  # "837/BTĐKT-Vụ III"


def kind_from_number(number: str | None) -> str | None:
    """ "54/KH-UBND" -> "Kế hoạch"; "424/SGDĐT-TĐKT" (no kind code) -> "Công văn"."""
    if not number:
        return None
    codes = re.split(r"[/-]", number.upper())[1:]
    if codes[:1] == ["CĐ"] and len(codes) > 1:
        return "Công điện"  # "30/CĐ-UBND"; a trade union's own code ("25/CĐ") is a letter's
    for code in codes:
        if code in NUMBER_KINDS:
            return NUMBER_KINDS[code]
    return "Công văn" if codes else None


def strip_markdown(text: str) -> str:
    """Remove markdown emphasis and heading markers."""
    return MARKDOWN_RE.sub("", text)


def is_allcaps(text: str) -> bool:
    """True if the text has letters and none of them is lowercase."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


_FOLDED_UNITS = {fold(unit): unit for unit in LOCALITY_UNITS}
#: The standing organs of a body, whose name follows: "Ban Thường vụ Hội …", "Ban Chấp hành Đoàn …".
_COMMITTEES = ("thường vụ", "chấp hành", "chủ tịch", "thường trực")
#: Kinds of school or body after which the rest of an ALLCAPS name is its proper name ("TRƯỜNG MẦM NON SƠN CA").
_NAME_AFTER = (
    "mầm non",
    "tiểu học",
    "trung học cơ sở",
    "trung học phổ thông",
    "liên đội",
    "chi đoàn",
    "chi bộ",
    "công ty",
)
#: Phrases written with capitals wherever they stand (official style).
PROPER_PHRASES = (
    "Thủ tướng Chính phủ",
    "Chính phủ",
    "Trung ương",
    "Hồ Chí Minh",
    "Việt Nam",
    "Quốc hội",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành",
    "Đảng Cộng sản",
    "Mặt trận Tổ quốc",
    "Giáo dục và Đào tạo",
    "Thương binh và Xã hội",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Uy ban nhan dan",
    "Hội đồng nhân dân",
    "Tổng Bí thư",
    "Liên đoàn Lao động",
    "Hội Liên hiệp Phụ nữ",
    "Hội Nông dân",
    "Hội Cựu chiến binh",
    "Nam Bộ",  # regions, in a body's name: "Trường Cao đẳng Cơ điện và Nông nghiệp Nam Bộ"
    "Bắc Bộ",
    "Trung Bộ",
    "Tây Nguyên",
    # a ministry's, a department's or an office's name: "Sở Văn hóa, Thể thao và Du lịch" (not the same words in a
    # sentence: "ứng dụng khoa học và công nghệ")
    *(
        f"{organ} {name}"
        for organ in ("Bộ", "Sở", "Phòng")
        for name in (
            "Văn hóa, Thể thao và Du lịch",
            "Khoa học và Công nghệ",
            "Tài nguyên và Môi trường",
            "Nông nghiệp và Môi trường",
            "Nông nghiệp và Phát triển nông thôn",
            "Kế hoạch và Đầu tư",
            "Thông tin và Truyền thông",
            "Văn hóa và Thông tin",
        )
    ),
)
#: Kinds of legal document, capitalised when they name one document: "Quyết định số 13/2018/…", "một số điều
#: của Quy chế …" (also without diacritics, as OCR leaves them).
_DOCUMENT_KINDS = "|".join(
    loose(kind)
    for kind in ("luật", "quy chế", "quy định", "điều lệ", "nghị định", "nghị quyết", "thông tư", "quyết định")
    + ("chỉ thị", "kế hoạch", "hướng dẫn", "công văn")
)
_NAMED_DOCUMENT_RE = re.compile(
    rf"(?<!\w)((?:{loose('điều')}|{loose('khoản')}) {loose('của')} )?({_DOCUMENT_KINDS})(?!\w)(?(1)|(?= {loose('số')} \d))",
    re.IGNORECASE,
)
#: An organ's word before its capitalised name: "sở Giáo dục và Đào tạo" -> "Sở Giáo dục và Đào tạo".
_ORGAN_BEFORE_NAME_RE = re.compile(r"(?<!\w)(?<!cơ )(sở|bộ|cục|chi cục|so|bo|cuc)(?= [A-ZĐÀ-Ỹ])")  # not "cơ sở"


_SCHOOL_ACRONYMS = frozenset({"MN", "MG", "TH", "THCS", "THPT", "PTDTNT", "PTDTBT", "GDTX", "GDNN"})
_ASCII_SYLLABLE_RE = re.compile(
    r"(?:[bcdghklmnpqrstvx]|ch|gh|gi|kh|ng|ngh|nh|ph|qu|th|tr)?[aeiouy]{1,3}(?:[cmnpt]|ch|ng|nh)?"
)


#: A word of a minority language's place or person name: one syllable with a vowel carrying a mark ("KRÔNG", "JÚT",
#: "ĐRẮK"), or letters around an apostrophe ("M'GAR", "H'LEO"); an acronym marks no vowel ("HĐND", "ĐTN").
_MARKED_VOWELS = "àáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_MINORITY_WORD_RE = re.compile(
    rf"[bcdđfghjklmnpqrstvwxz]{{1,3}}[aeiouy{_MARKED_VOWELS}]{{1,3}}[cghkmnpt]{{0,2}}"
    rf"|[a-zđ]{{1,2}}['’][a-zđ{_MARKED_VOWELS}]{{2,6}}",
    re.IGNORECASE,
)


def _minority_word(word: str) -> bool:
    return bool(_MINORITY_WORD_RE.fullmatch(word)) and (
        "'" in word or "’" in word or any(c in _MARKED_VOWELS for c in word.lower())
    )


def is_acronym(word: str) -> bool:
    """ "UBND", "THCS", "19/CT-TTg": not a syllable (a syllable that lost its diacritics, "YEN", is one)."""
    word = word.strip("()[]“”\"',.;:!?…")
    if not word or any(c.isdigit() for c in word):
        return True
    if is_valid_syllable(word):
        return False
    if _minority_word(word):  # "KRÔNG", "JÚT", "M'GAR", "H'LEO": a name's word, no acronym
        return False
    return not (word.isascii() and _ASCII_SYLLABLE_RE.fullmatch(word.lower()))


def _school_kind_start(words: list[str], i: int) -> bool:
    """ "MẦM" of "TRƯỜNG MẦM NON …": the kind of school is written "Mầm non", "Tiểu học", "Trung học cơ sở"."""
    rest = " ".join(w.lower() for w in words[i : i + 4])
    return i > 0 and words[i - 1].lower() == "trường" and rest.startswith(_NAME_AFTER[:4])


def _is_unit(word: str, following: str = "") -> bool:
    """ "huyện", or "huyen" in a text that lost its diacritics; not the "xã" of "xã hội"."""
    lower = word.lower()
    if fold(lower) == "xa" and fold(following.lower()) == "hoi":
        return False
    return lower in LOCALITY_UNITS or (lower.isascii() and lower in _FOLDED_UNITS)


#: The provinces and centrally-run cities (the 63 before the 2025 reform, which kept 34 of their names): a header name
#: ending in one without a unit word ("HỘI LIÊN HIỆP PHỤ NỮ HÀ NỘI") keeps its capitals.
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
    "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip
_PROVINCE_LOCALITIES = [("tỉnh|thành phố", province) for province in PROVINCES]
_TRAILING_PROVINCE_RE = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(p).replace(r"\ \-\ ", r"\s*-\s*").replace(r"\ ", r"\s+") for p in PROVINCES)
    + r")$",
    re.IGNORECASE,
)


def caps_to_name(text: str) -> str:
    """ "ỦY BAN NHÂN DÂN XÃ TÂN PHONG" -> "Ủy ban nhân dân xã Tân Phong" (acronyms kept)."""
    words = text.split()
    out: list[str] = []
    proper = capitalise_next = False
    for i, word in enumerate(words):
        lower = word.lower()
        if is_acronym(word):
            out.append(word)  # acronym or code
            if word in _SCHOOL_ACRONYMS:
                proper = True  # "TRƯỜNG MN SƠN CA": the name follows the kind of school
        elif fold(lower) in ("uy", "doan") and i > 0 and _is_unit(words[i - 1]):
            out.append(lower)  # "Tỉnh ủy", "Huyện ủy", "Tỉnh đoàn"
            if out[-2][:1].islower():
                out[-2] = out[-2][:1].upper() + out[-2][1:]
        elif (
            proper
            or capitalise_next
            or i == 0
            or lower == "trường"
            or _school_kind_start(words, i)
            or (lower == "công" and i + 1 < len(words) and words[i + 1].lower() == "ty")  # "… Công ty TNHH …"
        ):
            out.append(lower[:1].upper() + lower[1:])
        else:
            out.append(lower)
        pair = " ".join(w.lower() for w in words[max(0, i - 1) : i + 1])
        triple = " ".join(w.lower() for w in words[max(0, i - 2) : i + 1])
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        capitalise_next = (
            (i == 0 and lower in ORG_WORDS and f"{lower} {nxt}" != "hội đồng")
            or pair in ("trung tâm", "chi cục", "bệnh viện", "đại học", "học viện", "cao đẳng")  # "Đại học Y Hà Nội"
            or (pair in _COMMITTEES and nxt in ORG_WORDS)  # "Ban Thường vụ Hội Liên hiệp phụ nữ"
            or (lower in ("-", "–") and nxt in ORG_WORDS)  # "Công đoàn – Đoàn Thanh niên"
            or (word in ("BCH", "BTV") and nxt in ORG_WORDS)  # "BCH Hội Nông dân …"
        )
        quad = " ".join(w.lower() for w in words[max(0, i - 3) : i + 1])  # "trung học phổ thông"
        if pair in _NAME_AFTER or triple in _NAME_AFTER or quad in _NAME_AFTER:
            proper = True
        if _is_unit(word, nxt) or pair in LOCALITY_UNITS:
            if f"{lower} {nxt}" not in LOCALITY_UNITS:
                proper = True
    name = _TRAILING_PROVINCE_RE.sub(lambda m: m.group(1).title(), " ".join(out))  # "phụ nữ hà nội"
    return proper_phrases(name)


def proper_phrases(text: str) -> str:
    """Capitals of the phrases that always take them: "thủ tướng chính phủ" -> "Thủ tướng Chính phủ"."""
    for phrase in PROPER_PHRASES:
        if " và " in phrase:  # "Giáo dục & đào tạo", "GIÁO DỤC&ĐÀO TẠO": the conjunction as written
            first, second = phrase.split(" và ")
            pattern = rf"(?<!\w){re.escape(first)}(\s*&\s*| và ){re.escape(second)}(?!\w)"
            text = re.sub(
                pattern, lambda m, a=first, b=second: f"{a} {m.group(1).strip()} {b}", text, flags=re.IGNORECASE
            )
        else:
            text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", phrase, text, flags=re.IGNORECASE)
    text = _NAMED_DOCUMENT_RE.sub(lambda m: (m.group(1) or "") + m.group(2)[:1].upper() + m.group(2)[1:], text)
    text = _ORGAN_BEFORE_NAME_RE.sub(lambda m: m.group(1).capitalize(), text)
    text = re.sub(r"(\d)(?:- | -)(\d)", r"\1-\2", text)  # "2022- 2023": a space lost on one side only
    return re.sub(
        r"(?<!\w)(Hội đồng|Ban|Hoi dong) (thi đua|thi dua)(\s*[-–]\s*)(khen thưởng|khen thuong)(?!\w)",
        lambda m: f"{m.group(1)} {m.group(2).capitalize()}{m.group(3)}{m.group(4).capitalize()}",
        text,
        flags=re.IGNORECASE,
    )


def unglue(word: str, text: str) -> str:
    """ "PHÊDUYỆT" -> "PHÊ DUYỆT": a word that is no syllable but two, the space between them lost. Of several
    ways to cut it, the one the text writes as two words ("THƯNGUYỄN": "thư Nguyễn", not "thưn guyễn"), else none."""
    if not word.isalpha() or not is_acronym(word):
        return word  # a syllable, with or without its diacritics
    cuts = [
        (word[:k], word[k:])
        for k in range(1, len(word))
        if is_valid_syllable(word[:k]) and is_valid_syllable(word[k:]) and fold(word[k:])[:1] not in ("", "u", "i")
    ]
    if len(cuts) != 1:  # the text says which cut it writes, read once and only when needed
        written = " ".join(text.split()).casefold()
        cuts = [cut for cut in cuts if f"{cut[0]} {cut[1]}".casefold() in written]
        if not cuts:  # "MTTQVIỆT": an acronym glued to a syllable, cut where the text writes them apart ("MTTQ Việt")
            cuts = [
                (word[:k], word[k:])
                for k in range(2, len(word) - 1)
                if is_valid_syllable(word[k:]) and f"{word[:k]} {word[k:]}".casefold() in written
            ]
    return " ".join(cuts[0]) if len(cuts) == 1 else word


_ROMAN_RE = re.compile(r"[IVXLC]+")


_OPENING_VERB_RE = re.compile(r"(?:Căn cứ|Thực hiện|Theo|Để|Triển khai|Tiếp tục|Nhằm)\s")


def restore_case(phrase: str, text: str) -> str:
    """Give a lower-cased phrase (an ALLCAPS title) the capitals it has where the text writes it.

    Runs of three or more words found in the text (not at the start of one of its sentences) are copied with
    their case: "của thủ tướng chính phủ về việc" -> "của Thủ tướng Chính phủ về việc"; then the localities
    of the text ("tỉnh Quảng Nam") and the phrases that always take capitals.
    """
    words = phrase.split()
    source = [line for line in text.splitlines() if line.strip() and not is_allcaps(line)]
    body: list[str] = []
    line_starts = set()  # a line opening with a basis verb opens a sentence as after a full stop ("Thực hiện …")
    for line in source:
        if _OPENING_VERB_RE.match(line.strip()):
            line_starts.add(len(body))
        body += line.split()
    keys = [w.casefold() for w in body]
    starts: dict[tuple[str, ...], int] = {}
    for j in range(len(keys) - 2):
        starts.setdefault(tuple(keys[j : j + 3]), j)
    out = list(words)
    i = 0
    while i < len(words) - 2:
        j = starts.get(tuple(w.casefold() for w in words[i : i + 3]))
        if j is None:
            i += 1
            continue
        k = 0
        while i + k < len(words) and j + k < len(body) and words[i + k].casefold() == keys[j + k]:
            sentence_start = j + k == 0 or j + k in line_starts or re.search(r"[.:;!?]$", body[j + k - 1])
            # a word the text writes in capitals ("SỞ", "VÀ"), not an acronym or a numeral ("TP.", "XIII")
            core = body[j + k].strip("()[]“”\"',.;:!?…")
            shouted = len(core) > 1 and core.isupper() and not is_acronym(core) and not _ROMAN_RE.fullmatch(core)
            shouted = shouted and not words[i + k].isupper()
            if not (sentence_start and k == 0) and not shouted:
                out[i + k] = body[j + k]
            k += 1
        i += max(k, 1)
    result = " ".join(out)
    for (unit, name), _count in locality_names(text).items():
        result = re.sub(rf"(?<!\w){unit}\s+{re.escape(name)}(?!\w)", f"{unit} {name}", result, flags=re.IGNORECASE)
    for unit, name in {*_capitalised_localities(text), *_PROVINCE_LOCALITIES}:  # "UBND TỈNH LONG AN": "… tỉnh Long An"
        result = re.sub(rf"(?<!\w)({unit})\s+{re.escape(name)}(?!\w)", rf"\1 {name}", result, flags=re.IGNORECASE)
    result = _ORDINAL_ROMAN_RE.sub(lambda m: m.group(1) + m.group(2).upper(), result)
    return proper_phrases(_COMMON_NOUNS_RE.sub(lambda m: m.group(1) or m.group(2).lower(), result))


#: A Roman numeral after the word it counts ("HỌC KỲ II", "KHÓA XIV", "LẦN THỨ XII") keeps its capitals.
_ORDINAL_ROMAN_RE = re.compile(
    r"(?<!\w)((?:kỳ|kì|khóa|khoá|lần thứ|thứ|quý|đợt|phần|chương|mục|quân khu|giai đoạn|hạng)\s+)"
    r"(l?x{0,3}(?:ix|iv|v?i{1,3}|v)|l?x{1,3}|l)(?!\w)",
    re.IGNORECASE,
)


#: "công tác Thi đua, Khen thưởng" as a text writes it in a title: common nouns, lowered, except in the name of an organ
#: ("Hội đồng Thi đua - Khen thưởng", "Ban Thi đua"), a Law or a congress ("Luật Thi đua, khen thưởng", "Đại hội
#: Thi đua yêu nước").
_COMMON_NOUNS_RE = re.compile(
    r"(?<!\w)((?:Hội đồng|Ban|Viện|Vụ|Phòng|Tiểu ban|Cụm|Khối|Luật|Đại hội)\s+Thi đua(?:\s*[-–,]\s*Khen thưởng|\s+Khen thưởng)?)"
    r"|(?<!\w)(Thi đua|Khen thưởng)(?!\w)"
)


_CAPITALISED_LOCALITY_RE = re.compile(
    rf"(?<!\w)({'|'.join(unit.upper() for unit in LOCALITY_UNITS)})((?:[^\S\n]+[^\W\d_]+){{1,4}})"
)


def _capitalised_localities(text: str) -> list[tuple[str, str]]:
    """ "<UNIT> <NAME>" written in capitals ("UBND HUYỆN BÌNH CHÁNH"), in order: ("huyện", "Bình Chánh")."""
    found = []
    for m in _CAPITALISED_LOCALITY_RE.finditer(text):
        words = list(
            itertools.takewhile(
                # "TỈNH THÁI BÌNH NĂM 2023": a year's word ("NĂM", not "NAM" of "HÀ NAM") is no name's
                lambda w: w.isupper() and fold(w) not in _NOT_NAME_WORDS and w not in ("NĂM", "THÁNG", "NGÀY"),
                m.group(2).split(),
            )
        )
        if words:
            found.append((m.group(1).lower(), " ".join(words).title()))
    return found


#: Capitals after a unit in a header that are not its name: the motto, an organ.
_NOT_NAME_WORDS = {"cong", "doc", "so", "ban", "phong", "uy", "hoi", "doan", "truong", "dang"}


def _is_name_word(word: str) -> bool:
    """A capitalised Vietnamese word such as "Tân" (not an acronym)."""
    return word[:1].isupper() and (len(word) == 1 or not is_allcaps(word)) and not is_acronym(word)


def locality_names(text: str) -> Counter[tuple[str, str]]:
    """Count "<unit> <Proper Name>" mentions such as ("huyện", "Tân Biên")."""
    counts: Counter[tuple[str, str]] = Counter()
    for m in LOCALITY_RE.finditer(text):
        words: list[str] = []
        for word in m.group(2).split():
            if not _is_name_word(word):
                break
            words.append(word)
        if words:
            counts[(m.group(1), " ".join(words))] += 1
    return counts


def expand_locality(name: str, text: str) -> str:
    """Complete a name ending with a bare unit ("UBND huyện") with the locality found in the text; a cooperative's
    "xã" ("Liên minh Hợp tác xã") is no commune."""
    if fold(name).endswith("hop tac xa"):
        return name
    for unit in LOCALITY_UNITS:
        if name.lower().endswith(" " + unit) or name.lower() == unit:
            candidates = [(n, c) for (u, n), c in locality_names(text).items() if u == unit]
            if candidates:
                best = max(candidates, key=lambda item: item[1])[0]
                return f"{name} {best}"
            in_capitals = [n for u, n in _capitalised_localities(text) if u == unit]
            if in_capitals:  # only the header writes it, in capitals: "UBND HUYỆN ĐỒNG PHÚ"
                return f"{name} {in_capitals[0]}"
            break
    return name


def sentence_case(text: str) -> str:
    """Lower-case an ALLCAPS phrase, keeping acronyms."""
    if not is_allcaps(text):
        return text
    # a word's punctuation aside ("TRƯỜNG," is a syllable too)
    words = [w.lower() if is_valid_syllable(w.strip(",.;:!?()“”\"'")) else w for w in text.split()]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def lower_first(text: str) -> str:
    """Lower-case the first word unless it is an acronym or a proper-looking name."""
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and is_valid_syllable(first):
        return first.lower() + text[len(first) :]
    return text

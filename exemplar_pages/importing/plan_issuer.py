"""The issuing body of a plan: from the name cells of its header, or else from its opening sentence."""

from __future__ import annotations

import re

from cms.vietnamese import fold_vietnamese

from .plan_basis import split_clauses
from .plan_header import left_of_place
from .plan_patterns import (
    BASIS_VERB_RE,
    CAPITALISED_TYPE,
    HEADING_RE,
    MOTTO_LINE_RE,
    MOTTO_RE,
    NATIONAL_ORGANISATION,
    NUMBER_RE,
    OPENING_RE,
    ORG_START,
    PLACE_BLANK_DATE_RE,
    PLACE_DATE_RE,
    PUBLISHED_RE,
    SUBJECT_LINE_RE,
    UNION_MOTTO,
    is_marker,
    match_kind,
)
from .plan_text import (
    LOCALITY_UNITS,
    ORG_WORDS,
    PROVINCES,
    caps_to_name,
    expand_locality,
    fold,
    is_allcaps,
    loose,
    unglue,
)

#: Words that start the lower unit of a header when parent and child run together on one line.
CHILD_ORG = "|".join(
    loose(word)
    for word in (
        "CĐCS",
        "CÔNG ĐOÀN CƠ SỞ",
        "LIÊN ĐỘI",
        "CHI ĐOÀN",
        "CHI BỘ",
        "TRƯỜNG",
        "BỆNH VIỆN",
        "HỘI ĐỒNG THI ĐUA",
        "VƯỜN QUỐC GIA",
        "KHU BẢO TỒN",
    )
)
#: Schools every province has, named by their kind alone under the province's Party committee or people's committee.
_GENERIC_SCHOOLS = frozenset({"truong chinh tri", "truong quan su", "truong quan su dia phuong"})
_PROVINCE_OF_PARENT_RE = re.compile(
    rf"^(?:{loose('UBND')}\s+|{loose('ỦY BAN NHÂN DÂN')}\s+)?({loose('TỈNH')}|{loose('THÀNH PHỐ')})\s+(?:{loose('ỦY')}\s+)?(\S.*)$",
    re.IGNORECASE,
)
#: Words that make "TRƯỜNG" part of a word of their own, no school: "MÔI TRƯỜNG", "THỊ TRƯỜNG", "QUẢNG TRƯỜNG".
_TRUONG_COMPOUNDS = frozenset({"moi", "thi", "quang", "chien", "cong", "hien", "phi"})
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
        "Công ty",
        "Tổng công ty",
        "Tập đoàn",
        "Ngân hàng",
        "Vườn quốc gia",
        "Ban Quản lý Vườn quốc gia",
        "Khu bảo tồn",
        "Báo",
        "Đồn Biên phòng",  # "ĐỒN BIÊN PHÒNG CỬA KHẨU CHI MA" under the province's command: named by its own place
        "Hải đội",
    )
)

BLANK_DATE_RE = re.compile(
    rf",\s*{loose('ngày')}\s+(?:\.+|…+|\s)*{loose('tháng')}\s+(?:\.+|…+|\s|\d)*{loose('năm')}\s+\d{{4}}"
)

MOTTO_TAIL_RE = re.compile(
    rf"\s({loose('ĐẢNG CỘNG SẢN VIỆT NAM')}|{loose('ĐỘI TNTP HỒ CHÍ MINH')}|{UNION_MOTTO})$", re.IGNORECASE
)
#: A mass organisation's national name in the motto's place, a column of spaces apart ("BCH HỘI NÔNG DÂN TỈNH LÂM
#: ĐỒNG        HỘI NÔNG DÂN VIỆT NAM"): the left column's body is the issuer.
_NATIONAL_ORGANISATION_TAIL_RE = re.compile(rf"\s({NATIONAL_ORGANISATION})\s*$", re.IGNORECASE)


def _without_national_organisation(piece: str) -> str:
    """A chapter's name without its organisation's national name run on after it, as the motto's column is when the
    header's columns were typed with spaces ("BCH HỘI NÔNG DÂN TỈNH LÂM ĐỒNG HỘI NÔNG DÂN VIỆT NAM"); the national body's
    own name ("BCH TRUNG ƯƠNG HỘI NÔNG DÂN VIỆT NAM") names it once and stays."""
    tail = _NATIONAL_ORGANISATION_TAIL_RE.search(piece)
    if tail is None:
        return piece
    organisation = " ".join(tail.group(1).split()[:-2])  # "HỘI NÔNG DÂN" of "HỘI NÔNG DÂN VIỆT NAM"
    before = piece[: tail.start()]
    return before.strip() if fold_vietnamese(organisation).lower() in fold_vietnamese(before).lower() else piece


_BARE_BODY_RE = re.compile(
    rf"^(?:{loose('Ủy ban nhân dân')}|{loose('Uỷ ban nhân dân')}|UBND|{loose('Hội đồng nhân dân')}|HĐND)$", re.I
)


def complete_bare_body(name: str | None, text: str, place: str | None) -> str | None:
    """ "Ủy ban nhân dân" with the province's line lost: completed with the unit of the place ("tỉnh Ninh Bình"); the
    standing committee of a committee named as the body's ("Ban Thường vụ Ban Chấp hành Đoàn tỉnh …")."""
    organ = re.match(rf"({loose('Ban Thường vụ')})\s+{loose('Ban Chấp hành')}\s+(?=\w)", name or "", re.IGNORECASE)
    if organ:  # "Ban Thường vụ Đoàn tỉnh Lâm Đồng"
        name = f"{organ.group(1)} {name[organ.end() :]}"
    if not name or not place or not _BARE_BODY_RE.match(name):
        return name
    units = "|".join(loose(unit) for unit in LOCALITY_UNITS)
    m = re.search(rf"(?<!\w)({units})\s+{loose(place)}(?!\w)", text, re.IGNORECASE)
    return f"{name} {m.group(1).lower()} {place}" if m else name


#: A body's kind a sub-body's name may end with, naming the body above it ("Thanh tra Sở", "Công đoàn Trường").
_KIND_WORDS = frozenset({"so", "bo", "cuc", "vien", "truong", "benh vien", "cong ty"})


def with_parent_named(name: str | None, header_lines: list[str], text: str) -> str | None:
    """A sub-body's bare name ("BAN TỪ THIỆN" under "CHÙA PHƯỚC LONG") with the header line above it, when the text
    names it so ("Ban Từ thiện chùa Phước Long xây dựng kế hoạch …")."""
    if not name or len(name.split()) > 4:
        return name
    words = name.split()
    for line in header_lines:  # "THANH TRA SỞ" under "SỞ XÂY DỰNG BÌNH THUẬN": the department's inspectorate
        parent = " ".join(line.split())
        if (
            len(words) >= 2
            and fold(words[-1]) in _KIND_WORDS
            and is_allcaps(parent)
            and fold(parent).startswith(fold(words[-1]) + " ")
            and len(parent.split()) >= 3
        ):
            return f"{' '.join(words[:-1])} {caps_to_name(parent)}"
    for line in header_lines:
        parent = " ".join(line.split())
        if len(parent.split()) < 2 or fold(parent) in fold(name) or not is_allcaps(parent):
            continue
        written = re.search(rf"(?<!\w){loose(name)}\s+({loose(parent)})(?!\w)", text, re.IGNORECASE)
        if written:
            return f"{name} {written.group(1)}"
    return name


def _header_fragments(header_lines: list[str], text: str = "") -> tuple[list[str], bool]:
    """The pieces of the header that may name the issuer, in order; and whether a Union's motto stood right. Words in
    capitals that a copy glued ("GIÁO DỤCVÀ ĐÀO TẠO", "HỒ CHÍ MINHLIÊN ĐỘI") are cut as `text` writes them."""
    fragments: list[str] = []
    union_motto = False
    joins_next = ""  # "HỘI ĐỒNG THI ĐUA -" over "KHEN THƯỞNG": a name wrapped at its dash, joined by " - "
    for line in header_lines:
        if match_kind(line) or PUBLISHED_RE.match(line):
            continue
        for column, cell in enumerate(re.split(r"\s*\|\s*|\t+|[ \u00a0]{3,}", line)):
            if column and _NATIONAL_MOTTO_RE.match(" ".join(fold(cell).split())):
                continue  # right of the body: "HỘI NÔNG DÂN VIỆT NAM", "VIỆT NAM" of a wrapped motto
            cell = MOTTO_RE.sub("\n", cell)
            cell = NUMBER_RE.sub("\n", cell)
            cell = PLACE_DATE_RE.sub(left_of_place, cell)
            cell = PLACE_BLANK_DATE_RE.sub("\n", cell)
            cell = BLANK_DATE_RE.sub("\n", cell)
            cell = SUBJECT_LINE_RE.sub("\n", cell)
            cell = re.sub(rf"^\s*{loose('Số')}\s*:.*$", "\n", cell, flags=re.IGNORECASE | re.MULTILINE)
            for piece in cell.split("\n"):
                # a comma that ends a line ends no name: "HỘI ĐỒNG THẨM ĐỊNH," over "ĐÁNH GIÁ CHỈ SỐ …" keeps it
                comma = "," if piece.rstrip().endswith(",") else ""
                dash = is_allcaps(piece) and bool(re.search(r"\w\s+[-–]$", piece.rstrip()))
                # "SỞ NÔNG NGHIỆP VÀ" over "MÔI TRƯỜNG": a name wrapped after its "và" goes on below
                conjunction = is_allcaps(piece) and bool(re.search(rf"\s(?:{loose('VÀ')}|&)$", piece.rstrip()))
                piece = _without_national_organisation(" ".join(piece.split()).strip(" *-–—,;"))
                if is_allcaps(piece):
                    piece = re.sub(r"^\d{1,2}\.\s+(?=\D)", "", piece)  # "1. BỘ Y TẾ": a site's numbering of its text
                    piece = " ".join(unglue(word, text) for word in piece.split())
                if not piece or not any(c.isalpha() for c in piece):
                    continue
                # the spaces between the columns lost: "BCH TỈNH ĐOÀN X ĐOÀN TNCS HỒ CHÍ MINH"
                tail = MOTTO_TAIL_RE.search(piece)
                if tail and is_allcaps(piece):
                    piece = piece[: tail.start()].strip()
                    union_motto = union_motto or bool(re.match(UNION_MOTTO, tail.group(1), re.IGNORECASE))
                piece = _without_national_name(piece)
                if MOTTO_LINE_RE.match(piece):
                    union_motto = union_motto or bool(re.match(UNION_MOTTO, piece, re.IGNORECASE))
                    continue
                if joins_next == " " and fragments and is_allcaps(piece):
                    # "… VÀ" over "MÔI TRƯỜNG VƯỜN QUỐC GIA …": the name goes on, and the unit below it may follow
                    fragments[-1:] = _split_parent_child(f"{fragments[-1]} {piece}")
                elif joins_next and fragments and is_allcaps(piece):
                    fragments[-1] = f"{fragments[-1]}{joins_next}{piece}"
                else:
                    fragments.extend(_split_parent_child(piece))
                joins_next = " - " if dash else " " if conjunction else ""
                if comma and fragments and fragments[-1] and fragments[-1][-1].isalpha():
                    fragments[-1] += comma
    return [f for f in fragments if _is_name_fragment(f.rstrip(","))], union_motto


#: A national organisation's name (or a wrapped motto's "VIỆT NAM") right of the body's own, as mass organisations head
#: their documents: "HỘI NÔNG DÂN TỈNH ĐỒNG THÁP" beside "HỘI NÔNG DÂN VIỆT NAM".
_NATIONAL_MOTTO_RE = re.compile(
    r"^(?:viet nam|(?:hoi|tong lien doan|lien doan|hoi lien hiep|uy ban trung uong)\b[\w ]*\bviet nam)$"
)


def _without_national_name(piece: str) -> str:
    """ "HỘI NÔNG DÂN TỈNH ĐỒNG THÁP HỘI NÔNG DÂN VIỆT NAM": the national organisation's name its right column held,
    glued on when the spaces between the columns were lost, left out."""
    words = fold(piece).split()
    if not is_allcaps(piece) or words[-2:] != ["viet", "nam"]:
        return piece
    for size in (4, 3, 2):
        national = [*words[:size], "viet", "nam"]
        if len(words) > len(national) and words[-len(national) :] == national:
            return " ".join(piece.split()[: -len(national)])
    return piece


_PARTY_CHILD_RE = re.compile(rf"^({loose('ĐẢNG BỘ')}\s.+?)\s({loose('ĐẢNG')}\s+(?:ỦY|UỶ|UY)\s.+)$")


#: A national organisation, then its chapter of a place, on one line: "HỘI NÔNG DÂN VIỆT NAM BCH HỘI NÔNG DÂN TỈNH …".
_NATIONAL_THEN_LOCAL_RE = re.compile(
    rf"^(\S+(?:\s+\S+){{2,}}?\s{loose('VIỆT NAM')})\s+([^\W\d_]\S*(?:\s+\S+)*?\s"
    rf"(?:{loose('TỈNH')}|{loose('THÀNH PHỐ')}|TP\.?|{loose('HUYỆN')}|{loose('XÃ')}|{loose('PHƯỜNG')})\s\S.*)$"
)


def _split_parent_child(piece: str) -> list[str]:
    """ "LIÊN ĐOÀN LAO ĐỘNG TP HUẾ CĐCS MẦM NON II" -> [parent, child] (two header lines run together)."""
    if not is_allcaps(piece):
        return [piece]
    party = _PARTY_CHILD_RE.match(piece)  # "ĐẢNG BỘ HUYỆN ĐẠI TỪ ĐẢNG ỦY XÃ LA BẰNG"
    if party:
        return [party.group(1), party.group(2)]
    national = _NATIONAL_THEN_LOCAL_RE.match(piece)
    if national and not re.match(r"(?:cong hoa|dang cong san)\b", fold(piece)):
        return [national.group(1), national.group(2)]  # "LIÊN ĐOÀN LUẬT SƯ VIỆT NAM ĐOÀN LUẬT SƯ TỈNH THANH HÓA"
    joined = re.match(rf"^(.+?)\s+[-–/|]\s+((?:{DEPARTMENT_ORG}|{CHILD_ORG})\s.+)$", piece)
    if joined:  # "UBND TỈNH HÀ TĨNH - SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH": the two lines joined by a dash or a slash
        return [joined.group(1).strip(), joined.group(2).strip()]
    m = next(
        (
            found
            for found in re.finditer(rf"\s({CHILD_ORG})\b", piece, re.IGNORECASE)
            # "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG VƯỜN QUỐC GIA …": the environment, then the park
            if not (fold(found.group(1)) == "truong" and fold(piece[: found.start()].split()[-1]) in _TRUONG_COMPOUNDS)
        ),
        None,
    )
    parent_words = len(piece[: m.start()].split()) if m else 0
    if m and len(piece[m.end() :].split()) == 0:
        m = None  # "TIN TỨC BỆNH VIỆN": a web site's banner, no unit named
    if m and (parent_words >= 3 or parent_words == 2 and not re.match(rf"(?:{SELF_NAMED})\b", piece, re.IGNORECASE)):
        return [piece[: m.start()].strip(), piece[m.start() :].strip()]
    units = "|".join(loose(unit.upper()) for unit in LOCALITY_UNITS)
    m = re.search(rf"\b(?:{units})\s+\S+(?:\s+\S+)??\s({DEPARTMENT_ORG})\s", piece)
    if m and not re.search(rf"\b(?:{units})\b", piece[m.start(1) :]):
        return [piece[: m.start(1)].strip(), piece[m.start(1) :].strip()]
    return [piece]


#: A company named by its products, not a site's menu: "BIA – RƯỢU – NGK HÀ NỘI".
_PRODUCTS_RE = re.compile(r"^(?:bia|ruou|nuoc giai khat|ngk|sua|duoc|than|dau khi|xi mang|thep|det|may)\b")


def _is_name_fragment(piece: str) -> bool:
    """An ALLCAPS header piece, or a short mixed-case name of a body ("Liên đội trường TH Quảng Thạch")."""
    words = piece.split()
    if len(words) > 16 or HEADING_RE.match(piece) or ":" in piece or match_kind(piece):
        return False
    if re.match(r"[\W\d_]*/|[A-ZĐ]{1,8}/[A-ZĐ]+(?:-[A-ZĐ]+)*$", piece):
        # "/KH-THVBA" (a number's count left blank: "Số: ....... /KH-…"), "HD/BTCTW" (its code wrapped to a line)
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
    if len(items) >= 3 and all(len(item.split()) <= 3 for item in items) and not _PRODUCTS_RE.search(fold(piece)):
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


_UNIT_WORDS = {fold(unit) for unit in LOCALITY_UNITS if " " not in unit} | {"tp", "tx", "tt"}
_ORG_KEYS = {fold(word) for word in ORG_WORDS if " " not in word}


def _place_wrapped(name: str, fragment: str, written: str) -> bool:
    """A name in capitals wrapped inside its place: after its unit ("BCH ĐOÀN HUYỆN" over "THỌ XUÂN") or inside the
    place's words ("UB HUYỆN THỌ" over "XUÂN", "HỘI LHTN VIỆT" over "NAM"), the text writing the place whole."""
    if not (is_allcaps(name) and is_allcaps(fragment)) or len(fragment.split()) > 3:
        return False
    words, more = fold(name).split(), fold(fragment).split()
    if words[-1:] == ["viet"] and more == ["nam"]:
        return True
    if any(word in _UNIT_WORDS or word in _ORG_KEYS for word in more):
        return False
    unit = max((i for i, word in enumerate(words) if word in _UNIT_WORDS), default=None)
    if unit is None or len(words) - unit > 3:
        return False
    return f" {' '.join(words[unit + 1 :] + more)} " in written


_PROVINCE_KEYS = frozenset(fold(province) for province in PROVINCES)


#: An institution's kind opening a header line whose proper name may wrap to the next ("HTX DỊCH VỤ KHAI THÁC HẢI SẢN" over
#: "BIỂN XANH LÝ SƠN", "TRUNG TÂM NUÔI DƯỠNG VÀ ĐIỀU" over "DƯỠNG NGƯỜI CÓ CÔNG NGHỆ AN").
_WRAPPING_KIND_RE = re.compile(r"^(?:htx|hop tac xa|trung tam|cong ty|tong cong ty|lien hiep htx)\b")
#: The same kind after its union's or Party cell's name: "CĐCS CÔNG TY CP MÔI TRƯỜNG" over "ĐÔ THỊ ĐÀ NẴNG".
_ORGAN_OF_KIND_RE = re.compile(r"^(?:cdcs|cong doan(?: co so)?|chi doan|doan thanh nien|chi bo|dang bo|dang uy)\s+")


def _wrapped_after_kind(name: str, fragment: str) -> bool:
    """A line in capitals naming no body of its own (no organisation's or unit's word in it) under an institution's
    name in capitals: the rest of that name."""
    kind = _ORGAN_OF_KIND_RE.sub("", fold(name))
    if not (is_allcaps(name) and is_allcaps(fragment) and _WRAPPING_KIND_RE.match(kind)):
        return False
    words = fold(fragment).split()
    return (
        bool(words)
        and not any(word in _ORG_KEYS or word in _UNIT_WORDS for word in words)
        and not _OWN_UNIT_RE.match(fold(fragment))
        and not _ORG_START_RE.match(fragment)
        and not _WRAPPING_KIND_RE.match(fold(fragment))  # "CÔNG TY ĐIỆN LỰC …" under its corporation: its own
        and not _INSTITUTION_START_RE.match(fold(fragment))
        and not MOTTO_RE.search(fragment)
    )


_PLACE_ONLY_RE = re.compile(r"^(?:tinh|thanh pho|huyen|quan|thi xa)(?: [a-z0-9]+){1,4}$")


def _place_of_body_above(name: str, fragment: str) -> bool:
    """A province's or a district's name alone ("TỈNH QUẢNG NGÃI") under a body's name in capitals that names no place
    ("LIÊN ĐOÀN LAO ĐỘNG"): the body's name wrapped before its place."""
    words = fold(name).split()
    return (
        is_allcaps(name)
        and is_allcaps(fragment)
        and bool(_PLACE_ONLY_RE.match(" ".join(fold(fragment).split())))
        and not any(word in _UNIT_WORDS for word in words)
        and len(words) >= 2
    )


def _region_tail(fragment: str) -> bool:
    """A header line that is only a region's name, or provinces' names ("QUẢNG NAM - ĐÀ NẴNG" under "CÔNG TY CỔ PHẦN
    ĐƯỜNG SẮT"): the end of the name above it, not a body of its own."""
    if not is_allcaps(fragment):
        return False
    folded = " ".join(fold(fragment).split())
    return folded in _REGIONS or all(part.strip() in _PROVINCE_KEYS for part in re.split(r"\s[-–]\s", folded))


#: An institution's kind that ends a header line, its proper name on the next ("ĐẢNG BỘ HỌC VIỆN" over "CHÍNH SÁCH
#: VÀ PHÁT TRIỂN").
_INSTITUTION_END_RE = re.compile(
    r"\b(?:hoc vien|vien|benh vien|(?<!moi )(?<!thi )truong|truong dai hoc|dai hoc|cao dang|cao dang nghe|cdn|cd|dh"
    r"|trung tam|cong ty|cong ty (?:co phan|cp|tnhh(?: mtv| mot thanh vien)?)|ngan hang"
    r"|vuon quoc gia|khu bao ton(?: thien nhien)?"  # "BAN QUẢN LÝ VƯỜN QUỐC GIA" over "PHONG NHA - KẺ BÀNG"
    r"|don bien phong|hai doi"  # "ĐỒN BIÊN PHÒNG" over "CỬA KHẨU CHI MA"
    # a school's level, its proper name below: "TRƯỜNG TRUNG HỌC PHỔ THÔNG" over "NGUYỄN TRÃI"
    r"|truong (?:trung hoc pho thong|trung hoc co so|tieu hoc|mam non|mau giao|thpt|thcs|th|mn"
    r"|pho thong dan toc (?:noi tru|ban tru)|ptdtnt|ptdtbt))$"
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
#: A sector's body over one of its departments ("CÔNG AN TỈNH …" over "PHÒNG …"): the department's name is the body's.
_SECTOR_BODY_RE = re.compile(
    r"^(?:cong an|bo chi huy|vien kiem sat|toa an|kho bac|bao hiem xa hoi|cuc|lien doan lao dong)\b"
)
_DEPARTMENT_RE = re.compile(r"^(?:phong|ban|doi|trung tam|van phong)\b")
_ORG_START_RE = re.compile(rf"^(?:{DEPARTMENT_ORG}|{CHILD_ORG})\b", re.IGNORECASE)
#: A council or committee of the institution above it in the header: its name is the institution's.
#: A school's or an institution's union or youth union named without it ("CÔNG ĐOÀN TRƯỜNG", "ĐOÀN TRƯỜNG").
_BARE_CHAPTER_RE = re.compile(r"^(cong doan|cong doan co so|doan|doan thanh nien)(?: truong)?$")
_COUNCIL_RE = re.compile(r"^(?:hoi dong|ban chi dao|ban to chuc|tieu ban)\b(?! (?:nhan dan|doi)\b)")


#: A header line opening with a unit's kind names a unit of its own, never the rest of the line above.
#: Not "PHÒNG HỘ TÂN PHÚ" under "BAN QUẢN LÝ RỪNG" (a protective forest), nor "PHÒNG CHỐNG …" (prevention); a branch
#: with a name of its own ("CHI NHÁNH VẬN TẢI ĐƯỜNG SẮT VINH"), not a bank's "CHI NHÁNH TỈNH CÀ MAU".
_OWN_UNIT_RE = re.compile(
    r"(?:cuc|so|phong(?! (?:ho|chong)\b)|van phong|trung tam|chi cuc|vien|truong|benh vien|cong an|xi nghiep"
    r"|chi nhanh(?! (?:tinh|thanh pho|huyen|quan|thi xa|khu vuc|tai)\b))\b"
)


def _repeats_a_name(fragment: str, above: list[str]) -> bool:
    """A national name of three words or more ("HỘI SINH VIÊN VIỆT NAM") that begins or ends a fragment above it."""
    folded = fold(fragment)
    return (
        len(folded.split()) >= 3
        and folded.endswith(" viet nam")
        and any(fold(name).startswith(f"{folded} ") or fold(name).endswith(f" {folded}") for name in above)
    )


def _national_name_of(fragment: str, above: list[str]) -> bool:
    """A mass organisation's national name ("HỘI NÔNG DÂN VIỆT NAM") under its own chapter's name above it."""
    folded = " ".join(fold(fragment).split())
    if not (is_allcaps(fragment) and _NATIONAL_MOTTO_RE.match(folded) and folded.endswith(" viet nam")):
        return False
    organisation = folded[: -len(" viet nam")]
    initials = "".join(word[0] for word in organisation.split())  # "HND TỈNH BẾN TRE": "hội nông dân" in short
    chapters = (
        re.sub(r"^(?:bch|btv|ban chap hanh|ban thuong vu)\s+", "", " ".join(fold(name).split())) for name in above
    )
    return any(chapter.startswith((organisation + " ", initials + " ")) for chapter in chapters)


#: A place ending in "Trường" ("HUYỆN XUÂN TRƯỜNG"), no school whose name follows.
_PLACE_TRUONG_RE = re.compile(r"\b(?:tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong) \w+ truong$")


def _names_institution(fragment: str) -> bool:
    folded = " ".join(fold(fragment).split())
    return is_allcaps(fragment) and bool(_INSTITUTION_END_RE.search(folded)) and not _PLACE_TRUONG_RE.search(folded)


#: A village or hamlet in a body's name ("CHI HỘI PN THÔN ĐÔNG MAI"): the name has its place already.
_VILLAGES = "thôn|ấp|bản|xóm|buôn|làng|khu phố|tổ dân phố|giáo xứ|giáo họ"  # a parish is a place too

#: A body a bare organ of the next line belongs to, whatever is above it ("ỦY BAN MTTQ VIỆT NAM XÃ …"), folded.
_BODY_OF_ITS_OWN_RE = re.compile(r"^(?:uy ban|ubnd|ubmttq|hoi|cong doan|doan|dang uy|dang bo|mat tran)\b")
#: An organ of a body that names no body: "Ban Chấp hành Trung ương", "Ban Thường vụ", "BCH".
_BARE_ORGAN_RE = re.compile(
    r"^(?:ban chap hanh|ban thuong vu|ban thuong truc|thuong truc|doan chu tich|ban thu ky|bch|btv)(?: (?:trung uong|tw))?$"
)


_PUNCTUATION_RE = re.compile(r"[^\w\s]")


def _below_page_lead(header_lines: list[str]) -> list[str]:
    """The header without a web page's menu, banner and post title above it: a line not in capitals ("Hội thi Tìm hiểu
    Nghị quyết …") between lines in capitals ("HỘI LIÊN HIỆP PHỤ NỮ QUẬN 11" above, "HỘI LIÊN HIỆP PHỤ NỮ Q11" and
    "BAN THƯỜNG VỤ" below) before the first line of the header's own (motto, number, place and date)."""
    home = [i for i, line in enumerate(header_lines) if fold(line).startswith("trang chu")]
    if home:  # a site's menu down to its breadcrumb ("TRANG CHỦ > HOẠT ĐỘNG"): no body's name
        header_lines = header_lines[home[-1] + 1 :]
    first_marker = next((i for i, line in enumerate(header_lines) if is_marker(line)), len(header_lines))
    lettered = [i for i in range(first_marker) if any(c.isalpha() for c in header_lines[i])]
    mixed = [i for i in lettered if not is_allcaps(header_lines[i])]
    if not mixed:
        return header_lines
    cut = mixed[-1]
    if any(i < cut and is_allcaps(header_lines[i]) for i in lettered) and any(i > cut for i in lettered):
        return header_lines[cut + 1 :]
    return header_lines


#: What a body does in a web page's headline: "HỘI CHỮ THẬP ĐỎ QUẬN Ô MÔN PHÁT ĐỘNG PHONG TRÀO THI ĐUA NĂM 2020".
_HEADLINE_VERB_RE = re.compile(
    r"\s(?:"
    + "|".join(
        loose(verb)
        for verb in ("PHÁT ĐỘNG", "TỔ CHỨC", "BAN HÀNH", "TRIỂN KHAI", "HƯỚNG DẪN", "THÔNG BÁO", "KÝ KẾT", "HƯỞNG ỨNG")
    )
    + r")\s",
    re.IGNORECASE,
)
#: A headline about an event, not a body: "KỶ NIỆM 68 NĂM NGÀY THẦY THUỐC VIỆT NAM", "HỘI NGHỊ …", "LỄ …".
_EVENT_HEADLINE_RE = re.compile(
    r"^(?:ky niem|chao mung|hoi nghi|hoi thi|hoi thao|le|ngay|tuyen duong|tong ket|so ket|phat dong|thi dua|\d)\b"
)


def _headline_actor(fragment: str) -> str | None:
    """The body a headline names as acting ("HỘI CHỮ THẬP ĐỎ QUẬN Ô MÔN" of "… PHÁT ĐỘNG PHONG TRÀO …"); None for a
    headline about an event, or whose words before its verb name no body."""
    if _EVENT_HEADLINE_RE.match(fold(fragment)):
        return None
    head, *acted = _HEADLINE_VERB_RE.split(fragment, maxsplit=1)
    if acted and not re.match(rf"(?:{ORG_START})\b", head, re.IGNORECASE):
        return None
    return head.strip()


#: Short forms a header writes that a body's name spells out: "UB MTTQ" (Ủy ban), "HND TỈNH …" (Hội Nông dân).
_SPELLED_OUT = (
    (re.compile(r"\bUB(?= (?:MTTQ|Mặt trận|nhân dân|ND)\b)"), "Ủy ban"),
    (re.compile(r"\bHND(?= )"), "Hội Nông dân"),
    (re.compile(r"\bHCCB(?= )"), "Hội Cựu chiến binh"),
    (re.compile(r"\bHSV(?= )"), "Hội Sinh viên"),
    (re.compile(r"\bHLHPN(?= )"), "Hội Liên hiệp Phụ nữ"),
)


def spelled_out(name: str) -> str:
    """A body's name with the short forms of its kind written whole ("Ban Thường vụ HND tỉnh Bến Tre" -> "Ban Thường
    vụ Hội Nông dân tỉnh Bến Tre")."""
    for short, whole in _SPELLED_OUT:
        name = short.sub(whole, name)
    return name


def _short_forms(name: str) -> set[str]:
    """A name folded as a text may write it: whole, or its words from some point on as their initials ("ban doan ket
    cong giao" → "ban dkcg", "bdkcg")."""
    words = _PUNCTUATION_RE.sub(" ", fold(name)).split()
    forms = {" ".join(words)}
    if len(words) >= 2:
        forms |= {
            " ".join([*words[:start], "".join(word[0] for word in words[start:])]) for start in range(len(words) - 1)
        }
    return forms


def _abbreviated_after(name: str, fragment: str, written: str) -> bool:
    """Whether the text writes a header line's name and the next line's as one, either of them short ("TRUNG TÂM HUẤN
    LUYỆN VÀ THI ĐẤU" over "THỂ DỤC THỂ THAO" written "… Thi đấu TDTT", "BAN ĐOÀN KẾT CÔNG GIÁO" over "GIÁO XỨ PHÚ
    NHAI" written "Ban ĐKCG giáo xứ Phú Nhai"): one name on two lines; not a unit's own name under its parent's."""
    if _OWN_UNIT_RE.match(fold(fragment)):
        return False
    whole, whole_second = (" ".join(_PUNCTUATION_RE.sub(" ", fold(text)).split()) for text in (name, fragment))
    pairs = [(first, second) for first in _short_forms(name) for second in _short_forms(fragment)]
    if any(f" {first} {second} " in written for first, second in pairs if (first, second) != (whole, whole_second)):
        return True  # both whole: the check of a name wrapped as written, with its own conditions
    # "Ban ĐKCG giáo xứ xây dựng …": the committee written short, then the kind of the line below ("GIÁO XỨ PHÚ NHAI")
    words = fold(fragment).split()
    return len(words) >= 3 and any(
        f" {first} {' '.join(words[:2])} " in written for first in _short_forms(name) - {whole}
    )


def header_body_name(header_lines: list[str], rest: str = "") -> str | None:
    """Issuing body from the header block: the lowest unit left of the motto, completed by its parent when needed.

    Handles two-column lines, ``|`` table cells, the Party's and the Unions' mottos on the right, parent and
    child run together on one line and texts without diacritics. None when no line of the block names a body.
    ``rest`` is the text after the header: a name the page wrapped over two lines ("ỦY BAN TRUNG" over "ƯƠNG
    MẶT TRẬN TỔ QUỐC VIỆT NAM") is read whole when the text writes the two pieces as one phrase.
    """
    fragments, union_motto = _header_fragments(_below_page_lead(header_lines), rest)
    if not any(map(is_marker, header_lines)):  # no motto, number or date: a web page's headline over the text
        fragments = [name for name in map(_headline_actor, fragments) if name]
    # A name the block already holds, again below it ("HỘI SINH VIÊN VIỆT NAM" under "BCH HỘI SINH VIÊN VIỆT NAM"):
    # an association's motto cell, read after the left column.
    fragments = [f for i, f in enumerate(fragments) if not _repeats_a_name(f, fragments[:i])]
    # "HỘI NÔNG DÂN VIỆT NAM" on a line of its own below "BCH HỘI NÔNG DÂN TỈNH GIA LAI": the association's motto
    # cell, the right column read after the left
    fragments = [f for i, f in enumerate(fragments) if not (i and _national_name_of(f, fragments[:i]))]
    # the text's words without punctuation; a line in capitals stands alone (an attached regulation repeats the header
    # over two lines, which is no sign that the two make one name), mixed-case lines run on into each other
    blocks: list[str] = []
    for line in rest.splitlines():
        if is_allcaps(line) or not blocks or is_allcaps(blocks[-1]):
            blocks.append(line)
        else:
            blocks[-1] += " " + line
    # a ";" ends a clause: "… của Bộ Nông nghiệp và Môi trường;" then "Vườn quốc gia Cúc Phương xây dựng …" are two;
    # so does a bracket ("(… của Ban Chỉ đạo Đại hội … Việt Nam), Tiểu ban Thi đua – Khen thưởng Đại hội …")
    written = " | ".join(
        " ".join(_PUNCTUATION_RE.sub(" ", fold(clause)).split())
        for block in blocks
        for clause in re.split(r"[;()]", block)
    )
    written = f" {written} "
    names: list[str] = []

    def key(*pieces: str) -> str:
        return f" {' '.join(_PUNCTUATION_RE.sub(' ', fold(' '.join(pieces))).split())} "

    for fragment in fragments:  # "BỘ VĂN HÓA, THỂ THAO" over "VÀ DU LỊCH": one name on two lines
        wrapped = (
            (
                names
                and is_allcaps(names[-1])
                and (
                    key(names[-1], fragment) in written
                    # "TRUNG TÂM HUẤN LUYỆN VÀ THI ĐẤU" over "THỂ DỤC THỂ THAO TỈNH ĐẮK LẮK", the text writing "Trung
                    # tâm Huấn luyện và Thi đấu thể dục thể thao": the name runs on, its place left out
                    or (
                        is_allcaps(fragment)
                        and len(fragment.split()) >= 3
                        and key(names[-1], *fragment.split()[:2]) in written
                    )
                )
                # "BẢO HIỂM XÃ HỘI VIỆT NAM" over "BẢO HIỂM XÃ HỘI KHU VỰC XVIII": a name of its own, not the rest of one
                and fold(fragment).split()[:2] != fold(names[-1]).split()[:2]
                # "BỘ TÀI CHÍNH" over "CỤC THỐNG KÊ", a sentence "… của Bộ Tài chính" over "Cục Thống kê ban hành …"
                and not _OWN_UNIT_RE.match(fold(fragment))
            )
            or (names and is_allcaps(names[-1]) and _abbreviated_after(names[-1], fragment, written))
        )
        if (
            names
            and is_allcaps(names[-1])
            and (re.match(r"khu vuc\b", fold(fragment)) or fold(names[-1]).endswith(" khu vuc"))
        ):
            # "CĐCS TRUNG TÂM Y TẾ" over "KHU VỰC KIẾN XƯƠNG", "CHI CỤC THUẾ KHU VỰC" over "HOẰNG HÓA - HẬU LỘC": one name
            names[-1] = f"{names[-1]} {fragment}"
        elif names and _place_wrapped(names[-1], fragment, written):
            names[-1] = f"{names[-1]} {fragment}"  # "BCH ĐOÀN HUYỆN" over "THỌ XUÂN", "UB HUYỆN THỌ" over "XUÂN"
        elif names and _region_tail(fragment):
            names[-1] = f"{caps_to_name(names[-1])} {fragment.title()}"  # a region keeps its capitals
        elif names and (
            wrapped
            or _CONTINUED_NAME_RE.match(fragment)
            or _wrapped_after_kind(names[-1], fragment)
            or _place_of_body_above(names[-1], fragment)
            or _names_institution(names[-1])
            or _ORGANS_ONLY_RE.match(" ".join(_PUNCTUATION_RE.sub(" ", fold(names[-1])).split()))
            or (_CHAPTER_ORGAN_RE.match(fold(names[-1])) and _INSTITUTION_START_RE.match(fold(fragment)))
        ):
            names[-1] = f"{names[-1]} {fragment}"
        else:
            names.append(fragment)
    if not names:
        return None
    names = [caps_to_name(n) if is_allcaps(n) else n for n in (name.rstrip(",") for name in names)]
    child = names[-1]
    name = child
    if len(names) > 1:
        parent = " ".join(names[:-1])
        first = fold(child.split()[0])
        units = "|".join(loose(unit) for unit in LOCALITY_UNITS)
        if re.match(r"(?:tinh|huyen|thanh|quan|thi|dang) (?:uy|doan)\b", fold(child)):
            name = child  # "HUYỆN ỦY TÂN BIÊN" under "ĐẢNG BỘ TỈNH TÂY NINH", "TỈNH ĐOÀN …"
        elif _BARE_ORGAN_RE.match(fold(child)):
            # "BAN CHẤP HÀNH TRUNG ƯƠNG" under "HỘI NÔNG DÂN VIỆT NAM"; "BAN THƯỜNG VỤ" under the province's chapter,
            # not under the national name above that too ("HỘI LHPN VIỆT NAM" over "HỘI LHPN TỈNH PHÚ THỌ")
            chapter = (
                len(names) > 2
                and fold(names[-3]).endswith(" viet nam")
                and (fold(names[-2]).split()[:2] == fold(names[-3]).split()[:2])
            )
            body = names[-2]
            if len(names) > 2 and fold(body).split()[0] in {fold(u) for u in LOCALITY_UNITS}:
                body = f"{names[-3]} {body[:1].lower()}{body[1:]}"  # "ỦY BAN MTTQ VIỆT NAM" over "XÃ KHÁNH VĨNH"
            # "BAN THƯỜNG TRỰC" under "ỦY BAN MTTQ VIỆT NAM XÃ …" under the province's committee: the nearest body's
            nearest = chapter or _ORG_START_RE.match(body) or _BODY_OF_ITS_OWN_RE.match(fold(body))
            name = f"{child} {body if nearest else parent}"
        elif first in {fold(u) for u in LOCALITY_UNITS} or fold(child).startswith(("thi tran", "thi xa", "thanh pho")):
            name = f"{names[-2]} {child[0].lower()}{child[1:]}"
        elif fold(child) == "van phong":
            name = f"Văn phòng {names[-2]}"
        elif fold(child) in ("toi cao", "nhan dan toi cao", "trung uong"):
            name = f"{names[-2]} {child.lower()}"  # "TÒA ÁN NHÂN DÂN" over "TỐI CAO": one name on two lines
        elif fold(child) == "viet nam":
            name = f"{names[-2]} {child}"  # "NGÂN HÀNG NHÀ NƯỚC" over "VIỆT NAM"
        elif _BARE_CHAPTER_RE.match(fold(child)) and _INSTITUTION_START_RE.match(fold(names[-2])):
            # "CÔNG ĐOÀN TRƯỜNG" under "TRƯỜNG ĐẠI HỌC HỒNG ĐỨC": the union of that school
            name = (
                f"{' '.join(child.split()[:-1])} {names[-2]}"
                if fold(child).endswith(" truong")
                else f"{child} {names[-2]}"
            )
        elif _COUNCIL_RE.match(fold(child)) and _INSTITUTION_START_RE.match(fold(names[-2])):
            name = f"{child} {names[-2]}"  # "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" under "BỆNH VIỆN ĐA KHOA TỈNH …"
        elif _SECTOR_BODY_RE.match(fold(names[-2])) and _DEPARTMENT_RE.match(fold(child)):
            name = f"{child} {names[-2]}"  # "PHÒNG CÔNG TÁC ĐẢNG …" under "CÔNG AN TỈNH QUẢNG NGÃI": the police's
        elif fold(child) in _GENERIC_SCHOOLS and (province := _PROVINCE_OF_PARENT_RE.match(names[-2])):
            name = (
                f"{child} {province.group(1).lower()} {province.group(2)}"  # "TỈNH ỦY NGHỆ AN" over "TRƯỜNG CHÍNH TRỊ"
            )
        elif not re.match(rf"(?:{SELF_NAMED})\b", child, re.IGNORECASE):
            # the place of the nearest parent naming one: "UBND TỈNH NGHỆ AN" over "SỞ NỘI VỤ" over "BAN THI ĐUA …"
            placed = [i for i, name in enumerate(names[:-1]) if re.search(rf"\b(?:{units})\b", name, re.IGNORECASE)]
            around = names[placed[-1] : -1] if placed else []  # "UBND THÀNH PHỐ HÀ" over "NỘI": its place whole
            ends = next((i for i, name in enumerate(around) if i and _ORG_START_RE.match(name)), len(around))
            locality = re.search(rf"\b(?:{units})\b.*$", " ".join(around[:ends]), re.IGNORECASE)
            # "BÁO … NINH BÌNH" under "TỈNH ỦY NINH BÌNH": its place named already
            named = locality and fold(child).endswith(" " + " ".join(fold(locality.group(0)).split()[-2:]))
            if locality and not named and not re.search(rf"\b(?:{units}|{_VILLAGES})\b", child, re.IGNORECASE):
                place = locality.group(0)  # "… tỉnh An Giang"; a Party committee keeps its name ("Huyện ủy Núi Thành")
                place = place if fold(place).split()[1:2] == ["uy"] else place[:1].lower() + place[1:]
                name = f"{child} {place}"
    pioneers = re.match(r"(?:lien doi|chi doi|hoi dong doi)\b", fold(name))  # a Pioneer brigade writes the motto too
    if union_motto and "doan" not in fold(name).split() and not re.match(r"(?:bch|btv) ", fold(name)) and not pioneers:
        organ = re.match(
            r"(?:ban chap hanh|ban thuong vu)\s(?=(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s)", fold(name)
        )
        if organ:  # "BAN CHẤP HÀNH TỈNH KHÁNH HÒA" under the Union's motto: the Union's committee of the province
            name = f"{name[: organ.end()]}Đoàn TNCS Hồ Chí Minh {name[organ.end() :]}"
        else:
            name = f"{name} Đoàn TNCS Hồ Chí Minh"
    # "KHO BẠC NHÀ NƯỚC KHU VỰC XIII" beside the rule under it ("____"): no word of the name
    return " ".join(word for word in name.split() if word.strip("_"))


def _after_a_comma(sentence: str) -> tuple[str, re.Match | None]:
    """The body acting after a comma: "…, Công đoàn Trường … triển khai …", "…, trường Đại học … xây dựng kế hoạch …"."""
    for comma in re.finditer(rf",\s+(?=[A-ZĐÀ-Ỹ]|(?:{_LOWER_BODY})\s+[A-ZĐÀ-Ỹ])", sentence):
        clause = sentence[comma.end() :]
        if m := OPENING_RE.match(clause) or _BODY_GUIDES_RE.match(clause):
            return clause, m
    return sentence, None


def opening_body_name(paragraphs: list[str], full_text: str) -> str | None:
    """Issuing body from "Ủy ban nhân dân … ban hành Kế hoạch …" (locality completed)."""
    for para in paragraphs:
        for whole in split_clauses(para):
            clause, m = whole, None
            # "Thực hiện Công văn số …, Công đoàn Trường … triển khai …"; a clause after a ";" inside a subject
            if BASIS_VERB_RE.match(whole) or whole[:1].islower():
                clause, m = _after_a_comma(whole)
            elif clause[:1].isupper():
                m = OPENING_RE.match(clause) or _LAUNCH_RE.match(clause) or _BODY_GUIDES_RE.match(clause)
                if m is None:  # "Để phong trào … phát huy hiệu quả, Công đoàn … hướng dẫn các Công đoàn trực thuộc …"
                    clause, m = _after_a_comma(whole)
                if m and "," in m.group(1) and len(m.group(1).split()) > 14:
                    # "Sau khi thống nhất với …, Thường trực HĐND xã xây dựng …": the body after the comma, if one acts
                    later, acting = _after_a_comma(whole)
                    clause, m = (later, acting) if acting else (clause, m)
            # "Trung tâm … trực thuộc Sở Y tế tỉnh … (Trung tâm) xây dựng Kế hoạch": the body, not its parent
            name = re.sub(r"\s*\([^()]{1,40}\)$", "", m.group(1).strip()) if m else ""
            name = _LEAD_IN_RE.sub("", name)  # "Nay Ban Thường vụ Đoàn trường xây dựng Kế hoạch …"
            name = _TENSE_TAIL_RE.sub("", name)  # "Ngân hàng Nhà nước vừa ban hành …", "… Đảng ủy đã ban hành …"
            name = re.split(rf"\s+{loose('trực thuộc')}\s", name, flags=re.IGNORECASE)[0]
            # "Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch …": the body advised issues it
            name = re.split(rf"\s+{loose('tham mưu')}(?:\s+{loose('cho')})?\s+", name, flags=re.IGNORECASE)[-1]
            if name and len(name.split()) <= 14 and not _CITATION_RE.match(name):
                return expand_locality(_named_instance(name, clause[m.end() :]), full_text)
    return None


#: A document cited, not a body: "Nghị quyết số 42/NQ-CP, ngày 21/3/2022 của Chính phủ về [ban hành Chương trình …]".
_CITATION_RE = re.compile(rf"^(?:{CAPITALISED_TYPE})\s+{loose('số')}\b")
#: A body's kind a sentence may write in lower case before its capitalised name ("trường Đại học …").
_LOWER_BODY = "|".join(loose(kind) for kind in ("trường", "phòng", "sở", "ban", "hội", "công đoàn", "bệnh viện"))
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
_ACTING_START = "|".join(
    [ORG_START]
    + [
        loose(word)
        for word in (
            "Hiệu trưởng",
            "Giám đốc",
            "Thường trực",
            "Trung tâm",
            "Bệnh viện",
            "Viện",
            "Bộ",
            "Cục",
            "Chi cục",
            "Mặt trận",
            "Liên đoàn",
            "Tổng Liên đoàn",
            "Thành đoàn",
            "Tỉnh đoàn",
            "Huyện đoàn",
            "Quận đoàn",
        )
    ]
)
_BODY_GUIDES_RE = re.compile(
    rf"^((?:{_ACTING_START})\b[^;:,.]{{2,100}}?)\s+(?:{loose('hướng dẫn')}|{loose('thông báo')}|{loose('phát động')}"
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

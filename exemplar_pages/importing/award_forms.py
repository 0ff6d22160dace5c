"""The titles and forms of the 2022 Law on Emulation and Commendation as people write them, and the level
of an authority as written: the tables the award parser (awards.py) reads. Pure text, no Django models."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from cms.vietnamese import fold_vietnamese, unify_final_y

# Award.Kind values.
EMULATION_TITLE = "danh-hieu"
ORDER = "huan-chuong"
MEDAL = "huy-chuong"
HONORARY_TITLE = "danh-hieu-vinh-du"
PRIZE = "giai-thuong"
COMMEMORATIVE_MEDAL = "ky-niem-chuong"
CERTIFICATE_OF_MERIT = "bang-khen"
CERTIFICATE_OF_COMMENDATION = "giay-khen"

# Award.Level values.
STATE = "nha-nuoc"
GOVERNMENT = "chinh-phu"
MINISTRY = "bo-nganh"
PROVINCE = "tinh"
DISTRICT = "huyen"
COMMUNE = "xa"
AGENCY = "co-quan"

YEARS = (1945, 2100)
CLASSES = {"nhat": "hạng Nhất", "nhi": "hạng Nhì", "ba": "hạng Ba", "i": "hạng Nhất", "ii": "hạng Nhì"}
CLASSES.update({"iii": "hạng Ba", "1": "hạng Nhất", "2": "hạng Nhì", "3": "hạng Ba"})
#: Cities under the central government: "UBND thành phố Đà Nẵng" is a province, "… thành phố Vinh" a district.
CENTRAL_CITIES = r"(?:ha noi|(?:ho chi minh|hcm)|hai phong|da nang|can tho|hue)"

#: Generic forms, for a certificate whose authority is missing or is not one the Law names.
MERIT = "Bằng khen"
COMMENDATION = "Giấy khen"


def fold_aligned(text: str) -> str:
    """Fold character by character, so that positions in the folded text are positions in the text; a syllable
    written with i or y in its i spelling ("Chiến sỹ", "Kỷ niệm chương": "chien si", "ki niem chuong")."""
    return unify_final_y("".join(fold_vietnamese(char)[:1] or char for char in text))


# --- The authority and its level ------------------------------------------------------------------------

PEOPLES_COMMITTEE = r"(?:ubnd|uy\s+ban\s+nhan\s+dan|ub\s+nd|hdnd|hoi\s+dong\s+nhan\s+dan)"
LEVEL_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\bchu\s+tich\s+nuoc\b|\bctn\b"), STATE),
    (re.compile(r"\bthu\s+tuong\b|\bttg\b|\bttcp\b|\bchinh\s+phu\b"), GOVERNMENT),
    (
        re.compile(
            r"\bbo\b(?!\s+(?:chi\s+huy|doi))|\bbo\s+truong\b|\btrung\s+uong\b|\btw\b|\btong\s+lien\s+doan\b"
            r"|\btoi\s+cao\b|\bngan\s+hang\s+nha\s+nuoc\b|\bkiem\s+toan\s+nha\s+nuoc\b|\bquoc\s+hoi\b"
            # "… Việt Nam" is central unless a local unit follows: "Ủy ban MTTQ Việt Nam huyện …"
            r"|\bviet\s+nam\b(?!.*\b(?:tinh|huyen|quan|thi\s+xa|thanh\s+pho|tp|xa\b(?!\s+hoi)|phuong|thi\s+tran)\b)"
        ),
        MINISTRY,
    ),
    (
        re.compile(
            PEOPLES_COMMITTEE + r"\s+(?:cap\s+)?(?P<unit>tinh|thanh\s+pho|tp|huyen|quan|thi\s+xa|xa|phuong"
            r"|thi\s+tran|dac\s+khu)\b\.?\s*(?P<name>.*)"
        ),
        lambda match: _unit_level(match["unit"], match["name"]),
    ),
    (
        re.compile(
            r"^(?:giam\s+doc|thu\s+truong|hieu\s+truong|truong\s+(?:phong|ban|khoa)|cuc\s+truong"
            r"|vien\s+truong|tong\s+giam\s+doc|chanh\s+van\s+phong|chi\s+cuc\s+truong|chu\s+nhiem"
            r"|chi\s+huy\s+truong|tu\s+lenh|chinh\s+uy)\b"
        ),
        AGENCY,
    ),
    (re.compile(r"\btinh\s+(?:uy|doan)\b"), PROVINCE),
    (re.compile(r"\b(?:huyen|quan|thi)\s+(?:uy|doan)\b"), DISTRICT),
    (
        re.compile(r"\bthanh\s+(?:uy|doan)\b\s*(?:(?:thanh\s+pho|tp)\b\.?\s*)?(?P<name>.*)"),
        lambda match: PROVINCE if re.match(CENTRAL_CITIES, match["name"]) else DISTRICT,
    ),
    (re.compile(r"\bdang\s+uy\s+(?:xa|phuong|thi\s+tran)\b"), COMMUNE),
    (re.compile(r"\b(?:cap\s+)?tinh\b"), PROVINCE),
    (
        re.compile(r"\b(?:thanh\s+pho|tp)\b\.?\s*(?P<name>.*)"),
        lambda match: PROVINCE if re.match(CENTRAL_CITIES, match["name"]) else DISTRICT,
    ),
    (re.compile(r"\b(?:huyen|thi\s+xa|quan\s+(?!khu|doi|su|chung|doan|ky|nhan|y\b)\w)"), DISTRICT),
    (re.compile(r"\b(?:xa\b(?!\s+hoi)|phuong\b|thi\s+tran\b)"), COMMUNE),
    (re.compile(r"\bco\s+so\b"), AGENCY),
)


def _unit_level(unit: str, name: str) -> str:
    if unit == "tinh":
        return PROVINCE
    if unit.startswith(("thanh", "tp")):
        return PROVINCE if re.match(CENTRAL_CITIES, name) else DISTRICT
    if unit in ("xa", "phuong") or unit.startswith("thi tran"):
        return COMMUNE
    return DISTRICT


def authority_level(authority: str) -> str:
    """The level of an authority as written: “Chủ tịch UBND tỉnh” → province; "" when it says nothing."""
    folded = " ".join(fold_aligned(unicodedata.normalize("NFC", authority or "")).split())
    for pattern, level in LEVEL_RULES:
        match = pattern.search(folded)
        if match:
            return level(match) if callable(level) else level
    return AGENCY if folded else ""


def is_peoples_committee(authority: str) -> bool:
    return bool(re.search(PEOPLES_COMMITTEE, fold_aligned(authority)))


# --- Titles and forms -------------------------------------------------------------------------------------

#: (folded pattern at the start of the text, title, kind, level); the first that matches wins.
FIXED_FORMS: tuple[tuple[str, str, str, str], ...] = (
    (r"ba\s+me\s+viet\s+nam\s+anh\s+hung", "Bà mẹ Việt Nam anh hùng", HONORARY_TITLE, STATE),
    (
        r"anh\s+hung\s+luc\s+luong\s+vu\s+trang(?:\s+nhan\s+dan)?",
        "Anh hùng Lực lượng vũ trang nhân dân",
        HONORARY_TITLE,
        STATE,
    ),
    (r"anh\s+hung\s+lao\s+dong", "Anh hùng Lao động", HONORARY_TITLE, STATE),
    *[
        (rf"{folded}\s+{grade_folded}", f"{name} {grade}", HONORARY_TITLE, STATE)
        for folded, name in (
            (r"nha\s+giao", "Nhà giáo"),
            (r"thay\s+thuoc", "Thầy thuốc"),
            (r"nghe\s+si", "Nghệ sĩ"),
            (r"nghe\s+nhan", "Nghệ nhân"),
        )
        for grade_folded, grade in ((r"nhan\s+dan", "nhân dân"), (r"uu\s+tu", "ưu tú"))
    ],
    (r"giai\s+thuong\s+ho\s+chi\s+minh", "Giải thưởng Hồ Chí Minh", PRIZE, STATE),
    (r"giai\s+thuong\s+nha\s+nuoc", "Giải thưởng Nhà nước", PRIZE, STATE),
    (r"(?:chien\s+si\s+thi\s+dua|cstd)\s+toan\s+quoc", "Chiến sĩ thi đua toàn quốc", EMULATION_TITLE, GOVERNMENT),
    (
        r"(?:chien\s+si\s+thi\s+dua|cstd)\s+(?:cap\s+)?(?:bo|nganh|doan\s+the)\b"
        r"(?:\s*,\s*(?:ban|nganh|tinh|doan\s+the(?:\s+trung\s+uong)?)\b)*",
        "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
        EMULATION_TITLE,
        MINISTRY,
    ),
    (
        r"(?:chien\s+si\s+thi\s+dua|cstd)\s+(?:cap\s+)?(?:tinh|thanh\s+pho)\b",
        "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
        EMULATION_TITLE,
        PROVINCE,
    ),
    (r"(?:chien\s+si\s+thi\s+dua|cstd)\s*(?:cap\s+)?co\s+so|cstdcs", "Chiến sĩ thi đua cơ sở", EMULATION_TITLE, AGENCY),
    (r"chien\s+si\s+tien\s+tien", "Chiến sĩ tiên tiến", EMULATION_TITLE, AGENCY),
    (r"tap\s+the\s+(?:lao\s+dong\s+xuat\s+sac|ldxs)|ttldxs", "Tập thể lao động xuất sắc", EMULATION_TITLE, AGENCY),
    (r"tap\s+the\s+(?:lao\s+dong\s+tien\s+tien|ldtt)|ttldtt", "Tập thể lao động tiên tiến", EMULATION_TITLE, AGENCY),
    (r"don\s+vi\s+quyet\s+thang", "Đơn vị quyết thắng", EMULATION_TITLE, AGENCY),
    (r"don\s+vi\s+tien\s+tien", "Đơn vị tiên tiến", EMULATION_TITLE, AGENCY),
    (r"lao\s+dong\s+tien\s+tien|ldtt", "Lao động tiên tiến", EMULATION_TITLE, AGENCY),
    (r"co\s+thi\s+dua\s+(?:cua\s+)?chinh\s+phu", "Cờ thi đua của Chính phủ", EMULATION_TITLE, GOVERNMENT),
    (r"gia\s+dinh\s+van\s+hoa", "Gia đình văn hóa", EMULATION_TITLE, COMMUNE),
    (
        r"(?:thon|to\s+dan\s+pho|khu\s+dan\s+cu|khu\s+pho|ap|ban|buon|bon|lang|xom|khom|plei|soc)(?:\s*,\s*to\s+dan\s+pho)?"
        r"\s+van\s+hoa",
        "Thôn, tổ dân phố văn hóa",
        EMULATION_TITLE,
        COMMUNE,
    ),
    (r"huan\s+chuong\s+sao\s+vang", "Huân chương Sao vàng", ORDER, STATE),
    (r"huan\s+chuong\s+ho\s+chi\s+minh", "Huân chương Hồ Chí Minh", ORDER, STATE),
    (r"huan\s+chuong\s+dung\s+cam", "Huân chương Dũng cảm", ORDER, STATE),
    (r"huan\s+chuong\s+dai\s+doan\s+ket(?:\s+dan\s+toc)?", "Huân chương Đại đoàn kết dân tộc", ORDER, STATE),
    (r"huan\s+chuong\s+huu\s+nghi", "Huân chương Hữu nghị", ORDER, STATE),
    (r"huy\s+chuong\s+quan\s+ki\s+quyet\s+thang", "Huy chương Quân kỳ quyết thắng", MEDAL, STATE),
    (r"huy\s+chuong\s+vi\s+an\s+ninh\s+to\s+quoc", "Huy chương Vì an ninh Tổ quốc", MEDAL, STATE),
    (r"huy\s+chuong\s+huu\s+nghi", "Huy chương Hữu nghị", MEDAL, STATE),
)
FIXED_FORMS_RE = [(re.compile(rf"(?:{pattern})\b"), title, kind, level) for pattern, title, kind, level in FIXED_FORMS]
CLASS_PATTERN = r"(?:\s*[,\-–]?\s*hang\s*(?P<grade>nhat|nhi|ba|iii|ii|i|1|2|3)\b)?"
#: Orders and medals in three classes: (folded name, name, kind).
CLASSED_FORMS_RE = [
    (re.compile(rf"(?:{prefix}\s+{folded}|{short})\b{CLASS_PATTERN}"), name, kind)
    for prefix, folded, short, name, kind in (  # `short`: the initials offices write ("HCLĐ hạng Ba")
        (r"(?:huan\s+chuong|hc)", r"doc\s+lap", "hcdl", "Huân chương Độc lập", ORDER),
        (r"(?:huan\s+chuong|hc)", r"quan\s+cong", "hcqc", "Huân chương Quân công", ORDER),
        (r"(?:huan\s+chuong|hc)", r"lao\s+dong", "hcld", "Huân chương Lao động", ORDER),
        (r"(?:huan\s+chuong|hc)", r"bao\s+ve\s+to\s+quoc", "hcbvtq", "Huân chương Bảo vệ Tổ quốc", ORDER),
        (r"(?:huan\s+chuong|hc)", r"chien\s+cong", "hccc", "Huân chương Chiến công", ORDER),
        (r"huy\s+chuong", r"chien\s+si\s+ve\s+vang", "hccsvv", "Huy chương Chiến sĩ vẻ vang", MEDAL),
    )
]
#: Forms whose title depends on the authority: (folded pattern, handler name).


CERTIFICATE_RE = re.compile(r"(?P<form>bang\s+khen|giay\s+khen|co\s+thi\s+dua|ki\s+niem\s+chuong|bk|gk)\b")
#: Where an authority written after a form ends: "… của Chủ tịch UBND tỉnh về thành tích …".
AUTHORITY_END_RE = re.compile(r"\s+(?:(?:ve|vi|do|da|voi|trong|co|dat)\s+)*(?:thanh\s+tich|nhung\s+dong\s+gop)\b")
#: What leads to the authority after a form: "của", "do", and the flag's former "xuất sắc" ("Cờ thi đua xuất sắc của …").
AUTHORITY_TAIL_RE = re.compile(r"\s*[,:\-–(]?\s*(?:xuat\s+sac\b\s*)?(?P<said>(?:cua|do)\s+)?")
LEVEL_ONLY_RE = re.compile(
    r"^(?:cap\s+)?(?P<level>tinh|thanh\s+pho|huyen|quan|thi\s+xa|xa|phuong|co\s+so|bo|nganh|trung\s+uong|nha\s+nuoc)$"
)
LEVEL_WORDS = {"tinh": PROVINCE, "thanh pho": PROVINCE, "huyen": DISTRICT, "quan": DISTRICT, "thi xa": DISTRICT}
LEVEL_WORDS.update({"xa": COMMUNE, "phuong": COMMUNE, "co so": AGENCY, "bo": MINISTRY, "nganh": MINISTRY})
LEVEL_WORDS.update({"trung uong": MINISTRY, "nha nuoc": STATE})
PLAIN_FIGHTER_RE = re.compile(r"(?:chien\s+si\s+thi\s+dua|cstd)\b")
GIVER_RE = re.compile(r"(?P<authority>.+?)\s+(?:trao\s+|khen\s+)?tang\s+(?:danh\s+hieu\s+)?")


#: A city named by its kind alone, as a centrally-run city's own documents name it ("UBND thành phố").
_BARE_CITY_RE = re.compile(r"\bthanh\s+pho\s*$", re.IGNORECASE)


def certificate_title(form: str, authority: str, level: str) -> tuple[str, str, str, str]:
    """(title, generic form, kind, level) of a certificate, a flag or a commemorative medal."""
    committee = is_peoples_committee(authority) or (not authority and level)
    if form in ("bang khen", "bk"):
        if level == GOVERNMENT:
            return "Bằng khen của Thủ tướng Chính phủ", MERIT, CERTIFICATE_OF_MERIT, level
        if level == MINISTRY:
            return "Bằng khen của bộ, ban, ngành, đoàn thể Trung ương", MERIT, CERTIFICATE_OF_MERIT, level
        if committee and level == DISTRICT and _BARE_CITY_RE.search(fold_aligned(authority)):
            level = PROVINCE  # "của Chủ tịch UBND thành phố": only a province-level committee gives a Bằng khen
        if level == PROVINCE and committee:
            return "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", MERIT, CERTIFICATE_OF_MERIT, level
        return MERIT, MERIT, CERTIFICATE_OF_MERIT, level
    if form in ("giay khen", "gk"):
        if level == DISTRICT and committee:
            return "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện", COMMENDATION, CERTIFICATE_OF_COMMENDATION, level
        if level == COMMUNE and committee:
            return "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", COMMENDATION, CERTIFICATE_OF_COMMENDATION, level
        if authority:
            return "Giấy khen của Thủ trưởng cơ quan, đơn vị", COMMENDATION, CERTIFICATE_OF_COMMENDATION, level
        return COMMENDATION, COMMENDATION, CERTIFICATE_OF_COMMENDATION, level
    if form == "co thi dua":
        if level == GOVERNMENT:
            return "Cờ thi đua của Chính phủ", "Cờ thi đua", EMULATION_TITLE, level
        return "Cờ thi đua của bộ, ban, ngành, tỉnh", "Cờ thi đua", EMULATION_TITLE, level or PROVINCE
    return "Kỷ niệm chương", "Kỷ niệm chương", COMMEMORATIVE_MEDAL, level or MINISTRY

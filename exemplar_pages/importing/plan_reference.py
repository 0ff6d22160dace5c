"""One legal-basis reference: a clause such as "Căn cứ Nghị định số 91/2017/NĐ-CP ngày … của Chính phủ" read
into a BasisReference (kind, number, date, issuer)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from .plan_models import BasisReference
from .plan_patterns import (
    BASIS_VERB_RE,
    BASIS_VERBS,
    CAPITALISED_TYPE,
    DOC_TYPE_PATTERN,
    DOC_TYPE_RE,
    FULL_STOP,
    OF_RE,
    ORG_START,
)
from .plan_text import (
    DOC_NUMBER,
    DOC_TYPES,
    LOCALITY_UNITS,
    find_dates,
    fold,
    kind_from_number,
    loose,
    normalise_number,
)

ABOUT_RE = re.compile(rf"\s(?:{loose('về')}|vè|vê)\s", re.IGNORECASE)  # an OCR's "vè", "vê" too (not "vệ" of "bảo vệ")


#: "<Type> số <digit>": a numbered document.
NUMBERED = rf"({DOC_TYPE_PATTERN})\s+{loose('số', True)}\s*:?\s*\d"  # an OCR's "sô" too
NUMBERED_IN_RE = re.compile(rf"(?<!\w){NUMBERED}", re.IGNORECASE)


_ATTACHED_RE = re.compile(
    rf"{loose('ban hành')}\s+(?:{loose('kèm')}\s+)?{loose('theo')}\s+({DOC_TYPE_PATTERN})\s+{loose('số')}\s*:?\s*({DOC_NUMBER})",
    re.IGNORECASE,
)
#: "Quy chế … của Đại học … do Hội đồng đại học ban hành theo Nghị quyết số …": the body that issued it.
_ISSUED_BY_RE = re.compile(rf"\s{loose('do')}\s+(\S.*?)\s+$", re.IGNORECASE)
_NUMBER_IN_RE = re.compile(rf"(?:{loose('số')}\s*:?\s*|^)({DOC_NUMBER})", re.IGNORECASE)
#: A number after a document's name: "Luật … số 46/2010/QH12".
#: The word before a number: "số", "s" where a copy lost the "ố", "sổ" mistyped.
_NUMBER_WORD = rf"(?:{loose('số', True)}|(?<!\w)s(?=\s+\d))"  # "sổ", an OCR's "sô" too
#: A number cited bare after its kind, ending there ("Nghị định 98 của Chính phủ", "NĐ số 152;"); never a year.
_BARE_NUMBER_RE = re.compile(
    rf"\s*(?:{_NUMBER_WORD}\s*:?\s*)?(?!(?:19|20)\d\d\b)(\d{{1,4}})(?=\s*(?:$|[,;.)]|\s(?:của|ngày|và|về)\b))",
    re.IGNORECASE,
)
_NUMBER_LATER_RE = re.compile(rf"{_NUMBER_WORD}\s*:?\s*({DOC_NUMBER})", re.IGNORECASE)
#: A basis that cites an opinion or a proposal "at" (in) a numbered document: the document is the reference.
_WITHIN_RE = re.compile(
    rf"^[^;]{{0,300}}?\s(?:(?:{loose('tại')}|{loose('theo')})\s+(?=(?:{DOC_TYPE_PATTERN})\s+(?:{loose('số')}|\d+[/-]))"
    rf"|{loose('quy định tại')}\s+(?=(?:{DOC_TYPE_PATTERN})\b))",
    re.IGNORECASE,
)
_AMENDING_RE = re.compile(rf"\s*{loose('sửa đổi')}", re.IGNORECASE)
_LAW_NUMBER_RE = re.compile(r"/QH\d*$", re.IGNORECASE)
_DIRECTED_BY_RE = re.compile(rf"{loose('chỉ đạo')}\s+(?=[A-ZĐ])")


_CONGRESS_ORDINAL_RE = re.compile(rf"\s+{loose('lần thứ')}\s+(?:[IVXLC]+|\d+|\w+)\b")
_BRACKETED_REFERENCE_RE = re.compile(rf"\(\s*(?=(?:{DOC_TYPE_PATTERN})\s+{loose('số')})", re.IGNORECASE)
_PROPOSAL_RE = re.compile(rf"{loose('đề nghị')}\b", re.IGNORECASE)
_ISSUER_END_RE = re.compile(
    # "… tổ chức …" ends a body but in "Liên hiệp các tổ chức hữu nghị" and "các tổ chức …" (bodies named together)
    r"\s+(?:triển khai|thực hiện|thi hành(?! án)|(?<!các )tổ chức|phát động|đẩy mạnh|công bố|điều chỉnh|tại|đã|đến|để|nhằm|trên"
    r"|theo|nhiệm kỳ)\b"  # but "Cục Quản lý thi hành án dân sự" is a body
    r"|\s+xây\s*dựng\s+(?i:kế hoạch|chương trình|hướng dẫn)\b"  # "… Trung ương xâydựng Kế hoạch", not a movement's name
    r"|(?<!Hội nghị)\s+(?i:lần thứ)\b"  # but "Hội nghị lần thứ sáu Ban Chấp hành Trung ương …" is a plenum's name
    r"|(?<!\b[Bb]an)\s+chỉ đạo\b"  # "… chỉ đạo …" ends a body, but a "Ban chỉ đạo" is one
    # (no "khóa": a term stays in its body's name, "Ban Chấp hành Đảng bộ tỉnh khóa XVIII", "Quốc hội khóa XIV")
    r"|\s+(?i:về|việc|quy định|hướng dẫn|ban hành|phê duyệt|sửa đổi|bổ sung|V/v|ve|viec|quy dinh|huong dan"
    r"|ban hanh|phe duyet|sua doi)\b"
    r"|\s+(?:quy|hướng|sửa|phê)$"  # a verb a cut-off copy ends in ("của Chính phủ quy")
    r"|\s+trong\s+(?i:năm|tháng|quý|giai đoạn|thời gian|dịp|học kỳ)\b"  # "của Công đoàn trường … trong năm học …"
    r"|\s+(?i:giai đoạn)\s+\d"  # "của Hội Nông dân … và Liên minh Hợp tác xã Việt Nam giai đoạn 2024 - 2029"
    r"|\s+(?i:sửa\s+đ\w?i|hướng\s+d\w?n|quy\s+đ\w?nh)\b"  # a verb that lost letters ("sửa đi", "quy đnh")
    r"|\s+(?:(?i:quy định|hướng dẫn|sửa đổi|ban hành)(?=\w)|về(?=[^\W\d_]))"  # glued: "quy địnhchức", "vềphê"
    r"|\s+(?i:năm học|năm)\s+\d"  # "của Đoàn trường … năm học 2020-2021"
    r"|\s+(?i:tháng)\s+\d{1,2}\s*/\s*\d{4}"  # "Nghị quyết của Chi bộ thôn Đông Hòa tháng 3/2026": its meeting's month
    r"|\s+họp\b"  # "của Hội đồng … họp ngày …": the meeting that concluded
    r"|\s+(?:yêu cầu|đề nghị)\b"  # "…, Ủy ban nhân dân tỉnh yêu cầu:": the body that acts
    r"|\s+(?:Xét|Theo)\s+(?i:đề nghị|tờ trình|đề xuất)\b"  # the next line of a decision, its break lost
    r"|\s+(?=(?:Kết luận|Thông báo|Quyết định|Chỉ thị|Nghị quyết|Công văn|Thông tư|Nghị định)\s)"  # its subject
    r"|\s+và\s+(?=(?:kết quả|tình hình|nhiệm vụ|thực tế|thực tiễn|yêu cầu|điều kiện|ý kiến)\b)"  # "… và kết quả họp …"
    r"|\s+(?:và\s+)?kế hoạch\b"  # "… của bậc học mầm non kế hoạch chỉ đạo …": a kind in lower case is no name's word
    rf"|\s*[,;()\"“”«]|{FULL_STOP}(?:\s|$)"
)


#: The verbs with which the body issuing a document starts acting on its basis.
_ACTS_RE = re.compile(r"\s+(?:yêu cầu|đề nghị|ban hành|xây dựng|triển khai|hướng dẫn|thông báo)\b")
#: "(LĐLĐ)" inside a name, and its term in brackets: "Ban Bí thư (khoá X)".
_INNER_ABBREVIATION_RE = re.compile(r"\(([A-ZĐ&]{2,8}|(?i:khóa|khoá)\s+[IVXLC]+)\)(?=\s|$|[;,.])")


#: A local organ named after another's comma: "Huyện ủy, Hội đồng nhân dân, Ủy ban nhân dân huyện".
_JOINT_ISSUER_RE = re.compile(
    r"\s*(?:"
    + "|".join(
        loose(organ)
        # and the Party's central organs: "của Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư"
        for organ in (
            "Hội đồng nhân dân",
            "HĐND",
            "Ủy ban nhân dân",
            "Uỷ ban nhân dân",
            "UBND",
            "Bộ Chính trị",
            "Ban Bí thư",
        )
    )
    + rf"|(?:{loose('Đảng')}|{loose('Huyện')}|{loose('Tỉnh')}|{loose('Thành')}|{loose('Thị')})\s*(?:ủy|uỷ)\b)"
)


#: A name that holds a comma: "Bộ Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thông tin, …", "Hội đồng Thi đua, Khen
#: thưởng".
#: "Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng", "Cục Phổ biến, giáo dục pháp luật và
#: Trợ giúp pháp lý" too.
_COMMA_IN_NAME_BEFORE_RE = re.compile(
    r"(?:Văn hóa|Văn hoá|Thông tin|(?i:thi đua)|trại giam|giáo dục bắt buộc|(?i:phổ biến))$"
)
_COMMA_IN_NAME_AFTER_RE = re.compile(
    r"\s*(?:Thể thao|Thông tin|(?i:khen thưởng)|Gia đình|cơ sở giáo dục bắt buộc|trường giáo dưỡng|(?i:giáo dục pháp luật))\b"
)


def comma_in_name(text: str, comma: re.Match) -> bool:
    """Whether a comma of the text is inside a body's name ("Sở Văn hóa, Thể thao và Du lịch")."""
    return bool(
        _COMMA_IN_NAME_BEFORE_RE.search(text, 0, comma.start()) and _COMMA_IN_NAME_AFTER_RE.match(text, comma.end())
    )


#: Words pointing back at documents already cited: "quy định nêu trên", "các văn bản trên đây", "Kế hoạch này".
_ANAPHORA_RE = re.compile(
    rf"(?:{loose('nêu trên')}|{loose('trên đây')}|{loose('đã nêu')}|{loose('vừa nêu')}|{loose('này')})(?!\w)",
    re.IGNORECASE,
)
#: Ministries issuing jointly: "Liên Bộ: Lao động Thương binh và Xã hội, Tài chính, Y tế" is one issuer.
_JOINT_MINISTRIES_RE = re.compile(r"(?i:liên)\s+(?i:bộ)\b")


#: A steering committee, whose name lists its tasks with commas: "Ban Chỉ đạo phòng chống tội phạm, tệ nạn xã hội
#: và … tỉnh Kon Tum"; a national one's name holds "về": "Ban Chỉ đạo Trung ương về phát triển khoa học, …".
_STEERING_RE = re.compile(rf"{loose('Ban Chỉ đạo')}\s", re.IGNORECASE)
_STEERING_STOP_RE = re.compile(
    rf"[;:()]|\s(?:{loose('tại')}|{loose('theo')}|{loose('ngày')})\s|\s{loose('số')}\s*\d", re.IGNORECASE
)
_NATIONAL_STEERING_RE = re.compile(
    rf"{loose('Ban Chỉ đạo')}\s+(?:{loose('Trung ương')}|{loose('quốc gia')})$", re.IGNORECASE
)


#: The locality that ends a steering committee's name: "Ban Chỉ đạo triển khai xóa nhà tạm, nhà dột nát trên địa bàn
#: tỉnh Khánh Hòa" (its tasks, verbs and commas and all, come before it).
_STEERING_PLACE_RE = re.compile(
    rf"\s(?:{'|'.join(loose(unit) for unit in LOCALITY_UNITS)})\s+[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*)*"
)

#: A subject opening right after a number, with no "về": its "của" names what the subject is about.
_SUBJECT_VERB_RE = re.compile(rf"[\s,]*(?:{loose('quy định')}|{loose('phê duyệt')})\s", re.IGNORECASE)
#: Where the name has ended: another body's part of the sentence ("… tỉnh Khánh Hòa và chỉ đạo của UBND tỉnh …"),
#: the subject ("… về tổ chức Ngày hội …").
_OTHER_BODY_RE = re.compile(rf"\s(?:{loose('của')}|{loose('về')})\s", re.IGNORECASE)


def _steering_committee(text: str) -> str | None:
    """A steering committee's whole name, to the locality that ends it, when the text names one before any stop."""
    stops = [m.start() for m in (_STEERING_STOP_RE.search(text), _OTHER_BODY_RE.search(text)) if m]
    places = list(_STEERING_PLACE_RE.finditer(text, 0, min(stops, default=len(text))))
    return text[: places[-1].end()] if _STEERING_RE.match(text) and places else None


#: "kế hoạch công tác năm 2020": a body's own plan of one year, a document of its own.
_YEARS_PLAN_RE = re.compile(rf"\s*(?:{loose('công tác')}\s+)?{loose('năm')}\s+(?:{loose('học')}\s+)?\d{{4}}\b", re.I)
_QUOTED_MOVEMENT_RE = re.compile(rf"((?i:{loose('phong trào')}|{loose('vận động')}) )(“[^“”]{{1,200}}”)")
_MASKED_QUOTES = str.maketrans("“”", "\3\4")
_UNMASKED_QUOTES = str.maketrans("\3\4", "“”")


def _issuer(text: str) -> str | None:
    """ "Bộ trưởng Bộ Nội vụ quy định chi tiết …" -> "Bộ trưởng Bộ Nội vụ"."""
    if steering := _steering_committee(text):
        return steering
    # an abbreviation or a term inside the name is part of it: "Tổng Liên đoàn Lao động (LĐLĐ) Việt Nam", "(khoá X)"
    text = _INNER_ABBREVIATION_RE.sub(lambda a: f"\0{a.group(1)}\1", text)
    # a movement quoted in the name is part of it: "Ban Chỉ đạo phong trào “Toàn dân đoàn kết …” huyện"
    text = _QUOTED_MOVEMENT_RE.sub(lambda q: q.group(1) + q.group(2).replace(" ", "\2").translate(_MASKED_QUOTES), text)
    m = _ISSUER_END_RE.search(text)
    while (
        m
        and text[m.start() : m.end()].strip() == ","
        and (
            _JOINT_ISSUER_RE.match(text, m.end())  # "của Đảng ủy, HĐND, UBND xã …": several bodies
            or _JOINT_MINISTRIES_RE.match(text)
            or comma_in_name(text, m)
            or _STEERING_RE.match(text)
        )
    ):
        following = _ISSUER_END_RE.search(text, m.end())
        if following and _ACTS_RE.match(text, following.start()):
            break  # "… của UBND tỉnh, Ủy ban nhân dân tỉnh yêu cầu:": the next body is the sentence's subject
        m = following
    if m and _CONGRESS_ORDINAL_RE.match(text, m.start()) and re.match(loose("Đại hội"), text.lstrip()):
        # "Đại hội đại biểu Hội Người cao tuổi xã Gia Viễn lần thứ I": a congress's ordinal is its name's
        ordinal = _CONGRESS_ORDINAL_RE.match(text, m.start())
        m = _ISSUER_END_RE.search(text, ordinal.end())
    issuer = (text[: m.start()] if m else text).strip(" .,;:").replace("\0", "(").replace("\1", ")")
    issuer = issuer.replace("\2", " ").translate(_UNMASKED_QUOTES)
    return issuer or None


def _has_proper_word(text: str) -> bool:
    """A word written as a name ("Đoàn", "Hà Nội"), not an abbreviation in capitals ("TĐKT")."""
    return any(len(w) > 1 and w[0].isupper() and w[1:].islower() for w in re.findall(r"\w+", text))


#: A date that lost its day or month, read as no date: "ngày 31 tháng năm 2020".
_BROKEN_DATE_RE = re.compile(
    rf"^\s*{loose('ngày')}\s*\d{{0,2}}\s*{loose('tháng')}\s*\d{{0,2}}\s*{loose('năm')}\s*\d{{4}}"
)


_BETWEEN_RE = re.compile(rf"\s{loose('giữa')}\s+(?=[A-ZĐÀ-Ỹ])")
#: "phối hợp giữa …": a joint document, named by the bodies that made it.
_JOINT_RE = re.compile(rf"{loose('phối hợp')}\s*$")
#: Where a body's name starts when no "của" introduces it: an organisation, the Prime Minister, the Government, a ministry.
_ISSUER_START = rf"(?:{ORG_START}|{loose('Thủ tướng')}|{loose('Chính phủ')}|{loose('Bộ')})\b"
#: "… Cuộc thi “Tuổi trẻ học tập …” năm 2018 của Bộ Giáo dục và Đào tạo": the issuer after a quoted subject.
_OF_AFTER_QUOTE_RE = re.compile(
    rf"[”\"]\s*(?:{loose('năm')}\s+\d{{4}}\s*)?{loose('của')}\s+(?={_ISSUER_START})",
    re.IGNORECASE,
)
#: A body named at the end of a cited document's subject.
_SUBJECT_OWNER_RE = re.compile(rf"\s{loose('của')}\s+(?={_ISSUER_START})")
#: A document cited without number, date or "của" whose words name its body: "Thông báo Phòng Tổ chức Cán bộ Sở Y
#: tế …", "chương trình Công tác Đoàn trường Cao đẳng Đức Trí năm học 2015 – 2016".
_NAMED_OWNER_RE = re.compile(
    rf"\s*(?:(?:{loose('công tác')}|{loose('hoạt động')})\s+)?((?=[A-ZĐ])(?:{ORG_START})\b(?!\s+{loose('và')}\s).*)",
    re.IGNORECASE,
)
#: Kinds a body issues under its name; a Law, a charter or a congress's resolution names its subject so.
_OWNED_TYPES = ("Chương trình", "Kế hoạch", "Thông báo", "Hướng dẫn", "Công văn")
#: "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Đại hội Đoàn trường năm học 2014 - 2015", a company's
#: "Đại hội đồng cổ đông": a congress.
_CONGRESS_RE = re.compile(
    rf"\s*({loose('Đại hội đồng cổ đông')}(?=\s|$)"  # a company's shareholders: "Nghị quyết Đại hội đồng cổ đông số …"
    rf"|{loose('Đại hội')}\s+[IVXLC]+(?=\s|$)"  # "Nghị quyết Đại hội X của Đảng"
    # a plenum: "Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương về …"
    rf"|{loose('Hội nghị')}\s+{loose('lần thứ')}\s+\w+\s+{loose('Ban Chấp hành')}\s+[^;,]*?(?=\s+{loose('về')}\s|\s*$)"
    rf"|{loose('Đại hội')}\s[^;,]*?(?:{loose('lần thứ')}\s+[IVXLC\d]+|(?=\s+(?:{loose('năm học')}|{loose('nhiệm kỳ')})\s)))"
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
        verb = next((v for v in BASIS_VERBS if fold(v) == fold(verb)), "Căn cứ" if fold(verb) == "can" else verb)
        verb = "Căn cứ" if verb == "Căn cứ vào" else verb
    elif inherited_verb:
        verb, rest = inherited_verb, clause
    else:
        return None
    if verb.startswith("Để") and (adverb := _PURPOSE_ADVERB_RE.match(rest)):
        if NUMBERED_IN_RE.match(rest, adverb.end()):  # "Để tiếp tục thực hiện nghiêm Chỉ thị số …": a basis
            rest = rest[adverb.end() :]
    if _PROPOSAL_RE.match(rest):  # "Theo đề nghị … tại Tờ trình số …": a proposal, not a basis
        return None
    t = DOC_TYPE_RE.match(rest)
    if not t and (inside := _BRACKETED_REFERENCE_RE.search(rest)):  # "Chỉ đạo của … (Thông báo số 1530/VPCP …)"
        t = DOC_TYPE_RE.match(rest[inside.end() :])
    whose = ""  # "chỉ đạo của <body> tại …": the body, which the document names no other
    # "ý kiến chỉ đạo của … tại Công văn số …"; "hướng dẫn của Ban … tại Công văn số …": the guidance is the letter
    if (not t or t.group(1)[:1].islower() and not _NUMBER_IN_RE.match(t.group(2))) and (
        within := _WITHIN_RE.search(rest)
    ):
        t = DOC_TYPE_RE.match(rest[within.end() :])
        whose = rest[: within.end()]
    if not t:
        return None
    doc_type = next((d for d in DOC_TYPES if fold(d) == fold(t.group(1))), t.group(1))
    rest = t.group(2)
    if _ANAPHORA_RE.match(rest):
        return None  # "Trên cơ sở quy định nêu trên …": the documents already cited, no new one
    sent_as_letter = re.match(rf"\s*({DOC_TYPE_PATTERN})\s+(?={loose('số')}\b)", rest, re.IGNORECASE)
    if doc_type == "Công văn" and sent_as_letter:  # "công văn hướng dẫn số 29/HD-…": the guidance, sent as a letter
        doc_type = next((d for d in DOC_TYPES if fold(d) == fold(sent_as_letter.group(1))), sent_as_letter.group(1))
        rest = rest[sent_as_letter.end() :]
    if re.match(rf"{loose('này')}\b", rest, re.IGNORECASE):
        return None  # "… thông tư này quy định …": the document itself
    about = ABOUT_RE.search(rest)
    head, subject = (rest[: about.start()], rest[about.end() :]) if about else (rest, "")
    number_m = re.match(rf"\s*(?:{_NUMBER_WORD}\s*:?\s*)*({DOC_NUMBER})", head, re.IGNORECASE)
    after = number_m.end() if number_m else 0
    if number_m is None:  # "nội dung hướng dẫn … (Hướng dẫn số 04/HD-BCĐ ngày … của …)"
        inner = re.search(rf"\(\s*(?:{DOC_TYPE_PATTERN})\s+{loose('số')}\s*:?\s*({DOC_NUMBER})", head, re.IGNORECASE)
        number_m, after = inner, (inner.end() if inner else 0)
    attached = None
    if number_m is None:  # "Quy định về … ban hành kèm theo Quyết định số 1218-QĐ/HNDTW": the decision
        attached = _ATTACHED_RE.search(head)
        if attached is None and about and (attached := _ATTACHED_RE.search(rest)):
            # "Điều lệ mẫu về tổ chức … ban hành kèm theo Quyết định số …": the decision after the regulation's subject
            about = ABOUT_RE.search(rest, attached.end())
            head, subject = (rest[: about.start()], rest[about.end() :]) if about else (rest, "")
        if attached:
            doc_type = next((d for d in DOC_TYPES if fold(d) == fold(attached.group(1))), attached.group(1))
            number_m, after = attached, attached.end()
    if number_m is None:  # "Luật Thi đua, Khen thưởng hợp nhất tại văn bản số 16/VBHN-VPQH ngày …"
        first_date = next((d[1] for d in find_dates(head)), len(head))
        later = _NUMBER_LATER_RE.search(head[:first_date])
        # "Luật Sửa đổi, bổ sung một số điều của Luật … số 87/2025/QH15": the amending Law's own number, after its title
        amending = doc_type == "Luật" and _AMENDING_RE.match(head)
        # "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13": a National Assembly's number
        # is the Law's own, whatever its name holds
        laws_own = doc_type == "Luật" and later and _LAW_NUMBER_RE.search(later.group(1))
        if later and (amending or laws_own or not OF_RE.search(head[: later.start()])):
            number_m, after = later, later.end()
    if number_m is None and doc_type != "Luật":  # "Nghị định 98 của Chính phủ": a number cited short, not a year
        number_m = _BARE_NUMBER_RE.match(head)
        after = number_m.end() if number_m else 0
    number = normalise_number(number_m.group(number_m.lastindex)) if number_m else None
    if doc_type == "Văn bản" and number:  # "văn bản số 91/2017/NĐ-CP": a Decree; "số 2490/BTĐKT-VII": a letter
        doc_type = kind_from_number(number) or doc_type
    all_dates = _dates_not_in_range(head)
    dates = [d for d in all_dates if d[1] >= after] or all_dates
    date = dates[0][0] if dates else None
    anchor = max(after, dates[0][2] if dates and dates[0][1] >= after else 0)
    issuer = None
    of = OF_RE.search(head, anchor) if (number or date) else OF_RE.search(head)
    if of and number and _SUBJECT_VERB_RE.match(head, anchor, of.start()):
        of = None  # "Quyết định số 1040/QĐ-BHXH quy định chức năng … của Bảo hiểm xã hội tỉnh": the subject's body
    # a Law's "của" names its issuer only after its date or year ("Luật … năm 2015 của Quốc hội"), else it is its subject's
    year = dates[0][1] if dates else (y.start() if (y := re.search(rf"{loose('năm')}\s+\d{{4}}", head)) else None)
    if of and not (doc_type == "Luật" and (year is None or of.start() < year)):
        issuer = _issuer(head[of.end() :])
        if issuer and _NATIONAL_STEERING_RE.match(issuer) and (again := ABOUT_RE.search(subject)):
            # "… của Ban Chỉ đạo Trung ương về phát triển khoa học, … và chuyển đổi số về kết luận …": the first "về"
            # is the committee's name, the second opens the subject
            if not _STEERING_STOP_RE.search(subject, 0, again.start()):
                issuer = f"{issuer} về {' '.join(subject[: again.start()].split())}"
                subject = subject[again.end() :]
        if doc_type.endswith("liên tịch") and issuer:  # "của Ủy ban Thường vụ Quốc hội, Chính phủ và …": all its makers
            makers = " ".join(head[of.end() :].split())
            end = next((m for m in _ISSUER_END_RE.finditer(makers) if m.group().strip() not in (",", "")), None)
            issuer = makers[: end.start() if end else None].strip(" ,;.") or issuer
        if issuer and NUMBERED_IN_RE.match(issuer):
            # "… ngày 24/6/2023 sửa đổi … của Nghị định số 27/2022/NĐ-CP": a document, whose issuer came before
            issuer = of = None
    elif (
        of is None and (number or date) and doc_type != "Luật"
    ):  # "… ngày 04/11/2017 Ủy ban nhân dân tỉnh …" ("của" lost)
        bare = re.match(
            rf"\s*({_ISSUER_START}.*)",
            _BROKEN_DATE_RE.sub("", head[anchor:], count=1),  # "ngày 31 tháng năm 2020 Bộ …": a month lost
            re.IGNORECASE,
        )
        # a body's name, not "ban hành …"; a copy may write a committee in lower case ("ủy ban nhân dân tỉnh …")
        named = bare and (bare.group(1)[:1].isupper() or fold(bare.group(1)).startswith("uy ban nhan dan "))
        issuer = _issuer(bare.group(1)) if named else None
    if issuer is None and attached and number_m is attached and (by := _ISSUED_BY_RE.search(head, 0, attached.start())):
        issuer = _issuer(by.group(1))  # "Quy chế … do <body> ban hành theo …"
    if issuer is None and attached and number_m is attached and (owner := OF_RE.search(head, 0, attached.start())):
        issuer = _issuer(head[owner.end() : attached.start()])  # "Quy chế … của <body> ban hành kèm theo …"
    if issuer is None and of is None and (number or date and doc_type != "Luật") and dates and dates[0][1] > after:
        # "số 36/KH-UBATGTQG của Ủy ban … ngày 10/01/2022", "Kết luận của Hội đồng … họp ngày 17 tháng 04 năm 2023"
        early = OF_RE.search(head, after, dates[0][1])
        if early:
            issuer = _issuer(re.sub(rf"[\s,]*{loose('ngày')}\s*$", "", head[early.end() : dates[0][1]]))
    between = _BETWEEN_RE.search(head, anchor) if issuer is None and of is None else None
    if between and (number or date or _JOINT_RE.search(head, 0, between.start() + 1)):
        # "Chương trình phối hợp số … giữa Bộ Công an và Bộ …", "quy chế phối hợp giữa Thường trực HĐND xã và …"
        issuer = _issuer(head[between.end() :])
    quoted = _OF_AFTER_QUOTE_RE.search(subject) if issuer is None and (number or date) else None
    if quoted and subject[quoted.end()].isupper():  # a body's name, not "… của bộ phận …"
        issuer = _issuer(subject[quoted.end() :])
    last_of = list(_SUBJECT_OWNER_RE.finditer(subject)) if issuer is None and number and not of else []
    if last_of and not re.search(rf"\b(?:{CAPITALISED_TYPE})\b", subject[: last_of[-1].start()]):
        # "Công văn số 384/PGD&ĐT ngày … về việc hướng dẫn nhiệm vụ … năm học 2024-2025 của Phòng Giáo dục …": the
        # body at the subject's end, no other document named before it
        issuer = _issuer(subject[last_of[-1].end() :])
    if issuer is None and (owner := OF_RE.search(whose) or _DIRECTED_BY_RE.search(whose)):
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
    if issuer and re.match(rf"(?:{DOC_TYPE_PATTERN})\b", issuer, re.IGNORECASE):
        issuer = None  # "… một số điều của Luật Thi đua, khen thưởng": a subject, no issuing body
    if issuer is None and doc_type == "Luật" and (passed := _PASSED_BY_RE.search(head)):
        issuer = _issuer(passed.group(1))  # "… được Quốc hội thông qua ngày 16 tháng 11 năm 2013"
    if m is None and not (number or date) and t.group(1)[:1].islower() and doc_type in ("Quy định", "Hướng dẫn"):
        return None  # "…; quy định chi tiết … của Luật …": a verb, the subject of the reference before its ";"
    if not (
        number or date or issuer or t.group(1)[:1].isupper() or _has_proper_word(rest) or _YEARS_PLAN_RE.match(rest)
    ):
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

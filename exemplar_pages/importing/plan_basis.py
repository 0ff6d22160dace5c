"""The legal basis of a plan: its preamble paragraphs, split into clauses and references in the order of the text."""

from __future__ import annotations

import dataclasses
import re

from .plan_models import BasisReference
from .plan_patterns import (
    BASIS_VERB_RE,
    CAPITALISED_TYPE,
    DOC_TYPE_PATTERN,
    DOC_TYPE_RE,
    FULL_STOP,
    OF_RE,
    OPENING_RE,
    VERB_PATTERN,
    is_body_start,
)
from .plan_reference import ABOUT_RE, NUMBERED, NUMBERED_IN_RE, comma_in_name, parse_reference
from .plan_text import (
    NUMBER_KINDS,
    find_dates,
    fold,
    is_allcaps,
    loose,
)

#: ", trên cơ sở Kế hoạch số …": a second basis verb and its numbered reference inside one sentence.
#: ", thực hiện Kế hoạch của UBND huyện …": a basis verb in lower case before a capitalised kind, another reference.
_VERB_KIND_RE = re.compile(
    rf"(?:{loose('thực hiện')}|{loose('căn cứ')}|{loose('triển khai')})\s+(?-i:{CAPITALISED_TYPE})\s", re.IGNORECASE
)
#: ", căn cứ vào hướng dẫn của Ban …": a reference of its own after another's subject.
_VERB_OWNED_KIND_RE = re.compile(
    rf"(?:{loose('thực hiện')}|{loose('căn cứ')})(?:\s+{loose('vào')})?\s+(?:{DOC_TYPE_PATTERN})\s+{loose('của')}\s",
    re.IGNORECASE,
)
_VERB_REFERENCE_RE = re.compile(rf"(?:{VERB_PATTERN})\s+(?:{DOC_TYPE_PATTERN})\s+{loose('số')}\b", re.IGNORECASE)
_ALSO_RE = re.compile(rf"^{loose('đồng thời')}\s+(?=\w)", re.IGNORECASE)


def split_clauses(paragraph: str) -> list[str]:
    """Split a preamble paragraph at ";", at a sentence end and before a comma-joined opening sentence."""
    clauses: list[str] = []
    for part in re.split(rf";\s*|{FULL_STOP}\s+(?=[A-ZĐÀ-Ỹ])", paragraph):
        start = 0
        for m in re.finditer(r",\s*", part):
            if comma_in_name(part, m):
                continue  # "của Sở Văn hóa, Thể thao và Du lịch …"
            rest = _ALSO_RE.sub("", part[m.end() :])  # ", đồng thời thực hiện Kế hoạch số …": the same verbs
            if (
                (rest[:1].isupper() and OPENING_RE.match(rest))
                or _VERB_REFERENCE_RE.match(rest)
                or _VERB_KIND_RE.match(rest)
                or _VERB_OWNED_KIND_RE.match(rest)
            ):
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
_AMENDED_BY = (
    rf"\s*,\s+(?:{loose('đã')}\s+)?{loose('được')}\s+{loose('sửa đổi')},?\s+{loose('bổ sung')}\s+"
    rf"(?:{loose('bởi')}|{loose('tại')}|{loose('theo')})\s+(?=(?:{DOC_TYPE_PATTERN})\s+{loose('số')}\b)"
)
_AMENDED_BY_RE = re.compile(_AMENDED_BY, re.IGNORECASE)
_NEXT_REFERENCE_RE = re.compile(
    # "… và các Luật sửa đổi, bổ sung …": the amending Laws, "các" before a Law too
    rf"(?:\s+{loose('và')}|\s*,)\s+(?=(?:{loose('các')}\s+)?(?:(?:{DOC_TYPE_PATTERN})\s+(?:{loose('số')}\b|\d+\s*[/-])"
    rf"|{loose('Luật')}\s+[A-ZĐÀ-Ỹ]))"
    # "Điều lệ và Hướng dẫn thực hiện Điều lệ …", "Chương trình … năm 2021 cũng như Chương trình … năm học …"
    rf"|\s+(?:{loose('và')}|{loose('cũng như')})\s+(?=(?-i:{CAPITALISED_TYPE})\s)"
    rf"|(?<=\w)\s+và\s+(?=(?-i:kế hoạch|chương trình)\s)"  # "… của Hiệu trưởng … và kế hoạch hoạt động Thư viện …"
    rf"|(?<=[”\"])\s*(?=(?-i:{CAPITALISED_TYPE})\s+{loose('số')})"  # "… tỉnh Lạng Sơn”Quyết định số …": a lost "; "
    rf"|(?:\s+{loose('và')}|\s*,)\s+(?={_NEXT_NUMBER})"  # "các Nghị định số 42/2010/NĐ-CP …, số 39/2012/NĐ-CP …"
    rf"|\s*,\s+(?=(?-i:{CAPITALISED_TYPE})\s+{loose('Đại hội')}\s)"  # "…, Nghị quyết Đại hội … lần thứ IV"
    # "Nghị định số 98/2023/NĐ-CP … , được sửa đổi, bổ sung bởi Nghị định số 152/2025/NĐ-CP …": the amending one too
    rf"|{_AMENDED_BY}",
    re.IGNORECASE,
)
#: A document named without number, with its owner or its congress: "Kế hoạch nhiệm vụ năm học … của Nhà trường",
#: "Nghị quyết Đại hội đại biểu Đảng bộ … lần thứ IV": a reference of its own, not the subject of the one before.
_OWNED_UNNUMBERED_RE = re.compile(
    rf"(?-i:{CAPITALISED_TYPE})\s+(?:(?:(?!(?-i:{CAPITALISED_TYPE})\b)[^,;]){{0,80}}?\s{loose('của')}\s+"
    rf"(?!(?-i:{CAPITALISED_TYPE})\b)(?-i:[A-ZĐÀ-Ỹ])|{loose('Đại hội')}\s)",
    re.IGNORECASE,
)
_NUMBERED_DATED_RE = re.compile(rf"(?:{DOC_TYPE_PATTERN})\s+\d+\s*[/-]\S*\s*,?\s*{loose('ngày')}\s*\d", re.IGNORECASE)
_NUMBERED_LAW_RE = re.compile(rf"{loose('Luật')}\s+[^,;]{{1,60}}?\s{loose('số')}\s*\d+/\d{{4}}/QH\d*", re.IGNORECASE)
_ENDS_WITH_YEAR_RE = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}$")
_SUBJECT_VERB_RE = re.compile(r"\s(?:về|quy định|hướng dẫn|ban hành|sửa đổi|phê duyệt|thi hành)[\s,]", re.IGNORECASE)
_OF_REFERENCE_RE = re.compile(rf"\s{loose('của')}\s+({DOC_TYPE_PATTERN})\s+{loose('số')}", re.IGNORECASE)
_NEXT_UNNUMBERED_RE = re.compile(rf",\s+(?=(?:{DOC_TYPE_PATTERN})\s)", re.IGNORECASE)


def _named_in_subject(clause: str, start: int, m: re.Match) -> bool:
    """Whether the document after ``m`` is named in the subject of the reference before it, as one of several of
    the same kind: "… hướng dẫn thi hành một số điều của Nghị định số A, Nghị định số B và Nghị định số C"."""
    verbs = list(_SUBJECT_VERB_RE.finditer(clause, start, m.start()))
    of = _OF_REFERENCE_RE.search(clause, verbs[-1].end(), m.start()) if verbs else None
    return bool(of) and fold(clause[m.end() :]).startswith(fold(of.group(1)) + " ")


#: ", hướng dẫn thực hiện Nghị định …", ", quy định chi tiết …": a verb describing the reference before the comma.
_TYPE_AS_VERB_RE = re.compile(rf"(?:{loose('hướng dẫn')}|{loose('quy định')})\s")


def _restates_type(before: str, after: str) -> bool:
    """Whether ``after`` opens with the lower-case type of the numbered document ``before`` cites."""
    numbered = NUMBERED_IN_RE.search(before)
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
        # "…, Luật Hợp tác xã số 17/2023/QH15 ngày …": a Law with its number, a reference of its own
        own = own or _NUMBERED_LAW_RE.match(clause, m.end())
        own = own or _OWNED_UNNUMBERED_RE.match(clause, m.end())
        if law and not dated and not own and _SUBJECT_VERB_RE.search(clause[start : m.start()]):
            continue  # "… quy định chi tiết … của Luật A và Luật B": the Decree's subject, not a new reference
        if _named_in_subject(clause, start, m):
            continue
        if _AMENDED_BY_RE.match(clause, m.start()) and len(NUMBERED_IN_RE.findall(clause, start, m.start())) > 1:
            continue  # "… ban hành kèm theo Thông tư số 17/…, đã được sửa đổi, bổ sung bởi …": the subject's text amended
        pieces.append(clause[start : m.start()])
        start = m.end()
    pieces.append(clause[start:])
    out: list[str] = []
    for piece in pieces:  # "chương trình …, chương trình …" (no number, before any "về")
        begin = 0
        for m in _NEXT_UNNUMBERED_RE.finditer(piece):
            if _restates_type(piece[begin : m.start()], piece[m.end() :]) or _TYPE_AS_VERB_RE.match(piece, m.end()):
                continue  # "Kế hoạch số 15/KH-UBND … của …, kế hoạch xây dựng …": the same plan described
            if not ABOUT_RE.search(piece[begin : m.start()]) and not _named_in_subject(piece, begin, m):
                out.append(piece[begin : m.start()])
                begin = m.end()
        out.append(piece[begin:])
    return [p.strip() for p in out if p.strip()]


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
        # "… về …", or "Kế hoạch số 593/KH-UBND … triển khai Chương trình “…” và Đề án “…”": its subject's verb
        and bool(ABOUT_RE.search(before[-1].text) or _CARRIES_OUT_RE.search(before[-1].text))
    )


_CARRIES_OUT_RE = re.compile(rf"\s(?:{loose('triển khai')}|{loose('thực hiện')}|{loose('phê duyệt')})\s", re.IGNORECASE)


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
            and not DOC_TYPE_RE.match(line[1:].strip())
            and not BASIS_VERB_RE.match(line)  # "- Căn cứ …" after a line that lost its ";": a basis of its own
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
#: A line that starts by citing a numbered document, with or without "số": "Thông tư 28/2020/TT-BGDĐT ngày …".
_CITED_RE = re.compile(rf"^(?:{NUMBERED}|(?:{DOC_TYPE_PATTERN})\s+\d+\s*/)", re.IGNORECASE)


#: A Law named before its number, on a line of its own after a "Căn cứ …;" line ("Luật sửa đổi, bổ sung một số điều
#: của Luật Thi đua, khen thưởng số 39/2013/QH13 ngày 16/11/2013;").
_LAW_CITED_RE = re.compile(rf"^{loose('Luật')}\s.{{0,200}}?\b{loose('số')}\s*\d+/\d{{4}}/QH\d+", re.IGNORECASE)
#: A congress's or a plenum's resolution, never numbered, on a line of its own after a "Căn cứ …;" line.
_RESOLUTION_CITED_RE = re.compile(
    rf"^{loose('Nghị quyết')}\s+(?:{loose('Đại hội')}|{loose('Hội nghị')})\s", re.IGNORECASE
)


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


_LAW_RE = re.compile(rf"{loose('Luật')}\s", re.IGNORECASE)


def _names_a_law(piece: str) -> bool:
    verb = BASIS_VERB_RE.match(piece)
    return bool(_LAW_RE.match(verb.group(2) if verb else piece))


def _shared_owner(pieces: list[str]) -> str | None:
    """ "của nhà trường" ending a list of documents named without number or date ("chương trình công tác, kế hoạch năm
    học, kế hoạch chuyên môn … của nhà trường"): the owner of each of them."""
    if len(pieces) < 2 or any(OF_RE.search(piece) or find_dates(piece) for piece in pieces[:-1]):
        return None
    if any(re.search(r"\d+\s*[/-]\s*[A-ZĐ]", piece) for piece in pieces):
        return None
    if any(map(_names_a_law, pieces[:-1])) and not _names_a_law(pieces[-1]):
        return None  # "Luật … năm 2022 và Nghị định 152 của Chính phủ": a Law is the National Assembly's
    of = OF_RE.search(pieces[-1])
    return pieces[-1][of.start() :] if of else None


#: Where a sentence ends: a full stop, then a capital; not "TP. Hồ Chí Minh", "Tp. Huế" (a city's abbreviation).
_SENTENCE_END_RE = re.compile(rf"(?<={FULL_STOP})\s+(?=[A-ZĐÀ-Ỹ])")


#: A document's kind written short before its number ("QĐ số 1850/QĐ-BHXH", "CV số 3620/…", "NĐ số 152").
_ABBREVIATED_TYPES = {**NUMBER_KINDS, "CV": "Công văn"}
_ABBREVIATED_TYPE_RE = re.compile(
    rf"\b({'|'.join(sorted(_ABBREVIATED_TYPES, key=len, reverse=True))})\s+(?={loose('số', True)}\s*:?\s*\d)",
    re.IGNORECASE,
)
#: A Decree, a Resolution, a Circular or a Decision cited short by its bare number: "NĐ 98 của Chính phủ".
_ABBREVIATED_BARE_RE = re.compile(r"\b(NĐ|NQ|TT|QĐ)\s+(?=\d{1,4}(?:\s|[,;/]|$))")


#: The issuer written before its document: "quy định của Chính phủ tại Nghị định số 98/2023/NĐ-CP ngày 31/12/2023",
#: "chỉ đạo của Bộ … tại Hướng dẫn số …", "và của UBND tỉnh tại Kế hoạch số …" (read as "Nghị định số … của Chính phủ").
_GIVER_FIRST_RE = re.compile(
    r"(?:\b(?:quy định|chỉ đạo|ý kiến chỉ đạo|hướng dẫn|yêu cầu)\s+)?\b(?i:của)\s+(?P<issuer>[^,;:]{2,90}?)\s+(?i:tại)\s+"
    rf"(?P<kind>{DOC_TYPE_PATTERN})\s+(?P<rest>(?:(?i:số)\s*)?[\w/.-]*\d[\w/.-]*(?:,?\s+(?i:ngày)\s+[\d/.-]+)?)"
    # the whole number and date, and no issuer of the document's own after them ("… tại Tờ trình số 02/TTr-CĐ ngày
    # 25/02/2011 của Ban chấp hành …": that one is its issuer)
    r"(?![\w/.-])(?!,?\s+(?i:ngày)\s)(?!\s+(?i:của)\s)"
)


#: The issuer written between the kind and the number: "Kế hoạch của UBND tỉnh số 05/KH-UBND ngày 08/01/2026" (read as
#: "Kế hoạch số 05/KH-UBND ngày 08/01/2026 của UBND tỉnh").
_OWNER_BEFORE_NUMBER_RE = re.compile(
    rf"(?P<kind>(?-i:{CAPITALISED_TYPE}))\s+(?i:của)\s+(?P<issuer>[A-ZĐ](?:(?!(?-i:{CAPITALISED_TYPE})\b)[^,;:]){{1,80}}?)\s+"
    r"(?P<rest>(?i:số)\s*:?\s*[\w/.-]*\d[\w/.-]*(?:,?\s+(?i:ngày)\s+[\d/.-]+)?)(?![\w/.-])(?!\s+(?i:của)\s)"
)
#: The date written before the document: "Thực hiện ngày 12/3/2024, Chương trình phối hợp số 04/CTPH-…".
_DATE_FIRST_RE = re.compile(
    rf"(?P<verb>{VERB_PATTERN})\s+(?i:ngày)\s+(?P<date>\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}),?\s+"
    rf"(?P<kind>{DOC_TYPE_PATTERN})(?P<name>(?:\s+[^\W\d_]+){{0,3}}?)\s+(?P<number>(?:(?i:số)\s*)?[\w/.-]*\d[\w/.-]*)",
    re.IGNORECASE,
)
#: A basis line that only leads in to its items, with a few words at most before its colon.
_LEAD_LINE_RE = re.compile(rf"^({VERB_PATTERN})(?:\s+[^\W\d_]+){{0,5}}\s*:$", re.IGNORECASE)
#: An item's mark under a basis line that only leads in.
_LEAD_ITEM_RE = re.compile(r"^(?:[-+•]\s*|\d{1,2}[.)]\s+|[a-zđ]\)\s+)")


def parse_basis(paragraphs: list[str]) -> list[BasisReference]:
    """All legal-basis references in the preamble: several per sentence, Laws, Decrees, programmes."""
    refs: list[BasisReference] = []
    carried: str | None = None  # the verb of a basis line ending with ";", for a next line that lost its own
    sentence_ended_citing = False
    lead: str | None = None  # "Căn cứ pháp lý:" over its items ("+ Luật …;", "a) Nghị định số …;")
    for para in basis_paragraphs(paragraphs):
        para = _ABBREVIATED_TYPE_RE.sub(lambda m: f"{_ABBREVIATED_TYPES[m[1].upper()]} ", para)  # "QĐ số", "CV số"
        para = _ABBREVIATED_BARE_RE.sub(lambda m: f"{_ABBREVIATED_TYPES[m[1]]} ", para)  # "NĐ 98 của Chính phủ"
        para = _GIVER_FIRST_RE.sub(r"\g<kind> \g<rest> của \g<issuer>", para)  # "của Chính phủ tại Nghị định số …"
        para = _OWNER_BEFORE_NUMBER_RE.sub(r"\g<kind> \g<rest> của \g<issuer>", para)  # "Kế hoạch của UBND tỉnh số …"
        para = _DATE_FIRST_RE.sub(r"\g<verb> \g<kind>\g<name> \g<number> ngày \g<date>", para)
        item = _LEAD_ITEM_RE.match(para)
        if lead and item and DOC_TYPE_RE.match(para[item.end() :]):
            para = f"{lead} {para[item.end() :]}"
        elif (opening := _LEAD_LINE_RE.match(para.strip())) and not re.search(r"\d", para):
            lead = opening.group(1)  # "Căn cứ pháp lý:", "Căn cứ các văn bản sau:": no reference of its own
            continue
        else:
            lead = None
        # "Quyết định số 58/2010/QĐ-TTg …;" on its own line after a "Căn cứ …;" line
        cited = _CITED_RE.match(para) or _RESOLUTION_CITED_RE.match(para) or _LAW_CITED_RE.match(" ".join(para.split()))
        inherited = carried if cited else None
        paragraph_first = len(refs)
        carried = None
        for sentence in _SENTENCE_END_RE.split(para):
            verb: str | None = inherited
            inherited = None
            if verb is None and refs and refs[-1].verb and _CITED_RE.match(sentence) and sentence_ended_citing:
                verb = refs[-1].verb  # "… giai đoạn 2018–2020. Kế hoạch số 108/KH-LĐLĐ, ngày …": the list goes on
            sentence_first = len(refs)
            # "Năm học … diễn ra trong bối cảnh …; triển khai Nghị quyết …": a sentence on the context, no basis
            narrative = verb is None and sentence[:1].isupper() and not BASIS_VERB_RE.match(sentence)
            for clause in split_clauses(sentence):
                if narrative and clause[:1].islower() and BASIS_VERB_RE.match(clause):
                    continue
                pieces = split_references(clause)
                owner = _shared_owner(pieces)
                for piece in pieces:
                    if _NEXT_NUMBER_RE.match(piece) and len(refs) > sentence_first:
                        piece = f"{refs[-1].document_type} {piece}"  # "…, số 39/2012/NĐ-CP ngày …": the same type
                    if owner and not OF_RE.search(piece):
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
                        ) and not any(
                            _same_words(r.text, ref.text) for r in refs[:paragraph_first]
                        ):  # a page's lines again
                            refs.append(ref)
                        verb = ref.verb
                    elif not BASIS_VERB_RE.match(piece):
                        continue
                    elif not owner:
                        verb = None
            # across the clauses too: "Nghị định số A …; Nghị định số B … của Chính phủ"
            _share_issuer(refs[sentence_first:])
            sentence_ended_citing = len(refs) > sentence_first
            if verb and para.rstrip().endswith((";", ".")):
                carried = verb
    return refs


def _same_words(first: str, second: str) -> bool:
    return first.lower().split() == second.lower().split()


def _number_pattern(number: str) -> str:
    """A document number as a copy may space it: "2769/UBND-NCKSTTHC" also as "2769 / UBND - NCKSTTHC"."""
    return r"\s*".join(re.escape(character) for character in number.replace(" ", ""))


def date_cited_elsewhere(refs: list[BasisReference], text: str) -> list[BasisReference]:
    """A reference without its date takes the one the text gives the same number elsewhere: "Công văn số 2769/UBND-…
    ngày 24/7/2024" in a subject line, or a lead "Ngày 24/7/2024, … có Công văn số 2769/UBND-…" (one date only)."""
    filled = []
    for ref in refs:
        if ref.number and ref.date is None and len(ref.number) >= 4:
            number = _number_pattern(ref.number)
            after = re.finditer(rf"(?<![\w/-]){number}(?![\w/-])\s*,?\s*{loose('ngày')}\s*", text, re.IGNORECASE)
            lead = re.finditer(
                rf"^\s*{loose('Ngày')}\s+([^\n;.]{{6,30}}?),(?:[^\n;]|\n(?!\s*\n)){{0,120}}?(?<![\w/-]){number}(?![\w/-])",
                text,
                re.IGNORECASE | re.MULTILINE,
            )
            dates = {
                found[0][0] for m in after if (found := find_dates(text[m.end() : m.end() + 30])) and found[0][1] == 0
            }
            dates |= {found[0][0] for m in lead if (found := find_dates(m.group(1))) and found[0][1] == 0}
            if len(dates) == 1:
                ref = dataclasses.replace(ref, date=dates.pop())
        filled.append(ref)
    return filled

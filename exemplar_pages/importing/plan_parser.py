"""Parse the text of a Vietnamese "Kế hoạch" into a ParsedPlan."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from cms.vietnamese import text_quality

from .plan_basis import date_cited_elsewhere, parse_basis
from .plan_body import is_signature_line, parse_assignments, parse_blocks, parse_closing, parse_movements, signer_body
from .plan_header import (
    attached_to,
    authority_line,
    parse_metadata,
    parse_number,
    parse_period,
    parse_place_date,
    parse_published,
)
from .plan_issuer import complete_bare_body, header_body_name, opening_body_name, spelled_out, with_parent_named
from .plan_lines import NUMBER_VALUE_RE, clean_markup, rejoin_wrapped_header, repair_text, split_lines
from .plan_models import ParsedPlan
from .plan_patterns import (
    BASIS_VERB_RE,
    BODY_START_RE,
    CAPITALISED_TYPE,
    DATED_LEAD,
    MOTTO_RE,
    NUMBER_LINE_RE,
    NUMBER_RE,
    PLACE_DATE_RE,
    PUBLISHED_RE,
    VERB_PATTERN,
    is_header_mark,
    match_kind,
)
from .plan_reference import parse_reference
from .plan_tasks import attached_assignments, plan_dates
from .plan_text import (
    DOC_NUMBER,
    caps_to_name,
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
from .plan_title import find_title, subject_under_lost_heading, title_below_date, title_from_own_sentence

#: A news post's lead naming the document it reports: "Ngày 07/4/2023, Ủy ban nhân dân tỉnh … ban hành Kế hoạch số …".
_NEWS_LEAD_RE = re.compile(
    rf"^{DATED_LEAD}[^;:]{{3,161}}?\s+"
    rf"(?:{loose('ký')}\s+)?{loose('ban hành')}\s+(?P<kind>{CAPITALISED_TYPE})\s+{loose('số')}\s*:?\s*(?P<number>{DOC_NUMBER})"
)

#: Lines of a header block above its motto or number line (a parent body, the issuer, a rule).
HEADER_LINES_ABOVE = 4
HEADING_START_RE = re.compile(r"^(?:[IVXL]+\.|\d{1,2}\.)\s")


#: The line that says when a drive runs: "4. Thời gian thi đua: từ ngày 10/10/2025 đến ngày 31/01/2026".
_TIME_SPAN_RE = re.compile(
    rf"^\W*(?:\d+\s*[.)-]\s*)?(?:{loose('Thời gian')}|{loose('Đợt thi đua')})\b.{{0,60}}?\b{loose('từ')}\b(.{{0,120}})$",
    re.IGNORECASE,
)
#: "từ ngày ký kế hoạch", "kể từ ngày ban hành": the span opens on the document's date.
_FROM_SIGNING_RE = re.compile(rf"^\s*{loose('ngày')}\s+(?:{loose('ký')}|{loose('ban hành')})\b", re.IGNORECASE)


def _time_span(body: list[str], issued: int | None = None) -> tuple[int, int] | None:
    """The first and last year of the time a plan's body gives its drive, when they differ (`issued`: the year of a
    drive "từ ngày ký …")."""
    for line in body:
        if (found := _TIME_SPAN_RE.match(line)) and len(line) < 200:
            years = [int(year) for year in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", found.group(1))]
            years += [issued] if issued and _FROM_SIGNING_RE.match(found.group(1)) else []
            return (min(years), max(years)) if len(set(years)) > 1 and max(years) - min(years) <= 5 else None
    return None


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


def _items_under_basis_line(preamble: list[str], body: list[str], first_heading: int) -> list[str]:
    """A basis line that only leads in ("Căn cứ:", "Căn cứ các văn bản sau:") and the numbered or lettered items
    below it ("1. Luật …;", "a) Nghị định số …;"), each as a "Căn cứ …" line, until a line that cites nothing."""
    leads = [
        at
        for at, line in enumerate(preamble)
        if (line.rstrip().endswith(":") and BASIS_VERB_RE.match(line.strip().rstrip(":").strip() + " …"))
        or (is_allcaps(line) and _BASIS_TITLE_RE.match(line.strip()))  # "CĂN CỨ XÂY DỰNG KẾ HOẠCH"
    ]
    if not leads:
        return []
    items: list[str] = []
    for line in [*preamble[leads[-1] + 1 :], *body[first_heading:]]:
        item = _ITEM_START_RE.match(line)
        if item is None and items and not items[-1].rstrip().endswith((";", ".")):
            items[-1] = f"{items[-1]} {line.strip()}"  # "… của Quốc" over "hội;": the item wrapped
            continue
        if item is None or parse_reference(_as_cited(line[item.end() :])) is None:
            break
        items.append(_as_cited(line[item.end() :]))
    return items


#: A basis section's heading without a number: "CĂN CỨ XÂY DỰNG KẾ HOẠCH", "CƠ SỞ PHÁP LÝ".
_BASIS_TITLE_RE = re.compile(rf"^(?:{loose('CĂN CỨ')}|{loose('CƠ SỞ PHÁP LÝ')})\b", re.IGNORECASE)


def _numbered_basis(body: list[str], first_heading: int) -> list[str]:
    """A letter with no preamble whose first numbered item gives its basis ("1. Căn cứ nội dung chỉ đạo của UBND
    tỉnh tại Công văn số …; các cơ quan … triển khai …"): that item."""
    items = []  # "1. Căn cứ Luật …;" "2. Căn cứ Hướng dẫn …;": each numbered item a basis line
    for line in body[first_heading:]:
        if not (number := _NUMBERED_BASIS_RE.match(line)):
            break
        items.append(line[number.end() :])
    return items


#: The purpose's first item citing what the plan carries out: "- Triển khai thực hiện Luật …, Nghị định số … và Kế
#: hoạch số … của UBND tỉnh …; động viên …".
_PURPOSE_BASIS_RE = re.compile(
    rf"^(?:[-+•]\s*|[a-zđ]\)\s+)?(?:{VERB_PATTERN})\s+(?:{loose('có hiệu quả')}\s+)?(?-i:{CAPITALISED_TYPE})\s",
    re.IGNORECASE,
)
#: How far into the first section the purpose's items are looked for.
_PURPOSE_LINES = 12


def _purpose_basis(body: list[str], first_heading: int) -> list[str]:
    """A plan with no preamble that cites what it rests on in its purpose's first items (under "1. Mục đích"): those
    items' lines, each up to its sentence's end."""
    cited: list[str] = []
    lines = body[first_heading : first_heading + _PURPOSE_LINES]
    at = 0
    while at < len(lines):
        if cited and HEADING_START_RE.match(lines[at]):
            break  # "2. Yêu cầu": the purpose's items are over
        if not _PURPOSE_BASIS_RE.match(lines[at]):
            at += 1
            continue
        cited.append(lines[at])
        while not cited[-1].rstrip().endswith((".", ";")) and at + 1 < len(lines):
            at += 1
            if _ITEM_START_RE.match(lines[at]) or HEADING_START_RE.match(lines[at]):
                break
            cited.append(lines[at])
        at += 1
    return cited


def _numbered_only(refs: list) -> list:
    """References read from a plan's purpose, when some carry a number: a report's narrative ("Thực hiện Nghị quyết
    của chi bộ …") cites none."""
    return refs if any(ref.number for ref in refs) else []


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


#: The columns of a table of the texts a plan rests on ("TT | Văn bản | Ngày ban hành | Cơ quan ban hành | Trích
#: yếu"), by the words of their headings (folded).
_BASIS_TABLE_COLUMNS = (
    ("number", ("so ky hieu", "so hieu", "so van ban")),  # "Văn bản" | "Số, ký hiệu": the kind, then its number
    ("document", ("van ban", "ten van ban", "loai van ban")),
    ("date", ("ngay",)),
    ("issuer", ("co quan", "noi ban hanh", "cap ban hanh")),
    ("subject", ("trich yeu", "noi dung")),
)


def _tabled_basis(preamble: list[str]) -> list[str]:
    """A preamble giving its basis as a table ("Văn bản" | "Ngày ban hành" | "Cơ quan ban hành" | "Trích yếu"): each
    row as a "Căn cứ <văn bản> ngày <ngày> của <cơ quan> về <trích yếu>" line."""
    columns: dict[str, int] = {}
    cited: list[str] = []
    for line in preamble:
        cells = [" ".join(cell.split()) for cell in line.split("|")]
        if len(cells) < 2:
            if cited:
                break
            continue
        if not columns:
            for name, words in _BASIS_TABLE_COLUMNS:
                found = [
                    i
                    for i, cell in enumerate(cells)
                    if i not in columns.values()
                    and any(word in " ".join(re.sub(r"\W+", " ", fold(cell)).split()) for word in words)
                ]
                if found:
                    columns[name] = found[0]
            if "document" not in columns and "number" in columns:  # "Số, ký hiệu văn bản" alone: kind and number
                columns["document"] = columns.pop("number")
            columns = columns if "document" in columns else {}
            continue
        cell = {name: cells[index] if index < len(cells) else "" for name, index in columns.items()}
        for name in ("number", "date", "issuer", "subject"):
            cell.setdefault(name, "")
        number = cell["number"] if cell["number"] and cell["number"] not in cell["document"] else ""
        pieces = [f"{cell['document']} số {number}" if number else cell["document"]]
        pieces += [f"ngày {cell['date']}"] if cell["date"] and not re.search(r"\bngày\b", cell["document"]) else []
        pieces += [f"của {cell['issuer']}"] if cell["issuer"] else []
        pieces += [f"về {cell['subject']}"] if cell["subject"] else []
        if pieces[0] and parse_reference(_as_cited(pieces[0])) is not None:
            cited.append(_as_cited(" ".join(pieces)) + ";")
    return cited


def _as_cited(item: str) -> str:
    return item if BASIS_VERB_RE.match(item) else f"Căn cứ {item}"


def parse_plan(text: str) -> ParsedPlan:
    """Extract metadata, sections, assignments, recipients and signer from a plan's text.

    Plans, guidelines, programmes, letters and decisions of any body: the kind is read from the heading
    ("KẾ HOẠCH", "HƯỚNG DẪN", "QUYẾT ĐỊNH"…, a letter's "V/v" line) into ``document_kind``.
    """
    text = clean_markup(text)
    repaired = repair_text(text)
    lines = split_lines(repaired)
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
    closing_at = _closing_start(lines, body_from)
    if plan.issue_date is None and plan.place is None:  # the place and date above the signer, not in the header
        tail = [line for line in lines[closing_at:] if not line.lstrip().startswith(("-", "+", "•"))][:20]
        plan.place, plan.issue_date = parse_place_date("\n".join(tail))
    raw_place, raw_date = parse_place_date("\n".join(rejoin_wrapped_header(strip_markdown(text).splitlines()[:60])))
    if plan.place and raw_place and raw_date == plan.issue_date and plan.place.endswith(" " + raw_place):
        plan.place = raw_place  # the columns of the original keep a school's name out of the place
    plan.published_date = parse_published(lines[body_from : body_from + 3] + lines[:3])

    closing = closing_at
    body = [
        line
        for line in lines[body_from:closing]
        if not PUBLISHED_RE.match(line) and not NUMBER_RE.match(line) and not PLACE_DATE_RE.fullmatch(line)
    ]
    first_heading = next((i for i, line in enumerate(body) if HEADING_START_RE.match(line)), len(body))
    preamble = body[:first_heading]
    plan.basis = (
        parse_basis(_tabled_basis(preamble))  # a table's cells would read as one run-on sentence
        or parse_basis(preamble)
        or parse_basis(_numbered_basis(body, first_heading))  # "1. Căn cứ …", "2. Căn cứ …" as the first items
        or parse_basis(_basis_section(body, first_heading))
        or parse_basis(_listed_basis(preamble))
        or parse_basis(_items_under_basis_line(preamble, body, first_heading))
        or _numbered_only(parse_basis(_purpose_basis(body, first_heading)))
    )
    plan.basis = date_cited_elsewhere(plan.basis, repaired)
    below_header = "\n".join(lines[len(header) :])
    body_name = header_body_name(_naming_lines(header), below_header)
    if body_name:  # a name read from capitals takes the case the text writes it in ("Đại học Bách khoa Hà Nội")
        body_name = spelled_out(restore_case(body_name, below_header))
        body_name = body_name[:1].upper() + body_name[1:]
    plan.issuing_body = expand_locality(body_name, repaired) if body_name else opening_body_name(preamble, repaired)
    plan.issuing_body = complete_bare_body(plan.issuing_body, repaired, plan.place)
    plan.issuing_body = with_parent_named(plan.issuing_body, header, below_header)
    _fill_from_metadata(plan, lines)
    number, date, issuer = attached_to(lines)  # a regulation: the number, date and issuer of its decision
    plan.number, plan.issue_date = plan.number or number, plan.issue_date or date
    lead = None if plan.number else next(filter(None, map(_NEWS_LEAD_RE.match, body[:3])), None)
    if lead:  # a post without the header: "Ngày 25/3/2020, Sở Tư pháp ban hành Văn bản số 473/STP-PBGDPL …"
        plan.number = normalise_number(lead.group("number"))
        plan.issue_date = plan.issue_date or make_date(*lead.group(1, 2, 3))
        if plan.document_kind in (None, "Phát động"):  # a post titled "Phát động phong trào …" reports a plan
            plan.document_kind = lead.group("kind")
    signed_by = signer_body(parse_closing(lines[closing:])[1])  # "CÔNG TY …" over "KT. GIÁM ĐỐC" when nothing else
    signed_by = caps_to_name(signed_by) if signed_by and is_allcaps(signed_by) else signed_by
    if plan.issuing_body is None and (authority := issuer or authority_line(lines) or signed_by):
        plan.issuing_body = restore_case(authority.lower(), repaired) if is_allcaps(authority) else authority
        plan.issuing_body = plan.issuing_body[:1].upper() + plan.issuing_body[1:]
    plan.document_kind = plan.document_kind or kind_from_number(plan.number)
    if plan.document_kind is None and (blank := _BLANK_NUMBER_RE.search("\n".join(lines[:40]))):
        plan.document_kind = kind_from_number(f"0/{blank.group(1)}")  # "Số:    - CTr/ĐTN": a draft, its kind coded
    if plan.title is None and plan.document_kind:
        plan.title = subject_under_lost_heading(header, plan.document_kind, repaired)
    if plan.title is None:
        plan.title = title_below_date(header, repaired)
    if plan.title is None and (own := title_from_own_sentence(body[:8])):
        # a post that lost its heading: "Sở … xây dựng Kế hoạch tổ chức Ngày hội … năm 2023, cụ thể như sau:"
        kind, title = own
        plan.document_kind = plan.document_kind or kind
        if plan.document_kind == kind:
            plan.title = title
    fallback_year = (plan.issue_date or plan.published_date).year if (plan.issue_date or plan.published_date) else None
    plan.period_start, plan.period_end = parse_period(plan.title, fallback_year)
    if plan.period_start == plan.period_end and (
        span := _time_span(body, fallback_year)
    ):  # a drive over the turn of a year
        if plan.period_start is None or span[0] <= plan.period_start <= span[1]:
            plan.period_start, plan.period_end = span
    plan.sections = parse_blocks(body)
    assignments = parse_assignments(plan.sections, plan.period_start or fallback_year)
    # a decision's attached plan or an appendix (after the signer) may set tasks out in a table or a sentence
    plan.assignments = (assignments or []) + attached_assignments(
        parse_blocks(lines[closing:]), plan.period_start or fallback_year, plan_dates(assignments or [])
    )
    recipients, plan.signer_title, plan.signer_name = parse_closing(lines[closing:])
    plan.recipients = recipients or []
    # the title names the one it launches; a decision's attached plan (after its signer) names its own
    plan.movements = parse_movements("\n".join([plan.title or "", *body, *lines[closing:]]))

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

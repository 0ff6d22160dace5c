"""Turn a plan document into a draft PlanPage: metadata, basis, sections, assignments, movements, original file."""

from __future__ import annotations

import hashlib
import html
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.log_actions import log

from cms.vietnamese import TextQuality, repair_vietnamese, text_quality

from ..files import private_collection
from ..models import MovementPage, PlanAssignment, PlanPage, PlanReference, UnitPage
from ..models.mixins import in_order
from .matching import MovementIndex, create_draft_movement, find_units_named, name_key
from .plan_models import Assignment, BasisReference, Block, ParsedPlan
from .plan_parser import parse_plan
from .plan_tasks import row_cells
from .readers import read_document

HEADING_MAX, NUMBER_MAX = 500, 20  # the heading block's limits
TITLE_MAX = 255  # Wagtail's Page.title


class PlanImportError(Exception):
    """A plan cannot be imported (no parent unit, wrong parent…); the message is for the user."""


@dataclass
class PlanImportResult:
    """What importing one plan document did."""

    page: PlanPage
    created: bool
    parsed: ParsedPlan
    quality: TextQuality
    warnings: list[str] = field(default_factory=list)
    movements_linked: list[MovementPage] = field(default_factory=list)
    movements_created: list[MovementPage] = field(default_factory=list)
    references_linked: int = 0


def plan_blocks(sections: list[Block]) -> list[dict[str, Any]]:
    """StreamField data for the parsed sections; consecutive list items become one bullet list."""
    levels = [block.level for block in sections if block.type == "heading" and block.level]
    offset = 2 - min(levels, default=1)  # the source's top level becomes the blocks' level "2"
    blocks: list[dict[str, Any]] = []
    for position, block in enumerate(sections):
        text, number = " ".join(block.text.split()), (block.number or "").strip()
        if not text:
            continue
        if cells := table_row(sections, position):  # a table's row, its cells side by side (`readers.table_lines`)
            if blocks and blocks[-1]["type"] == "table":
                blocks[-1]["value"]["data"].append(cells)
            else:
                blocks.append({"type": "table", "value": table_value([cells])})
            continue
        if block.type == "heading" and len(text) <= HEADING_MAX and len(number) <= NUMBER_MAX:
            level = str(min(max((block.level or 1) + offset, 2), 4))
            blocks.append({"type": "heading", "value": {"level": level, "number": number, "text": text}})
        elif block.type == "list_item":
            if blocks and blocks[-1]["type"] == "bullet_list":
                blocks[-1]["value"].append(text)
            else:
                blocks.append({"type": "bullet_list", "value": [text]})
        else:
            paragraph = f"{number} {text}".strip() if block.type == "heading" else text
            blocks.append({"type": "paragraph", "value": f"<p>{html.escape(paragraph, quote=False)}</p>"})
    for table in (block["value"]["data"] for block in blocks if block["type"] == "table"):
        width = max(map(len, table))
        table[:] = [row + [""] * (width - len(row)) for row in table]
    return blocks


def table_row(sections: list[Block], position: int) -> list[str] | None:
    """The cells of a table's row, or of a group's heading merged across between two rows ("I. Công tác …")."""
    block = sections[position]
    if (cells := row_cells(block)) is not None:
        return cells
    around = [row_cells(sections[i]) for i in (position - 1, position + 1) if 0 <= i < len(sections)]
    if len(around) == 2 and all(around) and len(block.text) <= HEADING_MAX:
        return [f"{block.number or ''} {block.text}".strip()]
    return None


def table_value(rows: list[list[str]]) -> dict[str, Any]:
    """A `PlanTableBlock` value of some rows, the first the heading."""
    return {
        "data": rows,
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "",
    }


def _linked_plan(reference: BasisReference, exclude_pk: int | None) -> PlanPage | None:
    """The plan of the site that a reference cites: same number and date; the issuer decides between several."""
    if not reference.number:
        return None
    candidates = list(PlanPage.objects.filter(number__iexact=reference.number).exclude(pk=exclude_pk))
    if reference.date:
        candidates = [plan for plan in candidates if plan.issue_date in (reference.date, None)]
    if len(candidates) > 1 and reference.issuer:
        issuer = name_key(reference.issuer)
        candidates = [plan for plan in candidates if issuer in name_key(plan.issuing_body)]
    return candidates[0] if len(candidates) == 1 else None


def plan_references(parsed: ParsedPlan, exclude_pk: int | None = None) -> list[PlanReference]:
    """Legal-basis rows, linked to the plans of the site they cite."""
    return [
        PlanReference(
            verb=(reference.verb or "Thực hiện")[:40],
            document_type=(reference.document_type or "Kế hoạch")[:60],
            number=(reference.number or "")[:60],
            date=reference.date,
            issuer=(reference.issuer or "")[:255],
            subject=reference.subject or "",
            linked_plan=_linked_plan(reference, exclude_pk),
        )
        for reference in parsed.basis
    ]


#: A deadline's phrase that is only its date with a deadline word ("Trước ngày 15/02/2026", "Hoàn thành trước 30/6").
BARE_DEADLINE_RE = re.compile(
    r"^(?i:hoàn thành\s+)?(?i:trước|chậm nhất(?:\s+là)?|hạn(?:\s+chót|\s+cuối)?)?\s*(?i:ngày\s*)?[\d/.\s-]+\.?$"
)


def plan_assignment(assignment: Assignment) -> PlanAssignment:
    """First deadline as the deadline; the other dates and the deadline phrases as the note."""
    dates = sorted(dict.fromkeys(deadline.date for deadline in assignment.deadlines))
    phrases = [
        phrase
        for phrase in dict.fromkeys(deadline.text.strip() for deadline in assignment.deadlines)
        if phrase and not BARE_DEADLINE_RE.match(phrase)  # "Trước ngày 15/02/2026" says no more than the date shown
    ]
    note = "; ".join(phrases)
    if len(dates) > 1:
        others = ", ".join(f"{day:%d/%m/%Y}" for day in dates[1:])
        note = _("Next deadlines") + f": {others}" + (f" ({note})" if note else "")
    if len(note) > 255:
        note = note[:254] + "…"
    return PlanAssignment(
        unit=assignment.unit[:500],
        tasks="\n".join(task.strip() for task in assignment.tasks if task.strip()),
        deadline=dates[0] if dates else None,
        deadline_note=note,
        repeating_deadlines=repeating_deadlines(assignment.tasks),
    )


def repeating_deadlines(tasks: list[str]) -> str:
    """Deadlines that come back every year (“trước các ngày 20/3, 20/6, 20/9 và 20/12”) as “20/3, 20/6, 20/9, 20/12”."""
    from reports.deadlines import format_day_months, repeating_days_in

    days = [day for task in tasks for day in repeating_days_in(task)]
    return format_day_months(list(dict.fromkeys(days)))[:200]


def plan_label(parsed: ParsedPlan) -> str:
    """“Kế hoạch số 93/KH-VP ngày 13/01/2023 của Văn phòng UBND tỉnh Đồng Nai”, as far as known."""
    parts = [parsed.document_kind or "Kế hoạch"]
    if parsed.number:
        parts.append(f"số {parsed.number}")
    if parsed.issue_date:
        parts.append(f"ngày {parsed.issue_date:%d/%m/%Y}")
    if parsed.issuing_body:
        parts.append(f"của {parsed.issuing_body}")
    return " ".join(parts)


def _summary(parsed: ParsedPlan, title: str) -> str:
    """“<Kind> số … ngày … của … về <subject>.”: the whole title, even when the page title had to be shortened."""
    kind = parsed.document_kind or "Kế hoạch"
    subject = title[len(kind) :].strip() if title.lower().startswith(kind.lower()) else title
    subject = re.sub(r"^(?:về\s+việc|về)\s+", "", subject)
    return f"{plan_label(parsed)} về {subject[:1].lower()}{subject[1:]}."[:1000] if subject else ""


def page_title(parsed: ParsedPlan, file_name: str) -> str:
    """The document's own title, cut at a word boundary (with “…”) when longer than a page title may be.

    Without a title: "<kind> số <number>", or the kind and the file name.
    """
    title = " ".join((parsed.title or "").split())
    if not title:
        kind = parsed.document_kind or _("Official document")
        title = f"{kind} số {parsed.number}" if parsed.number else f"{kind} (nhập từ {file_name})"
    if len(title) <= TITLE_MAX:
        return title
    cut = title[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut}…"


def _movements(parsed: ParsedPlan, parent: UnitPage, user, result: PlanImportResult) -> list[MovementPage]:
    """Existing movements the plan names, and new draft movements under the unit for the others."""
    index, linked = MovementIndex(), []
    for named in parsed.movements:
        movement = index.find(named.name)
        if movement is None:
            summary = _(
                "Movement named in %(plan)s. Page created automatically when the plan was imported; needs completing."
            ) % {"plan": plan_label(parsed)}
            movement = create_draft_movement(named.name, parent, user, summary, campaign=named.campaign or "")
            index.remember(movement)
            result.movements_created.append(movement)
        elif movement not in result.movements_created:
            result.movements_linked.append(movement)
        if movement not in linked:
            linked.append(movement)
    return linked


def _store_document(file_name: str, data: bytes, user):
    """The original file as a Wagtail document in the private collection, until its plan is published."""
    Document = get_document_model()
    document = Document(title=file_name, collection=private_collection(), uploaded_by_user=user)
    document.file.save(file_name, ContentFile(data), save=False)
    document.file_size = len(data)
    document.file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file hash
    document.save()
    return document


def resolve_parent(parsed: ParsedPlan, parent: Any) -> UnitPage:
    """The given parent (which must be a unit), or the unit whose name is the plan's issuing body."""
    if parent is not None:
        specific = getattr(parent, "specific", parent)
        if not isinstance(specific, UnitPage):
            raise PlanImportError(
                _("Page #%(id)s is not a unit page; a plan must be under a unit.") % {"id": parent.pk}
            )
        return specific
    units = find_units_named(parsed.issuing_body or "")
    if len(units) == 1:
        return units[0]
    if not units:
        raise PlanImportError(
            _("No unit “%(body)s” found on the portal; choose the unit (--parent ID).")
            % {"body": parsed.issuing_body or _("unknown issuing body")}
        )
    ids = ", ".join(f"#{unit.pk} {unit.title}" for unit in units)
    raise PlanImportError(
        _("Several units are named “%(body)s” (%(ids)s); choose one (--parent ID).")
        % {"body": parsed.issuing_body, "ids": ids}
    )


def find_existing_plan(parent: UnitPage, parsed: ParsedPlan, file_hash: str) -> PlanPage | None:
    """The plan already imported under ``parent``: same file, same number and issuer, or same untitled document."""
    siblings = PlanPage.objects.child_of(parent)
    same_file = siblings.filter(original_document__file_hash=file_hash).first()
    if same_file:
        return same_file
    issuer = name_key(parsed.issuing_body)
    if parsed.number:
        matches = siblings.filter(number__iexact=parsed.number)
    else:
        matches = siblings.filter(number="", issue_date=parsed.issue_date)
        matches = [plan for plan in matches if name_key(plan.title) == name_key(parsed.title)]
    return next((plan for plan in matches if not issuer or name_key(plan.issuing_body) == issuer), None)


def _apply(page: PlanPage, parsed: ParsedPlan, parent: UnitPage, title: str, document) -> None:
    """Copy the parsed plan onto a page (new or a revision of an existing one)."""
    year = (parsed.issue_date or parsed.published_date).year if (parsed.issue_date or parsed.published_date) else None
    page.title = title
    page.number = (parsed.number or "")[:60]
    page.issue_date = parsed.issue_date
    page.issue_place = (parsed.place or "")[:120]
    page.issuing_body = (parsed.issuing_body or "")[:255]  # left empty (and reported) rather than guessed
    page.period_start = parsed.period_start or year
    page.period_end = parsed.period_end or page.period_start
    page.summary = _summary(parsed, " ".join(parsed.title.split())) if parsed.title else ""
    page.sections = plan_blocks(parsed.sections)
    page.recipients = "\n".join(recipient.strip() for recipient in parsed.recipients if recipient.strip())
    signer_lines = [line.strip() for line in (parsed.signer_title or "").splitlines() if line.strip()]
    page.signer_title = " / ".join(signer_lines)[:255]
    page.signer_name = (parsed.signer_name or "")[:255]
    page.original_document = document
    page.basis = in_order(plan_references(parsed, page.pk))
    page.assignments = in_order([plan_assignment(assignment) for assignment in parsed.assignments])


def _read_source(source: str | Path | UploadedFile) -> tuple[str, str, bytes]:
    """(file name, text, bytes) of a path or an uploaded file."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        text = read_document(path)
        return path.name, text, path.read_bytes()
    file_name = get_valid_filename(Path(source.name or "van-ban").name)
    source.seek(0)
    data = source.read()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / file_name  # so that read errors name the uploaded file
        path.write_bytes(data)
        text = read_document(path)
    return file_name, text, data


def import_plan_file(
    source: str | Path | UploadedFile, parent: UnitPage | None = None, user=None, update: bool = False
) -> PlanImportResult:
    """Read, repair and parse a plan document and save it as a draft PlanPage, in one transaction."""
    file_name, text, data = _read_source(source)
    parsed = parse_plan(text)
    quality = text_quality(repair_vietnamese(text))
    unit = resolve_parent(parsed, parent)
    warnings = list(parsed.warnings)
    title = page_title(parsed, file_name)
    if parsed.title and len(" ".join(parsed.title.split())) > TITLE_MAX:
        warnings.append(
            _("Title longer than %(max)s characters: shortened, the full title is in the summary.") % {"max": TITLE_MAX}
        )
    if not parsed.issuing_body:
        warnings.append(_("Issuing body left empty (not found in the document); fill it in before publishing."))
    file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file hash
    with transaction.atomic():
        existing = find_existing_plan(unit, parsed, file_hash)
        if existing is not None and not update:
            return PlanImportResult(existing, False, parsed, quality, warnings)
        page = existing.get_latest_revision_as_object() if existing else PlanPage(live=False, owner=user)
        result = PlanImportResult(page, existing is None, parsed, quality, warnings)
        same_document = existing and page.original_document and page.original_document.file_hash == file_hash
        document = page.original_document if same_document else _store_document(file_name, data, user)
        _apply(page, parsed, unit, title, document)
        page.movements = _movements(parsed, unit, user, result)
        result.references_linked = sum(1 for reference in page.basis.all() if reference.linked_plan_id)
        if existing is None:
            unit.add_child(instance=page)
            log(instance=page, action="wagtail.create", user=user, content_changed=True)
        # an issuer left empty must not stop the draft; the edit form asks for it before submission
        page.save_revision(user=user, log_action=existing is not None, clean=bool(page.issuing_body))
    return result

"""Import exemplar lists all-or-nothing: validate every row, then create the stories batch by batch, each batch
in a short transaction, an unfinished import being undone from its journal (`importing.journal`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models import ExemplarStoryPage, Locality, UnitPage
from ..models.mixins import in_order
from ..moderation.permissions import is_administrator
from .awards import names_an_award
from .exemplar_rows import COLUMNS, PROPOSED, REQUIRED_COLUMNS, SUBMITTED, SpreadsheetError, column_name, read_rows
from .exemplar_validation import (
    INFERRED,
    LIST_COMMUNE,
    LIST_TITLE,
    LIST_YEAR,
    PROPOSAL_LIST,
    TITLE_PERIOD_RE,
    TITLE_YEAR_RE,
    RowError,
    RowValidator,
    StoryDraft,
)
from .journal import Journal, batches
from .limits import ImportLimitError, check_bytes, limit
from .locality_paths import LocalityResolver, list_commune

__all__ = ["ExemplarImportRefused", "ExemplarImportResult", "RowError", "import_exemplar_file", "import_exemplars"]


class ExemplarImportRefused(Exception):
    """The import as a whole is refused (publication without the right, wrong parent); for the user."""


@dataclass
class ExemplarImportResult:
    """What an import did, or why it did nothing."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    created: list[ExemplarStoryPage] = field(default_factory=list)
    existing: list[tuple[int, ExemplarStoryPage]] = field(default_factory=list)
    localities_created: list[Locality] = field(default_factory=list)
    drafts: list[StoryDraft] = field(default_factory=list)
    published: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


#: The award a list's title says every one on it received: "DANH SÁCH … được tặng Bằng khen của Ban Thường vụ Tỉnh
#: ủy", "… được công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2025 (Kèm theo Quyết định …)".
_TITLE_AWARD_RE = re.compile(
    r"\b(?i:được)\s+(?i:trao\s+tặng|tặng\s+thưởng|tặng|công\s+nhận(?:\s+(?i:danh\s+hiệu))?)\s+(.+?)\s*(?:\(|$)"
)
_TITLE_DATE_RE = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})\b")


def column_defaults(columns: list[str], title_lines: list[str], parent: UnitPage) -> tuple[dict[str, Any], list[str]]:
    """What a list that leaves out a column of the model means by it, and the notes saying so: the year of its title,
    the importing unit's locality, each row's field and subject type read from the row itself."""
    defaults: dict[str, Any] = {}
    notes: list[str] = []
    titled = [year for line in title_lines for month, year in TITLE_YEAR_RE.findall(line) if not month]
    # else the period's last year, else a date's, with the line that gives it
    later = [(span[-1], line) for line in title_lines for span in TITLE_PERIOD_RE.findall(line)] or [
        (year, line)
        for line in title_lines
        for year in [*_TITLE_DATE_RE.findall(line), *(year for month, year in TITLE_YEAR_RE.findall(line) if month)]
    ]
    if named := list_commune(title_lines):  # "ỦY BAN NHÂN DÂN XÃ VỤ BỔN", "(Kèm theo Tờ trình … của UBND xã Vụ Bổn)"
        defaults[LIST_COMMUNE] = named
    if "year" in columns and (titled or later):  # for a row whose year cell is empty
        defaults[LIST_YEAR] = titled[0] if titled else later[0][0]
    if "year" not in columns:
        if titled:
            defaults["year"] = titled[0]
            notes.append(
                _("No year column: every row takes the year of the list's title, %(year)s.") % {"year": titled[0]}
            )
        elif later:  # "GIAI ĐOẠN 2021 - 2025"; "(Kèm theo Tờ trình số 45/TTr-… ngày 15/9/2025)"
            defaults["year"], line = later[0]
            notes.append(
                _("No year column and no year in the list's title: every row takes %(year)s, from “%(line)s”.")
                % {"year": defaults["year"], "line": line}
            )
        elif SUBMITTED in columns:  # a form's responses: each the year it was sent
            defaults["year"] = SUBMITTED
            notes.append(_("No year column: each row takes the year its response was sent (“Dấu thời gian”)."))
    if "awards" not in columns and (
        awarded := next(
            (
                m.group(1)
                for line in title_lines
                for m in [_TITLE_AWARD_RE.search(line)]
                if m and names_an_award(m.group(1))
            ),
            None,
        )
    ):
        year = titled[0] if titled else later[0][0] if later else ""
        defaults["awards"] = (
            f"{awarded} năm {year}" if year and not re.search(r"\b(?:19|20)\d{2}\b", awarded) else awarded
        )
        notes.append(
            _("No awards column: every row takes the award the list's title names, “%(award)s”.") % {"award": awarded}
        )
    locality = getattr(parent, "locality", None)
    if "locality" not in columns and locality is not None:
        defaults["locality"] = locality
        notes.append(
            _("No locality column: every row takes the importing unit's, “%(name)s”.") % {"name": locality.name}
        )
    if "field" not in columns:
        defaults["field"] = INFERRED
        defaults[LIST_TITLE] = " ".join(title_lines)  # for a row that names no topic: the list's own
        notes.append(
            _("No field column: each row's field is read from its achievements, position and movement; check them.")
        )
    if "subject_type" not in columns:
        defaults["subject_type"] = INFERRED
        notes.append(
            _(
                "No subject type column: each row's is that of its part of the list (“I. TẬP THỂ” …), else read from its name."
            )
        )
    return defaults, notes


class _Rollback(Exception):
    """Raised inside a batch's transaction to undo every row when one fails to save (its error is the argument)."""


def _save_row(draft: StoryDraft, parent: UnitPage, validator: RowValidator, user, publish: bool) -> ExemplarStoryPage:
    try:
        draft.movement = validator.movements.save(draft.movement, parent, user)  # drafts for new ones
        return _create(draft, parent, validator.localities, user, publish)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            reasons = "; ".join(f"{key}: {' '.join(texts)}" for key, texts in error.message_dict.items())
        else:
            reasons = " ".join(error.messages)
        raise _Rollback(RowError(draft.line, _("(whole row)"), reasons)) from error


def _create(draft: StoryDraft, parent: UnitPage, resolver: LocalityResolver, user, publish: bool) -> ExemplarStoryPage:
    """One story as a draft (or published, for administrators), with its awards and tags."""
    page = ExemplarStoryPage(
        title=draft.title, subject_name=draft.subject_name, subject_type=draft.subject_type, field=draft.field,
        locality=resolver.save(draft.locality), movement=draft.movement, year=draft.year, quarter=draft.quarter,
        summary=draft.summary, body=draft.body, live=False, owner=user,
    )  # fmt: skip
    page.awards = in_order([award.story_award() for award in draft.awards])
    if draft.tags:
        page.tags.add(*draft.tags)
    parent.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user, content_changed=True)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return page


#: ``progress(stage, done, total)``: "check" while rows are validated, "save" while stories are created.
Progress = Callable[[str, int, int], None]


def _counted(items: list, stage: str, progress: Progress | None) -> Iterator:
    """The items, telling `progress` how many have been handled after each one."""
    for done, item in enumerate(items, 1):
        yield item
        if progress is not None:
            progress(stage, done, len(items))


def import_exemplars(
    file_name: str,
    data: bytes,
    parent: Any,
    user=None,
    publish: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    job=None,
) -> ExemplarImportResult:
    """Validate every row of an exemplar list, then (if all are valid) create the stories, all or none."""
    parent = getattr(parent, "specific", parent)
    if not isinstance(parent, UnitPage):
        raise ExemplarImportRefused(_("The parent page must be a unit page."))
    if publish and not is_administrator(user):
        raise ExemplarImportRefused(
            _(
                "Only administrators (--user is an administrator) may publish on import; other imports must go through moderation."
            )
        )
    table = read_rows(file_name, data)
    columns, rows = table.columns, table.rows
    result = ExemplarImportResult(rows=len(rows))
    result.warnings += [note] if (note := table.sheet_note()) else []
    # a position gives a row's place when it has none, a note its earlier awards: both read
    read = (*COLUMNS, "position", "ghi_chu")
    unknown = [column for column in columns if column not in read and (column != SUBMITTED or "year" in columns)]
    if unknown:
        result.warnings.append(_("Ignored the unused columns: %(columns)s.") % {"columns": table.written(unknown)})
    # an office's own list names people, not headlines: without a title column each story is titled by its name
    titled_by_name = "title" not in columns and "subject_name" in columns
    if titled_by_name:
        result.warnings.append(_("No title column: each story is titled by its exemplar's name (edit it later)."))
    defaults: dict[str, Any] = {}
    if not Path(file_name).suffix.lower() == ".json":
        defaults, notes = column_defaults(columns, table.title_lines, parent)
        result.warnings.extend(notes)
        if "awards" not in columns or column_name(table.headings.get("awards", "")) == PROPOSED:
            defaults[PROPOSAL_LIST] = True  # its parts' headings proposing awards give them
        for column in REQUIRED_COLUMNS:
            if column not in columns and column not in defaults and not (column == "title" and titled_by_name):
                result.errors.append(RowError(1, column, _("required column missing from the header row.")))
        if result.errors:
            return result
    validator = RowValidator(parent, titled_by_name=titled_by_name, defaults=defaults)
    for row in _counted(rows, "check", progress):
        draft = validator.validate(row, result.errors)
        if draft is None:
            continue
        existing = validator.existing_story(draft)
        if existing is not None:
            result.existing.append((draft.line, existing))
        else:
            result.drafts.append(draft)
    result.drafts = [draft for draft in result.drafts if draft.line not in validator.superseded]
    result.existing = [(line, story) for line, story in result.existing if line not in validator.superseded]
    result.warnings.extend(str(warning) for warning in validator.warnings)
    if dry_run and not result.errors and (planned := validator.localities.planned()):
        names = "; ".join(planned)
        result.warnings.append(_("Localities not on the portal yet, to be created: %(names)s") % {"names": names})
    if result.errors or dry_run:
        return result
    batch_list = list(batches(result.drafts, limit("IMPORT_SAVE_BATCH")))
    journal = Journal(job) if batch_list else None
    try:
        for number, batch in enumerate(batch_list, 1):
            if number > 1:
                journal.pause()
            with transaction.atomic():
                movements, localities = len(validator.movements.created), len(validator.localities.created)
                saved = []
                for draft in batch:
                    saved.append(_save_row(draft, parent, validator, user, publish))
                    if progress is not None:
                        progress("save", len(result.created) + len(saved), len(result.drafts))
                journal.record(
                    [*validator.movements.created[movements:], *saved],
                    validator.localities.created[localities:],
                    last=number == len(batch_list),
                )
            result.created += saved
    except _Rollback as error:
        journal.undo()
        result.created, validator.localities.created = [], []
        result.errors.append(error.args[0])
        return result
    except BaseException:
        journal.undo_if_possible()  # an interruption (Ctrl-C, a worker told to stop) or a database error
        raise
    result.localities_created = validator.localities.created
    result.warnings.extend(validator.movements.created_messages())
    result.published = publish
    return result


def _check_size(file_name: str, size: int | None) -> None:
    """Refuse an oversized file before reading it into memory."""
    try:
        check_bytes(size or 0)
    except ImportLimitError as error:
        raise SpreadsheetError(file_name, str(error)) from error


def import_exemplar_file(source: str | Path | UploadedFile, parent: Any, **options: Any) -> ExemplarImportResult:
    """Import an exemplar list from a path or an uploaded file."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        _check_size(path.name, path.stat().st_size)
        return import_exemplars(path.name, path.read_bytes(), parent, **options)
    _check_size(Path(source.name or "danh-sach").name, source.size)
    source.seek(0)
    return import_exemplars(Path(source.name or "danh-sach").name, source.read(), parent, **options)

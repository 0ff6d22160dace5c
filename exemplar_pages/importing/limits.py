"""Limits of the importers (bytes, rows, columns, characters per cell, zip members, PDF pages).

Every limit is a setting prefixed ``IMPORT_``, read at use time with the default below, so that a
deployment or a test can change it. A refused file is refused before its content is parsed: the
size on disk first, then (for the zip-based .xlsx and .docx) the sizes the zip directory declares,
which Python's ``zipfile`` also enforces while decompressing.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path
from typing import IO

from django.conf import settings
from django.utils.translation import gettext

MB = 1024 * 1024
DEFAULTS: dict[str, int] = {
    "IMPORT_MAX_BYTES": 20 * MB,  # size of the uploaded file
    "IMPORT_MAX_ROWS": 5000,  # stories in an exemplar list
    "IMPORT_MAX_COLUMNS": 50,  # columns of a CSV/XLSX row, keys of a JSON story
    "IMPORT_MAX_CELL_CHARS": 100_000,  # characters in one cell
    "IMPORT_MAX_UNCOMPRESSED_BYTES": 100 * MB,  # all members of an .xlsx/.docx together, decompressed
    "IMPORT_MAX_MEMBER_BYTES": 50 * MB,  # one member of an .xlsx/.docx, decompressed
    "IMPORT_MAX_COMPRESSION_RATIO": 100,  # decompressed/compressed, for members over 1 MB decompressed
    "IMPORT_MAX_ZIP_MEMBERS": 1000,  # members of an .xlsx/.docx
    "IMPORT_MAX_PDF_PAGES": 500,  # pages of a plan in PDF
    "IMPORT_BACKGROUND_MIN_BYTES": 256 * 1024,  # admin uploads from this size run as background jobs
    "IMPORT_SAVE_BATCH": 50,  # stories saved per transaction (exemplar_pages.importing.journal)
    "IMPORT_ABANDONED_MINUTES": 10,  # an unfinished import untouched this long is undone
}
RATIO_MIN_MEMBER_BYTES = MB  # small members (styles, shared strings of a few rows) compress well and are harmless


class ImportLimitError(Exception):
    """A file goes past one of the limits; the message (translated) names the limit's setting."""


def limit(name: str) -> int:
    """The current value of a limit setting."""
    if not settings.configured:  # the readers also run outside Django
        return DEFAULTS[name]
    return int(getattr(settings, name, DEFAULTS[name]))


def _(message: str) -> str:
    """gettext, when Django is configured (the readers also run on their own)."""
    return gettext(message) if settings.configured else message


def size_text(value: int) -> str:
    """A size as people read it, with the Vietnamese decimal comma: 20,0 MB."""
    for unit, factor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if value >= factor:
            return f"{value / factor:.1f} {unit}".replace(".", ",")
    return f"{value} byte"


def check_bytes(size: int, setting: str = "IMPORT_MAX_BYTES") -> None:
    """Refuse a file larger than the byte limit."""
    maximum = limit(setting) if setting in DEFAULTS else int(getattr(settings, setting))
    if size > maximum:
        raise ImportLimitError(
            _("File too large: %(size)s, over the limit of %(limit)s (%(setting)s).")
            % {"size": size_text(size), "limit": size_text(maximum), "setting": setting}
        )


def check_rows(count: int) -> None:
    """Refuse a list with more data rows than the row limit (call with the count so far)."""
    if count > limit("IMPORT_MAX_ROWS"):
        raise ImportLimitError(
            _(
                "Too many rows: more than %(limit)s data rows (IMPORT_MAX_ROWS); split the file into several smaller files."
            )
            % {"limit": limit("IMPORT_MAX_ROWS")}
        )


def check_row_shape(line: int, cells: list) -> None:
    """Refuse a row with too many columns or a cell with too many characters."""
    if len(cells) > limit("IMPORT_MAX_COLUMNS"):
        raise ImportLimitError(
            _("Row %(line)s has %(count)s columns, more than the limit of %(limit)s columns (IMPORT_MAX_COLUMNS).")
            % {"line": line, "count": len(cells), "limit": limit("IMPORT_MAX_COLUMNS")}
        )
    for cell in cells:
        if isinstance(cell, str) and len(cell) > limit("IMPORT_MAX_CELL_CHARS"):
            raise cell_error(line)


def cell_error(line: int | None) -> ImportLimitError:
    """A cell longer than the character limit (line unknown for the CSV reader's own check)."""
    values = {"line": line, "limit": limit("IMPORT_MAX_CELL_CHARS")}
    if line is None:
        return ImportLimitError(_("A cell is longer than %(limit)s characters (IMPORT_MAX_CELL_CHARS).") % values)
    return ImportLimitError(
        _("Row %(line)s has a cell longer than %(limit)s characters (IMPORT_MAX_CELL_CHARS).") % values
    )


def check_zip(source: bytes | str | Path | IO[bytes]) -> None:
    """Refuse an .xlsx/.docx/.ods/.odt whose members decompress past the limits, before any XML is parsed.

    A file that is not a zip at all is left to the reader, which reports it as damaged.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > limit("IMPORT_MAX_ZIP_MEMBERS"):
            raise ImportLimitError(
                _(
                    "The compressed file has %(count)s members, more than the limit of %(limit)s (IMPORT_MAX_ZIP_MEMBERS)."
                )
                % {"count": len(members), "limit": limit("IMPORT_MAX_ZIP_MEMBERS")}
            )
        total = 0
        for member in members:
            values = {"member": member.filename, "size": size_text(member.file_size)}
            if member.file_size > limit("IMPORT_MAX_MEMBER_BYTES"):
                raise ImportLimitError(
                    _(
                        "Member “%(member)s” decompresses to %(size)s, over the limit of %(limit)s (IMPORT_MAX_MEMBER_BYTES)."
                    )
                    % {**values, "limit": size_text(limit("IMPORT_MAX_MEMBER_BYTES"))}
                )
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size >= RATIO_MIN_MEMBER_BYTES and ratio > limit("IMPORT_MAX_COMPRESSION_RATIO"):
                raise ImportLimitError(
                    _(
                        "Member “%(member)s” is compressed %(ratio)s times (decompresses to %(size)s), over the limit of "
                        "%(limit)s times (IMPORT_MAX_COMPRESSION_RATIO); the file may be a “zip bomb”."
                    )
                    % {**values, "ratio": int(ratio), "limit": limit("IMPORT_MAX_COMPRESSION_RATIO")}
                )
            total += member.file_size
            if total > limit("IMPORT_MAX_UNCOMPRESSED_BYTES"):
                raise ImportLimitError(
                    _(
                        "The file decompresses to more than %(limit)s (IMPORT_MAX_UNCOMPRESSED_BYTES), "
                        "passing the limit at member “%(member)s”."
                    )
                    % {**values, "limit": size_text(limit("IMPORT_MAX_UNCOMPRESSED_BYTES"))}
                )


def check_pdf_pages(count: int) -> None:
    if count > limit("IMPORT_MAX_PDF_PAGES"):
        raise ImportLimitError(
            _("The PDF file has %(count)s pages, more than the limit of %(limit)s pages (IMPORT_MAX_PDF_PAGES).")
            % {"count": count, "limit": limit("IMPORT_MAX_PDF_PAGES")}
        )


def check_upload(file_name: str, size: int, source: bytes | str | Path | IO[bytes] | None = None) -> None:
    """The cheap checks the admin form and the commands share: bytes, then the zip directory."""
    check_bytes(size)
    if source is not None and Path(file_name).suffix.lower() in (".xlsx", ".docx", ".ods", ".odt"):
        check_zip(source)

"""What an import did, in Vietnamese, for the commands and the admin uploads alike."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cms.vietnamese import TextQuality

from .exemplar_import import ExemplarImportResult
from .plan_import import PlanImportResult

NONE = "—"


def quality_text(quality: TextQuality) -> str:
    """“100.0% âm tiết hợp lệ (1019/1019)”, with the warning and a sample when suspect."""
    ratio = _("%(ratio)s valid syllables (%(valid)s/%(judged)s)") % {
        "ratio": f"{quality.ratio:.1%}",
        "valid": quality.valid_words,
        "judged": quality.words_judged,
    }
    if not quality.is_suspect:
        return ratio
    sample = ", ".join(quality.invalid_sample[:10] + quality.mojibake_markers[:5])
    return _("%(ratio)s — SUSPECTED ENCODING ERROR / LOST CHARACTERS, check before approving: %(sample)s") % {
        "ratio": ratio,
        "sample": sample,
    }


def plan_fields(result: PlanImportResult) -> list[tuple[str, str]]:
    """The extracted fields of an imported plan as (label, value) pairs."""
    page, parsed = result.page, result.parsed
    created = [movement.title for movement in result.movements_created]
    movements = _("linked %(linked)s, newly created (drafts) %(created)s") % {
        "linked": len(result.movements_linked),
        "created": len(created),
    }
    if created:
        movements += ": " + "; ".join(created)
    fields = [
        (_("Title"), page.title),
        (_("Document number"), page.number or NONE),
        (_("Issue date"), f"{page.issue_date:%d/%m/%Y}" if page.issue_date else NONE),
        (_("Place"), page.issue_place or NONE),
        (_("Issuing body"), page.issuing_body or NONE),
        (_("Implementation period"), page.period_display or NONE),
        (
            _("Basis"),
            _("%(count)s (linked to plans on the portal: %(linked)s)")
            % {"count": len(parsed.basis), "linked": result.references_linked},
        ),
        (_("Content"), _("%(count)s blocks") % {"count": len(page.sections)}),
        (_("Assignments"), _("%(count)s units") % {"count": len(parsed.assignments)}),
        (_("Distribution list"), str(len(parsed.recipients))),
        (_("Signer"), f"{page.signer_title or NONE} — {page.signer_name or NONE}"),
        (_("Movements"), movements),
    ]
    if page.original_document_id:
        document = _("document #%(id)s “%(title)s”") % {
            "id": page.original_document_id,
            "title": page.original_document.title,
        }
        fields.append((_("Original document"), document))
    fields.append((_("Text quality"), quality_text(result.quality)))
    return fields


def plan_lines(result: PlanImportResult) -> list[str]:
    """Indented lines for the command's output: fields, then what could not be extracted."""
    lines = [f"  {label}: {value}" for label, value in plan_fields(result)]
    if result.warnings:
        lines.append("  " + _("Not extracted / to be checked:"))
        lines.extend(f"    - {warning}" for warning in result.warnings)
    return lines


def exemplar_lines(result: ExemplarImportResult, dry_run: bool = False) -> list[str]:
    """Lines describing an exemplar import: every bad row, or what was created and skipped."""
    lines = list(result.warnings)
    if result.errors:
        lines.append(
            _("No row imported: %(errors)s errors in %(rows)s rows.")
            % {"errors": len(result.errors), "rows": result.rows}
        )
        lines.extend(f"  {error}" for error in result.errors)
        return lines
    counts = {"rows": result.rows, "new": len(result.drafts), "existing": len(result.existing)}
    if dry_run:
        lines.append(_("Checked %(rows)s rows, no errors: %(new)s to create, %(existing)s already there.") % counts)
        return lines
    state = _("published") if result.published else _("drafts awaiting moderation")
    lines.append(
        _("Imported %(created)s exemplars (%(state)s); %(existing)s already there; %(rows)s rows in all.")
        % {**counts, "created": len(result.created), "state": state}
    )
    lines.extend(f"  #{page.pk} {page.title}" for page in result.created)
    lines.extend(
        "  " + _("Row %(line)s: already there (#%(id)s %(title)s)") % {"line": line, "id": page.pk, "title": page.title}
        for line, page in result.existing
    )
    if result.localities_created:
        names = "; ".join(locality.display_path for locality in result.localities_created)
        lines.append(_("New localities created: %(names)s") % {"names": names})
    return lines

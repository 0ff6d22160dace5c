"""What an import did, in Vietnamese, for the commands and the admin uploads alike."""

from __future__ import annotations

from django.utils.translation import gettext as _

from cms.vietnamese import TextQuality

from .exemplar_import import ExemplarImportResult
from .plan_import import PlanImportResult

NONE = "—"


def quality_text(quality: TextQuality) -> str:
    """“100.0% âm tiết hợp lệ (1019/1019)”, with the warning and a sample when suspect."""
    ratio = _("%(ratio)s âm tiết hợp lệ (%(valid)s/%(judged)s)") % {
        "ratio": f"{quality.ratio:.1%}",
        "valid": quality.valid_words,
        "judged": quality.words_judged,
    }
    if not quality.is_suspect:
        return ratio
    sample = ", ".join(quality.invalid_sample[:10] + quality.mojibake_markers[:5])
    return _("%(ratio)s — NGHI LỖI MÃ HÓA / MẤT CHỮ, cần kiểm tra trước khi duyệt: %(sample)s") % {
        "ratio": ratio,
        "sample": sample,
    }


def plan_fields(result: PlanImportResult) -> list[tuple[str, str]]:
    """The extracted fields of an imported plan as (label, value) pairs."""
    page, parsed = result.page, result.parsed
    created = [movement.title for movement in result.movements_created]
    movements = _("liên kết %(linked)s, tạo mới (bản nháp) %(created)s") % {
        "linked": len(result.movements_linked),
        "created": len(created),
    }
    if created:
        movements += ": " + "; ".join(created)
    fields = [
        (_("Tiêu đề"), page.title),
        (_("Số hiệu"), page.number or NONE),
        (_("Ngày ban hành"), f"{page.issue_date:%d/%m/%Y}" if page.issue_date else NONE),
        (_("Địa danh"), page.issue_place or NONE),
        (_("Cơ quan ban hành"), page.issuing_body or NONE),
        (_("Thời gian thực hiện"), page.period_display or NONE),
        (
            _("Căn cứ"),
            _("%(count)s (liên kết với kế hoạch trên cổng: %(linked)s)")
            % {"count": len(parsed.basis), "linked": result.references_linked},
        ),
        (_("Nội dung"), _("%(count)s khối") % {"count": len(page.sections)}),
        (_("Phân công"), _("%(count)s đơn vị") % {"count": len(parsed.assignments)}),
        (_("Nơi nhận"), str(len(parsed.recipients))),
        (_("Người ký"), f"{page.signer_title or NONE} — {page.signer_name or NONE}"),
        (_("Phong trào"), movements),
    ]
    if page.original_document_id:
        document = _("tài liệu #%(id)s “%(title)s”") % {
            "id": page.original_document_id,
            "title": page.original_document.title,
        }
        fields.append((_("Văn bản gốc"), document))
    fields.append((_("Chất lượng chữ"), quality_text(result.quality)))
    return fields


def plan_lines(result: PlanImportResult) -> list[str]:
    """Indented lines for the command's output: fields, then what could not be extracted."""
    lines = [f"  {label}: {value}" for label, value in plan_fields(result)]
    if result.warnings:
        lines.append("  " + _("Không trích xuất được / cần kiểm tra:"))
        lines.extend(f"    - {warning}" for warning in result.warnings)
    return lines


def exemplar_lines(result: ExemplarImportResult, dry_run: bool = False) -> list[str]:
    """Lines describing an exemplar import: every bad row, or what was created and skipped."""
    lines = list(result.warnings)
    if result.errors:
        lines.append(
            _("Không nhập dòng nào: %(errors)s lỗi trong %(rows)s dòng.")
            % {"errors": len(result.errors), "rows": result.rows}
        )
        lines.extend(f"  {error}" for error in result.errors)
        return lines
    counts = {"rows": result.rows, "new": len(result.drafts), "existing": len(result.existing)}
    if dry_run:
        lines.append(_("Kiểm tra xong %(rows)s dòng, không có lỗi: sẽ tạo %(new)s, đã có %(existing)s.") % counts)
        return lines
    state = _("đã đăng") if result.published else _("bản nháp chờ duyệt")
    lines.append(
        _("Đã nhập %(created)s gương điển hình (%(state)s); đã có %(existing)s; tổng %(rows)s dòng.")
        % {**counts, "created": len(result.created), "state": state}
    )
    lines.extend(f"  #{page.pk} {page.title}" for page in result.created)
    lines.extend(
        "  " + _("Dòng %(line)s: đã có (#%(id)s %(title)s)") % {"line": line, "id": page.pk, "title": page.title}
        for line, page in result.existing
    )
    if result.localities_created:
        names = "; ".join(locality.display_path for locality in result.localities_created)
        lines.append(_("Địa bàn mới tạo: %(names)s") % {"names": names})
    return lines

"""The summary for the council's meeting (DESIGN §9): per nominee, the counts in favour / against / other
and the texts of the comments, as XLSX (for the office to work on) and DOCX (for the meeting's papers).

Comments marked as spam are left out of both; comments not yet sorted are counted apart, so the office
sees what it has still to read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ConsultationComment, ConsultationPage

Stance = ConsultationComment.Stance
#: The order of the count columns.
STANCES = [Stance.FOR, Stance.AGAINST, Stance.OTHER, Stance.UNSORTED]


@dataclass
class NomineeSummary:
    name: str
    comments: list[ConsultationComment] = field(default_factory=list)

    def count(self, stance: str) -> int:
        return sum(1 for comment in self.comments if comment.stance == stance)

    @property
    def counts(self) -> dict[str, int]:
        return {str(stance): self.count(stance) for stance in STANCES}

    @property
    def total(self) -> int:
        return len(self.comments)


def summarise(consultation: ConsultationPage) -> list[NomineeSummary]:
    """One entry per nominee in the list's order, then the comments on the whole list; spam left out."""
    groups = {nominee.pk: NomineeSummary(nominee.name) for nominee in consultation.nominees.all()}
    whole_list = NomineeSummary(str(_("Comments on the whole list")))
    removed: dict[str, NomineeSummary] = {}  # comments on a nominee later taken off the list
    comments = consultation.comments.filter(is_spam=False).order_by("created_at", "pk")
    for comment in comments:
        if comment.nominee_id in groups:
            groups[comment.nominee_id].comments.append(comment)
        elif comment.nominee_name:
            removed.setdefault(comment.nominee_name, NomineeSummary(comment.nominee_name)).comments.append(comment)
        else:
            whole_list.comments.append(comment)
    return [*groups.values(), *removed.values(), whole_list]


def stance_labels() -> list[str]:
    return [str(stance.label) for stance in STANCES]


def title_lines(consultation: ConsultationPage) -> list[str]:
    return [
        str(_("SUMMARY OF PUBLIC COMMENTS")),
        consultation.title,
        _("Consultation period: %(start)s – %(end)s (%(days)s working days)")
        % {
            "start": consultation.opens_on.strftime("%d/%m/%Y"),
            "end": consultation.closes_on.strftime("%d/%m/%Y"),
            "days": consultation.working_days,
        },
        _("Prepared at %(time)s") % {"time": timezone.localtime().strftime("%H:%M ngày %d/%m/%Y")},
    ]


def filename(consultation: ConsultationPage, extension: str) -> str:
    return f"tong-hop-y-kien-{consultation.slug}.{extension}"


def summary_xlsx(consultation: ConsultationPage) -> bytes:
    """Sheet 1: counts per nominee with totals; sheet 2: every comment with its author and class."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    summaries = summarise(consultation)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Overview"))
    for line in title_lines(consultation):
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    header = [_("No."), _("Nominated person or group"), *stance_labels(), _("Total count")]
    sheet.append([str(cell) for cell in header])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for number, summary in enumerate(summaries, 1):
        sheet.append([number, summary.name, *summary.counts.values(), summary.total])
    totals = [sum(summary.count(stance) for summary in summaries) for stance in STANCES]
    sheet.append(["", str(_("Totals")), *totals, sum(totals)])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["B"].width = 45
    for letter in "CDEFG":
        sheet.column_dimensions[letter].width = 16

    details = workbook.create_sheet(str(_("Comments")))
    details.append(
        [
            str(cell)
            for cell in (
                _("Regarding"),
                _("Classification"),
                _("Commenter"),
                _("Contact"),
                _("Place of residence"),
                _("Submitted at"),
                _("Content"),
                _("Note"),
            )
        ]
    )
    for cell in details[1]:
        cell.font = Font(bold=True)
    for summary in summaries:
        for comment in summary.comments:
            details.append(
                [
                    summary.name,
                    str(Stance(comment.stance).label),
                    comment.name,
                    comment.contact,
                    comment.locality,
                    timezone.localtime(comment.created_at).strftime("%d/%m/%Y %H:%M"),
                    comment.text,
                    comment.note,
                ]
            )
    for letter, width in zip("ABCDEFGH", (30, 16, 24, 22, 24, 17, 80, 30), strict=True):
        details.column_dimensions[letter].width = width
    for row in details.iter_rows(min_row=2, min_col=7, max_col=7):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def summary_docx(consultation: ConsultationPage) -> bytes:
    """A Word document: the title, the table of counts, then each nominee's comments (no contact details)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    summaries = summarise(consultation)
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    lines = title_lines(consultation)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(lines[0]).bold = True
    for line in lines[1:]:
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    document.add_heading(str(_("I. Number of comments")), level=2)
    header = [str(_("No.")), str(_("Nominated person or group")), *stance_labels(), str(_("Total count"))]
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for number, summary in enumerate(summaries, 1):
        values = [str(number), summary.name, *(str(v) for v in summary.counts.values()), str(summary.total)]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    totals = [sum(summary.count(stance) for summary in summaries) for stance in STANCES]
    for cell, text in zip(
        table.add_row().cells, ["", str(_("Totals")), *(str(v) for v in totals), str(sum(totals))], strict=True
    ):
        cell.text = text

    document.add_heading(str(_("II. Content of the comments")), level=2)
    for number, summary in enumerate(summaries, 1):
        document.add_heading(f"{number}. {summary.name}", level=3)
        if not summary.comments:
            document.add_paragraph(str(_("No comments.")))
        for comment in summary.comments:
            paragraph = document.add_paragraph(style="List Bullet")
            author = comment.name + (f" ({comment.locality})" if comment.locality else "")
            paragraph.add_run(f"[{Stance(comment.stance).label}] ").bold = True
            paragraph.add_run(
                f"{author}, {timezone.localtime(comment.created_at).strftime('%d/%m/%Y')}: "
            ).italic = True
            paragraph.add_run(comment.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

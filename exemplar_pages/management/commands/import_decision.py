"""`manage.py import_decision FILE --parent UNIT`: a decision's awardee list (CSV, XLSX, XLS, ODS, DOCX/ODT tables, JSON) as a draft decision."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from exemplar_pages.importing.decision_import import DecisionImportRefused, import_decision_file
from exemplar_pages.importing.exemplar_rows import SpreadsheetError
from exemplar_pages.models import UnitPage


class Command(BaseCommand):
    help = "Nhập danh sách được khen thưởng của một quyết định (CSV, XLSX, XLS, ODS, bảng Word/LibreOffice, JSON) thành bản nháp; có lỗi thì không nhập gì."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "file",
            metavar="FILE",
            help="Tệp .csv, .xlsx, .xls, .ods, .docx, .doc, .odt, .pdf, .html (bảng Word, LibreOffice, PDF, trang web) hoặc .json.",
        )
        parser.add_argument("--parent", required=True, metavar="UNIT", help="ID hoặc slug của trang đơn vị.")
        parser.add_argument("--number", help="Số quyết định, ví dụ 1234/QĐ-UBND.")
        parser.add_argument("--date", help="Ngày ký, dd/mm/yyyy.")
        parser.add_argument("--issuer", help="Cơ quan ban hành.")
        parser.add_argument("--signer-name", dest="signer_name", help="Người ký.")
        parser.add_argument("--signer-title", dest="signer_title", help="Chức vụ người ký.")
        parser.add_argument("--title", help="Tiêu đề trang (mặc định: “Quyết định số … ngày … về việc khen thưởng”).")
        parser.add_argument("--award", help="Hình thức khen thưởng cho các dòng không ghi khen thưởng.")
        parser.add_argument("--user", metavar="USERNAME", help="Người nhập (chủ sở hữu bản nháp).")

    def handle(self, *args, file: str, parent: str, user: str | None, **options):
        if not Path(file).is_file():
            raise CommandError(_("File “%(file)s” not found.") % {"file": file})
        units = UnitPage.objects.all()
        found = list(units.filter(pk=int(parent)) if parent.isdigit() else units.filter(slug=parent)[:2])
        if not found:
            raise CommandError(_("--parent: there is no unit page “%(unit)s”.") % {"unit": parent})
        if len(found) > 1:
            raise CommandError(_("--parent: several units have the slug “%(unit)s”; use the ID.") % {"unit": parent})
        unit = found[0]
        importer = None
        if user:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(_("--user: there is no user “%(name)s”.") % {"name": user})
        try:
            result = import_decision_file(file, unit, user=importer, **options)
        except (SpreadsheetError, DecisionImportRefused) as error:
            raise CommandError(str(error)) from error
        for warning in result.warnings:
            self.stderr.write(_("Warning: %(warning)s") % {"warning": warning})
        if result.errors:
            self.stderr.write("\n".join(str(error) for error in result.errors))
            raise CommandError(
                _("File “%(file)s” has %(count)s errors; nothing imported.")
                % {"file": Path(file).name, "count": len(result.errors)}
            )
        self.stdout.write(
            _("Created draft decision #%(id)s “%(title)s” with %(count)s awarded people and collectives.")
            % {"id": result.page.pk, "title": result.page.title, "count": result.page.awardees.count()}
        )

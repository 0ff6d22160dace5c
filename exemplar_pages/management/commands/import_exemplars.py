"""`manage.py import_exemplars FILE --parent PAGE_ID`: import an exemplar list (CSV, XLSX, XLS, ODS, DOCX/ODT tables, JSON), all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Page

from exemplar_pages.importing.exemplar_import import ExemplarImportRefused, import_exemplar_file
from exemplar_pages.importing.exemplar_rows import SpreadsheetError
from exemplar_pages.importing.reports import exemplar_lines
from exemplar_pages.models import UnitPage


class Command(BaseCommand):
    help = "Nhập danh sách gương điển hình (CSV, XLSX, XLS, ODS, bảng Word/LibreOffice, JSON) thành bản nháp; có một dòng lỗi thì không nhập gì."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "file",
            metavar="FILE",
            help="Tệp .csv, .xlsx, .xls, .ods, .docx, .doc, .odt, .pdf, .html (bảng Word, LibreOffice, PDF, trang web) hoặc .json.",
        )
        parser.add_argument("--parent", type=int, required=True, metavar="PAGE_ID", help="ID trang đơn vị chứa bài.")
        parser.add_argument("--user", metavar="USERNAME", help="Người nhập (chủ sở hữu bài).")
        parser.add_argument(
            "--publish", action="store_true", help="Đăng ngay (chỉ quản trị viên, khi chuyển dữ liệu cũ; cần --user)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không lưu gì.")

    def handle(self, *args, file: str, parent: int, user: str | None, publish: bool, dry_run: bool, **options):
        if not Path(file).is_file():
            raise CommandError(_("File “%(file)s” not found.") % {"file": file})
        page = Page.objects.filter(pk=parent).first()
        if page is None or not isinstance(page.specific, UnitPage):
            raise CommandError(_("Page #%(id)s is not a unit page; choose a unit (--parent).") % {"id": parent})
        importer = None
        if user:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(_("There is no user “%(name)s”.") % {"name": user})
        try:
            result = import_exemplar_file(file, page.specific, user=importer, publish=publish, dry_run=dry_run)
        except (SpreadsheetError, ExemplarImportRefused) as error:
            raise CommandError(str(error)) from error
        lines = exemplar_lines(result, dry_run)
        if result.errors:
            self.stderr.write("\n".join(lines))
            raise CommandError(
                _("File “%(file)s” has %(count)s errors; no row imported.")
                % {"file": Path(file).name, "count": len(result.errors)}
            )
        self.stdout.write("\n".join(lines))

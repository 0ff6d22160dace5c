"""`manage.py import_plan FILE… [--parent PAGE_ID]`: import plan documents as draft plan pages."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from exemplar_pages.importing.plan_import import PlanImportError, PlanImportResult, import_plan_file
from exemplar_pages.importing.readers import DocumentReadError
from exemplar_pages.importing.reports import plan_lines
from exemplar_pages.models import UnitPage


class Command(BaseCommand):
    help = "Nhập kế hoạch (.txt, .docx, .pdf) thành bản nháp trang kế hoạch; mỗi tệp một giao dịch."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="Tệp .txt, .docx hoặc .pdf có lớp chữ.")
        parser.add_argument(
            "--parent",
            type=int,
            metavar="PAGE_ID",
            help="ID trang đơn vị; mặc định: đơn vị trùng tên cơ quan ban hành.",
        )
        parser.add_argument("--user", metavar="USERNAME", help="Người nhập (chủ sở hữu bản nháp).")
        parser.add_argument("--update", action="store_true", help="Lưu phiên bản mới cho kế hoạch đã có.")

    def handle(self, *args, files: list[str], parent: int | None, user: str | None, update: bool, **options):
        parent_page = self._parent(parent)
        importer = self._user(user)
        counts = {"files": len(files), "imported": 0, "existing": 0}
        failures: list[str] = []
        for file_name in files:
            self.stdout.write(f"== {file_name}")
            try:
                result = import_plan_file(file_name, parent=parent_page, user=importer, update=update)
            except (DocumentReadError, PlanImportError) as error:
                failures.append(f"{file_name}: {error}")
            except Exception as error:  # one broken file must not stop the others; each is its own transaction
                failures.append(f"{file_name}: {_('lỗi không mong đợi')} ({type(error).__name__}: {error})")
            else:
                counts["imported" if result.created or update else "existing"] += 1
                self.stdout.write(self._headline(result, update))
                self.stdout.write("\n".join(plan_lines(result)))
                continue
            self.stderr.write(f"  {_('LỖI')} {failures[-1]}")
        counts["failed"] = len(failures)
        self.stdout.write(_("Tổng cộng %(files)s tệp: nhập %(imported)s, đã có %(existing)s, lỗi %(failed)s.") % counts)
        if failures:
            raise CommandError(_("Không nhập được: %(files)s") % {"files": "; ".join(failures)})

    def _headline(self, result: PlanImportResult, update: bool) -> str:
        """What happened to the file: created, new revision, or already there."""
        values = {
            "id": result.page.pk,
            "unit": result.page.get_parent().title,
            "url": reverse("wagtailadmin_pages:edit", args=[result.page.pk]),
        }
        if result.created:
            return _("Đã tạo bản nháp kế hoạch #%(id)s dưới “%(unit)s” — sửa: %(url)s") % values
        if update:
            return _("Đã lưu phiên bản mới cho kế hoạch #%(id)s dưới “%(unit)s” — sửa: %(url)s") % values
        return (
            _("Đã có: kế hoạch #%(id)s đã có trên cổng, không tạo thêm (--update để lưu phiên bản mới) — %(url)s")
            % values
        )

    def _parent(self, page_id: int | None) -> UnitPage | None:
        if page_id is None:
            return None
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(_("Không có trang #%(id)s.") % {"id": page_id})
        if not isinstance(page.specific, UnitPage):
            raise CommandError(_("Trang #%(id)s không phải là trang đơn vị; hãy chọn một đơn vị.") % {"id": page_id})
        return page.specific

    def _user(self, username: str | None):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("Không có người dùng “%(name)s”.") % {"name": username})
        return user

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
    help = "Nhập kế hoạch (.txt, .docx, .doc, .odt, .pdf, .html) thành bản nháp trang kế hoạch; mỗi tệp một giao dịch."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "files", nargs="+", metavar="FILE", help="Tệp .txt, .docx, .doc, .odt, .html hoặc .pdf có lớp chữ."
        )
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
                unexpected = _("unexpected error")
                failures.append(f"{file_name}: {unexpected} ({type(error).__name__}: {error})")
            else:
                counts["imported" if result.created or update else "existing"] += 1
                self.stdout.write(self._headline(result, update))
                self.stdout.write("\n".join(plan_lines(result)))
                continue
            self.stderr.write("  " + _("ERROR") + " " + failures[-1])
        counts["failed"] = len(failures)
        self.stdout.write(
            _("%(files)s files in all: %(imported)s imported, %(existing)s already there, %(failed)s failed.") % counts
        )
        if failures:
            raise CommandError(_("Could not import: %(files)s") % {"files": "; ".join(failures)})

    def _headline(self, result: PlanImportResult, update: bool) -> str:
        """What happened to the file: created, new revision, or already there."""
        values = {
            "id": result.page.pk,
            "unit": result.page.get_parent().title,
            "url": reverse("wagtailadmin_pages:edit", args=[result.page.pk]),
        }
        if result.created:
            return _("Created draft plan #%(id)s under “%(unit)s” — edit: %(url)s") % values
        if update:
            return _("Saved a new revision of plan #%(id)s under “%(unit)s” — edit: %(url)s") % values
        return (
            _(
                "Already there: plan #%(id)s is already on the portal, nothing created (--update to save a new revision) — %(url)s"
            )
            % values
        )

    def _parent(self, page_id: int | None) -> UnitPage | None:
        if page_id is None:
            return None
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(_("There is no page #%(id)s.") % {"id": page_id})
        if not isinstance(page.specific, UnitPage):
            raise CommandError(_("Page #%(id)s is not a unit page; choose a unit.") % {"id": page_id})
        return page.specific

    def _user(self, username: str | None):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("There is no user “%(name)s”.") % {"name": username})
        return user

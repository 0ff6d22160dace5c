"""Admin registrations of “Nhập dữ liệu”: the two upload views and their menu (loaded by ../wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .views import (
    ExemplarTemplateView,
    ExemplarUploadView,
    ImportJobListView,
    ImportJobView,
    PlanUploadView,
    may_add_pages,
    may_import_exemplars,
)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("nhap-du-lieu/ke-hoach/", PlanUploadView.as_view(), name="import_plan"),
        path("nhap-du-lieu/guong-dien-hinh/", ExemplarUploadView.as_view(), name="import_exemplars"),
        path("nhap-du-lieu/guong-dien-hinh/mau.xlsx", ExemplarTemplateView.as_view(), name="import_exemplars_template"),
        path("nhap-du-lieu/lan-nhap/", ImportJobListView.as_view(), name="import_jobs"),
        path("nhap-du-lieu/lan-nhap/<int:pk>/", ImportJobView.as_view(), name="import_job"),
    ]


class PlanImportMenuItem(MenuItem):
    """Shown to anyone who may add pages somewhere."""

    def is_shown(self, request) -> bool:
        return may_add_pages(request.user)


class ExemplarImportMenuItem(MenuItem):
    """Shown to site administrators and the standing office."""

    def is_shown(self, request) -> bool:
        return may_import_exemplars(request.user)


class ImportJobsMenuItem(MenuItem):
    """Shown to anyone who may import something."""

    def is_shown(self, request) -> bool:
        return may_add_pages(request.user) or may_import_exemplars(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    items = [
        PlanImportMenuItem(
            _("Plans (Word, PDF)"), reverse("import_plan"), name="ke-hoach", icon_name="doc-full", order=100
        ),
        ExemplarImportMenuItem(
            _("Exemplars (spreadsheet)"),
            reverse("import_exemplars"),
            name="guong-dien-hinh",
            icon_name="table",
            order=200,
        ),
        ImportJobsMenuItem(
            _("Recent imports"), reverse("import_jobs"), name="lan-nhap", icon_name="list-ul", order=300
        ),
    ]
    return SubmenuMenuItem(_("Import data"), Menu(items=items), icon_name="upload", name="nhap-du-lieu", order=850)

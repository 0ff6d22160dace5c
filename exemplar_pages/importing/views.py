"""Admin views of “Nhập dữ liệu”: upload a plan document, upload an exemplar list."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import ImportJob, UnitPage
from ..moderation.permissions import is_administrator, is_standing_office
from . import kept_uploads
from .exemplar_import import ExemplarImportRefused, import_exemplar_file
from .exemplar_rows import SpreadsheetError
from .exemplar_template import build_exemplar_template
from .forms import ExemplarUploadForm, PlanUploadForm
from .jobs import read_progress, start_import
from .limits import limit
from .plan_import import PlanImportError, import_plan_file
from .readers import DocumentReadError
from .reports import exemplar_lines, plan_fields

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_FILE_NAME = "mau-danh-sach-guong-dien-hinh.xlsx"


def may_add_pages(user) -> bool:
    """Cheap check for the menu: the user may add pages somewhere."""
    return PagePermissionPolicy().user_has_permission(user, "add")


def addable_units(user) -> QuerySet:
    """Units under which the user may add pages."""
    ids = [unit.pk for unit in UnitPage.objects.order_by("path") if unit.permissions_for_user(user).can_add_subpage()]
    return UnitPage.objects.filter(pk__in=ids).order_by("path")


def runs_in_background(upload) -> bool:
    """Uploads from IMPORT_BACKGROUND_MIN_BYTES on are imported by the worker, not in the request."""
    return upload.size >= limit("IMPORT_BACKGROUND_MIN_BYTES")


def may_see_job(user, job: ImportJob) -> bool:
    """The uploader, the standing office and administrators."""
    return job.user_id == user.pk or is_administrator(user) or is_standing_office(user)


def may_import_exemplars(user) -> bool:
    """Site administrators and the council's standing office."""
    return is_administrator(user) or is_standing_office(user)


class ImportViewMixin(WagtailAdminTemplateMixin):
    """Breadcrumbs “Trang chủ › Nhập dữ liệu › …” for the upload views."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": _("Import data")},
            {"url": "", "label": self.get_page_title()},
        ]


class PlanUploadView(ImportViewMixin, FormView):
    """Upload a plan document; it becomes a draft plan under a unit the user may add pages to."""

    template_name = "exemplar_pages/importing/plan_upload.html"
    form_class = PlanUploadForm
    page_title = _("Import a plan")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.units = addable_units(request.user)
        if not self.units.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "units": self.units}

    def form_valid(self, form):
        if runs_in_background(form.cleaned_data["file"]):
            job = start_import(
                ImportJob.Kind.PLAN,
                form.cleaned_data["file"],
                form.cleaned_data["parent"],
                self.request.user,
                {"update": form.cleaned_data["update"]},
            )
            return redirect("import_job", job.pk)
        try:
            result = import_plan_file(
                form.cleaned_data["file"],
                parent=form.cleaned_data["parent"],
                user=self.request.user,
                update=form.cleaned_data["update"],
            )
        except (DocumentReadError, PlanImportError) as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        quality = result.quality
        context = self.get_context_data(
            form=self.form_class(units=self.units),
            result=result,
            fields=plan_fields(result),
            quality=quality,
            percent=f"{quality.ratio:.1%}",
            sample=quality.invalid_sample[:15] + quality.mojibake_markers[:5],
        )
        return self.render_to_response(context)


class ExemplarUploadView(ImportViewMixin, FormView):
    """Upload an exemplar list; all rows become drafts, or nothing is saved and every bad row is listed."""

    template_name = "exemplar_pages/importing/exemplar_upload.html"
    form_class = ExemplarUploadForm
    page_title = _("Import exemplars")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_import_exemplars(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), **self._form_options()}
        if self.request.method == "POST":
            kwargs["kept"] = kept_uploads.kept(self.request, self.request.POST.get("kept_file"))
        else:
            kwargs["kept"] = kept_uploads.current(self.request)
        return kwargs

    def _form_options(self) -> dict:
        return {"units": UnitPage.objects.order_by("path"), "may_publish": is_administrator(self.request.user)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(template_url=reverse("import_exemplars_template"), **kwargs)
        context.setdefault("kept", getattr(context.get("form"), "kept", None))
        return context

    def _keep(self, form):
        """Keep the file for another try (“Nhập lại tệp đã chọn”), or the one already kept."""
        return form.kept if form.uses_kept else kept_uploads.keep(self.request, form.cleaned_data["file"])

    def form_valid(self, form):
        data = form.cleaned_data
        if runs_in_background(data["file"]):
            options = {"dry_run": data["dry_run"], "publish": data.get("publish", False)}
            job = start_import(ImportJob.Kind.EXEMPLARS, data["file"], data["parent"], self.request.user, options)
            kept_uploads.discard(self.request)
            return redirect("import_job", job.pk)
        try:
            result = import_exemplar_file(
                data["file"],
                data["parent"],
                user=self.request.user,
                publish=data.get("publish", False),
                dry_run=data["dry_run"],
            )
        except (SpreadsheetError, ExemplarImportRefused) as error:
            form.kept = self._keep(form)
            form.add_error("file", str(error))
            return self.form_invalid(form)
        keep_form = bool(result.errors) or data["dry_run"]
        kept = None
        if keep_form:
            kept = self._keep(form)
        else:
            kept_uploads.discard(self.request)
        context = self.get_context_data(
            form=form if keep_form else self.form_class(**self._form_options()),
            result=result,
            dry_run=data["dry_run"],
            lines=exemplar_lines(result, data["dry_run"]),
            kept=kept,
        )
        return self.render_to_response(context)


class ExemplarTemplateView(View):
    """The exemplar list template (.xlsx), with the accepted values read from the database now."""

    def dispatch(self, request, *args, **kwargs):
        if not may_import_exemplars(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        response = HttpResponse(build_exemplar_template(), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_FILE_NAME}"'
        return response


class ImportJobView(ImportViewMixin, TemplateView):
    """One import job: its state (the page refreshes itself while it runs) and its report."""

    template_name = "exemplar_pages/importing/job.html"
    page_title = _("Data import run")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.job = get_object_or_404(ImportJob.objects.select_related("user", "parent"), pk=kwargs["pk"])
        if not may_see_job(request.user, self.job):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            job=self.job, report_lines=self.job.report.splitlines(), progress=read_progress(self.job), **kwargs
        )


class ImportJobListView(ImportViewMixin, TemplateView):
    """The user's recent import jobs."""

    template_name = "exemplar_pages/importing/job_list.html"
    page_title = _("Recent imports")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not may_add_pages(request.user) and not may_import_exemplars(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        jobs = ImportJob.objects.filter(user=self.request.user).select_related("parent")[:30]
        return super().get_context_data(jobs=jobs, **kwargs)

"""Upload forms of the admin's “Nhập dữ liệu” views: a file, the unit that receives it, options."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ..models import UnitPage
from .exemplar_rows import SUPPORTED_SUFFIXES as EXEMPLAR_SUFFIXES
from .kept_uploads import KeptUpload
from .limits import ImportLimitError, check_bytes, check_upload
from .readers import SUPPORTED_SUFFIXES as PLAN_SUFFIXES

LEGACY_LIMIT_SETTING = "EXEMPLAR_PAGES_IMPORT_MAX_UPLOAD_BYTES"  # the admin's own limit, before IMPORT_MAX_BYTES


def check_uploaded_file(upload) -> None:
    """The checks the commands make too (bytes, zip members), with the same messages naming the limit."""
    name = Path(upload.name or "").name
    try:
        if hasattr(settings, LEGACY_LIMIT_SETTING):
            check_bytes(upload.size, LEGACY_LIMIT_SETTING)
        check_upload(name, upload.size, upload)
    except ImportLimitError as error:
        raise forms.ValidationError(
            _("Cannot read the file “%(name)s”: %(problem)s") % {"name": name, "problem": error}
        ) from error
    finally:
        upload.seek(0)


class UnitChoiceField(forms.ModelChoiceField):
    """A unit page, shown with its parent so that namesakes can be told apart."""

    def label_from_instance(self, unit: UnitPage) -> str:
        parent = unit.get_parent()
        return f"{unit.title} — {parent.title}" if parent and parent.depth > 2 else unit.title


class ImportUploadForm(forms.Form):
    """A file of an allowed type and size, and the unit that receives its content."""

    allowed_suffixes: tuple[str, ...] = ()

    parent = UnitChoiceField(queryset=UnitPage.objects.none(), label=_("Receiving unit"), empty_label=None)

    def __init__(self, *args, units: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = units

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name or "").suffix.lower()
        if suffix not in self.allowed_suffixes:
            raise forms.ValidationError(
                _("Only %(allowed)s files are accepted; the file “%(name)s” is not in one of these formats.")
                % {"allowed": ", ".join(self.allowed_suffixes), "name": upload.name}
            )
        check_uploaded_file(upload)
        return upload


class PlanUploadForm(ImportUploadForm):
    """Upload a plan document (.txt, .docx, .doc, .odt, text .pdf, a web page)."""

    allowed_suffixes = PLAN_SUFFIXES

    file = forms.FileField(
        label=_("Plan document"),
        help_text=_("A .txt, .docx, .doc, .odt, .html or .pdf file with a text layer (not a scan)."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(PLAN_SUFFIXES)}),
    )
    update = forms.BooleanField(
        label=_("Save a new revision if the plan already exists"),
        required=False,
        help_text=_(
            "Left unticked: a plan that already exists (same number and issuing body, or the same file) is not imported again."
        ),
    )
    field_order = ["file", "parent", "update"]


class ExemplarUploadForm(ImportUploadForm):
    """Upload an exemplar list (CSV, XLSX, XLS, ODS, a Word or LibreOffice table, JSON); administrators may publish legacy content directly.

    After an error or a dry run the view keeps the file (kept_uploads.py): the form then accepts no new file
    and imports the kept one, which the button “Nhập lại tệp đã chọn” (``use_kept``) asks for explicitly.
    """

    allowed_suffixes = EXEMPLAR_SUFFIXES

    file = forms.FileField(
        label=_("Exemplar list"),
        required=False,
        help_text=_(
            "A .csv (UTF-8), .xlsx, .xls, .ods or .json file, or a table of a Word, LibreOffice or PDF document or a web page (.docx, .doc, .odt, .pdf, .html), with the columns title, subject_name, subject_type, field, "
            "locality, "
            "movement, year, quarter, summary, body, awards, tags (see the template). If one row has an error, no row "
            "is imported; awards that are no form of award under the Law are kept verbatim and reported."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXEMPLAR_SUFFIXES)}),
    )
    dry_run = forms.BooleanField(label=_("Check only, do not import yet"), required=False)
    publish = forms.BooleanField(
        label=_("Publish at once (migrating old data, administrators only)"),
        required=False,
        help_text=_("Skips moderation; the publication is recorded in the log."),
    )
    field_order = ["file", "parent", "dry_run", "publish"]

    def __init__(
        self, *args, units: QuerySet, may_publish: bool = False, kept: KeptUpload | None = None, **kwargs
    ) -> None:
        super().__init__(*args, units=units, **kwargs)
        self.kept = kept
        self.uses_kept = False
        if not may_publish:
            del self.fields["publish"]

    def clean_file(self):
        if self.data.get("use_kept") or not self.files.get(self.add_prefix("file")):
            return None  # the kept file, if any (clean)
        return super().clean_file()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file") or self.has_error("file"):
            return cleaned
        if self.kept is not None:
            upload = self.kept.upload()
            try:
                check_uploaded_file(upload)  # the limits may have changed since it was kept
            except forms.ValidationError as error:
                self.add_error("file", error)
                return cleaned
            self.uses_kept = True
            cleaned["file"] = upload
        elif self.data.get("kept_file"):
            self.add_error("file", _("The file chosen earlier is no longer kept (expired); choose the file again."))
        else:
            self.add_error("file", _("Choose the list file."))
        return cleaned

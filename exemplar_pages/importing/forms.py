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
            _("Không đọc được tệp “%(name)s”: %(problem)s") % {"name": name, "problem": error}
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

    parent = UnitChoiceField(queryset=UnitPage.objects.none(), label=_("Đơn vị nhận"), empty_label=None)

    def __init__(self, *args, units: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = units

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name or "").suffix.lower()
        if suffix not in self.allowed_suffixes:
            raise forms.ValidationError(
                _("Chỉ nhận tệp %(allowed)s; tệp “%(name)s” không đúng định dạng.")
                % {"allowed": ", ".join(self.allowed_suffixes), "name": upload.name}
            )
        check_uploaded_file(upload)
        return upload


class PlanUploadForm(ImportUploadForm):
    """Upload a plan document (.txt, .docx, text .pdf)."""

    allowed_suffixes = PLAN_SUFFIXES

    file = forms.FileField(
        label=_("Văn bản kế hoạch"),
        help_text=_("Tệp .txt, .docx hoặc .pdf có lớp chữ (không phải bản quét)."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(PLAN_SUFFIXES)}),
    )
    update = forms.BooleanField(
        label=_("Lưu phiên bản mới nếu kế hoạch đã có"),
        required=False,
        help_text=_("Để trống: kế hoạch đã có (cùng số hiệu và cơ quan ban hành, hoặc cùng tệp) sẽ không bị nhập lại."),
    )
    field_order = ["file", "parent", "update"]


class ExemplarUploadForm(ImportUploadForm):
    """Upload an exemplar list (CSV, XLSX, JSON); administrators may publish legacy content directly.

    After an error or a dry run the view keeps the file (kept_uploads.py): the form then accepts no new file
    and imports the kept one, which the button “Nhập lại tệp đã chọn” (``use_kept``) asks for explicitly.
    """

    allowed_suffixes = EXEMPLAR_SUFFIXES

    file = forms.FileField(
        label=_("Danh sách gương điển hình"),
        required=False,
        help_text=_(
            "Tệp .csv (UTF-8), .xlsx hoặc .json với các cột title, subject_name, subject_type, field, locality, "
            "movement, year, quarter, summary, body, awards, tags (xem tệp mẫu). Có một dòng lỗi thì không nhập "
            "dòng nào; khen thưởng không thuộc hình thức nào của Luật được giữ nguyên văn và báo lại."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXEMPLAR_SUFFIXES)}),
    )
    dry_run = forms.BooleanField(label=_("Chỉ kiểm tra, chưa nhập"), required=False)
    publish = forms.BooleanField(
        label=_("Đăng ngay (chuyển dữ liệu cũ, chỉ quản trị viên)"),
        required=False,
        help_text=_("Bỏ qua quy trình duyệt; việc đăng được ghi vào nhật ký."),
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
            self.add_error("file", _("Tệp đã chọn trước không còn được giữ (quá hạn); hãy chọn lại tệp."))
        else:
            self.add_error("file", _("Hãy chọn tệp danh sách."))
        return cleaned

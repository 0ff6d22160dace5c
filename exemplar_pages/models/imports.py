"""Admin imports run in the background: the upload, who made it, its state and its report (DESIGN §7)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One uploaded plan or exemplar list, imported by the worker; the file is kept under MEDIA_ROOT/imports/,
    which is never served (cms/urls.py serves only images)."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("Kế hoạch")
        EXEMPLARS = "exemplars", _("Gương điển hình")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Không nhập được")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("tệp"), upload_to="imports/%Y/%m/", max_length=255)
    file_name = models.CharField(_("tên tệp"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    parent = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("đơn vị nhận"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    options = models.JSONField(_("tùy chọn"), default=dict, blank=True)
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    rows = models.PositiveIntegerField(_("số dòng"), default=0)
    created_count = models.PositiveIntegerField(_("số trang đã tạo"), default=0)
    error_count = models.PositiveIntegerField(_("số lỗi"), default=0)
    report = models.TextField(_("kết quả"), blank=True)
    created_at = models.DateTimeField(_("lúc tải lên"), auto_now_add=True)
    started_at = models.DateTimeField(_("lúc bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("lúc xong"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập dữ liệu")
        verbose_name_plural = _("các lần nhập dữ liệu")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

"""Admin imports run in the background: the upload, who made it, its state and its report (DESIGN §7)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One uploaded plan or exemplar list, imported by the worker; the file is kept under MEDIA_ROOT/imports/,
    which is never served (cms/urls.py serves only images)."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("Plan")
        EXEMPLARS = "exemplars", _("Exemplar stories")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Completed")
        FAILED = "failed", _("Import failed")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/", max_length=255)
    file_name = models.CharField(_("file name"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    parent = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("receiving unit"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    options = models.JSONField(_("options"), default=dict, blank=True)
    status = models.CharField(_("current status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("pages created"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    report = models.TextField(_("results"), blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    started_at = models.DateTimeField(_("start time"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finish time"), null=True, blank=True)

    class Meta:
        verbose_name = _("data import")
        verbose_name_plural = _("data imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class UnfinishedImport(models.Model):
    """What an exemplar import has saved so far: it saves in short transactions, batch by batch, so that the
    embedded database's one write lock is never held for a whole list; this row, written in each batch's
    transaction and deleted in the last one's, lets an import that fails or whose process dies be undone
    (`exemplar_pages.importing.journal`)."""

    job = models.ForeignKey(ImportJob, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    page_ids = models.JSONField(default=list)  # stories and draft movements, in the order they were created
    locality_ids = models.JSONField(default=list)
    started_at = models.DateTimeField(auto_now_add=True)
    touched_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("unfinished import")

    def __str__(self) -> str:
        return f"#{self.pk}: {len(self.page_ids)}"

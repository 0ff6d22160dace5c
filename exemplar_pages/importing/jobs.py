"""Admin imports as background jobs: store the upload as an ImportJob, run it in the worker (DESIGN §7).

The job runs the same importers as the commands and the inline admin import (all or nothing); the
job's row is written outside their transactions so that its state stays visible while the import runs
and after it fails.

Row progress (an exemplar list: rows checked, then stories created) is not in the database: it is
written by the worker every IMPORT_PROGRESS_SECONDS, more often than the import's batches commit, and
the web process may be another machine's, so the worker writes a small JSON file next to the upload,
in the default storage, which already carries the upload from the web process to the worker
(`imports/progress/job-N.json`, never served); the job page reads it, and it is deleted when the job
ends. A job run again after its worker died first undoes what the earlier attempt saved
(`journal.undo_abandoned`).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django_tasks import task

from ..models import ImportJob
from .journal import undo_abandoned

logger = logging.getLogger(__name__)


def start_import(kind: str, upload: UploadedFile, parent: Any, user, options: dict[str, Any]) -> ImportJob:
    """Keep the upload (under MEDIA_ROOT/imports/, never served) and queue its import."""
    name = Path(upload.name or "tep").name
    job = ImportJob(kind=kind, file_name=name, user=user, parent=parent, options=options)
    upload.seek(0)
    job.file.save(get_valid_filename(name) or "tep", upload, save=True)
    run_import_job.enqueue(job.pk)
    job.refresh_from_db()
    return job


@dataclass(frozen=True)
class JobProgress:
    """How far a running exemplar import is: `done` of `total` rows at `stage` ("check" or "save")."""

    stage: str
    done: int
    total: int

    @property
    def stage_label(self) -> str:
        return {"check": _("Checking the rows"), "save": _("Creating the pages")}.get(self.stage, "")

    @property
    def text(self) -> str:
        """“Đã xử lý 1 200 / 5 000 dòng” (thousands apart with a no-break space)."""
        return _("Processed %(done)s / %(total)s rows") % {"done": grouped(self.done), "total": grouped(self.total)}


def grouped(number: int) -> str:
    return f"{number:,}".replace(",", "\u00a0")


def progress_name(job: ImportJob) -> str:
    return f"imports/progress/job-{job.pk}.json"


class ProgressWriter:
    """The importer's `progress` callback for one job: writes the job's progress file now and then."""

    def __init__(self, job: ImportJob) -> None:
        self.name = progress_name(job)
        self.written: tuple[str, float] | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        interval = float(getattr(settings, "IMPORT_PROGRESS_SECONDS", 1.0))
        if self.written and self.written[0] == stage and done < total and now - self.written[1] < interval:
            return
        self.written = (stage, now)
        payload = json.dumps({"stage": stage, "done": done, "total": total}).encode()
        # Storages never overwrite (FileSystemStorage would pick another name): replace the file.
        default_storage.delete(self.name)
        default_storage.save(self.name, ContentFile(payload))

    def delete(self) -> None:
        default_storage.delete(self.name)


def read_progress(job: ImportJob) -> JobProgress | None:
    """The progress the worker last wrote for a running job; None before the first write or once it ended.

    A file caught between being replaced and rewritten reads as no progress: the page shows the next one."""
    if job.status != ImportJob.Status.RUNNING:
        return None
    try:
        with default_storage.open(progress_name(job), "rb") as stored:
            data = json.loads(stored.read(1024))
        return JobProgress(str(data["stage"]), int(data["done"]), int(data["total"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _run_plan(job: ImportJob, upload: UploadedFile) -> None:
    from .plan_import import PlanImportError, import_plan_file
    from .readers import DocumentReadError
    from .reports import plan_lines

    try:
        result = import_plan_file(
            upload, parent=job.parent.specific, user=job.user, update=bool(job.options.get("update"))
        )
    except (DocumentReadError, PlanImportError) as error:
        job.status, job.error_count, job.report = ImportJob.Status.FAILED, 1, str(error)
        return
    job.created_count = int(result.created)
    headline = (
        _("Created draft plan #%(id)s “%(title)s”.")
        if result.created
        else _("Plan #%(id)s “%(title)s” is already on the portal.")
    )
    job.report = "\n".join([headline % {"id": result.page.pk, "title": result.page.title}, *plan_lines(result)])
    job.status = ImportJob.Status.DONE


def _run_exemplars(job: ImportJob, upload: UploadedFile) -> None:
    from .exemplar_import import ExemplarImportRefused, import_exemplar_file
    from .exemplar_rows import SpreadsheetError
    from .reports import exemplar_lines

    dry_run = bool(job.options.get("dry_run"))
    try:
        result = import_exemplar_file(
            upload,
            job.parent.specific,
            user=job.user,
            publish=bool(job.options.get("publish")),
            dry_run=dry_run,
            progress=ProgressWriter(job),
            job=job,
        )
    except (SpreadsheetError, ExemplarImportRefused) as error:
        job.status, job.error_count, job.report = ImportJob.Status.FAILED, 1, str(error)
        return
    job.rows, job.created_count, job.error_count = result.rows, len(result.created), len(result.errors)
    job.report = "\n".join(exemplar_lines(result, dry_run))
    job.status = ImportJob.Status.FAILED if result.errors else ImportJob.Status.DONE


def run_job(job: ImportJob) -> None:
    """Run one queued (or reclaimed: its transaction was rolled back) job and record its outcome."""
    job.status, job.started_at = ImportJob.Status.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    try:
        undo_abandoned(job)  # what an earlier attempt saved before its worker died
        if job.parent is None:
            job.status, job.report = ImportJob.Status.FAILED, _("The receiving unit is no longer on the portal.")
        else:
            with job.file.open("rb") as stored:
                upload = SimpleUploadedFile(job.file_name, stored.read())
            (_run_plan if job.kind == ImportJob.Kind.PLAN else _run_exemplars)(job, upload)
    except Exception as error:  # record every failure on the job, the user sees it there
        logger.exception("import job %s failed", job.pk)
        job.status = ImportJob.Status.FAILED
        job.report = _("Unexpected error (%(kind)s); nothing imported.") % {"kind": type(error).__name__}
    job.finished_at = timezone.now()
    job.save()
    job.file.delete(save=True)  # the upload is not kept once imported (plans keep their original document)
    ProgressWriter(job).delete()


@task()
def run_import_job(job_id: int) -> str:
    """The worker's entry point; a finished or vanished job is left alone, so running twice is safe."""
    job = ImportJob.objects.filter(pk=job_id).select_related("parent", "user").first()
    if job is None or job.finished:
        return "skipped"
    run_job(job)
    return job.status

"""Admin imports as background jobs: store the upload as an ImportJob, run it in the worker (DESIGN §7).

The job runs the same importers as the commands and the inline admin import, each in its own
transaction (all or nothing); the job's row is written outside that transaction so that its state
stays visible while the import runs and after it fails.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django_tasks import task

from ..models import ImportJob

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
        _("Đã tạo bản nháp kế hoạch #%(id)s “%(title)s”.")
        if result.created
        else _("Kế hoạch #%(id)s “%(title)s” đã có trên cổng.")
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
            upload, job.parent.specific, user=job.user, publish=bool(job.options.get("publish")), dry_run=dry_run
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
        if job.parent is None:
            job.status, job.report = ImportJob.Status.FAILED, _("Đơn vị nhận không còn trên cổng.")
        else:
            with job.file.open("rb") as stored:
                upload = SimpleUploadedFile(job.file_name, stored.read())
            (_run_plan if job.kind == ImportJob.Kind.PLAN else _run_exemplars)(job, upload)
    except Exception as error:  # record every failure on the job, the user sees it there
        logger.exception("import job %s failed", job.pk)
        job.status = ImportJob.Status.FAILED
        job.report = _("Lỗi không mong đợi (%(kind)s); không nhập gì.") % {"kind": type(error).__name__}
    job.finished_at = timezone.now()
    job.save()
    job.file.delete(save=True)  # the upload is not kept once imported (plans keep their original document)


@task()
def run_import_job(job_id: int) -> str:
    """The worker's entry point; a finished or vanished job is left alone, so running twice is safe."""
    job = ImportJob.objects.filter(pk=job_id).select_related("parent", "user").first()
    if job is None or job.finished:
        return "skipped"
    run_job(job)
    return job.status

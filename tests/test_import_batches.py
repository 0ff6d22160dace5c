"""An exemplar list is saved batch by batch, all or nothing (exemplar_pages/importing/journal.py).

Each batch commits on its own, so the embedded database's write lock is free between batches; the
import's journal says what the committed batches created, so a failure in a later batch, an
interruption, or a worker that died part-way leaves no story, draft movement or locality behind.
The live test runs the worker and kills it in the middle of a list.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from exemplar_pages.importing import exemplar_import
from exemplar_pages.importing.exemplar_import import import_exemplars
from exemplar_pages.importing.jobs import run_job
from exemplar_pages.importing.journal import Journal, undo_abandoned_imports
from exemplar_pages.models import ImportJob, Locality, MovementPage, UnfinishedImport
from exemplar_pages.roles import STANDING_OFFICE
from tests.moderation_fixtures import make_user
from tests.test_import_exemplars import NEW_PATH, new_unit, stories, write_csv
from tests.test_import_jobs import many_rows, queued_job

pytestmark = pytest.mark.django_db


def varied_rows(count: int) -> list[dict]:
    """Distinct stories; the first names a new locality path and a movement the portal does not have."""
    rows = many_rows(count)
    rows[0] |= {"locality": NEW_PATH, "movement": "Phong trào thử nhập theo lô chưa có trên cổng"}
    return rows


def csv_bytes(rows: list[dict], tmp_path) -> bytes:
    return write_csv(rows, tmp_path / "lo.csv").read_bytes()


def footprint() -> tuple[int, int, int]:
    """What an import can leave behind: localities, movements, journals."""
    return Locality.objects.count(), MovementPage.objects.count(), UnfinishedImport.objects.count()


def test_each_batch_commits_with_its_journal_and_the_last_one_ends_it(tmp_path, settings):
    settings.IMPORT_SAVE_BATCH = 2
    unit, seen = new_unit(), []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "save":  # what the journal holds while the row `done` has just been saved
            seen.append((done, [len(row.page_ids) for row in UnfinishedImport.objects.all()]))

    result = import_exemplars("lo.csv", csv_bytes(varied_rows(5), tmp_path), unit, progress=progress)
    assert result.ok and len(result.created) == 5 and len(stories(unit)) == 5
    # Batches of two: the journal holds the committed batches' stories (and the first batch's draft movement).
    assert seen == [(1, [0]), (2, [0]), (3, [3]), (4, [3]), (5, [5])]
    assert UnfinishedImport.objects.count() == 0


def test_a_row_failing_in_a_later_batch_undoes_the_batches_already_committed(tmp_path, settings, monkeypatch):
    settings.IMPORT_SAVE_BATCH = 2
    unit, before = new_unit(), footprint()
    create = exemplar_import._create

    def failing_on_the_fifth(draft, *args):
        if draft.line == 6:  # the fifth story (line 1 is the header)
            raise exemplar_import.ValidationError({"slug": ["Đường dẫn đã được dùng."]})
        return create(draft, *args)

    monkeypatch.setattr(exemplar_import, "_create", failing_on_the_fifth)
    result = import_exemplars("lo.csv", csv_bytes(varied_rows(6), tmp_path), unit)
    assert [(error.line, error.column) for error in result.errors] == [(6, "(cả dòng)")]
    assert "slug: Đường dẫn đã được dùng." in result.errors[0].reason
    assert result.created == [] and stories(unit) == []
    assert footprint() == before  # the new locality levels and the draft movement are gone too


def test_an_interrupted_import_is_undone_before_the_interruption_goes_on(tmp_path, settings):
    settings.IMPORT_SAVE_BATCH = 2
    unit, before = new_unit(), footprint()

    def interrupt(stage: str, done: int, total: int) -> None:
        if stage == "save" and done == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_exemplars("lo.csv", csv_bytes(varied_rows(6), tmp_path), unit, progress=interrupt)
    assert stories(unit) == [] and footprint() == before


def die_after_two_batches(monkeypatch) -> None:
    """The process dies in the third batch: nothing in it runs any more, the journal stays as it was."""

    def die(stage: str, done: int, total: int) -> None:
        if stage == "save" and done == 5:
            raise SystemExit("killed")

    monkeypatch.setattr("exemplar_pages.importing.jobs.ProgressWriter", lambda job: die)
    monkeypatch.setattr(Journal, "undo_if_possible", lambda self: None)


def test_a_job_run_again_after_its_worker_died_undoes_the_first_attempt_then_imports_once(
    tmp_path, settings, monkeypatch
):
    settings.IMPORT_SAVE_BATCH = 2
    office = make_user("thuongtruc-lo-chet", STANDING_OFFICE)
    unit, before = new_unit(), footprint()
    job = queued_job(tmp_path, unit, office, varied_rows(7))
    with monkeypatch.context() as patched:
        die_after_two_batches(patched)
        with pytest.raises(SystemExit):
            run_job(ImportJob.objects.select_related("parent", "user").get(pk=job.pk))
    [journal] = UnfinishedImport.objects.all()
    assert journal.job_id == job.pk and len(stories(unit)) == 4 and len(journal.page_ids) == 5

    run_job(ImportJob.objects.select_related("parent", "user").get(pk=job.pk))  # the reclaimed task
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.created_count == 7, job.report
    titles = [story.title for story in stories(unit)]
    assert len(titles) == len(set(titles)) == 7
    locality, movements, journals = footprint()
    assert (movements, journals) == (before[1] + 1, 0)


def test_the_sweep_undoes_an_import_nobody_touched_for_too_long(tmp_path, settings, monkeypatch):
    settings.IMPORT_SAVE_BATCH = 2
    unit, before = new_unit(), footprint()
    with monkeypatch.context() as patched:
        patched.setattr(Journal, "undo_if_possible", lambda self: None)

        def die(stage: str, done: int, total: int) -> None:
            if stage == "save" and done == 3:
                raise SystemExit("killed")

        with pytest.raises(SystemExit):
            import_exemplars("lo.csv", csv_bytes(varied_rows(4), tmp_path), unit, progress=die)
    assert len(stories(unit)) == 2
    assert undo_abandoned_imports.call() == 0  # still fresh: its process may be saving the next batch
    assert len(stories(unit)) == 2
    UnfinishedImport.objects.update(touched_at=timezone.now() - timedelta(minutes=11))
    assert undo_abandoned_imports.call() == 1
    assert stories(unit) == [] and footprint() == before

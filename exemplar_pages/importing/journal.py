"""All or nothing without one long transaction: an exemplar list is saved batch by batch, each batch in its
own short transaction that also records, in an `UnfinishedImport` row, what it created. The last batch
deletes that row in its own transaction, so an import is finished exactly when its row is gone.

An import that fails part-way is undone from its row at once; one whose process died (a worker killed,
a command interrupted hard) is undone when its job runs again, or by the periodic `undo_abandoned_imports`
once its row has not been touched for IMPORT_ABANDONED_MINUTES. Undoing goes batch by batch too, so it
can itself be interrupted and taken up again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from ..models import Locality, UnfinishedImport
from .limits import limit

logger = logging.getLogger(__name__)


def batches(items: list, size: int) -> Iterator[list]:
    size = max(size, 1)
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Journal:
    """The record of one import's saved batches."""

    def __init__(self, job=None) -> None:
        self.row = UnfinishedImport.objects.create(job=job)

    def record(self, pages: Iterable[Page], localities: Iterable[Locality], last: bool) -> None:
        """Inside a batch's transaction: note what it created; the last batch ends the journal instead."""
        if last:
            self.row.delete()
            return
        self.row.page_ids += [page.pk for page in pages]
        self.row.locality_ids += [locality.pk for locality in localities]
        self.row.save()

    @staticmethod
    def pause() -> None:
        """Between two batches on SQLite: long enough for a writer waiting on the lock (its busy handler sleeps up
        to 100 ms) to take it, so that an editor's save is not starved by the import's next batch."""
        if connection.vendor == "sqlite":
            time.sleep(0.15)

    def undo(self) -> None:
        undo(self.row)

    def undo_if_possible(self) -> None:
        """Undo after an interruption; when the database cannot (it is down, or an enclosing transaction failed and
        will roll back), the periodic sweep undoes the import later."""
        if connection.needs_rollback:
            return
        try:
            self.undo()
        except Exception:
            logger.exception("an interrupted import could not be undone now; undo_abandoned_imports will")


def undo(row: UnfinishedImport) -> None:
    """Delete what an unfinished import created (stories and draft movements, then the localities, newest first),
    batch by batch, then its row."""
    size = limit("IMPORT_SAVE_BATCH")
    while True:
        with transaction.atomic():
            row = UnfinishedImport.objects.select_for_update().filter(pk=row.pk).first()
            if row is None:
                return
            if row.page_ids:
                chunk, row.page_ids = row.page_ids[-size:], row.page_ids[:-size]
                Page.objects.filter(pk__in=chunk).delete()  # the tree's own delete: numchild, descendants
            elif row.locality_ids:
                chunk, row.locality_ids = row.locality_ids[-size:], row.locality_ids[:-size]
                for pk in reversed(chunk):
                    Locality.objects.filter(pk=pk).delete()
            else:
                row.delete()
                return
            row.save()


def undo_abandoned(job=None) -> int:
    """Undo what an earlier attempt of a job about to run again saved, or (no job: the sweep) every import untouched
    for IMPORT_ABANDONED_MINUTES; how many."""
    if job is not None:
        rows = UnfinishedImport.objects.filter(job=job)
    else:
        stale = timezone.now() - timedelta(minutes=limit("IMPORT_ABANDONED_MINUTES"))
        rows = UnfinishedImport.objects.filter(touched_at__lt=stale)
    undone = 0
    for row in rows.order_by("pk"):
        logger.warning("undoing an unfinished import (%s pages): its process ended before it did", len(row.page_ids))
        undo(row)
        undone += 1
    return undone


@task()
def undo_abandoned_imports() -> int:
    """The periodic sweep of imports whose process died (registered in `ExemplarPagesConfig.ready`)."""
    return undo_abandoned()

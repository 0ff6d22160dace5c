"""A django-tasks-db worker that outlives database outages, beats a heartbeat, and gets back lost tasks.

The polling loop is django-tasks-db's own `Worker.run`; this subclass wraps it: a database error
while polling or claiming drops the connections, waits with backoff and polls again; a task's
result is saved once the database is back; a task that failed only because the database went
away is queued again. A thread records a `WorkerHeartbeat` every few seconds, so that tasks left
RUNNING by a worker that died (`kill -9`, a lost machine) can be told apart and run again.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from datetime import datetime, timedelta
from functools import partial

from django.apps import apps
from django.db import close_old_connections, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from . import outbox
from .conf import setting
from .database import OUTAGE_ERRORS, Outage, describe, is_outage, persist
from .models import WorkerHeartbeat

logger = logging.getLogger("operations")
RUNNING, READY, FAILED = "RUNNING", "READY", "FAILED"


class AbandonedTaskError(Exception):
    """Recorded on a task whose workers kept dying while running it."""


class Heartbeat(threading.Thread):
    """Refreshes this worker's `WorkerHeartbeat` row from its own thread (and database connection)."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id, self.current_task_id = worker_id, ""
        self.stop = threading.Event()
        self.outage = Outage("worker heartbeat", self.stop)

    def beat(self) -> None:
        now = timezone.now()
        updated = WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(
            last_seen_at=now, current_task_id=self.current_task_id
        )
        if not updated:
            WorkerHeartbeat.objects.update_or_create(
                worker_id=self.worker_id,
                defaults={
                    "hostname": socket.gethostname()[:255],
                    "pid": os.getpid(),
                    "started_at": now,
                    "last_seen_at": now,
                    "current_task_id": self.current_task_id,
                },
            )

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                wait = setting("OPERATIONS_WORKER_HEARTBEAT_SECONDS")
                try:
                    self.beat()
                except Exception as error:  # an outage (or a locked file): try again at the next beat
                    if is_outage(error):
                        wait = max(wait, self.outage.failed(error))
                    else:
                        logger.warning("worker heartbeat: %s", describe(error))
                else:
                    self.outage.recovered()
                self.stop.wait(wait)
        finally:
            connections.close_all()

    def finish(self) -> None:
        """Stop beating and remove the row: a worker that stopped cleanly left nothing running."""
        self.stop.set()
        if self.is_alive():
            self.join(timeout=10)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except Exception as error:
            logger.warning("worker: could not remove its heartbeat (%s)", describe(error))


class ResilientWorker(Worker):
    """django-tasks-db's worker, kept alive through database outages, with a heartbeat."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.heartbeat = Heartbeat(self.worker_id)
        self.outage = Outage("worker")
        outbox.PROCESS_ID = self.worker_id

    def run(self) -> None:
        try:
            self.heartbeat.beat()
        except Exception as error:
            logger.warning("worker: first heartbeat failed (%s)", describe(error))
        self.heartbeat.start()
        try:
            self.reclaim_at_startup()
            while self.running:
                try:
                    super().run()
                    return  # --batch or --max-tasks: done
                except OUTAGE_ERRORS as error:
                    if not is_outage(error):
                        raise
                    self.startup_delay = False
                    self.wait_out(error)
        finally:
            self.heartbeat.finish()

    def wait_out(self, error: BaseException) -> None:
        """Drop connections and wait until the database answers again."""
        delay = self.outage.failed(error)
        while self.running:
            time.sleep(delay)
            try:
                close_old_connections()
                connections["default"].ensure_connection()
                with connections["default"].cursor() as cursor:
                    cursor.execute("SELECT 1")
            except OUTAGE_ERRORS as again:
                delay = self.outage.failed(again)
                continue
            self.outage.recovered()
            return

    def reclaim_at_startup(self) -> None:
        try:
            reclaim_abandoned_tasks()
        except OUTAGE_ERRORS as error:
            logger.warning("worker: start-up reclaim skipped (%s)", describe(error))

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.heartbeat.current_task_id = str(db_task_result.id)
        save_successful, save_failed = db_task_result.set_successful, db_task_result.set_failed
        label = f"worker: result of task {db_task_result.id}"

        def record_failure(error: BaseException) -> None:
            if isinstance(error, (SystemExit, KeyboardInterrupt)):  # a forced stop: one try, the process is ending
                requeue(db_task_result, "the worker was stopped")
            elif is_outage(error):
                persist(partial(requeue, db_task_result, f"a database outage ({describe(error)})"), label)
            else:
                persist(partial(save_failed, error), label)

        db_task_result.set_successful = lambda value: persist(partial(save_successful, value), label)
        db_task_result.set_failed = record_failure
        try:
            if object_gone(db_task_result):
                logger.info("worker: task %s skipped: the object it updates was deleted since", db_task_result.id)
                db_task_result.set_successful(None)
                return
            super().run_task(db_task_result)
        finally:
            self.heartbeat.current_task_id = ""


#: Wagtail's tasks that update an index entry of one object `(app_label, model_name, pk)`, queued when it is saved:
#: when the object was deleted before the task ran (an editor's quick delete, an undone import), there is nothing
#: to update, and Wagtail's own task would fail with a traceback.
INDEX_UPDATES = frozenset(
    {"wagtail.tasks.update_reference_index_task", "modelsearch.tasks.insert_or_update_object_task"}
)


def object_gone(db_task_result: DBTaskResult) -> bool:
    """Whether a task updating one object's index entry finds that object deleted."""
    if db_task_result.task_path not in INDEX_UPDATES:
        return False
    try:
        app_label, model_name, pk = db_task_result.args_kwargs["args"]
        model = apps.get_model(app_label, model_name)
    except (KeyError, ValueError, TypeError, LookupError):
        return False
    return not model._default_manager.filter(pk=pk).exists()


def requeue(db_task_result: DBTaskResult, reason: str) -> None:
    """Put an interrupted task back in the queue, to run again shortly (the project's tasks are idempotent)."""
    delay = timedelta(seconds=setting("OPERATIONS_DATABASE_RETRY_MAX_SECONDS"))
    DBTaskResult.objects.filter(pk=db_task_result.pk, status=RUNNING).update(
        status=READY, run_after=timezone.now() + delay
    )
    db_task_result.status = READY
    logger.warning("worker: task %s interrupted by %s; queued again", db_task_result.id, reason)


def live_worker_ids(stale_before: datetime) -> set[str]:
    return set(WorkerHeartbeat.objects.filter(last_seen_at__gte=stale_before).values_list("worker_id", flat=True))


def reclaim_abandoned_tasks(now: datetime | None = None) -> dict[str, int]:
    """Put tasks left RUNNING by dead workers back to READY (or FAILED after too many); free their e-mails.

    A worker is dead when its heartbeat is older than OPERATIONS_WORKER_STALE_SECONDS; a task whose
    worker never beat (a plain `db_worker`) is left alone for that long after it started.
    """
    now = now or timezone.now()
    stale_before = now - timedelta(seconds=setting("OPERATIONS_WORKER_STALE_SECONDS"))
    live = live_worker_ids(stale_before)
    max_attempts = int(setting("OPERATIONS_TASK_MAX_ATTEMPTS"))
    counts = {"requeued": 0, "failed": 0, "emails": 0}
    for task in DBTaskResult.objects.running().only("id", "worker_ids", "started_at", "task_path"):
        worker = task.worker_ids[-1] if task.worker_ids else ""
        if worker in live or (task.started_at and task.started_at >= stale_before):
            continue
        running = DBTaskResult.objects.filter(pk=task.pk, status=RUNNING, started_at=task.started_at)
        if len(task.worker_ids) >= max_attempts:
            error = AbandonedTaskError(f"{len(task.worker_ids)} workers stopped while running it: {task.worker_ids}")
            changed = running.update(
                status=FAILED,
                finished_at=now,
                exception_class_path=f"{__name__}.{AbandonedTaskError.__name__}",
                traceback=f"{AbandonedTaskError.__name__}: {error}\n",
            )
            counts["failed"] += changed
            outcome = "marked failed"
        else:
            changed = running.update(status=READY)
            counts["requeued"] += changed
            outcome = "queued again"
        if changed:
            logger.warning(
                "reclaim: task %s (%s) was left running by stopped worker %s; %s",
                task.pk,
                task.task_path,
                worker or "?",
                outcome,
            )
    counts["emails"] = outbox.release_abandoned(live, stale_before)
    WorkerHeartbeat.objects.filter(last_seen_at__lt=now - timedelta(days=1)).delete()
    return counts

"""Periodic jobs: a registry any app adds to in one line, and the scheduler loop that enqueues them.

    # in an app's ready():
    from operations.schedule import register_periodic
    register_periodic("remind_quotas", timedelta(hours=1), "reports.tasks.send_quota_reminders")

Each job has a `PeriodicJob` row holding its next run. A scheduler enqueues a due job only after
moving that row on with a conditional UPDATE (`WHERE next_run_at = <the value it read>`), in the
same transaction as the enqueue: of several schedulers, exactly one enqueues each run.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import FrameType

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .database import OUTAGE_ERRORS, Outage, describe, is_outage
from .models import PeriodicJob

logger = logging.getLogger("operations")
Every = timedelta | float | Callable[[], timedelta | float]
PENDING_STATUSES = ("READY", "RUNNING")


@dataclass(frozen=True)
class Job:
    """A registered periodic job: a task (or its dotted path) enqueued every `every`."""

    name: str
    every: Every
    task: Task | str

    def interval(self) -> timedelta:
        every = self.every() if callable(self.every) else self.every
        return every if isinstance(every, timedelta) else timedelta(seconds=float(every))

    def resolve_task(self) -> Task:
        return import_string(self.task) if isinstance(self.task, str) else self.task


_registry: dict[str, Job] = {}


def register_periodic(name: str, every: Every, task: Task | str) -> Job:
    """Run `task` every `every` (a timedelta, seconds, or a callable read at each run) under a unique name."""
    job = Job(name, every, task)
    _registry[name] = job
    return job


def unregister_periodic(name: str) -> None:
    _registry.pop(name, None)


def periodic_jobs() -> list[Job]:
    """The registered jobs, changed by `OPERATIONS_PERIODIC_JOBS` ({name: seconds, or None to turn it off})."""
    jobs = dict(_registry)
    for name, every in getattr(settings, "OPERATIONS_PERIODIC_JOBS", {}).items():
        if every is None:
            jobs.pop(name, None)
        elif isinstance(every, dict):
            jobs[name] = Job(name, every["every"], every["task"])
        elif name in jobs:
            jobs[name] = Job(name, every, jobs[name].task)
    return sorted(jobs.values(), key=lambda job: job.name)


def next_run_after(previous: datetime, interval: timedelta, now: datetime) -> datetime:
    """The run after `previous` on its cadence, skipping the runs missed while nothing was scheduling."""
    following = previous + interval
    if following <= now:
        following = now + interval
    return following


def still_queued(task_id: str) -> bool:
    """Whether a job's previous run waits in the database queue, or runs (then this run is folded into it)."""
    try:
        return bool(task_id) and DBTaskResult.objects.filter(pk=task_id, status__in=PENDING_STATUSES).exists()
    except ValidationError:  # an id from another task backend
        return False


def claim_and_enqueue(job: Job, observed: datetime, now: datetime) -> str | None:
    """Move the job's row from `observed` to its next run and enqueue it; None when another scheduler won."""
    with transaction.atomic():
        row = PeriodicJob.objects.filter(name=job.name, next_run_at=observed)
        following = next_run_after(observed, job.interval(), now)
        if row.update(next_run_at=following, last_run_at=now) != 1:
            return None
        task = job.resolve_task()
        uses_database_queue = isinstance(task.get_backend(), DatabaseBackend)
        previous = PeriodicJob.objects.values_list("last_task_id", flat=True).get(name=job.name)
        if uses_database_queue and still_queued(previous):
            logger.info("scheduler: %s still queued or running (task %s), not enqueued again", job.name, previous)
            return ""
        result = task.enqueue()
        PeriodicJob.objects.filter(name=job.name).update(last_task_id=str(result.id))
    logger.info(
        "scheduler: enqueued %s (task %s); next run at %s",
        job.name,
        result.id,
        timezone.localtime(following).strftime("%H:%M:%S"),
    )
    return str(result.id)


class Scheduler:
    """Enqueues due periodic jobs, waits out database outages, stops on SIGTERM/SIGINT."""

    def __init__(self, jobs: list[Job] | None = None, tick_seconds: float = 1.0) -> None:
        self.fixed_jobs, self.tick_seconds = jobs, tick_seconds
        self.stop = threading.Event()
        self.outage = Outage("scheduler", self.stop)

    def jobs(self) -> list[Job]:
        return self.fixed_jobs if self.fixed_jobs is not None else periodic_jobs()

    def ensure_rows(self, jobs: list[Job], now: datetime) -> dict[str, datetime]:
        """Each job's next run, creating rows for new jobs (due at once)."""
        rows = dict(PeriodicJob.objects.filter(name__in=[job.name for job in jobs]).values_list("name", "next_run_at"))
        for job in jobs:
            if job.name not in rows:
                try:
                    with transaction.atomic():
                        PeriodicJob.objects.create(name=job.name, next_run_at=now)
                except IntegrityError:  # another scheduler created it first
                    pass
                rows[job.name] = PeriodicJob.objects.values_list("next_run_at", flat=True).get(name=job.name)
        return rows

    def tick(self, now: datetime | None = None) -> list[str]:
        """Enqueue every due job once; returns the names of the jobs this scheduler enqueued."""
        now = now or timezone.now()
        jobs = self.jobs()
        rows = self.ensure_rows(jobs, now)
        enqueued = []
        for job in jobs:
            if rows[job.name] > now:
                continue
            try:
                if claim_and_enqueue(job, rows[job.name], now):
                    enqueued.append(job.name)
            except OUTAGE_ERRORS:
                raise
            except Exception:  # e.g. a job whose task does not import: try again next period, not every second
                logger.exception("scheduler: could not enqueue %s", job.name)
                following = next_run_after(rows[job.name], job.interval(), now)
                PeriodicJob.objects.filter(name=job.name, next_run_at=rows[job.name]).update(next_run_at=following)
        return enqueued

    def seconds_to_next_run(self) -> float:
        upcoming = PeriodicJob.objects.filter(name__in=[job.name for job in self.jobs()]).order_by("next_run_at")
        first = upcoming.values_list("next_run_at", flat=True).first()
        if first is None:
            return self.tick_seconds
        return max(0.0, min((first - timezone.now()).total_seconds(), self.tick_seconds))

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        logger.warning("scheduler: received %s, stopping", signal.strsignal(signum))
        self.stop.set()

    def run(self) -> None:
        signal.signal(signal.SIGTERM, self.shutdown)
        signal.signal(signal.SIGINT, self.shutdown)
        jobs = self.jobs()
        logger.info(
            "scheduler: started with %d jobs: %s",
            len(jobs),
            ", ".join(f"{job.name} every {job.interval().total_seconds():g} s" for job in jobs),
        )
        while not self.stop.is_set():
            try:
                self.tick()
                wait = self.seconds_to_next_run()
            except OUTAGE_ERRORS as error:
                if not is_outage(error):
                    raise
                self.outage.wait(error)
                continue
            except Exception as error:  # a bug in one round must not end the schedule
                logger.exception("scheduler: round failed (%s)", describe(error))
                wait = self.tick_seconds
            self.outage.recovered()
            self.stop.wait(wait)
        logger.info("scheduler: stopped")

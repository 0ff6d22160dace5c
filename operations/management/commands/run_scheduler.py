"""`python manage.py run_scheduler`: enqueue the periodic jobs (publish_scheduled, the sweep, reclaim…)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from operations import logs
from operations.schedule import Scheduler, periodic_jobs


class Command(BaseCommand):
    help = (
        "Chạy bộ lập lịch: đưa các việc định kỳ vào hàng đợi (đăng/gỡ theo lịch, quét chỉ mục và thư, thu hồi tác vụ). / "
        "Run the scheduler: enqueue the periodic jobs for the worker; several schedulers never double-enqueue."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--list",
            action="store_true",
            dest="list_jobs",
            help="In danh sách việc định kỳ rồi thoát. / List the jobs and exit.",
        )
        parser.add_argument(
            "--once", action="store_true", help="Đưa các việc đến hạn vào hàng đợi một lần rồi thoát. / One round."
        )

    def handle(
        self, *args: Any, list_jobs: bool = False, once: bool = False, verbosity: int = 1, **options: Any
    ) -> None:
        logs.configure(verbosity)
        if list_jobs:
            for job in periodic_jobs():
                self.stdout.write(f"{job.name}\tevery {job.interval().total_seconds():g} s\t{job.task}")
            return
        scheduler = Scheduler()
        if once:
            enqueued = scheduler.tick()
            self.stdout.write(f"enqueued: {', '.join(enqueued) or '-'}")
            return
        scheduler.run()

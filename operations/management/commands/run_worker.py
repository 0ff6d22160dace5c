"""`python manage.py run_worker`: the background worker, robust to database outages (see operations.worker)."""

from __future__ import annotations

import os
import socket
from argparse import ArgumentParser
from typing import Any

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands import db_worker

from operations import logs
from operations.worker import ResilientWorker


def default_worker_id() -> str:
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}"


class Command(db_worker.Command):
    help = (
        "Chạy tiến trình nền: thực hiện các tác vụ trong hàng đợi, chịu được khi cơ sở dữ liệu tạm ngừng. / "
        "Run the background worker (all queues by default); it survives database outages."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(queue_name="*", reload=False, worker_id=default_worker_id())

    def configure_logging(self, verbosity: int) -> None:
        logs.configure(verbosity)

    def handle(self, *, verbosity: int, queue_name: str, exclude_queues: str, reload: bool, **options: Any) -> None:
        self.configure_logging(verbosity)
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload and not options["batch"]:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()

"""One log format for the background processes: `2026-05-01 08:00:00 WARNING worker: …`."""

from __future__ import annotations

import logging
import sys

FORMAT = "%(asctime)s %(levelname)s %(message)s"
LOGGERS = ("operations", "search", "django_tasks", "django.tasks", "django_tasks_db")


def configure(verbosity: int = 1) -> None:
    """Send the background loggers to stderr, one timestamped line each, at INFO (WARNING when quiet)."""
    level = logging.WARNING if verbosity == 0 else logging.DEBUG if verbosity > 2 else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT, datefmt="%Y-%m-%d %H:%M:%S"))
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level)
        logger.propagate = False

"""`python manage.py search_index rebuild|check|status|replay`: look after the search index."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page

from search.backends import elasticsearch_enabled, get_backend
from search.models import IndexOperation, SearchDocument
from search.replay import check, rebuild_database, rebuild_elasticsearch, replay

SHOWN = 20


def progress_bar(label: str, stream) -> Callable[[int, int], None]:
    """A one-line progress bar on stderr: `label [#####     ] 50% 1000/2000 1500/s`."""
    started = time.monotonic()

    def show(done: int, total: int) -> None:
        filled, percent = (30 * done // total, 100 * done // total) if total else (30, 100)
        rate = done / max(time.monotonic() - started, 1e-6)
        stream.write(f"\r{label} [{'#' * filled:<30}] {percent:3d}% {done}/{total} {rate:,.0f}/s")
        stream.write("\n" if done >= total else "")
        stream.flush()

    return show


class Command(BaseCommand):
    """Rebuild the index without downtime, check it against the pages, show its state, replay the queue."""

    help = (
        "Chỉ mục tìm kiếm: rebuild (dựng lại, không gián đoạn), check (so với trang đã đăng), status, replay. / "
        "Search index: rebuild (no downtime), check (against published pages), status, replay (pending updates)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild", "check", "status", "replay"])
        parser.add_argument(
            "--backend",
            choices=["database", "elasticsearch"],
            help="check: which index to compare (default: the configured backend).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Không hiện thanh tiến trình. / No progress bar."
        )

    def handle(self, *args: Any, action: str, backend: str | None = None, **options: Any) -> None:
        self.progress = not options["no_progress"] and options.get("verbosity", 1) >= 1
        getattr(self, f"do_{action}")(backend)

    def bar(self, label: str) -> Callable[[int, int], None] | None:
        return progress_bar(label, self.stderr._out) if self.progress else None

    def do_rebuild(self, backend: str | None) -> None:
        count = rebuild_database(self.bar("database"))
        self.stdout.write(f"database: {count} documents")
        if elasticsearch_enabled() and backend != "database":
            sent = rebuild_elasticsearch(self.bar("elasticsearch"))
            self.stdout.write(f"elasticsearch: {sent} documents in a new index, alias switched")
        self.stdout.write(self.style.SUCCESS("Đã dựng lại chỉ mục. / Index rebuilt."))

    def do_check(self, backend: str | None) -> None:
        if backend == "elasticsearch" and not elasticsearch_enabled():
            raise CommandError("ELASTICSEARCH_URL is not set.")
        report = check(backend, self.bar("pages"))
        for label, ids in (("missing", report.missing), ("stale", report.stale), ("unexpected", report.unexpected)):
            self.stdout.write(f"{report.backend}: {len(ids)} {label}")
            titles = dict(Page.objects.filter(pk__in=ids[:SHOWN]).values_list("pk", "title"))
            for page_id in ids[:SHOWN]:
                self.stdout.write(f"  {label} {page_id} {titles.get(page_id, '(deleted page)')}")
        if not report.ok:
            raise CommandError("Chỉ mục lệch với trang đã đăng. / The index differs from the published pages.")
        self.stdout.write(self.style.SUCCESS(f"{report.backend}: OK"))

    def do_status(self, backend: str | None) -> None:
        now = timezone.now()
        pending = IndexOperation.objects.filter(done_at__isnull=True)
        waiting = pending.filter(next_attempt_at__gt=now)
        oldest = pending.order_by("id").first()
        self.stdout.write(f"backend: {get_backend().name}")
        self.stdout.write(f"database documents: {SearchDocument.objects.count()}")
        self.stdout.write(f"pending operations: {pending.count()}")
        self.stdout.write(f"  due now: {pending.count() - waiting.count()}")
        self.stdout.write(f"  retrying (waiting after failed attempts): {waiting.count()}")
        next_attempt = waiting.aggregate(at=Min("next_attempt_at"))["at"]
        if next_attempt:
            self.stdout.write(
                f"  next attempt: {timezone.localtime(next_attempt):%Y-%m-%d %H:%M:%S} "
                f"(in {int((next_attempt - now).total_seconds())} s)"
            )
        if oldest:
            self.stdout.write(
                f"oldest pending: {timezone.localtime(oldest.created_at):%Y-%m-%d %H:%M:%S} ({oldest.attempts} attempts)"
            )
            self.stdout.write(f"last error: {oldest.last_error or '-'}")
        rejected = IndexOperation.objects.filter(done_at__isnull=False).exclude(last_error="").order_by("-id")
        self.stdout.write(f"rejected operations (failed, not retried): {rejected.count()}")
        for operation in rejected[:SHOWN]:
            self.stdout.write(f"  rejected {operation.action} page {operation.page_id}: {operation.last_error[:200]}")
        if elasticsearch_enabled():
            from search.backends.elasticsearch import alias_name, concrete_indices, get_client

            try:
                client = get_client()
                indices = concrete_indices(client)
                count = client.count(index=alias_name())["count"] if indices else 0
                self.stdout.write(f"elasticsearch alias {alias_name()} → {', '.join(indices) or '(none)'}")
                self.stdout.write(f"elasticsearch documents: {count}")
            except Exception as error:
                self.stdout.write(self.style.WARNING(f"elasticsearch unreachable: {type(error).__name__}: {error}"))

    def do_replay(self, backend: str | None) -> None:
        report = replay()
        self.stdout.write(f"sent: {report.sent}, rejected: {report.failed}, pending: {report.pending}")
        if report.error:
            raise CommandError(f"Elasticsearch: {report.error}")

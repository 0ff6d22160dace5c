"""Send queued operations to Elasticsearch, rebuild the indices, and check them against the pages."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.utils import timezone

from operations.conf import replay_backoff

from . import fulltext
from .backends import elasticsearch_enabled, get_backend
from .documents import DocumentBuilder, checksum, indexable_pages, load_pages
from .indexing import BATCH_SIZE, STORED_COLUMNS, full_document, store_documents
from .models import IndexOperation, SearchDocument, SearchTerms, SearchWord

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]

#: Sent after a replay changed the Elasticsearch index (`sent`: how many), for a front-end cache to refresh.
index_replayed = Signal()


@dataclass
class ReplayReport:
    """What a replay did: operations sent, operations left pending, the error that stopped it."""

    sent: int = 0
    pending: int = 0
    failed: int = 0
    error: str = ""


def _refresh() -> bool | str:
    return getattr(settings, "SEARCH_ELASTICSEARCH_REFRESH", False)


def now_version() -> int:
    """An external version for Elasticsearch: the time (µs) a page's state is read, so the newest state wins
    whatever order concurrent replays arrive in."""
    return time.time_ns() // 1000


def send_state(client, page_ids: list[int], index: str, refresh: bool | str = False) -> list[dict]:
    """Make `index` hold the database index's current state of some pages; return rejected items."""
    from .backends.elasticsearch import bulk, index_actions

    version = now_version()
    stored = SearchDocument.objects.filter(page_id__in=page_ids).values_list(*STORED_COLUMNS)
    rows = {values[0]: full_document(*values) for values in stored}
    actions = list(index_actions(rows.values(), index, version=version))
    actions += [
        {"_op_type": "delete", "_index": index, "_id": page_id, "version": version, "version_type": "external_gte"}
        for page_id in page_ids
        if page_id not in rows
    ]
    return bulk(client, actions, refresh=refresh)


def replay(batch_size: int = BATCH_SIZE, due_only: bool = False) -> ReplayReport:
    """Send pending operations in id order, each page's latest state winning; stop at the first outage.

    After an outage they wait, backing off (`SEARCH_REPLAY_RETRY_*`): `due_only` (the worker, the sweep)
    sends nothing before then, `search_index replay` at once.
    """
    from .backends.elasticsearch import alias_name, ensure_index, get_client

    report = ReplayReport()
    if not elasticsearch_enabled():
        return report
    pending = IndexOperation.objects.filter(done_at__isnull=True)
    if (
        due_only
        and not pending.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())).exists()
    ):
        report.pending = pending.count()
        return report
    client = get_client()
    last_id = 0
    while True:
        operations = list(pending.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not operations:
            break
        last_id = operations[-1].id
        ids = [op.id for op in operations]
        try:
            ensure_index(client)
            failed = send_state(client, list(dict.fromkeys(op.page_id for op in operations)), alias_name(), _refresh())
        except Exception as error:  # Elasticsearch down or refusing: keep everything pending
            message = f"{type(error).__name__}: {error}"[:2000]
            retry_at = timezone.now() + replay_backoff(1 + max(op.attempts for op in operations))
            IndexOperation.objects.filter(id__in=ids).update(attempts=F("attempts") + 1, last_error=message)
            pending.update(next_attempt_at=retry_at)
            logger.warning(
                "Search index replay stopped, operations kept pending until %s: %s",
                f"{timezone.localtime(retry_at):%H:%M:%S}",
                message,
            )
            report.error = message
            break
        failed_pages = {int(next(iter(item.values()))["_id"]): str(item)[:2000] for item in failed}
        for page_id, message in failed_pages.items():  # rejected documents: kept for `status`, not retried
            IndexOperation.objects.filter(id__in=ids, page_id=page_id).update(last_error=message)
        IndexOperation.objects.filter(id__in=ids).update(
            done_at=timezone.now(), attempts=F("attempts") + 1, next_attempt_at=None
        )
        report.sent += len(ids)
        report.failed += len(failed_pages)
    report.pending = pending.count()
    if report.sent:
        index_replayed.send(sender=replay, sent=report.sent)
    retention = timedelta(hours=float(getattr(settings, "SEARCH_OPERATION_RETENTION_HOURS", 24)))
    IndexOperation.objects.filter(done_at__lt=timezone.now() - retention, last_error="").delete()
    return report


def expected_documents(progress: Progress | None = None) -> dict[int, dict | None]:
    """Build the document of every live page of an indexed type, in batches."""
    pages = indexable_pages()
    total = pages.count()
    ids = list(pages.values_list("pk", flat=True))
    builder = DocumentBuilder()
    documents: dict[int, dict | None] = {}
    for start in range(0, total, BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        documents.update(dict.fromkeys(chunk))
        documents.update(builder.build_many(load_pages(chunk)))
        if progress:
            progress(min(start + BATCH_SIZE, total), total)
    return documents


def rebuild_database(progress: Progress | None = None) -> int:
    """Rebuild the database index from the pages; return the number of documents."""
    documents = expected_documents(progress)
    # One transaction: the index is replaced at once, and SQLite journals each page once rather than per batch.
    with transaction.atomic():
        if fulltext.missing_objects():  # whatever a migration remaking a table dropped
            fulltext.install()
        with connection.cursor() as cursor:  # the bags and the vocabulary are counted afresh
            cursor.execute(f"DELETE FROM {SearchTerms._meta.db_table}")  # noqa: S608
            cursor.execute(f"DELETE FROM {SearchWord._meta.db_table}")  # noqa: S608
        stale = SearchDocument.objects.exclude(page_id__in=[pk for pk, doc in documents.items() if doc])
        stale.delete()
        items = list(documents.items())
        for start in range(0, len(items), BATCH_SIZE):
            store_documents(dict(items[start : start + BATCH_SIZE]))
        fulltext.optimize()
    return sum(1 for document in documents.values() if document)


BULK_TIMEOUT_SECONDS = 60


def rebuild_elasticsearch(progress: Progress | None = None) -> int:
    """Fill a new concrete index from the database index, switch the alias to it, then catch up."""
    from .backends.elasticsearch import bulk, create_index, get_client, index_actions, switch_alias

    client = get_client()
    started, version = timezone.now(), now_version()
    new_index = create_index(client, bulk_load=True)
    total = SearchDocument.objects.count()
    rows = SearchDocument.objects.order_by("page_id").values_list(*STORED_COLUMNS)
    sent = 0

    def counted():
        nonlocal sent
        for row in rows.iterator(chunk_size=BATCH_SIZE):
            sent += 1
            if progress and (sent % BATCH_SIZE == 0 or sent == total):
                progress(sent, total)
            yield full_document(*row)

    # A bulk load is not a citizen's search: a busy node gets a minute per batch and three more tries
    # (each document carries its version, so a batch sent twice changes nothing).
    loader = client.options(request_timeout=BULK_TIMEOUT_SECONDS, max_retries=3, retry_on_timeout=True)
    try:
        failed = bulk(loader, index_actions(counted(), new_index, version=version), threads=2)
        if failed:
            raise RuntimeError(f"{len(failed)} documents were rejected, e.g. {failed[0]}")
        # Searchable and compact before it serves: refresh as usual again, and merge the bulk load's segments.
        loader.indices.put_settings(index=new_index, settings={"index": {"refresh_interval": None}})
        loader.indices.refresh(index=new_index)
        client.options(request_timeout=3600).indices.forcemerge(index=new_index, max_num_segments=1)
    except BaseException:  # the alias still serves the old index: leave nothing half-built behind
        client.indices.delete(index=new_index, ignore_unavailable=True)
        raise
    switch_alias(client, new_index)
    # Changes made while the new index was being filled: send them again to it.
    IndexOperation.objects.filter(created_at__gte=started - timedelta(minutes=5)).update(done_at=None)
    replay()
    return sent


@dataclass
class CheckReport:
    """Index entries that are missing, stale or should not be there."""

    backend: str
    missing: list[int] = field(default_factory=list)
    stale: list[int] = field(default_factory=list)
    unexpected: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.unexpected)


def check(backend_name: str | None = None, progress: Progress | None = None) -> CheckReport:
    """Compare a backend's index with the documents the pages would give now."""
    backend = get_backend(backend_name)
    expected = {pk: checksum(doc) for pk, doc in expected_documents(progress).items() if doc}
    indexed = backend.indexed_checksums()
    return CheckReport(
        backend=backend.name,
        missing=sorted(pk for pk in expected if pk not in indexed),
        stale=sorted(pk for pk in expected if pk in indexed and indexed[pk] != expected[pk]),
        unexpected=sorted(pk for pk in indexed if pk not in expected),
    )


def repair_elasticsearch() -> int:
    """Make Elasticsearch equal to the database index, sending only what differs; return pages sent."""
    from .backends.elasticsearch import ElasticsearchBackend, alias_name, ensure_index, get_client

    client = get_client()
    ensure_index(client)
    indexed = ElasticsearchBackend(client).indexed_checksums()
    stored = dict(SearchDocument.objects.values_list("page_id", "checksum"))
    differing = sorted(pk for pk in set(indexed) | set(stored) if indexed.get(pk) != stored.get(pk))
    for start in range(0, len(differing), BATCH_SIZE):
        send_state(client, differing[start : start + BATCH_SIZE], alias_name(), refresh=_refresh())
    return len(differing)

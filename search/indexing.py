"""Keep the index in step with publication: the database index is written in the caller's transaction, which
also queues an `IndexOperation` for Elasticsearch, sent after commit and kept until accepted (`search.replay`)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import connection, transaction
from wagtail.models import Page

from . import vocabulary
from .backends import elasticsearch_enabled
from .documents import build_documents, checksum, load_pages, padded
from .fulltext import column_parts, document_terms
from .models import IndexOperation, SearchDocument, SearchFacet, SearchTerms
from .registry import facets, page_types

logger = logging.getLogger(__name__)
BATCH_SIZE = 500


#: Parts of a document kept in their own columns rather than repeated in its JSON.
TEXT_KEYS = ("title_text", "title_folded", "text", "folded")
COLUMN_KEYS = ("content", *TEXT_KEYS)
STORED_COLUMNS = ("page_id", "document", "checksum", *COLUMN_KEYS)


def full_document(page_id: int, document: dict, digest: str, content: str, *texts: str) -> tuple[int, dict, str]:
    """A stored row (`STORED_COLUMNS` values) back to `(page id, the whole document, checksum)`."""
    title_text, title_folded, text, folded = texts
    whole = {**document, "content": content, "title_text": title_text.strip(), "title_folded": title_folded.strip()}
    return page_id, {**whole, "text": column_parts(text), "folded": column_parts(folded)}, digest


def document_row(document: dict) -> SearchDocument:
    """The database row of a built document."""
    title_folded, text, folded = (
        padded([document["title_folded"]]),
        padded(document["text"]),
        padded(document["folded"]),
    )
    return SearchDocument(
        page_id=document["id"],
        content_type=document["type"],
        date=document["date"],
        expire_at=document["expire_at"],
        title_text=padded([document["title_text"]]),
        title_folded=title_folded,
        text=text,
        folded=folded,
        content=document["content"],
        document={key: value for key, value in document.items() if key not in COLUMN_KEYS},
        checksum=checksum(document),
    )


def store_documents(documents: dict[int, dict | None]) -> None:
    """Write built documents into the database index; None removes a page's document."""
    removed = [page_id for page_id, document in documents.items() if document is None]
    rows = [document_row(document) for document in documents.values() if document is not None]
    with transaction.atomic():
        if removed:
            SearchDocument.objects.filter(page_id__in=removed).delete()  # their words: `discount_deleted_bag`
        if not rows:
            return
        bags = {row.page_id: document_terms(row.title_folded, row.text, row.folded) for row in rows}
        previous = SearchTerms.objects.filter(document_id__in=list(bags))
        if connection.features.has_select_for_update:
            previous = previous.select_for_update()
        vocabulary.apply(previous.values_list("terms", flat=True), bags.values())
        SearchDocument.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[field.name for field in SearchDocument._meta.concrete_fields if not field.primary_key],
        )
        ids = [row.page_id for row in rows]
        SearchTerms.objects.bulk_create(
            [SearchTerms(document_id=page_id, terms=bag) for page_id, bag in bags.items()],
            update_conflicts=True,
            unique_fields=["document"],
            update_fields=["terms"],
        )
        SearchFacet.objects.filter(document_id__in=ids).delete()
        SearchFacet.objects.bulk_create(
            [
                SearchFacet(document_id=row.page_id, facet=key, value=value)
                for row in rows
                for key in facets()
                for value in dict.fromkeys(row.document["facets"].get(key, []))
            ],
            batch_size=2000,
        )


def record_operations(page_ids: Iterable[int], action: str) -> None:
    """Queue Elasticsearch updates durably (same transaction) and send them after commit."""
    page_ids = list(dict.fromkeys(page_ids))
    if not page_ids or not elasticsearch_enabled():
        return
    IndexOperation.objects.bulk_create([IndexOperation(page_id=page_id, action=action) for page_id in page_ids])
    transaction.on_commit(schedule_replay)


def schedule_replay() -> None:
    """Hand pending operations to the background worker; a failure here only delays them."""
    from .tasks import replay_index_operations

    try:
        replay_index_operations.enqueue()
    except Exception:  # e.g. the task queue's table is unavailable; `search_index replay` catches up
        logger.exception("Could not enqueue the search index replay")


def reindex_pages(pages: Iterable[Page | int]) -> None:
    """Rebuild the documents of some pages (ids or instances) and queue their Elasticsearch update."""
    ids = [page if isinstance(page, int) else page.pk for page in pages]
    with transaction.atomic():
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            documents: dict[int, dict | None] = dict.fromkeys(chunk)
            documents.update(build_documents(load_pages(chunk)))
            store_documents(documents)
            upserted = [pk for pk, document in documents.items() if document is not None]
            record_operations(upserted, IndexOperation.Action.UPSERT)
            record_operations([pk for pk in chunk if pk not in upserted], IndexOperation.Action.DELETE)


def reindex_published(page: Page) -> None:
    """Index a page from its just-published instance (the revision's content, not the database row)."""
    with transaction.atomic():
        documents = build_documents([page])
        store_documents(documents)
        action = IndexOperation.Action.UPSERT if documents.get(page.pk) else IndexOperation.Action.DELETE
        record_operations([page.pk], action)


def remove_pages(page_ids: Iterable[int]) -> None:
    """Drop pages' documents (deleted pages)."""
    page_ids = list(page_ids)
    with transaction.atomic():
        SearchDocument.objects.filter(page_id__in=page_ids).delete()
        record_operations(page_ids, IndexOperation.Action.DELETE)


def indexed_descendants(page: Page, inclusive: bool = True) -> list[int]:
    """Ids of a page and its descendants that the service indexes or may have indexed."""
    pages = Page.objects.descendant_of(page, inclusive=inclusive).type(*page_types().values())
    return list(pages.values_list("pk", flat=True))

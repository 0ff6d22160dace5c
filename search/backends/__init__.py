"""Search backends, one interface: Elasticsearch when `ELASTICSEARCH_URL` is set, the database otherwise."""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson
from django.conf import settings
from django.db import connection

from ..models import SearchDocument
from ..query import SearchQuery


class BackendUnavailable(RuntimeError):
    """The backend could not answer (e.g. Elasticsearch is down)."""


@dataclass
class RawResults:
    """The ids of the requested window (documents are read from the database index), the total, facet counts."""

    count: int
    page_ids: list[int]
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)


class SearchBackend:
    """The interface: search the index, and read or write its documents."""

    name = ""

    def search(self, query: SearchQuery) -> RawResults:
        raise NotImplementedError

    @staticmethod
    def stored_documents(page_ids: list[int]) -> list[dict]:
        """The whole documents of these pages from the database index, in this order (a page removed since is
        left out); one plain statement read as text, about half the cost of a queryset for 100 results."""
        if not page_ids:
            return []
        quote, table = connection.ops.quote_name, SearchDocument._meta.db_table
        cast = "::text" if connection.vendor == "postgresql" else ""  # jsonb on PostgreSQL: read as text for orjson
        placeholders = ", ".join(["%s"] * len(page_ids))
        sql = f"SELECT page_id, document{cast}, content FROM {quote(table)} WHERE page_id IN ({placeholders})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [int(pk) for pk in page_ids])
            by_id = {pk: {**orjson.loads(document), "content": content} for pk, document, content in cursor.fetchall()}
        return [by_id[pk] for pk in page_ids if pk in by_id]

    def indexed_checksums(self) -> dict[int, str]:
        """Every indexed page id with its document's checksum."""
        raise NotImplementedError


def elasticsearch_enabled() -> bool:
    """Whether the project indexes into and searches Elasticsearch."""
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def get_backend(name: str | None = None) -> SearchBackend:
    """The configured backend, or the one named (`database`, `elasticsearch`)."""
    name = name or ("elasticsearch" if elasticsearch_enabled() else "database")
    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend()
    from .database import DatabaseBackend

    return DatabaseBackend()

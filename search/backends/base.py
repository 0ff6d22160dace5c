"""What every search backend provides, and the ranking rules they share."""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson
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


def _stored_rows(page_ids: list[int], *columns: str) -> list[tuple]:
    """`(page id, *columns)` of these pages' stored documents, in this order (a page removed since is left out).

    One plain statement, read as text: for a page of 100 results about half the cost of a queryset.
    """
    if not page_ids:
        return []
    quote = connection.ops.quote_name
    selected = ", ".join(
        # jsonb on PostgreSQL, text on SQLite: read as text either way, for orjson
        f"{quote(column)}::text" if column == "document" and connection.vendor == "postgresql" else quote(column)
        for column in ("page_id", *columns)
    )
    sql = "SELECT {} FROM {} WHERE {} IN ({})".format(  # noqa: S608 -- quoted names and placeholders only
        selected, quote(SearchDocument._meta.db_table), quote("page_id"), ", ".join(["%s"] * len(page_ids))
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [int(pk) for pk in page_ids])
        by_id = {row[0]: row for row in cursor.fetchall()}
    return [by_id[pk] for pk in page_ids if pk in by_id]


class SearchBackend:
    """The interface: search the index, and read or write its documents."""

    name = ""

    def search(self, query: SearchQuery) -> RawResults:
        raise NotImplementedError

    @staticmethod
    def stored_documents(page_ids: list[int]) -> list[dict]:
        """The whole documents of these pages from the database index, in this order (as the HTML pages show them)."""
        documents = []
        for _page_id, document, content in _stored_rows(page_ids, "document", "content"):
            documents.append(orjson.loads(document))
            documents[-1]["content"] = content
        return documents

    def indexed_checksums(self) -> dict[int, str]:
        """Every indexed page id with its document's checksum."""
        raise NotImplementedError

"""What every search backend provides, and the ranking rules they share."""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson
from django.db import connection

from ..models import SearchDocument
from ..query import SearchQuery

#: Rank classes (DESIGN §5): each weight exceeds the sum of the weights below it,
#: so exact-diacritic matches rank above folded ones and phrases above scattered words.
#: Within a class, results are newest first on both backends.
EXACT_PHRASE = 800
EXACT_WORDS = 400
FOLDED_PHRASE = 200
TITLE_WORDS = 100


class BackendUnavailable(RuntimeError):
    """The backend could not answer (e.g. Elasticsearch is down)."""


@dataclass
class RawResults:
    """Documents of the requested window, the total count and facet counts by key."""

    count: int
    documents: list[dict]
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)


class SearchBackend:
    """The interface: search the index, and read or write its documents."""

    name = ""

    def search(self, query: SearchQuery) -> RawResults:
        raise NotImplementedError

    @staticmethod
    def stored_documents(page_ids: list[int]) -> list[dict]:
        """The documents of these pages from the database index, in this order (a page removed since is left out).

        Read as text and parsed by orjson, in one plain statement: for a page of 100 results this is
        about half the cost of the ORM's queryset with the field's `json.loads`.
        """
        if not page_ids:
            return []
        quote = connection.ops.quote_name
        text = "::text" if connection.vendor == "postgresql" else ""  # jsonb on PostgreSQL, text on SQLite
        sql = "SELECT {}, {}{} FROM {} WHERE {} IN ({})".format(  # noqa: S608 -- quoted names and placeholders only
            quote("page_id"),
            quote("document"),
            text,
            quote(SearchDocument._meta.db_table),
            quote("page_id"),
            ", ".join(["%s"] * len(page_ids)),
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [int(pk) for pk in page_ids])
            by_id = dict(cursor.fetchall())
        return [orjson.loads(by_id[pk]) for pk in page_ids if pk in by_id]

    def indexed_checksums(self) -> dict[int, str]:
        """Every indexed page id with its document's checksum."""
        raise NotImplementedError

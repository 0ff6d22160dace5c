"""What every search backend provides, and the ranking rules they share."""

from __future__ import annotations

from dataclasses import dataclass, field

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
        """The documents of these pages from the database index, in this order (a page removed since is left out)."""
        by_id = dict(SearchDocument.objects.filter(page_id__in=page_ids).values_list("page_id", "document"))
        return [by_id[pk] for pk in page_ids if pk in by_id]

    def indexed_checksums(self) -> dict[int, str]:
        """Every indexed page id with its document's checksum."""
        raise NotImplementedError

"""What every search backend provides, and the ranking rules they share."""

from __future__ import annotations

from dataclasses import dataclass, field

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

    def indexed_checksums(self) -> dict[int, str]:
        """Every indexed page id with its document's checksum."""
        raise NotImplementedError

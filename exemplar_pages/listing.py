"""Column listings: a column's saved query plus a reader's filters, answered by the search service.

The column pages, the home page and the feeds call `column_listing`; the
items are the live pages of the search results, newest first, fetched one
window at a time, and the facets carry the counts shown next to the filters.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from wagtail.models import Page

from search.query import MAX_RESULT_WINDOW, FacetValue, SearchQuery, SearchResults
from search.service import search

from .cards import with_card_details
from .models import ColumnPage
from .searching import tag_key
from .visibility import public_now

FETCH_SIZE = 100


class SearchPageList(Sequence):
    """The specific pages of a query's results, for `Paginator`, slicing and iteration."""

    def __init__(self, query: SearchQuery, first: SearchResults | None = None) -> None:
        self.query = query
        self._windows: dict[tuple[int, int], list[Page]] = {}
        self._count = first.count if first else None
        if first is not None:
            self._windows[(first.offset, first.limit)] = self._pages(first.page_ids)

    def count(self) -> int:
        if self._count is None:
            self._count = self._search(0, 1).count
        return min(self._count, MAX_RESULT_WINDOW)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self.count())
            if step != 1:
                return list(self)[index]
            return self._window(start, max(stop - start, 0))
        if index < 0:
            index += self.count()
        found = self._window(index, 1)
        if not found:
            raise IndexError(index)
        return found[0]

    def __iter__(self) -> Iterator[Page]:
        for start in range(0, self.count(), FETCH_SIZE):
            yield from self._window(start, FETCH_SIZE)

    def _window(self, offset: int, limit: int) -> list[Page]:
        limit = min(limit, MAX_RESULT_WINDOW - offset)
        if limit <= 0:
            return []
        for (start, size), pages in self._windows.items():
            if start <= offset and offset + limit <= start + size:
                return pages[offset - start : offset - start + limit]
        results = self._search(offset, limit)
        self._windows[(offset, limit)] = self._pages(results.page_ids)
        return self._windows[(offset, limit)]

    def _search(self, offset: int, limit: int) -> SearchResults:
        query = SearchQuery(self.query.text, self.query.clauses, offset, limit, self.query.sort, with_facets=False)
        results = search(query)
        self._count = results.count
        return results

    @staticmethod
    def _pages(ids: list[int]) -> list[Page]:
        """Pages by id, in the results' order, left out when no longer public (unpublished or expired since indexing)."""
        pages = public_now(Page.objects.filter(pk__in=ids)).specific().in_bulk()
        return with_card_details(pages[pk] for pk in ids if pk in pages)


@dataclass
class ColumnListing:
    """The items a column shows (newest first) and the facet counts of its filters."""

    items: SearchPageList
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


def _slug(value) -> str:
    return str(getattr(value, "slug", value))


def column_query(column: ColumnPage, filters: dict, offset: int = 0, limit: int = 20) -> SearchQuery:
    """The column's saved query (content types, fields, localities, movements, tags) with a reader's filters."""
    criteria = column.criteria
    clauses: list[tuple[str, tuple[str, ...]]] = [("type", tuple(criteria["type"]))]
    for key in ("field", "locality", "movement"):
        if criteria[key]:
            clauses.append((key, tuple(criteria[key])))
    if criteria["tag"]:
        clauses.append(("tag", tuple(tag_key(tag) for tag in criteria["tag"])))
    for key in ("field", "locality", "movement", "subject_type", "year", "award"):
        value = (filters or {}).get(key)
        if value not in (None, ""):
            clauses.append((key, (_slug(value),)))
    return SearchQuery(text=(filters or {}).get("q", ""), clauses=clauses, offset=offset, limit=limit, sort="date")


def column_listing(column: ColumnPage, filters: dict, page_size: int | None = None) -> ColumnListing:
    """Live, public pages matching the column's criteria and the filters, newest first, with facets."""
    query = column_query(column, filters, 0, page_size or column.page_size)
    first = search(query)
    return ColumnListing(items=SearchPageList(query, first), facets=first.facets)

"""The search service (DESIGN §5): one entry point for the public page, the columns and the API."""

from __future__ import annotations

import logging
from typing import NamedTuple

from django.conf import settings

from .backends import BackendUnavailable, DatabaseBackend, get_backend
from .backends.base import RawResults, SearchBackend
from .documents import result_fields
from .highlight import highlight
from .labels import ranked, taxonomy_labels
from .query import FacetValue, SearchQuery, SearchResults
from .registry import counted_facets, facets

logger = logging.getLogger(__name__)


def _run(query: SearchQuery, backend_name: str | None) -> tuple[RawResults, str]:
    """The backend's answer and the backend's name; when Elasticsearch is down, the database's."""
    backend = get_backend(backend_name)
    try:
        return backend.search(query), backend.name
    except BackendUnavailable as error:
        if backend_name or not getattr(settings, "SEARCH_FALLBACK_TO_DATABASE", True):
            raise
        logger.warning("Search falls back to the database backend: %s", error)
        backend = DatabaseBackend()
        return backend.search(query), backend.name


def search(query: SearchQuery, backend_name: str | None = None) -> SearchResults:
    """Run a query on the configured backend, with whole documents as hits (the public pages, the columns)."""
    raw, backend = _run(query, backend_name)
    tokens = query.tokens
    hits = [result_hit(document, tokens) for document in SearchBackend.stored_documents(raw.page_ids)]
    facets = label_facets(raw.facet_counts, query) if query.with_facets else {}
    return SearchResults(
        count=raw.count,
        offset=query.offset,
        limit=query.limit,
        backend=backend,
        hits=hits,
        facets=facets,
        facet_counts=raw.facet_counts,
    )


def result_hit(document: dict, tokens: list[str]) -> dict:
    """A result as the contract shows it (DESIGN §6), from an indexed document; with its date for the pages."""
    return {
        **result_fields(document),
        "highlight": highlight(document.get("content", ""), tokens) or highlight(document.get("title", ""), tokens),
        "date": document.get("date"),
    }


class _Prepared(NamedTuple):
    """What ordering and rendering a facet's values needs, made once per taxonomy change."""

    known: dict[str, tuple[str, int, int]]  # {slug: (name, depth, rank)}
    order: list[str]  # the slugs by rank
    ranks: dict[str, int]


def _prepare(known: dict[str, tuple[str, int, int]]) -> _Prepared:
    order = sorted(known, key=lambda slug: known[slug][2])
    return _Prepared(known, order, {slug: rank for rank, slug in enumerate(order)})


#: (the labels they were made from, {facet: _Prepared}).
_prepared: tuple[object, dict[str, _Prepared]] = (None, {})


def _prepared_facet(facet: str, labels: dict) -> _Prepared:
    global _prepared
    registered = facets().get(facet)
    if registered is not None and registered.translated:  # a few values, named in the active language
        return _prepare(ranked(registered.values()))
    if _prepared[0] is not labels:
        _prepared = (labels, {})
    found = _prepared[1].get(facet)
    if found is None:
        found = _prepared[1][facet] = _prepare(labels.get(facet, {}))
    return found


def _reading_order(facet: str, counts: dict[str, int], prepared: _Prepared) -> tuple[list[str], list[str]]:
    """The slugs of a facet's non-zero values in reading order: those with a label by rank, then the others.

    Values without a label (years; a value just deleted) come by slug, years newest first. The
    labelled ones are picked from the ranked slugs, or sorted by rank when they are few: either
    way Python's own C loops, not one Python step per value, for a facet of a thousand localities.
    """
    present = counts if all(counts.values()) else {slug: number for slug, number in counts.items() if number > 0}
    if facet in facets() and facets()[facet].descending:
        return [], sorted(present, reverse=True)
    if len(present) * 8 < len(prepared.order):
        labelled = sorted(present.keys() & prepared.ranks.keys(), key=prepared.ranks.__getitem__)
    else:
        labelled = list(filter(present.__contains__, prepared.order))
    return labelled, sorted(present.keys() - prepared.ranks.keys()) if len(labelled) < len(present) else []


def label_facets(counts: dict[str, dict[str, int]], query: SearchQuery) -> dict[str, list[FacetValue]]:
    """Facet values with display names, in reading order; zero counts left out."""
    labels = taxonomy_labels()
    facets: dict[str, list[FacetValue]] = {}
    for facet in counted_facets():
        prepared, selected, values = _prepared_facet(facet, labels), query.selected(facet), counts.get(facet, {})
        labelled, unlabelled = _reading_order(facet, values, prepared)
        facets[facet] = [
            FacetValue(slug, name, values[slug], depth, slug in selected)
            for slug, (name, depth, _rank) in zip(labelled, map(prepared.known.__getitem__, labelled))
        ] + [FacetValue(slug, slug, values[slug], 0, slug in selected) for slug in unlabelled]
    return facets


def facet_groups(facet_values: dict, keys: tuple[str, ...] | None = None) -> list[tuple[str, str, list]]:
    """Facets as (key, label, values) for `includes/facets.html`, empty ones left out."""
    registered = facets()
    return [
        (key, registered[key].label, values)
        for key, values in facet_values.items()
        if values and key in registered and (keys is None or key in keys)
    ]


def value_names(facet: str) -> dict[str, str]:
    """`{slug: display name}` of a facet's values."""
    registered = facets().get(facet)
    return {slug: name for slug, name, *_rest in registered.values()} if registered and registered.values else {}

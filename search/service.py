"""The search service (DESIGN §5): one entry point for the public page, the columns and the API."""

from __future__ import annotations

import logging

from django.conf import settings

from .backends import BackendUnavailable, RawResults, SearchBackend, get_backend
from .backends.database import DatabaseBackend
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


def _labels_of(name: str, labels: dict) -> dict[str, tuple[str, int, int]]:
    """`{slug: (display name, depth, rank)}` of a facet's values."""
    registered = facets().get(name)
    if registered is not None and registered.translated:  # a few values, named in the active language
        return ranked(registered.values())
    return labels.get(name, {})


def label_facets(counts: dict[str, dict[str, int]], query: SearchQuery) -> dict[str, list[FacetValue]]:
    """Facet values with display names in reading order (years newest first), unnamed ones after them by slug."""
    labels, labelled = taxonomy_labels(), {}
    for name in counted_facets():
        known, selected = _labels_of(name, labels), query.selected(name)
        present = {slug: number for slug, number in counts.get(name, {}).items() if number > 0}
        if facets()[name].descending:
            order = sorted(present, reverse=True)
        else:
            order = sorted(present, key=lambda slug: (slug not in known, known[slug][2] if slug in known else 0, slug))
        labelled[name] = []
        for slug in order:
            display, depth = known[slug][:2] if slug in known else (slug, 0)
            labelled[name].append(FacetValue(slug, display, present[slug], depth, slug in selected))
    return labelled


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

"""The search service (DESIGN §5): one entry point for the public page, the columns and the API."""

from __future__ import annotations

import logging

import orjson
from django.conf import settings

from exemplar_pages.models import SubjectType

from .backends import BackendUnavailable, DatabaseBackend, get_backend
from .documents import FACETS
from .highlight import highlight
from .labels import taxonomy_labels
from .query import FacetValue, SearchQuery, SearchResults

logger = logging.getLogger(__name__)


def search(query: SearchQuery, backend_name: str | None = None, labelled: bool = True) -> SearchResults:
    """Run a query on the configured backend; when Elasticsearch is down, answer from the database.

    `labelled=False` leaves the facets as counts by slug (`facet_counts`), for `facets_json` to render.
    """
    backend = get_backend(backend_name)
    try:
        raw = backend.search(query)
    except BackendUnavailable as error:
        if backend_name or not getattr(settings, "SEARCH_FALLBACK_TO_DATABASE", True):
            raise
        logger.warning("Search falls back to the database backend: %s", error)
        backend = DatabaseBackend()
        raw = backend.search(query)
    tokens = query.tokens
    hits = [result_hit(document, tokens) for document in raw.documents]
    facets = label_facets(raw.facet_counts, query) if query.with_facets and labelled else {}
    return SearchResults(
        count=raw.count,
        offset=query.offset,
        limit=query.limit,
        backend=backend.name,
        hits=hits,
        facets=facets,
        facet_counts=raw.facet_counts,
    )


def result_hit(document: dict, tokens: list[str]) -> dict:
    """A result as the contract shows it (DESIGN §6), from an indexed document."""
    return {
        "id": document["id"],
        "type": document["type"],
        "title": document["title"],
        "url": document["url"],
        "summary": document.get("summary", ""),
        "subject_type": document.get("subject_type") or None,
        "year": document.get("year"),
        "field": document.get("field"),
        "locality": document.get("locality"),
        "movement": document.get("movement"),
        "highlight": highlight(document.get("content", ""), tokens) or highlight(document.get("title", ""), tokens),
        "date": document.get("date"),
    }


def _subject_type_labels() -> dict[str, tuple[str, int, int]]:
    return {key: (str(label), 0, rank) for rank, (key, label) in enumerate(SubjectType.choices)}


def _reading_order(facet: str, counts: dict[str, int], known: dict[str, tuple[str, int, int]]) -> list[tuple[str, int]]:
    """`(slug, count)` of the non-zero values of a facet, in reading order: by rank, years newest first.

    Values without a label (e.g. just deleted) come after the others, by slug. Ranks are unique, so
    the sort compares integers.
    """
    present = [(slug, number) for slug, number in counts.items() if number > 0]
    if facet == "year":
        return sorted(present, reverse=True)
    last = len(known)
    return sorted(present, key=lambda item: (known[item[0]][2], "") if item[0] in known else (last, item[0]))


def _known(facet: str, labels: dict) -> dict[str, tuple[str, int, int]]:
    if facet == "subject_type":
        return _subject_type_labels()
    return labels.get(facet, {})


def label_facets(counts: dict[str, dict[str, int]], query: SearchQuery) -> dict[str, list[FacetValue]]:
    """Facet values with display names, in reading order; zero counts left out."""
    labels = taxonomy_labels()
    facets: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        known, selected = _known(facet, labels), query.selected(facet)
        items = []
        for slug, number in _reading_order(facet, counts.get(facet, {}), known):
            name, depth, _rank = known.get(slug) or (slug, 0, 0)
            items.append(FacetValue(slug, name, number, depth, slug in selected))
        facets[facet] = items
    return facets


#: (the labels they were made from, {facet: {slug: the value's JSON as a template for its count}}).
_templates: tuple[object, dict[str, dict[str, bytes]]] = (None, {})


def _template(slug: str, name: str) -> bytes:
    return orjson.dumps({"slug": slug, "name": name})[:-1].replace(b"%", b"%%") + b',"count":%d}'


def facets_json(counts: dict[str, dict[str, int]]) -> dict[str, orjson.Fragment]:
    """The facets of the API (`[{"slug", "name", "count"}…]` per facet) as ready JSON, in reading order.

    The same values as `label_facets`, without an object per value: each value's JSON is made once
    per taxonomy change as a template for its count, so a facet of a thousand localities is a sort
    and a join.
    """
    global _templates
    labels = taxonomy_labels()
    if _templates[0] is not labels:
        _templates = (labels, {})
    cached = _templates[1]
    rendered = {}
    for facet in FACETS:
        known = _known(facet, labels)
        if facet in ("subject_type", "year"):  # a handful of values; subject types named in the active language
            templates = {slug: _template(slug, name) for slug, (name, _depth, _rank) in known.items()}
        else:
            templates = cached.get(facet)
            if templates is None:
                templates = cached[facet] = {slug: _template(slug, name) for slug, (name, _, _) in known.items()}
        parts = [
            templates[slug] % number if slug in templates else _template(slug, slug) % number
            for slug, number in _reading_order(facet, counts.get(facet, {}), known)
        ]
        rendered[facet] = orjson.Fragment(b"[" + b",".join(parts) + b"]")
    return rendered

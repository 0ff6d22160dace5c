"""The search service (DESIGN §5): one entry point for the public page, the columns and the API."""

from __future__ import annotations

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache

from cms.vietnamese import vietnamese_sort_key
from exemplar_pages.models import Award, Field, Locality, MovementPage, SubjectType

from .backends import BackendUnavailable, DatabaseBackend, get_backend
from .documents import FACETS
from .highlight import highlight
from .query import FacetValue, SearchQuery, SearchResults

logger = logging.getLogger(__name__)


def search(query: SearchQuery, backend_name: str | None = None) -> SearchResults:
    """Run a query on the configured backend; when Elasticsearch is down, answer from the database."""
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
    facets = label_facets(raw.facet_counts, query) if query.with_facets else {}
    return SearchResults(
        count=raw.count, offset=query.offset, limit=query.limit, backend=backend.name, hits=hits, facets=facets
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


LABELS_VERSION_KEY = "search:labels-version"
LABELS_TTL_SECONDS = 60
_labels: dict = {"data": None, "version": None, "expires": 0.0}


def taxonomy_labels() -> dict[str, dict[str, tuple[str, int, int]]]:
    """`{facet: {slug: (display name, depth, rank in reading order)}}`, cached per process for a minute at most.

    The reading order (Vietnamese alphabetical; localities in tree order) is ranked once here, so
    that ordering a facet of a thousand localities on each search is a sort by integers.
    """
    version = cache.get(LABELS_VERSION_KEY)
    now = time.monotonic()
    if _labels["data"] is None or now > _labels["expires"] or version != _labels["version"]:
        movements = [
            (slug, title, vietnamese_sort_key(title))
            for slug, title in MovementPage.objects.live().values_list("slug", "title")
        ]
        named = {
            "field": [
                (slug, name, 0, (key, slug))
                for slug, name, key in Field.objects.values_list("slug", "name", "sort_key")
            ],
            "award": [
                (slug, name, 0, (key, slug))
                for slug, name, key in Award.objects.values_list("slug", "name", "sort_key")
            ],
            "movement": [(slug, title, 0, (key, slug)) for slug, title, key in movements],
            "locality": [
                (slug, name, depth, (path, slug))
                for slug, name, depth, path in Locality.objects.values_list("slug", "name", "depth", "tree_path")
            ],
        }
        _labels["data"] = {
            facet: {
                slug: (name, depth, rank)
                for rank, (slug, name, depth, _key) in enumerate(sorted(rows, key=lambda row: row[3]))
            }
            for facet, rows in named.items()
        }
        _labels.update(version=version, expires=now + LABELS_TTL_SECONDS)
    return _labels["data"]


def labels_changed() -> None:
    """Forget cached facet labels here, and tell other processes sharing the cache."""
    _labels["data"] = None
    cache.set(LABELS_VERSION_KEY, uuid.uuid4().hex, None)


def label_facets(counts: dict[str, dict[str, int]], query: SearchQuery) -> dict[str, list[FacetValue]]:
    """Facet values with display names, in reading order; zero counts left out."""
    labels = taxonomy_labels()
    subject_types = {key: (str(label), 0, rank) for rank, (key, label) in enumerate(SubjectType.choices)}
    facets: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        values = [(slug, number) for slug, number in counts.get(facet, {}).items() if number > 0]
        if facet == "year":  # newest first
            values.sort(reverse=True)
            known: dict[str, tuple[str, int, int]] = {}
        else:
            known = subject_types if facet == "subject_type" else labels[facet]
            last = len(known)  # values without a label (e.g. just deleted) after the others, by slug
            values.sort(key=lambda item, known=known, last=last: (known.get(item[0], ("", 0, last))[2], item[0]))
        selected = query.selected(facet)
        items = []
        for slug, number in values:
            name, depth, _rank = known.get(slug, (slug, 0, 0))
            items.append(FacetValue(slug, name, number, depth, slug in selected))
        facets[facet] = items
    return facets

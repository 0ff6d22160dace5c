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


def taxonomy_labels() -> dict[str, dict]:
    """Display names and sort keys of every facet value, cached per process for a minute at most."""
    version = cache.get(LABELS_VERSION_KEY)
    now = time.monotonic()
    if _labels["data"] is None or now > _labels["expires"] or version != _labels["version"]:
        movements = MovementPage.objects.live().values_list("slug", "title")
        _labels["data"] = {
            "field": {slug: (name, key) for slug, name, key in Field.objects.values_list("slug", "name", "sort_key")},
            "award": {slug: (name, key) for slug, name, key in Award.objects.values_list("slug", "name", "sort_key")},
            "locality": {
                slug: (name, depth, path)
                for slug, name, depth, path in Locality.objects.values_list("slug", "name", "depth", "tree_path")
            },
            "movement": {slug: (title, vietnamese_sort_key(title)) for slug, title in movements},
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
    facets: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        values = {key: number for key, number in counts.get(facet, {}).items() if number > 0}
        if facet in ("field", "award", "movement"):
            names = labels[facet]
            items = [FacetValue(slug, names.get(slug, (slug, ""))[0], n) for slug, n in values.items()]
            items.sort(key=lambda item, names=names: (names.get(item.slug, ("", "~"))[1], item.slug))
        elif facet == "locality":
            found = labels["locality"]
            items = [
                FacetValue(slug, found.get(slug, (slug,))[0], n, found.get(slug, ("", 0))[1])
                for slug, n in values.items()
            ]
            items.sort(key=lambda item: (_tree_sort_key(found, item.slug), item.slug))
        elif facet == "subject_type":
            order = list(dict(SubjectType.choices))
            items = [
                FacetValue(key, str(SubjectType(key).label) if key in order else key, n) for key, n in values.items()
            ]
            items.sort(key=lambda item: order.index(item.slug) if item.slug in order else len(order))
        else:
            items = [FacetValue(key, key, n) for key, n in values.items()]
            items.sort(key=lambda item: item.slug, reverse=True)
        selected = query.selected(facet)
        for item in items:
            item.selected = item.slug in selected
        facets[facet] = items
    return facets


def _tree_sort_key(found: dict, slug: str) -> str:
    """Tree order for localities: each locality right after its parent."""
    entry = found.get(slug)
    return entry[2] if entry else "~"

"""Display names of facet values, in reading order, cached per process (shared by the query parser and the service)."""

from __future__ import annotations

import time
import uuid

from django.core.cache import cache

from .registry import facets

LABELS_VERSION_KEY = "search:labels-version"
LABELS_TTL_SECONDS = 60
_labels: dict = {"data": None, "version": None, "expires": 0.0}


def ranked(rows) -> dict[str, tuple[str, int, int]]:
    """`{slug: (display name, depth, rank in reading order)}` of a facet's `(slug, name, depth, sort key)` rows."""
    ordered = sorted(rows, key=lambda row: row[3])
    return {slug: (name, depth, rank) for rank, (slug, name, depth, _key) in enumerate(ordered)}


def taxonomy_labels() -> dict[str, dict[str, tuple[str, int, int]]]:
    """`{facet: {slug: (display name, depth, rank in reading order)}}`, ranked once and cached per process for a
    minute at most (so ordering a thousand localities per search is a lookup); translated facets are not kept."""
    version = cache.get(LABELS_VERSION_KEY)
    now = time.monotonic()
    if _labels["data"] is None or now > _labels["expires"] or version != _labels["version"]:
        _labels["data"] = {
            name: ranked(facet.values()) for name, facet in facets().items() if facet.values and not facet.translated
        }
        _labels.update(version=version, expires=now + LABELS_TTL_SECONDS)
    return _labels["data"]


def labels_changed() -> None:
    """Forget cached facet labels here, and tell other processes sharing the cache."""
    _labels["data"] = None
    cache.set(LABELS_VERSION_KEY, uuid.uuid4().hex, None)

"""Display names of facet values, in reading order, cached per process (shared by the query parser and the service)."""

from __future__ import annotations

import time
import uuid

from django.core.cache import cache

from cms.vietnamese import vietnamese_sort_key
from exemplar_pages.models import Award, Field, Locality, MovementPage

LABELS_VERSION_KEY = "search:labels-version"
LABELS_TTL_SECONDS = 60
_labels: dict = {"data": None, "version": None, "expires": 0.0}


def taxonomy_labels() -> dict[str, dict[str, tuple[str, int, int]]]:
    """`{facet: {slug: (display name, depth, rank in reading order)}}`, cached per process for a minute at most.

    The reading order (Vietnamese alphabetical; localities in tree order) is ranked once here; the
    service keeps each facet's slugs in that order, so ordering a facet of a thousand localities on
    each search is picking the present ones from that list.
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

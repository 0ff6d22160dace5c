"""Search backends: Elasticsearch when `ELASTICSEARCH_URL` is set, the database otherwise."""

from django.conf import settings

from .base import BackendUnavailable, RawResults, SearchBackend
from .database import DatabaseBackend

__all__ = [
    "BackendUnavailable",
    "DatabaseBackend",
    "RawResults",
    "SearchBackend",
    "elasticsearch_enabled",
    "get_backend",
]


def elasticsearch_enabled() -> bool:
    """Whether the project indexes into and searches Elasticsearch."""
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def get_backend(name: str | None = None) -> SearchBackend:
    """The configured backend, or the one named (`database`, `elasticsearch`)."""
    name = name or ("elasticsearch" if elasticsearch_enabled() else "database")
    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend()
    return DatabaseBackend()

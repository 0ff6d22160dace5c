"""System checks of the search app."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.compatibility, "search", deploy=True)
def check_elasticsearch_reachable(app_configs=None, **kwargs) -> list[Warning]:
    """Warn when `ELASTICSEARCH_URL` is set but the node does not answer (`check --deploy` only: it connects)."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if not url:
        return []
    from elasticsearch import Elasticsearch

    try:
        client = Elasticsearch(url, request_timeout=2, max_retries=0)
        client.cluster.health(timeout="2s")
    except Exception as error:
        return [
            Warning(
                f"ELASTICSEARCH_URL is set ({url}) but Elasticsearch does not answer: {type(error).__name__}.",
                hint="Start Elasticsearch or unset ELASTICSEARCH_URL; index updates wait in the queue meanwhile "
                "and searches fall back to the database.",
                id="search.W001",
            )
        ]
    return []


@register(Tags.database)
def check_fulltext_index(app_configs=None, databases=None, **kwargs) -> list[Error]:
    """Fail when the database index lacks its full-text table or triggers (a table remade by a migration)."""
    from django.db import DatabaseError

    from .fulltext import missing_objects

    if not databases or "default" not in databases:
        return []
    try:
        missing = missing_objects()
    except DatabaseError:  # not migrated yet: migrate creates them
        return []
    if not missing:
        return []
    return [
        Error(
            f"The search index lacks {', '.join(missing)}: searches and the index's generation are wrong.",
            hint="Run `python manage.py search_index rebuild`, which installs them again and re-reads the index.",
            id="search.E001",
        )
    ]

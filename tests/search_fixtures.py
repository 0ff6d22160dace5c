"""Fixtures of the search tests: the backend under test, a real Elasticsearch, an index per session."""

from __future__ import annotations

import os
import uuid

import pytest
from django.conf import settings as django_settings

from tests import servers

#: Each test session indexes into its own Elasticsearch alias, deleted at the end.
TEST_INDEX_NAME = f"thidua-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
BACKENDS = ["database", "elasticsearch"]


@pytest.fixture(scope="session", autouse=True)
def search_test_settings():
    """Tests search the database unless they ask for Elasticsearch, whatever ELASTICSEARCH_URL says."""
    names = ("ELASTICSEARCH_URL", "SEARCH_INDEX_NAME", "SEARCH_ELASTICSEARCH_REFRESH", "SEARCH_FALLBACK_TO_DATABASE")
    saved = {name: getattr(django_settings, name, None) for name in names}
    django_settings.ELASTICSEARCH_URL = ""
    django_settings.SEARCH_INDEX_NAME = TEST_INDEX_NAME
    django_settings.SEARCH_ELASTICSEARCH_REFRESH = True
    django_settings.SEARCH_FALLBACK_TO_DATABASE = False
    yield
    for name, value in saved.items():
        setattr(django_settings, name, value)


@pytest.fixture(autouse=True)
def fresh_search_labels():
    """Facet labels are cached per process: forget names a rolled-back test may have left."""
    from search.labels import labels_changed

    labels_changed()


@pytest.fixture(scope="session")
def search_index(search_test_settings, django_db_setup, django_db_blocker) -> None:
    """The database index of the demo content (seed_demo back-dates pages with updates no signal sees)."""
    from search.replay import rebuild_database

    with django_db_blocker.unblock():
        rebuild_database()


@pytest.fixture(scope="session")
def elasticsearch_server() -> str:
    """A real Elasticsearch URL; skipped when there is none, failed when REQUIRE_ELASTICSEARCH=1."""
    required = servers.elasticsearch_required()
    try:
        url = servers.elasticsearch_url(required=required)
    except RuntimeError as error:
        pytest.fail(str(error))
    if not url:
        pytest.skip("Elasticsearch unavailable (REQUIRE_ELASTICSEARCH=1 makes this a failure)")
    return url


@pytest.fixture(scope="session")
def elasticsearch_index(search_index, elasticsearch_server, django_db_blocker):
    """The session's Elasticsearch index, built from the database index; deleted afterwards."""
    from search.backends.elasticsearch import delete_all_indices, get_client
    from search.replay import rebuild_elasticsearch

    django_settings.ELASTICSEARCH_URL = elasticsearch_server
    try:
        with django_db_blocker.unblock():
            rebuild_elasticsearch()
    finally:
        django_settings.ELASTICSEARCH_URL = ""
    yield elasticsearch_server
    delete_all_indices(get_client(elasticsearch_server))


def use_backend(name: str, request, settings) -> str:
    """Configure the search service for one test: the database, or Elasticsearch synced to the database."""
    if name == "elasticsearch":
        from search.replay import repair_elasticsearch

        settings.ELASTICSEARCH_URL = request.getfixturevalue("elasticsearch_index")
        repair_elasticsearch()  # undo what earlier, rolled-back tests left in Elasticsearch
    else:
        settings.ELASTICSEARCH_URL = ""
    return name


@pytest.fixture(params=BACKENDS)
def search_backend(request, search_index, settings, db) -> str:
    """Each test using this runs once per backend; the service is configured for it."""
    return use_backend(request.param, request, settings)


@pytest.fixture
def elasticsearch_backend(request, search_index, settings, db) -> str:
    """The Elasticsearch backend only."""
    return use_backend("elasticsearch", request, settings)

"""Test-wide fixtures: the database under test, the demo content, real servers."""

import os

import pytest
from django.core.management import call_command

# Fixture modules of each concern; add yours here (one line each).
pytest_plugins: list[str] = ["tests.moderation_fixtures", "tests.search_fixtures", "tests.live"]


def pytest_report_header(config) -> list[str]:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return [f"thidua: database={engine}, elasticsearch={os.environ.get('ELASTICSEARCH_URL') or 'auto'}"]


#: Fixtures through which a test reaches a database: pytest-django's, and the live portals' copies of the seeded one.
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
    | {"live_template", "live_portal"}
)


def pytest_collection_modifyitems(config, items) -> None:
    """Mark ``any_database`` every test that opens no database: `make test`'s PostgreSQL stage leaves it out.

    A test whose processes use the database but whose outcome cannot depend on its engine (a proxy's
    caching, a browser's view of the markup) carries the mark itself.

    For pytest-xdist's ``--dist loadgroup`` (scripts/run-tests): the tests that start the portal's processes
    or a browser run one after the other on one worker, so that two of them never share the machine's
    cores and clocks; the others are sent module by module (a module's fixtures are built once), but for a test
    that names a group of its own.
    """
    for item in items:
        processes = item.get_closest_marker("live") or item.get_closest_marker("browser")
        if not item.get_closest_marker("xdist_group"):  # a long test may be a group of its own
            item.add_marker(pytest.mark.xdist_group("processes" if processes else item.nodeid.split("::")[0]))
        if item.get_closest_marker("live") or item.get_closest_marker("django_db"):
            continue
        if DATABASE_FIXTURES.isdisjoint(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.any_database)


def pytest_sessionstart(session) -> None:
    """In CI a missing PostgreSQL is a failure, not a quiet fallback to SQLite."""
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        from django.conf import settings

        if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
            raise pytest.UsageError("REQUIRE_POSTGRES=1 but DATABASE_URL does not point at PostgreSQL.")


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session) -> None:
    """Remove the SQLite test database's WAL files, which threads' open connections leave behind."""
    from django.conf import settings

    name = settings.DATABASES["default"].get("TEST", {}).get("NAME") or ""
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and os.path.basename(name).startswith(
        "thidua-test-"
    ):
        for path in (name, f"{name}-wal", f"{name}-shm"):
            if os.path.exists(path):
                os.remove(path)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once per session; each test's changes roll back on top of it."""
    with django_db_blocker.unblock():
        call_command("seed_demo", force=True, verbosity=0)


@pytest.fixture
def anonymous_client(client):
    client.logout()
    return client

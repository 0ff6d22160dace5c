"""Wagtail's admin search index written by several processes at once on SQLite (cms/admin_search.py).

The live portal's worker once failed on ``UNIQUE constraint failed: wagtailsearch_indexentry`` when
another process indexed the same page at the same moment. Here four real processes delete and
re-index the same pages in a loop against one database file; none may fail and every page ends
with exactly one entry.
"""

import pytest

PROCESSES = 4
ROUNDS = 15

HAMMER = f"""
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
backend = get_search_backend()
assert connection.vendor != "sqlite" or type(backend).__name__ == "SerializedSQLiteSearchBackend", type(backend)
pages = list(Page.objects.filter(depth__gt=1).specific().order_by("pk")[:25])
for _ in range({ROUNDS}):
    for page in pages:
        backend.delete(page)
        backend.add(page)
print("indexed", len(pages))
"""

COUNT = """
from django.db.models import Count
from wagtail.models import Page
from wagtail.search.models import IndexEntry
pages = list(Page.objects.filter(depth__gt=1).order_by("pk").values_list("pk", flat=True)[:25])
rows = IndexEntry.objects.filter(object_id__in=[str(pk) for pk in pages]).values("content_type", "object_id")
print(max(row["n"] for row in rows.annotate(n=Count("id"))), len(rows))
"""


@pytest.mark.live
def test_processes_index_the_same_pages_at_once(live_portal):
    portal = live_portal(processes=())
    for returncode, output in portal.shells_at_once(HAMMER, PROCESSES):
        assert returncode == 0, output[-3000:]
        assert "indexed 25" in output, output[-3000:]
        assert "Traceback" not in output, output[-3000:]
    most, entries = portal.shell(COUNT).strip().splitlines()[-1].split()
    assert most == "1"
    assert int(entries) >= 20

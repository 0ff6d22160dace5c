"""Elasticsearch outages: editors' actions succeed, updates wait durably and are replayed in order."""

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from exemplar_pages.models import ExemplarStoryPage
from search.models import IndexOperation
from tests import factories, servers

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def silent_server():
    """A TCP server that accepts connections and never answers: a hung Elasticsearch."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted, stop = [], threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


def search_hits(client, q: str) -> dict[int, str]:
    """`{page id: title}` of the results."""
    data = client.get("/api/v3/search/", {"q": q, "page_size": 100}).json()
    assert data["backend"] == "elasticsearch"
    return {hit["id"]: hit["title"] for hit in data["results"]}


def search_ids(client, q: str) -> set[int]:
    return set(search_hits(client, q))


def editors_work_during_the_outage(django_capture_on_commit_callbacks) -> dict:
    """Publish, republish twice, unpublish: what an editor does while Elasticsearch is away."""
    unit = factories.unit("UBND xã Mất Kết Nối")
    demo_story = ExemplarStoryPage.objects.live().public().order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        new = factories.story(unit, "Đại bàng tung cánh khi mất kết nối")
        edited = factories.story(unit, "Chim ưng bản đầu")
    with django_capture_on_commit_callbacks(execute=True):
        edited.title = "Chim ưng bản hai"
        factories.publish(edited)
    with django_capture_on_commit_callbacks(execute=True):
        edited.title = "Chim ưng bản ba"
        factories.publish(edited)
    with django_capture_on_commit_callbacks(execute=True):
        demo_story.unpublish()
    return {"new": new, "edited": edited, "unpublished": demo_story}


def assert_recovered(client, settings, real_url: str, pages: dict) -> None:
    """Back online: replay empties the queue, the index matches the pages, searches see the changes."""
    settings.ELASTICSEARCH_URL = real_url
    call_command("search_index", "replay")
    assert not IndexOperation.objects.filter(done_at__isnull=True).exists()
    call_command("search_index", "check", backend="elasticsearch", no_progress=True)
    assert pages["new"].pk in search_ids(client, "đại bàng tung cánh")
    assert pages["edited"].pk in search_ids(client, "chim ưng bản ba")
    assert search_hits(client, "chim ưng bản đầu")[pages["edited"].pk] == "Chim ưng bản ba"  # three words of four
    assert pages["edited"].pk not in search_ids(client, "đầu")
    assert pages["unpublished"].pk not in search_ids(client, pages["unpublished"].title)


def test_outage_keeps_updates_and_replays_them(
    client, settings, elasticsearch_backend, django_capture_on_commit_callbacks
):
    real_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    pages = editors_work_during_the_outage(django_capture_on_commit_callbacks)
    assert ExemplarStoryPage.objects.get(pk=pages["new"].pk).live
    assert ExemplarStoryPage.objects.get(pk=pages["edited"].pk).title == "Chim ưng bản ba"
    assert not ExemplarStoryPage.objects.get(pk=pages["unpublished"].pk).live
    pending = IndexOperation.objects.filter(done_at__isnull=True)
    assert pending.count() >= 4
    assert all(op.attempts >= 1 and op.last_error for op in pending)
    with pytest.raises(CommandError):
        call_command("search_index", "replay")
    assert_recovered(client, settings, real_url, pages)


def test_hung_elasticsearch_times_out_without_failing_the_editor(
    client, settings, elasticsearch_backend, django_capture_on_commit_callbacks
):
    real_url = settings.ELASTICSEARCH_URL
    settings.SEARCH_ELASTICSEARCH_TIMEOUT = 0.5
    with silent_server() as hung_url:
        settings.ELASTICSEARCH_URL = hung_url
        started = time.monotonic()
        pages = editors_work_during_the_outage(django_capture_on_commit_callbacks)
        assert time.monotonic() - started < 30
    assert "Timeout" in IndexOperation.objects.filter(done_at__isnull=True).first().last_error
    assert_recovered(client, settings, real_url, pages)


def test_search_answers_from_the_database_while_elasticsearch_is_down(client, settings, elasticsearch_backend):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"
    settings.SEARCH_FALLBACK_TO_DATABASE = True
    data = client.get("/api/v3/search/", {"q": "nông nghiệp"}).json()
    assert data["backend"] == "database" and data["count"] > 0
    settings.SEARCH_FALLBACK_TO_DATABASE = False
    response = client.get("/api/v3/search/", {"q": "nông nghiệp"})
    assert response.status_code == 503 and "tạm thời" in response.json()["detail"]
    assert client.get("/tim-kiem/", {"q": "nông nghiệp"}).status_code == 503


@pytest.mark.slow
@pytest.mark.skipif(
    bool(os.environ.get("ELASTICSEARCH_URL")),
    reason="an Elasticsearch given by ELASTICSEARCH_URL says nothing of the scripts' node; this runs on one of its own",
)
def test_real_server_stop_and_start(
    client, settings, search_index, elasticsearch_server, django_capture_on_commit_callbacks
):
    """A node of this test's own (the suite's other tests keep theirs) is stopped under the editors and started again."""
    from search.replay import rebuild_elasticsearch

    # Outside pytest's private temporary directory: the node runs as its own user when the tests run as root.
    run_dir = Path(tempfile.mkdtemp(prefix="thidua-es-outage-"))
    run_dir.chmod(0o755)
    env = {**os.environ, "ELASTICSEARCH_PORT": str(free_port()), "THIDUA_RUN": str(run_dir)}

    def node(action: str) -> str:
        script = str(servers.SCRIPTS_DIR / "elasticsearch")
        return subprocess.run([script, action], env=env, check=True, capture_output=True, text=True, timeout=600).stdout

    try:
        own_url = node("start").strip().splitlines()[-1]
        assert own_url.startswith("http://127.0.0.1:") and own_url != elasticsearch_server
        settings.ELASTICSEARCH_URL = own_url
        rebuild_elasticsearch()
        node("stop")
        try:
            pages = editors_work_during_the_outage(django_capture_on_commit_callbacks)
            assert IndexOperation.objects.filter(done_at__isnull=True).count() >= 4
        finally:
            node("start")
        assert_recovered(client, settings, own_url, pages)
    finally:
        node("stop")
        shutil.rmtree(run_dir, ignore_errors=True)


def test_the_unreachable_elasticsearch_warning_is_a_deploy_check(settings):
    """search.W001 opens a connection, so only `check --deploy` makes it (STYLE: wagtail/admin/checks.py)."""
    from django.core.checks import run_checks

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{probe.getsockname()[1]}"
    assert "search.W001" not in {message.id for message in run_checks()}
    deploy = [message for message in run_checks(include_deployment_checks=True) if message.id == "search.W001"]
    assert len(deploy) == 1 and settings.ELASTICSEARCH_URL in deploy[0].msg

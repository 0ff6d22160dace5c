"""Faults under the real processes: a worker killed mid-task, PostgreSQL stopped, the mail server down.

Each test runs `run_worker` and `run_scheduler` (and the web server when it needs one) as
`make demo` does, through tests/live.py, with short intervals so that a retry comes in seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests import servers
from tests.live import MANAGE, REPO_DIR, LivePortal, Template, base_environment, free_port, postgres_server_url

pytestmark = [pytest.mark.live, pytest.mark.slow]

#: Seconds instead of minutes: sweeps, reclaims, heartbeats, backoffs.
FAST = {
    "OPERATIONS_SWEEP_SECONDS": "2",
    "OPERATIONS_RECLAIM_SECONDS": "2",
    "OPERATIONS_WORKER_HEARTBEAT_SECONDS": "1",
    "OPERATIONS_WORKER_STALE_SECONDS": "5",
    "OPERATIONS_DATABASE_RETRY_MAX_SECONDS": "3",
    "OPERATIONS_EMAIL_RETRY_BASE_SECONDS": "1",
    "OPERATIONS_EMAIL_RETRY_MAX_SECONDS": "2",
    "SEARCH_REPLAY_RETRY_BASE_SECONDS": "1",
    "SEARCH_REPLAY_RETRY_MAX_SECONDS": "2",
}


def query(portal: LivePortal, code: str):
    """Run Python in the portal's `manage.py shell`; its last printed line is read as JSON."""
    return json.loads(portal.shell(code).strip().splitlines()[-1])


def tasks_of(portal: LivePortal, task_path: str) -> list[dict]:
    return query(
        portal,
        "import json; from django_tasks_db.models import DBTaskResult; "
        f"print(json.dumps([dict(id=str(t.id), status=t.status, workers=t.worker_ids) "
        f"for t in DBTaskResult.objects.filter(task_path={task_path!r}).order_by('enqueued_at')]))",
    )


def running_tasks(portal: LivePortal, *paths: str) -> list[tuple[str, str]]:
    """(task path, id) of the RUNNING tasks of some paths."""
    return [(path, task["id"]) for path in paths for task in tasks_of(portal, path) if task["status"] == "RUNNING"]


def wait_for_running(portal: LivePortal, *paths: str) -> list[tuple[str, str]]:
    """Wait until one of these tasks stays RUNNING over two looks: the worker is held inside it."""
    held: list[list[tuple[str, str]]] = []

    def still_running() -> bool:
        held.append(running_tasks(portal, *paths))
        return len(held) > 1 and bool(held[-1]) and held[-1] == held[-2]

    portal.wait_until(still_running, timeout=240, interval=2, message=f"none of {paths} was held")
    return held[-1]


def emails(portal: LivePortal) -> list[dict]:
    return query(
        portal,
        "import json; from operations.models import OutgoingEmail; print(json.dumps(list("
        "OutgoingEmail.objects.order_by('id').values('id', 'subject', 'recipients', 'status', 'attempts', 'last_error'))))",
    )


class HungServer:
    """A TCP server that accepts connections and never answers: a hung Elasticsearch or mail server."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self) -> None:
        while not self.stop.is_set():
            try:
                self.accepted.append(self.listener.accept()[0])
            except OSError:
                continue

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        for connection in self.accepted:
            connection.close()
        self.listener.close()


class Collector:
    """An aiosmtpd handler keeping every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[dict] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's hook name)
        from email import message_from_bytes
        from email.header import decode_header, make_header

        message = message_from_bytes(envelope.original_content)
        self.messages.append(
            {
                "to": tuple(envelope.rcpt_tos),
                "subject": str(make_header(decode_header(message["Subject"]))),
                "outbox_id": message["X-Thidua-Outbox-Id"],
            }
        )
        return "250 OK"


def smtp_settings(port: int, timeout: int) -> dict[str, str]:
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_TIMEOUT": str(timeout),
    }


@contextmanager
def smtp_server(port: int):
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield collector
    finally:
        controller.stop()


def test_a_worker_killed_during_an_index_replay_leaves_nothing_pending(live_portal, elasticsearch_server):
    from elasticsearch import Elasticsearch

    index = f"thidua-fault-{uuid.uuid4().hex[:8]}"
    hung = HungServer()
    try:
        portal = live_portal(
            processes=("worker", "scheduler"),
            env={
                **FAST,
                "ELASTICSEARCH_URL": f"http://127.0.0.1:{hung.port}",
                "SEARCH_INDEX_NAME": index,
                "SEARCH_ELASTICSEARCH_TIMEOUT": "300",
            },
        )
        # 50 published stories change: 50 index operations, queued durably, and a replay enqueued.
        page_ids = query(
            portal,
            "import json; from exemplar_pages.models import ExemplarStoryPage; from search.indexing import reindex_pages; "
            "ids = list(ExemplarStoryPage.objects.live().public().order_by('pk').values_list('pk', flat=True)[:50]); "
            "reindex_pages(ids); print(json.dumps(ids))",
        )
        assert len(page_ids) == 50
        # The worker is inside a replay: its task is RUNNING, its request held by the silent Elasticsearch.
        # The replay runs in the replay task enqueued after commit, or in a sweep that came first.
        killed = wait_for_running(portal, "search.tasks.replay_index_operations", "operations.tasks.sweep")
        portal.kill("worker")  # SIGKILL: no clean-up at all
    finally:
        hung.close()
    assert len(killed) == 1
    pending = (
        "from search.models import IndexOperation; print(IndexOperation.objects.filter(done_at__isnull=True).count())"
    )
    assert query(portal, pending) == 50
    # Elasticsearch is reachable again for the restarted worker: the sweep (or the reclaimed replay) catches up.
    portal.env["ELASTICSEARCH_URL"] = elasticsearch_server
    portal.start_process("worker")
    portal.wait_until(lambda: query(portal, pending) == 0, timeout=180, message="operations still pending")
    client = Elasticsearch(elasticsearch_server)
    try:
        client.indices.refresh(index=index)
        hits = client.search(index=index, size=100, source=False)["hits"]["hits"]
        assert {int(hit["_id"]) for hit in hits} == set(page_ids)
    finally:
        client.indices.delete(index=f"{index}-*", ignore_unavailable=True)
    # The task the killed worker held is run again, by the new worker, once the old one's heartbeat is stale.
    [(path, killed_id)] = killed

    def rerun() -> bool:
        task = {task["id"]: task for task in tasks_of(portal, path)}[killed_id]
        return task["status"] == "SUCCESSFUL" and len(set(task["workers"])) == 2

    portal.wait_until(rerun, timeout=120, message="the killed worker's task was not run again")
    assert "was left running by stopped worker" in portal.log("worker")
    assert portal.alive("worker") and portal.alive("scheduler")


def test_a_task_left_running_by_a_killed_worker_is_run_by_another_and_its_email_sent_once(live_portal):
    hung, smtp_port = HungServer(), free_port()
    try:
        portal = live_portal(
            processes=("worker", "scheduler"),
            env={**FAST, **smtp_settings(hung.port, timeout=300)},
        )
        email_id = query(
            portal,
            "from django.db import transaction; from operations.outbox import queue_email\n"
            "with transaction.atomic(): email_id = queue_email('Thư thử nghiệm', 'Nội dung', ['canbo@example.org'])\n"
            "print(email_id)",
        )
        # The e-mail is sent by its own task, enqueued after commit, or by a sweep that came first.
        [(path, held_id)] = wait_for_running(portal, "operations.tasks.send_email", "operations.tasks.sweep")
        portal.kill("worker")
    finally:
        hung.close()
    assert [email["status"] for email in emails(portal)] == ["sending"]
    with smtp_server(smtp_port) as server:
        portal.env.update(EMAIL_PORT=str(smtp_port), EMAIL_TIMEOUT="10")
        portal.start_process("worker")

        def rerun() -> bool:
            task = {task["id"]: task for task in tasks_of(portal, path)}[held_id]
            return task["status"] == "SUCCESSFUL" and len(set(task["workers"])) == 2

        portal.wait_until(rerun, timeout=120, message="the held task was not run by another worker")
        portal.wait_until(lambda: emails(portal)[0]["status"] == "sent", timeout=60)
        time.sleep(5)  # more sweeps and reclaims: still one message
        assert [message["outbox_id"] for message in server.messages] == [str(email_id)]
    assert portal.alive("worker") and portal.alive("scheduler")


def test_notifications_wait_for_the_mail_server_and_each_is_delivered_once(live_portal):
    port = free_port()
    portal = live_portal(env={**FAST, **smtp_settings(port, timeout=10), "OPERATIONS_EMAIL_MAX_ATTEMPTS": "1000"})
    page_id = query(
        portal,
        "from django.contrib.auth import get_user_model; from exemplar_pages.models import ExemplarStoryPage; "
        "from exemplar_pages.moderation import service; editor = get_user_model().objects.get(username='bientapvien'); "
        "print(next(p.pk for p in ExemplarStoryPage.objects.filter(live=False).order_by('pk') "
        "if 'submit' in service.available_actions(p, editor)))",
    )
    # The mail server is down while the editor submits and the standing office passes the story on.
    for user, action in (("bientapvien", "submit"), ("thuongtruc", "approve")):
        response = portal.request(
            "POST", f"/api/v3/workflow/pages/{page_id}/{action}/", token=user, json={"comment": ""}
        )
        assert response.status == 200, response.text
    portal.wait_until(
        lambda: (rows := emails(portal)) and all(row["attempts"] >= 2 and row["status"] == "pending" for row in rows),
        timeout=180,
        message="the notifications were not retried while the mail server was down",
    )
    queued = emails(portal)
    assert len(queued) >= 4 and all("Connection refused" in row["last_error"] for row in queued)
    with smtp_server(port) as server:
        portal.wait_until(lambda: all(row["status"] == "sent" for row in emails(portal)), timeout=120)
        time.sleep(6)  # a few more sweeps: nothing is sent twice
        delivered = Counter((message["to"], message["subject"]) for message in server.messages)
    expected = Counter((tuple(row["recipients"]), row["subject"]) for row in queued)
    assert delivered == expected and set(delivered.values()) == {1}
    assert sorted(int(message["outbox_id"]) for message in server.messages) == [row["id"] for row in queued]
    assert {"thuongtruc@example.org", "hoidong1@example.org"} <= {to for (to,), _ in delivered}
    portal.assert_logs_clean()
    # SIGTERM stops both cleanly.
    assert portal.stop_process("scheduler") == 0 and "scheduler: stopped" in portal.log("scheduler")
    assert portal.stop_process("worker") == 0


# PostgreSQL is stopped under the processes: not the suite's server, but a throwaway cluster of this test.
SCRIPT = str(servers.SCRIPTS_DIR / "postgres")


def postgres(action: str, port: int, run_dir: Path) -> str:
    env = {**os.environ, "POSTGRES_PORT": str(port), "THIDUA_RUN": str(run_dir)}
    result = subprocess.run([SCRIPT, action], env=env, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.skipif(not postgres_server_url(), reason="runs on the suite's PostgreSQL run (make test runs it there)")
def test_worker_and_scheduler_carry_on_after_postgresql_stops_for_30_seconds(tmp_path):
    # Outside pytest's private temporary directory: PostgreSQL runs as its own user when the tests run as root.
    port, run_dir = free_port(), Path(tempfile.mkdtemp(prefix="thidua-pg-outage-"))
    run_dir.chmod(0o755)
    url = postgres("start", port, run_dir).strip().splitlines()[-1].removeprefix("DATABASE_URL=")
    portal = None
    try:
        migrate = subprocess.run(
            [*MANAGE, "migrate", "--no-input"],
            cwd=REPO_DIR,
            env=base_environment(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="cms.settings.dev"),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert migrate.returncode == 0, migrate.stderr
        template = Template(tmp_path / "template", url, url, "thidua", tokens={})
        portal = LivePortal(tmp_path / "portal", template, processes=("worker", "scheduler"), env=FAST).start()
        swept = "operations.tasks.sweep state=SUCCESSFUL"
        portal.wait_until(lambda: swept in portal.log("worker"), timeout=120, message="no sweep before the outage")
        postgres("stop", port, run_dir)
        time.sleep(30)
        assert portal.alive("worker") and portal.alive("scheduler")
        postgres("start", port, run_dir)
        for name in ("worker", "scheduler"):
            portal.wait_until(
                lambda name=name: "database available again" in portal.log(name),
                timeout=90,
                message=f"{name} did not report the database back",
            )
        task_id = query(
            portal,
            "import json; from operations.tasks import reclaim_abandoned; print(json.dumps(reclaim_abandoned.enqueue().id))",
        )
        portal.wait_until(
            lambda: (
                {t["id"]: t["status"] for t in tasks_of(portal, "operations.tasks.reclaim_abandoned")}.get(task_id)
                == "SUCCESSFUL"
            ),
            timeout=90,
            message="a task enqueued after the outage did not run",
        )
        sweeps_before = portal.log("worker").count(swept)
        portal.wait_until(lambda: portal.log("worker").count(swept) > sweeps_before, timeout=60)
        for name in ("worker", "scheduler"):
            log = portal.log(name)
            assert "database unavailable" in log and "database available again" in log
            assert portal.alive(name)
        portal.assert_logs_clean()
    finally:
        if portal is not None:
            portal.stop()
        postgres("stop", port, run_dir)
        shutil.rmtree(run_dir, ignore_errors=True)

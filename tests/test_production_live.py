"""Production serving with the real processes: gunicorn on the production settings after
collectstatic, `make demo`'s processes with DEBUG off, and `deploy/run` as one process group."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from tests.live import MANAGE, REPO_DIR, base_environment, free_port
from tests.test_production import EXTERNAL_ASSET, asset_links

pytestmark = [pytest.mark.live, pytest.mark.slow]

SITE = "http://portal.example.test"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HASHED_CSS = re.compile(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"')
DEBUG_PAGE = re.compile(r"Traceback|URLconf|technical_500|Page not found|You're seeing this error")


def production_env(static_root) -> dict[str, str]:
    return {
        "SECRET_KEY": "live-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,portal.example.test",
        "SITE_URL": SITE,
        "STATIC_ROOT": str(static_root),  # collected as `make serve` does (tests/live.py: collected_static)
        "SECURE_SSL_REDIRECT": "0",  # plain http on the loopback
        "ALLOW_DEMO_ACCOUNTS": "1",  # the seeded demo accounts (home/checks.py)
    }


def path_of(url: str) -> str:
    assert url.startswith(SITE + "/"), url
    return url.removeprefix(SITE)


def test_gunicorn_serves_the_portal_on_site_url_with_production_settings(live_portal, collected_static):
    portal = live_portal(
        processes=(), settings="cms.settings.production", web="gunicorn", env=production_env(collected_static)
    )
    # What `make serve` does before starting the processes (collectstatic: the collected_static fixture).
    portal.manage("migrate", "--no-input")
    for name in ("web", "worker", "scheduler"):
        portal.start_process(name)
    portal.wait_for_web()

    home = portal.request("GET", "/")
    assert home.status == 200
    for column in ("/thi-dua-yeu-nuoc/", "/dien-hinh-tien-tien/"):
        assert portal.request("GET", column).status == 200, column

    # A hashed static file, served by whitenoise for a year.
    css = HASHED_CSS.search(home.text).group(1)
    answer = portal.request("GET", css)
    assert answer.status == 200 and "max-age=315360000" in answer.headers["Cache-Control"]
    assert ".site-header" in answer.text

    # A story, found through the API, whose absolute URLs are on SITE_URL.
    listing = portal.request("GET", "/api/v3/pages/?slug=dien-hinh-tien-tien").json()["items"][0]
    assert listing["meta"]["detail_url"] == f"{SITE}/api/v3/pages/{listing['id']}/"
    rss = ET.fromstring(portal.request("GET", "/dien-hinh-tien-tien/rss/").text)
    links = [item.findtext("link") for item in rss.iter("item")]
    assert links and all(link.startswith(SITE + "/") for link in links)
    assert rss.find("channel").findtext("link") == SITE + "/dien-hinh-tien-tien/"
    story = portal.request("GET", path_of(links[0]))
    assert story.status == 200 and rss.find("channel/item").findtext("title") in story.text
    assert f"Nguồn: {links[0]}" in portal.request("GET", path_of(links[0]) + "print/").text
    sitemap = ET.fromstring(portal.request("GET", "/sitemap.xml").text)
    locations = [loc.text for loc in sitemap.iter(SITEMAP + "loc")]
    assert links[0] in locations and all(location.startswith(SITE + "/") for location in locations)

    # The API docs, with every asset from the site itself.
    docs = portal.request("GET", "/api/v3/docs/")
    assert docs.status == 200 and not EXTERNAL_ASSET.search(docs.text)
    assets = asset_links(docs.text)
    assert any(re.fullmatch(r"/static/ninja/swagger-ui-bundle\.[0-9a-f]{12}\.js", link) for link in assets)
    for link in assets:
        assert portal.request("GET", link).status == 200, link

    missing = portal.request("GET", "/khong-co-trang-nay/")
    assert missing.status == 404 and "<h1>Không tìm thấy trang</h1>" in missing.text
    assert not DEBUG_PAGE.search(missing.text)

    time.sleep(3)
    assert all(portal.alive(name) for name in ("web", "worker", "scheduler"))
    assert '"GET /dien-hinh-tien-tien/rss/ HTTP/1.1" 200' in portal.log("web")  # the access log
    portal.assert_logs_clean()


def test_demo_processes_show_citizens_no_debug_page(live_portal):
    """`make demo`: the dev settings with DEBUG=0, static files and uploaded images still served."""
    portal = live_portal(env={"DEBUG": "0"})
    missing = portal.request("GET", "/khong-co-trang-nay/")
    assert missing.status == 404 and "<h1>Không tìm thấy trang</h1>" in missing.text
    assert not DEBUG_PAGE.search(missing.text)
    assert portal.request("GET", "/static/css/portal.css").status == 200
    assert portal.request("GET", "/static/ninja/swagger-ui-bundle.js").status == 200
    # A burst: 300 citizens connect at the same moment; each gets an answer (runserver's queue of 10 lost 27).
    assert burst(portal, "/static/css/portal.css", 300) == {200: 300}

    portal.shell(
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage\n"
        "default_storage.save('original_images/thu.png', ContentFile(b'png'))\n"
        "default_storage.save('documents/rieng.pdf', ContentFile(b'pdf'))\n"
    )
    image = portal.request("GET", "/media/original_images/thu.png")
    assert image.status == 200 and image.text == "png"
    document = portal.request("GET", "/media/documents/rieng.pdf")  # only through Wagtail's document view
    assert document.status == 404 and "rieng" not in document.text and not DEBUG_PAGE.search(document.text)
    assert all(portal.alive(name) for name in ("web", "worker", "scheduler"))
    portal.assert_logs_clean()


def burst(portal, path: str, clients: int) -> dict:
    """Statuses (or errors) of `clients` requests whose connections all open at the same moment."""
    barrier, results = threading.Barrier(clients), []

    def client() -> None:
        barrier.wait()
        try:
            results.append(portal.request("GET", path, timeout=30).status)
        except OSError as error:  # refused, reset or timed out
            results.append(type(error).__name__)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return dict(Counter(results))


def read_until(log: Path, pattern: str, timeout: float = 90) -> str:
    """The log of a process group once a line matches `pattern`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        if re.search(pattern, text):
            return text
        time.sleep(0.2)
    raise AssertionError(f"no line matching {pattern!r} in:\n{log.read_text(errors='replace')}")


def gone(pid: int, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def serve_group(tmp_path, live_template, collected_static):
    """`deploy/run serve` (what `make serve` starts after collectstatic and migrate), without Varnish,
    on a copy of the seeded database: (the group's process, its log, the pids of web, worker, scheduler)."""
    port = free_port()
    database_url = live_template.new_database(tmp_path)
    env = base_environment(
        **production_env(collected_static),
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp_path / "media"),
        HOST="127.0.0.1",
        PORT=str(port),
        SERVE_WITH_VARNISH="0",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
    )
    subprocess.run(
        [*MANAGE, "migrate", "--no-input"], cwd=REPO_DIR, env=env, check=True, timeout=600, capture_output=True
    )
    log = tmp_path / "group.log"
    with log.open("w") as output:
        group = subprocess.Popen(
            ["deploy/run", "serve"], cwd=REPO_DIR, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    pids: dict[str, int] = {}
    try:
        read_until(log, rf"Listening at: http://127\.0\.0\.1:{port}")
        text = read_until(log, r"(?s)(\.1 started \(pid=\d+\).*){3}")
        pids = {name: int(pid) for name, pid in re.findall(r"(\w+)\.1 started \(pid=(\d+)\)", text)}
        assert set(pids) == {"web", "worker", "scheduler"}, text
        # the first page of a cold process: about a second alone, over 30 s on a busy two-core CI machine
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/dien-hinh-tien-tien/", timeout=120) as answer:  # noqa: S310
            assert answer.status == 200
        yield group, log, pids
    finally:
        if group.poll() is None:
            group.terminate()
            try:
                group.wait(timeout=30)
            except subprocess.TimeoutExpired:
                group.kill()
        for pid in pids.values():
            if not gone(pid, timeout=5):
                os.kill(pid, signal.SIGKILL)
        live_template.drop_database(database_url)


def test_deploy_run_stops_the_whole_group_on_sigterm(serve_group):
    group, log, pids = serve_group
    group.send_signal(signal.SIGTERM)
    group.wait(timeout=60)
    assert all(gone(pid) for pid in pids.values()), (pids, log.read_text())
    assert re.search(r"sending SIGTERM to worker\.1", log.read_text())


def test_deploy_run_makes_a_dying_process_visible_and_stops_the_others(serve_group):
    group, log, pids = serve_group
    os.kill(pids["worker"], signal.SIGKILL)
    assert group.wait(timeout=60) != 0
    assert re.search(r"worker\.1 stopped \(rc=(-9|137)\)", log.read_text()), log.read_text()
    assert all(gone(pid) for pid in pids.values()), (pids, log.read_text())

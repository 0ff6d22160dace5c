"""Varnish in front of the portal (DESIGN §7): deploy/varnish.vcl, scripts/varnish, and the live portal behind it.

Varnish is Debian's, started by `scripts/varnish` on free ports. Without varnishd these tests skip,
unless REQUIRE_VARNISH, REQUIRE_BROWSER or CI asks for them to fail (tests/servers.py).
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
from collections import Counter
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode, urlsplit

import pytest

from tests import servers
from tests.live import FULL_REVIEW, free_port

pytestmark = [pytest.mark.slow, pytest.mark.any_database]  # Varnish caches the same pages on any database


class Answer:
    """One HTTP response: status, headers (lower-case names), text."""

    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = {name.lower(): value for name, value in response.getheaders()}
        self.cookies = [value for name, value in response.getheaders() if name.lower() == "set-cookie"]
        self.text = response.read().decode("utf-8", "replace")

    @property
    def cache(self) -> str:
        return self.headers.get("x-cache", "")


def fetch(base_url: str, path: str, method: str = "GET", headers: dict | None = None, body: bytes | None = None):
    """One request on a fresh connection, redirects not followed."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        return Answer(connection.getresponse())
    finally:
        connection.close()


@pytest.fixture
def start_varnish():
    """A factory: ``start_varnish("127.0.0.1:PORT")`` runs Varnish in front of that backend; all stop after the test."""
    if not servers.varnish_available() and not servers.varnish_required():
        pytest.skip("varnishd is not installed (apt-get install varnish); REQUIRE_VARNISH=1 makes this a failure")
    started: list[servers.Varnish] = []

    def start(backend: str) -> servers.Varnish:
        varnish = servers.Varnish(backend, f"127.0.0.1:{free_port()}")
        started.append(varnish)
        return varnish.start()

    yield start
    for varnish in started:
        varnish.stop()


class Backend(ThreadingHTTPServer):
    """A small origin: `/public/…` may be shared, `/private/…` is private, `/cookie/…` sets a cookie,
    `/plain/…` says nothing; each answer tells how often its URL was fetched and which cookies came."""

    def __init__(self) -> None:
        self.fetched: Counter[str] = Counter()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def answer(handler) -> None:  # noqa: N805 (http.server's naming)
                handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
                self.fetched[handler.path] += 1
                body = f"{handler.path} #{self.fetched[handler.path]} cookie={handler.headers.get('Cookie')}".encode()
                handler.send_response(200)
                kind = handler.path.split("/")[1]
                if kind in ("public", "admin", "cookie"):
                    handler.send_header("Cache-Control", "public, max-age=0, s-maxage=300")
                elif kind == "private":
                    handler.send_header("Cache-Control", "private")
                if kind == "cookie":
                    handler.send_header("Set-Cookie", "seen=1")
                handler.send_header("Vary", "Accept-Language, Cookie")
                handler.send_header("Content-Type", "text/plain; charset=utf-8")
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                handler.wfile.write(body)

            do_GET = do_POST = answer  # noqa: N815

            def log_message(handler, *args) -> None:  # noqa: N805
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def origin():
    server = Backend()
    yield server
    server.shutdown()
    server.server_close()


def test_the_vcl_shares_anonymous_reads_passes_private_ones_and_bans_on_purge(start_varnish, origin):
    varnish = start_varnish(origin.address)
    url = varnish.url

    def twice(path: str, **options) -> tuple[Answer, Answer]:
        return fetch(url, path, **options), fetch(url, path, **options)

    first, second = twice("/public/a/")
    assert (first.cache, second.cache) == ("MISS", "HIT") and second.text == first.text and "age" in second.headers
    assert "cookie" not in second.headers.get("vary", "").lower()
    assert fetch(url, "/public/a/?page=2").cache == "MISS" and fetch(url, "/public/a/?page=2").cache == "HIT"
    # Tracking cookies and the browser's languages do not split the cache; the CSRF cookie reaches the origin.
    noisy = {"Cookie": "_ga=GA1.2.3; csrftoken=abc123", "Accept-Language": "en-GB,en"}
    assert fetch(url, "/public/a/", headers=noisy).text == first.text
    assert fetch(url, "/public/c/", headers=noisy).text.endswith("cookie=csrftoken=abc123")
    fetched = origin.fetched["/public/a/"]

    # Never shared: a session, a messages cookie, a token, the admin, other methods, private or cookie-setting answers.
    for path, options in (
        ("/public/a/", {"headers": {"Cookie": "sessionid=s1; csrftoken=abc123"}}),
        ("/public/a/", {"headers": {"Cookie": "messages=m1"}}),
        ("/public/a/", {"headers": {"Authorization": "Bearer wagtail_x"}}),
        ("/public/a/", {"method": "POST", "body": b"x=1"}),
        ("/admin/pages/", {}),
        ("/private/a/", {}),
        ("/cookie/a/", {}),
        ("/plain/a/", {}),
    ):
        answers = twice(path, **options)
        assert [answer.cache for answer in answers] == ["PASS", "PASS"], (path, options)
        assert answers[0].text != answers[1].text, (path, options)  # the origin answered both
    assert origin.fetched["/public/a/"] == fetched + 8
    assert "sessionid=s1" in fetch(url, "/public/a/", headers={"Cookie": "sessionid=s1"}).text

    # PURGE /path/ bans that path with every query string; PURGE /path/* everything under it.
    assert fetch(url, "/public/a/b/").cache == "MISS" and fetch(url, "/public/a/b/").cache == "HIT"
    assert fetch(url, "/public/a/", method="PURGE").status == 200
    assert [fetch(url, path).cache for path in ("/public/a/", "/public/a/?page=2", "/public/a/b/")] == [
        "MISS",
        "MISS",
        "HIT",
    ]
    assert fetch(url, "/public/a/*", method="PURGE").status == 200
    assert [fetch(url, path).cache for path in ("/public/a/b/", "/public/c/")] == ["MISS", "HIT"]
    # BAN with a regular expression, for operators.
    assert fetch(url, "/", method="BAN", headers={"X-Ban-Url": "^/public/c"}).status == 200
    assert fetch(url, "/public/c/").cache == "MISS"
    # A purge relayed by a proxy in front of Varnish (X-Forwarded-For) is refused and bans nothing.
    assert fetch(url, "/*", method="PURGE", headers={"X-Forwarded-For": "203.0.113.9"}).status == 405
    assert fetch(url, "/*", method="PURGE", headers={"X-Forwarded-Proto": "https"}).status == 405
    assert fetch(url, "/public/c/").cache == "HIT"

    assert varnish.running()
    varnish.stop()
    assert not varnish.running()
    with pytest.raises(OSError):
        fetch(url, "/public/a/")


# The live portal behind Varnish.


@pytest.fixture
def cached_portal(live_portal, start_varnish):
    """The portal's web, worker and scheduler, with Varnish in front of the web server and purged by them."""
    port = free_port()
    varnish = start_varnish(f"127.0.0.1:{port}")
    portal = live_portal(port=port, env={"FRONTEND_CACHE_URL": varnish.url})
    portal.varnish_url = varnish.url
    return portal


def read_twice(portal, path: str, **options) -> tuple[Answer, Answer]:
    return fetch(portal.varnish_url, path, **options), fetch(portal.varnish_url, path, **options)


def log_in(portal, username: str) -> str:
    """Log in through Varnish as a demo user; returns the Cookie header of the session."""
    form = fetch(portal.varnish_url, "/admin/login/")
    assert form.cache == "PASS"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    csrf_cookie = next(cookie.split(";")[0] for cookie in form.cookies if cookie.startswith("csrftoken="))
    answer = fetch(
        portal.varnish_url,
        "/admin/login/",
        method="POST",
        headers={"Cookie": csrf_cookie, "Content-Type": "application/x-www-form-urlencoded"},
        body=urlencode({"csrfmiddlewaretoken": token, "username": username, "password": "thidua-demo-2026"}).encode(),
    )
    assert answer.status == 302 and answer.cache == "PASS", answer.text[:500]
    session = next(cookie.split(";")[0] for cookie in answer.cookies if cookie.startswith("sessionid="))
    return f"{csrf_cookie}; {session}"


COLUMN = "/dien-hinh-tien-tien/"


def requests_logged(portal, method: str, path: str, expected: int) -> int:
    """How many times the web server's log shows this request (runserver's access lines), once the
    expected count is there or 5 s have passed (runserver writes the line after the answer), and a
    moment more for any request beyond it to show."""

    def count() -> int:
        return len(re.findall(rf'"{method} {re.escape(path)} HTTP/1\.1" \d{{3}}', portal.log("web")))

    deadline = time.monotonic() + 5
    while count() < expected and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    return count()


@pytest.mark.live
def test_reads_are_served_from_varnish_and_private_requests_reach_the_portal(cached_portal):
    portal = cached_portal
    first, second = read_twice(portal, COLUMN)
    assert first.status == 200 and (first.cache, second.cache) == ("MISS", "HIT")
    assert second.text == first.text and "s-maxage=300" in second.headers["cache-control"]
    assert requests_logged(portal, "GET", COLUMN, 1) == 1  # the second read never reached the portal
    # A visitor's tracking cookie changes nothing.
    assert fetch(portal.varnish_url, COLUMN, headers={"Cookie": "_ga=GA1.2.3"}).cache == "HIT"
    search = "/api/v3/search/?q=n%C3%B4ng+nghi%E1%BB%87p&page_size=5"
    first_search, second_search = read_twice(portal, search)
    assert (first_search.cache, second_search.cache) == ("MISS", "HIT") and second_search.text == first_search.text
    assert first_search.headers["content-type"].startswith("application/json")

    # A logged-in administrator, a token client and a POST go to the portal each time.
    cookie = log_in(portal, "admin")
    for path in (COLUMN, "/admin/"):
        answers = read_twice(portal, path, headers={"Cookie": cookie})
        assert [answer.status for answer in answers] == [200, 200], path
        assert [answer.cache for answer in answers] == ["PASS", "PASS"], path
        assert "private" in answers[1].headers["cache-control"], path
    assert requests_logged(portal, "GET", COLUMN, 3) == 3
    inbox = [portal.request("GET", "/api/v3/workflow/inbox/", token="thuongtruc", base_url=portal.varnish_url)]
    inbox.append(portal.request("GET", "/api/v3/workflow/inbox/", token="thuongtruc", base_url=portal.varnish_url))
    assert [answer.status for answer in inbox] == [200, 200]
    assert [answer.headers["X-Cache"] for answer in inbox] == ["PASS", "PASS"]
    posted = fetch(portal.varnish_url, COLUMN, method="POST", headers={"Content-Length": "0"})
    assert posted.cache == "PASS" and requests_logged(portal, "POST", COLUMN, 1) == 1
    portal.assert_logs_clean()


def titled(answer: Answer, title: str) -> bool:
    return title in answer.text or json_escaped(title) in answer.text


def json_escaped(text: str) -> str:
    """The text as a JSON string written in ASCII (`\\u00e1`, as Python's json and ninja write it)."""
    return json.dumps(text)[1:-1]


@pytest.mark.live
def test_a_publication_reaches_every_cached_place_and_a_retraction_or_relabel_too(cached_portal):
    portal = cached_portal
    ids = portal.demo_facts()
    title = "Gương sáng Đinh Thị Vạn Xuân giữ bộ đệm"
    search_api = "/api/v3/search/?q=V%E1%BA%A1n+Xu%C3%A2n+b%E1%BB%99+%C4%91%E1%BB%87m"
    places = [
        "/",
        COLUMN,
        COLUMN + "rss/",
        ids["unit_url"],
        "/sitemap.xml",
        search_api,
        "/tim-kiem/?q=V%E1%BA%A1n+Xu%C3%A2n",
    ]
    for path in places:
        answers = read_twice(portal, path)
        assert [answer.status for answer in answers] == [200, 200], path
        assert answers[1].cache == "HIT" and not titled(answers[1], title), path

    created = portal.create_story(
        title,
        ids,
        base_url=portal.varnish_url,
        subject_name="Đinh Thị Vạn Xuân",
        year=date.today().year,
        summary="Nữ nông dân giữ giống lúa thơm và giúp bà con cùng làm giàu.",
    )
    assert created.status == 201, created.text
    page_id = created.json()["id"]
    for user, action in FULL_REVIEW:
        answer = portal.review(page_id, user, action, "Đồng ý", base_url=portal.varnish_url)
        assert answer.status == 200 and answer.headers["X-Cache"] == "PASS", (user, action, answer.text)
    assert answer.json()["state"] == "published"
    story = urlsplit(portal.request("GET", f"/api/v3/pages/{page_id}/").json()["meta"]["html_url"]).path

    for path in [*places, story]:
        answer = fetch(portal.varnish_url, path)
        assert answer.status == 200 and answer.cache == "MISS", (path, answer.status, answer.cache)
        assert titled(answer, title) or (path == "/sitemap.xml" and story in answer.text), path
        assert fetch(portal.varnish_url, path).cache == "HIT", path

    retracted = portal.request(
        "POST",
        f"/api/v3/workflow/pages/{page_id}/retract/",
        token="thuongtruc",
        json={"comment": "Gỡ để sửa"},
        base_url=portal.varnish_url,
    )
    assert retracted.status == 200, retracted.text
    assert fetch(portal.varnish_url, story).status == 404
    for path in places:
        answer = fetch(portal.varnish_url, path)
        assert answer.status == 200 and not titled(answer, title) and story not in answer.text, path

    # The administrator renames a field in the admin: the column's facets show the new name at once.
    assert ids["field_name"] in fetch(portal.varnish_url, COLUMN).text
    assert fetch(portal.varnish_url, COLUMN).cache == "HIT"
    cookie = log_in(portal, "admin")
    edit = f"/admin/snippets/exemplar_pages/field/edit/{ids['field']}/"
    form = fetch(portal.varnish_url, edit, headers={"Cookie": cookie})
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    renamed = "Nông nghiệp và phát triển nông thôn"
    saved = fetch(
        portal.varnish_url,
        edit,
        method="POST",
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
        body=urlencode(
            {"csrfmiddlewaretoken": token, "name": renamed, "slug": "nong-nghiep", "description": ""}
        ).encode(),
    )
    assert saved.status == 302, saved.text[:2000]
    answer = fetch(portal.varnish_url, COLUMN)
    assert answer.cache == "MISS" and renamed in answer.text
    portal.assert_logs_clean()


PUBLISH_EXPIRING = """
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from exemplar_pages.models import Field, UnitPage
from tests import factories
unit = UnitPage.objects.get(slug="ubnd-thi-tran-tan-bien")
story = factories.story(unit, title="{title}", publish_it=False, field=Field.objects.get(slug="nong-nghiep"))
story.expire_at = timezone.now() + timedelta(seconds={seconds})
story.save_revision().publish(user=get_user_model().objects.get(username="admin"))
print(story.url, story.expire_at.timestamp())
"""


@pytest.mark.live
def test_no_cached_copy_outlives_a_page_expiry_even_before_publish_scheduled_runs(live_portal, start_varnish):
    port = free_port()
    varnish = start_varnish(f"127.0.0.1:{port}")
    # The web server only: no scheduler takes the page down, no purge comes at its expiry.
    portal = live_portal(port=port, processes=("web",), env={"FRONTEND_CACHE_URL": varnish.url})
    title = "Gương sáng hết hạn đúng giờ"
    story, expires = portal.shell(PUBLISH_EXPIRING.format(title=title, seconds=20)).strip().splitlines()[-1].split()
    time.sleep(1.5)  # the web process re-reads the next expiry at most every second
    for path in (COLUMN, story):
        answers = [fetch(varnish.url, path), fetch(varnish.url, path)]
        assert [answer.cache for answer in answers] == ["MISS", "HIT"] and titled(answers[1], title), path
        shared = int(re.search(r"s-maxage=(\d+)", answers[1].headers["cache-control"]).group(1))
        assert 0 < shared <= 20, path
    time.sleep(max(0.0, float(expires) - time.time()) + 1.5)
    column = fetch(varnish.url, COLUMN)
    assert column.cache == "MISS" and not titled(column, title)
    assert fetch(varnish.url, story).status == 404
    portal.assert_logs_clean()

"""The portal's side of the front-end cache: what each change purges, and which responses may be shared.

Purges are sent to a real HTTP server on 127.0.0.1 that records the PURGE requests it receives
(tests/test_varnish.py sends them to a real Varnish).
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.db import transaction
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.cache_headers import FrontendCacheHeadersMiddleware, forget_next_expiry
from exemplar_pages.models import ColumnPage, Field, Locality, MovementPage
from exemplar_pages.moderation import service
from tests import factories
from tests.moderation_fixtures import approve_fully, bearer, draft_story, fresh

pytestmark = pytest.mark.django_db


class PurgeRecorder(ThreadingHTTPServer):
    """An HTTP server that answers every PURGE with 200 and keeps (path, Host) of each."""

    def __init__(self) -> None:
        self.purges: list[tuple[str, str]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(handler) -> None:  # noqa: N802, N805 (http.server's naming)
                self.purges.append((handler.path, handler.headers.get("Host", "")))
                handler.send_response(200)
                handler.send_header("Content-Length", "0")
                handler.end_headers()

            def log_message(handler, *args) -> None:  # noqa: N805
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def paths(self) -> set[str]:
        return {path for path, _host in self.purges}


@pytest.fixture
def recorder():
    server = PurgeRecorder()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def fresh_expiry_reading():
    """Each test reads the next expiry from its own data, not from a reading kept by an earlier test."""
    forget_next_expiry()
    yield
    forget_next_expiry()


def use_cache(settings, url: str) -> None:
    """Point the purges at `url` (after the test's own content is made, so that only the change under test purges)."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "exemplar_pages.frontend_cache.VarnishBackend", "LOCATION": url, "TIMEOUT": 2}
    }


def test_a_publication_purges_every_place_the_story_shows_up(
    cast, recorder, settings, django_capture_on_commit_callbacks
):
    movement = factories.movement(cast.unit, title="Phong trào thử bộ đệm")
    page = draft_story(cast, title="Gương sáng thử bộ đệm", movement=movement)
    use_cache(settings, recorder.url)
    with django_capture_on_commit_callbacks(execute=True):
        page = approve_fully(page, cast)
    assert page.live
    columns = {column.url + "*" for column in ColumnPage.objects.live()}
    movements = {movement.url for movement in MovementPage.objects.live()}
    assert len(columns) >= 2 and movement.url in movements
    expected = {page.url + "*", cast.unit.url, "/", "/sitemap.xml", "/tim-kiem/", "/api/v3/*", *columns, *movements}
    expected.add("/luu-tru/*")  # the monthly archive (exemplar_pages/archive.py)
    expected.add("/thong-ke/*")  # the statistics (reports app)
    assert recorder.paths == expected
    assert len(recorder.purges) == len(expected)  # one transaction, each URL once
    site_host = page.get_site().hostname
    assert {host.split(":")[0] for _path, host in recorder.purges} == {site_host}


def test_retract_expiry_move_and_restriction_empty_the_cache(
    cast, recorder, settings, django_capture_on_commit_callbacks
):
    retracted = approve_fully(draft_story(cast), cast)
    expiring = approve_fully(draft_story(cast), cast)
    moved = approve_fully(draft_story(cast), cast)
    Page.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    use_cache(settings, recorder.url)

    with django_capture_on_commit_callbacks(execute=True):
        service.retract(fresh(retracted), cast.office, "Gỡ xuống")
    assert recorder.paths == {"/*"} and not fresh(retracted).live

    recorder.purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    assert recorder.paths == {"/*"} and fresh(expiring).expired

    for change in (
        lambda: fresh(moved).move(cast.other_unit, pos="last-child"),
        lambda: PageViewRestriction.objects.create(page=fresh(moved), restriction_type=PageViewRestriction.LOGIN),
    ):
        recorder.purges.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert recorder.paths == {"/*"}


def test_taxonomy_edits_empty_the_cache_and_a_new_term_purges_the_taxonomy_api(
    recorder, settings, django_capture_on_commit_callbacks
):
    use_cache(settings, recorder.url)
    field = Field.objects.get(slug="nong-nghiep")
    with django_capture_on_commit_callbacks(execute=True):
        field.name = "Nông nghiệp, nông thôn"
        field.save()
    assert recorder.paths == {"/*"}

    recorder.purges.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Locality.objects.create(name="Xã Bộ Đệm Mới", kind=Locality.Kind.COMMUNE)
    assert recorder.paths == {"/api/v3/taxonomies/*"}


def test_a_rolled_back_change_purges_nothing(cast, recorder, settings, django_capture_on_commit_callbacks):
    use_cache(settings, recorder.url)
    field = Field.objects.get(slug="nong-nghiep")
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                field.name = "Tên sẽ bỏ"
                field.save()
                raise RuntimeError("rollback")
        except RuntimeError:
            pass
        Locality.objects.create(name="Xã Sau Khi Bỏ", kind=Locality.Kind.COMMUNE)
    assert recorder.paths == {"/api/v3/taxonomies/*"}
    assert Field.objects.get(slug="nong-nghiep").name != "Tên sẽ bỏ"


def test_a_failed_purge_is_logged_and_the_publication_stands(
    cast, settings, caplog, django_capture_on_commit_callbacks
):
    closed = PurgeRecorder()
    closed.shutdown()
    closed.server_close()  # nothing listens on its port any more
    page = draft_story(cast, title="Gương sáng khi bộ đệm hỏng")
    use_cache(settings, closed.url)
    with caplog.at_level(logging.ERROR, logger="exemplar_pages.frontend_cache"):
        with django_capture_on_commit_callbacks(execute=True):
            page = approve_fully(page, cast)
    assert page.live and page.get_latest_revision().pk == page.live_revision_id
    assert any("purge" in record.getMessage() for record in caplog.records)


# Cache-Control headers (cms/cache_headers.py).


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_anonymous_reads_are_shared_for_the_configured_time(client, settings):
    settings.FRONTEND_CACHE_MAX_AGE = 240
    column = ColumnPage.objects.live().first()
    for path in (
        "/",
        column.url,
        column.url + "rss/",
        "/tim-kiem/?q=nong+nghiep",
        "/sitemap.xml",
        "/api/v3/search/?q=a",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert cache_control(response) == {"public", "max-age=0", "s-maxage=240"}, path
    assert cache_control(client.get("/khong-co-trang-nay/")) == {"public", "max-age=0", "s-maxage=240"}


def test_no_shared_copy_outlives_the_next_expiry(client, cast, settings):
    settings.FRONTEND_CACHE_MAX_AGE = 300
    story = factories.story(cast.unit, expire_at=timezone.now() + timedelta(seconds=90))
    response = client.get(story.url)
    max_age = int(next(part for part in cache_control(response) if part.startswith("s-maxage="))[9:])
    assert 0 < max_age <= 90


def test_logged_in_token_csrf_and_post_responses_are_private(client, cast):
    column = ColumnPage.objects.live().first()
    never = {"private", "no-cache", "no-store", "must-revalidate", "max-age=0"}
    assert cache_control(client.post(column.url, {})) == never
    assert cache_control(client.get("/api/v3/workflow/inbox/", **bearer(cast.token(cast.editor)))) == never
    assert cache_control(client.get("/api/v3/pages/", **bearer(cast.token(cast.editor)))) == never
    restricted = factories.story(cast.unit)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(restricted.url)  # the password form carries a CSRF token
    assert response.status_code == 200 and b"csrfmiddlewaretoken" in response.content
    assert cache_control(response) == never
    client.force_login(cast.editor)
    for path in ("/", column.url, "/admin/"):
        assert cache_control(client.get(path)) >= {"private", "no-store"}, path


def test_a_response_with_a_csrf_token_or_a_cookie_is_private(rf):
    """Any future public form (consultation comments, contest entries) stays out of the shared cache."""

    def form_view(request):
        return HttpResponse(Template("<form method=post>{% csrf_token %}</form>").render(RequestContext(request)))

    def cookie_view(request):
        response = HttpResponse("ok")
        response.set_cookie("seen", "1")
        return response

    def plain_view(request):
        return HttpResponse("ok")

    never = {"private", "no-cache", "no-store", "must-revalidate", "max-age=0"}
    for view, expected in ((form_view, never), (cookie_view, never), (plain_view, None)):
        response = FrontendCacheHeadersMiddleware(view)(rf.get("/mot-trang/"))
        if expected is None:
            assert "public" in cache_control(response)
        else:
            assert cache_control(response) == expected, view.__name__


def test_a_replay_to_elasticsearch_purges_the_listings_again(
    cast, recorder, settings, elasticsearch_backend, django_capture_on_commit_callbacks
):
    """The worker changes the Elasticsearch index after the publication's purge: the listings are purged again."""
    from search.models import IndexOperation
    from search.replay import replay

    page = approve_fully(draft_story(cast, title="Gương sáng gửi sau"), cast)
    IndexOperation.objects.create(page_id=page.pk, action=IndexOperation.Action.UPSERT)
    use_cache(settings, recorder.url)
    with django_capture_on_commit_callbacks(execute=True):
        report = replay()
    assert report.sent >= 1
    columns = {column.url + "*" for column in ColumnPage.objects.live()}
    assert {"/", "/tim-kiem/", "/api/v3/search/", *columns} <= recorder.paths
    assert page.url + "*" not in recorder.paths  # the story's own page did not change in the index's wake

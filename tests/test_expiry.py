"""Time travel: expiry and scheduled go-live on every public path (DESIGN §4, issue #11).

A story is published with an expiry an hour ahead and shows everywhere; the clock then moves past
the expiry and, with nobody running `publish_scheduled` (the page is still `live` in the database),
it is gone from every path an anonymous reader has, on both search backends. A revision approved
with a go-live time ahead shows nowhere until `publish_scheduled` runs once that time has come.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from exemplar_pages.models import ColumnPage, ExemplarStoryPage, MovementPage, UnitPage
from search.models import SearchDocument
from search.replay import rebuild_elasticsearch
from tests import factories
from tests.moderation_fixtures import approve_fully, draft_story, fresh

pytestmark = pytest.mark.django_db

HOUR = timedelta(hours=1)
WORDS = "chìa vôi"  # in every title of this module, in no demo page
YEAR = 2099  # the scene's stories come first wherever stories are ordered by year


@dataclass
class Scene:
    """A unit, a movement with one story that never expires, and a column of that movement."""

    unit: UnitPage
    movement: MovementPage
    sibling: ExemplarStoryPage
    column: ColumnPage


@pytest.fixture
def on_commit(search_backend, django_capture_on_commit_callbacks):
    """Run content changes with their on-commit indexing, on the search backend under test."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def later(search_backend):
    """Move the clock forward: `with later(hours=2): ...`, the clock ticking on from there.

    Elasticsearch versions each document with the time it is sent, so what was sent from the future
    would outrank the next test's documents (whose page ids SQLite reuses after the rollback): once
    the clock is back, a new index built from the database index leaves nothing from the future.
    """
    travelled = []

    def travel(**delta) -> time_machine.travel:
        travelled.append(delta)
        return time_machine.travel(timezone.now() + timedelta(**delta), tick=True)

    yield travel
    if travelled and search_backend == "elasticsearch":
        rebuild_elasticsearch()


@pytest.fixture
def scene(on_commit) -> Scene:
    with on_commit():
        unit = factories.publish(factories.unit("UBND xã Chìa Vôi"))
        movement = factories.movement(unit, "Phong trào chìa vôi báo tin vui")
        sibling = factories.story(unit, "Chìa vôi: bài không hết hạn", movement=movement, year=YEAR - 1)
        column = factories.column("Chuyên mục chìa vôi", include_stories=True)
        column.criteria_movements = [movement]
        factories.publish(column)
    return Scene(unit, movement, sibling, column)


def story_in(scene: Scene, title: str, **kwargs) -> ExemplarStoryPage:
    return factories.story(scene.unit, title, movement=scene.movement, year=YEAR, **kwargs)


def links_to(text: str, url: str) -> bool:
    """True if an HTML page, feed or sitemap links to `url` (relative or absolute)."""
    return re.search(rf'(href="|<loc>|<link>)[^"<]*{re.escape(url)}("|</)', text) is not None


def html(client, path: str, **params) -> str:
    response = client.get(path, params)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def search_api(client) -> dict:
    response = client.get("/api/v3/search/", {"q": WORDS, "type": "exemplar", "page_size": 100})
    assert response.status_code == 200, response.content
    return response.json()


def facet(data: dict, name: str) -> dict[str, int]:
    return {value["slug"]: value["count"] for value in data["facets"][name]}


def where_shown(client, scene: Scene, story: ExemplarStoryPage) -> dict[str, bool]:
    """Each public path an anonymous reader has, and whether the story shows there."""
    url = Page.objects.get(pk=story.pk).url
    api_items = client.get("/api/v3/pages/", {"type": "exemplar_pages.ExemplarStoryPage", "slug": story.slug}).json()
    api_search = client.get("/api/v3/pages/", {"type": "exemplar_pages.ExemplarStoryPage", "search": WORDS}).json()
    found = search_api(client)
    search_page = html(client, "/tim-kiem/", q=WORDS)
    return {
        "page": client.get(url).status_code == 200,
        "print": client.get(url + "print/").status_code == 200,
        "api list": story.pk in {item["id"] for item in api_items["items"]},
        "api list search": story.pk in {item["id"] for item in api_search["items"]},
        "api detail": client.get(f"/api/v3/pages/{story.pk}/").status_code == 200,
        "api find": client.get("/api/v3/pages/find/", {"html_path": url}).status_code == 302,
        "sitemap": links_to(html(client, "/sitemap.xml"), url),
        "unit list": links_to(html(client, story.get_parent().url), url),
        "movement stories": links_to(html(client, scene.movement.url), url),
        "related stories": links_to(html(client, scene.sibling.url), url),
        "home": links_to(html(client, "/"), url),
        "column": links_to(html(client, scene.column.url), url),
        "column filtered": links_to(html(client, scene.column.url, movement=scene.movement.slug), url),
        "rss": links_to(html(client, scene.column.url + "rss/"), url),
        "atom": links_to(html(client, scene.column.url + "atom/"), url),
        "search page": links_to(search_page, url),
        "search page facets": f'name="year" value="{YEAR}"' in search_page,
        "search api": story.pk in {hit["id"] for hit in found["results"]},
        "search api facets": facet(found, "year").get(str(YEAR)) == 1
        and facet(found, "movement").get(scene.movement.slug) == 2,
    }


PATHS = (
    *("page", "print", "api list", "api list search", "api detail", "api find", "sitemap", "unit list"),
    *("movement stories", "related stories", "home", "column", "column filtered", "rss", "atom"),
    *("search page", "search page facets", "search api", "search api facets"),
)


def everywhere(shown: bool) -> dict[str, bool]:
    return dict.fromkeys(PATHS, shown)


def test_a_story_past_its_expiry_is_gone_from_every_public_path_before_publish_scheduled(
    client, scene, on_commit, later
):
    with on_commit():
        story = story_in(scene, "Chìa vôi: bài hết hạn sau một giờ", expire_at=timezone.now() + HOUR)
    assert where_shown(client, scene, story) == everywhere(True)

    with later(hours=2):
        assert fresh(story).live, "nobody has run publish_scheduled: the page is still live in the database"
        assert where_shown(client, scene, story) == everywhere(False)
        sibling_url = scene.sibling.url
        assert client.get(sibling_url).status_code == 200
        assert {hit["id"] for hit in search_api(client)["results"]} & {story.pk, scene.sibling.pk} == {scene.sibling.pk}

        with on_commit():
            call_command("publish_scheduled", verbosity=0)
        assert not fresh(story).live and fresh(story).expired
        assert not SearchDocument.objects.filter(page_id=story.pk).exists()
        assert where_shown(client, scene, story) == everywhere(False)


def test_a_story_whose_expiry_is_ahead_stays_everywhere(client, scene, on_commit, later):
    with on_commit():
        story = story_in(scene, "Chìa vôi: bài hết hạn sau một ngày", expire_at=timezone.now() + 24 * HOUR)
    with later(hours=23):
        assert where_shown(client, scene, story) == everywhere(True)


def test_an_approved_revision_scheduled_to_go_live_shows_only_after_publish_scheduled(
    client, scene, on_commit, cast, later
):
    with on_commit():
        page = draft_story(cast, "Chìa vôi: bài lên lịch đăng", movement=scene.movement, year=YEAR)
        page.go_live_at = timezone.now() + HOUR
        revision = page.save_revision(user=cast.editor)
        approve_fully(page, cast)
    page = fresh(page)
    assert not page.live and page.latest_revision.approved_go_live_at is not None
    assert page.latest_revision.pk == revision.pk
    assert where_shown(client, scene, page) == everywhere(False)

    with later(hours=2):
        with on_commit():
            call_command("publish_scheduled", verbosity=0)
        page = fresh(page)
        assert page.live and page.live_revision_id == revision.pk
        assert where_shown(client, scene, page) == everywhere(True)


def test_a_newer_revision_scheduled_to_go_live_does_not_replace_the_live_one_early(
    client, scene, on_commit, cast, later
):
    with on_commit():
        page = draft_story(cast, "Chìa vôi: bản đang đăng", movement=scene.movement, year=YEAR)
        approve_fully(page, cast)
        page = fresh(page)
        assert page.live
        page.title = "Chìa vôi: bản sửa lên lịch"
        page.go_live_at = timezone.now() + HOUR
        page.save_revision(user=cast.editor)
        approve_fully(page, cast)

    def titles() -> set[str]:
        detail = client.get(f"/api/v3/pages/{page.pk}/").json()["title"]
        hits = {hit["title"] for hit in search_api(client)["results"] if hit["id"] == page.pk}
        return {detail, *hits, *re.findall(r"Chìa vôi: bản (?:đang đăng|sửa lên lịch)", html(client, fresh(page).url))}

    assert titles() == {"Chìa vôi: bản đang đăng"}
    with later(hours=2):
        with on_commit():
            call_command("publish_scheduled", verbosity=0)
        assert titles() == {"Chìa vôi: bản sửa lên lịch"}

"""Images of stories and movements (issue #17, point 2): hero and gallery in the pages and the API,
Open Graph and share links, the files rule for gallery photos, and the demo's drawn photos."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, ReferenceIndex, Revision

from exemplar_pages.files import is_publicly_used
from exemplar_pages.models import ExemplarStoryPage, MovementPage, StoryGalleryImage
from exemplar_pages.models.gallery import MovementGalleryImage
from home.demo.images import PHOTO_SIZE, TITLE_PREFIX, seed_images
from home.demo.stories import DRAFT_MARK
from tests import factories
from tests.moderation_fixtures import approve_fully, bearer, draft_story, fresh
from tests.test_files_privacy import media_on_disk, media_served_by_django  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

HERO_ALT = "Bà Nguyễn Thị Hoa bên ruộng lúa hữu cơ của gia đình"


@pytest.fixture(autouse=True)
def fresh_rendition_cache():
    """Wagtail caches renditions by image id and file hash: ids come back after each test's rollback."""
    cache.clear()


def new_image(title: str, size=(1600, 900)):
    return get_image_model().objects.create(title=title, file=get_test_image_file(f"{title}.png", size=size))


def gallery(model, count: int) -> list:
    return [
        model(image=new_image(f"anh-thu-vien-{index}"), alt=f"Mô tả ảnh {index}", caption=f"Chú thích {index}")
        for index in range(1, count + 1)
    ]


def illustrated_story(cast, **kwargs) -> ExemplarStoryPage:
    return factories.story(
        cast.unit,
        "Gương có ảnh",
        hero_image=new_image("anh-dai-dien"),
        hero_image_alt=HERO_ALT,
        gallery_images=gallery(StoryGalleryImage, 3),
        **kwargs,
    )


def soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def meta(html: BeautifulSoup, key: str) -> str | None:
    tag = html.find("meta", attrs={"property": key}) or html.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


# Pages


def test_story_page_shows_a_responsive_hero_and_the_gallery(client, cast):
    story = illustrated_story(cast)
    html = soup(client, story.url)
    hero = html.select_one(".hero img")
    assert hero["alt"] == HERO_ALT
    widths = [candidate.split()[-1] for candidate in hero["srcset"].split(",")]
    assert widths == ["480w", "800w", "1200w", "1600w"]
    assert hero["sizes"] and int(hero["width"]) == 480 and int(hero["height"]) == 270
    assert hero.get("loading") is None and hero["fetchpriority"] == "high"  # the hero is not lazy

    items = html.select(".gallery__item")
    assert [item.figcaption.get_text() for item in items] == ["Chú thích 1", "Chú thích 2", "Chú thích 3"]
    for index, item in enumerate(items, start=1):
        image = item.select_one("a.gallery__link img")
        assert image["alt"] == f"Mô tả ảnh {index}" and image["loading"] == "lazy"
        assert image["width"] and image["height"] and "640w" in image["srcset"]
        link = item.select_one("a.gallery__link")["href"]  # a link: reached by Tab, opened without JavaScript
        large = StoryGalleryImage.objects.get(page=story, caption=f"Chú thích {index}").image.get_rendition(
            "width-1600"
        )
        assert link == large.url
    assert not html.select(".gallery script")


def test_the_print_view_keeps_the_hero_only(client, cast):
    story = illustrated_story(cast)
    html = soup(client, story.url + "print/")
    assert html.select_one(".hero img")["alt"] == HERO_ALT
    assert not html.select(".gallery") and not html.select(".share")


def test_movement_page_shows_its_images_and_its_stories_thumbnails(client, cast):
    movement = factories.movement(
        cast.unit,
        "Phong trào có ảnh",
        hero_image=new_image("anh-phong-trao"),
        hero_image_alt="Lễ phát động phong trào",
        gallery_images=gallery(MovementGalleryImage, 2),
    )
    illustrated_story(cast, movement=movement)
    html = soup(client, movement.url)
    assert html.select_one(".hero img")["alt"] == "Lễ phát động phong trào"
    assert len(html.select(".gallery__item figcaption")) == 2
    card = html.select_one(".card--with-image")
    assert card.select_one(".card__title").get_text(strip=True) == "Gương có ảnh"
    thumbnail = card.select_one("img.card__image")
    assert thumbnail["alt"] == "" and thumbnail["loading"] == "lazy"  # the title beside it says it
    assert "fill-200x150" in thumbnail["src"] and "400w" in thumbnail["srcset"]


def test_unit_and_column_lists_show_thumbnails(client, cast):
    story = illustrated_story(cast)
    html = soup(client, cast.unit.url)
    card = next(
        card for card in html.select(".card") if card.select_one(".card__title").get_text(strip=True) == story.title
    )
    assert card.select_one("img.card__image")
    # A demo column lists demo stories, each with its drawn photo.
    column = soup(client, "/dien-hinh-tien-tien/")
    assert column.select(".results .card--with-image img.card__image[loading=lazy]")


def test_page_without_images_has_neither_hero_nor_gallery(client, cast):
    html = soup(client, factories.story(cast.unit, "Gương không ảnh").url)
    assert not html.select(".hero") and not html.select(".gallery")
    assert meta(html, "og:image") is None and meta(html, "twitter:card") == "summary"


# Open Graph and share links


def test_open_graph_tags_and_share_links_use_absolute_addresses(client, cast):
    story = illustrated_story(cast)
    html = soup(client, story.url)
    page_url = settings.SITE_URL + story.url
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == "Gương có ảnh"
    assert meta(html, "og:description") == story.summary
    assert meta(html, "og:url") == page_url
    rendition = story.hero_image.get_rendition("fill-1200x630")
    assert meta(html, "og:image") == settings.SITE_URL + rendition.url
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "og:image:alt") == HERO_ALT
    assert meta(html, "twitter:card") == "summary_large_image"

    facebook = html.select_one("a.share__link--facebook")
    assert facebook["href"] == "https://www.facebook.com/sharer/sharer.php?u=" + quote(page_url, safe="")
    copy = html.select_one("a.share__link--copy")  # Zalo: no SDK, a link that copies or shares the address
    assert copy["href"] == copy["data-share-url"] == page_url and "Zalo" in copy.get_text()
    script = html.select_one('script[src$="js/share.js"]')
    assert script and not script.string  # a file of the portal, as the CSP asks: no inline script
    assert finders.find("js/share.js")
    for tag in html.select("script[src]"):
        assert tag["src"].startswith("/"), tag["src"]  # nothing loaded from Facebook or Zalo


def test_home_page_is_a_website_and_a_plan_an_article_for_open_graph(client, cast):
    html = soup(client, "/")
    assert meta(html, "og:type") == "website" and meta(html, "og:url") == settings.SITE_URL + "/"
    plan = factories.plan(cast.unit, "Kế hoạch chia sẻ")
    html = soup(client, plan.url)
    assert meta(html, "og:type") == "article" and meta(html, "og:title") == "Kế hoạch chia sẻ"
    assert meta(html, "og:image") is None and meta(html, "twitter:card") == "summary"


# API


def assert_image_detail(detail: dict, image, alt: str) -> None:
    assert detail["id"] == image.pk and detail["alt"] == alt
    assert (detail["width"], detail["height"]) == (image.width, image.height)
    assert set(detail["renditions"]) == {"thumbnail", "medium", "large"}
    assert detail["renditions"]["thumbnail"]["width"] == 400 and detail["renditions"]["thumbnail"]["height"] == 300
    assert detail["renditions"]["medium"]["width"] == 800
    for rendition in detail["renditions"].values():
        assert rendition["url"].startswith(settings.SITE_URL + "/media/images/")


def test_api_gives_hero_and_gallery_with_rendition_urls(client, cast):
    story = illustrated_story(cast)
    data = client.get(f"/api/v3/pages/{story.pk}/").json()
    assert_image_detail(data["hero_image"], story.hero_image, HERO_ALT)
    photos = list(story.gallery_images.order_by("sort_order"))
    assert [item["caption"] for item in data["gallery"]] == ["Chú thích 1", "Chú thích 2", "Chú thích 3"]
    for item, photo in zip(data["gallery"], photos, strict=True):
        assert_image_detail(item, photo.image, photo.alt)
    # The rendition URLs answer (the story is public, so its images are).
    for path in (
        data["hero_image"]["renditions"]["large"]["url"],
        data["gallery"][0]["renditions"]["thumbnail"]["url"],
    ):
        assert path.removeprefix(settings.SITE_URL).startswith("/media/images/")

    bare = client.get(f"/api/v3/pages/{factories.story(cast.unit).pk}/").json()
    assert bare["hero_image"] is None and bare["gallery"] == []
    movement = factories.movement(cast.unit, hero_image=new_image("anh-pt"), hero_image_alt="Phát động")
    data = client.get(f"/api/v3/pages/{movement.pk}/").json()
    assert_image_detail(data["hero_image"], movement.hero_image, "Phát động") and data["gallery"] == []


def test_an_image_whose_file_is_lost_is_left_out_not_an_error(client, cast, caplog):
    story = illustrated_story(cast)
    lost = story.gallery_images.first().image
    lost.file.storage.delete(lost.file.name)
    story.hero_image.file.storage.delete(story.hero_image.file.name)
    response = client.get(f"/api/v3/pages/{story.pk}/")
    assert response.status_code == 200
    assert response.json()["hero_image"] is None and len(response.json()["gallery"]) == 2
    assert "has no original file" in caplog.text
    html = soup(client, story.url)  # Wagtail's image tags show "not found"; Open Graph shows no image
    assert meta(html, "og:image") is None and html.select_one(".hero img")


def test_an_editor_reads_the_drafts_gallery(client, cast):
    """`?version=draft` (with a token) reads the gallery of the latest revision, not the live one."""
    story = illustrated_story(cast)
    draft = story.get_latest_revision_as_object()
    draft.gallery_images.add(
        StoryGalleryImage(image=new_image("anh-moi", size=(800, 600)), alt="Ảnh mới", sort_order=3)
    )
    draft.save_revision(user=cast.editor)
    token = bearer(cast.token(cast.editor))
    data = client.get(f"/api/v3/pages/{story.pk}/", {"version": "draft"}, **token).json()
    assert [item["alt"] for item in data["gallery"]] == ["Mô tả ảnh 1", "Mô tả ảnh 2", "Mô tả ảnh 3", "Ảnh mới"]
    assert len(client.get(f"/api/v3/pages/{story.pk}/").json()["gallery"]) == 3


def test_hero_image_and_gallery_are_typed_and_read_only_in_the_api_schema(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    image = {"$ref": "#/components/schemas/ImageDetail"}
    for page_type in ("ExemplarStoryPageSchema", "MovementPageSchema"):
        properties = schemas[page_type]["properties"]
        assert image in properties["hero_image"]["anyOf"]
        assert {"items": image, "type": "array"} in properties["gallery"]["anyOf"]
    assert set(schemas["ImageDetail"]["required"]) == {"id", "alt", "width", "height", "renditions"}
    assert set(schemas["RenditionDetail"]["required"]) == {"url", "width", "height"}
    writable = [
        name
        for name, body in schemas.items()
        if name != "ExemplarStoryPageSchema"
        and name != "MovementPageSchema"
        and {"subject_name", "slogan"} & set(body.get("properties", {}))
    ]
    assert writable, "the write schemas of stories and movements exist"
    for name in writable:
        assert not {"hero_image", "gallery"} & set(schemas[name]["properties"]), name


# Files follow their pages: gallery photos are "used" by their page in Wagtail's reference index


def test_an_image_only_in_a_draft_storys_gallery_is_private_until_publication(
    client,
    cast,
    media_served_by_django,  # noqa: F811
):
    image = new_image("anh-chi-trong-thu-vien", size=(800, 600))
    story = draft_story(cast, gallery_images=[StoryGalleryImage(image=image, alt="Ảnh nháp", caption="Nháp")])
    assert ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(story.pk),
        to_content_type=ContentType.objects.get_for_model(get_image_model()),
        to_object_id=str(image.pk),
    ).exists(), "the gallery's inline photo is a reference of its page"
    rendition = image.get_rendition("fill-400x300")
    urls = [f"/media/{image.file.name}", f"/media/{rendition.file.name}"]
    assert [client.get(url).status_code for url in urls] == [404, 404]
    assert client.get(f"/api/v3/images/{image.pk}/").status_code == 404

    approve_fully(story, cast)
    assert fresh(story).live
    assert [client.get(url).status_code for url in urls] == [200, 200]
    assert client.get(f"/api/v3/pages/{story.pk}/").json()["gallery"][0]["id"] == image.pk


# Demo photos


def test_every_demo_story_and_movement_has_a_described_hero_and_a_few_a_gallery():
    pages = [*ExemplarStoryPage.objects.all(), *MovementPage.objects.all()]
    assert len(pages) > 50
    for page in pages:
        assert page.hero_image_id and page.hero_image_alt.startswith("Ảnh minh họa"), page.slug
        assert (
            page.hero_image.title.startswith(TITLE_PREFIX)
            and (page.hero_image.width, page.hero_image.height) == PHOTO_SIZE
        )
    sizes = [page.gallery_images.count() for page in pages]
    with_gallery = [size for size in sizes if size]
    assert 4 <= len(with_gallery) <= len(pages) // 4 and set(with_gallery) <= {2, 3, 4} and len(set(with_gallery)) > 1
    assert not StoryGalleryImage.objects.filter(alt="").exists()
    assert not MovementGalleryImage.objects.filter(alt="").exists()


def test_demo_photos_follow_the_visibility_of_their_stories():
    """The never-published draft's photo is private; the story with a newer draft keeps it in both."""
    drafts = ExemplarStoryPage.objects.filter(live=False, first_published_at__isnull=True)
    assert drafts and all(not is_publicly_used(page.hero_image) for page in drafts)
    public = ExemplarStoryPage.objects.live().public().exclude(has_unpublished_changes=True).first()
    assert is_publicly_used(public.hero_image)
    newer = next(page for page in ExemplarStoryPage.objects.filter(live=True, has_unpublished_changes=True))
    draft = newer.get_latest_revision_as_object()
    assert draft.title.endswith(f"({DRAFT_MARK})") and not newer.title.endswith(f"({DRAFT_MARK})")
    assert draft.hero_image_id == newer.hero_image_id


def test_seeding_again_draws_and_publishes_nothing(django_user_model):
    images, revisions = get_image_model().objects.count(), Revision.objects.count()
    count = seed_images(django_user_model.objects.get(username="admin"))
    assert count.created == 0 and count.extra["ảnh / images"] == 0
    assert (get_image_model().objects.count(), Revision.objects.count()) == (images, revisions)


# In Chromium: phone and desktop


@pytest.mark.browser
def test_story_and_movement_images_on_a_phone_and_a_desktop(live_portal, chromium, tmp_path, monkeypatch):
    # Playwright's event loop runs in this thread; the test database (the demo, as the portal's copy) is read first.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    story = next(page for page in ExemplarStoryPage.objects.live().public() if page.gallery_images.exists())
    movement = next(page for page in MovementPage.objects.live().public() if page.gallery_images.exists())
    portal = live_portal(processes=("web",))
    shots = Path(os.environ.get("IMAGES_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    for width_name, viewport in (("phone", {"width": 390, "height": 844}), ("desktop", {"width": 1366, "height": 900})):
        context = chromium.new_context(viewport=viewport, locale="vi-VN")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=portal.url("/").rstrip("/"))
        page = context.new_page()
        errors: list[str] = []
        page.on(
            "console", lambda message, errors=errors: errors.append(message.text) if message.type == "error" else None
        )
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        for name, path in (("story", story.url), ("movement", movement.url), ("unit", story.get_parent().url)):
            page.goto(portal.url(path))
            page.wait_for_load_state("networkidle")
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], (name, width_name)
            if name != "unit":
                hero = page.locator(".hero img")
                assert hero.evaluate("img => img.complete && img.naturalWidth") > 0
                assert hero.bounding_box()["width"] <= viewport["width"]
                links = page.locator(".gallery__link")
                assert links.count() >= 2
                links.first.scroll_into_view_if_needed()
                assert links.first.locator("img").evaluate("img => img.complete && img.naturalWidth") > 0
                links.first.focus()
                assert page.evaluate("document.activeElement.classList.contains('gallery__link')")
                # "Zalo: sao chép liên kết" copies the page's address (no share sheet in headless Chromium).
                copy = page.locator(".share__link--copy")
                assert copy.get_attribute("role") == "button"
                copy.click()
                page.locator(".share__status").filter(has_text="Đã sao chép liên kết").wait_for()
                assert page.evaluate("navigator.clipboard.readText()") == copy.get_attribute("data-share-url")
                assert page.url.endswith(path)  # the click did not follow the link
            # Scrolled through, every lazy image loads: none is broken or refused.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_load_state("networkidle")
            for _attempt in range(50):  # polled here: `wait_for_function` evaluates a string, which the CSP forbids
                if page.evaluate("[...document.images].every(img => img.complete)"):
                    break
                page.wait_for_timeout(100)
            broken = page.evaluate("[...document.images].filter(img => !img.naturalWidth).map(img => img.src)")
            assert broken == [], (name, width_name)
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(shots / f"{name}-{width_name}.png"), full_page=True)
        assert errors == [], errors  # the script ran under the CSP, nothing failed to load
        context.close()


def test_a_list_reads_its_cards_images_fields_and_localities_at_once(client, cast):
    """A unit page with 3 or with 9 illustrated stories makes the same number of queries: the cards' hero images,
    renditions, fields and localities are read for the whole list (`exemplar_pages.cards`), not card by card."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from exemplar_pages.models import Field

    unit = factories.unit("UBND xã Thử Thẻ Ảnh")
    fields = list(Field.objects.all()[:3])
    localities = [factories.locality(f"Thôn Thử Thẻ {index}") for index in range(3)]

    def add_stories(count: int) -> None:
        for index in range(count):
            factories.story(
                unit,
                f"Gương có ảnh trong danh sách {unit.get_children().count() + 1}",
                hero_image=new_image(f"anh-the-{unit.get_children().count()}"),
                hero_image_alt="Ảnh đại diện",
                field=fields[index % len(fields)],
                locality=localities[index % len(localities)],
            )

    def queries() -> tuple[int, int]:
        client.get(unit.url)  # renditions made, caches warm
        with CaptureQueriesContext(connection) as captured:
            response = client.get(unit.url)
        assert response.status_code == 200
        return len(captured.captured_queries), response.content.decode().count('class="card__image"')

    add_stories(3)
    few, few_images = queries()
    add_stories(6)
    many, many_images = queries()
    assert (few_images, many_images) == (3, 9)
    assert many == few, f"{few} queries for 3 cards, {many} for 9"


def test_the_renditions_of_one_picture_are_made_one_at_a_time(media_on_disk):  # noqa: F811 (fixture)
    """Several sizes of a new image, as a page's first readers ask for them, go in one row per INSERT, in the filters'
    order (exemplar_pages.renditions): Wagtail's one multi-row INSERT, its rows in the order its threads finished,
    let two first readers deadlock on PostgreSQL."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    image = new_image("Ảnh nhiều cỡ")
    specs = ["width-311", "width-127", "width-209"]
    with CaptureQueriesContext(connection) as queries:
        renditions = image.get_renditions(*specs)
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT") and "rendition" in q["sql"]]
    inserted = [[spec for spec in specs if f"'{spec}'" in sql] for sql in inserts]  # the filter_spec values
    assert inserted == [[spec] for spec in sorted(specs)]
    assert sorted(renditions) == sorted(specs) and all(r.pk for r in renditions.values())
    assert image.get_renditions(*specs).keys() == renditions.keys()  # asked again: the same, nothing new
    cache.clear()  # ids come back after the rollback: no later test may find these renditions in the cache

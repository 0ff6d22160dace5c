"""The portal's face (issue #17 point 1): the agency in the header and footer, listings that put the
results first on a phone, numbered pagination, and an empty result that helps."""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from wagtail.models import Site

from exemplar_pages.models import ColumnPage, ExemplarStoryPage, Field
from home.demo.identity import DEMO_IDENTITY
from home.models import AgencyIdentity

REPO = Path(__file__).resolve().parent.parent
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def stories_column() -> ColumnPage:
    return ColumnPage.objects.get(slug="dien-hinh-tien-tien")


def pagination(html: str) -> str:
    match = re.search(r'<nav class="pagination".*?</nav>', html, re.S)
    assert match, "no pagination"
    return match.group(0)


# Server-rendered pages (Django's test client)


@pytest.mark.django_db
def test_header_and_footer_carry_the_agency_identity(client):
    identity = AgencyIdentity.for_site(Site.objects.get(is_default_site=True))
    assert identity.address == DEMO_IDENTITY["address"] and identity.emblem is not None  # seed_demo filled it
    html = client.get("/").content.decode()
    header = html[html.index('<header class="site-header"') : html.index("</header>")]
    footer = html[html.index('<footer class="site-footer"') : html.index("</footer>")]
    assert DEMO_IDENTITY["name"] in header and DEMO_IDENTITY["parent_agency"] in header
    assert re.search(r'<img [^>]*class="brand__emblem"', header)
    for key in ("name", "address", "phone", "email", "responsible_person", "licence"):
        assert DEMO_IDENTITY[key] in footer, key
    assert 'href="tel:02003000000"' in footer and f'href="mailto:{DEMO_IDENTITY["email"]}"' in footer
    assert "Người chịu trách nhiệm nội dung" in footer

    identity.name = "Ban Thi đua – Khen thưởng <Thử>"
    identity.phone = ""
    identity.save()
    html = client.get(stories_column().url).content.decode()
    assert "Ban Thi đua – Khen thưởng &lt;Thử&gt;" in html and "<Thử>" not in html
    assert 'href="tel:' not in html  # an empty field leaves no empty line behind


@pytest.mark.django_db
def test_the_emblem_is_public_and_other_unused_images_stay_private():
    from wagtail.images import get_image_model

    from exemplar_pages.files import is_publicly_used, publicly_used
    from home.demo.identity import emblem_png

    identity = AgencyIdentity.for_site(Site.objects.get(is_default_site=True))
    assert is_publicly_used(identity.emblem)
    Image = get_image_model()
    other = Image(title="Ảnh chưa dùng")
    other.file = ImageFile(io.BytesIO(emblem_png(32)), name="chua-dung.png")
    other.save()
    assert not is_publicly_used(other)
    assert set(publicly_used(Image.objects.filter(pk__in=[other.pk, identity.emblem_id]))) == {identity.emblem}
    identity.emblem = other
    identity.save()
    assert is_publicly_used(other)


@pytest.mark.django_db
def test_column_pagination_is_numbered_and_keeps_the_filters(client):
    column = stories_column()
    first = client.get(column.url)
    pages = first.context["page_obj"].paginator.num_pages
    assert pages >= 2
    nav = pagination(first.content.decode())
    assert re.search(r'<a href="\?" aria-current="page" aria-label="Trang 1">1</a>', nav)
    assert f'aria-label="Trang {pages}">{pages}</a>' in nav and 'aria-label="Trang 2">2</a>' in nav
    assert 'rel="next"' in nav and 'rel="prev"' not in nav

    field = Field.objects.get(slug="nong-nghiep")
    count = ExemplarStoryPage.objects.live().public().filter(field=field).count()
    filtered = client.get(column.url, {"field": field.slug, "page": 2})
    if count > column.page_size:
        nav = pagination(filtered.content.decode())
        assert 'href="?field=nong-nghiep" rel="prev"' in nav  # page 1 is the bare listing, filters kept
        assert 'aria-current="page" aria-label="Trang 2"' in nav


@pytest.mark.django_db
def test_long_pagination_elides_the_middle(client):
    """Page numbers near the current one, the first and the last; the rest is an ellipsis."""
    from django.core.paginator import Paginator
    from django.template.loader import render_to_string

    page_obj = Paginator(range(300), 10).page(15)
    nav = render_to_string("includes/pagination.html", {"page_obj": page_obj, "filter_query": "q=a&type=plan"})
    numbers = [int(n) for n in re.findall(r'aria-label="Trang (\d+)"', nav)]
    assert numbers == [1, 13, 14, 15, 16, 17, 30]
    assert nav.count('class="pagination__gap"') == 2
    assert 'href="?q=a&amp;type=plan&amp;page=15" aria-current="page"' in nav
    assert 'href="?q=a&amp;type=plan" aria-label="Trang 1"' in nav


@pytest.mark.django_db
def test_search_pagination_is_numbered(client):
    response = client.get("/tim-kiem/", {"q": "", "type": "exemplar"})
    assert response.context["page_obj"].paginator.num_pages >= 2
    nav = pagination(response.content.decode())
    assert (
        'aria-current="page" aria-label="Trang 1"' in nav
        and 'href="?q=&amp;type=exemplar&amp;page=2" aria-label="Trang 2"' in nav
    )


@pytest.mark.django_db
def test_empty_search_offers_ways_out(client):
    field = Field.objects.get(slug="nong-nghiep")
    response = client.get("/tim-kiem/", {"q": "Zyxwv Qưertỵ", "field": field.slug, "type": "plan"})
    assert response.context["results"].count == 0
    html = response.content.decode()
    box = html[html.index('class="empty-result"') :]
    assert "Không tìm thấy kết quả nào cho “Zyxwv Qưertỵ”" in box
    # Each active filter can be dropped on its own; the words stay.
    assert f"Bỏ lọc “Lĩnh vực: {field.name}”" in box and "Bỏ lọc “Loại nội dung: " in box
    assert 'href="/tim-kiem/?q=Zyxwv+Q%C6%B0ert%E1%BB%B5&amp;type=plan"' in box
    assert 'href="/tim-kiem/?q=Zyxwv+Q%C6%B0ert%E1%BB%B5&amp;field=nong-nghiep"' in box
    # Without diacritics, with fewer words (filters kept), and the columns.
    searches = re.findall(r'<ul class="empty-result__searches">(.*?)</ul>', box, re.S)[0]
    assert re.findall(r">([^<]+)</a>", searches) == ["Zyxwv Querty", "Zyxwv", "Qưertỵ"]
    assert 'href="/tim-kiem/?q=Zyxwv+Querty&amp;field=nong-nghiep&amp;type=plan"' in searches
    for column in ColumnPage.objects.live():
        assert f'href="{column.url}"' in box


# In Chromium, on the demo as `make demo` serves it (dev settings: images served through the media gate)

PAGES = {
    "home": "/",
    "column": "/dien-hinh-tien-tien/",
    "search": "/tim-kiem/?q=&type=exemplar&sort=date",
    "search-words": "/tim-kiem/?q=nong+thon+moi",
    "search-empty": "/tim-kiem/?q=zyxwv+qu%C6%A1rty&type=plan",
}


def tabs_to(page, selector: str, limit: int = 15) -> int:
    """How many Tab presses from the top of the page bring the focus to the first `selector`."""
    target = page.locator(selector).first.element_handle()
    page.locator("body").focus()
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(target) => document.activeElement === target", target):
            return presses
    return limit + 1


@pytest.mark.browser
def test_listings_put_results_first_on_a_phone(live_portal, chromium, tmp_path):
    portal = live_portal(processes=("web",))
    shots = Path(os.environ.get("PORTAL_FACE_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    for width_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = chromium.new_context(viewport=viewport, locale="vi-VN")
        page = context.new_page()
        for name, path in PAGES.items():
            page.goto(portal.url(path))
            # The agency's emblem is drawn and served (an image no page uses, public as the emblem).
            assert page.evaluate("document.querySelector('img.brand__emblem').naturalWidth") > 0
            page.screenshot(path=str(shots / f"{name}-{width_name}.png"), full_page=True)
        for path in (PAGES["column"], PAGES["search"]):
            page.goto(portal.url(path))
            first = page.locator(".results .card__title a").first
            filters = page.locator(".filters")
            toggle = page.locator(".filters-toggle > summary")
            numbers = page.locator(".pagination a[aria-current=page]")
            assert numbers.inner_text() == "1" and page.get_by_role("link", name="Trang 2", exact=True).is_visible()
            assert tabs_to(page, ".results .card__title a") <= 15
            if width_name == "phone":
                box = first.bounding_box()
                assert box["y"] + box["height"] <= PHONE["height"], path  # inside the first screen
                assert not filters.is_visible() and toggle.is_visible()
                assert toggle.inner_text().startswith("Lọc") and toggle.bounding_box()["y"] < box["y"]
                toggle.click()
                assert filters.is_visible()
                assert filters.locator("select, input[type=checkbox]").first.is_visible()
                page.screenshot(path=str(shots / f"filters-open-{path.split('/')[1]}-phone.png"))
            else:
                assert filters.is_visible() and not toggle.is_visible()  # open beside the results
                assert filters.bounding_box()["x"] + filters.bounding_box()["width"] < first.bounding_box()["x"]
        context.close()


@pytest.mark.django_db
def test_empty_column_offers_to_drop_each_filter(client):
    column = stories_column()
    stories = ExemplarStoryPage.objects.live().public()
    years = sorted(set(stories.values_list("year", flat=True)))
    field, year = next(
        (field, year)
        for field in Field.objects.order_by("slug")
        for year in years
        if not stories.filter(field=field, year=year).exists()
    )
    response = client.get(column.url, {"field": field.slug, "year": year})
    assert response.context["page_obj"].paginator.count == 0
    html = response.content.decode()
    box = html[html.index('class="empty-result"') :]
    assert "Không có bài viết nào phù hợp với bộ lọc." in box
    assert f'<a href="{column.url}?year={year}">Bỏ lọc “Lĩnh vực: {field.name}”</a>' in box
    assert f'<a href="{column.url}?field={field.slug}">Bỏ lọc “Năm: {year}”</a>' in box
    assert f'<a href="{column.url}">Bỏ tất cả bộ lọc</a>' in box
    assert "(2 bộ lọc đang dùng)" in html  # on the “Lọc” toggle


@pytest.mark.django_db
def test_admin_edits_the_agency_identity(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/home/agencyidentity/{site.pk}/"
    form = admin_client.get(url)
    assert form.status_code == 200 and "Người chịu trách nhiệm nội dung" in form.content.decode()
    data = {**DEMO_IDENTITY, "name": "Ban Thi đua – Khen thưởng tỉnh Thử", "email": "khong-phai-email"}
    refused = admin_client.post(url, data)
    assert refused.status_code == 200 and "Thư điện tử" in refused.content.decode()
    assert AgencyIdentity.for_site(site).name == DEMO_IDENTITY["name"]
    data["email"] = "ban@example.gov.vn"
    assert admin_client.post(url, data).status_code == 302
    assert AgencyIdentity.for_site(site).email == "ban@example.gov.vn"
    assert "Ban Thi đua – Khen thưởng tỉnh Thử" in admin_client.get("/").content.decode()


@pytest.mark.django_db
def test_an_identity_edit_empties_the_front_end_cache(settings, django_capture_on_commit_callbacks):
    from tests.test_frontend_cache import PurgeRecorder, use_cache

    recorder = PurgeRecorder()
    try:
        use_cache(settings, recorder.url)
        identity = AgencyIdentity.for_site(Site.objects.get(is_default_site=True))
        with django_capture_on_commit_callbacks(execute=True):
            identity.phone = "0200 3 111 111"
            identity.save()
        assert recorder.paths == {"/*"}
    finally:
        recorder.shutdown()
        recorder.server_close()


@pytest.mark.django_db
def test_a_story_body_outline_starts_at_h2_whatever_levels_the_editor_chose(client):
    """Headings of a body map to h2, h3… in the order of their levels: no level is skipped under the h1."""
    from tests import factories

    unit = factories.publish(factories.unit("UBND xã Đề Mục Thử"))
    story = factories.story(
        unit,
        "Bài có tiêu đề mục cấp 3 và 4",
        body=[
            {"type": "heading", "value": {"level": "3", "number": "1.", "text": "Mục đầu"}},
            {"type": "paragraph", "value": "<p>Nội dung.</p>"},
            {"type": "heading", "value": {"level": "4", "number": "a)", "text": "Tiểu mục"}},
        ],
    )
    html = client.get(story.url).content.decode()
    assert re.search(r"<h2><span class=\"num\">1\.</span> Mục đầu</h2>", html)
    assert re.search(r"<h3><span class=\"num\">a\)</span> Tiểu mục</h3>", html)

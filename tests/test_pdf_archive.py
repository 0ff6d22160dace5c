"""Decree 42/2022's archive (issue #17 point 4): each article as a PDF (`pdf/`) with its Vietnamese text and
fonts embedded, and the monthly archive pages `/luu-tru/` listing exactly what was published and is public."""

import io
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import escape
from pypdf import PdfReader
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from exemplar_pages import archive, pdf
from exemplar_pages.models import DecisionPage, ExemplarStoryPage, MovementPage, PlanPage
from tests import factories
from tests.test_decisions import awardee, decision

STORY_TITLE = "Điển hình thi đua yêu nước: người giữ rừng Tân Biên"
STORY_SUMMARY = "Ông Đặng Văn Hưởng hưởng ứng phong trào thi đua yêu nước, trồng và giữ ba mươi héc-ta rừng."
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def pdf_text(content: bytes) -> str:
    """The PDF's text, NFC-normalised with runs of spaces collapsed (as a reader copies it)."""
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def pdf_fonts(content: bytes) -> dict[str, bool]:
    """Each font of the PDF's pages: its name and whether its glyphs are embedded (a font file)."""
    fonts = {}
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [child.get_object().get("/FontDescriptor") for child in font.get("/DescendantFonts", [])]
            embedded = any(
                key in descriptor.get_object()
                for descriptor in descriptors
                if descriptor is not None
                for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def titles_listed(html: str) -> list[str]:
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a></h2>', html)


@pytest.fixture
def unit():
    return factories.publish(factories.unit("UBND xã Lưu Trữ Thử"))


@pytest.fixture
def story(unit):
    return factories.story(unit, STORY_TITLE, summary=STORY_SUMMARY, subject_name="Đặng Văn Hưởng")


# --- PDF ---------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_story_pdf_holds_its_vietnamese_text_with_the_fonts_embedded(client, story):
    response = client.get(story.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f"inline; filename=\"{story.slug}.pdf\"; filename*=UTF-8''"
        "%C4%90i%E1%BB%83n%20h%C3%ACnh%20thi%20%C4%91ua%20y%C3%AAu%20n%C6%B0%E1%BB%9Bc%3A%20ng%C6%B0%E1%BB%9Di"
        "%20gi%E1%BB%AF%20r%E1%BB%ABng%20T%C3%A2n%20Bi%C3%AAn.pdf"
    )
    assert story.slug.isascii()
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = pdf_text(content)
    for words in ("Điển hình", "thi đua yêu nước", "người giữ rừng Tân Biên", "Đặng Văn Hưởng", "héc-ta"):
        assert words in text, words
    fonts = pdf_fonts(content)
    assert fonts and all(fonts.values()), fonts  # every font embedded
    # Subsets (`/ABCDEF+Noto-Serif`) of the Debian fonts with Vietnamese letters that pdf.css asks for.
    assert any(re.search(r"\+(Noto-?Serif|DejaVu-?Serif)", name) for name in fonts), fonts
    # Shared by the front-end cache like the page itself.
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control and "s-maxage=300" in cache_control


@pytest.mark.django_db
def test_every_printable_page_type_has_a_pdf_with_its_title(client, unit):
    decision(unit, "17/QĐ-LT", date(2026, 3, 2), [awardee("Nguyễn Thị Lưu")], title="Quyết định lưu trữ thử")
    checked = []
    for model in archive.archived_page_models():
        page = archive.archived_pages().type(model).order_by("-first_published_at").first()
        if page is None:
            continue  # a type the demo content has none of (consultations, for now)
        response = client.get(page.url + "pdf/")
        assert response.status_code == 200, page.url
        if os.environ.get("ARCHIVE_SHOTS"):  # keep the PDFs to look at
            Path(os.environ["ARCHIVE_SHOTS"], f"{model._meta.model_name}.pdf").write_bytes(response.content)
        title = re.sub(r"\s+", " ", unicodedata.normalize("NFC", page.title))
        assert title[:40] in pdf_text(response.content), page.url
        checked.append(model)
    assert {PlanPage, MovementPage, ExemplarStoryPage, DecisionPage} <= set(checked)


@pytest.mark.django_db
def test_article_pages_link_their_pdf_next_to_the_print_view(client, story):
    html = client.get(story.url).content.decode()
    assert f'href="{story.url}print/"' in html
    assert f'href="{story.url}pdf/" rel="alternate" type="application/pdf">Tải PDF</a>' in html
    assert "Tải PDF" not in client.get(story.url + "print/").content.decode()


@pytest.mark.django_db
def test_a_pdf_is_answered_only_where_the_page_is(client, unit):
    draft = factories.story(unit, "Lưu trữ thử: bài nháp", publish_it=False)
    private = factories.story(unit, "Lưu trữ thử: bài hạn chế xem")
    factories.restrict(private)
    expired = factories.story(unit, "Lưu trữ thử: bài đã hết hạn")
    ExemplarStoryPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    unpublished = factories.story(unit, "Lưu trữ thử: bài đã gỡ")
    unpublished.unpublish()
    for page in (draft, private, expired, unpublished):
        url = Page.objects.get(pk=page.pk).url
        shown, printed, as_pdf = (client.get(url + suffix) for suffix in ("", "print/", "pdf/"))
        assert shown.status_code in (302, 404), page.title
        assert as_pdf.status_code == shown.status_code == printed.status_code, page.title
        assert as_pdf.get("Content-Type", "") != "application/pdf"
        assert b"%PDF" not in as_pdf.content
    # A logged-in reader may open the private page, and so its PDF, which is then never shared.
    client.force_login(get_user_model().objects.create_user("doc-gia-luu-tru"))
    response = client.get(private.url + "pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_pdf_is_rendered_once_per_content(client, story, monkeypatch):
    renders = []
    real_render = pdf.render_pdf
    monkeypatch.setattr(pdf, "render_pdf", lambda html, base_url: renders.append(1) or real_render(html, base_url))
    first = client.get(story.url + "pdf/").content
    for _ in range(5):
        assert client.get(story.url + "pdf/").content == first
    assert len(renders) == 1
    story.title = "Điển hình thi đua yêu nước: người giữ rừng (bản sửa)"
    factories.publish(story)
    changed = client.get(story.url + "pdf/").content
    assert len(renders) == 2 and "(bản sửa)" in pdf_text(changed)


@pytest.mark.django_db
def test_without_pango_the_pdf_is_unavailable_and_says_so(client, story, monkeypatch):
    def missing_pango(html, base_url):
        raise OSError("cannot load library 'libpango-1.0-0'")  # what WeasyPrint's import raises then

    monkeypatch.setattr(pdf, "render_pdf", missing_pango)
    response = client.get(story.url + "pdf/")
    assert response.status_code == 503
    assert response.content.decode() == "Chưa tạo được bản PDF. Hãy dùng bản in."
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_pdf_reads_images_and_styles_from_the_site_and_nothing_else(story):
    image = get_image_model().objects.create(title="Rừng Tân Biên", file=get_test_image_file("rung.png"))
    rendition = image.get_rendition("width-200")
    base = "http://thidua.test/a/b/"
    allowed = {"thidua.test", ""}
    assert pdf.local_file("http://thidua.test/static/css/print.css", allowed)[1] == "text/css"
    assert pdf.local_file(rendition.url, allowed)[1] == "image/png"
    for refused in (
        "http://elsewhere.example/static/css/print.css",  # another host: never the network
        "file:///etc/passwd",
        "http://thidua.test/static/../../../etc/passwd",
        "http://thidua.test/media/documents/secret.pdf",  # documents keep Wagtail's own privacy checks
        "http://thidua.test/media/images/../../secret",
        "http://thidua.test/khong-phai-tep/",
    ):
        assert pdf.local_file(refused, allowed) is None, refused
    html = f'<html lang="vi"><body><h1>Ảnh rừng</h1><img src="{rendition.url}" alt="Rừng"></body></html>'
    reader = PdfReader(io.BytesIO(pdf.render_pdf(html, base)))
    xobjects = reader.pages[0]["/Resources"].get("/XObject", {})
    assert any(obj.get_object()["/Subtype"] == "/Image" for obj in xobjects.values())


# --- Monthly archive -------------------------------------------------------------------------------------------


def published_on(page: Page, moment: datetime) -> Page:
    """Back-date a page's first publication (the month the archive files it under)."""
    Page.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    return page


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def july_2019(unit):
    """Articles of all kinds first published in July 2019 (no demo content then), and some that must not show."""
    assert not archive.archived_pages().filter(first_published_at__year=2019).exists()
    movement = factories.movement(unit, "Lưu trữ thử: phong trào tháng bảy")
    public = [
        published_on(factories.plan(unit, "Lưu trữ thử: kế hoạch tháng bảy"), local(2019, 7, 1, 0, 5)),
        published_on(movement, local(2019, 7, 9, 8, 0)),
        published_on(factories.story(unit, "Lưu trữ thử: gương tháng bảy"), local(2019, 7, 15, 9, 30)),
        published_on(
            decision(unit, "19/QĐ-LT", date(2019, 7, 20), [awardee("Trần Thị Lưu")], title="Lưu trữ thử: quyết định"),
            local(2019, 7, 31, 23, 55),
        ),
    ]
    hidden = []
    draft = factories.story(unit, "Lưu trữ thử: gương đã gỡ", publish_it=True)
    draft.unpublish()
    hidden.append(published_on(draft, local(2019, 7, 3)))
    private = published_on(factories.story(unit, "Lưu trữ thử: gương hạn chế xem"), local(2019, 7, 4))
    factories.restrict(private)
    hidden.append(private)
    expired = published_on(factories.story(unit, "Lưu trữ thử: gương hết hạn"), local(2019, 7, 5))
    ExemplarStoryPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    hidden.append(expired)
    # The months around it, by the portal's clock (UTC+7).
    hidden.append(published_on(factories.story(unit, "Lưu trữ thử: gương cuối tháng sáu"), local(2019, 6, 30, 23, 59)))
    hidden.append(published_on(factories.story(unit, "Lưu trữ thử: gương đầu tháng tám"), local(2019, 8, 1, 0, 0)))
    return {"public": public, "hidden": hidden}


@pytest.mark.django_db
def test_a_month_lists_exactly_its_public_articles_with_their_links(client, july_2019, unit):
    response = client.get("/luu-tru/2019/07/")
    assert response.status_code == 200
    html = response.content.decode()
    assert titles_listed(html) == [escape(page.title) for page in july_2019["public"]]  # by date of publication
    for page in july_2019["public"]:
        page = page.specific
        for link in (page.url, page.url + "print/", page.url + "pdf/"):
            assert f'href="{link}"' in html, link
    assert "Kế hoạch" in html and "Phong trào thi đua" in html and "Quyết định khen thưởng" in html
    assert f'href="{unit.url}">{escape(unit.title)}</a>' in html
    assert "01/07/2019" in html and "31/07/2019" in html
    assert "<h1>Bài đăng tháng 7/2019</h1>" in html and "4 bài đăng lần đầu trong tháng" in html
    for page in july_2019["hidden"]:
        assert escape(page.title) not in html
    assert titles_listed(client.get("/luu-tru/2019/06/").content.decode()) == [escape(july_2019["hidden"][-2].title)]
    assert titles_listed(client.get("/luu-tru/2019/08/").content.decode()) == [escape(july_2019["hidden"][-1].title)]


@pytest.mark.django_db
def test_the_index_counts_public_articles_by_month(client, july_2019):
    html = client.get("/luu-tru/").content.decode()
    assert re.search(r'<a href="/luu-tru/2019/07/">Tháng 7/2019</a> <span class="archive-count">\(4 bài\)</span>', html)
    assert re.search(r'<a href="/luu-tru/2019/06/">Tháng 6/2019</a> <span class="archive-count">\(1 bài\)</span>', html)
    assert re.search(r"Năm 2019 <span class=\"archive-count\">\(6 bài\)</span>", html)
    total = archive.archived_pages().count()
    months = archive.archive_months()
    assert sum(month.count for month in months) == total
    for month in months:  # every month's count is its page's count
        assert f'href="{month.url}"' in html
    # Linked from every page's footer.
    assert 'href="/luu-tru/">Lưu trữ bài viết</a>' in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_month_is_paginated(client, july_2019, settings):
    settings.EXEMPLAR_PAGES_ARCHIVE_PAGE_SIZE = 3
    first = client.get("/luu-tru/2019/07/").content.decode()
    second = client.get("/luu-tru/2019/07/?page=2").content.decode()
    titles = [escape(page.title) for page in july_2019["public"]]
    assert titles_listed(first) == titles[:3] and titles_listed(second) == titles[3:]
    assert 'aria-label="Trang 2"' in first and 'rel="next"' in first
    assert 'aria-current="page" aria-label="Trang 2"' in second and '<ol class="archive-list" start="4">' in second


@pytest.mark.django_db
def test_bad_or_empty_months_are_not_found(client, july_2019):
    for path in (
        "/luu-tru/2019/13/",
        "/luu-tru/2019/00/",
        "/luu-tru/2019/7/",
        "/luu-tru/0000/07/",
        "/luu-tru/0001/01/",
        "/luu-tru/9999/12/",
        "/luu-tru/2019/ab/",
        "/luu-tru/1990/01/",  # a month with nothing published
    ):
        assert client.get(path).status_code == 404, path


@pytest.mark.django_db
def test_the_sitemap_lists_the_archive_months(client, july_2019, settings):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    site_root = Page.objects.get(pk=july_2019["public"][0].pk).get_site().root_url
    assert f"{site_root}/luu-tru/2019/07/" in locations
    assert f"{site_root}/luu-tru/2019/06/" in locations
    assert not any("/luu-tru/2019/05/" in location for location in locations)


# --- In Chromium -------------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_archive_reads_on_a_phone_and_a_desktop(live_portal, chromium, tmp_path):
    portal = live_portal(processes=("web",))
    shots = Path(os.environ.get("ARCHIVE_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    for width_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = chromium.new_context(viewport=viewport, locale="vi-VN")
        page = context.new_page()
        page.goto(portal.url("/luu-tru/"))
        assert page.locator("h1").inner_text() == "Lưu trữ bài viết"
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.screenshot(path=str(shots / f"archive-index-{width_name}.png"), full_page=True)
        page.locator(".archive-months a").first.click()
        assert page.locator("h1").inner_text().startswith("Bài đăng tháng")
        assert page.locator(".archive-item").count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.screenshot(path=str(shots / f"archive-month-{width_name}.png"), full_page=True)
        pdf_link = page.get_by_role("link", name=re.compile("^Tải PDF")).first
        answer = page.request.get(pdf_link.evaluate("link => link.href"))
        assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
        assert answer.body().startswith(b"%PDF")
        context.close()

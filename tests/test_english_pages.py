"""The English pages (issue #17 point 5, DESIGN §11): the agency's information under /en/ through
Wagtail's locales, a language switcher on every page, and Vietnamese everywhere else whatever the
browser asks for."""

import re
from html import escape

import pytest
from wagtail.models import Locale, Page, Site, WorkflowPage

from exemplar_pages.models import (
    ColumnPage,
    ConsultationPage,
    ContestPage,
    DecisionPage,
    ExemplarStoryPage,
    MovementPage,
    PlanPage,
    UnitPage,
)
from exemplar_pages.visibility import public_now
from home.demo.english import PAGES
from home.demo.identity import DEMO_IDENTITY
from home.models import HomePage, InformationPage

pytestmark = pytest.mark.django_db


def english_home() -> HomePage:
    return HomePage.objects.get(locale__language_code="en")


def switcher(html: str) -> str:
    match = re.search(r'<ul class="language-switch">.*?</ul>', html, re.S)
    assert match, "no language switcher"
    return match.group(0)


def test_en_shows_the_agency_in_english(client):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html and response["Content-Language"] == "en"
    assert escape(DEMO_IDENTITY["name_en"]) in html and escape(DEMO_IDENTITY["parent_agency_en"]) in html
    assert DEMO_IDENTITY["address"] in html and DEMO_IDENTITY["email"] in html
    # The interface in English: the project's msgids are English, the Vietnamese is the catalogue's.
    for text in ("Skip to main content", "Main navigation", "Person responsible for the content", "Contact"):
        assert text in html, text
    assert "Bỏ qua, đến nội dung chính" not in html and "Trang chủ" not in html
    for spec in PAGES:
        assert f'href="/en/{spec["slug"]}/"' in html, spec["slug"]
    # Back to Vietnamese from the switcher.
    assert '<a href="/" lang="vi" hreflang="vi">Tiếng Việt</a>' in switcher(html)


def test_information_pages_render_their_body_in_english(client):
    for spec in PAGES:
        html = client.get(f"/en/{spec['slug']}/").content.decode()
        assert f"<h1>{spec['title']}</h1>" in html
        assert '<html lang="en"' in html
    html = client.get("/en/organisation-and-functions/").content.decode()
    assert "<h2" in html and "Functions" in html and "<li>Consider nominations" in html


def test_vietnamese_pages_stay_vietnamese_whatever_the_browser_asks(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="vi"' in html and response["Content-Language"] == "vi"
    assert "Bỏ qua, đến nội dung chính" in html and "Skip to main content" not in html
    assert "Accept-Language" not in response.get("Vary", "")
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in switcher(html)
    admin = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Đăng nhập" in admin


def test_every_page_type_links_to_the_english_pages(client):
    models = [
        ColumnPage,
        UnitPage,
        MovementPage,
        PlanPage,
        ExemplarStoryPage,
        DecisionPage,
        ConsultationPage,
        ContestPage,
    ]
    paths = ["/", "/tim-kiem/?q=n%C3%B4ng+th%C3%B4n", "/khen-thuong/", "/lay-y-kien/", "/thong-ke/", "/luu-tru/"]
    for model in models:
        page = public_now(model.objects.filter(locale__language_code="vi")).order_by("pk").first()
        assert page is not None, model.__name__
        paths.append(page.url)
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert 'href="/en/" lang="en" hreflang="en"' in switcher(response.content.decode()), path


def test_a_translated_page_links_to_its_translation(client):
    english = Locale.objects.get(language_code="en")
    contact = InformationPage.objects.get(locale=english, slug="contact")
    home = HomePage.objects.get(locale__language_code="vi")
    vietnamese = home.add_child(
        instance=InformationPage(title="Liên hệ", slug="lien-he", translation_key=contact.translation_key)
    )
    vietnamese.save_revision().publish()
    html = client.get("/en/contact/").content.decode()
    assert '<a href="/lien-he/" lang="vi" hreflang="vi">Tiếng Việt</a>' in switcher(html)
    html = client.get("/lien-he/").content.decode()
    assert '<a href="/en/contact/" lang="en" hreflang="en">English</a>' in switcher(html)


def test_no_english_link_while_the_english_home_is_not_public(client):
    english_home().unpublish()
    html = client.get("/").content.decode()
    assert 'class="language-switch"' not in html
    assert client.get("/en/").status_code == 404
    assert client.get("/en/contact/").status_code == 404


def test_unpublished_english_pages_never_reach_anonymous_readers(client):
    contact = InformationPage.objects.get(locale__language_code="en", slug="contact")
    contact.unpublish()
    assert client.get("/en/contact/").status_code == 404
    assert 'href="/en/contact/"' not in client.get("/en/").content.decode()
    assert "/en/contact/" not in client.get("/sitemap.xml").content.decode()
    assert b"Contact" not in client.get("/api/v3/pages/?type=home.InformationPage").content


def test_the_english_home_goes_through_the_council_like_the_vietnamese_one():
    home = HomePage.objects.get(locale__language_code="vi")
    assert WorkflowPage.objects.get(page=english_home()).workflow == WorkflowPage.objects.get(page=home).workflow
    contact = InformationPage.objects.get(locale__language_code="en", slug="contact")
    assert contact.get_workflow() == home.get_workflow()
    # A fresh translation (e.g. into a language added later) gets it the moment it is created.
    french = Locale.objects.create(language_code="fr")
    copy = home.copy_for_translation(french)
    assert WorkflowPage.objects.get(page=copy).workflow == home.get_workflow()


def test_only_one_home_page_per_language():
    root = Page.get_first_root_node()
    assert HomePage.max_count == 2
    assert not HomePage.can_create_at(root)
    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "vi"

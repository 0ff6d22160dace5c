"""Production serving: the public address (SITE_URL) in every absolute link, the Vietnamese error
pages, the offline API docs, and the entry points' settings. The live tests are in
tests/test_production_live.py."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings
from django.urls import path
from django.utils import translation
from django.views.defaults import server_error
from wagtail.models import Site

from cms.urls import urlpatterns as portal_urlpatterns
from exemplar_pages.models import ColumnPage, ExemplarStoryPage
from home.sites import site_address, sync_default_site
from tests.live import REPO_DIR

pytestmark = pytest.mark.django_db

PUBLIC = "https://thidua.example.gov.vn"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
EXTERNAL_ASSET = re.compile(r"cdn|unpkg|jsdelivr|cdnjs|googleapis", re.IGNORECASE)


def failing_view(request):
    raise RuntimeError("bí mật nội bộ: mật khẩu CSDL")


# This module is also the URLconf of the 500 tests: the portal's URLs plus a view that fails.
urlpatterns = [path("loi-thu/", failing_view), path("en/loi-thu/", failing_view), *portal_urlpatterns]


class AssetLinks(HTMLParser):
    """Every `src` and `href` of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [value for name, value in attrs if name in {"src", "href"} and value]


def asset_links(html: str) -> list[str]:
    parser = AssetLinks()
    parser.feed(html)
    return parser.links


@pytest.fixture
def public_address():
    """The portal on PUBLIC: SITE_URL set and the default Site put on it (as `migrate` does)."""
    with override_settings(SITE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC):
        assert sync_default_site() is True
        yield PUBLIC
    Site.clear_site_root_paths_cache()  # the database change rolls back; the cache does not


def column(slug: str) -> ColumnPage:
    return ColumnPage.objects.live().get(slug=slug)


def a_public_story() -> ExemplarStoryPage:
    return ExemplarStoryPage.objects.live().public().order_by("pk").first()


def test_site_url_becomes_the_default_sites_address(public_address):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("thidua.example.gov.vn", 443, PUBLIC)
    assert a_public_story().full_url == PUBLIC + a_public_story().url
    assert sync_default_site() is False  # already there: nothing saved


def test_site_url_that_a_site_cannot_say_is_refused():
    assert site_address("http://127.0.0.1:8000") == ("127.0.0.1", 8000)
    assert site_address("http://portal.example.test") == ("portal.example.test", 80)
    for wrong in ("https://thidua.example.gov.vn:8443", "http://portal.example.test:443", "ftp://x", "http://x/cong/"):
        with pytest.raises(ImproperlyConfigured):
            site_address(wrong)


def test_migrate_put_the_test_database_on_the_configured_site_url(settings):
    assert Site.objects.get(is_default_site=True).root_url == settings.SITE_URL


def test_feeds_link_to_site_url(client, public_address):
    stories = column("dien-hinh-tien-tien")
    rss = ET.fromstring(client.get(stories.url + "rss/").content)
    channel = rss.find("channel")
    assert channel.findtext("link") == PUBLIC + stories.url
    assert channel.find(ATOM + "link").get("href") == PUBLIC + stories.url + "rss/"
    item_links = [item.findtext("link") for item in channel.findall("item")]
    assert item_links and all(link.startswith(PUBLIC + "/") for link in item_links)
    story = ExemplarStoryPage.objects.get(title=channel.find("item").findtext("title"))
    assert item_links[0] == PUBLIC + story.url

    atom = ET.fromstring(client.get(stories.url + "atom/").content)
    links = {link.get("rel"): link.get("href") for link in atom.findall(ATOM + "link")}
    assert links == {"alternate": PUBLIC + stories.url, "self": PUBLIC + stories.url + "atom/"}
    entry_links = [entry.find(ATOM + "link").get("href") for entry in atom.findall(ATOM + "entry")]
    assert entry_links and all(link.startswith(PUBLIC + "/") for link in entry_links)


def test_sitemap_locations_are_on_site_url(client, public_address):
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in sitemap.iter(SITEMAP + "loc")]
    assert locations and all(location.startswith(PUBLIC + "/") for location in locations)
    assert PUBLIC + a_public_story().url in locations
    assert PUBLIC + column("thi-dua-yeu-nuoc").url in locations


def test_api_html_url_and_detail_url_are_on_site_url(client, public_address):
    story = a_public_story()
    meta = client.get(f"/api/v3/pages/{story.pk}/").json()["meta"]
    assert meta["html_url"] == PUBLIC + story.url
    assert meta["detail_url"] == f"{PUBLIC}/api/v3/pages/{story.pk}/"
    listed = client.get("/api/v3/pages/", {"slug": story.slug}).json()["items"]
    assert [item["meta"]["html_url"] for item in listed] == [PUBLIC + story.url]
    assert [item["meta"]["detail_url"] for item in listed] == [f"{PUBLIC}/api/v3/pages/{story.pk}/"]


def test_print_view_names_its_source_on_site_url(client, public_address):
    story = a_public_story()
    html = client.get(story.url + "print/").content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}{story.url}">' in html
    assert f"Nguồn: {PUBLIC}{story.url}" in html


def test_settings_derive_every_base_url_from_site_url():
    """WAGTAILADMIN_BASE_URL (links in e-mails) and the API's base follow SITE_URL unless set."""
    env = {key: value for key, value in os.environ.items() if key not in {"WAGTAILADMIN_BASE_URL", "SITE_URL"}}
    env.update(SITE_URL="https://thidua.example.gov.vn/", DJANGO_SETTINGS_MODULE="cms.settings.test")
    code = "import django; django.setup(); from django.conf import settings as s; "
    code += "print(s.SITE_URL, s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, env=env, capture_output=True, text=True)
    assert result.stdout.split() == [PUBLIC] * 3, result.stderr


@pytest.mark.django_db
def test_an_api_token_outlives_a_new_secret_key_listed_in_its_fallbacks(client, settings):
    """Tokens are hashed with SECRET_KEY: the demo's, made under the dev key, answer 401 under a production key
    until the old key is in SECRET_KEY_FALLBACKS (read from the environment, comma-separated)."""
    from wagtail.models import APIToken

    from tests.moderation_fixtures import make_user

    editor = make_user("token-xoay-khoa")
    settings.SECRET_KEY = "khoa-cu-" + "x" * 50
    _token, key = APIToken.create_token(user=editor, name="Thử xoay khóa")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get("/api/v3/workflow/inbox/", **headers).status_code == 200
    settings.SECRET_KEY = "khoa-moi-" + "y" * 50
    assert client.get("/api/v3/workflow/inbox/", **headers).status_code == 401
    settings.SECRET_KEY_FALLBACKS = ["khoa-cu-" + "x" * 50]
    assert client.get("/api/v3/workflow/inbox/", **headers).status_code == 200
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "SECRET_KEY_FALLBACKS": " khoa-a, khoa-b ,"}
    code = "import django; django.setup(); from django.conf import settings as s; print(s.SECRET_KEY_FALLBACKS)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "['khoa-a', 'khoa-b']", result.stderr


def entry_point_settings(module: str, **extra: str) -> subprocess.CompletedProcess:
    """Import cms.wsgi or cms.asgi with no DJANGO_SETTINGS_MODULE, as a server would."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env.pop("SECRET_KEY", None)
    env.pop("ALLOWED_HOSTS", None)
    env.update(extra)
    code = f"import {module}; from django.conf import settings as s; print(s.SETTINGS_MODULE, s.DEBUG)"
    return subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, env=env, capture_output=True, text=True)


@pytest.mark.parametrize("module", ["cms.wsgi", "cms.asgi"])
def test_entry_points_default_to_production_settings(module):
    # ALLOW_DEMO_ACCOUNTS: the database may be a seeded demo (cms/wsgi.py refuses one otherwise, home/checks.py).
    started = entry_point_settings(
        module, SECRET_KEY="k" * 50, ALLOWED_HOSTS="portal.example.test", ALLOW_DEMO_ACCOUNTS="1"
    )
    assert started.stdout.split() == ["cms.settings.production", "False"], started.stderr
    refused = entry_point_settings(module, ALLOWED_HOSTS="portal.example.test")
    assert refused.returncode != 0 and "SECRET_KEY must be set in production" in refused.stderr
    refused = entry_point_settings(module, SECRET_KEY="k" * 50)
    assert refused.returncode != 0 and "ALLOWED_HOSTS must be set in production" in refused.stderr


def test_unknown_address_answers_the_vietnamese_404(client):
    response = client.get("/trang-khong-co-that/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="vi"' in html and "<h1>Không tìm thấy trang</h1>" in html
    assert 'class="site-header"' in html and 'href="/tim-kiem/"' in html  # the portal's layout and a way on
    assert f'href="{column("thi-dua-yeu-nuoc").url}"' in html and f'href="{column("dien-hinh-tien-tien").url}"' in html
    assert "Traceback" not in html and "URLconf" not in html and "Page not found" not in html


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    ("path", "language", "heading", "home", "other_heading"),
    [
        ("/loi-thu/", "vi", "Đã xảy ra lỗi", "/", "Something went wrong"),
        ("/en/loi-thu/", "en", "Something went wrong", "/en/", "Đã xảy ra lỗi"),  # the English pages' language
    ],
)
def test_a_failing_view_answers_the_500_in_its_pages_language_without_details(
    client, path, language, heading, home, other_heading
):
    client.raise_request_exception = False
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in html and f"<h1>{heading}</h1>" in html and f'href="{home}"' in html
    assert other_heading not in html
    assert "Traceback" not in html and "RuntimeError" not in html and "mật khẩu CSDL" not in html


@override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    },
    STATIC_ROOT="/nonexistent-static-root",
)
def test_500_page_needs_no_database_context_processor_or_static_manifest(django_assert_num_queries):
    with django_assert_num_queries(0), translation.override("vi"):
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500 and "<h1>Đã xảy ra lỗi</h1>" in html
    assert '<link rel="stylesheet" href="/static/css/portal.css">' in html


def test_api_docs_reference_only_the_sites_own_assets(client):
    response = client.get("/api/v3/docs/")
    html = response.content.decode()
    assert response.status_code == 200
    assert not EXTERNAL_ASSET.search(html), EXTERNAL_ASSET.search(html)
    links = asset_links(html)
    assert {"/static/ninja/swagger-ui.css", "/static/ninja/swagger-ui-bundle.js"} <= set(links)
    for link in links:
        assert link.startswith("/static/") and not link.startswith("//"), link
        assert finders.find(link.removeprefix("/static/")), f"{link} is not a static file of the site"
    assert '"url": "/api/v3/openapi.json"' in html
    assert client.get("/api/v3/openapi.json").status_code == 200

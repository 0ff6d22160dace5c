"""The Wagtail admin speaks Vietnamese (Wagtail's strings in locale/wagtail/vi/LC_MESSAGES).

Wagtail ships an almost empty Vietnamese catalogue; the project's own catalogue
(LOCALE_PATHS, which Django puts ahead of the apps' catalogues) translates the
admin, and these tests keep it wired in and well-formed.
"""

import gettext
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from exemplar_pages.models import UnitPage

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "wagtail" / "vi" / "LC_MESSAGES"  # Wagtail's strings
PROJECT_LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"  # the project's own
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxX]|%[sdifr]|\{\w*\}")

# Wagtail msgid -> the translation editors see. Keep in step with locale/wagtail/vi/LC_MESSAGES/django.po.
EXPECTED = {
    "Save draft": "Lưu bản nháp",
    "Page title": "Tiêu đề trang",
    "Publish": "Đăng",
    "Unpublish": "Gỡ bài",
    "Submit for moderation": "Gửi duyệt",
    "Pages": "Trang",
    "Images": "Hình ảnh",
    "Documents": "Tài liệu",
    "Choose": "Chọn",
    "Awaiting your review": "Đang chờ bạn duyệt",
    "Promote": "SEO & hiển thị",
    "Workflows": "Quy trình duyệt",
    "Table caption": "Chú thích bảng",  # the plan's tables (wagtail.contrib.table_block)
}


@pytest.fixture
def editor_client(client, db):
    client.force_login(get_user_model().objects.get(username="bientapvien"))
    return client


@pytest.fixture
def editor_unit(db):
    return UnitPage.objects.get(title__icontains="thị trấn Tân Biên")


def test_catalogue_translates_wagtail_msgids():
    with translation.override("vi"):
        for msgid, expected in EXPECTED.items():
            assert translation.gettext(msgid) == expected, msgid
        assert translation.gettext("Submit to %(workflow_name)s") % {"workflow_name": "Duyệt đăng"} == (
            "Gửi duyệt theo quy trình “Duyệt đăng”"
        )
        assert translation.ngettext("Delete 1 page", "Delete %(counter)s pages", 3) % {"counter": 3} == "Xóa 3 trang"
        # Django's own vi catalogue lacks these; the admin shows them as "… trước".
        assert translation.ngettext("%(num)d minute", "%(num)d minutes", 5) % {"num": 5} == "5 phút"


@pytest.mark.parametrize(
    ("directory", "domain", "at_least"),
    [(LOCALE_DIR, "django", 1500), (LOCALE_DIR, "djangojs", 80), (PROJECT_LOCALE_DIR, "django", 1000)],
)
def test_compiled_catalogue_keeps_placeholders(directory, domain, at_least):
    """Every msgstr in the committed .mo keeps its msgid's placeholders (%(name)s, %s, {name})."""
    with open(directory / f"{domain}.mo", "rb") as fh:
        catalog = gettext.GNUTranslations(fh)._catalog
    assert len(catalog) > at_least
    for key, msgstr in catalog.items():
        if not key:  # header
            continue
        if isinstance(key, tuple):  # plural: msgstr[0] serves every count, so it may add the counter
            msgid = key[0].split("\x04")[-1]
            assert set(PLACEHOLDER.findall(msgid)) <= set(PLACEHOLDER.findall(msgstr)) | {"%s", "%d"}, msgid
        else:
            msgid = key.split("\x04")[-1]
            assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), msgid


def test_dashboard_is_vietnamese(editor_client):
    response = editor_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trang" in html
    assert "hình ảnh" in html.lower()
    assert "Tìm trong tất cả các trang" in html
    assert "Search all pages" not in html
    assert "Your most recent edits" not in html


@pytest.mark.parametrize("accept_language", ["", "en-US,en;q=0.9"])
def test_add_story_form_is_vietnamese(editor_client, editor_unit, accept_language):
    """Whatever language the browser asks for, the admin answers in Vietnamese."""
    url = reverse("wagtailadmin_pages:add", args=("exemplar_pages", "exemplarstorypage", editor_unit.pk))
    response = editor_client.get(url, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 200
    html = response.content.decode()
    for vietnamese in ("Lưu bản nháp", "Tiêu đề trang", "Gửi duyệt", "Nội dung", "SEO &amp; hiển thị"):
        assert vietnamese in html, vietnamese
    for english in ("Save draft", "Page title", "Submit to ", "Promote<"):
        assert english not in html, english


def test_admin_javascript_catalogue_is_vietnamese(editor_client):
    response = editor_client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    body = response.content.decode()
    # The catalogue is embedded as JSON, so non-ASCII text may be \u-escaped.
    for vietnamese in ("Cây trang", "Bảng điều khiển"):  # "Page explorer", "Dashboard"
        assert vietnamese in body or json.dumps(vietnamese)[1:-1] in body, vietnamese


def test_login_page_is_vietnamese_for_an_english_browser(client, db):
    html = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in html
    assert "Sign in" not in html

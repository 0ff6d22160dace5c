"""The citizen's path in a real headless Chromium: home → column → filter → story."""

import pytest

from exemplar_pages.models import ExemplarStoryPage, Field, UnitPage
from tests.live import choose_in_editor

# live_server needs committed data, so this test is transactional: it ends by emptying the
# database. pytest-django runs transactional tests last, and both paths share one test so
# that the second still finds the demo content.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(monkeypatch, chromium):
    # Playwright's sync API runs an event loop in this thread; the test's own ORM
    # queries stay synchronous and single-threaded, so Django's async guard is lifted.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    page = chromium.new_page()
    yield page
    page.close()


def test_citizen_and_editor_paths(live_server, browser_page):
    citizen_finds_an_exemplar_by_field(live_server, browser_page)
    editor_drafts_a_story_in_the_admin(live_server, browser_page)


def citizen_finds_an_exemplar_by_field(live_server, page) -> None:
    """Home → column → filter by field → story."""
    page.goto(live_server.url + "/")
    assert page.locator("h1").count() == 1

    page.get_by_role("link", name="Điển hình tiên tiến").first.click()
    page.wait_for_url("**/dien-hinh-tien-tien/")
    assert page.locator("h1").inner_text() == "Điển hình tiên tiến"

    field = Field.objects.get(slug="y-te")
    page.get_by_label("Lĩnh vực").select_option(field.slug)
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**field=y-te**")
    expected = list(ExemplarStoryPage.objects.live().public().filter(field=field).order_by("-first_published_at"))
    cards = page.locator(".results .card__title a")
    assert cards.count() == min(len(expected), 12)
    assert cards.first.inner_text() == expected[0].title

    cards.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == expected[0].title
    facts = page.locator("dl.facts").inner_text()
    assert "Y tế" in facts and expected[0].subject_name in facts


def editor_drafts_a_story_in_the_admin(live_server, page) -> None:
    """The editor logs in, writes a story with the choosers, saves a draft: the slug folds Vietnamese."""
    from django.contrib.auth import get_user_model

    from exemplar_pages.moderation.permissions import units_edited_by
    from home.demo.users import DEMO_PASSWORD

    editor = get_user_model().objects.get(username="bientapvien")
    unit = UnitPage.objects.get(pk=units_edited_by(editor)[0])
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")

    page.goto(f"{live_server.url}/admin/pages/add/exemplar_pages/exemplarstorypage/{unit.pk}/")
    page.locator("#id_title").press_sequentially("Đảng viên trẻ Đinh Văn Đức giữ rừng")
    page.fill("#id_subject_name", "Anh Đinh Văn Đức")
    page.select_option("#id_subject_type", "individual")
    page.fill("#id_year", "2025")
    for field_name, choice in (("field", "Nông nghiệp"), ("locality", "Xã Tân Lập")):
        choose_in_editor(page, field_name, choice)
    page.get_by_role("button", name="Save draft").or_(page.get_by_role("button", name="Lưu bản nháp")).first.click()
    page.wait_for_load_state()

    story = ExemplarStoryPage.objects.get(title="Đảng viên trẻ Đinh Văn Đức giữ rừng")
    assert story.slug == "dang-vien-tre-dinh-van-duc-giu-rung"
    assert (story.live, story.get_parent().pk, story.field.name, story.year) == (False, unit.pk, "Nông nghiệp", 2025)
    assert story.locality.name == "Xã Tân Lập"

"""The citizen's path in a real headless Chromium: home → column → filter → story."""

import os

import pytest

from exemplar_pages.models import ExemplarStoryPage, Field
from tests.servers import CHROMIUM_ARGS, chromium_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the test's own ORM
    # queries stay synchronous and single-threaded, so Django's async guard is lifted.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    path = chromium_path()
    if not path:
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required here: run `scripts/browser install`.")
        pytest.skip("Chromium is not installed (scripts/browser install)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        yield page
        browser.close()


def test_citizen_finds_an_exemplar_by_field(live_server, browser_page):
    page = browser_page
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

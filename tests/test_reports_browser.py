"""In Chromium at 390 px and 1366 px (issue #16): the public statistics page and the standing office's
dashboard. Screenshots go to REPORTS_SHOTS (or the test's temporary directory)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from home.demo.users import DEMO_PASSWORD

pytestmark = [pytest.mark.live, pytest.mark.slow, pytest.mark.browser, pytest.mark.any_database]
WIDTHS = (("phone", {"width": 390, "height": 844}), ("desktop", {"width": 1366, "height": 900}))


def test_statistics_and_dashboard_on_a_phone_and_a_desktop(live_portal, chromium, tmp_path):
    portal = live_portal(processes=("web",))
    shots = Path(os.environ.get("REPORTS_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    for width_name, viewport in WIDTHS:
        context = chromium.new_context(viewport=viewport, locale="vi-VN")
        page = context.new_page()
        # The citizen: from a column to the statistics, charts beside their tables, nothing wider than the screen.
        page.goto(portal.url("/dien-hinh-tien-tien/"))
        page.get_by_role("link", name="Thống kê gương điển hình").first.click()
        page.wait_for_url("**/thong-ke/")
        assert page.locator("h1").inner_text() == "Thống kê gương điển hình"
        assert page.locator("svg[role='img']").count() == 5 and page.locator("table").count() == 5
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert page.get_by_role("table", name="Số gương điển hình theo lĩnh vực").count() == 1
        page.screenshot(path=str(shots / f"thong-ke-{width_name}.png"), full_page=True)
        # The standing office: the dashboard of this year, late units named in words.
        page.goto(portal.url("/admin/login/"))
        page.fill("#id_username", "thuongtruc")
        page.fill("#id_password", DEMO_PASSWORD)
        page.locator("button[type='submit']").first.click()
        page.wait_for_url("**/admin/")
        page.goto(portal.url("/admin/bao-cao/guong-dien-hinh-theo-quy/"))
        assert page.locator("h1").first.inner_text().strip() == "Gương điển hình theo quý"
        assert "đơn vị trễ hạn" in page.locator(".quota-summary").inner_text()
        assert page.locator("table.listing tbody tr").count() >= 10
        page.screenshot(path=str(shots / f"dashboard-{width_name}.png"), full_page=True)
        page.locator("table.listing").screenshot(path=str(shots / f"dashboard-table-{width_name}.png"))
        context.close()

"""An expiry takes effect by itself on a running portal (issue #11, DESIGN §4 and §7).

The real processes `make demo` runs (web, worker, scheduler) on a fresh seeded database. A story is
approved through the workflow API with its expiry under a minute ahead; nobody runs a command after
that. Its URL and the sitemap drop it when the expiry comes (the public paths check the expiry
themselves), and the scheduler's `publish_scheduled` job then takes the page down in the database.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.live, pytest.mark.slow]

EXPIRY_AHEAD_SECONDS = 50  # set when the editor saves; the review takes a few seconds more
TITLE = "Anh Điểu Văn Tâm giữ rừng đầu nguồn"


def set_expiry_as_editor(portal, page_id: int, seconds: int) -> float:
    """The editor sets the expiry in the admin's schedule and saves a draft (the API has no field for it).

    Returns the expiry as a Unix time, from the portal's own clock.
    """
    code = f"""
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page
page = Page.objects.get(pk={page_id}).get_latest_revision_as_object()
page.expire_at = timezone.now() + timedelta(seconds={seconds})
page.save_revision(user=get_user_model().objects.get(username="bientapvien"))
print(page.expire_at.timestamp())
"""
    return float(portal.shell(code).strip().splitlines()[-1])


def act(portal, page_id: int, username: str, action: str, comment: str = "") -> dict:
    response = portal.review(page_id, username, action, comment)
    assert response.status == 200, (username, action, response.status, response.text)
    return response.json()


def in_sitemap(portal, path: str) -> bool:
    response = portal.request("GET", "/sitemap.xml")
    assert response.status == 200, response.status
    return re.search(rf"<loc>[^<]*{re.escape(path)}</loc>", response.text) is not None


def presence(portal, path: str) -> tuple[bool, bool]:
    """Whether the story is served at its URL, and whether the sitemap lists it."""
    status = portal.request("GET", path).status
    assert status in (200, 404), status
    return status == 200, in_sitemap(portal, path)


def test_an_approved_story_expires_by_itself(live_portal):
    portal = live_portal()  # web, worker and scheduler, as `make demo` runs them
    facts = portal.demo_facts()
    created = portal.create_story(
        TITLE,
        facts,
        subject_name="Điểu Văn Tâm",
        summary="Mười năm giữ rừng đầu nguồn cùng tổ bảo vệ rừng của ấp.",
        body=[{"type": "paragraph", "value": "<p>Bài đăng có thời hạn.</p>"}],
    )
    assert created.status == 201, created.text
    page_id = created.json()["id"]
    expires = set_expiry_as_editor(portal, page_id, EXPIRY_AHEAD_SECONDS)

    act(portal, page_id, "bientapvien", "submit", "Kính trình, bài có thời hạn đăng")
    act(portal, page_id, "thuongtruc", "approve", "Trình Hội đồng")
    act(portal, page_id, "hoidong1", "approve")
    state = act(portal, page_id, "hoidong2", "approve")
    approved_at = time.time()
    assert state["state"] == "published" and state["live"], state
    assert 15 <= expires - approved_at <= EXPIRY_AHEAD_SECONDS, "approved with its expiry still well ahead"

    public = portal.request("GET", f"/api/v3/pages/{page_id}/")
    assert public.status == 200 and public.json()["title"] == TITLE
    path = urlsplit(public.json()["meta"]["html_url"]).path
    assert presence(portal, path) == (True, True), "published: on its URL and in the sitemap"

    # Nobody runs a command from here on.
    last_seen = time.time()
    while any(presence(portal, path)):
        last_seen = time.time()
        assert last_seen < expires + 120, "still public two minutes after its expiry"
        time.sleep(1)
    gone_at = time.time()
    assert presence(portal, path) == (False, False)
    assert last_seen < expires + 2 and gone_at >= expires - 2, (last_seen - expires, gone_at - expires)
    assert portal.request("GET", path + "print/").status == 404
    assert portal.request("GET", f"/api/v3/pages/{page_id}/").status == 404

    # Then the scheduler's publish_scheduled (run by the worker) takes the page down in the database.
    def taken_down() -> bool:
        workflow = portal.request("GET", f"/api/v3/workflow/pages/{page_id}/", token="admin").json()
        return not workflow["live"]

    portal.wait_until(taken_down, timeout=180, interval=3, message="publish_scheduled never took the page down")
    workflow = portal.request("GET", f"/api/v3/workflow/pages/{page_id}/", token="admin").json()
    assert "wagtail.unpublish.scheduled" in [entry["action"] for entry in workflow["history"]]
    assert presence(portal, path) == (False, False)
    portal.assert_logs_clean()

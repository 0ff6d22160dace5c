"""axe-core (bundled by `axe-playwright-python`) finds no violation on the portal's public pages, at a
phone's and a desktop's width, in Debian's Chromium against the real processes (issue #17 Tests)."""

from __future__ import annotations

import pytest

from tests.test_portal_face import DESKTOP, PHONE

pytestmark = [pytest.mark.live, pytest.mark.slow, pytest.mark.browser, pytest.mark.any_database]

FIND_PAGES = """
import json
from exemplar_pages.models import ConsultationPage, ExemplarStoryPage, MovementPage, DecisionPage
from exemplar_pages.visibility import public_now
def first(model):
    page = public_now(model.objects.all()).order_by("pk").first()
    return page.url if page else None
story = public_now(ExemplarStoryPage.objects.exclude(hero_image=None)).order_by("pk").first()
open_consultation = next(p for p in public_now(ConsultationPage.objects.all()) if p.state() == "open")
print(json.dumps({
    "story": story.url, "movement": first(MovementPage), "decision": first(DecisionPage),
    "consultation": open_consultation.url,
}))
"""


def violations_text(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(str(node.get("target")) for node in violation.get("nodes", [])[:5])
        lines.append(f"{violation['id']} ({violation.get('impact')}): {violation['help']} — {targets}")
    return "\n".join(lines)


def test_axe_finds_no_violation_on_public_pages(live_portal, chromium):
    import json

    from axe_playwright_python.sync_playwright import Axe

    portal = live_portal(processes=("web",))
    found = json.loads(portal.shell(FIND_PAGES).strip().splitlines()[-1])
    pages = {
        "home": "/",
        "column": "/dien-hinh-tien-tien/",
        "search": "/tim-kiem/?q=n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi",
        "search-empty": "/tim-kiem/?q=zyxwv+qu%C6%A1rty",
        "decisions": "/khen-thuong/",
        "consultations": "/lay-y-kien/",
        "archive": "/luu-tru/",
        "english": "/en/",
        "english-information": "/en/organisation-and-functions/",
        **found,
    }
    axe = Axe()
    problems = {}
    for width_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = chromium.new_context(viewport=viewport, locale="vi-VN", bypass_csp=True).new_page()
        for name, path in pages.items():
            response = page.goto(portal.url(path))
            assert response.status == 200, (name, path, response.status)
            results = axe.run(page)
            violations = results.response["violations"]
            if violations:
                problems[f"{name} ({width_name}) {path}"] = violations_text(violations)
    assert not problems, "\n\n".join(f"{where}:\n{text}" for where, text in problems.items())
    portal.assert_logs_clean()

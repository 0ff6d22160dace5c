"""Search v2 on a running portal (issue #13, DESIGN §5): what a citizen types, while editors publish.

The real processes (gunicorn with the production settings' DEBUG off, the worker, the scheduler)
on a fresh seeded database. A story goes through the council's review over the API; meanwhile
readers search with typos, without diacritics and with ethnic-minority names, and a second story
is published, so every web process re-reads its index while they search. Nothing answers 5xx,
the logs hold no traceback, and the citizen's imperfect queries find the story.
"""

from __future__ import annotations

import threading
import time
from urllib.parse import urlencode

import pytest

from tests.live import FULL_REVIEW

pytestmark = [pytest.mark.live, pytest.mark.slow]

TITLE = "Chị H'Hen Niê và nhóm hiến máu tình nguyện buôn Ea Púk"
QUERIES = (
    "hien mau tinh nguyem",  # no diacritics, one letter wrong
    "hiến máu tình nguyệm",
    "H'Hen Niê",
    "hen nie hien mau",
    "nhóm hiến máu buôn Ea Púk tình nguyện",  # six words; the story holds them all
)


def publish(portal, facts: dict, title: str, **fields) -> int:
    created = portal.create_story(title, facts, **fields)
    assert created.status == 201, created.text
    page_id = created.json()["id"]
    for username, action in FULL_REVIEW:
        response = portal.review(page_id, username, action, "Đồng ý")
        assert response.status == 200, (username, action, response.text)
    return page_id


def found(portal, query: str) -> list[int]:
    response = portal.request("GET", "/api/v3/search/?" + urlencode({"q": query, "page_size": 10}))
    assert response.status == 200, (query, response.status, response.text[:300])
    return [hit["id"] for hit in response.json()["results"]]


def test_citizens_find_what_they_mean_while_editors_publish(live_portal):
    portal = live_portal(web="gunicorn")
    facts = portal.demo_facts()
    story = publish(
        portal,
        facts,
        TITLE,
        subject_name="H'Hen Niê",
        summary="Chị H'Hen Niê lập nhóm hiến máu tình nguyện ở buôn Ea Púk, mỗi năm bốn đợt.",
        body=[
            {
                "type": "paragraph",
                "value": "<p>Nhóm có 40 thành viên người Ê Đê.</p><p>Hiến máu &amp; giúp bệnh nhân nghèo.</p>",
            }
        ],
    )
    for query in QUERIES:
        assert found(portal, query)[:3].count(story) == 1, query

    statuses: list[int] = []
    stop = threading.Event()

    def reader(offset: int) -> None:
        index = offset
        while not stop.is_set():
            query = QUERIES[index % len(QUERIES)]
            statuses.append(portal.request("GET", "/api/v3/search/?" + urlencode({"q": query})).status)
            statuses.append(portal.request("GET", "/tim-kiem/?" + urlencode({"q": query})).status)
            index += 1

    readers = [threading.Thread(target=reader, args=(number,)) for number in range(4)]
    for thread in readers:
        thread.start()
    try:
        second = publish(
            portal,
            facts,
            "Anh Y Ngông Niê Kdăm giữ nghề dệt thổ cẩm",
            subject_name="Y Ngông Niê Kdăm",
            summary="Anh Y Ngông Niê Kdăm dạy nghề dệt cho thanh niên buôn Ea Púk.",
        )
        portal.wait_until(lambda: second in found(portal, "Y Ngong Nie Kdam det tho cam"), timeout=30, interval=1)
        time.sleep(2)
    finally:
        stop.set()
        for thread in readers:
            thread.join(timeout=30)
    assert len(statuses) > 40 and set(statuses) == {200}, sorted(set(statuses))
    # The text was extracted paragraph by paragraph, with its entities decoded.
    assert story in found(portal, "người Ê Đê hiến máu giúp bệnh nhân")
    assert story not in found(portal, "đêhiến")  # the two paragraphs are not glued into one word
    portal.assert_logs_clean()

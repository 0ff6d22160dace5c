"""Errors of the v3 API: 4xx problem+json in Vietnamese naming the parameter, never a 500 (issue #12).

And no id of a page anonymous readers may not see in a public field (a story's `movement`, a
plan's `movement_ids`, a legal basis's `linked_plan_id`).
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import APIToken, Page

from exemplar_pages.models import ExemplarStoryPage, MovementPage, PlanPage, PlanReference
from tests import factories

pytestmark = pytest.mark.django_db

PROBLEM_JSON = "application/problem+json"
# Letters only Vietnamese uses: an English detail has none of them.
VIETNAMESE = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def demo_bearer(username: str) -> dict[str, str]:
    user = get_user_model().objects.get(username=username)
    return {"HTTP_AUTHORIZATION": f"Bearer {APIToken.create_token(user=user, name='test')[1]}"}


def assert_problem(response, status: int, *names: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["status"] == status
    assert VIETNAMESE & set(body["detail"].lower()), body
    assert VIETNAMESE & set(body["title"].lower()), body
    for name in names:
        assert f"“{name}”" in body["detail"], body
    return body


@pytest.mark.parametrize("listing", ["pages", "documents", "images", "redirects"])
def test_an_offset_past_any_database_integer_is_400_naming_offset(client, listing):
    response = client.get(f"/api/v3/{listing}/?offset=99999999999999999999")
    assert_problem(response, 400, "offset")


def test_a_limit_past_the_maximum_is_400_in_vietnamese(client):
    assert_problem(client.get("/api/v3/pages/?limit=1000"), 400, "limit")


def test_a_quote_in_the_pages_search_is_not_a_server_error(client):
    response = client.get("/api/v3/pages/", {"search": 'a"b'})
    if response.status_code == 200:  # PostgreSQL's full-text parser takes the quote as punctuation.
        assert response.json()["count"] >= 0
    else:
        assert_problem(response, 400, "search")


def test_ordering_by_an_unknown_field_is_400_naming_order(client):
    response = client.get("/api/v3/pages/?order=no_such_field")
    assert_problem(response, 400, "order")


def test_ordering_by_id_is_valid_or_400_naming_order(client):
    response = client.get("/api/v3/pages/?order=id")
    if response.status_code == 200:
        ids = [item["id"] for item in response.json()["items"]]
        assert ids == sorted(ids)
    else:
        assert_problem(response, 400, "order")


def test_a_bad_path_parameter_is_400_naming_it(client):
    assert_problem(client.get("/api/v3/pages/abc/"), 400, "page_id")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/pages/null/",
        "/api/v3/pages/-2.6e-244/",
        "/api/v3/pages/1e400/",
        "/api/v3/pages/4201714525726996692992/",
    ],
)
def test_a_page_id_that_is_no_number_is_a_4xx_problem_on_reads_and_writes(client, path):
    """Wagtail reads the id of a write before ninja checks it: no 500 either way."""
    editor = demo_bearer("bientapvien")
    assert client.get(path, **editor).status_code in (400, 404)
    response = client.patch(path, data={"title": "x"}, content_type="application/json", **editor)
    assert response.status_code in (400, 404, 422), response.content
    assert response["Content-Type"].startswith(PROBLEM_JSON)


@pytest.mark.parametrize("body", ["-3.402823466e+38", "[]", '"meta"', "null"])
def test_a_write_whose_body_is_no_json_object_is_a_4xx_problem(client, body):
    editor = demo_bearer("bientapvien")
    response = client.patch("/api/v3/pages/3/", data=body, content_type="application/json", **editor)
    assert 400 <= response.status_code < 500, (body, response.status_code, response.content)
    assert response["Content-Type"].startswith(PROBLEM_JSON)
    response = client.post("/api/v3/pages/", data=body, content_type="application/json", **editor)
    assert 400 <= response.status_code < 500, (body, response.status_code, response.content)


def test_invalid_utf8_in_q_is_400_naming_q(client):
    response = client.get("/api/v3/search/?q=%FF%FE")
    body = assert_problem(response, 400, "q")
    assert "results" not in body


def test_a_missing_page_is_404_in_vietnamese(client):
    assert_problem(client.get("/api/v3/pages/999999999/"), 404)


def test_anonymous_writes_are_401_in_vietnamese(client):
    assert_problem(client.post("/api/v3/pages/2/actions/copy/", {}, content_type="application/json"), 401)


@pytest.mark.parametrize("action", ["copy", "create_alias"])
def test_copying_or_aliasing_the_root_page_is_a_4xx_problem(client, action):
    root = Page.objects.get(depth=1)
    pages_before = Page.objects.count()
    headers = demo_bearer("admin")
    response = client.post(f"/api/v3/pages/{root.pk}/actions/{action}/", {}, content_type="application/json", **headers)
    assert 400 <= response.status_code < 500, response.content
    assert_problem(response, response.status_code)
    assert Page.objects.count() == pages_before


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"destination_id": "x"},
        {"destination_id": 1, "position": "left"},
        {"destination_id": 1, "position": "nowhere"},
    ],
)
def test_moving_with_odd_bodies_is_a_4xx_problem(client, body):
    story = ExemplarStoryPage.objects.live().first()
    path_before = story.path
    headers = demo_bearer("admin")
    response = client.post(f"/api/v3/pages/{story.pk}/actions/move/", body, content_type="application/json", **headers)
    assert 400 <= response.status_code < 500, response.content
    assert_problem(response, response.status_code)
    story.refresh_from_db()
    assert story.path == path_before


def test_moving_a_page_under_itself_is_400(client):
    story = ExemplarStoryPage.objects.live().first()
    parent = story.get_parent()
    response = client.post(
        f"/api/v3/pages/{parent.pk}/actions/move/",
        {"destination_id": story.pk, "position": "last-child"},
        content_type="application/json",
        **demo_bearer("admin"),
    )
    assert_problem(response, response.status_code)
    assert 400 <= response.status_code < 500
    assert Page.objects.get(pk=parent.pk).path == parent.path


def test_an_editor_refused_an_action_reads_vietnamese(client):
    story = ExemplarStoryPage.objects.live().first()
    response = client.post(
        f"/api/v3/pages/{story.pk}/actions/publish/", {}, content_type="application/json", **demo_bearer("bientapvien")
    )
    body = assert_problem(response, 403)
    assert "Permission denied" not in body["detail"]


def test_a_server_error_is_problem_json_in_vietnamese(client, monkeypatch):
    import exemplar_pages.api

    class Broken:
        @property
        def objects(self):
            raise RuntimeError("boom")

    monkeypatch.setattr(exemplar_pages.api, "Field", Broken())
    response = client.get("/api/v3/taxonomies/fields/")
    body = assert_problem(response, 500)
    assert "boom" not in body["detail"]


# Non-public pages in public fields.


@pytest.fixture
def hidden_links():
    """A public story and plan linked to a draft movement, a plan citing a draft plan."""
    home = factories.home_page()
    draft_movement = factories.movement(home)
    draft_movement.unpublish()
    story = factories.story(home, movement=draft_movement)
    plan = factories.plan(home)
    plan.movements.add(draft_movement)
    draft_plan = factories.plan(home)
    draft_plan.unpublish()
    PlanReference.objects.create(plan=plan, number="1/KH-UBND", linked_plan=draft_plan)
    plan.save_revision().publish()
    return {"story": story, "plan": PlanPage.objects.get(pk=plan.pk), "movement": draft_movement, "linked": draft_plan}


def test_anonymous_readers_get_no_id_of_a_draft_page(client, hidden_links):
    story = client.get(f"/api/v3/pages/{hidden_links['story'].pk}/").json()
    assert story["movement"] is None
    assert story["movement_detail"] is None
    plan = client.get(f"/api/v3/pages/{hidden_links['plan'].pk}/").json()
    assert hidden_links["movement"].pk not in plan["movement_ids"]
    assert [ref["linked_plan_id"] for ref in plan["basis_references"]] == [None]
    listing = client.get("/api/v3/pages/", {"type": "exemplar_pages.ExemplarStoryPage", "fields": "movement"}).json()
    assert hidden_links["movement"].pk not in [(item.get("movement") or {}).get("id") for item in listing["items"]]


def test_a_page_published_again_shows_its_id(client, hidden_links):
    MovementPage.objects.get(pk=hidden_links["movement"].pk).save_revision().publish()
    story = client.get(f"/api/v3/pages/{hidden_links['story'].pk}/").json()
    assert story["movement"]["id"] == hidden_links["movement"].pk
    plan = client.get(f"/api/v3/pages/{hidden_links['plan'].pk}/").json()
    assert plan["movement_ids"] == [hidden_links["movement"].pk]


def test_a_token_user_sees_the_link_to_a_draft(client, hidden_links):
    story = client.get(f"/api/v3/pages/{hidden_links['story'].pk}/", **demo_bearer("admin")).json()
    assert story["movement"]["id"] == hidden_links["movement"].pk


@pytest.mark.parametrize("listing", ["documents", "images"])
def test_searching_the_file_lists_is_no_server_error(client, listing):
    """The lists anonymous readers get are filtered to files public pages use; Wagtail's search still runs on them."""
    for params in ({"search": "kế hoạch"}, {"search": ["true", "null"]}):
        response = client.get(f"/api/v3/{listing}/", params)
        assert response.status_code == 200, response.content
        assert "items" in response.json()


def test_a_nul_character_in_a_query_parameter_is_not_a_server_error(client):
    """PostgreSQL refuses text with NUL; SQLite finds nothing. Either way a 4xx, never a 500."""
    response = client.get("/api/v3/pages/find/", {"html_path": "/a\x00b/"})
    assert response.status_code in (400, 404), response.content
    assert response["Content-Type"].startswith(PROBLEM_JSON)

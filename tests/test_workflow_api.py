"""The review workflow over REST (DESIGN §6): state, actions, inbox, errors, and the demo users' whole review."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import APIToken, Page

from exemplar_pages.models import ColumnPage, ExemplarStoryPage, UnitPage
from tests import factories
from tests.moderation_fixtures import bearer, fresh, story_form

pytestmark = pytest.mark.django_db


def call(client, token, action=None, page=None, comment=None, path=None):
    """GET the state (no action) or POST an action, with a bearer token."""
    url = path or f"/api/v3/workflow/pages/{page.pk}/" + (f"{action}/" if action else "")
    headers = bearer(token) if token else {}
    if action is None:
        return client.get(url, **headers)
    body = {} if comment is None else {"comment": comment}
    return client.post(url, body, content_type="application/json", **headers)


def test_the_workflow_routes_are_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/workflow/pages/{page_id}/" in paths
    assert "/api/v3/workflow/pages/{page_id}/{action}/" in paths
    assert "/api/v3/workflow/inbox/" in paths


def test_errors_are_json_with_a_message(client, cast, story_draft):
    for response in (call(client, None, page=story_draft), call(client, "wagtail_not-a-token", page=story_draft)):
        assert response.status_code == 401
        assert response.json()["detail"]
    response = call(client, cast.token(cast.other_editor), page=story_draft)
    assert response.status_code == 403 and response.json()["detail"]
    response = call(client, cast.token(cast.members[0]), "approve", story_draft)
    assert response.status_code == 409 and "không chờ duyệt" in response.json()["detail"]
    response = call(client, cast.token(cast.editor), "approve", story_draft)
    assert response.status_code == 403
    call(client, cast.token(cast.editor), "submit", story_draft)
    response = call(client, cast.token(cast.office), "reject", story_draft, comment="")
    assert response.status_code == 400 and "ý kiến" in response.json()["detail"]
    response = call(client, cast.token(cast.editor), "submit", story_draft)
    assert response.status_code == 409
    response = client.post(
        f"/api/v3/workflow/pages/{story_draft.pk}/publish/",
        {},
        content_type="application/json",
        **bearer(cast.token(cast.admin)),
    )
    assert response.status_code == 400  # an unknown action is a bad path parameter, named in the detail
    assert "“action”" in response.json()["detail"]
    assert call(client, cast.token(cast.admin), page=Page(pk=999999)).status_code == 404


def test_state_shows_task_votes_actions_and_history(client, cast, story_draft):
    editor, office, member = cast.token(cast.editor), cast.token(cast.office), cast.token(cast.members[0])
    data = call(client, editor, page=story_draft).json()
    assert data["state"] == "draft" and data["actions"] == ["submit"] and data["current_task"] is None
    data = call(client, editor, "submit", story_draft, comment="Đề nghị duyệt").json()
    assert data["state"] == "pending_review"
    assert data["current_task"]["kind"] == "review"
    assert data["submitted_by"]["id"] == cast.editor.pk
    assert call(client, office, page=story_draft).json()["actions"] == ["approve", "reject", "retract"]
    data = call(client, office, "approve", story_draft, comment="Chuyển Hội đồng").json()
    assert data["state"] == "pending_approval"
    data = call(client, member, "approve", story_draft, comment="Tán thành").json()
    assert data["current_task"]["kind"] == "council_vote"
    assert data["current_task"]["tally"] == {
        "approvals": 1,
        "rejections": 0,
        "outstanding": 2,
        "required": 2,
        "eligible": 3,
    }
    assert [(v["member"]["id"], v["decision"], v["comment"]) for v in data["votes"]] == [
        (cast.members[0].pk, "approve", "Tán thành")
    ]
    assert data["actions"] == []
    history = [
        (item["action"], item["user"]["id"] if item["user"] else None, item["comment"]) for item in data["history"]
    ]
    assert ("exemplar_pages.workflow.submit", cast.editor.pk, "Đề nghị duyệt") in history
    assert ("wagtail.workflow.approve", cast.office.pk, "Chuyển Hội đồng") in history
    assert ("exemplar_pages.council.vote", cast.members[0].pk, "Tán thành") in history
    second = call(client, cast.token(cast.members[1]), page=story_draft).json()
    assert second["actions"] == ["approve", "reject"]
    response = call(client, member, "approve", story_draft)
    assert response.status_code == 409 and "đã biểu quyết" in response.json()["detail"]


def test_a_published_page_with_a_newer_draft_in_review(client, cast, story_draft):
    from tests.moderation_fixtures import approve_fully

    page = approve_fully(story_draft, cast)
    page.summary = "Bản sửa mới"
    page.save_revision(user=cast.editor)
    data = call(client, cast.token(cast.editor), "submit", page).json()
    assert data["state"] == "pending_review" and data["live"] is True
    assert data["live_revision_id"] != data["latest_revision_id"]
    anonymous = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert anonymous["summary"] != "Bản sửa mới"


def test_inbox_lists_what_awaits_the_caller(client, cast, story_draft):
    call(client, cast.token(cast.editor), "submit", story_draft)
    inbox = client.get("/api/v3/workflow/inbox/", **bearer(cast.token(cast.office))).json()
    assert [(item["page_id"], item["reason"]) for item in inbox["results"]] == [(story_draft.pk, "review")]
    assert client.get("/api/v3/workflow/inbox/", **bearer(cast.token(cast.members[0]))).json()["count"] == 0
    call(client, cast.token(cast.office), "approve", story_draft)
    for member in cast.members:
        inbox = client.get("/api/v3/workflow/inbox/", **bearer(cast.token(member))).json()
        assert [(item["page_id"], item["reason"], item["actions"]) for item in inbox["results"]] == [
            (story_draft.pk, "vote", ["approve", "reject"])
        ]
    call(client, cast.token(cast.members[0]), "reject", story_draft, comment="Chưa đạt")
    inbox = client.get("/api/v3/workflow/inbox/", **bearer(cast.token(cast.editor))).json()
    assert [(item["page_id"], item["reason"]) for item in inbox["results"]] == [(story_draft.pk, "needs_changes")]
    assert "Chưa đạt" in inbox["results"][0]["comment"]
    assert client.get("/api/v3/workflow/inbox/").status_code == 401


def demo_token(username: str) -> str:
    user = get_user_model().objects.get(username=username)
    return APIToken.create_token(user=user, name="curl")[1]


def test_demo_users_drive_the_whole_review_over_rest(client):
    """As in the README: bientapvien drafts and submits, thuongtruc passes, two of three council members approve."""
    from home.demo.users import DEMO_USERS

    tokens = {spec["username"]: demo_token(spec["username"]) for spec in DEMO_USERS}
    unit = UnitPage.objects.get(title="UBND thị trấn Tân Biên")
    sample = ExemplarStoryPage.objects.live().first()
    # The editor drafts the story in the admin (the v3 API cannot write the story's own fields yet).
    client.force_login(get_user_model().objects.get(username="bientapvien"))
    form = story_form(sample, title="Gương sáng khu phố 3", slug="guong-sang-khu-pho-3", summary="Người tốt việc tốt.")
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["exemplar_pages", "exemplarstorypage", unit.pk]), form
    )
    assert response.status_code == 302, response.content[:2000]
    client.logout()
    page = Page.objects.get(slug="guong-sang-khu-pho-3")
    assert not page.live
    # The editor's token cannot publish it directly.
    assert client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **bearer(tokens["bientapvien"])).status_code == 403
    assert not fresh(page).live
    # Another unit's editor cannot even see its review.
    assert call(client, tokens["bientapvien2"], page=page).status_code == 403
    assert call(client, tokens["bientapvien"], "submit", page, comment="Kính trình").json()["state"] == "pending_review"
    assert call(client, tokens["thuongtruc"], "approve", page, comment="Đủ hồ sơ").json()["state"] == "pending_approval"
    assert call(client, tokens["hoidong1"], "approve", page).json()["state"] == "pending_approval"
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    data = call(client, tokens["hoidong2"], "approve", page, comment="Tán thành").json()
    assert data["state"] == "published" and data["live"]
    # It appears in its column and in the public API.
    column = ColumnPage.objects.live().get(
        include_stories=True, criteria_fields__isnull=True, criteria_localities__isnull=True
    )
    assert "Gương sáng khu phố 3" in client.get(column.url).content.decode()
    assert client.get(f"/api/v3/pages/{page.pk}/").json()["title"] == "Gương sáng khu phố 3"


def test_an_editor_cannot_publish_a_demo_story_through_the_api(client):
    token = demo_token("bientapvien")
    draft = ExemplarStoryPage.objects.filter(live=False).first() or factories.story(
        UnitPage.objects.get(title="UBND thị trấn Tân Biên"), publish_it=False
    )
    response = client.post(f"/api/v3/pages/{draft.pk}/actions/publish/", **bearer(token))
    assert response.status_code == 403
    assert not fresh(draft).live


def assert_problem(response, status: int, title: str, detail: str) -> dict:
    """A refusal as problem+json with the Vietnamese title and detail (no English anywhere in them)."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert (body["status"], body["title"]) == (status, title), body
    assert detail in body["detail"], body
    assert not body["title"].isascii() and not body["detail"].isascii(), body
    return body


def test_every_refusal_has_a_vietnamese_title_and_detail(client, cast, story_draft):
    editor, office, member = cast.token(cast.editor), cast.token(cast.office), cast.token(cast.members[0])
    # Not allowed: a role that may not act, or may not even see the page's workflow (403).
    assert_problem(
        call(client, editor, "approve", story_draft),
        403,
        "Không có quyền",
        "Vai trò của bạn không được thực hiện thao tác này.",
    )
    assert_problem(
        call(client, cast.token(cast.other_editor), page=story_draft),
        403,
        "Không có quyền",
        "Bạn không có quyền xem quy trình duyệt của trang này.",
    )
    # Wrong state: approving a draft nobody submitted, submitting a page already in review (409).
    assert_problem(call(client, member, "approve", story_draft), 409, "Xung đột", "Trang không chờ duyệt.")
    assert call(client, editor, "submit", story_draft).status_code == 200
    assert_problem(call(client, editor, "submit", story_draft), 409, "Xung đột", "Trang đang trong quy trình duyệt.")
    # Bad comment: a reject without one (400), a comment that is not text (422).
    assert_problem(
        call(client, office, "reject", story_draft, comment="  "),
        400,
        "Yêu cầu không hợp lệ",
        "Trả lại bài phải kèm ý kiến (comment).",
    )
    not_text = client.post(
        f"/api/v3/workflow/pages/{story_draft.pk}/reject/",
        {"comment": 5},
        content_type="application/json",
        **bearer(office),
    )
    assert_problem(not_text, 422, "Dữ liệu không hợp lệ", "Dữ liệu gửi lên không hợp lệ")
    # Unknown page (and the tree's root, which has no workflow), for reading and for acting (404).
    missing = assert_problem(call(client, cast.token(cast.admin), page=Page(pk=999999)), 404, "Không tìm thấy", "")
    assert missing["detail"] == "Không có trang #999999." and "errors" not in missing
    assert_problem(call(client, editor, "submit", Page(pk=999999)), 404, "Không tìm thấy", "Không có trang #999999.")
    root = Page.objects.get(depth=1)
    assert_problem(
        call(client, cast.token(cast.admin), page=root), 404, "Không tìm thấy", f"Không có trang #{root.pk}."
    )
    # No token, a wrong token (401); an unknown action (400 naming it).
    for token in (None, "wagtail_not-a-token"):
        assert_problem(call(client, token, page=story_draft), 401, "Chưa xác thực", "Chưa xác thực")
    assert_problem(call(client, office, "publish", story_draft), 400, "Yêu cầu không hợp lệ", "“action”")
    # Nothing was changed by the refusals: the page still waits for the office.
    assert call(client, office, page=story_draft).json()["state"] == "pending_review"

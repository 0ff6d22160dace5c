"""Every role tries every action, through the admin views and through the API (DESIGN §2, §4).

``EXPECTED`` is the table of what is allowed; a refused action must leave the database as it was.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, PageLogEntry, Revision, TaskState, WorkflowState

from exemplar_pages.models import CouncilVote
from exemplar_pages.moderation import service
from tests.moderation_fixtures import approve_fully, bearer, draft_story, fresh, story_form, to_council

pytestmark = pytest.mark.django_db

ROLES = ["editor", "other_editor", "office", "council", "admin"]
Y, N = True, False

# action: allowed for (editor, other_editor, office, council, admin) through (admin views, API).
# "approve"/"reject" act at the standing office's step, "vote" at the council's; "retract" withdraws a
# pending submission ("unpublish" is Wagtail's own unpublish); "delete" removes a draft.
EXPECTED = {
    "create": {"admin": (Y, N, N, N, Y), "api": (Y, N, N, N, Y)},
    "edit": {"admin": (Y, N, N, N, Y), "api": (Y, N, N, N, Y)},
    "submit": {"admin": (Y, N, N, N, Y), "api": (Y, N, N, N, Y)},
    "approve": {"admin": (N, N, Y, N, N), "api": (N, N, Y, N, N)},
    "reject": {"admin": (N, N, Y, N, N), "api": (N, N, Y, N, N)},
    "vote": {"admin": (N, N, N, Y, N), "api": (N, N, N, Y, N)},
    "publish": {"admin": (N, N, N, N, Y), "api": (N, N, N, N, Y)},
    "unpublish": {"admin": (N, N, N, N, Y), "api": (N, N, N, N, Y)},
    # In the admin, withdrawing is Wagtail's "cancel workflow", which it offers to the submitter, the
    # page's owner and the current step's reviewers; the REST API also lets administrators withdraw.
    "retract": {"admin": (Y, N, Y, N, N), "api": (Y, N, Y, N, Y)},
    "delete": {"admin": (Y, N, N, N, Y), "api": (Y, N, N, N, Y)},
}
CASES = [
    (channel, action, role, allowed[ROLES.index(role)])
    for action, channels in EXPECTED.items()
    for channel, allowed in channels.items()
    for role in ROLES
]


def fingerprint() -> tuple:
    """Everything a moderation action can change."""
    pages = tuple(
        Page.objects.order_by("pk").values_list(
            "pk", "live", "live_revision_id", "latest_revision_id", "title", "locked"
        )
    )
    return (
        pages,
        Revision.objects.count(),
        tuple(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        tuple(TaskState.objects.order_by("pk").values_list("pk", "status")),
        CouncilVote.objects.count(),
        PageLogEntry.objects.count(),
        GroupPagePermission.objects.count(),
    )


def page_for(action: str, cast):
    """A page in the state the action needs."""
    if action == "create":
        return cast.unit
    page = draft_story(cast, title="Bài kiểm tra quyền")
    if action in ("approve", "reject", "retract"):
        service.submit(page, cast.editor)
    elif action == "vote":
        to_council(page, cast)
    elif action == "unpublish":
        approve_fully(page, cast)
    return fresh(page)


def via_admin(client, action: str, page, user) -> None:
    client.force_login(user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if action == "create":
        url = reverse("wagtailadmin_pages:add", args=["exemplar_pages", "exemplarstorypage", page.pk])
        sample = draft_story_values(page)
        client.post(url, story_form(sample, title="Bài mới qua quản trị", slug="bai-moi-qua-quan-tri"))
    elif action == "edit":
        client.post(edit_url, story_form(page, title="Đã sửa"))
    elif action == "submit":
        client.post(edit_url, {**story_form(page), "action-submit": "1"})
    elif action in ("approve", "reject", "vote"):
        name = "approve" if action == "vote" else action
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, page.current_workflow_task_state.pk])
        client.post(url, {"comment": "Ý kiến kiểm tra"})
    elif action == "publish":
        client.post(edit_url, {**story_form(page), "action-publish": "1"})
    elif action == "unpublish":
        client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    elif action == "retract":
        client.post(edit_url, {**story_form(page), "action-cancel-workflow": "1"})
    elif action == "delete":
        client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    client.logout()


def draft_story_values(unit):
    from exemplar_pages.models import ExemplarStoryPage

    return ExemplarStoryPage.objects.live().first()


def via_api(client, action: str, page, token: str):
    headers = {**bearer(token), "content_type": "application/json"}
    if action == "create":
        body = {"meta": {"type": "exemplar_pages.UnitPage", "parent_id": page.pk}, "title": "Bài mới qua API"}
        return client.post("/api/v3/pages/", body, **headers)
    if action == "edit":
        body = {"meta": {"type": "exemplar_pages.ExemplarStoryPage"}, "title": "Đã sửa"}
        return client.patch(f"/api/v3/pages/{page.pk}/", body, **headers)
    if action in ("submit", "approve", "reject", "vote", "retract"):
        name = "approve" if action == "vote" else action
        return client.post(f"/api/v3/workflow/pages/{page.pk}/{name}/", {"comment": "Ý kiến kiểm tra"}, **headers)
    if action in ("publish", "unpublish"):
        return client.post(f"/api/v3/pages/{page.pk}/actions/{action}/", {}, **headers)
    if action == "delete":
        return client.delete(f"/api/v3/pages/{page.pk}/", **bearer(token))
    raise AssertionError(action)


def took_effect(action: str, page, cast) -> bool:
    if action == "create":
        return Page.objects.filter(title__in=["Bài mới qua quản trị", "Bài mới qua API"]).exists()
    if action == "delete":
        return not Page.objects.filter(pk=page.pk).exists()
    page = fresh(page)
    state = service.page_state(page)
    return {
        "edit": lambda: page.get_latest_revision_as_object().title == "Đã sửa",
        "submit": lambda: state == service.PENDING_REVIEW,
        "approve": lambda: state == service.PENDING_APPROVAL,
        "reject": lambda: (
            state == service.DRAFT and page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
        ),
        "vote": lambda: CouncilVote.objects.filter(task_state__workflow_state__object_id=str(page.pk)).exists(),
        "publish": lambda: page.live,
        "unpublish": lambda: not page.live,
        "retract": lambda: state == service.DRAFT and page.current_workflow_state is None,
    }[action]()


@pytest.mark.parametrize(("channel", "action", "role", "allowed"), CASES, ids=[f"{c}-{a}-{r}" for c, a, r, _ in CASES])
def test_role_action_matrix(client, cast, channel, action, role, allowed):
    page = page_for(action, cast)
    user = cast.by_role()[role]
    before = fingerprint()
    if channel == "admin":
        via_admin(client, action, page, user)
    else:
        response = via_api(client, action, page, cast.token(user))
        if not allowed:
            assert response.status_code == 403, (response.status_code, response.content[:300])
        else:
            assert response.status_code in (200, 201, 204), (response.status_code, response.content[:500])
    if allowed:
        assert took_effect(action, page, cast), f"{role} could not {action} through {channel}"
    else:
        assert fingerprint() == before, f"{role}'s refused {action} through {channel} changed the database"

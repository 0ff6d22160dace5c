"""The review workflow on the v3 API (DESIGN §6), for clients holding a Wagtail API token.

Every refusal is `application/problem+json` with a Vietnamese `title` and `detail` (`api_errors.problem`):
a role that may not act 403, a state that does not allow the action 409, a reject without a comment 400,
an unknown page 404 naming its id. Missing or wrong tokens (401) and bodies that are not valid (422) are
answered by the API's own handlers (`exemplar_pages.api_errors`), in Vietnamese too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Body, Router, Schema
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from ..api_errors import problem as problem_answer
from ..models import CouncilVoteTask
from . import service
from .errors import ModerationError, NotAllowed

router = Router(tags=["workflow"], auth=BearerTokenAuth())

ERRORS = {400: ProblemDetail, 401: ProblemDetail, 403: ProblemDetail, 404: ProblemDetail, 409: ProblemDetail}


class CommentIn(Schema):
    comment: str = ""


class UserOut(Schema):
    id: int
    username: str
    name: str


class VoteOut(Schema):
    member: UserOut
    decision: Literal["approve", "reject"]
    comment: str
    created_at: datetime
    revision_id: int
    counted: bool


class TallyOut(Schema):
    approvals: int
    rejections: int
    outstanding: int
    required: int
    eligible: int


class TaskOut(Schema):
    id: int
    name: str
    kind: Literal["review", "council_vote"]
    started_at: datetime
    revision_id: int
    tally: TallyOut | None = None


class HistoryOut(Schema):
    id: int
    action: str
    label: str
    message: str
    user: UserOut | None
    timestamp: datetime
    comment: str
    revision_id: int | None


class WorkflowOut(Schema):
    id: int
    title: str
    type: str
    state: Literal["draft", "pending_review", "pending_approval", "published"]
    live: bool
    has_unpublished_changes: bool
    needs_changes: bool
    latest_revision_id: int | None
    live_revision_id: int | None
    submitted_by: UserOut | None
    current_task: TaskOut | None
    votes: list[VoteOut]
    actions: list[str]
    history: list[HistoryOut]


class InboxItemOut(Schema):
    page_id: int
    title: str
    type: str
    state: str
    reason: Literal["review", "vote", "needs_changes"]
    task: str | None
    submitted_by: UserOut | None
    since: datetime
    comment: str
    actions: list[str]


class InboxOut(Schema):
    count: int
    results: list[InboxItemOut]


def user_out(user) -> dict | None:
    if user is None:
        return None
    return {"id": user.pk, "username": user.get_username(), "name": user.get_full_name() or user.get_username()}


class PageNotFound(ModerationError):
    """No page (other than the tree's root) has this id (404)."""

    status = 404


def problem(error: ModerationError) -> HttpResponse:
    return problem_answer(error.status, error.message)


def _page_for(request: HttpRequest, page_id: int) -> Page:
    page = Page.objects.exclude(depth=1).filter(pk=page_id).first()
    if page is None:
        raise PageNotFound(_("No page #%(id)s.") % {"id": page_id})
    page = page.specific
    if not service.can_view(page, request.user):
        raise NotAllowed(_("You do not have permission to view this page's review workflow."))
    return page


def _task_out(task_state: TaskState) -> dict:
    task = task_state.task.specific
    data = {
        "id": task.pk,
        "name": task.name,
        "kind": "council_vote" if isinstance(task, CouncilVoteTask) else "review",
        "started_at": task_state.started_at,
        "revision_id": task_state.revision_id,
        "tally": None,
    }
    if isinstance(task, CouncilVoteTask):
        tally = task.tally(task_state)
        data["tally"] = {
            "approvals": tally.approvals,
            "rejections": tally.rejections,
            "outstanding": tally.outstanding,
            "required": tally.required,
            "eligible": tally.eligible,
        }
    return data


def _votes_out(task_state: TaskState | None) -> list[dict]:
    if task_state is None or not isinstance(task_state.task.specific, CouncilVoteTask):
        return []
    tally = task_state.task.specific.tally(task_state)
    return [
        {
            "member": user_out(vote.member),
            "decision": vote.decision,
            "comment": vote.comment,
            "created_at": vote.created_at,
            "revision_id": vote.revision_id,
            "counted": vote.member_id in tally.counted_member_ids,
        }
        for vote in tally.votes
    ]


def _history_out(page: Page) -> list[dict]:
    entries = PageLogEntry.objects.filter(page=page).select_related("user").order_by("timestamp", "pk")
    return [
        {
            "id": entry.pk,
            "action": entry.action,
            "label": str(entry.formatter.label) if entry.formatter else entry.action,
            "message": str(entry.message),
            "user": user_out(entry.user),
            "timestamp": entry.timestamp,
            "comment": str(entry.comment or ""),
            "revision_id": entry.revision_id,
        }
        for entry in entries
    ]


def workflow_out(page: Page, user) -> dict:
    """The page's moderation state as the API shows it."""
    workflow_state = page.current_workflow_state
    task_state = page.current_workflow_task_state
    return {
        "id": page.pk,
        "title": page.get_latest_revision_as_object().title,
        "type": page.specific_class._meta.label,
        "state": service.page_state(page),
        "live": page.live,
        "has_unpublished_changes": page.has_unpublished_changes,
        "needs_changes": bool(workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES),
        "latest_revision_id": page.latest_revision_id,
        "live_revision_id": page.live_revision_id,
        "submitted_by": user_out(workflow_state.requested_by) if workflow_state else None,
        "current_task": _task_out(task_state) if task_state else None,
        "votes": _votes_out(task_state),
        "actions": service.available_actions(page, user),
        "history": _history_out(page),
    }


@router.get(
    "/pages/{page_id}/",
    response={200: WorkflowOut, **ERRORS},
    summary="Trạng thái duyệt của một trang",
    operation_id="workflow_page_state",
)
def get_workflow(request: HttpRequest, page_id: int):
    """State, current step, votes so far, actions the caller may take now and the full history."""
    try:
        page = _page_for(request, page_id)
    except ModerationError as error:
        return problem(error)
    return workflow_out(page, request.user)


@router.post(
    "/pages/{page_id}/{action}/",
    response={200: WorkflowOut, **ERRORS},
    summary="Thực hiện một bước duyệt",
    operation_id="workflow_page_action",
)
def act(
    request: HttpRequest,
    page_id: int,
    action: Literal["submit", "approve", "reject", "retract"],
    data: CommentIn = Body(CommentIn()),  # noqa: B008
):
    """`submit`, `approve`, `reject` (a comment is required) or `retract`, with an optional comment."""
    try:
        page = _page_for(request, page_id)
        service.perform(page, request.user, action, data.comment)
    except ModerationError as error:
        return problem(error)
    page = Page.objects.get(pk=page_id).specific
    return workflow_out(page, request.user)


def _inbox_items(user) -> list[dict]:
    items = []
    task_states = (
        TaskState.objects.reviewable_by(user)
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by", "task")
        .order_by("started_at")
    )
    for task_state in task_states:
        page = Page.objects.filter(pk=task_state.workflow_state.object_id).first()
        if page is None:
            continue
        page = page.specific
        task = task_state.task.specific
        items.append(
            {
                "page_id": page.pk,
                "title": page.get_latest_revision_as_object().title,
                "type": page.specific_class._meta.label,
                "state": service.page_state(page),
                "reason": "vote" if isinstance(task, CouncilVoteTask) else "review",
                "task": task.name,
                "submitted_by": user_out(task_state.workflow_state.requested_by),
                "since": task_state.started_at,
                "comment": "",
                "actions": service.available_actions(page, user),
            }
        )
    returned = WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user)
    for workflow_state in returned.select_related("current_task_state").order_by("created_at"):
        page = Page.objects.filter(pk=workflow_state.object_id).first()
        if page is None:
            continue
        page = page.specific
        task_state = workflow_state.current_task_state
        items.append(
            {
                "page_id": page.pk,
                "title": page.get_latest_revision_as_object().title,
                "type": page.specific_class._meta.label,
                "state": service.page_state(page),
                "reason": "needs_changes",
                "task": task_state.task.name if task_state else None,
                "submitted_by": user_out(user),
                "since": task_state.finished_at if task_state and task_state.finished_at else workflow_state.created_at,
                "comment": task_state.comment if task_state else "",
                "actions": service.available_actions(page, user),
            }
        )
    return items


@router.get(
    "/inbox/", response={200: InboxOut, 401: ProblemDetail}, summary="Việc đang chờ tôi", operation_id="workflow_inbox"
)
def inbox(request: HttpRequest):
    """Pages waiting for the caller: reviews and votes, and the caller's pages returned for changes."""
    items = _inbox_items(request.user)
    return {"count": len(items), "results": items}

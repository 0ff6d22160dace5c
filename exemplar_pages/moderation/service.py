"""The review workflow as transitions (submit, approve, reject, retract) shared by the REST API and the tests.

Each transition checks the caller's role first (403), then the page's state (409), then the
comment (400), and changes nothing unless all three pass.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page, TaskState, WorkflowState

from ..models import CouncilVoteTask
from . import audit
from .errors import AlreadyVoted, CommentRequired, ModerationError, NotAllowed, WrongState
from .permissions import is_administrator, is_council_member, is_standing_office

DRAFT = "draft"
PENDING_REVIEW = "pending_review"
PENDING_APPROVAL = "pending_approval"
PUBLISHED = "published"

ACTIONS = ("submit", "approve", "reject", "retract")


def page_state(page: Page) -> str:
    """Where the page's newest version stands: draft, pending_review, pending_approval or published."""
    task = page.current_workflow_task
    if task is not None:
        return PENDING_APPROVAL if isinstance(task, CouncilVoteTask) else PENDING_REVIEW
    if page.live and not page.has_unpublished_changes:
        return PUBLISHED
    return DRAFT


def is_author(page: Page, user) -> bool:
    """Editors with edit rights on the page through its unit (or owners of a page they added), and administrators."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_administrator(user):
        return True
    permissions = page.permissions_for_user(user).permissions
    return "change" in permissions or ("add" in permissions and page.owner_id == user.pk)


def is_reviewer(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or is_standing_office(user) or is_council_member(user)))


def can_view(page: Page, user) -> bool:
    return is_author(page, user) or is_reviewer(user)


def _active_state(page: Page) -> WorkflowState | None:
    return page.current_workflow_state


def check_submit(page: Page, user) -> None:
    if not is_author(page, user):
        raise NotAllowed(_("Only the unit's editors (or administrators) may submit this page for review."))
    state = _active_state(page)
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise WrongState(_("The page is already in the review workflow."))
    if page.get_workflow() is None:
        raise WrongState(_("This page has no review workflow."))
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        raise WrongState(_("The page is locked."))
    needs_changes = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    if page.live and not page.has_unpublished_changes and not needs_changes:
        raise WrongState(_("There are no unpublished changes to submit for review."))


def check_review(page: Page, user, action: str, comment: str = "") -> TaskState:
    """Approve or reject at the current step; returns the task state to act on."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        if is_reviewer(user):
            raise WrongState(_("The page is not awaiting review."))
        raise NotAllowed()
    task = task_state.task.specific
    names = {name for name, _label, _modal in task.get_actions(page, user)}
    if action not in names:
        if isinstance(task, CouncilVoteTask) and task.is_member(user) and task.has_voted(task_state, user):
            raise AlreadyVoted()
        raise NotAllowed(_("The “%(task)s” step is not handled by your role.") % {"task": task.name})
    if action == "reject" and not comment.strip():
        raise CommentRequired()
    return task_state


def check_retract(page: Page, user) -> str:
    """Retract withdraws a submission in review, or takes a published page off the portal; returns which."""
    state = _active_state(page)
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        if is_author(page, user) or is_standing_office(user) or state.requested_by_id == getattr(user, "pk", None):
            return "withdraw"
        raise NotAllowed(
            _("Only the submitter, the unit's editors or the standing office may withdraw the page from review.")
        )
    if page.live:
        if is_administrator(user) or is_standing_office(user):
            return "unpublish"
        raise NotAllowed(_("Only the Council's standing office or administrators may unpublish a published page."))
    if is_author(page, user) or is_reviewer(user):
        raise WrongState(_("The page has been neither submitted nor published: there is nothing to withdraw."))
    raise NotAllowed()


def check(page: Page, user, action: str, comment: str = "") -> None:
    """Raise the reason why ``user`` may not take ``action`` now, if any."""
    if action == "submit":
        check_submit(page, user)
    elif action in ("approve", "reject"):
        check_review(page, user, action, comment or ("-" if action == "reject" else ""))
    elif action == "retract":
        check_retract(page, user)
    else:
        raise WrongState(_("Invalid action."))


def available_actions(page: Page, user) -> list[str]:
    """The actions the user may take on the page now (a reject is listed without its comment)."""
    allowed = []
    for action in ACTIONS:
        try:
            check(page, user, action)
        except ModerationError:
            continue
        allowed.append(action)
    return allowed


@transaction.atomic
def submit(page: Page, user, comment: str = "") -> WorkflowState:
    check_submit(page, user)
    page = page.specific
    if page.get_latest_revision() is None:
        page.save_revision(user=user)
    state = _active_state(page)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    else:
        state = page.get_workflow().start(page, user)
    audit.log_transition(page, audit.SUBMIT, user, comment, revision=page.get_latest_revision())
    return state


@transaction.atomic
def review(page: Page, user, action: str, comment: str = "") -> None:
    task_state = check_review(page, user, action, comment)
    task_state.task.specific.on_action(task_state, user, action, comment=comment.strip())


@transaction.atomic
def retract(page: Page, user, comment: str = "") -> str:
    kind = check_retract(page, user)
    page = page.specific
    if kind == "withdraw":
        _active_state(page).cancel(user=user)
    else:
        UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
    audit.log_transition(page, audit.RETRACT, user, comment, revision=page.get_latest_revision())
    return kind


def perform(page: Page, user, action: str, comment: str = "") -> None:
    """Run one transition by name."""
    if action == "submit":
        submit(page, user, comment)
    elif action in ("approve", "reject"):
        review(page, user, action, comment)
    elif action == "retract":
        retract(page, user, comment)
    else:
        raise WrongState(_("Invalid action."))

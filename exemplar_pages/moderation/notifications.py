"""Vietnamese email notifications of the review: to the next reviewers and to the author.

They replace Wagtail's own (English) workflow emails explicitly, whatever the order of
``INSTALLED_APPS``: ``connect_notifications()`` (from this app's ``ready()``) disconnects
whatever holds Wagtail's ``dispatch_uid``s (Wagtail's notifiers, if ``wagtail.admin`` was ready
first) and connects these handlers under the same uids, so a later ``register_signal_handlers()``
of ``wagtail.admin`` connects nothing (a signal keeps the first receiver under a uid). The
system check ``exemplar_pages.E002`` fails if a Wagtail notifier is connected all the same.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from operations.models import OutgoingEmail
from operations.outbox import queue_email

from ..models import CouncilVoteTask, OfficeReviewTask

logger = logging.getLogger(__name__)
TEMPLATES = "exemplar_pages/moderation/emails/"


@task()
def send_moderation_email(subject: str, body: str, recipients: list[str]) -> int:
    """Kept for notifications queued before the outbox existed: moves each into the outbox once (runs twice safely)."""
    moved = OutgoingEmail.objects.filter(purpose="moderation", subject=subject, body=body, recipients=recipients)
    return moved.values_list("pk", flat=True).first() or queue_email(subject, body, recipients, purpose="moderation")


def _page_context(page) -> dict:
    page = page.specific
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    admin_url = AdminURLFinder().get_edit_url(page) or ""
    return {
        "page": page,
        "title": page.get_latest_revision_as_object().title,
        "admin_url": f"{base_url}{admin_url}",
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
    }


def notify(template: str, context: dict, users, folder: str = TEMPLATES, purpose: str = "moderation") -> None:
    """Render a Vietnamese email for each recipient into the outbox, in the workflow action's transaction.

    A worker sends each once the action commits, and retries while the mail server is down (operations.outbox).
    """
    recipients = {user.email: user for user in users if user and user.is_active and user.email}
    for email, user in sorted(recipients.items()):
        with translation.override("vi"):
            personal = {**context, "user": user}
            subject = " ".join(render_to_string(f"{folder}{template}_subject.txt", personal).split())
            body = render_to_string(f"{folder}{template}.txt", personal).strip()
        queue_email(subject, body, [email], purpose=f"{purpose}.{template}")


def reviewers_of(task) -> list:
    """The users who act on a task: the council's members, or the review task's groups."""
    from django.contrib.auth import get_user_model

    if isinstance(task, CouncilVoteTask):
        return list(task.members())
    if isinstance(task, OfficeReviewTask) or hasattr(task, "groups"):
        return list(get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True).distinct())
    return []


def on_task_submitted(sender, instance: TaskState, user=None, **kwargs) -> None:
    """A page reaches a step: tell the people who act on it."""
    task = instance.task.specific
    context = {**_page_context(instance.workflow_state.content_object), "task": task, "submitter": user}
    template = "vote_requested" if isinstance(task, CouncilVoteTask) else "review_requested"
    notify(template, context, [member for member in reviewers_of(task) if member != user])


def on_workflow_approved(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """The council approved: tell the author the page is published."""
    context = {**_page_context(instance.content_object), "approver": user}
    notify("approved", context, _authors(instance))


def on_workflow_rejected(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """A step returned the page: tell the author why."""
    task_state = instance.current_task_state
    context = {
        **_page_context(instance.content_object),
        "task": task_state.task.specific if task_state else None,
        "comment": task_state.comment if task_state else "",
        "reviewer": user,
    }
    notify("rejected", context, _authors(instance))


def on_workflow_submitted(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    """Replaces Wagtail's English “submitted” email to superusers; the first step's reviewers hear from on_task_submitted."""


def _authors(workflow_state: WorkflowState) -> list:
    page = workflow_state.content_object.specific
    return [user for user in {workflow_state.requested_by, getattr(page, "owner", None)} if user is not None]


#: Wagtail's uids for its workflow emails (wagtail/admin/signal_handlers.py), by signal and sender.
WAGTAIL_NOTIFICATION_UIDS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


def connect_notifications() -> None:
    """Disconnect Wagtail's notifiers by their uids and connect this module's handlers in their place."""
    handlers = {
        task_submitted: on_task_submitted,
        workflow_submitted: on_workflow_submitted,
        workflow_rejected: on_workflow_rejected,
        workflow_approved: on_workflow_approved,
    }
    for signal, sender, uid in WAGTAIL_NOTIFICATION_UIDS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(handlers[signal], sender=sender, dispatch_uid=uid)

"""No bypass (DESIGN §4): every Wagtail publish path goes through one guard.

Wagtail publishes pages only through ``PublishPageRevisionAction`` (the admin's
publish button, create-and-publish, revert-and-publish, bulk publish, API v3
``actions/publish/``, create/update with ``action: publish``, the end of a
workflow and ``publish_scheduled``), and makes pages live without it only when
copying or aliasing a live page. The guard wraps those three actions, whoever
calls them and whatever ``skip_permission_checks`` says.
"""

from __future__ import annotations

import functools
import logging
from enum import Enum

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .audit import log_direct_publish
from .permissions import is_administrator

logger = logging.getLogger(__name__)

SCHEDULED_LOG_ACTION = "wagtail.publish.scheduled"
SCHEDULE_LOG_ACTION = "wagtail.publish.schedule"
#: Set on each guarded ``execute`` (the original stays reachable as ``__wrapped__``); checked by exemplar_pages.checks.
GUARD_MARKER = "moderation_guard"


class Publication(Enum):
    """Why a publication is allowed, or that it is not."""

    APPROVED = "approved"  # the revision passed the council's vote
    DIRECT = "direct"  # a site administrator publishes without the workflow
    SYSTEM = "system"  # code without a user (data migrations, imports, the demo)
    REFUSED = "refused"


class PublicationRefused(PermissionDenied):
    """Publishing this revision needs the council's approval."""


def approved_by_council(revision) -> bool:
    """True if a finished workflow's council vote approved exactly this revision."""
    from wagtail.models import TaskState, WorkflowState

    from ..models import CouncilVoteTask

    return TaskState.objects.filter(
        revision_id=revision.pk,
        status=TaskState.STATUS_APPROVED,
        task__content_type=ContentType.objects.get_for_model(CouncilVoteTask),
        workflow_state__status=WorkflowState.STATUS_APPROVED,
    ).exists()


def scheduled_by_trusted_user(revision) -> bool:
    """True if the latest scheduling of this revision was made by an administrator or by code."""
    from wagtail.models import PageLogEntry

    entry = (
        PageLogEntry.objects.filter(revision_id=revision.pk, action=SCHEDULE_LOG_ACTION)
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry is not None and (entry.user_id is None or is_administrator(entry.user))


def decide_publication(revision, user, scheduled: bool = False) -> Publication:
    """The one rule: approved revisions, administrators, and code; nothing else."""
    if approved_by_council(revision):
        return Publication.APPROVED
    if scheduled:
        return Publication.DIRECT if scheduled_by_trusted_user(revision) else Publication.REFUSED
    if user is None:
        return Publication.SYSTEM
    if is_administrator(user):
        return Publication.DIRECT
    return Publication.REFUSED


def refusal_message() -> str:
    return _("Only revisions approved by the Emulation and Commendation Council can be published.")


def _guard_publish(original):
    @functools.wraps(original)
    def execute(self, skip_permission_checks=False):
        scheduled = self.log_action == SCHEDULED_LOG_ACTION
        decision = decide_publication(self.revision, self.user, scheduled=scheduled)
        if decision is Publication.REFUSED:
            if scheduled:
                # Don't break publish_scheduled for the other revisions: drop this schedule and move on.
                self.revision.approved_go_live_at = None
                self.revision.save(update_fields=["approved_go_live_at"])
                logger.warning("Refused scheduled publication of unapproved revision %s", self.revision.pk)
                return None
            raise PublicationRefused(refusal_message())
        result = original(self, skip_permission_checks=skip_permission_checks)
        if decision is Publication.DIRECT and self.user is not None and self.log_action:
            log_direct_publish(self.object, self.revision, self.user)
        return result

    setattr(execute, GUARD_MARKER, True)
    return execute


def _guard_copy(original):
    @functools.wraps(original)
    def execute(self, skip_permission_checks=False):
        if self.keep_live and self.user is not None and not is_administrator(self.user):
            raise PublicationRefused(_("Only administrators may copy a page and keep it published."))
        return original(self, skip_permission_checks=skip_permission_checks)

    setattr(execute, GUARD_MARKER, True)
    return execute


def _guard_alias(original):
    @functools.wraps(original)
    def execute(self, skip_permission_checks=False):
        if self.user is not None and not is_administrator(self.user):
            raise PublicationRefused(_("Only administrators may create an alias of a page."))
        return original(self, skip_permission_checks=skip_permission_checks)

    setattr(execute, GUARD_MARKER, True)
    return execute


def guarded_actions() -> list[tuple[type, object]]:
    """Wagtail's actions that publish or make pages live, each with its guard."""
    from wagtail.actions.copy_page import CopyPageAction
    from wagtail.actions.create_alias import CreatePageAliasAction
    from wagtail.actions.publish_page_revision import PublishPageRevisionAction

    return [
        (PublishPageRevisionAction, _guard_publish),
        (CopyPageAction, _guard_copy),
        (CreatePageAliasAction, _guard_alias),
    ]


def is_guarded(action_class: type) -> bool:
    return bool(getattr(action_class.execute, GUARD_MARKER, False))


def install_publication_guard() -> None:
    """Wrap Wagtail's publish, copy and alias actions once (called from the app's ``ready()``)."""
    for action_class, guard in guarded_actions():
        if not is_guarded(action_class):
            action_class.execute = guard(action_class.execute)

"""Moderation in the Wagtail admin: audit log actions, direct publication for administrators only, the votes report.

Imported by ``exemplar_pages/wagtail_hooks.py``.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.menu import MenuItem

from ..models import CouncilVoteTask
from . import views as moderation_views
from .audit import register_moderation_log_actions
from .permissions import is_administrator, is_council_member, is_standing_office

hooks.register("register_log_actions", register_moderation_log_actions)


@hooks.register("register_permissions")
def role_permissions():
    """The roles' permissions, so that administrators can grant them to a group in *Settings → Groups*."""
    from django.contrib.auth.models import Permission

    from ..roles import APP_LABEL, ROLE_CODENAMES

    return Permission.objects.filter(content_type__app_label=APP_LABEL, codename__in=ROLE_CODENAMES.values())


def refuse_direct_publish(request, page, *args) -> None:
    """A publish request from anyone but an administrator is refused before anything is saved."""
    if request.method == "POST" and "action-publish" in request.POST and not is_administrator(request.user):
        raise PermissionDenied(_("Only pages approved by the Emulation and Commendation Council can be published."))


hooks.register("before_edit_page", refuse_direct_publish)
hooks.register("before_create_page", refuse_direct_publish)


@hooks.register("register_admin_urls")
def register_council_vote_urls():
    return [
        path("bieu-quyet/", moderation_views.CouncilVoteIndexView.as_view(), name="council_votes"),
        path("bieu-quyet/<int:task_state_id>/", moderation_views.CouncilVoteDetailView.as_view(), name="council_vote"),
    ]


class CouncilVoteMenuItem(MenuItem):
    """Shown to the council, the standing office and administrators."""

    def is_shown(self, request):
        user = request.user
        return is_administrator(user) or is_council_member(user) or is_standing_office(user)


@hooks.register("register_reports_menu_item")
def register_council_vote_menu_item():
    return CouncilVoteMenuItem(_("Council votes"), reverse("council_votes"), icon_name="tasks", order=50)


@hooks.register("construct_page_action_menu")
def label_council_votes(menu_items, request, context) -> None:
    """A council vote's button says "… và đăng" only when this vote completes the quorum.

    Wagtail adds "and Publish" to every approval on the workflow's last step, but one member's
    vote publishes nothing until the quorum is reached.
    """
    page = context.get("page")
    task_state = page.current_workflow_task_state if page is not None and page.pk else None
    if task_state is None:
        return
    task = task_state.task.specific
    if not isinstance(task, CouncilVoteTask):
        return
    tally = task.tally(task_state)
    deciding = tally.approvals + 1 >= tally.required
    approve_labels = iter(label for name, label, _modal in task.get_actions(page, request.user) if name == "approve")
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            label = next(approve_labels, item.label)
            item.label = _("%(label)s and Publish") % {"label": label} if deciding else label

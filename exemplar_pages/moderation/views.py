"""Admin views of the council's votes: open votes with their tally, and each vote's ballots."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, TaskState

from ..models import CouncilVoteTask
from .permissions import is_administrator, is_council_member, is_standing_office

RECENT_LIMIT = 30


def _check_access(user) -> None:
    if not (is_administrator(user) or is_council_member(user) or is_standing_office(user)):
        raise PermissionDenied


def vote_row(task_state: TaskState) -> dict:
    """One council vote with its page and tally, for the templates."""
    task = task_state.task.specific
    page = Page.objects.filter(pk=task_state.workflow_state.object_id).first()
    return {
        "task_state": task_state,
        "task": task,
        "page": page.specific if page else None,
        "tally": task.tally(task_state),
        "url": reverse("council_vote", args=[task_state.pk]),
    }


def council_task_states():
    content_type = ContentType.objects.get_for_model(CouncilVoteTask)
    return TaskState.objects.filter(task__content_type=content_type).select_related("workflow_state", "task")


class CouncilVoteIndexView(WagtailAdminTemplateMixin, TemplateView):
    """Open council votes and the latest decided ones."""

    template_name = "exemplar_pages/moderation/council_vote_index.html"
    page_title = _("Council votes")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        _check_access(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = council_task_states()
        context["open_votes"] = [
            vote_row(s) for s in states.filter(status=TaskState.STATUS_IN_PROGRESS).order_by("started_at")
        ]
        decided = states.exclude(status=TaskState.STATUS_IN_PROGRESS).order_by("-finished_at")[:RECENT_LIMIT]
        context["decided_votes"] = [vote_row(s) for s in decided]
        return context


class CouncilVoteDetailView(WagtailAdminTemplateMixin, TemplateView):
    """The ballots of one council vote: member, time, decision, comment; and the tally against the quorum."""

    template_name = "exemplar_pages/moderation/council_vote_detail.html"
    page_title = _("Vote results")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        _check_access(request.user)
        self.task_state = get_object_or_404(council_task_states(), pk=kwargs["task_state_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vote"] = vote_row(self.task_state)
        return context

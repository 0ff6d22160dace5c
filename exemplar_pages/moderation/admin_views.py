"""Wagtail's page edit and workflow action views, made safe for concurrent requests on one page.

Stock Wagtail reads the page, then saves the form, then acts on the workflow, each step in its own
transaction. Two POSTs on one page (a double click on "Tán thành", an autosave racing the action form)
then interleave: the second saves the page as it was read before the first published it, and fails
with a 500 when the workflow it meant to act on has ended. Here every POST on a page runs in one
transaction that first locks the page row, so requests on the same page run one after the other,
each on the page as the previous one left it; an action that is no longer possible is answered with
a message and changes nothing. After a review action, reviewers return to their inbox (the dashboard).
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page, TaskState

from ..models import CouncilVoteTask
from .permissions import is_council_member, is_standing_office

#: How recent a page made by the create form's autosave must be for a full POST of that form to edit it.
AUTOSAVE_HANDOFF_WINDOW = timedelta(minutes=15)


def lock_page(page_id: int) -> None:
    """Hold the page row until the transaction ends (SQLite's IMMEDIATE transactions lock the whole file)."""
    list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk", flat=True))


def is_reviewer_only(user, page: Page) -> bool:
    """A standing office or council member who cannot browse the page's place in the explorer."""
    if not (is_standing_office(user) or is_council_member(user)):
        return False
    parent = page.get_parent()
    return parent is None or not parent.permissions_for_user(user).can_edit()


def inbox_redirect():
    return redirect("wagtailadmin_home")


def action_result_message(request, page: Page, task_state: TaskState, action: str) -> None:
    """Say what the review action did: passed on, returned, a vote counted, or published."""
    task_state.refresh_from_db()
    page.refresh_from_db()
    title = get_latest_str(page)
    task = task_state.task.specific
    if isinstance(task, CouncilVoteTask):
        if task_state.status == TaskState.STATUS_APPROVED:
            text = (
                _("The Council approved: “%(title)s” has been published.")
                if page.live
                else _("The Council approved “%(title)s”.")
            )
        elif task_state.status == TaskState.STATUS_REJECTED:
            text = _("The Council did not approve: “%(title)s” has been returned to its author.")
        else:
            tally = task.tally(task_state)
            text = _("Your vote on “%(title)s” has been recorded. ") + tally.summary()
    elif action == "reject":
        text = _("“%(title)s” has been returned to its author.")
    else:
        text = _("“%(title)s” has been passed to the Emulation and Commendation Council.")
    messages.success(request, text % {"title": title})


def already_handled(request, page: Page):
    messages.warning(
        request,
        _("Action not taken: “%(title)s” had already been handled (perhaps by a double click). Nothing has changed.")
        % {"title": get_latest_str(page)},
    )


class SerialisedEditView(EditView):
    """The page editor; POSTs on one page run one at a time, and stale review actions change nothing."""

    def dispatch(self, request, page_id, **kwargs):
        if request.method != "POST":
            return super().dispatch(request, page_id, **kwargs)
        with transaction.atomic():
            lock_page(page_id)
            try:
                return super().dispatch(request, page_id, **kwargs)
            except PermissionDenied:
                # A reviewer's second click after the review ended (the editor is theirs no more).
                if not request.POST.get("action-workflow-action"):
                    raise
                page = Page.objects.get(pk=page_id)
                if not is_reviewer_only(request.user, page):
                    raise
                already_handled(request, page)
                return inbox_redirect()

    def post(self, request, *args, **kwargs):
        wants_review_action = bool(request.POST.get("action-workflow-action"))
        if wants_review_action and not self.workflow_action_is_valid():
            # The review this form was opened for has moved on: save nothing, say so.
            already_handled(request, self.page)
            if self.expects_json_response:
                return self.json_error_response("workflow_action_invalid", _("This review action is no longer valid."))
            return inbox_redirect() if is_reviewer_only(request.user, self.page) else self.redirect_and_remain()
        self.review_task_state = self.page.current_workflow_task_state if wants_review_action else None
        return super().post(request, *args, **kwargs)

    def add_save_confirmation_message(self):
        task_state = getattr(self, "review_task_state", None)
        if task_state is not None and self.action_name == "perform_workflow_action":
            action_result_message(self.request, self.page, task_state, self.workflow_action)
        else:
            super().add_save_confirmation_message()

    def redirect_away(self):
        if self.action_name == "perform_workflow_action" and is_reviewer_only(self.request.user, self.page):
            return inbox_redirect()
        return super().redirect_away()


class SerialisedCreateView(CreateView):
    """The page creation form (and its autosave): a page is created whole, with its first revision, or not at all."""

    def dispatch(self, request, content_type_app_name, content_type_model_name, parent_page_id, **kwargs):
        if request.method != "POST":
            return super().dispatch(request, content_type_app_name, content_type_model_name, parent_page_id, **kwargs)
        with transaction.atomic():
            lock_page(parent_page_id)
            autosaved = self.autosaved_page(request, parent_page_id)
            if autosaved is not None:
                # The form's own autosave created this page while the author clicked: edit it, don't add a twin.
                return SerialisedEditView.as_view()(request, page_id=autosaved.pk)
            return super().dispatch(request, content_type_app_name, content_type_model_name, parent_page_id, **kwargs)

    @staticmethod
    def autosaved_page(request, parent_page_id: int) -> Page | None:
        """The page this create form's autosave has just made, when a full POST of the same form follows it.

        Wagtail's autosave creates the page and then points the form at its editor; a click that
        leaves before that answer arrives posts to the create URL again, with the same slug.
        """
        slug = request.POST.get("slug", "")
        if not slug or not request.accepts("text/html"):
            return None
        parent = Page.objects.filter(pk=parent_page_id).first()
        if parent is None:
            return None
        recent = timezone.now() - AUTOSAVE_HANDOFF_WINDOW
        page = (
            parent.get_children()
            .filter(slug=slug, owner=request.user, live=False, first_published_at__isnull=True)
            .filter(latest_revision_created_at__gte=recent, latest_revision__user=request.user)
            .first()
        )
        return page if page is not None and not page.workflow_in_progress else None


class SerialisedWorkflowActionView(WorkflowActionView):
    """A review action from the dashboard or the page's status panel, acting only on the current review step."""

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            lock_page(self.object.pk)
            self.object.refresh_from_db()
            self.task_state.refresh_from_db()
            current = self.object.current_workflow_task_state
            if current is None or current.pk != self.task_state.pk or not self.action_available(current):
                already_handled(request, self.object)
                return self.finish(request)
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code in (200, 302) and not getattr(self, "form_invalid", False):
                action_result_message(request, self.object, self.task_state, self.action_name)
            return self.finish(request, response)

    def action_available(self, task_state: TaskState) -> bool:
        actions = task_state.task.specific.get_actions(self.object, self.request.user)
        return any(name == self.action_name for name, _label, _modal in actions)

    def post(self, request, *args, **kwargs):
        if self.form_class:
            form = self.form_class(request.POST)
            if not form.is_valid():
                self.form_invalid = True
        return super().post(request, *args, **kwargs)

    def finish(self, request, response=None):
        """Reviewers who cannot browse the page's section go back to their inbox."""
        if is_reviewer_only(request.user, self.object):
            self.redirect_url = reverse("wagtailadmin_home")
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                if response is not None and getattr(self, "form_invalid", False):
                    return response
                return self.render_modal_json(request, {"step": "success", "redirect": self.redirect_url})
            return redirect(self.redirect_url)
        if response is not None:
            return response
        return redirect(self.redirect_url)

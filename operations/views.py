"""Admin reports of the background work: the e-mail outbox and the task queue, with “gửi lại” / “chạy lại”."""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from .conf import seconds
from .models import OutgoingEmail, PeriodicJob, WorkerHeartbeat
from .outbox import outbox_counts, retry_failed

PERMISSION = "operations.manage_operations"


def may_manage(user) -> bool:
    """Site administrators (superusers and the “Quản trị” group, through the permission)."""
    return bool(user and user.is_active and user.has_perm(PERMISSION))


class AdministratorsOnly:
    """Refuses the view to anyone without the operations permission."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_manage(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ActionColumn(Column):
    """A POST button (with its CSRF token) on the rows an action applies to."""

    cell_template_name = "operations/action_cell.html"

    def __init__(self, name: str, label: str, url_name: str, applies, **kwargs) -> None:
        super().__init__(name, label="", **kwargs)
        self.button_label, self.url_name, self.applies = label, url_name, applies

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            applies=self.applies(instance),
            button_label=self.button_label,
            url_name=self.url_name,
            csrf_token=get_token(request) if request else "",
        )
        return context


class OutgoingEmailFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=OutgoingEmail.Status.choices)

    class Meta:
        model = OutgoingEmail
        fields = ["status"]


class OutgoingEmailReportView(AdministratorsOnly, ReportView):
    """Every e-mail of the outbox: what waits, what failed (with its error), what was sent."""

    page_title = _("Outgoing e-mail")
    header_icon = "mail"
    model = OutgoingEmail
    filterset_class = OutgoingEmailFilterSet
    index_url_name = "operations_emails"
    index_results_url_name = "operations_emails_results"
    results_template_name = "operations/report_results.html"
    summary_template_name = "operations/email_summary.html"
    list_export = ["created_at", "subject", "recipient_list", "status", "attempts", "next_attempt_at", "last_error"]
    columns = [
        DateColumn("created_at", label=_("Created at"), sort_key="created_at"),
        Column("subject", label=_("Subject")),
        Column("recipient_list", label=_("Recipients")),
        Column("get_status_display", label=_("Status"), sort_key="status"),
        Column("attempts", label=_("Send attempts")),
        DateColumn("next_attempt_at", label=_("Next attempt")),
        Column("last_error", label=_("Last error")),
        ActionColumn("retry", _("Resend"), "operations_email_retry", lambda email: email.status == "failed"),
    ]
    default_ordering = "-created_at"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = dict(OutgoingEmail.Status.choices)
        context["summary"] = [(labels[status], count) for status, count in outbox_counts().items()]
        return context


TASK_STATUSES = [("FAILED", _("Failed")), ("READY", _("Ready")), ("RUNNING", _("Running")), ("SUCCESSFUL", _("Done"))]


TASK_STATUS_LABELS = dict(TASK_STATUSES)


class TaskFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TASK_STATUSES)

    class Meta:
        model = DBTaskResult
        fields = ["status"]


class TaskReportView(AdministratorsOnly, ReportView):
    """The task queue (failed tasks first to look at), the live workers and the periodic jobs."""

    page_title = _("Background tasks")
    header_icon = "cogs"
    model = DBTaskResult
    filterset_class = TaskFilterSet
    index_url_name = "operations_tasks"
    index_results_url_name = "operations_tasks_results"
    results_template_name = "operations/report_results.html"
    summary_template_name = "operations/task_summary.html"
    list_export = ["task_path", "status", "enqueued_at", "started_at", "finished_at", "exception_class_path"]
    columns = [
        Column("task_path", label=pgettext_lazy("background task", "Task")),
        Column("status", label=_("Status"), sort_key="status", accessor=lambda task: TASK_STATUS_LABELS[task.status]),
        DateColumn("enqueued_at", label=_("Enqueued"), sort_key="enqueued_at"),
        DateColumn("finished_at", label=_("Finished")),
        Column("attempts", label=_("Runs"), accessor=lambda task: len(task.worker_ids)),
        Column("exception_class_path", label=_("Error")),
        ActionColumn("rerun", _("Run again"), "operations_task_rerun", lambda task: task.status == "FAILED"),
    ]
    default_ordering = "-enqueued_at"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stale_before = timezone.now() - seconds("OPERATIONS_WORKER_STALE_SECONDS")
        counts = dict(DBTaskResult.objects.values_list("status").order_by().annotate(count=Count("pk")))
        context["summary"] = [(label, counts.get(status, 0)) for status, label in TASK_STATUSES]
        context["workers"] = [
            (worker, worker.last_seen_at >= stale_before)
            for worker in WorkerHeartbeat.objects.order_by("-last_seen_at")[:20]
        ]
        context["jobs"] = PeriodicJob.objects.order_by("name")
        return context


@require_POST
def retry_email(request: HttpRequest, pk: int) -> HttpResponse:
    if not may_manage(request.user):
        raise PermissionDenied
    if retry_failed([pk]):
        messages.success(request, gettext("The e-mail will be sent again."))
    else:
        messages.warning(request, gettext("This e-mail is not in the failed state."))
    return redirect("operations_emails")


@require_POST
def rerun_task(request: HttpRequest, pk: str) -> HttpResponse:
    if not may_manage(request.user):
        raise PermissionDenied
    rerun = DBTaskResult.objects.filter(pk=pk, status="FAILED").update(
        status="READY", run_after=get_date_max(), finished_at=None
    )
    if rerun:
        messages.success(request, gettext("The task will be run again."))
    else:
        messages.warning(request, gettext("This task is not in the failed state."))
    return redirect("operations_tasks")

"""Admin registrations: the outbox and task reports under “Báo cáo”, for administrators only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_operations_urls():
    return [
        path("van-hanh/thu-di/", views.OutgoingEmailReportView.as_view(), name="operations_emails"),
        path(
            "van-hanh/thu-di/ket-qua/",
            views.OutgoingEmailReportView.as_view(results_only=True),
            name="operations_emails_results",
        ),
        path("van-hanh/thu-di/<int:pk>/gui-lai/", views.retry_email, name="operations_email_retry"),
        path("van-hanh/tac-vu/", views.TaskReportView.as_view(), name="operations_tasks"),
        path(
            "van-hanh/tac-vu/ket-qua/", views.TaskReportView.as_view(results_only=True), name="operations_tasks_results"
        ),
        path("van-hanh/tac-vu/<uuid:pk>/chay-lai/", views.rerun_task, name="operations_task_rerun"),
    ]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return views.may_manage(request.user)


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return AdministratorMenuItem(
        _("Outgoing e-mail"), reverse("operations_emails"), name="thu-di", icon_name="mail", order=1000
    )


@hooks.register("register_reports_menu_item")
def register_tasks_menu_item():
    return AdministratorMenuItem(
        _("Background tasks"), reverse("operations_tasks"), name="tac-vu-nen", icon_name="cogs", order=1010
    )

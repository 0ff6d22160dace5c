from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Quarterly exemplar reporting, reminders and statistics (DESIGN §10)."""

    name = "reports"
    label = "reports"
    verbose_name = _("Exemplar story reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.conf import settings
        from wagtail.api.v3.api import api

        from operations.schedule import register_periodic

        from .api import router
        from .signals import connect_signals

        connect_signals()
        register_periodic(
            "quota_reminders",
            lambda: getattr(settings, "REPORTS_REMINDER_CHECK_SECONDS", 3600),
            "reports.tasks.send_quota_reminders",
        )
        api.add_router("/reports/", router)

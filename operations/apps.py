from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """The background processes (DESIGN §7): the scheduler's periodic jobs, the worker, the e-mail outbox."""

    name = "operations"
    label = "operations"
    verbose_name = _("Operations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .conf import seconds
        from .schedule import register_periodic

        register_periodic(
            "publish_scheduled",
            lambda: seconds("OPERATIONS_PUBLISH_SCHEDULED_SECONDS"),
            "operations.tasks.publish_scheduled",
        )
        register_periodic("sweep", lambda: seconds("OPERATIONS_SWEEP_SECONDS"), "operations.tasks.sweep")
        register_periodic(
            "reclaim", lambda: seconds("OPERATIONS_RECLAIM_SECONDS"), "operations.tasks.reclaim_abandoned"
        )

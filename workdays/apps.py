from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    """Weekends, the public holidays of the Labour Code 2019 Art. 112 and the swaps each year announces."""

    name = "workdays"
    label = "workdays"
    verbose_name = _("Working-day calendar")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.api.v3.api import api

        from .api import router

        api.add_router("/calendar/", router)

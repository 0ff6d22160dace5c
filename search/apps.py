from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The portal's search service, public search page and search API."""

    name = "search"
    label = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.api.v3.api import api

        from . import checks  # noqa: F401  (registers the system checks)
        from .api import router
        from .signals import connect

        connect()
        api.add_router("/search/", router)

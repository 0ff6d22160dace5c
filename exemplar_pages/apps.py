from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarPagesConfig(AppConfig):
    """Plans, movements, exemplar stories and their taxonomies."""

    name = "exemplar_pages"
    label = "exemplar_pages"
    verbose_name = _("Thi đua – Điển hình")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.api.v3.api import api

        from .api import router

        api.add_router("/taxonomies/", router)

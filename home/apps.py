from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The portal's front page."""

    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.admin.views.pages.search import SearchView
        from wagtail.models import Page

        from . import checks  # noqa: F401 - registers the demo-password check
        from .sites import sync_default_site_after_migrate

        # Wagtail's admin page search names no model, so its results header read "1-1 trong số 1 None".
        SearchView.verbose_name = Page._meta.verbose_name
        SearchView.verbose_name_plural = Page._meta.verbose_name_plural

        post_migrate.connect(sync_default_site_after_migrate, sender=self, dispatch_uid="home.sync_default_site")

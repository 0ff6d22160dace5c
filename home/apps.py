from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The portal's front page."""

    name = "home"
    verbose_name = _("Trang chủ")
    default_auto_field = "django.db.models.BigAutoField"

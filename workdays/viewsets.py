"""The admin for the announced swaps (Settings-like menu item “Lịch ngày làm việc”)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Holiday


class HolidayViewSet(SnippetViewSet):
    """Admin for the days off and working days each year's announcement swaps."""

    model = Holiday
    icon = "date"
    menu_label = _("Working-day calendar")
    menu_name = "working-day-calendar"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["date", "kind", "name", "source"]
    list_filter = ["kind"]
    search_fields = ["name", "source"]
    ordering = ["-date"]

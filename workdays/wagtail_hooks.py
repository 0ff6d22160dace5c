"""Admin UI: the `Holiday` records as a snippet."""

from wagtail.snippets.models import register_snippet

from .viewsets import HolidayViewSet

register_snippet(HolidayViewSet)

"""Snippet viewsets for the taxonomies.

Fields and localities are searched through their own search index (name and folded name, so "yen bai" finds
"Yên Bái"): a viewset's `search_fields` would restrict the search to columns the SQLite full-text index does not
have, and fail."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Award, Field, Locality


class FieldViewSet(SnippetViewSet):
    """Admin for fields of work."""

    model = Field
    icon = "tag"
    menu_label = _("Field of work")
    list_display = ["name", "slug"]
    ordering = ["sort_key"]


class LocalityViewSet(SnippetViewSet):
    """Admin for the locality tree."""

    model = Locality
    icon = "site"
    menu_label = _("Locality")
    list_display = ["name", "kind", "display_path", "is_active", "slug"]
    list_filter = ["kind", "is_active"]
    ordering = ["sort_key"]


class AwardViewSet(SnippetViewSet):
    """Admin for emulation titles and forms of commendation."""

    model = Award
    icon = "pick"
    menu_label = _("Commendations")
    list_display = ["name", "kind", "recipient", "level"]
    list_filter = ["kind", "recipient", "level"]
    search_fields = ["name"]
    ordering = ["sort_key"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    """The taxonomies under one admin menu item."""

    items = (FieldViewSet, LocalityViewSet, AwardViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Categories")
    menu_name = "taxonomies"

"""Snippet viewsets for the taxonomies.

Fields and localities are searched through their own search index (name and folded name, so "yen bai" finds
"Yên Bái"): a viewset's `search_fields` would restrict the search to columns the SQLite full-text index does not
have, and fail."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
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
    list_display = [
        "name",
        "kind",
        Column("display_path", label=_("Place in the tree")),
        BooleanColumn("is_active", label=capfirst(_("in force")), sort_key="is_active"),
        Column("successor", label=capfirst(_("successor")), accessor=lambda locality: locality.successor or ""),
        "slug",
    ]
    list_filter = ["kind", "is_active"]
    ordering = ["sort_key"]

    def get_queryset(self, request):
        return Locality.objects.select_related("parent__parent__parent", "successor")  # the paths without a query a row


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

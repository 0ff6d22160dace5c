"""Template context shared by every public page."""

from wagtail.models import Site

from .models import ColumnPage


def portal_columns(request) -> dict:
    """The live, public columns of the current site, for the main navigation."""
    site = Site.find_for_request(request)
    if site is None:
        return {"portal_columns": []}
    columns = ColumnPage.objects.live().public().descendant_of(site.root_page).order_by("path")
    return {"portal_columns": columns}

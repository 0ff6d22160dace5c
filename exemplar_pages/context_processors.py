"""Template context shared by every public page."""

from wagtail.models import Site

from .models import ColumnPage
from .visibility import public_now


def portal_columns(request) -> dict:
    """The live, public columns of the current site, for the main navigation."""
    site = Site.find_for_request(request)
    if site is None:
        return {"portal_columns": []}
    columns = public_now(ColumnPage.objects.descendant_of(site.root_page)).order_by("path")
    return {"portal_columns": columns}

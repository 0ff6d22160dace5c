"""The public search page."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.models import Page

MAX_QUERY_LENGTH = 200


def search(request):
    """Search live, public pages by title and summary (the search service replaces this)."""
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .filter(Q(title__icontains=query) | Q(search_description__icontains=query))
            .specific()
            .order_by("-first_published_at")
        )
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "page_obj": page_obj, "filter_query": urlencode({"q": query})},
    )

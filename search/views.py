"""The public search page: words, facet filters with counts, pagination; no JavaScript needed."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .backends import BackendUnavailable
from .query import MAX_QUERY_LENGTH, SearchParameterError, SearchQuery, SearchResults, parse_search_params
from .registry import page_types, type_label
from .service import facet_groups, value_names
from .service import search as run_search

PAGE_SIZE = 20


def _params(request: HttpRequest) -> dict[str, list[str]]:
    """The request's parameters with the page size fixed for the HTML page."""
    params = {key: request.GET.getlist(key) for key in request.GET if key != "page_size"}
    params["page_size"] = [str(PAGE_SIZE)]
    return params


def search(request: HttpRequest) -> TemplateResponse:
    """Search live, public pages with Vietnamese-aware words and facet filters."""
    params = _params(request)
    error = ""
    try:
        query = parse_search_params(lambda key: params.get(key, []))
    except SearchParameterError as exc:
        error = str(exc)
        query = SearchQuery(text=" ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH], limit=PAGE_SIZE)
    try:
        results = run_search(query)
    except BackendUnavailable:
        error = str(_("The search service is temporarily unavailable, please try again later."))
        results = SearchResults(count=0, offset=0, limit=PAGE_SIZE, backend="", hits=[])
    if results.count and query.offset >= results.count:
        query.offset = (results.count - 1) // PAGE_SIZE * PAGE_SIZE
        results = run_search(query)
    paginator = Paginator(range(results.count), PAGE_SIZE)  # for the page links; the hits are the page
    page_obj = paginator.get_page(query.offset // PAGE_SIZE + 1)
    kept = [(key, value) for key in request.GET if key != "page" for value in request.GET.getlist(key)]
    selected_types = query.selected("type")
    facets = facet_groups(results.facets)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query.text,
            "error": error,
            "results": results,
            "hits": results.hits,
            "page_obj": page_obj,
            "facets": facets,
            "types": [(key, capfirst(type_label(key)), key in selected_types) for key in page_types()],
            "subject_types": value_names("subject_type"),
            "sort": query.sort,
            "filter_query": urlencode(kept),
            "max_query_length": MAX_QUERY_LENGTH,
        },
        status=(503 if not results.backend else 400) if error else 200,
    )

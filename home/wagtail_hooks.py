"""Wagtail hooks of the home app."""

from django.http import Http404
from django.utils import translation
from wagtail import hooks


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """A page is served only at the address of its own language: under /en/ Wagtail falls back to the
    Vietnamese tree when the English home is missing or unpublished, which would show Vietnamese pages
    under English addresses (and twice to search engines). Not found instead."""
    if page.locale.language_code != translation.get_language():
        raise Http404

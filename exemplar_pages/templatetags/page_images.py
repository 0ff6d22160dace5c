"""Open Graph data of a page for the portal's <head>: title, description, address and hero image."""

from __future__ import annotations

from django import template
from django.utils.text import Truncator
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from exemplar_pages.models.gallery import absolute_media_url

register = template.Library()

#: The rendition shared on Facebook and Zalo (1.91:1, the size Facebook recommends).
OPEN_GRAPH_SPEC = "fill-1200x630"


@register.simple_tag(takes_context=True)
def open_graph(context) -> dict | None:
    """The page's Open Graph properties, with absolute URLs on the Site (kept on `SITE_URL`); None off a page."""
    page = context.get("page")
    if not isinstance(page, Page):
        return None
    description = page.search_description or getattr(page, "summary", "")
    graph = {
        "type": "article" if getattr(page, "body_template", "") else "website",  # the printable articles
        "title": page.seo_title or page.title,
        "description": Truncator(" ".join(description.split())).chars(300),
        "url": page.get_full_url(context.get("request")),
    }
    image = getattr(page, "hero_image", None)
    try:
        rendition = image.get_rendition(OPEN_GRAPH_SPEC) if image is not None else None
    except SourceImageIOError:  # no original file: no image to share
        rendition = None
    if rendition is not None:
        graph["image"] = {
            "url": absolute_media_url(rendition.url),
            "alt": page.hero_image_alt,
            "width": rendition.width,
            "height": rendition.height,
        }
    return graph

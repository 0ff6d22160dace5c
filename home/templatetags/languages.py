"""The portal's languages in its pages: the home page of the page's language and the switcher."""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from exemplar_pages.visibility import public_now

register = template.Library()


def _homes(request) -> dict[str, Page]:
    """The public home pages of the request's site, by language code (computed once per request)."""
    cached = getattr(request, "_portal_homes", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request is not None else None
    homes: dict[str, Page] = {}
    if site is not None:
        translations = site.root_page.get_translations(inclusive=True).select_related("locale")
        homes = {home.locale.language_code: home for home in public_now(translations)}
    if request is not None:
        request._portal_homes = homes
    return homes


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    """The address of the home page in the language of the page (`/` or `/en/`)."""
    request = context.get("request")
    home = _homes(request).get(translation.get_language())
    return home.get_url(request) if home is not None else "/"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict[str, str]]:
    """The other languages of the portal, each with where to go: this page's public translation if it
    has one, else that language's home page; a language with no public home page is left out."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    homes = _homes(request)
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        target = None
        if isinstance(page, Page):
            target = public_now(page.get_translations().filter(locale__language_code=code)).first()
        target = target or homes.get(code)
        if target is not None:
            links.append({"code": code, "name": name, "url": target.get_url(request)})
    return links


@register.simple_tag
def portal_language() -> str:
    """The portal's own language (Vietnamese): its pages have the full navigation and search."""
    return settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def information_menu(context) -> list[Page]:
    """The public information pages under the home page of the page's language (the English menu)."""
    from home.models import information_pages_under

    request = context.get("request")
    home = _homes(request).get(translation.get_language())
    return list(information_pages_under(home)) if home is not None else []

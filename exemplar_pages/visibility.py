"""What anonymous readers may see now (DESIGN §4): one definition for every public path.

A page is publicly visible now when it is live, under no view restriction (on itself or an
ancestor) and its expiry (`expire_at`) has not come. Wagtail takes an expired page down only when
`publish_scheduled` runs; until then the page is still `live` in the database, so every public path
(the page and its sub-pages, the pages API, the sitemap, lists, related stories) asks this module
rather than `live()` alone. The search service keeps each document's expiry and filters on it at
query time (`search.snapshot`, `search.backends.elasticsearch`), so the columns, the home page and
the feeds, which read the search service, follow the same rule.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page
from wagtail.query import PageQuerySet


def unexpired_q(now: datetime | None = None) -> Q:
    """Pages with no expiry, or one still to come."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now or timezone.now())


def is_expired(page: Page, now: datetime | None = None) -> bool:
    """True once a page's expiry has come, whether or not `publish_scheduled` has run since."""
    return page.expire_at is not None and page.expire_at <= (now or timezone.now())


def unexpired(queryset: PageQuerySet, now: datetime | None = None) -> PageQuerySet:
    """The pages of a queryset whose expiry has not come."""
    return queryset.filter(unexpired_q(now))


def public_now(queryset: PageQuerySet, now: datetime | None = None) -> PageQuerySet:
    """The pages of a queryset anonymous readers may see now: live, public and not past their expiry."""
    return unexpired(queryset.live().public(), now)


def is_public_now(page: Page | None, now: datetime | None = None) -> bool:
    """The same rule for one page already loaded."""
    return page is not None and page.live and not is_expired(page, now) and not page.get_view_restrictions()


def expired_live_page_ids(now: datetime | None = None) -> list[int]:
    """Live pages past their expiry, which `publish_scheduled` has not taken down yet (usually none).

    For querysets that Wagtail's own search may still run over (the pages API's `?search=`): it
    filters only on indexed fields, and a page's id is one while `expire_at` is not.
    """
    return list(Page.objects.filter(live=True, expire_at__lte=now or timezone.now()).values_list("pk", flat=True))


def refuse_expired_page(page: Page, request, serve_args, serve_kwargs) -> None:
    """`before_serve_page` hook: an expired page (and its `print/` and other sub-pages) is not found."""
    if is_expired(page):
        raise Http404


class PublicSitemap(Sitemap):
    """Wagtail's sitemap without the pages whose expiry has come."""

    def items(self):
        return unexpired(super().items())


def install_api_visibility() -> None:
    """Keep expired pages out of the v3 pages API's public tier (list, detail, find), once.

    Wagtail's v3 routers read every page through `wagtail.api.v3.querysets.get_pages_queryset`, which
    takes anonymous requests' pages from `get_public_pages_queryset` (live, view restrictions, site):
    that last name is wrapped here, as the moderation guard wraps Wagtail's publish action.
    """
    from wagtail.api.v3 import querysets

    original = querysets.get_public_pages_queryset
    if getattr(original, "expiry_filter", False):
        return

    def get_public_pages_queryset(request, model=Page):
        return original(request, model).exclude(pk__in=expired_live_page_ids())

    get_public_pages_queryset.expiry_filter = True
    querysets.get_public_pages_queryset = get_public_pages_queryset

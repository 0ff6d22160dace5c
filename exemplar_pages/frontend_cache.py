"""Purge the front-end cache (Varnish, DESIGN §7) when what anonymous readers see changes.

The purges go through `wagtail.contrib.frontend_cache`'s backends (`WAGTAILFRONTENDCACHE`, set from
`FRONTEND_CACHE_URL`) as PURGE requests, which `deploy/varnish.vcl` turns into bans:
``PURGE /path/`` drops /path/ with any query string, ``PURGE /path/*`` everything under /path/.

- A story or a plan published (through the workflow, by an administrator or by `publish_scheduled`):
  the page and everything under it (print view, PDF), its parents (unit, movement), every movement
  page, the home page, every column (filters, pages, RSS and Atom), the sitemap, the monthly archive,
  the search page and the whole API — each with every query string. Other stories' "related" box and
  plans that cite it pick up an addition or an edit when their copy ends (`FRONTEND_CACHE_MAX_AGE`).
- Anything that removes or relabels content — an unpublication (retract, expiry), a move, a slug
  change, a deletion of a live page, a view restriction, a taxonomy term (field, locality, award)
  edited or deleted, or the publication of another page type (home, column, unit, movement, whose
  titles show in navigation, breadcrumbs and facets) — empties the cache (``PURGE /*``): such events
  are rare, and a removal must reach every page that shows the story, other stories' "related" box
  included.

The purges of one transaction are sent once, after it commits, from the process that made the
change (web, worker or a management command), so the next read after the request sees it. A failed
purge is logged and never breaks the publication; the cached copy then lives until its `s-maxage`
(`FRONTEND_CACHE_MAX_AGE`).

Wagtail's own `wagtail.contrib.frontend_cache` app is not installed: its handlers would purge only the
page's own URL, later, through the task queue.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from types import SimpleNamespace
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.cache_headers import forget_next_expiry

from .models import Award, ColumnPage, ExemplarStoryPage, Field, Locality, MovementPage, PlanPage

logger = logging.getLogger(__name__)

EVERYTHING = "/*"
# Paths that show every story besides the search service's listings: the sitemap, the monthly archive
# (exemplar_pages/archive.py), the statistics (reports app), the whole API.
LISTING_PATHS = ("/sitemap.xml", "/luu-tru/*", "/thong-ke/*", "/api/v3/*")
TAXONOMY_API = "/api/v3/taxonomies/*"


class PurgeRequest(Request):
    """An HTTP PURGE request."""

    def get_method(self) -> str:
        return "PURGE"


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend with a timeout, so that a stalled cache cannot hold a publication."""

    def __init__(self, params: dict) -> None:
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host += f":{parts.port}"
        target = urlunsplit((self.cache_scheme, self.cache_netloc, parts.path or "/", parts.query, ""))
        request = PurgeRequest(target, headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"})
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310 (the configured cache's address)
                pass
        except (URLError, OSError) as error:
            logger.error("Front-end cache purge of %s failed (%s): %s", url, self.cache_netloc, error)


def enabled() -> bool:
    """Whether a front-end cache is configured (`FRONTEND_CACHE_URL`)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def site_root_url() -> str | None:
    """The default site's address, which purges of fixed paths are sent for."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else None


def listing_urls(cache_object: object | None = None) -> set[str]:
    """The pages the search service lists stories on: the home page, every column (with its filters,
    pages and feeds), the search page and the search API."""
    cache_object = cache_object or SimpleNamespace()  # site root paths read once for all the URLs
    urls = {url + "*" for url in (column.get_full_url(cache_object) for column in ColumnPage.objects.live()) if url}
    root = site_root_url()
    if root:
        urls.update(root + path for path in ("/", "/tim-kiem/", "/api/v3/search/"))
    return urls


def publication_urls(page: Page) -> set[str]:
    """What to purge when a story or a plan is published: every place that lists or shows it."""
    cache_object = SimpleNamespace()
    urls = listing_urls(cache_object)
    own = page.get_full_url(cache_object)
    if own:
        urls.add(own + "*")  # the page and its sub-pages (print view)
    # Its unit (and a parent movement), and every movement: the one it names now may not be the one
    # it named before this revision.
    for listing in (*page.get_ancestors().filter(depth__gt=2), *MovementPage.objects.live()):
        url = listing.get_full_url(cache_object)
        if url:
            urls.add(url)
    root = site_root_url()
    if root:
        urls.update(root + path for path in LISTING_PATHS)
    return urls


def purge_listings() -> None:
    """Purge the search service's listings, for a process that changed the search index after the
    publication's own purge (e.g. a worker that sent the changes to Elasticsearch)."""
    _purge(listing_urls)


def on_index_replayed(sender, **kwargs) -> None:
    purge_listings()


def everything_urls() -> set[str]:
    root = site_root_url()
    return {root + EVERYTHING} if root else set()


def minimised(urls: Iterable[str]) -> list[str]:
    """The URLs to send, without those a prefix purge (``/path/*``) of the same site already covers."""
    parts = {url: urlsplit(url) for url in set(urls)}
    prefixes = [(part.netloc, part.path[:-1]) for part in parts.values() if part.path.endswith("*")]

    def covered(part) -> bool:
        path = part.path[:-1] if part.path.endswith("*") else part.path
        return any(
            netloc == part.netloc and path.startswith(prefix) and (path, part.path) != (prefix, prefix + "*")
            for netloc, prefix in prefixes
        )

    return sorted(url for url, part in parts.items() if not covered(part))


class CommitPurges:
    """The purges one transaction asks for, sent once after it commits."""

    def __init__(self) -> None:
        self.urls: set[str] = set()
        self.sent = False

    def send(self) -> None:
        if self.sent:
            return  # several changes of one transaction registered this batch; the first call sends it
        self.sent = True
        if not self.urls:
            return
        try:
            purge_urls_from_cache_task.call(minimised(self.urls))
        except Exception as error:  # a purge never breaks a publication
            logger.error("Front-end cache purge of %d URLs failed: %r", len(self.urls), error)


_current = threading.local()


def purge_after_commit(urls: Iterable[str]) -> None:
    """Send these purges once the current transaction commits (at once outside a transaction)."""
    batch: CommitPurges | None = getattr(_current, "batch", None)
    connection = transaction.get_connection()
    # A batch whose send is no longer among the connection's commit callbacks was sent, or its
    # transaction (or the savepoint that registered it) rolled back: its URLs go with it.
    if batch is None or batch.sent or not any(batch.send in entry for entry in connection.run_on_commit):
        batch = _current.batch = CommitPurges()
    batch.urls.update(urls)
    transaction.on_commit(batch.send)


def _purge(compute) -> None:
    if not enabled():
        return
    try:
        urls = compute()
    except Exception as error:  # e.g. a page with no site: nothing to purge, nothing to break
        logger.error("Front-end cache purge skipped, URLs unknown: %r", error)
        return
    purge_after_commit(urls)


def on_page_published(sender, instance: Page, **kwargs) -> None:
    forget_next_expiry()  # the page may bring an expiry sooner than the one this process knows
    if isinstance(instance, ExemplarStoryPage | PlanPage):
        _purge(lambda: publication_urls(instance))
    else:
        _purge(everything_urls)


def on_page_changed(sender, instance: Page | None = None, **kwargs) -> None:
    """Unpublication, expiry, move, slug change: the page may be anywhere in the cache."""
    _purge(everything_urls)


def on_page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and instance.live:
        _purge(everything_urls)


def on_restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    _purge(everything_urls)


def on_taxonomy_saved(sender, instance, created: bool = False, **kwargs) -> None:
    """A new term only adds to the taxonomy API; an edited one relabels every page showing it."""
    if created:
        root = site_root_url()
        _purge(lambda: {root + TAXONOMY_API} if root else set())
    else:
        _purge(everything_urls)


def on_taxonomy_deleted(sender, instance, **kwargs) -> None:
    _purge(everything_urls)


def connect() -> None:
    """Connect the purges (from `ExemplarPagesConfig.ready`)."""
    page_published.connect(on_page_published, dispatch_uid="frontend_cache_published")
    # With Elasticsearch the worker changes the index after the publication's own purge: purge again.
    from search.replay import index_replayed

    index_replayed.connect(on_index_replayed, dispatch_uid="frontend_cache_index_replayed")
    page_unpublished.connect(on_page_changed, dispatch_uid="frontend_cache_unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid="frontend_cache_moved")
    page_slug_changed.connect(on_page_changed, dispatch_uid="frontend_cache_slug_changed")
    post_delete.connect(on_page_deleted, dispatch_uid="frontend_cache_deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="frontend_cache_restricted")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="frontend_cache_unrestricted")
    for model in (Field, Locality, Award):
        name = model._meta.model_name
        post_save.connect(on_taxonomy_saved, sender=model, dispatch_uid=f"frontend_cache_{name}_saved")
        post_delete.connect(on_taxonomy_deleted, sender=model, dispatch_uid=f"frontend_cache_{name}_deleted")

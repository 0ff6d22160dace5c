"""Cache-Control headers a shared front-end cache (Varnish, `deploy/varnish.vcl`) can act on.

An anonymous GET or HEAD of a public page, feed, sitemap, search page or API read gets
``Cache-Control: public, max-age=0, s-maxage=N``: Varnish keeps it N seconds
(`FRONTEND_CACHE_MAX_AGE`, capped so that no copy outlives the next scheduled expiry of a live page),
browsers revalidate. Everything else gets Django's never-cache headers (``private, no-cache,
no-store``): a request with a session cookie or an ``Authorization`` header, a response that embeds
a CSRF token or sets a cookie, the admin, documents (whose privacy follows the pages using them),
other methods and statuses. A view that sets its own ``Cache-Control`` (whitenoise's static files)
keeps it.
"""

from __future__ import annotations

import math
import threading
import time
from datetime import datetime

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

CACHEABLE_STATUSES = frozenset({200, 203, 300, 301, 404, 410})
DEFAULT_PRIVATE_PATHS = ("/admin/", "/django-admin/", "/documents/")
# How long a process trusts its reading of the next expiry; a publication in this process forgets it at once.
NEXT_EXPIRY_CHECK_SECONDS = 1.0

_lock = threading.Lock()
_next_expiry: tuple[float, datetime | None] | None = None


def forget_next_expiry() -> None:
    """Read the next scheduled expiry again on the next response (called when pages are published)."""
    global _next_expiry
    with _lock:
        _next_expiry = None


def next_expiry(now: datetime) -> datetime | None:
    """The soonest `expire_at` still to come among live pages, read at most every few seconds."""
    global _next_expiry
    with _lock:
        cached = _next_expiry
    if cached is not None:
        checked_at, value = cached
        fresh = time.monotonic() - checked_at < NEXT_EXPIRY_CHECK_SECONDS
        if fresh and (value is None or value > now):
            return value
    from wagtail.models import Page

    value = (
        Page.objects.filter(live=True, expire_at__gt=now)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )
    with _lock:
        _next_expiry = (time.monotonic(), value)
    return value


def shared_max_age() -> int:
    """Seconds a shared cache may keep a public response: the setting, or less before an expiry."""
    max_age = int(getattr(settings, "FRONTEND_CACHE_MAX_AGE", 300))
    now = timezone.now()
    try:
        expiry = next_expiry(now)
    except DatabaseError:  # the database is gone (an error page): share nothing rather than fail the answer
        return 0
    if expiry is not None:
        max_age = min(max_age, math.floor((expiry - now).total_seconds()))
    return max(max_age, 0)


def is_public(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the response is the same for every anonymous reader and may be shared."""
    if request.method not in ("GET", "HEAD") or response.status_code not in CACHEABLE_STATUSES:
        return False
    private_paths = tuple(getattr(settings, "FRONTEND_CACHE_PRIVATE_PATHS", DEFAULT_PRIVATE_PATHS))
    if request.path.startswith(private_paths):
        return False
    if "HTTP_AUTHORIZATION" in request.META or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    # A page that embeds a CSRF token (a form that posts) is the visitor's own: `get_token` flags the
    # cookie for sending, and CsrfViewMiddleware sets it. So is any other response that sets a cookie.
    return not (request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies)


class FrontendCacheHeadersMiddleware:
    """Mark anonymous public reads shareable by the front-end cache, everything else private."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        max_age = shared_max_age() if is_public(request, response) else 0
        if max_age > 0:
            patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)
        else:
            add_never_cache_headers(response)
        return response

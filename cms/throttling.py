"""Rate limits in Django's cache: wrong API tokens and anonymous writes, per client address.

Both answer 429 with an `application/problem+json` body in Vietnamese and `Retry-After`, in the shape
of the API's other errors. The counters live in the default cache: one per process with the local
memory cache, shared by every process with a shared cache (CACHE_URL=db; README, "Security").
"""

import math
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from wagtail.api.v3.errors import problem_response
from wagtail.models import APIToken

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def client_address(request: HttpRequest) -> str:
    """The address throttles count by: REMOTE_ADDR, or the first hop of THROTTLE_CLIENT_ADDRESS_HEADER."""
    header = getattr(settings, "THROTTLE_CLIENT_ADDRESS_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


class FixedWindowCounter:
    """Events per key in a window of `window` seconds that starts with the key's first event."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def _keys(self, key: str) -> tuple[str, str]:
        return f"throttle:{self.prefix}:{key}:count", f"throttle:{self.prefix}:{key}:start"

    def count(self, key: str) -> int:
        return cache.get(self._keys(key)[0], 0)

    def hit(self, key: str, window: int) -> int:
        count_key, start_key = self._keys(key)
        cache.add(start_key, time.time(), window)
        cache.add(count_key, 0, window)
        try:
            return cache.incr(count_key)
        except ValueError:  # expired between add and incr
            cache.set(count_key, 1, window)
            return 1

    def retry_after(self, key: str, window: int) -> int:
        start = cache.get(self._keys(key)[1])
        if start is None:
            return window
        return max(1, math.ceil(start + window - time.time()))


def too_many_requests(detail: str, retry_after: int) -> HttpResponse:
    """A 429 problem+json answer with Retry-After."""
    response = problem_response(status=429, title=_("Too many requests"), detail=detail)
    response["Retry-After"] = str(retry_after)
    return response


def _bearer_token(request: HttpRequest) -> bool:
    return request.META.get("HTTP_AUTHORIZATION", "").lower().startswith("bearer ")


class APITokenFailureThrottleMiddleware:
    """After THROTTLE_TOKEN_FAILURES wrong bearer tokens from an address in THROTTLE_TOKEN_WINDOW seconds,
    answer that address's token-carrying API requests 429 until the window ends.

    A failure is an API answer to a request with a bearer token that did not resolve to an APIToken:
    a 401, or a public route that fell back to anonymous (Wagtail's BearerTokenAuth, then AllowAnonymous).
    """

    counter = FixedWindowCounter("token-failures")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        paths = tuple(getattr(settings, "THROTTLE_TOKEN_PATHS", ("/api/",)))
        if not (_bearer_token(request) and request.path_info.startswith(paths)):
            return self.get_response(request)
        limit = getattr(settings, "THROTTLE_TOKEN_FAILURES", 20)
        window = getattr(settings, "THROTTLE_TOKEN_WINDOW", 60)
        address = client_address(request)
        if limit and self.counter.count(address) >= limit:
            return too_many_requests(
                _("Too many invalid access tokens from this address. Please try again later."),
                self.counter.retry_after(address, window),
            )
        response = self.get_response(request)
        auth = getattr(request, "auth", None)
        if response.status_code == 401 or (hasattr(request, "auth") and not isinstance(auth, APIToken)):
            self.counter.hit(address, window)
        return response


class AnonymousWriteThrottleMiddleware:
    """At most THROTTLE_ANONYMOUS_WRITES anonymous writes per address in THROTTLE_ANONYMOUS_WRITE_WINDOW
    seconds under THROTTLE_ANONYMOUS_WRITE_PATHS (0 turns it off). A request with a bearer token or a
    logged-in session is not anonymous; wrong tokens are APITokenFailureThrottleMiddleware's.
    """

    counter = FixedWindowCounter("anonymous-writes")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = getattr(settings, "THROTTLE_ANONYMOUS_WRITES", 30)
        paths = tuple(getattr(settings, "THROTTLE_ANONYMOUS_WRITE_PATHS", ("/api/v3/",)))
        user = getattr(request, "user", None)
        if (
            not limit
            or request.method not in WRITE_METHODS
            or not request.path_info.startswith(paths)
            or _bearer_token(request)
            or (user is not None and user.is_authenticated)
        ):
            return self.get_response(request)
        window = getattr(settings, "THROTTLE_ANONYMOUS_WRITE_WINDOW", 60)
        address = client_address(request)
        if self.counter.hit(address, window) > limit:
            return too_many_requests(
                _("Too many write requests from this address. Please try again later."),
                self.counter.retry_after(address, window),
            )
        return self.get_response(request)

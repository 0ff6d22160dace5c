"""The portal's public address (`SITE_URL`) on Wagtail's default Site.

Wagtail builds every full URL (page `full_url`, the sitemap, feeds, the pages API's `html_url`)
from the Site's hostname and port, so the default Site is kept on `SITE_URL`: after every
`migrate` (which `make demo`, `make serve` and a deployment run) and whenever called.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(url: str) -> tuple[str, int]:
    """The (hostname, port) of a Wagtail Site whose `root_url` is `url`.

    A Site has no scheme: Wagtail says `https://` for port 443 and `http://` otherwise, so an
    address that would not come back the same (https on another port, http on 443) is refused.
    """
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path.strip("/"):
        raise ImproperlyConfigured(f"SITE_URL must be http(s)://host[:port] with no path, not {url!r}.")
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(f"SITE_URL {url!r}: Wagtail can say https only on port 443 (and http elsewhere).")
    return parts.hostname, port


def sync_default_site(using: str = "default") -> bool:
    """Put the default Site on `SITE_URL`; True when it changed."""
    from wagtail.models import Site

    hostname, port = site_address(getattr(settings, "SITE_URL", "http://127.0.0.1:8000"))
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(using=using, update_fields=["hostname", "port"])  # Wagtail's signal clears the cached root paths
    return True


def sync_default_site_after_migrate(sender, using: str = "default", **kwargs) -> None:
    """`post_migrate` receiver (connected for the home app, which creates the default Site)."""
    sync_default_site(using)

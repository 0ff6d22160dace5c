"""PDF copies of the printable pages (Decree 42/2022, DESIGN §11): the print view rendered by WeasyPrint.

WeasyPrint lays the print view's HTML out with Debian's pango and embeds the fonts it used (subsets
of Noto Serif or DejaVu Serif, both with every Vietnamese letter). It never reads the network: its
`LocalFileFetcher` reads the stylesheets from the static files and the images from the media
storage. A rendering takes about a second, so its bytes are kept in the default cache under the
digest of the print view's HTML: any change to what the page shows makes a new PDF, and a flood of
`pdf/` requests for one page renders it once.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.utils._os import safe_join
from django.utils.translation import gettext as _
from wagtail.models import Page

logger = logging.getLogger(__name__)

PDF_STYLESHEET = "css/pdf.css"
# Uploaded files a page may show: images and their renditions, never documents (their privacy is Wagtail's).
MEDIA_PREFIXES = ("images/", "original_images/")


def cache_seconds() -> int:
    """How long a rendered PDF is kept (`EXEMPLAR_PAGES_PDF_CACHE_SECONDS`, a day by default)."""
    return int(getattr(settings, "EXEMPLAR_PAGES_PDF_CACHE_SECONDS", 24 * 3600))


def static_file_path(name: str) -> str | None:
    """A static file on disk: collected in STATIC_ROOT (hashed names) or found in the apps."""
    collected = safe_join(str(settings.STATIC_ROOT), name)
    if os.path.isfile(collected):
        return collected
    found = finders.find(name)
    return found if isinstance(found, str) else None


def local_file(url: str, allowed_netlocs: set[str]) -> tuple[bytes, str] | None:
    """The bytes and type of a static file or an uploaded image named by its URL, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "") or parts.netloc not in allowed_netlocs:
        return None
    path = unquote(parts.path)
    if ".." in path.split("/"):
        return None
    if path.startswith(settings.STATIC_URL):
        found = static_file_path(path.removeprefix(settings.STATIC_URL))
        if found is None:
            return None
        with open(found, "rb") as handle:
            body = handle.read()
    elif path.startswith(settings.MEDIA_URL):
        name = path.removeprefix(settings.MEDIA_URL)
        if not name.startswith(MEDIA_PREFIXES):
            return None
        try:
            with default_storage.open(name) as handle:
                body = handle.read()
        except (OSError, ValueError):
            return None
    else:
        return None
    return body, mimetypes.guess_type(path)[0] or "application/octet-stream"


def url_fetcher_class():
    """WeasyPrint's fetcher that reads the site's own files and refuses everything else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFileFetcher(URLFetcher):
        def __init__(self, allowed_netlocs: set[str]) -> None:
            super().__init__(timeout=1, allowed_protocols=())
            self.allowed_netlocs = allowed_netlocs

        def fetch(self, url: str, headers=None):
            found = local_file(url, self.allowed_netlocs)
            if found is None:
                raise ValueError(f"not a local static file or image: {url}")  # WeasyPrint logs it and goes on
            body, content_type = found
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return LocalFileFetcher


def render_pdf(html: str, base_url: str) -> bytes:
    """The PDF of a print view's HTML (WeasyPrint; imported here, it loads pango)."""
    from weasyprint import CSS, HTML

    fetcher = url_fetcher_class()({urlsplit(base_url).netloc, ""})
    stylesheet = CSS(filename=finders.find(PDF_STYLESHEET), url_fetcher=fetcher)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher, media_type="print")
    return document.write_pdf(stylesheets=[stylesheet])


def cached_pdf(page: Page, html: str, base_url: str) -> bytes:
    """The PDF of this HTML, rendered once and then read from the default cache."""
    digest = hashlib.sha256(f"{base_url}\n{html}".encode()).hexdigest()
    key = f"exemplar_pages:pdf:{page.pk}:{digest}"
    body = cache.get(key)
    if body is None:
        body = render_pdf(html, base_url)
        cache.set(key, body, cache_seconds())
    return body


def content_disposition(page: Page) -> str:
    """Inline, named after the ASCII slug, with the Vietnamese title as `filename*` (RFC 6266)."""
    ascii_name = (page.slug or str(page.pk)).encode("ascii", "ignore").decode() or str(page.pk)
    return f"inline; filename=\"{ascii_name}.pdf\"; filename*=UTF-8''{quote(page.title + '.pdf', safe='')}"


def pdf_response(page: Page, request, html: str) -> HttpResponse:
    """Answer the PDF of a page's print view; 503 when WeasyPrint's libraries are missing."""
    base_url = request.build_absolute_uri(request.path)
    try:
        body = cached_pdf(page, html, base_url)
    except OSError as error:  # pango or its fonts are not installed (README: PDF and archive)
        logger.error("PDF of page %s could not be rendered: %s", page.pk, error)
        return HttpResponse(
            _("The PDF could not be created. Please use the print version."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(page)
    response["Content-Length"] = str(len(body))
    return response

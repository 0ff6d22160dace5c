"""Monthly archive pages (Decree 42/2022, DESIGN §11): what the portal published, month by month.

`/luu-tru/` lists the years and months with the number of articles first published in each;
`/luu-tru/YYYY/MM/` lists that month's articles — every printable page type (plans, movements,
stories, decisions, consultations) — with links to the page, its print view and its PDF. Months are
those of the portal's time zone (`TIME_ZONE`), and only pages anonymous readers may see now count
(`visibility.public_now`), so the archive never shows a draft, a restricted or an expired page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import render
from django.urls import path, re_path, reverse
from django.utils import timezone
from wagtail.models import Page, get_page_models
from wagtail.query import PageQuerySet

from .models import UnitPage
from .models.mixins import PrintableMixin
from .visibility import public_now


def page_size() -> int:
    """Articles per archive page (`EXEMPLAR_PAGES_ARCHIVE_PAGE_SIZE`, 30)."""
    return int(getattr(settings, "EXEMPLAR_PAGES_ARCHIVE_PAGE_SIZE", 30))


def archived_page_models() -> list[type[Page]]:
    """The page types the archive lists: every page with a print view and a PDF."""
    return [model for model in get_page_models() if issubclass(model, PrintableMixin)]


def archived_pages() -> PageQuerySet:
    """Every published article anonymous readers may see now."""
    return public_now(Page.objects.type(*archived_page_models())).filter(first_published_at__isnull=False)


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """The first instant of a month and of the next one, in the portal's time zone."""
    start = datetime(year, month, 1)
    end = datetime(year + month // 12, month % 12 + 1, 1)
    return timezone.make_aware(start), timezone.make_aware(end)


def month_url(year: int, month: int) -> str:
    return reverse("archive_month", kwargs={"year": f"{year:04d}", "month": f"{month:02d}"})


@dataclass
class ArchiveMonth:
    """One month of the archive: how many articles were first published in it."""

    year: int
    month: int
    count: int
    last_published_at: datetime | None = None

    @property
    def url(self) -> str:
        return month_url(self.year, self.month)


@dataclass
class ArchiveYear:
    year: int
    months: list[ArchiveMonth] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(month.count for month in self.months)


def archive_months() -> list[ArchiveMonth]:
    """Every month with at least one public article, newest first."""
    rows = (
        archived_pages()
        .order_by()
        .annotate(month=TruncMonth("first_published_at"))
        .values("month")
        .annotate(count=Count("pk"), last_published_at=Max("last_published_at"))
        .order_by("-month")
    )
    months = []
    for row in rows:
        local = timezone.localtime(row["month"]) if timezone.is_aware(row["month"]) else row["month"]
        months.append(ArchiveMonth(local.year, local.month, row["count"], row["last_published_at"]))
    return months


def archive_years() -> list[ArchiveYear]:
    years: dict[int, ArchiveYear] = {}
    for month in archive_months():
        years.setdefault(month.year, ArchiveYear(month.year)).months.append(month)
    return list(years.values())


def with_units(pages: list[Page]) -> list[Page]:
    """Set `archive_unit` on each page: its nearest public unit above it, or None (one query)."""
    steplen = Page.steplen
    ancestor_paths = {page.path[:end] for page in pages for end in range(steplen, len(page.path), steplen)}
    units = {unit.path: unit for unit in public_now(UnitPage.objects.filter(path__in=ancestor_paths))}
    for page in pages:
        page.archive_unit = next(
            (
                units[page.path[:end]]
                for end in range(len(page.path) - steplen, 0, -steplen)
                if page.path[:end] in units
            ),
            None,
        )
    return pages


def archive_index(request):
    years = archive_years()
    return render(
        request,
        "exemplar_pages/archive_index.html",
        {"years": years, "total": sum(year.count for year in years)},
    )


def archive_month(request, year: str, month: str):
    year_number, month_number = int(year), int(month)
    if not 1 <= month_number <= 12 or not 1900 <= year_number <= 9998:
        raise Http404  # (the portal's time zone cannot even convert year 1 to UTC)
    start, end = month_bounds(year_number, month_number)
    pages = archived_pages().filter(first_published_at__gte=start, first_published_at__lt=end)
    pages = pages.order_by("first_published_at", "pk").specific()
    paginator = Paginator(pages, page_size())
    if paginator.count == 0:
        raise Http404  # no archive page for a month without articles
    page_obj = paginator.get_page(request.GET.get("page"))
    items = with_units(list(page_obj.object_list))
    return render(
        request,
        "exemplar_pages/archive_month.html",
        {
            "year": year_number,
            "month": month_number,
            "page_obj": page_obj,
            "items": items,
            "filter_query": "",
        },
    )


class ArchiveSitemap(Sitemap):
    """The archive's month pages, at the default Wagtail Site's address (`SITE_URL`)."""

    def items(self) -> list[ArchiveMonth]:
        return archive_months()

    def location(self, item: ArchiveMonth) -> str:
        return item.url

    def lastmod(self, item: ArchiveMonth) -> datetime | None:
        return item.last_published_at

    def root_url(self) -> str:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        return site.root_url if site else ""

    def get_domain(self, site=None) -> str:
        return urlsplit(self.root_url()).netloc or super().get_domain(site)

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(self.root_url()).scheme or super().get_protocol(protocol)


urlpatterns = [
    path("", archive_index, name="archive_index"),
    re_path(r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", archive_month, name="archive_month"),
]

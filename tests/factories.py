"""Small builders for test content: taxonomies and pages under the site's home page."""

import itertools
from datetime import date

from wagtail.models import Page, PageViewRestriction, Site

from exemplar_pages.models import (
    ColumnPage,
    ExemplarStoryPage,
    Field,
    Locality,
    MovementPage,
    PlanPage,
    UnitPage,
)

_counter = itertools.count(1)


def home_page() -> Page:
    """The default site's root page (the HomePage made by the data migration)."""
    return Site.objects.get(is_default_site=True).root_page.specific


def locality(name: str, kind: str = Locality.Kind.COMMUNE, parent: Locality | None = None, **kwargs) -> Locality:
    return Locality.objects.create(name=name, kind=kind, parent=parent, **kwargs)


def unit(title: str | None = None, parent: Page | None = None, **kwargs) -> UnitPage:
    page = UnitPage(title=title or f"Đơn vị thử {next(_counter)}", **kwargs)
    (parent or home_page()).add_child(instance=page)
    return page


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def story(parent: Page, title: str | None = None, publish_it: bool = True, **kwargs) -> ExemplarStoryPage:
    """An exemplar story with sensible defaults, published unless asked otherwise."""
    if "locality" not in kwargs:
        kwargs["locality"] = Locality.objects.first() or locality("Xã Thử Nghiệm")
    kwargs.setdefault("field", Field.objects.get(slug="nong-nghiep"))
    kwargs.setdefault("subject_name", "Nguyễn Văn An")
    kwargs.setdefault("subject_type", "individual")
    kwargs.setdefault("year", 2023)
    kwargs.setdefault("summary", "Một gương điển hình tiên tiến trong phong trào thi đua.")
    page = ExemplarStoryPage(title=title or f"Gương điển hình thử {next(_counter)}", **kwargs)
    parent.add_child(instance=page)
    if not publish_it:
        page.live = False
        page.save()
        page.save_revision()
        return page
    return publish(page)


def plan(parent: Page, title: str | None = None, **kwargs) -> PlanPage:
    kwargs.setdefault("issuing_body", "UBND xã Thử Nghiệm")
    kwargs.setdefault("number", f"{next(_counter)}/KH-UBND")
    kwargs.setdefault("issue_date", date(2023, 3, 1))
    kwargs.setdefault("period_start", 2023)
    kwargs.setdefault("period_end", 2023)
    page = PlanPage(title=title or f"Kế hoạch thử {next(_counter)}", **kwargs)
    parent.add_child(instance=page)
    return publish(page)


def movement(parent: Page, title: str | None = None, **kwargs) -> MovementPage:
    kwargs.setdefault("period_start", 2021)
    kwargs.setdefault("period_end", 2025)
    page = MovementPage(title=title or f"Phong trào thử {next(_counter)}", **kwargs)
    parent.add_child(instance=page)
    return publish(page)


def column(title: str, **kwargs) -> ColumnPage:
    page = ColumnPage(title=title, **kwargs)
    home_page().add_child(instance=page)
    return publish(page)


def restrict(page: Page) -> PageViewRestriction:
    """Put a login-only view restriction on a page."""
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

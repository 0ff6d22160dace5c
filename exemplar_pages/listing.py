"""Column listings: a column's saved query plus a reader's filters.

This database implementation is what the column pages, the home page and the
feeds call; the search service (DESIGN §5) takes its place behind the same
function.
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from wagtail.models import Page

from .models import ColumnPage


@dataclass
class ColumnListing:
    """The items a column shows (newest first) and the facet counts, if any."""

    items: QuerySet
    facets: dict[str, list[dict]] = field(default_factory=dict)


def _locality_ids(localities) -> set[int]:
    ids: set[int] = set()
    for locality in localities:
        ids |= locality.related_ids()
    return ids


def _story_q(column: ColumnPage, filters: dict) -> Q:
    q = Q(content_type__model="exemplarstorypage", content_type__app_label="exemplar_pages")
    criteria = [
        ("exemplarstorypage__field__in", list(column.criteria_fields.all())),
        ("exemplarstorypage__movement__in", list(column.criteria_movements.all())),
    ]
    for lookup, values in criteria:
        if values:
            q &= Q(**{lookup: values})
    if column.criteria_localities.exists():
        q &= Q(exemplarstorypage__locality_id__in=_locality_ids(column.criteria_localities.all()))
    if column.tag_list:
        q &= Q(exemplarstorypage__tags__name__in=column.tag_list)
    if filters.get("field"):
        q &= Q(exemplarstorypage__field=filters["field"])
    if filters.get("locality"):
        q &= Q(exemplarstorypage__locality_id__in=filters["locality"].related_ids())
    if filters.get("movement"):
        q &= Q(exemplarstorypage__movement=filters["movement"])
    if filters.get("subject_type"):
        q &= Q(exemplarstorypage__subject_type=filters["subject_type"])
    if filters.get("year"):
        q &= Q(exemplarstorypage__year=filters["year"])
    return q


def _plan_q(column: ColumnPage, filters: dict) -> Q | None:
    if filters.get("field") or filters.get("subject_type") or filters.get("locality"):
        return None  # plans carry none of these
    q = Q(content_type__model="planpage", content_type__app_label="exemplar_pages")
    if column.criteria_movements.exists():
        q &= Q(planpage__movements__in=column.criteria_movements.all())
    if filters.get("movement"):
        q &= Q(planpage__movements=filters["movement"])
    if filters.get("year"):
        year = filters["year"]
        q &= Q(planpage__issue_date__year=year) | Q(planpage__period_start__lte=year, planpage__period_end__gte=year)
    return q


def _movement_q(column: ColumnPage, filters: dict) -> Q | None:
    if filters.get("field") or filters.get("subject_type"):
        return None
    q = Q(content_type__model="movementpage", content_type__app_label="exemplar_pages")
    if column.criteria_movements.exists():
        q &= Q(pk__in=column.criteria_movements.values("pk"))
    if filters.get("movement"):
        q &= Q(pk=filters["movement"].pk)
    if filters.get("locality"):
        q &= Q(movementpage__locality_id__in=filters["locality"].related_ids())
    if filters.get("year"):
        year = filters["year"]
        q &= Q(movementpage__period_start__lte=year, movementpage__period_end__gte=year)
    return q


def column_listing(column: ColumnPage, filters: dict) -> ColumnListing:
    """Live, public pages matching the column's criteria and the filters, newest first."""
    parts = []
    if column.include_stories:
        parts.append(_story_q(column, filters))
    if column.include_plans:
        parts.append(_plan_q(column, filters))
    if column.include_movements:
        parts.append(_movement_q(column, filters))
    parts = [part for part in parts if part is not None]
    if not parts:
        return ColumnListing(items=Page.objects.none())
    combined = parts[0]
    for part in parts[1:]:
        combined |= part
    ids = Page.objects.live().public().filter(combined).values("pk")
    items = Page.objects.filter(pk__in=ids).order_by("-first_published_at", "-pk").specific()
    return ColumnListing(items=items)

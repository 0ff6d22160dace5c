"""Template helpers of the portal's listings: numbered pagination, folded facet lists, removable filters."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.utils.translation import gettext as _

register = template.Library()

#: Parameters that are not filters: the words, the page, the order.
NOT_FILTERS = frozenset({"q", "page", "page_size", "sort"})
#: Facet values shown before the rest fold behind “Xem thêm”.
FACET_HEAD = 8


@dataclass(frozen=True)
class PageLink:
    """One entry of the numbered pagination: a page number (with its URL) or an ellipsis (number None)."""

    number: int | None
    url: str = ""
    current: bool = False


def _page_url(filter_query: str, number: int) -> str:
    """The listing's URL for page `number`, keeping the filters; page 1 is the bare listing."""
    parts = [filter_query] if filter_query else []
    if number > 1:
        parts.append(f"page={number}")
    return "?" + "&".join(parts)


@register.simple_tag
def page_links(page_obj, filter_query: str = "") -> list[PageLink]:
    """Page numbers around the current page, the first and last always, gaps as ellipses."""
    paginator = page_obj.paginator
    links = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1):
        if number == paginator.ELLIPSIS:
            links.append(PageLink(None))
        else:
            links.append(PageLink(number, _page_url(filter_query, number), number == page_obj.number))
    return links


@register.simple_tag
def page_url(filter_query: str, number: int) -> str:
    return _page_url(filter_query, number)


@register.filter
def fold_facet(values) -> tuple[list, list, bool]:
    """A facet's values as (shown, folded, a folded value is selected): long lists fold, none scroll in a box."""
    values = list(values)
    if len(values) <= FACET_HEAD + 2:  # folding one or two values away helps nobody
        return values, [], False
    shown, folded = values[:FACET_HEAD], values[FACET_HEAD:]
    return shown, folded, any(value.selected for value in folded)


@dataclass(frozen=True)
class ActiveFilter:
    """A filter the reader applied, named for people, with the URL of the same listing without it."""

    label: str
    value: str
    remove_url: str


def _registered_name(key: str, value: str, label: str | None) -> tuple[str, str]:
    """A filter's label and value name from the search's facet registry (a listing with no result counts none)."""
    from search.service import facets, value_names

    facet = facets().get(key)
    return (label or (str(facet.label) if facet else key)), value_names(key).get(value, value)


@register.simple_tag(takes_context=True)
def active_filters(context) -> list[ActiveFilter]:
    """The filters in the request's query string, each with a link that drops it (and the page number)."""
    request = context.get("request")
    if request is None:
        return []
    names: dict[tuple[str, str], tuple[str, str]] = {}
    for groups in (context.get("facets"), context.get("facet_groups")):
        if isinstance(groups, list):
            for key, label, values in groups:
                for value in values:
                    names[(key, value.slug)] = (str(label), value.name)
    for key, label, _checked in context.get("types") or []:
        names[("type", key)] = (_("Content type"), str(label))
    form = context.get("filter_form")
    labels = {name: str(field.label) for name, field in form.fields.items()} if form is not None else {}
    pairs = [(key, value) for key in request.GET for value in request.GET.getlist(key) if value]
    filters = []
    for index, (key, value) in enumerate(pairs):
        if key in NOT_FILTERS:
            continue
        label, name = names.get((key, value)) or _registered_name(key, value, labels.get(key))
        rest = [pair for other, pair in enumerate(pairs) if other != index and pair[0] != "page"]
        filters.append(ActiveFilter(label, name, request.path + ("?" + urlencode(rest) if rest else "")))
    return filters


@dataclass(frozen=True)
class Suggestion:
    """Another search to try: what it searches for and its URL."""

    text: str
    url: str


@register.simple_tag(takes_context=True)
def other_searches(context) -> list[Suggestion]:
    """For an empty search: the same words without diacritics, then with fewer words (filters kept)."""
    from cms.vietnamese.folding import fold_vietnamese

    request = context.get("request")
    words = (context.get("search_query") or "").split()
    if request is None or not words:
        return []
    kept = [(key, value) for key in request.GET if key not in ("q", "page") for value in request.GET.getlist(key)]
    texts = [fold_vietnamese(" ".join(words), lower=False)]
    if len(words) > 1:
        texts.append(" ".join(words[:-1]))
        texts.append(max(words, key=len))
    suggestions, seen = [], {" ".join(words)}
    for text in texts:
        if text not in seen:
            seen.add(text)
            suggestions.append(Suggestion(text, request.path + "?" + urlencode([("q", text), *kept])))
    return suggestions


@register.simple_tag
def body_heading_levels(body) -> dict[str, int]:
    """The HTML level of each heading level a StreamField body uses: the levels present, in order, from
    2 (the article's title is the h1), so that the outline never skips a level (“Mục” with no “Mục lớn”
    above it is an h2)."""
    used = sorted({child.value.get("level", "2") for child in body or [] if child.block_type == "heading"})
    return {level: 2 + index for index, level in enumerate(used)}


@register.simple_tag(takes_context=True)
def heading_tag(context, level: str) -> str:
    """`h2`…`h4` for a heading block's level, through the body's `body_heading_levels` when rendered inside one
    (a block rendered alone, as in a plan's sections, keeps its own level)."""
    levels = context.get("heading_levels") or {}
    number = levels.get(level) or int(level if level in ("2", "3", "4") else 2)
    return f"h{min(max(number, 2), 6)}"


@register.filter
def search_type_label(name: str) -> str:
    """A search hit's page type as readers call it (its model's verbose name): “Gương điển hình”, “Cuộc thi”…"""
    from django.utils.text import capfirst

    from search.registry import type_label

    return capfirst(type_label(name))

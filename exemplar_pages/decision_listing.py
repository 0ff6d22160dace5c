"""The public list "Khen thưởng" (DESIGN §8): decisions by year, award, level and unit, with its RSS feed.

Answered by the search service, like the columns (`listing.SearchPageList`): year and award are facets of the
contract; level and unit are filter-only keys the decisions contribute (`models.decisions.level_key`, `unit_key`).
"""

from __future__ import annotations

from django import forms
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from search.query import SearchQuery
from search.service import search

from .forms import SlugChoiceField
from .listing import SearchPageList
from .models import Award, DecisionPage, UnitPage
from .models.decisions import level_key, unit_key
from .visibility import public_now

PAGE_SIZE = 20
FEED_LENGTH = 30


class UnitChoiceField(forms.ModelChoiceField):
    """Units that published decisions, submitted by id."""

    def label_from_instance(self, obj: UnitPage) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 3, 0) + obj.title  # sub-units indented under their unit


class DecisionFilterForm(forms.Form):
    """Filters of the "Khen thưởng" list."""

    q = forms.CharField(label=_("Name of a person or group, or decision number"), required=False, max_length=200)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    award = SlugChoiceField(Award.objects.all(), label=_("Award title or form"))
    level = forms.ChoiceField(label=_("Award level"), required=False, choices=[("", _("All")), *Award.Level.choices])
    unit = UnitChoiceField(UnitPage.objects.none(), label=_("Unit"), required=False, empty_label=_("All"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        decisions = public_now(DecisionPage.objects.all())
        years = sorted({day.year for day in decisions.values_list("decision_date", flat=True)}, reverse=True)
        self.fields["year"].choices = [("", _("All"))] + [(str(year), str(year)) for year in years]
        steplen = DecisionPage.steplen
        ancestor_paths = {  # the units that issued decisions and the units above them
            path[:end]
            for path in decisions.values_list("path", flat=True)
            for end in range(steplen, len(path), steplen)
        }
        self.fields["unit"].queryset = public_now(UnitPage.objects.filter(path__in=ancestor_paths)).order_by("path")


def decision_query(filters: dict, offset: int = 0, limit: int = PAGE_SIZE) -> SearchQuery:
    """Decisions matching the words and filters, newest first."""
    clauses: list[tuple[str, tuple[str, ...]]] = [("type", (DecisionPage.search_type,))]
    if filters.get("year"):
        clauses.append(("year", (str(filters["year"]),)))
    if filters.get("award"):
        clauses.append(("award", (filters["award"].slug,)))
    if filters.get("level"):
        clauses.append(("tag", (level_key(filters["level"]),)))
    if filters.get("unit"):
        clauses.append(("tag", (unit_key(filters["unit"].pk),)))
    return SearchQuery(text=filters.get("q") or "", clauses=clauses, offset=offset, limit=limit, sort="date")


def decision_list(request):
    form = DecisionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    query = decision_query(filters)
    first = search(query)
    page_obj = Paginator(SearchPageList(query, first), PAGE_SIZE).get_page(request.GET.get("page"))
    kept = request.GET.copy()
    kept.pop("page", None)
    return render(
        request,
        "exemplar_pages/decision_list.html",
        {
            "filter_form": form,
            "page_obj": page_obj,
            "items": page_obj.object_list,
            "facets": first.facets,
            "filter_query": kept.urlencode(),
        },
    )


class DecisionRssFeed(Feed):
    """The newest public decisions, as RSS 2.0."""

    feed_type = Rss201rev2Feed
    title = _("Commendations")
    description = _("Newly published commendation decisions.")

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self) -> str:
        return reverse("decision_list")

    def items(self):
        query = decision_query({}, 0, FEED_LENGTH)
        return list(SearchPageList(query, search(query))[:FEED_LENGTH])

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        names = ", ".join(awardee.name for awardee in item.awardees.all()[:20])
        return " — ".join(part for part in (item.summary, names) if part)

    def item_link(self, item) -> str:
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at


def decision_feed(request):
    return DecisionRssFeed()(request)  # one feed object per request: it keeps the request


urlpatterns = [
    path("", decision_list, name="decision_list"),
    path("rss/", decision_feed, name="decision_rss"),
]

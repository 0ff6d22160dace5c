"""Statistics of the published exemplars (DESIGN §10): counts of PUBLIC pages only, for everyone.

Stories are counted per field, locality (the province or city at the top of the story's locality),
year, subject type and award (a story with several awards of one form counts once for it); the
awardees of published commendation decisions are counted beside them where the dimension applies to
them (locality of the deciding unit, year of the decision, subject type, award).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from exemplar_pages.models import (
    Award,
    DecisionAwardee,
    DecisionPage,
    ExemplarStoryPage,
    Field,
    Locality,
    StoryAward,
    UnitPage,
)
from exemplar_pages.models.taxonomy import SubjectType
from exemplar_pages.visibility import public_now

from .quotas import nearest_unit

DIMENSIONS = {
    "field": pgettext_lazy("taxonomy", "Field"),
    "locality": gettext_lazy("Locality"),
    "year": gettext_lazy("Year"),
    "subject_type": gettext_lazy("Exemplar type"),
    "award": gettext_lazy("Title or form of award"),
}
#: Headings and chart titles, written out (a lower-cased label reads wrong with proper nouns).
HEADINGS = {
    "field": gettext_lazy("By field"),
    "locality": gettext_lazy("By locality (province, city)"),
    "year": gettext_lazy("By year"),
    "subject_type": gettext_lazy("By exemplar type"),
    "award": gettext_lazy("By title or form of award"),
}
CAPTIONS = {
    "field": gettext_lazy("Number of exemplar stories by field"),
    "locality": gettext_lazy("Number of exemplar stories by locality"),
    "year": gettext_lazy("Number of exemplar stories by year"),
    "subject_type": gettext_lazy("Number of exemplar stories by exemplar type"),
    "award": gettext_lazy("Number of exemplar stories by title or form of award"),
}
FREE_AWARD = "khac"


@dataclass
class Row:
    key: str
    label: str
    stories: int = 0
    awardees: int = 0


@dataclass
class Statistic:
    """One dimension's counts, in display order."""

    by: str
    title: str
    rows: list[Row] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return str(HEADINGS[self.by])

    @property
    def caption(self) -> str:
        return str(CAPTIONS[self.by])

    @property
    def total_stories(self) -> int:
        return sum(row.stories for row in self.rows)

    @property
    def total_awardees(self) -> int:
        return sum(row.awardees for row in self.rows)

    @property
    def has_awardees(self) -> bool:
        return any(row.awardees for row in self.rows)


def public_stories():
    return public_now(ExemplarStoryPage.objects.all())


def public_decisions():
    return public_now(DecisionPage.objects.all())


def _province_of() -> dict[int, Locality]:
    """Each locality's top ancestor (the province or city), from one query."""
    localities = {locality.pk: locality for locality in Locality.objects.only("pk", "name", "slug", "tree_path")}
    tops = {}
    for pk, locality in localities.items():
        ids = [int(part) for part in locality.tree_path.strip("/").split("/") if part]
        tops[pk] = localities.get(ids[0], locality) if ids else locality
    return tops


def _rows(stories: Counter, awardees: Counter, labels: dict[str, str], order: list[str]) -> list[Row]:
    keys = [key for key in order if stories[key] or awardees[key]]
    keys += sorted((set(stories) | set(awardees)) - set(keys) - set(order), key=lambda key: labels.get(key, key))
    return [Row(key, labels.get(key, key), stories[key], awardees[key]) for key in dict.fromkeys(keys)]


def statistic(by: str) -> Statistic:
    """The counts of one dimension (one of `DIMENSIONS`)."""
    if by not in DIMENSIONS:
        raise ValueError(by)
    stories, awardees = Counter(), Counter()
    story_ids = public_stories().values("pk")
    decision_awardees = DecisionAwardee.objects.filter(decision__in=public_decisions().values("pk"))
    labels: dict[str, str] = {}
    order: list[str] = []
    if by == "field":
        for item in Field.objects.order_by("name"):
            labels[item.slug] = item.name
            order.append(item.slug)
        for slug, count in public_stories().values_list("field__slug").annotate(count=Count("pk")).order_by():
            stories[slug] += count
    elif by == "locality":
        tops = _province_of()
        for locality_id, count in public_stories().values_list("locality_id").annotate(count=Count("pk")).order_by():
            top = tops[locality_id]
            labels[top.slug] = top.name
            stories[top.slug] += count
        unit_localities = dict(UnitPage.objects.exclude(locality=None).values_list("path", "locality_id"))
        for path, count in decision_awardees.values_list("decision__path").annotate(count=Count("pk")).order_by():
            locality_id = nearest_unit(path, unit_localities)
            if locality_id is not None:
                top = tops[locality_id]
                labels[top.slug] = top.name
                awardees[top.slug] += count
    elif by == "year":
        for year, count in public_stories().values_list("year").annotate(count=Count("pk")).order_by():
            stories[str(year)] += count
        for day, count in (
            decision_awardees.values_list("decision__decision_date").annotate(count=Count("pk")).order_by()
        ):
            awardees[str(day.year)] += count
        order = sorted(set(stories) | set(awardees))
    elif by == "subject_type":
        labels = {str(value): str(label) for value, label in SubjectType.choices}
        order = list(labels)
        for kind, count in public_stories().values_list("subject_type").annotate(count=Count("pk")).order_by():
            stories[kind] += count
        for kind, count in decision_awardees.values_list("subject_type").annotate(count=Count("pk")).order_by():
            awardees[kind] += count
    else:  # award
        for award in Award.objects.order_by("name"):
            labels[award.slug] = award.name
        labels[FREE_AWARD] = _("Other awards (as written in the records)")
        received = StoryAward.objects.filter(story__in=story_ids)
        for slug, count in (
            received.values_list("award__slug").annotate(count=Count("story_id", distinct=True)).order_by()
        ):
            stories[slug or FREE_AWARD] += count
        for slug, count in decision_awardees.values_list("award__slug").annotate(count=Count("pk")).order_by():
            awardees[slug or FREE_AWARD] += count
        order = sorted((key for key in labels if key != FREE_AWARD), key=lambda key: -(stories[key] + awardees[key]))
        order.append(FREE_AWARD)
    return Statistic(by, str(DIMENSIONS[by]), _rows(stories, awardees, labels, order))


def all_statistics() -> list[Statistic]:
    return [statistic(by) for by in DIMENSIONS]

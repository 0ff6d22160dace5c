"""What this app's page types and taxonomies contribute to search (DESIGN §5, `search.registry`).

The page models implement `Searchable` next to their fields; the shared pieces are here: the
taxonomy lookups of a batch of documents, the facets with their display names and how filter
values are checked, and the re-indexing that taxonomy edits and movement renames call for.
"""

from __future__ import annotations

from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.signals import page_published, page_unpublished

from cms.vietnamese import vietnamese_slugify, vietnamese_sort_key
from search.registry import Batch, Facet, UnknownValue, register_facet

MIN_YEAR, MAX_YEAR = 1945, 2100
PERIOD_YEARS = 10


def localities(batch: Batch) -> dict:
    from .models import Locality

    return batch.shared(
        "localities", lambda: Locality.objects.only("pk", "slug", "name", "tree_path", "successor_id").in_bulk()
    )


def public_movements(batch: Batch) -> dict:
    from .models import MovementPage

    return batch.shared("movements", lambda: MovementPage.objects.live().public().only("pk", "slug", "title").in_bulk())


def _ancestry(batch: Batch, locality_id: int) -> list:
    known = localities(batch)
    return [known[int(pk)] for pk in known[locality_id].tree_path.strip("/").split("/") if pk and int(pk) in known]


def locality_display(batch: Batch, locality_id: int | None) -> dict | None:
    """`{"slug", "name", "path"}` of a locality."""
    locality = localities(batch).get(locality_id) if locality_id else None
    if locality is None:
        return None
    path = " › ".join(ancestor.name for ancestor in _ancestry(batch, locality_id))
    return {"slug": locality.slug, "name": locality.name, "path": path or locality.name}


def covering_localities(batch: Batch, locality_id: int | None) -> list[str]:
    """Slugs of the localities whose filter includes this one: ancestors, and their successors' coverings."""
    known, covering = localities(batch), batch.shared("covering", dict)
    if locality_id is None or locality_id not in known:
        return []
    if locality_id not in covering:
        covering[locality_id] = []  # guards against successor cycles
        found = {ancestor.pk: ancestor.slug for ancestor in _ancestry(batch, locality_id)}
        for ancestor in _ancestry(batch, locality_id):
            if ancestor.successor_id:
                found.update((slug, slug) for slug in covering_localities(batch, ancestor.successor_id))
        covering[locality_id] = list(dict.fromkeys(found.values()))
    return covering[locality_id]


def movement_reference(movement) -> dict | None:
    return {"slug": movement.slug, "name": movement.title} if movement else None


def period_years(start: int | None, end: int | None) -> list[int]:
    """The years of a period, at most ten of them from the start."""
    if not start:
        return [end] if end else []
    end = end if end and end >= start else start
    return list(range(start, min(end, start + PERIOD_YEARS - 1) + 1))


def year_values(*years: int | None) -> list[str]:
    return [str(year) for year in sorted({year for year in years if year})]


def tag_key(name: str) -> str:
    """The key of a tag: its folded slug, so `Bò sữa` and `bò sữa` are one tag."""
    return vietnamese_slugify(name)


# Facets: display names in reading order, and the filter values each one accepts.


def _named(model) -> list[tuple[str, str, int, tuple]]:
    return [(slug, name, 0, (key, slug)) for slug, name, key in model.objects.values_list("slug", "name", "sort_key")]


def _checked(model, values: list[str]) -> list[str]:
    known = set(model.objects.filter(slug__in=values).values_list("slug", flat=True))
    for value in values:
        if value not in known:
            raise UnknownValue(value)
    return values


def _resolve_localities(values: list[str]) -> list[str]:
    """Canonical slugs of localities given by slug or by alias slug."""
    from .models import Locality

    slugs = []
    for value in values:
        key = vietnamese_slugify(value)
        locality = Locality.objects.filter(slug=key).first() or Locality.objects.filter(aliases__slug=key).first()
        if locality is None:
            raise UnknownValue(value)
        slugs.append(locality.slug)
    return list(dict.fromkeys(slugs))


def _resolve_movements(values: list[str]) -> list[str]:
    from .models import MovementPage

    known = set(MovementPage.objects.live().public().filter(slug__in=values).values_list("slug", flat=True))
    for value in values:
        if value not in known:
            raise UnknownValue(value)
    return values


def _resolve_years(values: list[str]) -> list[str]:
    for value in values:
        if not (value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR):
            message = _("The `year` parameter must be a year from %(low)s to %(high)s.") % {
                "low": MIN_YEAR,
                "high": MAX_YEAR,
            }
            raise UnknownValue(value, message)
    return [str(int(value)) for value in values]


def register_facets() -> None:
    from .models import Award, Field, Locality, MovementPage, SubjectType

    def movements():
        rows = MovementPage.objects.live().values_list("slug", "title")
        return [(slug, title, 0, (vietnamese_sort_key(title), slug)) for slug, title in rows]

    def tree():
        rows = Locality.objects.values_list("slug", "name", "depth", "tree_path")
        return [(slug, name, depth, (path, slug)) for slug, name, depth, path in rows]

    def subject_types():
        return [(key, str(label), 0, rank) for rank, (key, label) in enumerate(SubjectType.choices)]

    def subject_type_values(values: list[str]) -> list[str]:
        for value in values:
            if value not in SubjectType.values:
                raise UnknownValue(value)
        return values

    register_facet(Facet("field", gettext_lazy("Field of work"), lambda: _named(Field), lambda v: _checked(Field, v)))
    register_facet(Facet("locality", gettext_lazy("Locality"), tree, _resolve_localities))
    register_facet(Facet("movement", gettext_lazy("Movement"), movements, _resolve_movements))
    register_facet(
        Facet("subject_type", gettext_lazy("Exemplar type"), subject_types, subject_type_values, translated=True)
    )
    register_facet(Facet("year", gettext_lazy("Year"), None, _resolve_years, descending=True))
    register_facet(Facet("award", gettext_lazy("Commendations"), lambda: _named(Award), lambda v: _checked(Award, v)))
    register_facet(Facet("tag", gettext_lazy("Keywords"), None, lambda values: values, counted=False))


# Re-indexing: what a taxonomy edit or a movement's publication changes in other pages' documents.


def _reindex(page_ids) -> None:
    from search.indexing import reindex_pages

    reindex_pages(sorted(set(page_ids)))


def _labels_changed() -> None:
    from search.labels import labels_changed

    labels_changed()


def on_field_saved(sender, instance, **kwargs) -> None:
    from .models import ExemplarStoryPage

    _labels_changed()
    _reindex(ExemplarStoryPage.objects.live().filter(field=instance).values_list("pk", flat=True))


def on_award_saved(sender, instance, **kwargs) -> None:
    from .models import DecisionPage, ExemplarStoryPage

    _labels_changed()
    stories = ExemplarStoryPage.objects.live().filter(awards__award=instance).values_list("pk", flat=True)
    decisions = DecisionPage.objects.live().filter(awardees__award=instance).values_list("pk", flat=True)
    _reindex([*stories, *decisions])


def on_locality_saved(sender, instance, **kwargs) -> None:
    from search.models import SearchFacet

    from .models import ExemplarStoryPage, MovementPage

    _labels_changed()
    covered = instance.related_ids()
    stories = ExemplarStoryPage.objects.live().filter(locality_id__in=covered).values_list("pk", flat=True)
    movements = MovementPage.objects.live().filter(locality_id__in=covered).values_list("pk", flat=True)
    listed = SearchFacet.objects.filter(facet="locality", value=instance.slug).values_list("document_id", flat=True)
    _reindex([*stories, *movements, *listed])


def on_movement_changed(sender, instance, **kwargs) -> None:
    """A movement's name (or its going) shows in the documents of its stories and plans; a unit's locality
    in those of its decisions."""
    from .models import DecisionPage, ExemplarStoryPage, MovementPage, PlanPage, UnitPage

    if isinstance(instance, UnitPage):
        _reindex(DecisionPage.objects.live().descendant_of(instance).values_list("pk", flat=True))
        return
    if not isinstance(instance, MovementPage):
        return
    _labels_changed()
    stories = ExemplarStoryPage.objects.live().filter(movement_id=instance.pk).values_list("pk", flat=True)
    plans = PlanPage.objects.live().filter(movements__id=instance.pk).values_list("pk", flat=True)
    _reindex([*stories, *plans])


def connect() -> None:
    from .models import Award, Field, Locality

    register_facets()
    post_save.connect(on_field_saved, sender=Field, dispatch_uid="exemplar_search_field_saved")
    post_save.connect(on_award_saved, sender=Award, dispatch_uid="exemplar_search_award_saved")
    post_save.connect(on_locality_saved, sender=Locality, dispatch_uid="exemplar_search_locality_saved")
    page_published.connect(on_movement_changed, dispatch_uid="exemplar_search_movement_published")
    page_unpublished.connect(on_movement_changed, dispatch_uid="exemplar_search_movement_unpublished")

"""Signal handlers keeping the index in step with publication and taxonomy edits.

Only Wagtail's publication signals and model signals are used, so the index
follows whatever path publishes: the admin, the API, workflows, bulk actions,
`publish_scheduled` (scheduled go-live fires `page_published`, expiry fires
`page_unpublished`).
"""

from __future__ import annotations

from django.db import connection
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from exemplar_pages.models import Award, ExemplarStoryPage, Field, Locality, MovementPage, PlanPage, StoryAward

from . import vocabulary
from .documents import CONTENT_TYPES
from .indexing import indexed_descendants, reindex_pages, reindex_published, remove_pages
from .labels import labels_changed
from .models import SearchDocument, SearchFacet, SearchTerms


def _movement_key(page_id: int) -> dict | None:
    """A movement's slug and name as its stories show them, or None when it is not indexed."""
    document = SearchDocument.objects.filter(page_id=page_id).values_list("document", flat=True).first()
    return document.get("movement") if document else None


def _movement_followers(movement_id: int) -> list[int]:
    """Live stories and plans that show a movement's name."""
    stories = ExemplarStoryPage.objects.live().filter(movement_id=movement_id).values_list("pk", flat=True)
    plans = PlanPage.objects.live().filter(movements__id=movement_id).values_list("pk", flat=True)
    return [*stories, *plans]


def on_page_published(sender, instance: Page, **kwargs) -> None:
    if not isinstance(instance, tuple(CONTENT_TYPES.values())):
        return
    if isinstance(instance, MovementPage):
        labels_changed()
    before = _movement_key(instance.pk) if isinstance(instance, MovementPage) else None
    reindex_published(instance)
    if isinstance(instance, MovementPage) and _movement_key(instance.pk) != before:
        reindex_pages(_movement_followers(instance.pk))


def on_page_unpublished(sender, instance: Page, **kwargs) -> None:
    if isinstance(instance, tuple(CONTENT_TYPES.values())):
        reindex_pages([instance.pk])
    if isinstance(instance, MovementPage):
        labels_changed()
        reindex_pages(_movement_followers(instance.pk))


def on_page_moved(sender, instance: Page, **kwargs) -> None:
    reindex_pages(indexed_descendants(instance))


def on_page_slug_changed(sender, instance: Page, **kwargs) -> None:
    reindex_pages(indexed_descendants(instance, inclusive=False))


def on_page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and instance.specific_class in CONTENT_TYPES.values():
        remove_pages([instance.pk])


def on_view_restriction_changed(sender, instance: PageViewRestriction, origin=None, **kwargs) -> None:
    origin_model = getattr(origin, "model", type(origin))  # a queryset's model, or the deleted instance's class
    if origin is not None and not issubclass(origin_model, PageViewRestriction):
        return  # the restriction goes with a deleted page: the pages' own post_delete removes their documents
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_pages(indexed_descendants(page))


def on_field_saved(sender, instance: Field, **kwargs) -> None:
    labels_changed()
    reindex_pages(ExemplarStoryPage.objects.live().filter(field=instance).values_list("pk", flat=True))


def on_award_saved(sender, instance: Award, **kwargs) -> None:
    labels_changed()
    story_ids = StoryAward.objects.filter(award=instance).values_list("story_id", flat=True)
    reindex_pages(ExemplarStoryPage.objects.live().filter(pk__in=story_ids).values_list("pk", flat=True))


def on_locality_saved(sender, instance: Locality, **kwargs) -> None:
    labels_changed()
    covered = instance.related_ids()
    stories = ExemplarStoryPage.objects.live().filter(locality_id__in=covered).values_list("pk", flat=True)
    movements = MovementPage.objects.live().filter(locality_id__in=covered).values_list("pk", flat=True)
    listed = SearchFacet.objects.filter(facet="locality", value=instance.slug).values_list("document_id", flat=True)
    reindex_pages(sorted({*stories, *movements, *listed}))


def discount_deleted_bag(sender, instance: SearchTerms, **kwargs) -> None:
    """A document leaves the index (removed, or its page deleted): its words count one document less.

    The bag is deleted here, so that a deletion signalled twice (a page's cascade, then the indexer) counts once.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {SearchTerms._meta.db_table} WHERE document_id = %s", [instance.pk])  # noqa: S608
        if cursor.rowcount == 1:
            vocabulary.apply([instance.terms], [])


def connect() -> None:
    """Connect every handler (from `SearchConfig.ready`)."""
    page_published.connect(on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    page_slug_changed.connect(on_page_slug_changed, dispatch_uid="search_page_slug_changed")
    post_delete.connect(on_page_deleted, dispatch_uid="search_page_deleted")
    pre_delete.connect(discount_deleted_bag, sender=SearchTerms, dispatch_uid="search_bag_deleted")
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_gone")
    post_save.connect(on_field_saved, sender=Field, dispatch_uid="search_field_saved")
    post_save.connect(on_award_saved, sender=Award, dispatch_uid="search_award_saved")
    post_save.connect(on_locality_saved, sender=Locality, dispatch_uid="search_locality_saved")

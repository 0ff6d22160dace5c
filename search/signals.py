"""Signal handlers keeping the index in step with publication, whatever path publishes (admin, API, workflows,
bulk actions, `publish_scheduled`); what taxonomy edits change is wired by the app owning the taxonomies."""

from __future__ import annotations

from django.db import connection
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import vocabulary
from .indexing import indexed_descendants, reindex_pages, reindex_published, remove_pages
from .models import SearchTerms
from .registry import Searchable


def on_page_published(sender, instance: Page, **kwargs) -> None:
    if isinstance(instance, Searchable):
        reindex_published(instance)


def on_page_unpublished(sender, instance: Page, **kwargs) -> None:
    if isinstance(instance, Searchable):
        reindex_pages([instance.pk])


def on_page_moved(sender, instance: Page, **kwargs) -> None:
    reindex_pages(indexed_descendants(instance))


def on_page_slug_changed(sender, instance: Page, **kwargs) -> None:
    reindex_pages(indexed_descendants(instance, inclusive=False))


def on_page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and issubclass(instance.specific_class or Page, Searchable):
        remove_pages([instance.pk])


def on_view_restriction_changed(sender, instance: PageViewRestriction, origin=None, **kwargs) -> None:
    origin_model = getattr(origin, "model", type(origin))  # a queryset's model, or the deleted instance's class
    if origin is not None and not issubclass(origin_model, PageViewRestriction):
        return  # the restriction goes with a deleted page: the pages' own post_delete removes their documents
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_pages(indexed_descendants(page))


def discount_deleted_bag(sender, instance: SearchTerms, **kwargs) -> None:
    """A document leaves the index: its words count one document less, once even when the deletion is signalled
    twice (a page's cascade, then the indexer), the bag being deleted here."""
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

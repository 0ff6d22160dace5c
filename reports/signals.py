"""A story's first submission time (DESIGN §10): set when its first workflow starts, never changed after."""

from __future__ import annotations

from django.db.models.signals import pre_save
from django.utils import timezone
from wagtail.signals import workflow_submitted

from exemplar_pages.models import ExemplarStoryPage


def story_submitted(sender, instance, user=None, **kwargs) -> None:
    """Wagtail sends `workflow_submitted` when a workflow starts (admin, API, bulk); resuming a rejected
    one does not, and a later workflow leaves the first time as it was."""
    page_id = instance.object_id
    if not str(page_id).isdigit():
        return
    ExemplarStoryPage.objects.filter(pk=int(page_id), first_submitted_at__isnull=True).update(
        first_submitted_at=instance.created_at or timezone.now()
    )


def keep_first_submission(sender, instance: ExemplarStoryPage, raw: bool = False, **kwargs) -> None:
    """Publishing a revision saved before the first submission copies its empty `first_submitted_at` onto the
    page: keep the time the database has."""
    if raw or instance.pk is None:
        return
    kept = ExemplarStoryPage.objects.filter(pk=instance.pk).values_list("first_submitted_at", flat=True).first()
    if kept is not None:
        instance.first_submitted_at = kept


def connect_signals() -> None:
    workflow_submitted.connect(story_submitted, dispatch_uid="reports_first_submission")
    pre_save.connect(keep_first_submission, sender=ExemplarStoryPage, dispatch_uid="reports_keep_first_submission")

"""Signal handlers: a unit's editor group follows its unit page; council membership changes recount open votes."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import TaskState

from ..models import CouncilVoteTask, UnitEditorGroup, UnitPage
from .permissions import forget_group_cache, grant_unit_editors


def unit_page_saved(sender, instance: UnitPage, created: bool, raw: bool = False, **kwargs) -> None:
    """A new unit gets its editor group (add and edit on its subtree)."""
    if created and not raw:
        grant_unit_editors(instance)


def unit_link_deleted(sender, instance: UnitEditorGroup, **kwargs) -> None:
    """When a unit goes, its editor group goes with it."""
    Group.objects.filter(pk=instance.group_id).delete()


def recount_open_votes(user=None) -> None:
    """Close any open council vote that membership changes have decided (quorum reached or out of reach)."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(CouncilVoteTask)
    with transaction.atomic():
        open_states = TaskState.objects.select_for_update().filter(
            status=TaskState.STATUS_IN_PROGRESS, task__content_type=content_type
        )
        for task_state in open_states:
            task_state.task.specific.conclude(task_state, user=user)


def memberships_changed(sender, action: str, instance=None, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, get_user_model()):
        forget_group_cache(instance)  # roles are read through permissions, which Django caches on the user
    if action in ("post_remove", "post_clear"):
        recount_open_votes()


def user_saved(sender, instance, created: bool, update_fields=None, **kwargs) -> None:
    if not created and not instance.is_active:
        recount_open_votes()


def connect_signals() -> None:
    User = get_user_model()
    post_save.connect(unit_page_saved, sender=UnitPage, dispatch_uid="exemplar_pages_unit_editor_group")
    post_delete.connect(unit_link_deleted, sender=UnitEditorGroup, dispatch_uid="exemplar_pages_unit_group_deleted")
    m2m_changed.connect(memberships_changed, sender=User.groups.through, dispatch_uid="exemplar_pages_council_members")
    post_save.connect(user_saved, sender=User, dispatch_uid="exemplar_pages_council_member_deactivated")

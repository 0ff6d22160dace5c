"""Who is who (DESIGN §2) and the per-unit editor groups: editors add and edit their unit's pages, never publish."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from ..roles import ADMINISTRATORS, COUNCIL_MEMBERS, EDITORS, STANDING_OFFICE, ensure_role_group, role_permission

#: Page permissions of a unit's editors: add and edit in the unit's subtree; not publish, not bulk delete.
UNIT_EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
UNIT_GROUP_NAME = "Biên tập viên – {title}"
GROUP_NAME_MAX_LENGTH = 150


def _has_role(user, role: str) -> bool:
    """The role's permission through a group (roles survive a group's renaming); superusers hold every role."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.has_perm(role_permission(role))


def is_administrator(user) -> bool:
    """Site administrators (superusers and the group allowed to publish directly) may publish directly."""
    return _has_role(user, ADMINISTRATORS)


def is_standing_office(user) -> bool:
    return _has_role(user, STANDING_OFFICE)


def is_council_member(user) -> bool:
    """For access to the council's views; a vote counts only from members of the vote task's group."""
    return _has_role(user, COUNCIL_MEMBERS)


def is_editor(user) -> bool:
    return _has_role(user, EDITORS)


def forget_group_cache(user) -> None:
    """Drop Wagtail's and Django's per-object caches of group checks and permissions (after changing memberships)."""
    for cache in ("_group_approval_task_checks", "_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cache, None)


def unit_group_name(unit: Page) -> str:
    """A readable, unique group name for a unit's editors."""
    name = UNIT_GROUP_NAME.format(title=unit.title)
    if len(name) > GROUP_NAME_MAX_LENGTH:
        name = name[: GROUP_NAME_MAX_LENGTH - 1] + "…"
    taken = Group.objects.filter(name=name).exclude(unit_link__unit_id=unit.pk).exists()
    if taken:
        suffix = f" (#{unit.pk})"
        name = name[: GROUP_NAME_MAX_LENGTH - len(suffix)] + suffix
    return name


@transaction.atomic
def grant_unit_editors(unit: Page) -> Group:
    """Create (or repair) the unit's editor group with add and edit permission on the unit's subtree."""
    from ..models import UnitEditorGroup

    link = UnitEditorGroup.objects.select_related("group").filter(unit_id=unit.pk).first()
    if link is None:
        group, _ = Group.objects.get_or_create(name=unit_group_name(unit))
        link = UnitEditorGroup.objects.create(unit_id=unit.pk, group=group)
    group = link.group
    for codename in UNIT_EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page_id=unit.pk, permission=permission)
    return group


@transaction.atomic
def add_unit_editor(user: AbstractBaseUser, unit: Page) -> Group:
    """Make ``user`` an editor of ``unit``: its editor group plus the editors' role group."""
    group = grant_unit_editors(unit)
    editors = ensure_role_group(EDITORS)
    user.groups.add(group, editors)
    forget_group_cache(user)
    return group


def units_edited_by(user) -> list[int]:
    """Ids of the unit pages whose editor group the user belongs to."""
    from ..models import UnitEditorGroup

    return list(UnitEditorGroup.objects.filter(group__user=user).values_list("unit_id", flat=True))

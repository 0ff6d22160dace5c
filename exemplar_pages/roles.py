"""The roles of DESIGN §2: Django groups, known by the permission each holds (not by their names).

The names are those the roles' groups are created with (migration 0004, ``seed_demo``); an
administrator may rename a group in the admin and it keeps its role, because the role is the
permission granted to it (migration 0007), read with ``user.has_perm``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import Group

APP_LABEL = "exemplar_pages"

EDITORS = "Biên tập viên"
STANDING_OFFICE = "Thường trực Hội đồng Thi đua – Khen thưởng"
COUNCIL_MEMBERS = "Thành viên Hội đồng Thi đua – Khen thưởng"
ADMINISTRATORS = "Quản trị"

ALL_ROLES = [EDITORS, STANDING_OFFICE, COUNCIL_MEMBERS, ADMINISTRATORS]

#: The custom permissions of the roles (``CouncilVote.Meta.permissions``): codename and Vietnamese name.
ROLE_PERMISSIONS = [
    ("edit_unit_pages", "Soạn bài của đơn vị và gửi duyệt"),
    ("review_submissions", "Xem xét trước khi trình Hội đồng"),
    ("vote_in_council", "Biểu quyết trong Hội đồng"),
    ("publish_directly", "Đăng trực tiếp không qua duyệt"),
]

#: The codename of the permission that makes a group a role's group.
ROLE_CODENAMES = {
    EDITORS: "edit_unit_pages",
    STANDING_OFFICE: "review_submissions",
    COUNCIL_MEMBERS: "vote_in_council",
    ADMINISTRATORS: "publish_directly",
}


def role_permission(role: str) -> str:
    """The role's permission as ``user.has_perm`` reads it, e.g. ``"exemplar_pages.vote_in_council"``."""
    return f"{APP_LABEL}.{ROLE_CODENAMES[role]}"


def role_group(role: str) -> Group | None:
    """The group holding the role's permission, whatever it is called now (the oldest if several do)."""
    from django.contrib.auth.models import Group

    return (
        Group.objects.filter(permissions__content_type__app_label=APP_LABEL, permissions__codename=ROLE_CODENAMES[role])
        .order_by("pk")
        .first()
    )


def ensure_role_group(role: str) -> Group:
    """The role's group; when no group holds the role's permission, the group of the role's name, granted it."""
    from django.contrib.auth.models import Group, Permission

    group = role_group(role)
    if group is None:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(Permission.objects.get(content_type__app_label=APP_LABEL, codename=ROLE_CODENAMES[role]))
    return group


def role_users(*roles: str):
    """Active users holding any of the roles through a group (one query; not superusers by themselves)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__permissions__content_type__app_label=APP_LABEL,
            groups__permissions__codename__in=[ROLE_CODENAMES[role] for role in roles],
        )
        .distinct()
        .order_by("pk")
    )

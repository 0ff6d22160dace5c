"""Who reads and sorts citizens' comments: the standing office, the council and administrators."""

from __future__ import annotations

from ..roles import ADMINISTRATORS, COUNCIL_MEMBERS, STANDING_OFFICE, role_permission

READER_ROLES = (STANDING_OFFICE, COUNCIL_MEMBERS, ADMINISTRATORS)


def can_read_comments(user) -> bool:
    """Whether `user` may read, sort and summarise the comments of every consultation."""
    if user is None or not user.is_active or not user.is_authenticated:
        return False
    return user.is_superuser or any(user.has_perm(role_permission(role)) for role in READER_ROLES)

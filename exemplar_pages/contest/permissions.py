"""Who handles contest entries: the readers of citizens' comments read and sort them, the council scores
them as the jury, the standing office and administrators sort them and turn one into a story."""

from __future__ import annotations

from ..consultation.permissions import can_read_comments
from ..roles import ADMINISTRATORS, COUNCIL_MEMBERS, STANDING_OFFICE, role_permission

#: The same readers as the consultation's comments: the standing office, the council, administrators.
can_read_entries = can_read_comments


def _has_role(user, *roles: str) -> bool:
    if user is None or not user.is_active or not user.is_authenticated:
        return False
    return user.is_superuser or any(user.has_perm(role_permission(role)) for role in roles)


def can_score(user) -> bool:
    """Council members score entries as the jury (and superusers, who may do anything)."""
    return _has_role(user, COUNCIL_MEMBERS)


def can_turn_into_story(user) -> bool:
    """The standing office (and administrators) sort the entries and make a draft story of one."""
    return _has_role(user, STANDING_OFFICE, ADMINISTRATORS)

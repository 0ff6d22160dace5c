"""Who sees the quarterly dashboard: the standing office, the council, administrators (DESIGN §2, §10)."""

from __future__ import annotations

from exemplar_pages.moderation.permissions import is_administrator, is_council_member, is_standing_office


def may_view_quota_reports(user) -> bool:
    """Superusers hold every role; roles are permissions (exemplar_pages.roles), not group names."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return is_standing_office(user) or is_council_member(user) or is_administrator(user)

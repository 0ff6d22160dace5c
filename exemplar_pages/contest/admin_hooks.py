"""Registers the contest's admin views: the entries viewset, their photos, scoring and "Tạo bài gương điển hình"."""

from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from ..models import ContestEntry
from .admin_views import VIEWSET_NAME, EntryPermissionPolicy, EntryViewSet, entry_photo, make_story, score_entry

register_permission_policy(ContestEntry, EntryPermissionPolicy(ContestEntry))


@hooks.register("register_admin_viewset")
def register_entry_viewset():
    return EntryViewSet(VIEWSET_NAME)


@hooks.register("register_admin_urls")
def register_entry_urls():
    return [
        path("cuoc-thi/anh/<int:photo_id>/", entry_photo, name="contest_entry_photo"),
        path("cuoc-thi/bai/<int:entry_id>/cham-diem/", score_entry, name="contest_entry_score"),
        path("cuoc-thi/bai/<int:entry_id>/tao-bai/", make_story, name="contest_entry_make_story"),
    ]

"""Registers the consultation's admin views: the comments viewset, the summary index and its files."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from ..models import ConsultationComment
from .admin_views import CommentPermissionPolicy, CommentViewSet, ConsultationSummaryIndex, summary_file
from .permissions import can_read_comments

register_permission_policy(ConsultationComment, CommentPermissionPolicy(ConsultationComment))


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet("y-kien-gop-y")


@hooks.register("register_admin_urls")
def register_summary_urls():
    return [
        path("lay-y-kien/", ConsultationSummaryIndex.as_view(), name="consultation_summaries"),
        path(
            "lay-y-kien/<int:page_id>/tong-hop.<str:extension>",
            summary_file,
            name="consultation_summary",
        ),
    ]


class ReadersMenuItem(MenuItem):
    def is_shown(self, request):
        return can_read_comments(request.user)


@hooks.register("register_admin_menu_item")
def register_summary_menu_item():
    return ReadersMenuItem(_("Consultation summaries"), reverse("consultation_summaries"), icon_name="table", order=311)

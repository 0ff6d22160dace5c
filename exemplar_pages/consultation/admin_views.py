"""The office's and council's side of a consultation in the Wagtail admin: the comments by consultation
and nominee, sorting them (in favour / against / other, spam), and the meeting summary's files."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from ..models import ConsultationComment, ConsultationPage
from ..roles import role_users
from .api import summary_download
from .permissions import READER_ROLES, can_read_comments

#: What readers may do with a comment: look at it and sort it. Nobody adds one here; only
#: administrators delete (a comment marked as spam stays, out of the summary).
READER_ACTIONS = frozenset({"view", "change"})


class CommentPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "delete":
            return bool(user.is_active and user.is_superuser)
        return action in READER_ACTIONS and can_read_comments(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        """Among superusers and the readers' roles (the only candidates), those the policy allows."""
        readers = role_users(*READER_ROLES).values("pk")
        candidates = get_user_model().objects.filter(Q(is_superuser=True) | Q(pk__in=readers), is_active=True)
        return [user for user in candidates if self.user_has_any_permission(user, actions)]

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class CommentEditView(generic.EditView):
    """Sorting a comment records who did it and when."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.moderated_by = self.request.user
        instance.moderated_at = timezone.now()
        instance.save()
        return instance


class CommentViewSet(ModelViewSet):
    model = ConsultationComment
    icon = "comment"
    menu_label = _("Public comments")
    menu_order = 310
    add_to_admin_menu = True
    url_prefix = "y-kien-gop-y"
    inspect_view_enabled = True
    edit_view_class = CommentEditView
    form_fields = ["stance", "is_spam", "note"]
    list_display = [
        Column("consultation", label=_("Consultation")),
        Column("subject_display", label=_("Regarding")),
        "name",
        Column("text", label=_("Content")),
        DateColumn("created_at", label=_("Submitted at")),
        "stance",
        "is_spam",
    ]
    list_filter = ["consultation", "nominee", "stance", "is_spam"]
    search_fields = ["name", "text", "nominee_name", "locality"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "consultation",
        "nominee_name",
        "name",
        "contact",
        "locality",
        "text",
        "created_at",
        "stance",
        "is_spam",
        "note",
        "moderated_by",
        "moderated_at",
    ]


def _readers_only(request) -> None:
    if not can_read_comments(request.user):
        raise PermissionDenied


class ConsultationSummaryIndex(TemplateView):
    """Every consultation with its comment counts, state and the summary's downloads."""

    template_name = "exemplar_pages/consultation/admin_index.html"

    def dispatch(self, request, *args, **kwargs):
        _readers_only(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        counted = Q(comments__is_spam=False)
        consultations = ConsultationPage.objects.annotate(
            comment_count=Count("comments", filter=counted),
            unsorted_count=Count("comments", filter=counted & Q(comments__stance="")),
            spam_count=Count("comments", filter=Q(comments__is_spam=True)),
        ).order_by("-opens_on", "-pk")
        comments_url = reverse("y-kien-gop-y:index")
        return {
            **super().get_context_data(**kwargs),
            "consultations": consultations,
            "comments_url": comments_url,
            "page_title": _("Summaries of public consultations"),
        }


def summary_file(request, page_id: int, extension: str):
    """The meeting summary of one consultation, XLSX or DOCX."""
    _readers_only(request)
    if extension not in ("xlsx", "docx"):
        raise Http404
    page = get_object_or_404(ConsultationPage, pk=page_id)
    return summary_download(page, extension)

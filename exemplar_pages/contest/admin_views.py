"""The standing office's and the jury's side of the contest in the Wagtail admin: the entries by contest
and status, an entry with its photos and scores, a juror's score, and "Tạo bài gương điển hình"."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Avg
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ..consultation.admin_views import CommentPermissionPolicy
from ..forms import LocalityChoiceField
from ..models import ContestEntry, ContestEntryPhoto, ContestScore, Field, Locality, SubjectType, UnitPage
from .permissions import can_read_entries, can_score, can_turn_into_story
from .stories import StoryChoices, turn_into_story

VIEWSET_NAME = "bai-du-thi"


class EntryPermissionPolicy(CommentPermissionPolicy):
    """Readers look at entries; the standing office sorts them (status, note); only administrators delete."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return bool(user.is_active and user.is_superuser)
        if action == "change":
            return can_turn_into_story(user)
        return action == "view" and can_read_entries(user)


class ScoreForm(forms.ModelForm):
    class Meta:
        model = ContestScore
        fields = ["score", "comment"]
        widgets = {
            "score": forms.NumberInput(attrs={"min": 0, "max": 100}),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }


class EntryInspectView(generic.InspectView):
    """The entry, its photos (through `contest_entry_photo`), the jury's scores and the office's actions."""

    template_name = "exemplar_pages/contest/admin_inspect.html"

    def get_field_display_value(self, field_name, field):
        entry = self.object
        if field_name == "consent":
            return _("Yes") if entry.consent else _("No")
        if field_name == "story":
            return entry.story.title if entry.story_id else "—"
        if field_name == "text":
            return mark_safe(linebreaks(entry.text, autoescape=True))  # noqa: S308 (escaped by linebreaks)
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.object
        user = self.request.user
        own = entry.scores.filter(juror=user).first()
        context.update(
            {
                "entry": entry,
                "photos": entry.photos.all(),
                "scores": entry.scores.select_related("juror").order_by("scored_at"),
                "average": entry.average_score,
                "score_form": ScoreForm(instance=own) if can_score(user) else None,
                "may_make_story": can_turn_into_story(user) and not entry.story_id,
                "may_edit_story": bool(entry.story_id and entry.story.permissions_for_user(user).can_edit()),
            }
        )
        return context


class EntryIndexView(generic.IndexView):
    """The entries with their contest and the jury's average, in one query."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("contest").annotate(score_average=Avg("scores__score"))


class EntryViewSet(ModelViewSet):
    model = ContestEntry
    icon = "edit"
    menu_label = _("Contest entries")
    menu_order = 312
    add_to_admin_menu = True
    url_prefix = VIEWSET_NAME
    inspect_view_enabled = True
    inspect_view_class = EntryInspectView
    index_view_class = EntryIndexView
    form_fields = ["status", "note"]
    list_display = [
        "title",
        Column("contest", label=_("Contest")),
        "author_name",
        "subject_name",
        DateColumn("created_at", label=_("Submitted at")),
        "status",
        Column("score_average", label=_("Average score")),
    ]
    list_filter = ["contest", "status"]
    search_fields = ["title", "author_name", "subject_name", "text", "author_locality"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "contest",
        "title",
        "subject_name",
        "author_name",
        "contact",
        "author_locality",
        "text",
        "consent",
        "created_at",
        "status",
        "note",
        "story",
    ]


def _readers_only(request) -> None:
    if not can_read_entries(request.user):
        raise PermissionDenied


def entry_photo(request, photo_id: int):
    """One photo of an entry, for the readers of entries only; never cached by anyone."""
    _readers_only(request)
    photo = get_object_or_404(ContestEntryPhoto, pk=photo_id)
    try:
        handle = photo.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=photo.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def score_entry(request, entry_id: int):
    """A juror's score of an entry: one per juror, changed by scoring again."""
    if not can_score(request.user):
        raise PermissionDenied
    entry = get_object_or_404(ContestEntry, pk=entry_id)
    own = entry.scores.filter(juror=request.user).first()
    form = ScoreForm(request.POST, instance=own)
    if form.is_valid():
        score = form.save(commit=False)
        score.entry, score.juror, score.scored_at = entry, request.user, timezone.now()
        score.save()
        messages.success(
            request, _("Recorded a score of %(score)s for “%(title)s”.") % {"score": score.score, "title": entry.title}
        )
    else:
        errors = " ".join(message for messages_ in form.errors.values() for message in messages_)
        messages.error(request, _("Score not recorded: %(errors)s") % {"errors": errors})
    return redirect(reverse(f"{VIEWSET_NAME}:inspect", args=[entry.pk]))


class StoryChoicesForm(forms.Form):
    """The story's own data, filled from the entry and its contest's unit; the office may change it."""

    title = forms.CharField(label=_("Story title"), max_length=255)
    subject_name = forms.CharField(label=_("Exemplar name"), max_length=255)
    subject_type = forms.ChoiceField(label=_("Exemplar type"), choices=SubjectType.choices)
    field = forms.ModelChoiceField(label=_("Field of work"), queryset=Field.objects.all())
    locality = LocalityChoiceField(
        label=_("Locality"), queryset=Locality.objects.all(), required=True, empty_label=None, to_field_name="pk"
    )
    year = forms.IntegerField(label=_("Year"), min_value=1945, max_value=2100)


#: The field of work a good deed most often belongs to (DESIGN §3): "Đời sống xã hội".
DEFAULT_FIELD_SLUG = "doi-song-xa-hoi"


def _initial_choices(entry: ContestEntry) -> dict:
    unit = UnitPage.objects.filter(pk=entry.contest.get_parent().pk).first()
    field = Field.objects.filter(slug=DEFAULT_FIELD_SLUG).first() or Field.objects.first()
    return {
        "title": entry.title,
        "subject_name": entry.subject_name,
        "subject_type": SubjectType.INDIVIDUAL,
        "field": field.pk if field else None,
        "locality": unit.locality_id if unit else None,
        "year": timezone.localdate().year,
    }


def make_story(request, entry_id: int):
    """GET: the story's data to confirm; POST: the draft story, then its editor (or the entry if the
    user may not edit pages there: the unit's editors finish it and send it to "Duyệt đăng")."""
    if not can_turn_into_story(request.user):
        raise PermissionDenied
    entry = get_object_or_404(ContestEntry.objects.select_related("contest", "story"), pk=entry_id)
    inspect_url = reverse(f"{VIEWSET_NAME}:inspect", args=[entry.pk])
    if entry.story_id:
        messages.warning(request, _("This entry has already become an exemplar story."))
        return redirect(inspect_url)
    form = StoryChoicesForm(request.POST or None, initial=_initial_choices(entry))
    if request.method == "POST" and form.is_valid():
        try:
            story = turn_into_story(entry, StoryChoices(**form.cleaned_data), request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Created the draft exemplar story “%(title)s”; it must go through the publication review before it is published."
                )
                % {"title": story.title},
            )
            if story.permissions_for_user(request.user).can_edit():
                return redirect("wagtailadmin_pages:edit", story.pk)
            return redirect(inspect_url)
    return TemplateResponse(
        request,
        "exemplar_pages/contest/admin_make_story.html",
        {"entry": entry, "form": form, "inspect_url": inspect_url, "page_title": _("Create exemplar story")},
    )

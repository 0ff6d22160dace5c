"""The writing contest "Gương người tốt quanh ta" (DESIGN §11): the page, its entries, their photos and scores.

A contest is open from 00:00 of `opens_on` to 24:00 of `closes_on`, in the portal's time zone
(Asia/Ho_Chi_Minh). Entries, their photos and the jury's scores are never public: photos are stored
under `CONTEST_PHOTO_FOLDER` of the default storage, which no public route serves (not the media
route, which answers Wagtail images only, nor nginx, which answers 404 under /media/ but for images),
and are read through a permission-checked admin view.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from search.documents import searchable_text
from search.registry import Batch, Contribution, Searchable

from ..blocks import StoryBodyBlock
from ..panels import TextQualityPanel
from .mixins import OpenDatesMixin, PrintableMixin, VietnameseSlugMixin

#: Where entries' photos are kept in the default storage: outside the folders the media route serves.
CONTEST_PHOTO_FOLDER = "private/contest-entries"
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class ContestPage(Searchable, OpenDatesMixin, PrintableMixin, VietnameseSlugMixin, Page):
    """A writing contest: its rules, period, prizes and, when decided, its results; entries come in while open."""

    parent_page_types = ["exemplar_pages.UnitPage"]
    subpage_types = []
    search_type = "contest"
    #: Shown on the front page while open (home.models.open_calls), under this label.
    home_call_label = _("Contest")
    body_template = "exemplar_pages/contest_body.html"

    summary = models.TextField(_("short introduction"), blank=True, max_length=1000)
    rules = StreamField(StoryBodyBlock(), verbose_name=_("rules"), blank=True)
    opens_on = models.DateField(_("entries open on"), db_index=True)
    closes_on = models.DateField(_("entries close on"), db_index=True)
    prizes = RichTextField(_("prizes"), blank=True, features=RICH_TEXT_FEATURES)
    results = RichTextField(
        _("results"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown on the page once the results are known."),
    )
    contact = models.CharField(_("contact"), max_length=500, blank=True)

    content_panels = Page.content_panels + [
        TextQualityPanel(),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Submission period")),
        FieldPanel("rules"),
        FieldPanel("prizes"),
        FieldPanel("results"),
        FieldPanel("contact"),
    ]
    search_fields = (
        Page.search_fields
        + VietnameseSlugMixin.folded_title_search_fields
        + [
            index.SearchField("summary"),
            index.FilterField("opens_on"),
            index.FilterField("closes_on"),
        ]
    )
    api_fields = [
        APIField("summary", writable=True),
        APIField("rules", writable=True),
        APIField("opens_on", writable=True),
        APIField("closes_on", writable=True),
        APIField("prizes", writable=True),
        APIField("results", writable=True),
        APIField("contact", writable=True),
        APIField("is_open"),
    ]

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")

    @path("")
    def article(self, request):
        """The page; while open, its entry form (GET) and the entry taken (POST)."""
        from ..contest.views import contest_page

        return contest_page(self, request)

    def clean(self) -> None:
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date for entries cannot be before the opening date.")})

    @property
    def year(self) -> int:
        return self.opens_on.year

    @classmethod
    def search_queryset(cls, pages):
        return pages

    def search_contribution(self, batch: Batch) -> Contribution:
        """Summary, rules, prizes and results (never the entries); year and locality."""
        from ..searching import covering_localities, locality_display
        from .units import UnitPage

        units = UnitPage.objects.filter(pk__in=[ancestor.pk for ancestor in self.get_ancestors()])
        locality_id = next((pk for pk in units.order_by("-depth").values_list("locality_id", flat=True) if pk), None)
        return Contribution(
            parts=[
                self.summary,
                *searchable_text(self.rules),
                get_text_for_indexing(self.prizes),
                get_text_for_indexing(self.results),
            ],
            facets={
                "year": [str(self.year)] if self.opens_on else [],
                "locality": covering_localities(batch, locality_id),
            },
            summary=self.summary,
            year=self.year if self.opens_on else None,
            locality=locality_display(batch, locality_id),
        )


class ContestEntry(models.Model):
    """A citizen's entry: a story about a good person, with up to five photos. Never public."""

    class Status(models.TextChoices):
        NEW = "new", _("Newly received")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        REJECTED = "rejected", _("Invalid")
        STORY = "story", _("Made into an exemplar story")

    contest = models.ForeignKey(
        ContestPage, verbose_name=_("contest"), on_delete=models.CASCADE, related_name="entries"
    )
    author_name = models.CharField(_("author's full name"), max_length=120)
    contact = models.CharField(_("phone or email"), max_length=120)
    author_locality = models.CharField(_("author's place of residence"), max_length=255, blank=True)
    subject_name = models.CharField(_("good person written about"), max_length=255)
    title = models.CharField(_("entry title"), max_length=255)
    text = models.TextField(_("entry text"), max_length=20000)
    consent = models.BooleanField(_("accepts the rules and allows publication"), default=False)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    status = models.CharField(_("current status"), max_length=20, choices=Status.choices, default=Status.NEW)
    note = models.TextField(_("standing office's note"), blank=True)
    story = models.ForeignKey(
        "exemplar_pages.ExemplarStoryPage",
        verbose_name=_("exemplar story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contest_entries",
    )

    class Meta:
        verbose_name = _("contest entry")
        verbose_name_plural = _("contest entries")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.author_name})"

    @property
    def average_score(self) -> float | None:
        average = self.scores.aggregate(average=Avg("score"))["average"]
        return round(average, 1) if average is not None else None


def photo_path(photo: ContestEntryPhoto, filename: str) -> str:
    """A name nobody can guess, in the private folder: `private/contest-entries/<uuid>.<ext>`."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"{CONTEST_PHOTO_FOLDER}/{uuid.uuid4().hex}.{extension}"


class ContestEntryPhoto(models.Model):
    """A photo sent with an entry, re-encoded without its metadata (EXIF, GPS location)."""

    entry = models.ForeignKey(
        ContestEntry, verbose_name=_("contest entry"), on_delete=models.CASCADE, related_name="photos"
    )
    file = models.FileField(_("image file"), upload_to=photo_path, max_length=255)
    original_name = models.CharField(_("uploaded file name"), max_length=255, blank=True)
    width = models.PositiveIntegerField(_("image width"), default=0)
    height = models.PositiveIntegerField(_("image height"), default=0)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("entry photo")
        verbose_name_plural = _("entry photos")
        ordering = ["entry", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.original_name or self.file.name

    @property
    def content_type(self) -> str:
        extension = self.file.name.rsplit(".", 1)[-1].lower()
        return {"png": "image/png", "webp": "image/webp"}.get(extension, "image/jpeg")


class ContestScore(models.Model):
    """One juror's score of an entry (0–100), with a comment; one per juror and entry."""

    entry = models.ForeignKey(
        ContestEntry, verbose_name=_("contest entry"), on_delete=models.CASCADE, related_name="scores"
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("juror"), on_delete=models.CASCADE, related_name="contest_scores"
    )
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(0), MaxValueValidator(100)])
    comment = models.TextField(_("remarks"), blank=True, max_length=2000)
    scored_at = models.DateTimeField(_("scored at"), default=timezone.now)

    class Meta:
        verbose_name = _("jury score")
        verbose_name_plural = _("jury scores")
        ordering = ["entry", "scored_at"]
        constraints = [models.UniqueConstraint(fields=["entry", "juror"], name="one_score_per_juror_and_entry")]

    def __str__(self) -> str:
        return f"{self.juror}: {self.score}"


@receiver(post_delete, sender=ContestEntryPhoto, dispatch_uid="contest_entry_photo_file")
def delete_photo_file(sender, instance: ContestEntryPhoto, **kwargs) -> None:
    """A deleted photo (or an entry deleted with its photos) leaves no file behind in the private folder."""
    if instance.file:
        instance.file.delete(save=False)

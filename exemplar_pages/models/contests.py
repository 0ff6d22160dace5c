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
    home_call_label = _("Cuộc thi")
    body_template = "exemplar_pages/contest_body.html"

    summary = models.TextField(_("giới thiệu ngắn"), blank=True, max_length=1000)
    rules = StreamField(StoryBodyBlock(), verbose_name=_("thể lệ"), blank=True)
    opens_on = models.DateField(_("ngày bắt đầu nhận bài"), db_index=True)
    closes_on = models.DateField(_("ngày kết thúc nhận bài"), db_index=True)
    prizes = RichTextField(_("giải thưởng"), blank=True, features=RICH_TEXT_FEATURES)
    results = RichTextField(
        _("kết quả"), blank=True, features=RICH_TEXT_FEATURES, help_text=_("Hiện trên trang khi đã có kết quả.")
    )
    contact = models.CharField(_("nơi liên hệ"), max_length=500, blank=True)

    content_panels = Page.content_panels + [
        TextQualityPanel(),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Thời gian nhận bài")),
        FieldPanel("rules"),
        FieldPanel("prizes"),
        FieldPanel("results"),
        FieldPanel("contact"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("opens_on"),
        index.FilterField("closes_on"),
    ]
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
        verbose_name = _("cuộc thi")
        verbose_name_plural = _("cuộc thi")

    @path("")
    def article(self, request):
        """The page; while open, its entry form (GET) and the entry taken (POST)."""
        from ..contest.views import contest_page

        return contest_page(self, request)

    def clean(self) -> None:
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("Ngày kết thúc nhận bài không được trước ngày bắt đầu.")})

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
        NEW = "new", _("Mới nhận")
        SHORTLISTED = "shortlisted", _("Vào vòng chấm")
        REJECTED = "rejected", _("Không hợp lệ")
        STORY = "story", _("Đã thành bài gương điển hình")

    contest = models.ForeignKey(
        ContestPage, verbose_name=_("cuộc thi"), on_delete=models.CASCADE, related_name="entries"
    )
    author_name = models.CharField(_("họ tên tác giả"), max_length=120)
    contact = models.CharField(_("điện thoại hoặc thư điện tử"), max_length=120)
    author_locality = models.CharField(_("nơi cư trú của tác giả"), max_length=255, blank=True)
    subject_name = models.CharField(_("người tốt được viết về"), max_length=255)
    title = models.CharField(_("tiêu đề bài viết"), max_length=255)
    text = models.TextField(_("bài viết"), max_length=20000)
    consent = models.BooleanField(_("đồng ý thể lệ và cho phép đăng"), default=False)
    created_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now, db_index=True)
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status.choices, default=Status.NEW)
    note = models.TextField(_("ghi chú của Thường trực"), blank=True)
    story = models.ForeignKey(
        "exemplar_pages.ExemplarStoryPage",
        verbose_name=_("bài gương điển hình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contest_entries",
    )

    class Meta:
        verbose_name = _("bài dự thi")
        verbose_name_plural = _("bài dự thi")
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
        ContestEntry, verbose_name=_("bài dự thi"), on_delete=models.CASCADE, related_name="photos"
    )
    file = models.FileField(_("tệp ảnh"), upload_to=photo_path, max_length=255)
    original_name = models.CharField(_("tên tệp gửi lên"), max_length=255, blank=True)
    width = models.PositiveIntegerField(_("rộng"), default=0)
    height = models.PositiveIntegerField(_("cao"), default=0)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("ảnh dự thi")
        verbose_name_plural = _("ảnh dự thi")
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
        ContestEntry, verbose_name=_("bài dự thi"), on_delete=models.CASCADE, related_name="scores"
    )
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("giám khảo"), on_delete=models.CASCADE, related_name="contest_scores"
    )
    score = models.PositiveSmallIntegerField(_("điểm"), validators=[MinValueValidator(0), MaxValueValidator(100)])
    comment = models.TextField(_("nhận xét"), blank=True, max_length=2000)
    scored_at = models.DateTimeField(_("thời điểm chấm"), default=timezone.now)

    class Meta:
        verbose_name = _("điểm chấm")
        verbose_name_plural = _("điểm chấm")
        ordering = ["entry", "scored_at"]
        constraints = [models.UniqueConstraint(fields=["entry", "juror"], name="one_score_per_juror_and_entry")]

    def __str__(self) -> str:
        return f"{self.juror}: {self.score}"


@receiver(post_delete, sender=ContestEntryPhoto, dispatch_uid="contest_entry_photo_file")
def delete_photo_file(sender, instance: ContestEntryPhoto, **kwargs) -> None:
    """A deleted photo (or an entry deleted with its photos) leaves no file behind in the private folder."""
    if instance.file:
        instance.file.delete(save=False)

"""The public consultation on nominees (lấy ý kiến Nhân dân, DESIGN §9): the page, its nominees, comments.

A consultation is open from its opening date to the end of its closing date, in the portal's time
zone (Asia/Ho_Chi_Minh); the closing date is the `working_days`-th working day from the opening date
(`workdays`), stored so that lists and the scheduler can query it, and computed again on each save.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from search.documents import searchable_text
from search.registry import Batch, Contribution, Searchable

from ..blocks import StoryBodyBlock
from ..panels import TextQualityPanel
from .mixins import OpenDatesMixin, PrintableMixin, VietnameseSlugMixin
from .taxonomy import SubjectType

#: The least working days a consultation lasts (Decree 98/2023/NĐ-CP, Art. 46), and a sane most.
MIN_WORKING_DAYS = 10
MAX_WORKING_DAYS = 60


def local_today() -> date:
    return timezone.localdate()


class ConsultationPage(Searchable, OpenDatesMixin, PrintableMixin, VietnameseSlugMixin, Page):
    """A list of nominees for an award, published for citizens' comments for some working days."""

    parent_page_types = ["exemplar_pages.UnitPage"]
    subpage_types = []
    search_type = "consultation"
    #: Shown on the front page while open (home.models.open_calls), under this label.
    home_call_label = _("Public consultation")
    body_template = "exemplar_pages/consultation_body.html"

    award = models.ForeignKey(
        "exemplar_pages.Award",
        verbose_name=_("proposed title or form"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    award_text = models.CharField(
        _("proposed award"),
        max_length=500,
        blank=True,
        help_text=_("As written in the document, for example: đề nghị Thủ tướng Chính phủ tặng Bằng khen."),
    )
    summary = models.TextField(_("abstract"), blank=True, max_length=1000)
    body = StreamField(StoryBodyBlock(), verbose_name=_("content"), blank=True)
    opens_on = models.DateField(_("consultation opens on"), db_index=True)
    working_days = models.PositiveSmallIntegerField(
        _("working days"),
        default=MIN_WORKING_DAYS,
        validators=[MinValueValidator(MIN_WORKING_DAYS), MaxValueValidator(MAX_WORKING_DAYS)],
        help_text=_("At least 10 working days (Decree 98/2023/NĐ-CP, Article 46)."),
    )
    closes_on = models.DateField(_("consultation closes on"), null=True, blank=True, editable=False, db_index=True)
    council_meeting_on = models.DateField(_("council meeting date"), null=True, blank=True)
    contact = models.CharField(
        _("other ways to comment"),
        max_length=500,
        blank=True,
        help_text=_("Address, phone and email that take comments outside the portal's form."),
    )
    original_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("original document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content_panels = Page.content_panels + [
        TextQualityPanel(),
        MultiFieldPanel(
            [
                FieldPanel("award_text"),
                FieldPanel("award"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("working_days")]),
                FieldPanel("council_meeting_on"),
            ],
            heading=_("Consultation details"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("contact"),
        FieldPanel("original_document"),
        InlinePanel("nominees", label=_("Nominees"), min_num=1),
    ]
    search_fields = (
        Page.search_fields
        + VietnameseSlugMixin.folded_title_search_fields
        + [
            index.SearchField("summary"),
            index.SearchField("award_text"),
            index.FilterField("opens_on"),
            index.FilterField("closes_on"),
        ]
    )
    api_fields = [
        APIField("award_text", writable=True),
        APIField("summary", writable=True),
        APIField("body", writable=True),
        APIField("opens_on", writable=True),
        APIField("working_days", writable=True),
        APIField("closes_on"),
        APIField("council_meeting_on", writable=True),
        APIField("contact", writable=True),
        APIField("is_open"),
        APIField("nominee_list"),
    ]

    class Meta:
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")

    @path("")
    def article(self, request):
        """The page; while open, its comment form (GET) and the comment taken (POST)."""
        from ..consultation.views import consultation_page

        return consultation_page(self, request)

    # -- dates ----------------------------------------------------------------------------------------

    def compute_closes_on(self) -> date | None:
        from workdays.services import add_working_days

        if not self.opens_on or not self.working_days:
            return None
        return add_working_days(self.opens_on, self.working_days)

    def clean(self) -> None:
        super().clean()
        from workdays.rules import OutOfCalendar

        errors: dict[str, str] = {}
        if self.working_days and self.working_days < MIN_WORKING_DAYS:
            errors["working_days"] = _("A consultation must last at least %(n)s working days.") % {
                "n": MIN_WORKING_DAYS
            }
        try:
            closes_on = self.compute_closes_on()
        except OutOfCalendar as error:
            errors["opens_on"] = str(error)
            closes_on = None
        if closes_on and self.council_meeting_on and self.council_meeting_on <= closes_on:
            errors["council_meeting_on"] = _("The council must meet after the consultation closes (%(close)s).") % {
                "close": closes_on.strftime("%d/%m/%Y")
            }
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.closes_on = self.compute_closes_on()
        return super().save(*args, **kwargs)

    def working_days_left(self, now: datetime | None = None) -> int:
        from workdays.services import working_days_between

        today = timezone.localdate(now or timezone.now())
        first = max(today, self.opens_on)
        return working_days_between(first, self.closes_on) if first <= self.closes_on else 0

    # -- content --------------------------------------------------------------------------------------

    @property
    def award_display(self) -> str:
        return self.award_text or (self.award.name if self.award_id else "")

    @property
    def nominee_list(self) -> list[dict]:
        return [nominee.as_dict() for nominee in self.nominees.select_related("story")]

    @property
    def year(self) -> int:
        return self.opens_on.year

    def unit(self):
        from .units import UnitPage

        return UnitPage.objects.filter(pk=self.get_parent().pk).select_related("locality").first()

    @classmethod
    def search_queryset(cls, pages):
        return pages.prefetch_related("nominees").select_related("award")

    def search_contribution(self, batch: Batch) -> Contribution:
        """Award, summary, body and the nominees' names, positions and achievements; year and locality."""
        from ..searching import covering_localities, locality_display
        from .units import UnitPage

        nominees = list(self.nominees.all())
        units = UnitPage.objects.filter(pk__in=[ancestor.pk for ancestor in self.get_ancestors()])
        locality_id = next((pk for pk in units.order_by("-depth").values_list("locality_id", flat=True) if pk), None)
        return Contribution(
            parts=[
                self.award_display,
                self.summary,
                *searchable_text(self.body),
                *(
                    part
                    for nominee in nominees
                    for part in (nominee.name, nominee.position, nominee.achievements)
                    if part
                ),
            ],
            facets={
                "year": [str(self.year)] if self.opens_on else [],
                "award": [self.award.slug] if self.award_id else [],
                "subject_type": list(dict.fromkeys(nominee.subject_type for nominee in nominees)),
                "locality": covering_localities(batch, locality_id),
            },
            summary=self.summary,
            year=self.year if self.opens_on else None,
            locality=locality_display(batch, locality_id),
        )


class ConsultationNominee(Orderable):
    """A person, collective or household proposed for the award, with a summary of achievements."""

    consultation = ParentalKey(ConsultationPage, related_name="nominees", on_delete=models.CASCADE)
    name = models.CharField(_("full name / collective's name"), max_length=255)
    subject_type = models.CharField(
        _("type"), max_length=20, choices=SubjectType.choices, default=SubjectType.INDIVIDUAL
    )
    position = models.CharField(_("position and unit"), max_length=255, blank=True)
    locality = models.CharField(_("place of residence or work"), max_length=255, blank=True)
    achievements = models.TextField(_("summary of achievements"), blank=True, max_length=5000)
    story = models.ForeignKey(
        "exemplar_pages.ExemplarStoryPage",
        verbose_name=_("exemplar story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_nominees",
    )
    decision = models.ForeignKey(
        "exemplar_pages.DecisionPage",
        verbose_name=_("commendation decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_nominees",
        help_text=_("Once a commendation decision has been made."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("subject_type")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("locality")]),
        FieldPanel("achievements"),
        FieldRowPanel([FieldPanel("story"), FieldPanel("decision")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")

    def __str__(self) -> str:
        return self.name

    @cached_property
    def public_story(self):
        """The linked story when anonymous readers may see it, else None."""
        from ..visibility import is_public_now

        return self.story if self.story_id and is_public_now(self.story) else None

    def as_dict(self) -> dict:
        story = self.public_story
        return {
            "id": self.pk,
            "name": self.name,
            "subject_type": self.subject_type,
            "position": self.position,
            "locality": self.locality,
            "achievements": self.achievements,
            "story": {"id": story.pk, "title": story.title, "url": story.full_url} if story else None,
        }


class ConsultationComment(models.Model):
    """A citizen's comment on a nominee, or on the whole list (no nominee). Never public."""

    class Stance(models.TextChoices):
        UNSORTED = "", _("Unsorted")
        FOR = "for", _("Agree")
        AGAINST = "against", _("Disagree")
        OTHER = "other", _("Other view")

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="comments"
    )
    nominee = models.ForeignKey(
        ConsultationNominee,
        verbose_name=_("about"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        help_text=_("Leave empty for a comment on the whole list."),
    )
    nominee_name = models.CharField(_("nominee's name"), max_length=255, blank=True, editable=False)
    name = models.CharField(_("commenter's full name"), max_length=120)
    contact = models.CharField(_("phone or email"), max_length=120)
    locality = models.CharField(_("place of residence"), max_length=255, blank=True)
    text = models.TextField(_("comment text"), max_length=5000)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    stance = models.CharField(_("classification"), max_length=10, choices=Stance.choices, blank=True, default="")
    is_spam = models.BooleanField(_("spam"), default=False, db_index=True)
    moderated_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("classified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("classified at"), null=True, blank=True)
    note = models.TextField(_("standing office's note"), blank=True)

    class Meta:
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        ordering = ["consultation", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:60]}"

    def clean(self) -> None:
        super().clean()
        if self.nominee_id and self.nominee.consultation_id != self.consultation_id:
            raise ValidationError({"nominee": _("This nominee is not in this consultation.")})

    def save(self, *args, **kwargs):
        if self.nominee_id and not self.nominee_name:
            self.nominee_name = self.nominee.name
        return super().save(*args, **kwargs)

    @property
    def subject_display(self) -> str:
        return self.nominee_name or str(_("The whole list"))


class ConsultationClosing(models.Model):
    """The standing office was told that the consultation closed: one row, written once by the scheduler's job.

    Kept off the page row: publishing a revision or saving an older copy of the page writes every field of
    the page, and would bring a field the job set back to empty, and the e-mail a second time.
    """

    consultation = models.OneToOneField(
        ConsultationPage, on_delete=models.CASCADE, primary_key=True, related_name="closing_notice"
    )
    notified_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("closing notice")
        verbose_name_plural = _("closing notices")

    def __str__(self) -> str:
        return f"{self.consultation_id}: {self.notified_at:%d/%m/%Y %H:%M}"

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
    home_call_label = _("Lấy ý kiến Nhân dân")
    body_template = "exemplar_pages/consultation_body.html"

    award = models.ForeignKey(
        "exemplar_pages.Award",
        verbose_name=_("danh hiệu, hình thức đề nghị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    award_text = models.CharField(
        _("đề nghị khen thưởng"),
        max_length=500,
        blank=True,
        help_text=_("Như ghi trong văn bản, ví dụ: đề nghị Thủ tướng Chính phủ tặng Bằng khen."),
    )
    summary = models.TextField(_("trích yếu"), blank=True, max_length=1000)
    body = StreamField(StoryBodyBlock(), verbose_name=_("nội dung"), blank=True)
    opens_on = models.DateField(_("ngày bắt đầu lấy ý kiến"), db_index=True)
    working_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc"),
        default=MIN_WORKING_DAYS,
        validators=[MinValueValidator(MIN_WORKING_DAYS), MaxValueValidator(MAX_WORKING_DAYS)],
        help_text=_("Ít nhất 10 ngày làm việc (Nghị định 98/2023/NĐ-CP, Điều 46)."),
    )
    closes_on = models.DateField(_("ngày kết thúc lấy ý kiến"), null=True, blank=True, editable=False, db_index=True)
    council_meeting_on = models.DateField(_("ngày họp Hội đồng"), null=True, blank=True)
    contact = models.CharField(
        _("nơi nhận ý kiến khác"),
        max_length=500,
        blank=True,
        help_text=_("Địa chỉ, điện thoại, thư điện tử nhận ý kiến ngoài biểu mẫu trên cổng."),
    )
    original_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("văn bản gốc"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: Set once by the scheduler's job when the standing office has been told the consultation closed.
    closed_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        TextQualityPanel(),
        MultiFieldPanel(
            [
                FieldPanel("award_text"),
                FieldPanel("award"),
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("working_days")]),
                FieldPanel("council_meeting_on"),
            ],
            heading=_("Lấy ý kiến"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("contact"),
        FieldPanel("original_document"),
        InlinePanel("nominees", label=_("Danh sách đề nghị"), min_num=1),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("award_text"),
        index.FilterField("opens_on"),
        index.FilterField("closes_on"),
    ]
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
        verbose_name = _("lấy ý kiến Nhân dân")
        verbose_name_plural = _("lấy ý kiến Nhân dân")

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
            errors["working_days"] = _("Phải lấy ý kiến ít nhất %(n)s ngày làm việc.") % {"n": MIN_WORKING_DAYS}
        try:
            closes_on = self.compute_closes_on()
        except OutOfCalendar as error:
            errors["opens_on"] = str(error)
            closes_on = None
        if closes_on and self.council_meeting_on and self.council_meeting_on <= closes_on:
            errors["council_meeting_on"] = _("Ngày họp Hội đồng phải sau ngày kết thúc lấy ý kiến (%(close)s).") % {
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
    name = models.CharField(_("họ tên / tên tập thể"), max_length=255)
    subject_type = models.CharField(
        _("loại"), max_length=20, choices=SubjectType.choices, default=SubjectType.INDIVIDUAL
    )
    position = models.CharField(_("chức vụ, đơn vị"), max_length=255, blank=True)
    locality = models.CharField(_("nơi cư trú, công tác"), max_length=255, blank=True)
    achievements = models.TextField(_("tóm tắt thành tích"), blank=True, max_length=5000)
    story = models.ForeignKey(
        "exemplar_pages.ExemplarStoryPage",
        verbose_name=_("bài gương điển hình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_nominees",
    )
    decision = models.ForeignKey(
        "exemplar_pages.DecisionPage",
        verbose_name=_("quyết định khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_nominees",
        help_text=_("Khi đã có quyết định khen thưởng."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("subject_type")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("locality")]),
        FieldPanel("achievements"),
        FieldRowPanel([FieldPanel("story"), FieldPanel("decision")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("người, tập thể được đề nghị")
        verbose_name_plural = _("danh sách đề nghị")

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
        UNSORTED = "", _("Chưa phân loại")
        FOR = "for", _("Đồng ý")
        AGAINST = "against", _("Không đồng ý")
        OTHER = "other", _("Ý kiến khác")

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("đợt lấy ý kiến"), on_delete=models.CASCADE, related_name="comments"
    )
    nominee = models.ForeignKey(
        ConsultationNominee,
        verbose_name=_("về"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        help_text=_("Để trống: ý kiến về cả danh sách."),
    )
    nominee_name = models.CharField(_("tên người được góp ý"), max_length=255, blank=True, editable=False)
    name = models.CharField(_("họ tên người góp ý"), max_length=120)
    contact = models.CharField(_("điện thoại hoặc thư điện tử"), max_length=120)
    locality = models.CharField(_("nơi cư trú"), max_length=255, blank=True)
    text = models.TextField(_("nội dung ý kiến"), max_length=5000)
    created_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now, db_index=True)
    stance = models.CharField(_("phân loại"), max_length=10, choices=Stance.choices, blank=True, default="")
    is_spam = models.BooleanField(_("thư rác"), default=False, db_index=True)
    moderated_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("người phân loại"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("thời điểm phân loại"), null=True, blank=True)
    note = models.TextField(_("ghi chú của Thường trực"), blank=True)

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["consultation", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:60]}"

    def clean(self) -> None:
        super().clean()
        if self.nominee_id and self.nominee.consultation_id != self.consultation_id:
            raise ValidationError({"nominee": _("Người được góp ý không thuộc đợt lấy ý kiến này.")})

    def save(self, *args, **kwargs):
        if self.nominee_id and not self.nominee_name:
            self.nominee_name = self.nominee.name
        return super().save(*args, **kwargs)

    @property
    def subject_display(self) -> str:
        return self.nominee_name or str(_("Cả danh sách"))

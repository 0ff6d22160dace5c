"""Movement pages: patriotic emulation movements and their exemplar stories."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from search.documents import searchable_text
from search.registry import Batch, Contribution, Searchable

from ..cards import with_card_details
from ..visibility import public_now
from .gallery import MAX_GALLERY_IMAGES, GalleryField, GalleryMixin, HeroImageField
from .mixins import PeriodMixin, PrintableMixin, SummaryMixin, VietnameseSlugMixin


class MovementPage(Searchable, PrintableMixin, VietnameseSlugMixin, SummaryMixin, PeriodMixin, GalleryMixin, Page):
    """A patriotic emulation movement (phong trào thi đua)."""

    search_type = "movement"

    parent_page_types = ["exemplar_pages.UnitPage"]
    subpage_types = ["exemplar_pages.ExemplarStoryPage"]
    body_template = "exemplar_pages/movement_body.html"

    class Scope(models.TextChoices):
        NATIONAL = "national", _("Nationwide")
        MINISTRY = "ministry", _("Ministry or sector")
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")
        COMMUNE = "commune", _("Commune, ward or township")
        AGENCY = "agency", _("Agency or unit")

    class Status(models.TextChoices):
        ONGOING = "ongoing", _("Ongoing")
        CLOSED = "closed", _("Closed")

    slogan = models.CharField(_("slogan"), max_length=500, blank=True)
    launching_body = models.CharField(_("launching body"), max_length=255, blank=True)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, default=Scope.DISTRICT)
    campaign = models.CharField(
        _("linked campaign"),
        max_length=500,
        blank=True,
        help_text=_("For example: Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh."),
    )
    status = models.CharField(_("current status"), max_length=20, choices=Status.choices, default=Status.ONGOING)
    locality = models.ForeignKey(
        "exemplar_pages.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="movements",
    )
    body = RichTextField(_("content"), blank=True, features=["h3", "h4", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("slogan"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("launching_body"), FieldPanel("locality")]),
                FieldRowPanel([FieldPanel("scope"), FieldPanel("status")]),
                *PeriodMixin.period_panels,
                FieldPanel("campaign"),
            ],
            heading=_("Movement details"),
        ),
        *SummaryMixin.summary_panels,
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Photo gallery"), max_num=MAX_GALLERY_IMAGES),
    ]
    search_fields = (
        Page.search_fields
        + VietnameseSlugMixin.folded_title_search_fields
        + [
            index.SearchField("slogan"),
            index.SearchField("summary"),
            index.SearchField("campaign"),
            index.SearchField("body"),
        ]
    )
    api_fields = [
        APIField("slogan", writable=True),
        APIField("launching_body", writable=True),
        APIField("scope", writable=True),
        APIField("campaign", writable=True),
        APIField("status", writable=True),
        APIField("period_start", writable=True),
        APIField("period_end", writable=True),
        APIField("locality", writable=True),
        APIField("summary", writable=True),
        APIField("hero_image", serializer=HeroImageField()),
        APIField("gallery", serializer=GalleryField()),
        APIField("body", writable=True),
    ]

    class Meta:
        verbose_name = _("emulation movement")
        verbose_name_plural = _("emulation movements")

    def search_contribution(self, batch: Batch) -> Contribution:
        """Slogan, summary, campaign, launcher, body and locality; itself as the movement facet (search)."""
        from ..searching import covering_localities, locality_display, movement_reference, period_years, year_values

        locality = locality_display(batch, self.locality_id)
        return Contribution(
            parts=[self.slogan, self.summary, self.campaign, self.launching_body, *searchable_text(self.body)]
            + [locality["path"] if locality else ""],
            facets={
                "locality": covering_localities(batch, self.locality_id),
                "movement": [self.slug],
                "year": year_values(*period_years(self.period_start, self.period_end)),
            },
            summary=self.summary,
            year=self.period_start,
            locality=locality,
            movement=movement_reference(self),
        )

    def public_plans(self):
        """Live, public plans linked to this movement, newest first."""
        from .plans import PlanPage

        return public_now(PlanPage.objects.filter(movements=self)).order_by("-issue_date")

    def public_stories(self):
        """Live, public exemplar stories of this movement, newest first."""
        from .stories import ExemplarStoryPage

        return (
            public_now(ExemplarStoryPage.objects.filter(movement=self))
            .select_related("field", "locality", "hero_image")
            .order_by("-year", "-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plans"] = with_card_details(self.public_plans())
        context["stories"] = with_card_details(self.public_stories()[:50])
        return context

"""Unit pages: the part of the site that one public body's editors own."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..cards import with_card_details
from ..visibility import public_now
from .mixins import VietnameseSlugMixin


class UnitPage(VietnameseSlugMixin, Page):
    """A public body (a commune, a district, a department) and the content it publishes."""

    parent_page_types = ["home.HomePage", "exemplar_pages.UnitPage"]
    subpage_types = [
        "exemplar_pages.UnitPage",
        "exemplar_pages.PlanPage",
        "exemplar_pages.MovementPage",
        "exemplar_pages.ExemplarStoryPage",
        "exemplar_pages.DecisionPage",
        "exemplar_pages.ConsultationPage",
        "exemplar_pages.ContestPage",
    ]

    locality = models.ForeignKey(
        "exemplar_pages.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    full_name = models.CharField(
        _("full name"), max_length=255, blank=True, help_text=_("For example: Ủy ban nhân dân thị trấn Tân Biên.")
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    #: Exemplar stories the unit owes the standing office each quarter (DESIGN §10).
    exemplar_quota = models.PositiveSmallIntegerField(
        _("exemplars per quarter"),
        default=1,
        validators=[MaxValueValidator(100)],
        help_text=_("Exemplar stories the unit must send each quarter; 0 if the unit has no quota."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("full_name"),
        FieldPanel("locality"),
        FieldPanel("intro"),
        FieldPanel("exemplar_quota"),
    ]
    search_fields = (
        Page.search_fields
        + VietnameseSlugMixin.folded_title_search_fields
        + [index.SearchField("full_name"), index.SearchField("intro")]
    )
    api_fields = [APIField("full_name"), APIField("locality"), APIField("intro")]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = public_now(self.get_children()).specific().order_by("-first_published_at")[:50]
        context["children"] = with_card_details(children)
        return context

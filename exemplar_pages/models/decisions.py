"""Commendation decisions (quyết định khen thưởng, DESIGN §8): a numbered decision and its awardees."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from search.documents import searchable_text
from search.registry import Batch, Contribution, Searchable

from ..blocks import StoryBodyBlock
from ..panels import TextQualityPanel
from ..visibility import is_public_now
from .mixins import PrintableMixin, VietnameseSlugMixin
from .taxonomy import Award, SubjectType

#: Filter-only keys (the `tag` key of search, which the public API does not take) of the "Khen thưởng" list.
UNIT_KEY_PREFIX = "khen-thuong-don-vi-"
LEVEL_KEY_PREFIX = "khen-thuong-cap-"


def unit_key(unit_id: int) -> str:
    return f"{UNIT_KEY_PREFIX}{unit_id}"


def level_key(level: str) -> str:
    return f"{LEVEL_KEY_PREFIX}{level}"


class DecisionPage(Searchable, PrintableMixin, VietnameseSlugMixin, Page):
    """A commendation decision issued by a unit: number, date, issuer, signer and its awardees."""

    parent_page_types = ["exemplar_pages.UnitPage"]
    subpage_types = []
    search_type = "decision"
    body_template = "exemplar_pages/decision_body.html"

    number = models.CharField(_("decision number"), max_length=60, help_text=_("For example: 1234/QĐ-UBND."))
    decision_date = models.DateField(_("date signed"), db_index=True)
    issuer = models.CharField(
        _("issuing body"), max_length=255, help_text=_("For example: Ủy ban nhân dân tỉnh Thừa Thiên Huế.")
    )
    signer_title = models.CharField(
        _("signer's position"), max_length=255, blank=True, help_text=_("For example: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.")
    )
    signer_name = models.CharField(_("signer"), max_length=255, blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True, help_text=_("One legal basis per line."))
    summary = models.TextField(_("abstract"), blank=True, max_length=1000)
    original_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("original document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [
        TextQualityPanel(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("decision_date")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("signer_title"), FieldPanel("signer_name")]),
                FieldPanel("legal_basis"),
            ],
            heading=_("Decision details"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("original_document"),
        InlinePanel("awardees", label=_("Awardees")),
    ]
    search_fields = (
        Page.search_fields
        + VietnameseSlugMixin.folded_title_search_fields
        + [
            index.SearchField("number"),
            index.SearchField("issuer"),
            index.SearchField("summary"),
            index.FilterField("decision_date"),
        ]
    )
    api_fields = [
        APIField("number", writable=True),
        APIField("decision_date", writable=True),
        APIField("issuer", writable=True),
        APIField("signer_title", writable=True),
        APIField("signer_name", writable=True),
        APIField("legal_basis", writable=True),
        APIField("summary", writable=True),
        APIField("body", writable=True),
        APIField("original_document"),
        APIField("awardee_list"),
        APIField("awardees", writable=True),  # the award as written (`award_text`) is read by the parser
    ]

    class Meta:
        verbose_name = _("commendation decision")
        verbose_name_plural = _("commendation decisions")

    @property
    def year(self) -> int | None:
        return self.decision_date.year if self.decision_date else None

    @property
    def legal_basis_list(self) -> list[str]:
        return [line.strip().lstrip("-").strip() for line in self.legal_basis.splitlines() if line.strip()]

    @property
    def awardee_list(self) -> list[dict]:
        """Awardees as plain data: name, subject type, position, award (slug, name, level), text, year, story."""
        return [awardee.as_dict() for awardee in self.awardees.select_related("award", "story")]

    def unit(self):
        """The unit that issued the decision (its parent page), or None."""
        from .units import UnitPage

        return UnitPage.objects.filter(pk=self.get_parent().pk).select_related("locality").first()

    @classmethod
    def search_queryset(cls, pages):
        return pages.prefetch_related("awardees__award")

    def search_contribution(self, batch: Batch) -> Contribution:
        """Number, issuer, summary, body, awardees and their awards; year, award and the unit's locality as facets."""
        from ..searching import covering_localities, locality_display
        from .units import UnitPage

        awardees = list(self.awardees.all())
        awards = [awardee.award for awardee in awardees if awardee.award_id]
        units = UnitPage.objects.filter(pk__in=[ancestor.pk for ancestor in self.get_ancestors()])
        unit_rows = list(units.values_list("pk", "locality_id", "depth").order_by("-depth"))
        locality_id = next((locality for _pk, locality, _depth in unit_rows if locality), None)
        return Contribution(
            parts=[
                self.number,
                self.issuer,
                self.signer_name,
                self.summary,
                *searchable_text(self.body),
                *(part for awardee in awardees for part in (awardee.name, awardee.position) if part),
                *(awardee.award_text or (awardee.award.name if awardee.award_id else "") for awardee in awardees),
                *dict.fromkeys(award.name for award in awards),
            ],
            facets={
                "year": [str(self.year)] if self.year else [],
                "award": list(dict.fromkeys(award.slug for award in awards)),
                "subject_type": list(dict.fromkeys(awardee.subject_type for awardee in awardees)),
                "locality": covering_localities(batch, locality_id),
                "tag": [
                    *(unit_key(pk) for pk, _locality, _depth in unit_rows),
                    *(level_key(level) for level in dict.fromkeys(a.effective_level for a in awardees) if level),
                ],
            },
            summary=self.summary,
            year=self.year,
            locality=locality_display(batch, locality_id),
        )


#: The generic forms an award written without its giver is read as ("Giấy khen" alone).
FORMS_WITHOUT_GIVER = frozenset({"Giấy khen", "Bằng khen"})


class DecisionAwardee(Orderable):
    """A person, collective or household honoured by a decision, with the award as written."""

    decision = ParentalKey(DecisionPage, related_name="awardees", on_delete=models.CASCADE)
    name = models.CharField(_("full name / collective's name"), max_length=255)
    subject_type = models.CharField(
        _("type"), max_length=20, choices=SubjectType.choices, default=SubjectType.INDIVIDUAL
    )
    position = models.CharField(_("position and unit"), max_length=255, blank=True)
    achievement = models.TextField(_("achievements"), blank=True)
    award = models.ForeignKey(
        "exemplar_pages.Award",
        verbose_name=_("title or form"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty to let the system read it from “award as written in the decision”."),
    )
    award_text = models.CharField(_("award as written in the decision"), max_length=500, blank=True)
    level = models.CharField(_("awarded by"), max_length=20, choices=Award.Level.choices, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    story = models.ForeignKey(
        "exemplar_pages.ExemplarStoryPage",
        verbose_name=_("exemplar story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision_awardees",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("subject_type")]),
        FieldPanel("position"),
        FieldPanel("award_text"),
        FieldRowPanel([FieldPanel("award"), FieldPanel("level"), FieldPanel("year")]),
        FieldPanel("achievement"),
        FieldPanel("story"),
    ]
    api_fields = [
        APIField(name, writable=True)
        for name in ("name", "subject_type", "position", "achievement", "award_text", "award", "level", "year", "story")
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("awardee")
        verbose_name_plural = _("awardees")

    def clean(self) -> None:
        super().clean()
        if self.award_text.strip():
            self.understand_award_text()

    def understand_award_text(self, resolver=None, giver: str = "") -> list[str]:
        """Fill the award, level and year left empty from the award as written (the importers' parser); a form written
        without its giver ("Giấy khen") is `giver`'s when given (the decision's signer)."""
        from ..importing.story_awards import AwardResolver

        resolver = resolver or AwardResolver()
        draft, warnings = resolver.resolve(self.award_text)
        if giver and draft.award is not None and draft.award.name in FORMS_WITHOUT_GIVER:
            given, _warnings = resolver.resolve(f"{self.award_text} của {giver}")
            if given.award is not None and given.award.name not in FORMS_WITHOUT_GIVER:
                draft = given
        if self.award_id is None and draft.award is not None:
            self.award = draft.award
        self.level = self.level or draft.parsed.level or (draft.award.level if draft.award else "")
        self.year = self.year or draft.parsed.year
        return warnings

    @property
    def public_story(self):
        """The linked story when anonymous readers may see it (live, unexpired, unrestricted), else None."""
        return self.story if self.story_id and is_public_now(self.story) else None

    @property
    def effective_level(self) -> str:
        return self.level or (self.award.level if self.award_id else "")

    @property
    def display_award(self) -> str:
        return self.award_text or (self.award.name if self.award_id else "")

    def __str__(self) -> str:
        return self.name

    def as_dict(self) -> dict:
        award = self.award if self.award_id else None
        return {
            "name": self.name,
            "subject_type": self.subject_type,
            "position": self.position,
            "achievement": self.achievement,
            "award": {"slug": award.slug, "name": award.name, "kind": award.kind} if award else None,
            "award_text": self.display_award,
            "level": self.effective_level or None,
            "year": self.year,
            "story": self.story_id if self.public_story else None,
        }

"""Exemplar story pages: advanced exemplars, good people and good deeds, new models."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from search.documents import searchable_text
from search.registry import Batch, Contribution, Searchable

from ..blocks import StoryBodyBlock
from ..cards import with_card_details
from ..panels import TextQualityPanel
from ..visibility import is_public_now, public_now
from .gallery import MAX_GALLERY_IMAGES, GalleryField, GalleryMixin, HeroImageField
from .mixins import PrintableMixin, SummaryMixin, VietnameseSlugMixin
from .taxonomy import SubjectType


class StoryTag(TaggedItemBase):
    """The link between a story and a tag."""

    content_object = ParentalKey(
        "exemplar_pages.ExemplarStoryPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ExemplarStoryPage(Searchable, PrintableMixin, VietnameseSlugMixin, SummaryMixin, GalleryMixin, Page):
    """The story of an exemplar: an individual, a collective or a household."""

    parent_page_types = ["exemplar_pages.UnitPage", "exemplar_pages.MovementPage"]
    subpage_types = []
    search_type = "exemplar"
    body_template = "exemplar_pages/exemplar_story_body.html"

    subject_name = models.CharField(
        _("exemplar name"), max_length=255, help_text=_("An individual, a collective or a household.")
    )
    subject_type = models.CharField(_("exemplar type"), max_length=20, choices=SubjectType.choices)
    field = models.ForeignKey(
        "exemplar_pages.Field", verbose_name=_("field"), on_delete=models.PROTECT, related_name="stories"
    )
    locality = models.ForeignKey(
        "exemplar_pages.Locality", verbose_name=_("locality"), on_delete=models.PROTECT, related_name="stories"
    )
    movement = models.ForeignKey(
        "exemplar_pages.MovementPage",
        verbose_name=_("movement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)], db_index=True
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), null=True, blank=True, choices=[(q, _("Quarter %(q)s") % {"q": q}) for q in (1, 2, 3, 4)]
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("content"), blank=True)
    #: When the story was first sent for review (DESIGN §10): it counts for its unit's quarter from then.
    first_submitted_at = models.DateTimeField(
        _("first submitted for review"), null=True, blank=True, editable=False, db_index=True
    )
    tags = ClusterTaggableManager(through=StoryTag, blank=True, verbose_name=_("keywords"))

    content_panels = Page.content_panels + [
        TextQualityPanel(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("subject_name"), FieldPanel("subject_type")]),
                FieldRowPanel([FieldPanel("field"), FieldPanel("locality")]),
                FieldPanel("movement"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("quarter")]),
            ],
            heading=_("Exemplar details"),
        ),
        *SummaryMixin.summary_panels,
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Photo gallery"), max_num=MAX_GALLERY_IMAGES),
        InlinePanel("awards", label=_("Commendations")),
        FieldPanel("tags"),
    ]
    search_fields = (
        Page.search_fields
        + VietnameseSlugMixin.folded_title_search_fields
        + [
            index.SearchField("subject_name"),
            index.SearchField("summary"),
            index.SearchField("body"),
            index.FilterField("year"),
            index.FilterField("subject_type"),
        ]
    )
    api_fields = [
        APIField("subject_name", writable=True),
        APIField("subject_type", writable=True),
        APIField("field", writable=True),
        APIField("field_detail"),
        APIField("locality", writable=True),
        APIField("locality_detail"),
        APIField("movement", writable=True),
        APIField("movement_detail"),
        APIField("year", writable=True),
        APIField("quarter", writable=True),
        APIField("summary", writable=True),
        APIField("hero_image", serializer=HeroImageField()),
        APIField("gallery", serializer=GalleryField()),
        APIField("body", writable=True),
        APIField("award_list"),
        APIField("awards", writable=True),  # written as people write them: {"text": "Bằng khen của …", "year"}
        APIField("tag_names"),
    ]
    #: Joined when the pages API loads a story (`exemplar_pages.api.detail_page`): the locality's path
    #: up to four levels (province, district, commune and one below) costs no query of its own.
    api_select_related = ("locality__parent__parent__parent",)

    class Meta:
        verbose_name = _("exemplar")
        verbose_name_plural = _("exemplars")

    def clean(self) -> None:
        super().clean()
        if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
            raise ValidationError({"quarter": _("The quarter must be from 1 to 4.")})

    @property
    def field_detail(self) -> dict:
        return {"slug": self.field.slug, "name": self.field.name}

    @property
    def locality_detail(self) -> dict:
        return {"slug": self.locality.slug, "name": self.locality.name, "path": self.locality.display_path}

    @property
    def movement_detail(self) -> dict | None:
        movement = self.public_movement()
        return {"slug": movement.slug, "name": movement.title} if movement else None

    @property
    def award_list(self) -> list[dict]:
        """Awards as plain data: award slug and name, level, year."""
        prefetched = "awards" in getattr(self, "_prefetched_objects_cache", {})  # the detail answer's join
        awards = self.awards.all() if prefetched else self.awards.select_related("award")
        return [award.as_dict() for award in awards]

    @property
    def tag_names(self) -> list[str]:
        return sorted(tag.name for tag in self.tags.all())

    def related_stories(self, limit: int = 4):
        """Other public stories of the same movement or field, newest first."""
        related = public_now(ExemplarStoryPage.objects.exclude(pk=self.pk)).select_related(
            "field", "locality", "hero_image"
        )
        if self.movement_id:
            related = related.filter(models.Q(movement_id=self.movement_id) | models.Q(field_id=self.field_id))
        else:
            related = related.filter(field_id=self.field_id)
        return related.order_by("-year", "-first_published_at")[:limit]

    def public_movement(self):
        """The story's movement when anonymous users may see it, looked up once per instance and movement.

        The API's `movement` (anonymous readers) and `movement_detail` both ask it for one answer, and the
        pages API has the movement joined already (`exemplar_pages.api.detail_page`).
        """
        if not self.movement_id:
            return None
        known = self.__dict__.get("_public_movement")
        if known is None or known[0] != self.movement_id:
            movement = self.movement
            known = (self.movement_id, movement if is_public_now(movement) else None)
            self._public_movement = known
        return known[1]

    @classmethod
    def search_queryset(cls, pages):
        return pages.select_related("field").prefetch_related("awards__award", "tagged_items__tag")

    def search_contribution(self, batch: Batch) -> Contribution:
        """Subject, summary, body, field, locality, awards and tags; the facets of DESIGN §5 (search)."""
        from ..searching import covering_localities, locality_display, movement_reference, public_movements, tag_key

        field = {"slug": self.field.slug, "name": self.field.name} if self.field_id else None
        locality = locality_display(batch, self.locality_id)
        movement = public_movements(batch).get(self.movement_id)
        received = list(self.awards.all())
        awards = [award for award in received if award.award_id]  # free awards (as written) have no facet value
        prefetched = "tagged_items" in getattr(self, "_prefetched_objects_cache", {})
        tags = (
            [item.tag.name for item in self.tagged_items.all()] if prefetched else [tag.name for tag in self.tags.all()]
        )
        return Contribution(
            parts=[
                self.subject_name,
                self.summary,
                *searchable_text(self.body),
                field["name"] if field else "",
                locality["path"] if locality else "",
                *(award.award.name for award in awards),
                *(part for award in received for part in (award.text, award.conferred_by) if part),
                *tags,
                movement.title if movement else "",
            ],
            facets={
                "field": [field["slug"]] if field else [],
                "locality": covering_localities(batch, self.locality_id),
                "movement": [movement.slug] if movement else [],
                "subject_type": [self.subject_type],
                "year": [str(self.year)] if self.year else [],
                "award": list(dict.fromkeys(award.award.slug for award in awards)),
                "tag": sorted({tag_key(tag) for tag in tags}),
            },
            summary=self.summary,
            subject_type=self.subject_type,
            year=self.year,
            field=field,
            locality=locality,
            movement=movement_reference(movement),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_stories"] = with_card_details(self.related_stories())
        context["public_movement"] = self.public_movement()
        return context


class StoryAward(Orderable):
    """An award received by the subject of a story: a title or form of the Law, or a free award kept as written."""

    story = ParentalKey(ExemplarStoryPage, related_name="awards", on_delete=models.CASCADE)
    award = models.ForeignKey(
        "exemplar_pages.Award",
        verbose_name=_("title or form"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty when the award is none of the Law's forms (a contest or association prize…)."),
    )
    text = models.CharField(
        _("as written in the records"),
        max_length=500,
        blank=True,
        help_text=_(
            "The award as written, for example “Giấy khen của Ban Thường vụ Huyện ủy …”, “Giải Nhất cuộc thi …”; while no title or form is chosen, the system reads this box to choose one."
        ),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    conferred_by = models.CharField(
        _("awarded by"), max_length=255, blank=True, help_text=_("For example: Chủ tịch UBND tỉnh.")
    )
    decision = models.CharField(_("decision no."), max_length=120, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("award"), FieldPanel("year")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("conferred_by"), FieldPanel("decision")]),
    ]
    #: Through the pages API a client sends the award as written (`text`) and the parser of the
    #: importers fills the rest (`clean`), as in the admin and the spreadsheets.
    api_fields = [
        APIField("text", writable=True),
        APIField("award", writable=True),
        APIField("year", writable=True),
        APIField("conferred_by", writable=True),
        APIField("decision", writable=True),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def clean(self) -> None:
        super().clean()
        if self.award_id is None and not self.text.strip():
            raise ValidationError(
                {"award": _("Choose a title or form of award, or write the award as it is in the records.")}
            )
        if self.award_id is None:
            self.understand_text()

    def understand_text(self) -> None:
        """Read the text as written with the importers' parser: fill the award and what else is empty."""
        from ..importing.story_awards import AwardResolver

        draft, _warnings = AwardResolver().resolve(self.text)
        understood = draft.story_award()
        self.award = self.award or understood.award
        self.year = self.year or understood.year
        self.conferred_by = self.conferred_by or understood.conferred_by
        self.decision = self.decision or understood.decision

    @property
    def display_name(self) -> str:
        """The award as written when known, otherwise the Law's name of its title or form."""
        return self.text or (self.award.name if self.award_id else "")

    @property
    def is_free(self) -> bool:
        """Kept as written: it fits no title or form of the Law."""
        return self.award_id is None

    def __str__(self) -> str:
        if self.text or not self.year:
            return self.display_name  # as written, with its year if it was written
        return f"{self.display_name} ({self.year})"

    def as_dict(self) -> dict:
        award = self.award if self.award_id else None
        return {
            "slug": award.slug if award else None,
            "name": award.name if award else self.text,
            "kind": award.kind if award else None,
            "level": award.level if award else None,
            "text": self.text or (award.name if award else ""),
            "free": award is None,
            "year": self.year,
            "conferred_by": self.conferred_by,
            "decision": self.decision,
        }


#: The pages API reads a story's awards twice (as written, `awards`, and as plain data, `award_list`):
#: one query for both, with their titles joined (`exemplar_pages.api.detail_page`).
ExemplarStoryPage.api_prefetch_related = (
    models.Prefetch("awards", queryset=StoryAward.objects.select_related("award").order_by("sort_order")),
)

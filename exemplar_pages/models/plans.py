"""Plan pages: numbered, dated documents with legal basis, sections and assignments."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from search.documents import searchable_text
from search.registry import Batch, Contribution, Searchable

from ..blocks import PlanSectionsBlock
from ..panels import TextQualityPanel
from ..visibility import is_public_now, public_now
from .mixins import PeriodMixin, PrintableMixin, SummaryMixin, VietnameseSlugMixin


class PlanPage(Searchable, PrintableMixin, VietnameseSlugMixin, SummaryMixin, PeriodMixin, Page):
    """A plan (kế hoạch) issued by a public body."""

    search_type = "plan"

    parent_page_types = ["exemplar_pages.UnitPage"]
    subpage_types = []
    body_template = "exemplar_pages/plan_body.html"

    number = models.CharField(_("document number"), max_length=60, blank=True, help_text=_("For example: 93/KH-VP."))
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    issue_place = models.CharField(
        _("place of issue"), max_length=120, blank=True, help_text=_("For example: Đồng Nai.")
    )
    issuing_body = models.CharField(_("issuing body"), max_length=255)
    sections = StreamField(PlanSectionsBlock(), verbose_name=_("content"), blank=True)
    recipients = models.TextField(_("distribution list"), blank=True, help_text=_("One recipient per line."))
    signer_title = models.CharField(
        _("signer's position"), max_length=255, blank=True, help_text=_("For example: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.")
    )
    signer_name = models.CharField(_("signer"), max_length=255, blank=True)
    original_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("original document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    movements = ParentalManyToManyField(
        "exemplar_pages.MovementPage", verbose_name=_("related movements"), blank=True, related_name="plans"
    )

    content_panels = Page.content_panels + [
        TextQualityPanel(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("issue_date")]),
                FieldRowPanel([FieldPanel("issue_place"), FieldPanel("issuing_body")]),
                *PeriodMixin.period_panels,
            ],
            heading=_("Document details"),
        ),
        *SummaryMixin.summary_panels,
        InlinePanel("basis", label=_("Legal basis for issuance")),
        FieldPanel("sections"),
        InlinePanel("assignments", label=_("Implementation assignments")),
        FieldPanel("recipients"),
        FieldRowPanel([FieldPanel("signer_title"), FieldPanel("signer_name")], heading=_("Signer")),
        FieldPanel("original_document"),
        FieldPanel("movements"),
    ]
    search_fields = (
        Page.search_fields
        + VietnameseSlugMixin.folded_title_search_fields
        + [
            index.SearchField("number"),
            index.SearchField("summary"),
            index.SearchField("issuing_body"),
            index.SearchField("sections"),
            index.FilterField("issue_date"),
        ]
    )
    api_fields = [
        APIField("number", writable=True),
        APIField("issue_date", writable=True),
        APIField("issue_place", writable=True),
        APIField("issuing_body", writable=True),
        APIField("period_start", writable=True),
        APIField("period_end", writable=True),
        APIField("summary", writable=True),
        APIField("sections", writable=True),
        APIField("basis_references"),
        APIField("assignment_list"),
        APIField("recipients", writable=True),
        APIField("recipient_list"),
        APIField("signer_title", writable=True),
        APIField("signer_name", writable=True),
        APIField("original_document"),
        APIField("movement_ids"),
    ]

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    @property
    def recipient_list(self) -> list[str]:
        """Recipients, one per line, without list dashes."""
        return [line.strip().lstrip("-").strip() for line in self.recipients.splitlines() if line.strip()]

    @property
    def basis_references(self) -> list[dict]:
        """Legal-basis references as plain data, with the linked plan's id when it is in the site.

        The linked plans anonymous readers may see are looked up together, whatever the number of references.
        """
        references = list(self.basis.all())
        linked_ids = {reference.linked_plan_id for reference in references if reference.linked_plan_id}
        public = public_now(PlanPage.objects.filter(pk__in=linked_ids)).in_bulk() if linked_ids else {}
        for reference in references:
            reference.__dict__["public_linked_plan"] = public.get(reference.linked_plan_id)
        return [reference.as_dict() for reference in references]

    @property
    def assignment_list(self) -> list[dict]:
        """Assigned units with their tasks and deadline."""
        return [assignment.as_dict() for assignment in self.assignments.all()]

    @property
    def movement_ids(self) -> list[int]:
        """Ids of the linked movements public now: an API field, so never the id of a draft or private one."""
        return list(self.public_movements().values_list("pk", flat=True))

    @classmethod
    def search_queryset(cls, pages):
        return pages.prefetch_related("movements")

    def search_contribution(self, batch: Batch) -> Contribution:
        """Number, issuer, summary and sections; its movements and years (search)."""
        from ..searching import movement_reference, period_years, public_movements, year_values

        public = public_movements(batch)
        movements = [public[movement.pk] for movement in self.movements.all() if movement.pk in public]
        issued = self.issue_date.year if self.issue_date else None
        return Contribution(
            parts=[self.number, self.issuing_body, self.summary, *searchable_text(self.sections)]
            + [movement.title for movement in movements],
            facets={
                "movement": sorted({movement.slug for movement in movements}),
                "year": year_values(*period_years(self.period_start, self.period_end), issued),
            },
            summary=self.summary,
            year=issued or self.period_start,
            movement=movement_reference(movements[0] if movements else None),
        )

    def public_movements(self):
        """Linked movements that anonymous users may see."""
        from .movements import MovementPage

        return public_now(MovementPage.objects.filter(pk__in=list(self.movements.values_list("pk", flat=True))))


class PlanReference(Orderable):
    """A legal basis: “Thực hiện Kế hoạch số 57/KH-UBND ngày 27/02/2023 của UBND huyện…”."""

    plan = ParentalKey(PlanPage, related_name="basis", on_delete=models.CASCADE)
    verb = models.CharField(
        _("lead-in phrase"), max_length=40, default="Thực hiện", help_text=_("For example: Thực hiện, Căn cứ…")
    )
    document_type = models.CharField(_("document type"), max_length=60, default="Kế hoạch")
    number = models.CharField(_("document number"), max_length=60, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    issuer = models.CharField(_("issuing body"), max_length=255, blank=True)
    subject = models.TextField(_("abstract"), blank=True)
    linked_plan = models.ForeignKey(
        PlanPage,
        verbose_name=_("plan on the portal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referenced_by",
    )

    panels = [
        FieldRowPanel([FieldPanel("verb"), FieldPanel("document_type"), FieldPanel("number"), FieldPanel("date")]),
        FieldPanel("issuer"),
        FieldPanel("subject"),
        FieldPanel("linked_plan"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def __str__(self) -> str:
        parts = [f"{self.document_type} số {self.number}" if self.number else self.document_type]
        if self.date:
            parts.append(f"ngày {self.date:%d/%m/%Y}")
        if self.issuer:
            parts.append(f"của {self.issuer}")
        return " ".join(parts)

    @cached_property
    def public_linked_plan(self) -> PlanPage | None:
        """The linked plan when anonymous readers may see it (`PlanPage.basis_references` sets it for all at once)."""
        return self.linked_plan if is_public_now(self.linked_plan) else None

    def as_dict(self) -> dict:
        linked = self.public_linked_plan
        return {
            "verb": self.verb,
            "document_type": self.document_type,
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "subject": self.subject,
            "linked_plan_id": linked.pk if linked else None,
            "text": str(self),
        }


class PlanAssignment(Orderable):
    """A unit assigned tasks by a plan, with a deadline."""

    plan = ParentalKey(PlanPage, related_name="assignments", on_delete=models.CASCADE)
    unit = models.CharField(_("implementing unit"), max_length=500)
    tasks = models.TextField(_("assigned tasks"), help_text=_("One task per line."))
    deadline = models.DateField(_("due date"), null=True, blank=True)
    deadline_note = models.CharField(
        _("deadline note"), max_length=255, blank=True, help_text=_("For example: hằng quý trước ngày 20/3, 20/6…")
    )
    #: Deadlines that come back every year, as day/month ("20/3, 20/6, 20/9, 20/12"; DESIGN §10).
    repeating_deadlines = models.CharField(
        _("deadlines repeating every year"),
        max_length=200,
        blank=True,
        help_text=_("Day/month, separated by commas. For example: 20/3, 20/6, 20/9, 20/12."),
    )

    panels = [
        FieldPanel("unit"),
        FieldPanel("tasks"),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("deadline_note")]),
        FieldPanel("repeating_deadlines"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return self.unit

    @property
    def task_list(self) -> list[str]:
        return [line.strip().lstrip("-").strip() for line in self.tasks.splitlines() if line.strip()]

    def as_dict(self) -> dict:
        return {
            "unit": self.unit,
            "tasks": self.task_list,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_note": self.deadline_note,
        }

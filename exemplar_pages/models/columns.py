"""Column pages: the portal's standing columns, each a saved query (DESIGN §3)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from .mixins import VietnameseSlugMixin


class ColumnPage(RoutablePageMixin, VietnameseSlugMixin, Page):
    """A standing column such as “Thi đua yêu nước” or “Điển hình tiên tiến”."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    include_stories = models.BooleanField(_("exemplars"), default=True)
    include_plans = models.BooleanField(_("plans"), default=False)
    include_movements = models.BooleanField(_("emulation movements"), default=False)
    criteria_fields = ParentalManyToManyField(
        "exemplar_pages.Field", verbose_name=_("only these fields"), blank=True, related_name="+"
    )
    criteria_localities = ParentalManyToManyField(
        "exemplar_pages.Locality",
        verbose_name=_("only these localities"),
        blank=True,
        related_name="+",
        help_text=_("The localities under them are included."),
    )
    criteria_movements = ParentalManyToManyField(
        "exemplar_pages.MovementPage", verbose_name=_("only these movements"), blank=True, related_name="+"
    )
    criteria_tags = models.CharField(
        _("only these keywords"), max_length=500, blank=True, help_text=_("Separated by commas.")
    )
    page_size = models.PositiveSmallIntegerField(
        _("items per page"), default=12, validators=[MinValueValidator(5), MaxValueValidator(50)]
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("include_stories"), FieldPanel("include_plans"), FieldPanel("include_movements")]
                ),
                FieldPanel("criteria_fields"),
                FieldPanel("criteria_localities"),
                FieldPanel("criteria_movements"),
                FieldPanel("criteria_tags"),
            ],
            heading=_("Selection criteria"),
        ),
        FieldPanel("page_size"),
    ]
    search_fields = Page.search_fields + VietnameseSlugMixin.folded_title_search_fields
    api_fields = [
        APIField("intro"),
        APIField("content_types"),
        APIField("criteria"),
        APIField("page_size"),
    ]

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")

    @property
    def content_types(self) -> list[str]:
        """The content types this column lists, in the search contract's names."""
        chosen = [
            ("exemplar", self.include_stories),
            ("plan", self.include_plans),
            ("movement", self.include_movements),
        ]
        return [name for name, included in chosen if included]

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.criteria_tags.split(",") if tag.strip()]

    @property
    def criteria(self) -> dict:
        """The saved query as slugs, as the search contract takes them."""
        return {
            "type": self.content_types,
            "field": list(self.criteria_fields.values_list("slug", flat=True)),
            "locality": list(self.criteria_localities.values_list("slug", flat=True)),
            "movement": list(self.criteria_movements.values_list("slug", flat=True)),
            "tag": self.tag_list,
        }

    def latest(self, count: int = 5) -> list[Page]:
        """The newest items of the column, for the home page."""
        from ..listing import column_listing

        return list(column_listing(self, {}, page_size=count).items[:count])

    @path("")
    def listing(self, request):
        from search.service import facet_groups

        from ..forms import ColumnFilterForm
        from ..listing import column_listing

        form = ColumnFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        result = column_listing(self, filters)
        paginator = Paginator(result.items, self.page_size)
        try:
            page_obj = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        query = request.GET.copy()
        query.pop("page", None)
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "page_obj": page_obj,
                "items": page_obj.object_list,
                "facets": result.facets,
                "facet_groups": facet_groups(result.facets, keys=tuple(form.fields)),
                "filter_query": query.urlencode(),
            },
        )

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from ..feeds import ColumnRssFeed

        return ColumnRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from ..feeds import ColumnAtomFeed

        return ColumnAtomFeed(self)(request)

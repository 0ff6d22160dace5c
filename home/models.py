"""The portal's front page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from exemplar_pages.models import ColumnPage
from exemplar_pages.visibility import public_now


class HomePage(Page):
    """The front page of the portal: the latest items of both columns."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["exemplar_pages.ColumnPage", "exemplar_pages.UnitPage"]

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def columns(self):
        """The live, public columns under the home page, in menu order."""
        return public_now(ColumnPage.objects.child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["column_listings"] = [(column, column.latest(6)) for column in self.columns()]
        return context

"""The portal's front page."""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, WorkflowPage

from exemplar_pages.blocks import PlanSectionsBlock
from exemplar_pages.cards import with_card_details
from exemplar_pages.models import ColumnPage
from exemplar_pages.visibility import public_now


class HomePage(Page):
    """The front page of the portal: the latest items of both columns. Its translation into another
    language (the English home at /en/) shows the agency's information pages instead."""

    max_count = len(settings.WAGTAIL_CONTENT_LANGUAGES)  # one home per language
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["exemplar_pages.ColumnPage", "exemplar_pages.UnitPage", "home.InformationPage"]

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def is_translation(self) -> bool:
        """A home page in a language other than the portal's own (Vietnamese)."""
        return self.locale.language_code != settings.LANGUAGE_CODE

    def get_template(self, request, *args, **kwargs):
        if self.is_translation:
            return "home/home_page_translated.html"
        return super().get_template(request, *args, **kwargs)

    def columns(self):
        """The live, public columns under the home page, in menu order."""
        return public_now(ColumnPage.objects.child_of(self))

    def information_pages(self):
        return information_pages_under(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.is_translation:
            context["information_pages"] = self.information_pages()
            return context
        context["column_listings"] = [(column, column.latest(6)) for column in self.columns()]
        context["open_calls"] = open_calls()
        context["ongoing_movements"] = ongoing_movements()
        return context


class InformationPage(Page):
    """A page about the agency (its organisation, functions, contacts), in Vietnamese or, translated,
    in English: the English pages under /en/ are information pages under the English home."""

    parent_page_types = ["home.HomePage", "home.InformationPage"]
    subpage_types = ["home.InformationPage"]

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(PlanSectionsBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["information_pages"] = information_pages_under(self)
        return context


def information_pages_under(page: Page):
    """The live, public information pages under a page, in menu order (the English menu and lists)."""
    return public_now(InformationPage.objects.child_of(page)).order_by("path")


#: How many open calls and movements under way the front page shows.
HOME_OPEN_CALLS = 4
HOME_MOVEMENTS = 6


def open_calls(limit: int = HOME_OPEN_CALLS) -> list[Page]:
    """What citizens may take part in today: the public pages of every page type that declares
    `home_call_label` (consultations, contests) whose `opens_on`…`closes_on` includes today, closing soonest first."""
    from django.apps import apps
    from django.utils import timezone

    today = timezone.localdate()
    calls: list[Page] = []
    for model in apps.get_models():
        if issubclass(model, Page) and getattr(model, "home_call_label", None):
            pages = public_now(model.objects.all()).filter(opens_on__lte=today, closes_on__gte=today)
            calls.extend(pages.order_by("closes_on", "pk")[:limit])
    return sorted(calls, key=lambda page: (page.closes_on, page.pk))[:limit]


def ongoing_movements(limit: int = HOME_MOVEMENTS) -> list[Page]:
    """Movements under way, the newest launched first."""
    from exemplar_pages.models import MovementPage

    movements = public_now(MovementPage.objects.filter(status=MovementPage.Status.ONGOING))
    return with_card_details(movements.order_by("-first_published_at", "-pk")[:limit])


@register_setting(icon="site")
class AgencyIdentity(BaseSiteSetting):
    """The agency behind the portal, shown in every page's header and footer (Decree 42/2022, art. 4:
    the portal names its owner, its contact details and the person responsible for its content)."""

    name = models.CharField(_("agency name"), max_length=200, default="Hội đồng Thi đua – Khen thưởng")
    parent_agency = models.CharField(
        _("parent agency"),
        max_length=200,
        blank=True,
        help_text=_("The small line above the agency's name, e.g. “Ủy ban nhân dân tỉnh …”."),
    )
    name_en = models.CharField(
        _("agency name in English"),
        max_length=200,
        blank=True,
        help_text=_("Shown in the header of the English pages (/en/), e.g. “Emulation and Commendation Council”."),
    )
    parent_agency_en = models.CharField(_("parent agency in English"), max_length=200, blank=True)
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the top of every page, about 64 pixels high; a square image on a transparent background."
        ),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    responsible_person = models.CharField(
        _("person responsible for the content"),
        max_length=200,
        blank=True,
        help_text=_("Full name and position, e.g. “Nguyễn Văn A – Phó Trưởng ban”."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=300,
        blank=True,
        help_text=_("E.g. “Giấy phép số 12/GP-TTĐT ngày 05/01/2024 của Sở Thông tin và Truyền thông”."),
    )

    select_related = ["emblem"]

    panels = [
        FieldPanel("name"),
        FieldPanel("parent_agency"),
        FieldPanel("name_en"),
        FieldPanel("parent_agency_en"),
        FieldPanel("emblem"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("responsible_person"),
        FieldPanel("licence"),
    ]

    class Meta:
        verbose_name = _("agency identity")
        verbose_name_plural = _("agency identity")

    def _in_language(self, vietnamese: str, english: str) -> str:
        if english and translation.get_language() != settings.LANGUAGE_CODE:
            return english
        return vietnamese

    @property
    def display_name(self) -> str:
        """The agency's name in the language of the page: its English name on the English pages."""
        return self._in_language(self.name, self.name_en)

    @property
    def display_parent_agency(self) -> str:
        return self._in_language(self.parent_agency, self.parent_agency_en)

    @property
    def phone_link(self) -> str:
        """The phone number for a `tel:` link: digits and a leading plus only."""
        return "".join(char for char in self.phone if char.isdigit() or char == "+")

    @classmethod
    def emblem_ids(cls) -> models.QuerySet:
        """The images shown as an agency's emblem (a subquery): public on every page, whatever else uses them."""
        return cls.objects.exclude(emblem=None).values("emblem_id")


@receiver(post_save, sender=AgencyIdentity, dispatch_uid="home_agency_identity_purge")
def agency_identity_saved(sender, instance, **kwargs) -> None:
    """Every page's header and footer show the agency: an edit empties the front-end cache."""
    from exemplar_pages.frontend_cache import on_taxonomy_deleted as purge_everything

    purge_everything(sender, instance)


@receiver(post_save, sender=HomePage, dispatch_uid="home_translation_workflow")
def home_translation_shares_workflow(sender, instance, created, **kwargs) -> None:
    """A home page translated into another language goes through the same review and council vote as
    the Vietnamese one: the workflow is assigned on the home page, and a translation is a new tree."""
    if not created or WorkflowPage.objects.filter(page=instance).exists():
        return
    source = WorkflowPage.objects.filter(page__in=instance.get_translations()).first()
    if source is not None:
        WorkflowPage.objects.create(page=instance, workflow=source.workflow)

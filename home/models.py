"""The portal's front page."""

from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
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
        context["open_calls"] = open_calls()
        context["ongoing_movements"] = ongoing_movements()
        return context


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
    return list(movements.select_related("hero_image").order_by("-first_published_at", "-pk")[:limit])


@register_setting(icon="site")
class AgencyIdentity(BaseSiteSetting):
    """The agency behind the portal, shown in every page's header and footer (Decree 42/2022, art. 4:
    the portal names its owner, its contact details and the person responsible for its content)."""

    name = models.CharField(_("tên cơ quan"), max_length=200, default="Hội đồng Thi đua – Khen thưởng")
    parent_agency = models.CharField(
        _("cơ quan chủ quản"),
        max_length=200,
        blank=True,
        help_text=_("Dòng nhỏ phía trên tên cơ quan, ví dụ “Ủy ban nhân dân tỉnh …”."),
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("biểu trưng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Hiển thị ở đầu trang, cao khoảng 64 điểm ảnh; nên dùng ảnh vuông, nền trong suốt."),
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    responsible_person = models.CharField(
        _("người chịu trách nhiệm nội dung"),
        max_length=200,
        blank=True,
        help_text=_("Họ tên và chức vụ, ví dụ “Nguyễn Văn A – Phó Trưởng ban”."),
    )
    licence = models.CharField(
        _("giấy phép"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ “Giấy phép số 12/GP-TTĐT ngày 05/01/2024 của Sở Thông tin và Truyền thông”."),
    )

    select_related = ["emblem"]

    panels = [
        FieldPanel("name"),
        FieldPanel("parent_agency"),
        FieldPanel("emblem"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("responsible_person"),
        FieldPanel("licence"),
    ]

    class Meta:
        verbose_name = _("thông tin cơ quan")
        verbose_name_plural = _("thông tin cơ quan")

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

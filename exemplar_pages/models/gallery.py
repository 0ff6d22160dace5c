"""Photo galleries of stories and movements: images in order, each with its alternative text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

#: The most photos one page's gallery holds.
MAX_GALLERY_IMAGES = 12


class GalleryImage(Orderable):
    """One photo of a page's gallery, with the text a screen reader reads and an optional caption."""

    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("ảnh"), on_delete=models.CASCADE, related_name="+")
    alt = models.CharField(_("mô tả ảnh"), max_length=255, help_text=_("Cho người dùng trình đọc màn hình."))
    caption = models.CharField(_("chú thích"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("ảnh")
        verbose_name_plural = _("thư viện ảnh")

    def __str__(self) -> str:
        return self.caption or self.alt


class StoryGalleryImage(GalleryImage):
    page = ParentalKey("exemplar_pages.ExemplarStoryPage", related_name="gallery_images", on_delete=models.CASCADE)


class MovementGalleryImage(GalleryImage):
    page = ParentalKey("exemplar_pages.MovementPage", related_name="gallery_images", on_delete=models.CASCADE)

"""Photo galleries of stories and movements: images in order, each with its alternative text."""

import logging
from typing import NotRequired

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import fields as serializer_fields
from typing_extensions import TypedDict
from wagtail.admin.panels import FieldPanel
from wagtail.images.models import SourceImageIOError
from wagtail.models import Orderable

logger = logging.getLogger(__name__)

#: The most photos one page's gallery holds.
MAX_GALLERY_IMAGES = 12


class GalleryImage(Orderable):
    """One photo of a page's gallery, with the text a screen reader reads and an optional caption."""

    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )
    alt = models.CharField(_("image description"), max_length=255, help_text=_("For screen reader users."))
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("photo")
        verbose_name_plural = _("photo gallery")

    def __str__(self) -> str:
        return self.caption or self.alt


class StoryGalleryImage(GalleryImage):
    page = ParentalKey("exemplar_pages.ExemplarStoryPage", related_name="gallery_images", on_delete=models.CASCADE)


class MovementGalleryImage(GalleryImage):
    page = ParentalKey("exemplar_pages.MovementPage", related_name="gallery_images", on_delete=models.CASCADE)


#: The renditions the API gives of every hero and gallery image, by name (Wagtail filter specs).
API_RENDITIONS = {"thumbnail": "fill-400x300", "medium": "width-800", "large": "width-1600"}


class RenditionDetail(TypedDict):
    url: str
    width: int
    height: int


class ImageDetail(TypedDict):
    """An image as the API shows it: the original's size, its text for screen readers and its renditions."""

    id: int
    alt: str
    width: int
    height: int
    renditions: dict[str, RenditionDetail]
    caption: NotRequired[str]


def absolute_media_url(url: str) -> str:
    """A media URL on the portal's public address (`SITE_URL`), as the API and Open Graph need it."""
    if url.startswith("/") and not url.startswith("//"):
        return settings.SITE_URL.rstrip("/") + url
    return url


def image_detail(image, alt: str, caption: str | None = None) -> ImageDetail | None:
    """`image` with its API renditions (made on first use, then read from Wagtail's rendition cache).

    None when the original file is missing (as Wagtail's image tags show a "not found" image instead).
    """
    try:
        renditions = image.get_renditions(*API_RENDITIONS.values())
    except SourceImageIOError:
        logger.warning("Image %s has no original file (%s): left out of the API.", image.pk, image.file.name)
        return None
    detail: ImageDetail = {
        "id": image.pk,
        "alt": alt,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": absolute_media_url(renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in API_RENDITIONS.items()
        },
    }
    if caption is not None:
        detail["caption"] = caption
    return detail


class HeroImageField(serializer_fields.Field):
    """The API's read-only `hero_image`: the image with its alternative text and renditions, or null.

    Wagtail's v3 API reads an `APIField(serializer=…)` through the serializer's `to_representation`
    (typed by its return annotation); `source="*"` hands it the page, whose `hero_image_alt` it needs.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> ImageDetail | None:
        if page.hero_image is None:
            return None
        return image_detail(page.hero_image, page.hero_image_alt)


class GalleryField(serializer_fields.Field):
    """The API's read-only `gallery`: the page's photos in order, each as `image_detail` with its caption."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> list[ImageDetail]:
        return page.gallery


class GalleryMixin:
    """The gallery of a page with `gallery_images`, read once per page, for its template and the API."""

    def gallery_items(self) -> list:
        """The gallery's photos in order, each with its image joined (one query, kept on the page)."""
        known = self.__dict__.get("_gallery_items")
        if known is None:
            known = list(self.gallery_images.select_related("image"))  # in `sort_order`, live or in a revision
            self._gallery_items = known
        return known

    @property
    def gallery(self) -> list[ImageDetail]:
        """The API's `gallery`: each photo as `image_detail`, with its caption."""
        details = (image_detail(item.image, item.alt, item.caption) for item in self.gallery_items())
        return [detail for detail in details if detail is not None]

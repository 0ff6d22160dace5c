"""What a list card shows (`templates/includes/item_card.html`), read for a whole list at once.

A card shows its page's hero image (two renditions), field and locality. Read card by card, that is
three queries a card; `with_card_details` reads them in a few queries a list, whatever its length.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page

#: The renditions of `item_card.html`'s `srcset_image … fill-{200x150,400x300}`.
CARD_RENDITIONS = ("fill-200x150", "fill-400x300")
CARD_RELATIONS = ("field", "locality")


def with_card_details(pages: Iterable[Page]) -> list[Page]:
    """The pages (specific ones, of any types), with their hero images, renditions, fields and localities loaded."""
    pages = list(pages)
    image_ids = {page.hero_image_id for page in pages if getattr(page, "hero_image_id", None)}
    if image_ids:
        images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(*CARD_RENDITIONS).in_bulk()
        for page in pages:
            if getattr(page, "hero_image_id", None) in images:
                page.hero_image = images[page.hero_image_id]
    by_model: dict[type, list[Page]] = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, group in by_model.items():
        fields = {field.name for field in model._meta.concrete_fields}
        relations = [name for name in CARD_RELATIONS if name in fields]
        if relations:
            prefetch_related_objects(group, *relations)
    return pages

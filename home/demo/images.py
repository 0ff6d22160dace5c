"""Demo photos, drawn with Pillow at seed time (nothing downloaded): a hero image for every story and
movement, a small gallery for a few, each with its alternative text."""

from __future__ import annotations

import io
import math
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Page

from exemplar_pages.models import ExemplarStoryPage, MovementPage

from .builder import StageCount

#: Debian's DejaVu fonts (package fonts-dejavu-core) cover Vietnamese; PIL's own font is the fallback.
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: Wide enough for the hero's column on a 1.5× screen; drawn quickly at every seed.
PHOTO_SIZE = (1200, 675)
TITLE_PREFIX = "Ảnh minh họa mẫu"
LABEL = "Ảnh minh họa – dữ liệu mẫu"
HEART_RED = (196, 32, 48)

#: Sky (top, bottom), land and accent colours, one palette per field of work (and one for movements).
PALETTES = [
    ((255, 196, 120), (255, 238, 200), (86, 150, 72), (176, 20, 20)),
    ((120, 180, 230), (214, 236, 250), (60, 130, 90), (232, 184, 48)),
    ((250, 160, 140), (255, 228, 205), (120, 150, 60), (163, 21, 21)),
    ((140, 200, 200), (226, 244, 236), (44, 120, 110), (210, 120, 30)),
    ((190, 170, 230), (238, 230, 250), (90, 120, 70), (170, 40, 60)),
    ((250, 214, 110), (255, 246, 214), (150, 120, 50), (125, 15, 15)),
]


@dataclass(frozen=True)
class Motif:
    """What a drawing shows, and how its alternative text says it."""

    name: str
    description: str


MOTIFS = {
    "star": Motif("star", "ngôi sao vàng trên nền đồi xanh và mặt trời"),
    "rice": Motif("rice", "những bông lúa chín trên cánh đồng dưới mặt trời"),
    "houses": Motif("houses", "dãy nhà mái đỏ bên con đường làng và mặt trời"),
    "book": Motif("book", "quyển sách mở trên nền đồi xanh và mặt trời"),
    "heart": Motif("heart", "trái tim đỏ giữa hai bàn tay trên nền đồi xanh"),
}
MOTIF_BY_FIELD = {
    "nong-nghiep": "rice",
    "giao-duc-va-dao-tao": "book",
    "khoa-hoc-va-cong-nghe": "book",
    "an-sinh-xa-hoi": "heart",
    "y-te": "heart",
    "doi-song-xa-hoi": "houses",
    "cong-thuong-xay-dung-giao-thong-van-tai": "houses",
}
GALLERY_CAPTIONS = [
    "Toàn cảnh buổi ra quân",
    "Trao đổi kinh nghiệm với bà con",
    "Kết quả sau một năm thực hiện",
    "Nhận khen thưởng tại hội nghị sơ kết",
]


def font(size: int, bold: bool = False):
    """DejaVu Sans at ``size`` pixels, or PIL's default font where Debian's fonts are missing."""
    from PIL import ImageFont

    try:
        return ImageFont.truetype(str(FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)
    except OSError:
        return ImageFont.load_default(size)


def _wrap(draw, text: str, face, width: int, max_lines: int = 2) -> list[str]:
    """Words in lines no wider than ``width``; the last line ends with “…” when the text is longer."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=face) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(",.;:") + " …"
    return lines


def _star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    return [
        (
            cx + (outer if i % 2 == 0 else inner) * math.sin(i * math.pi / 5),
            cy - (outer if i % 2 == 0 else inner) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]


def _draw_motif(draw, motif: str, cx: int, cy: int, scale: float, accent, land) -> None:
    """The motif in the middle of the picture, about ``scale`` pixels tall."""
    gold, white = (250, 214, 64), (255, 252, 242)
    if motif == "star":
        draw.polygon(_star(cx, cy, scale * 0.55, scale * 0.22), fill=gold, outline=accent, width=6)
    elif motif == "rice":
        for offset in range(-3, 4):
            x = cx + offset * scale * 0.16
            draw.line([(x, cy + scale * 0.5), (x + offset * 8, cy - scale * 0.35)], fill=(120, 110, 40), width=6)
            for grain in range(6):
                gy = cy - scale * 0.3 + grain * scale * 0.09
                gx = x + offset * 8 * (1 - grain / 6)
                draw.ellipse((gx - 12, gy - 7, gx + 12, gy + 7), fill=gold, outline=(190, 140, 30))
    elif motif == "houses":
        for index in range(3):
            x = cx + (index - 1) * scale * 0.5
            w, h = scale * 0.36, scale * 0.3
            draw.rectangle((x - w / 2, cy, x + w / 2, cy + h), fill=white, outline=(120, 90, 60), width=4)
            draw.polygon([(x - w * 0.62, cy), (x, cy - h * 0.8), (x + w * 0.62, cy)], fill=accent)
            draw.rectangle((x - w * 0.12, cy + h * 0.45, x + w * 0.12, cy + h), fill=(120, 90, 60))
    elif motif == "book":
        w, h = scale * 0.9, scale * 0.55
        draw.polygon(
            [(cx, cy - h * 0.4), (cx - w, cy - h * 0.55), (cx - w, cy + h * 0.5), (cx, cy + h * 0.65)], fill=white
        )
        draw.polygon(
            [(cx, cy - h * 0.4), (cx + w, cy - h * 0.55), (cx + w, cy + h * 0.5), (cx, cy + h * 0.65)], fill=white
        )
        draw.line([(cx, cy - h * 0.4), (cx, cy + h * 0.65)], fill=accent, width=8)
        for row in range(5):
            y = cy - h * 0.3 + row * h * 0.17
            draw.line([(cx - w * 0.85, y - h * 0.05), (cx - w * 0.15, y + h * 0.03)], fill=land, width=5)
            draw.line([(cx + w * 0.15, y + h * 0.03), (cx + w * 0.85, y - h * 0.05)], fill=land, width=5)
    else:  # heart
        r = scale * 0.22
        draw.ellipse((cx - 2 * r, cy - r * 1.6, cx, cy + r * 0.4), fill=HEART_RED)
        draw.ellipse((cx, cy - r * 1.6, cx + 2 * r, cy + r * 0.4), fill=HEART_RED)
        draw.polygon([(cx - 1.93 * r, cy - r * 0.2), (cx + 1.93 * r, cy - r * 0.2), (cx, cy + r * 1.9)], fill=HEART_RED)
        draw.polygon([(cx - r, cy - r * 0.6), (cx + r, cy - r * 0.6), (cx, cy + r)], fill=HEART_RED)
        for side in (-1, 1):
            draw.ellipse(
                (cx + side * r * 2.6 - r, cy + r * 1.2, cx + side * r * 2.6 + r, cy + r * 2.4), fill=(238, 196, 160)
            )


def draw_photo(caption: str, motif: str, palette: int, variant: int = 0) -> bytes:
    """A JPEG of PHOTO_SIZE: a sky gradient, hills, a sun, the motif and a caption band with Vietnamese text."""
    from PIL import Image, ImageDraw, ImageFilter

    width, height = PHOTO_SIZE
    unit = height / 900  # sizes below are drawn for 1600×900
    sky_top, sky_bottom, land, accent = PALETTES[palette % len(PALETTES)]
    gradient = Image.linear_gradient("L").resize((width, height))
    picture = Image.composite(Image.new("RGB", PHOTO_SIZE, sky_bottom), Image.new("RGB", PHOTO_SIZE, sky_top), gradient)
    sun_x, sun_y, halo, sun = int(width * (0.78 - 0.5 * (variant % 2))), int(height * 0.24), 170 * unit, 80 * unit
    glow = Image.new("L", (width // 8, height // 8), 0)  # blurred small, then enlarged: the same halo, faster
    ImageDraw.Draw(glow).ellipse(
        ((sun_x - halo) / 8, (sun_y - halo) / 8, (sun_x + halo) / 8, (sun_y + halo) / 8), fill=120
    )
    picture.paste(
        (255, 250, 220), (0, 0, width, height), glow.filter(ImageFilter.GaussianBlur(5 * unit)).resize(PHOTO_SIZE)
    )
    draw = ImageDraw.Draw(picture)
    draw.ellipse((sun_x - sun, sun_y - sun, sun_x + sun, sun_y + sun), fill=(255, 236, 150))
    step = int(40 * unit)
    for layer in range(3):  # hills, the far ones paler
        shade = tuple(min(255, int(c + (2 - layer) * 40)) for c in land)
        base = height * (0.55 + layer * 0.1)
        points = [(0, height)] + [
            (x, base - step * math.sin(x / ((180 + 60 * layer) * unit) + variant + layer * 1.7))
            for x in range(0, width + step, step)
        ]
        draw.polygon(points + [(width, height)], fill=shade)
    _draw_motif(draw, motif, width // 2, int(height * 0.45), height * 0.42, accent, land)

    band_height = int(210 * unit)
    band = Image.new("RGBA", (width, band_height), (20, 20, 24, 175))
    picture.paste(band, (0, height - band_height), band)
    title_face, label_face = font(round(50 * unit), bold=True), font(round(28 * unit))
    # Centred within the middle 4:3 of the picture, which the gallery's and lists' thumbnails keep.
    y = height - 192 * unit
    for line in _wrap(draw, caption, title_face, height * 4 // 3 - 120 * unit):
        draw.text((width // 2, y), line, font=title_face, fill=(255, 255, 255), anchor="ma")
        y += 62 * unit
    draw.text((width // 2, height - 50 * unit), LABEL, font=label_face, fill=(255, 222, 120), anchor="ma")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def _stored_image(title: str, filename: str, draw):
    """The image titled ``title``, drawn and saved the first time only (a second seed finds it)."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        image.file = ImageFile(io.BytesIO(draw()), name=filename)
        image.save()
    return image


def _palette(page: Page) -> int:
    field_id = getattr(page, "field_id", None)
    return field_id if field_id is not None else len(PALETTES) - 1


def _motif(page: Page) -> Motif:
    field = getattr(page, "field", None)
    return MOTIFS[MOTIF_BY_FIELD.get(field.slug, "star") if field is not None else "star"]


def photos_for(page: Page, gallery_size: int) -> tuple[tuple, list[tuple]]:
    """The page's hero (image, alt) and gallery [(image, alt, caption)], drawn once each."""
    motif, palette = _motif(page), _palette(page)
    caption = page.title
    hero = _stored_image(
        f"{TITLE_PREFIX} – {page.slug}",
        f"mau-{page.slug[:60]}.jpg",
        lambda: draw_photo(caption, motif.name, palette),
    )
    hero_alt = f"Ảnh minh họa: {motif.description}, kèm dòng chữ “{caption}”"
    gallery = []
    for number, text in enumerate(GALLERY_CAPTIONS[:gallery_size], start=1):
        image = _stored_image(
            f"{TITLE_PREFIX} – {page.slug} – {number}",
            f"mau-{page.slug[:60]}-{number}.jpg",
            lambda text=text, number=number: draw_photo(text, motif.name, palette + number, variant=number),
        )
        gallery.append((image, f"Ảnh minh họa: {motif.description}, kèm dòng chữ “{text}”", text))
    return (hero, hero_alt), gallery


def _apply(page: Page, hero: tuple, gallery: list[tuple]) -> None:
    page.hero_image, page.hero_image_alt = hero
    photo = page.gallery_images.model
    page.gallery_images = [
        photo(image=image, alt=alt, caption=caption, sort_order=order)
        for order, (image, alt, caption) in enumerate(gallery)
    ]


def illustrate(page: Page, hero: tuple, gallery: list[tuple], user: AbstractBaseUser) -> None:
    """Give an existing page its photos in its live content and its latest draft, keeping its dates.

    A live page publishes a revision with them (its newer draft, if any, is saved again on top with
    them too); a page that is not live has them in its row, which the reference index reads, and in
    a new revision.
    """
    if not page.live:
        _apply(page, hero, gallery)
        page.save()
        page.save_revision(user=user)
        return
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else None
    published_at = page.last_published_at
    _apply(page, hero, gallery)
    page.save_revision(user=user).publish(user=user)
    Page.objects.filter(pk=page.pk).update(last_published_at=published_at)
    if draft is not None:
        _apply(draft, hero, gallery)
        draft.save_revision(user=draft.owner or user)


def gallery_size(slug: str) -> int:
    """How many gallery photos a demo page gets: 2 to 4 for about one page in six (by its slug), else none."""
    number = zlib.crc32(slug.encode())
    return 2 + (number // 6) % 3 if number % 6 == 0 else 0


def give_photos(page: Page) -> None:
    """A new demo page's hero and gallery, set before it is first saved (so they are in its first revision)."""
    hero, gallery = photos_for(page, gallery_size(page.slug))
    _apply(page, hero, gallery)


def seed_images(admin: AbstractBaseUser) -> StageCount:
    """Every demo story and movement still without a hero image gets one (and a few a gallery).

    New demo pages have theirs from `give_photos`; this is for a database seeded before the photos.
    """
    count = StageCount("Ảnh minh họa / Demo images")
    pages = [
        *MovementPage.objects.order_by("path"),
        *ExemplarStoryPage.objects.select_related("field").order_by("path"),
    ]
    before = get_image_model().objects.filter(title__startswith=TITLE_PREFIX).count()
    for page in pages:
        missing = page.hero_image_id is None
        count.saw(missing)
        if missing:
            hero, gallery = photos_for(page, gallery_size(page.slug))
            illustrate(page, hero, gallery, admin)
    count.extra["ảnh / images"] = get_image_model().objects.filter(title__startswith=TITLE_PREFIX).count() - before
    return count

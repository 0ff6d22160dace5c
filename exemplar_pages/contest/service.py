"""Taking a contest entry: the rules the page's form and the API share.

`submit_entry` checks, in this order, that the contest is open (else `ContestClosed`), that the
fields and photos are valid (else Django's `ValidationError`, by field), that the address has not
sent too many entries lately (else `TooManyEntries`, with the seconds to wait), then saves the entry
and its photos in one transaction. Each photo is opened and verified with Pillow (JPEG, PNG or WebP
only), limited in bytes and pixels, turned upright and re-encoded without any metadata: the EXIF
block, and with it the GPS location a phone writes, never reaches the storage.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from cms.throttling import FixedWindowCounter

from ..consultation.service import ConsultationClosed, TooManyComments, clean_contact, null_character_errors
from ..models import ContestEntry, ContestEntryPhoto, ContestPage

counter = FixedWindowCounter("contest-entries")

#: Pillow's format names of the photos taken, and the file extension each is stored with.
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PHOTOS = 5
MIN_TEXT, MAX_TEXT = 200, 20000


class ContestClosed(ConsultationClosed):
    """The contest is not taking entries (not yet open, or closed)."""

    @property
    def message(self) -> str:
        if self.state == "upcoming":
            return _("The contest has not started yet: entries are accepted from %(date)s.") % {
                "date": self.consultation.opens_on.strftime("%d/%m/%Y")
            }
        return _("The contest closed for entries on %(date)s; no more entries are accepted.") % {
            "date": self.consultation.closes_on.strftime("%d/%m/%Y")
        }


class TooManyEntries(TooManyComments):
    @property
    def message(self) -> str:
        minutes = max(1, round(self.retry_after / 60))
        return _("Your address has sent many entries in a short time. Please try again in about %(m)s minutes.") % {
            "m": minutes
        }


def entry_limit() -> tuple[int, int]:
    """At most this many entries from one address in this many seconds (0 turns the limit off)."""
    return (
        int(getattr(settings, "CONTEST_ENTRY_LIMIT", 3)),
        int(getattr(settings, "CONTEST_ENTRY_WINDOW", 3600)),
    )


def photo_max_bytes() -> int:
    return int(getattr(settings, "CONTEST_PHOTO_MAX_BYTES", 5 * 1024 * 1024))


def photo_max_side() -> int:
    return int(getattr(settings, "CONTEST_PHOTO_MAX_SIDE", 6000))


@dataclass
class CleanPhoto:
    """A photo checked and re-encoded without metadata, ready to store."""

    name: str
    content: bytes
    extension: str
    width: int
    height: int


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


def clean_photo(upload, number: int) -> CleanPhoto:
    """The upload as a clean image, or ValidationError naming the photo by its number and file name."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    name = getattr(upload, "name", "") or f"ảnh {number}"
    label = _("Photo %(n)s (“%(name)s”)") % {"n": number, "name": name}
    if upload.size > photo_max_bytes():
        raise ValidationError(
            _("%(label)s is %(size)s MB, over the %(max)s MB limit.")
            % {"label": label, "size": megabytes(upload.size), "max": megabytes(photo_max_bytes())},
            code="too_large",
        )
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            probe.verify()
        if image_format not in PHOTO_FORMATS:
            raise UnidentifiedImageError(image_format)
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if max(width, height) > photo_max_side():
            raise ValidationError(
                _("%(label)s is %(w)s × %(h)s pixels, over the limit of %(max)s pixels per side.")
                % {"label": label, "w": width, "h": height, "max": photo_max_side()},
                code="too_large",
            )
        image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("%(label)s is not a valid JPEG, PNG or WebP image.") % {"label": label}, code="not_an_image"
        ) from None
    upright = ImageOps.exif_transpose(image)  # keep the orientation the EXIF block gave, then drop the block
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    clean = upright.copy()
    clean.info = {}
    output = io.BytesIO()
    options = {"quality": 88, "optimize": True} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    clean.save(output, format=image_format, **options)
    return CleanPhoto(name[:255], output.getvalue(), PHOTO_FORMATS[image_format], clean.width, clean.height)


def validate_entry(contest: ContestPage, data: dict, photos: list) -> tuple[ContestEntry, list[CleanPhoto]]:
    """An unsaved entry from `data` and its cleaned photos, or ValidationError by field."""
    errors: dict[str, list[str]] = null_character_errors(data)
    if errors:
        raise ValidationError(errors)
    text = (data.get("text") or "").strip()
    required = {
        "author_name": _("Enter your full name."),
        "subject_name": _("Enter the name of the good person you are writing about."),
        "title": _("Give your article a title."),
    }
    values = {name: (data.get(name) or "").strip() for name in (*required, "author_locality")}
    for name, message in required.items():
        if not values[name]:
            errors[name] = [message]
    try:
        contact = clean_contact(data.get("contact", ""))
    except ValidationError as error:
        errors["contact"] = error.messages
        contact = ""
    if len(text) < MIN_TEXT:
        errors["text"] = [
            _("The article needs at least %(n)s characters (it has %(len)s).") % {"n": MIN_TEXT, "len": len(text)}
        ]
    elif len(text) > MAX_TEXT:
        errors["text"] = [
            _("The article may be at most %(n)s characters long (it has %(len)s).") % {"n": MAX_TEXT, "len": len(text)}
        ]
    if data.get("consent") not in (True, "on", "true", "1", 1):
        errors["consent"] = [_("Please agree to the rules and allow the agency to use the article and photos.")]
    photos = [photo for photo in photos or [] if photo]
    cleaned: list[CleanPhoto] = []
    if len(photos) > MAX_PHOTOS:
        errors["photos"] = [
            _("You can send at most %(n)s photos (you chose %(count)s).") % {"n": MAX_PHOTOS, "count": len(photos)}
        ]
    else:
        for number, upload in enumerate(photos, start=1):
            try:
                cleaned.append(clean_photo(upload, number))
            except ValidationError as error:
                errors.setdefault("photos", []).extend(error.messages)
    entry = ContestEntry(contest=contest, contact=contact, text=text, consent=not errors.get("consent"), **values)
    try:
        entry.full_clean(exclude=[*errors, "contest", "story"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return entry, cleaned


def save_entry(entry: ContestEntry, photos: list[CleanPhoto]) -> ContestEntry:
    """The entry and its photos, all or nothing (files already written are removed if saving fails)."""
    written: list[ContestEntryPhoto] = []
    try:
        with transaction.atomic():
            entry.save()
            for order, photo in enumerate(photos):
                stored = ContestEntryPhoto(
                    entry=entry, original_name=photo.name, width=photo.width, height=photo.height, sort_order=order
                )
                stored.file.save(f"photo.{photo.extension}", ContentFile(photo.content), save=False)
                written.append(stored)
                stored.save()
    except Exception:
        for stored in written:
            stored.file.delete(save=False)
        raise
    return entry


def submit_entry(contest: ContestPage, data: dict, photos: list, address: str) -> ContestEntry:
    """Save a citizen's entry if the contest is open and the address is not flooding."""
    state = contest.state()
    if state != "open":
        raise ContestClosed(contest, state)
    entry, cleaned = validate_entry(contest, data, photos)
    limit, window = entry_limit()
    if limit and counter.hit(address or "unknown", window) > limit:
        raise TooManyEntries(counter.retry_after(address or "unknown", window))
    return save_entry(entry, cleaned)

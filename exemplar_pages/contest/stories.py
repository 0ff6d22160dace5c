"""Turning an entry into a draft `ExemplarStoryPage` under the contest's unit: title, the good person,
summary and body from the entry's text, its photos as the gallery (the editors pick a hero image). All or nothing.

The draft follows "Duyệt đăng" like any page (the workflow sits on the site root): it is not
published here. The photos become Wagtail images in the private collection; like every image, they
are served to anonymous readers only once a public page uses them (`exemplar_pages.files`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from ..files import private_collection
from ..models import ContestEntry, ExemplarStoryPage, Field, Locality, StoryGalleryImage, SubjectType, UnitPage
from ..models.mixins import in_order

SUMMARY_LENGTH = 600


@dataclass
class StoryChoices:
    """What the office chooses when it turns an entry into a story (the rest comes from the entry)."""

    title: str
    subject_name: str
    subject_type: str
    field: Field
    locality: Locality
    year: int


def summary_of(text: str) -> str:
    """The first paragraph, cut at a word before `SUMMARY_LENGTH` characters."""
    first = text.strip().split("\n")[0].strip()
    if len(first) <= SUMMARY_LENGTH:
        return first
    return first[:SUMMARY_LENGTH].rsplit(" ", 1)[0].rstrip(",.;:") + " …"


def body_of(text: str) -> list[dict]:
    """One paragraph block per paragraph of the entry's text (blank lines or single line breaks)."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n|\n", text) if part.strip()]
    return [{"type": "paragraph", "value": f"<p>{html.escape(part, quote=False)}</p>"} for part in paragraphs]


def photo_alt(subject_name: str, entry_title: str, number: int) -> str:
    return _("Photo %(n)s of %(name)s, sent with the contest entry “%(title)s”") % {
        "n": number,
        "name": subject_name,
        "title": entry_title,
    }


def turn_into_story(entry: ContestEntry, choices: StoryChoices, user) -> ExemplarStoryPage:
    """A draft story of the entry under its contest's unit; the entry is marked and linked to it."""
    unit = UnitPage.objects.filter(pk=entry.contest.get_parent().pk).first()
    if unit is None:
        raise ValidationError(_("The contest is not under any unit page: there is nowhere to put the story."))
    Image = get_image_model()
    with transaction.atomic():
        # One click wins; lock the entry's row only (PostgreSQL cannot lock the outer-joined story).
        entry = ContestEntry.objects.select_for_update(of=("self",)).select_related("story").get(pk=entry.pk)
        if entry.story_id:
            raise ValidationError(
                _("This entry has already become the exemplar story “%(t)s”.") % {"t": entry.story.title}
            )
        images = []
        collection = private_collection()
        for number, photo in enumerate(entry.photos.all(), start=1):
            with photo.file.open("rb") as source:
                image = Image(
                    title=_("Contest entry %(id)s – photo %(n)s") % {"id": entry.pk, "n": number},
                    file=ImageFile(source, name=f"bai-du-thi-{entry.pk}-{number}.{photo.file.name.rsplit('.', 1)[-1]}"),
                    collection=collection,
                    uploaded_by_user=user,
                )
                image.save()
            images.append((image, photo_alt(choices.subject_name, entry.title, number)))
        story = ExemplarStoryPage(
            title=choices.title,
            subject_name=choices.subject_name,
            subject_type=choices.subject_type or SubjectType.INDIVIDUAL,
            field=choices.field,
            locality=choices.locality,
            year=choices.year,
            summary=summary_of(entry.text),
            body=body_of(entry.text),
            owner=user,
            live=False,
        )
        story.gallery_images = in_order([StoryGalleryImage(image=image, alt=alt) for image, alt in images])
        unit.add_child(instance=story)
        story.save_revision(user=user, log_action=True)
        entry.story = story
        entry.status = ContestEntry.Status.STORY
        entry.save(update_fields=["story", "status"])
    return story

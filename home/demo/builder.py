"""Helpers shared by the demo stages: counters, page lookup and creation, publication, rich text."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser
from wagtail.models import Page

from cms.vietnamese import vietnamese_slugify
from search.indexing import reindex_pages

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass
class StageCount:
    """How many objects a stage saw, and how many of them it created."""

    label: str
    total: int = 0
    created: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    def saw(self, created: bool) -> None:
        """Count one object, created now or found from an earlier run."""
        self.total += 1
        self.created += int(created)

    def line(self) -> str:
        """One progress line, e.g. “Địa bàn / Localities: 96 (mới 96)”."""
        details = "".join(f", {name} {value}" for name, value in self.extra.items())
        return f"{self.label}: {self.total} (mới / new {self.created}{details})"


def paragraph(text: str) -> str:
    """Escape plain text and wrap it in a paragraph for a rich-text block."""
    return f"<p>{html.escape(' '.join(text.split()), quote=False)}</p>"


def story_blocks(body: Iterable[object]) -> list[dict]:
    """Expand the stories file's compact body (text, {h}, {q, by}, {ul}) into StreamField data."""
    blocks: list[dict] = []
    for item in body:
        if isinstance(item, str):
            blocks.append({"type": "paragraph", "value": paragraph(item)})
        elif "h" in item:
            blocks.append({"type": "heading", "value": {"level": "3", "number": "", "text": item["h"]}})
        elif "q" in item:
            blocks.append({"type": "quote", "value": {"quote": item["q"], "attribution": item.get("by", "")}})
        elif "ul" in item:
            blocks.append({"type": "bullet_list", "value": list(item["ul"])})
    return blocks


def aware(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """A Vietnam-time datetime on a given day."""
    return datetime.combine(day, time(hour, minute), tzinfo=VIETNAM_TZ)


def find_child(parent: Page, slug: str) -> Page | None:
    """The specific child page of ``parent`` with this slug, if any."""
    page = Page.objects.child_of(parent).filter(slug=slug).first()
    return page.specific if page else None


def add_page(
    parent: Page,
    page: Page,
    *,
    user: AbstractBaseUser,
    publish: bool = True,
    published_at: datetime | None = None,
    before_publish: Callable[[Page], None] | None = None,
) -> Page:
    """Add ``page`` under ``parent`` as ``user`` and publish it (dated ``published_at``) unless told not to.

    ``before_publish`` runs once the page is in the tree and before anything is published,
    e.g. to put a view restriction on it so that it is never public, even for a moment.
    """
    if not page.slug:
        page.slug = vietnamese_slugify(page.title, max_length=240)
    page.live = False
    page.owner = page.owner if page.owner_id else user
    if published_at is not None:
        page.first_published_at = published_at
    parent.add_child(instance=page)
    if before_publish is not None:
        before_publish(page)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
        if published_at is not None:
            # Back-dating bypasses the publication signals: tell the search index itself.
            Page.objects.filter(pk=page.pk).update(first_published_at=published_at, last_published_at=published_at)
            reindex_pages([page.pk])
        page.refresh_from_db()
    return page

"""Demo exemplar stories, read from ``stories.json``, with their awards, tags and visibility states."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from wagtail.models import Page, PageViewRestriction

from cms.vietnamese import vietnamese_slugify
from exemplar_pages.models import Award, ExemplarStoryPage, Field, Locality, MovementPage, StoryAward, UnitPage

from .builder import StageCount, add_page, aware, story_blocks
from .images import give_photos

STORIES_FILE = Path(__file__).with_name("stories.json")

#: Visibility states the demo leaves on purpose (DESIGN §4): never-published drafts, a published
#: story with a newer unapproved draft, a story behind a login restriction, an expired story.
DRAFT, NEWER_DRAFT, PRIVATE, EXPIRED = "draft", "newer_draft", "private", "expired"
DRAFT_MARK = "BẢN NHÁP"


def load_stories() -> list[dict]:
    """The demo stories as written in ``stories.json``."""
    return json.loads(STORIES_FILE.read_text(encoding="utf-8"))


def story_slug(spec: dict) -> str:
    """The story's slug: explicit, or its folded title cut at a word boundary."""
    if spec.get("slug"):
        return spec["slug"]
    slug = vietnamese_slugify(spec["title"], max_length=90)
    return slug.rsplit("-", 1)[0] if len(slug) == 90 else slug


def published_on(spec: dict, index: int) -> date:
    """A realistic publication day inside the story's year and quarter."""
    quarter = spec.get("quarter") or (index % 4) + 1
    return date(spec["year"], 3 * (quarter - 1) + 1 + index % 3, 2 + (index * 7) % 26)


def seed_stories(
    units: dict[str, UnitPage],
    movements: dict[str, MovementPage],
    localities: dict[str, Locality],
    admin: AbstractBaseUser,
) -> tuple[list[ExemplarStoryPage], StageCount]:
    """Create every story under its movement (when its unit launched it) or its unit."""
    count = StageCount("Gương điển hình / Stories")
    fields = {field.slug: field for field in Field.objects.all()}
    awards = {award.slug: award for award in Award.objects.all()}
    stories: list[ExemplarStoryPage] = []
    specs = load_stories()
    for index, spec in enumerate(specs):
        slug = story_slug(spec)
        page = ExemplarStoryPage.objects.filter(slug=slug).first()
        count.saw(page is None)
        if page is None:
            page = _create(spec, slug, index, units, movements, localities, fields, awards, admin)
        stories.append(page)
    states = [spec.get("state") for spec in specs]
    for state in (DRAFT, NEWER_DRAFT, PRIVATE, EXPIRED):
        count.extra[state] = states.count(state)
    return stories, count


def _parent(spec: dict, units: dict[str, UnitPage], movement: MovementPage | None) -> Page:
    """The movement page when the story's unit launched that movement, else the unit page."""
    unit = units[spec["unit"]]
    if movement is not None and movement.get_parent().pk == unit.pk:
        return movement
    return unit


def _create(
    spec: dict,
    slug: str,
    index: int,
    units: dict[str, UnitPage],
    movements: dict[str, MovementPage],
    localities: dict[str, Locality],
    fields: dict[str, Field],
    awards: dict[str, Award],
    admin: AbstractBaseUser,
) -> ExemplarStoryPage:
    """Build, add and publish (or not) one story according to its state."""
    movement = movements[spec["movement"]] if spec.get("movement") else None
    parent = _parent(spec, units, movement)
    owner = units[spec["unit"]].owner
    state = spec.get("state")
    when = aware(published_on(spec, index), 8 + index % 9, (index * 13) % 60)
    page = ExemplarStoryPage(
        slug=slug,
        title=spec["title"],
        subject_name=spec["subject_name"],
        subject_type=spec["subject_type"],
        field=fields[spec["field"]],
        locality=localities[spec["locality"]],
        movement=movement,
        year=spec["year"],
        quarter=spec.get("quarter"),
        summary=spec["summary"],
        body=story_blocks(spec["body"]),
        owner=owner,
    )
    page.awards = [
        StoryAward(award=awards[item["award"]], year=item.get("year"), conferred_by=item.get("by", ""))
        for item in spec.get("awards", [])
    ]
    page.tags.add(*spec.get("tags", []))
    give_photos(page)
    if state == EXPIRED:
        page.expire_at = when + timedelta(days=120)

    def restrict(page: Page) -> None:
        """Put the story behind a login before it is first published."""
        PageViewRestriction.objects.get_or_create(page=page, restriction_type=PageViewRestriction.LOGIN)

    if state == DRAFT:
        return add_page(parent, page, user=owner, publish=False)
    page = add_page(parent, page, user=admin, published_at=when, before_publish=restrict if state == PRIVATE else None)
    if state == NEWER_DRAFT:
        page.title = f"{page.title} ({DRAFT_MARK})"
        page.save_revision(user=owner, log_action=True)
    elif state == EXPIRED:
        page.unpublish(set_expired=True, user=admin, log_action="wagtail.unpublish.scheduled")
    return page

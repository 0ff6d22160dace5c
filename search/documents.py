"""The one document builder both backends index: page → plain dict (DESIGN §5).

A document carries display fields, facet keys and the searchable text twice:
lower-cased tokens with their diacritics, and the same tokens folded by
`cms.vietnamese.fold_vietnamese`. Only live pages without a view restriction
(on themselves or an ancestor) get a document; everything else has none.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import get_text_for_indexing

from cms.vietnamese import fold_vietnamese, vietnamese_slugify
from exemplar_pages.models import (
    Award,
    ExemplarStoryPage,
    Field,
    Locality,
    MovementPage,
    PlanPage,
    StoryAward,
    StoryTag,
)

#: Page models the service indexes, by their name in the search contract.
CONTENT_TYPES: dict[str, type[Page]] = {"exemplar": ExemplarStoryPage, "plan": PlanPage, "movement": MovementPage}
FACETS = ("field", "locality", "movement", "subject_type", "year", "award")
#: Filters that are not facets: the content type, and the column criterion on tags.
FILTER_KEYS = ("type", *FACETS, "tag")
MAX_TEXT_CHARS = 50_000
MAX_CONTENT_CHARS = 5_000
_TOKEN = re.compile(r"\w+")
_SKIPPED_BLOCK_KEYS = {"id", "type", "level", "image"}


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens of a text, after NFC normalisation."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text or "").lower())


def token_string(text: str) -> str:
    """The tokens of a text joined by single spaces."""
    return " ".join(tokenize(text))


def padded(parts: Iterable[str]) -> str:
    """Token strings as one column value: spaces at both ends, “ | ” between parts."""
    return " " + " | ".join(part for part in parts if part) + " "


def content_type_of(page: Page) -> str | None:
    """The contract's name of a page's type, or None when the service does not index it."""
    for name, model in CONTENT_TYPES.items():
        if isinstance(page, model):
            return name
    return None


def stream_text(value: Any) -> list[str]:
    """Every piece of text in StreamField raw data, without HTML tags."""
    found: list[str] = []
    if isinstance(value, str):
        text = get_text_for_indexing(value) if "<" in value or "&" in value else value
        if text.strip():
            found.append(" ".join(text.split()))
    elif isinstance(value, dict):
        if "type" in value and "value" in value:
            found += stream_text(value["value"])
        else:
            for key, child in value.items():
                if key not in _SKIPPED_BLOCK_KEYS:
                    found += stream_text(child)
    elif isinstance(value, (list, tuple)):
        for child in value:
            found += stream_text(child)
    return found


def checksum(document: dict) -> str:
    """A stable fingerprint of a document, to tell stale index entries."""
    payload = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(payload.encode(), usedforsecurity=False).hexdigest()


def _reference(value: dict | None, keys: tuple[str, ...]) -> dict | None:
    return {key: value[key] for key in keys} if value else None


def result_fields(document: dict) -> dict:
    """A document as `/api/v3/search/` lists it: the fields of `SearchHit` (DESIGN §6) but the highlight, in order."""
    return {
        "id": document["id"],
        "type": document["type"],
        "title": document["title"],
        "url": document["url"],
        "summary": document.get("summary") or "",
        "subject_type": document.get("subject_type") or None,
        "year": document.get("year"),
        "field": _reference(document.get("field"), ("slug", "name")),
        "locality": _reference(document.get("locality"), ("slug", "name", "path")),
        "movement": _reference(document.get("movement"), ("slug", "name")),
    }


class DocumentBuilder:
    """Builds documents for a batch of pages, loading taxonomies and visibility once."""

    def __init__(self) -> None:
        self.localities = {
            loc.pk: loc for loc in Locality.objects.only("pk", "slug", "name", "tree_path", "successor_id")
        }
        self.fields = {field.pk: field for field in Field.objects.all()}
        self.awards = {award.pk: award for award in Award.objects.all()}
        self.public_movements = {
            movement.pk: movement for movement in MovementPage.objects.live().public().only("pk", "slug", "title")
        }
        self.restricted_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        self._covering: dict[int, list[Locality]] = {}

    def build_many(self, pages: Iterable[Page]) -> dict[int, dict | None]:
        """Documents by page id (None for a page that must not be in the index)."""
        pages = [specific for specific in map(_specific_or_none, pages) if specific is not None]
        story_ids = [page.pk for page in pages if isinstance(page, ExemplarStoryPage)]
        awards: dict[int, list[int]] = defaultdict(list)
        for story_id, award_id in StoryAward.objects.filter(story_id__in=story_ids).values_list("story_id", "award_id"):
            awards[story_id].append(award_id)
        tags: dict[int, list[str]] = defaultdict(list)
        for story_id, name in StoryTag.objects.filter(content_object_id__in=story_ids).values_list(
            "content_object_id", "tag__name"
        ):
            tags[story_id].append(name)
        plan_movements: dict[int, list[int]] = defaultdict(list)
        through = PlanPage.movements.through
        plan_ids = [page.pk for page in pages if isinstance(page, PlanPage)]
        for plan_id, movement_id in through.objects.filter(planpage_id__in=plan_ids).values_list(
            "planpage_id", "movementpage_id"
        ):
            plan_movements[plan_id].append(movement_id)
        return {
            page.pk: self.build(page, awards.get(page.pk, []), tags.get(page.pk, []), plan_movements.get(page.pk, []))
            for page in pages
        }

    def is_visible(self, page: Page) -> bool:
        """Live and under no view restriction, on the page itself or an ancestor."""
        return page.live and not any(page.path.startswith(path) for path in self.restricted_paths)

    def covering_localities(self, locality_id: int | None) -> list[Locality]:
        """Localities whose filter includes this one: ancestors, and their successors' coverings."""
        if locality_id is None or locality_id not in self.localities:
            return []
        if locality_id in self._covering:
            return self._covering[locality_id]
        self._covering[locality_id] = []  # guards against successor cycles
        chain = [self.localities[int(pk)] for pk in self.localities[locality_id].tree_path.strip("/").split("/") if pk]
        found = {loc.pk: loc for loc in chain if loc}
        for ancestor in chain:
            if ancestor.successor_id:
                for loc in self.covering_localities(ancestor.successor_id):
                    found.setdefault(loc.pk, loc)
        self._covering[locality_id] = list(found.values())
        return self._covering[locality_id]

    def locality_display(self, locality_id: int | None) -> dict | None:
        """`{"slug", "name", "path"}` of a locality."""
        locality = self.localities.get(locality_id) if locality_id else None
        if locality is None:
            return None
        ids = [int(pk) for pk in locality.tree_path.strip("/").split("/") if pk]
        path = " › ".join(self.localities[pk].name for pk in ids if pk in self.localities)
        return {"slug": locality.slug, "name": locality.name, "path": path or locality.name}

    def build(self, page: Page, award_ids: list[int], tags: list[str], movement_ids: list[int]) -> dict | None:
        """The document of one specific page, or None when it must not be indexed."""
        kind = content_type_of(page)
        if kind is None or not self.is_visible(page):
            return None
        url = page.get_url()
        if url is None:
            return None
        facets: dict[str, list[str]] = {key: [] for key in FILTER_KEYS}
        facets["type"] = [kind]
        field = locality = movement = None
        parts: list[str] = [page.title]
        subject_type, year, years = "", None, []
        if isinstance(page, ExemplarStoryPage):
            field_obj = self.fields.get(page.field_id)
            field = {"slug": field_obj.slug, "name": field_obj.name} if field_obj else None
            locality = self.locality_display(page.locality_id)
            movement_obj = self.public_movements.get(page.movement_id)
            movement_ids = [movement_obj.pk] if movement_obj else []
            subject_type, year, years = page.subject_type, page.year, [page.year]
            award_objs = [self.awards[pk] for pk in dict.fromkeys(award_ids) if pk in self.awards]
            parts += [page.subject_name, page.summary]
            parts += stream_text(page.body.raw_data)
            parts += [field["name"] if field else "", locality["path"] if locality else ""]
            parts += [award.name for award in award_objs] + list(tags)
            facets["field"] = [field["slug"]] if field else []
            facets["subject_type"] = [page.subject_type]
            facets["award"] = [award.slug for award in award_objs]
            facets["tag"] = sorted({vietnamese_tag(tag) for tag in tags})
            facets["locality"] = [loc.slug for loc in self.covering_localities(page.locality_id)]
        elif isinstance(page, PlanPage):
            movement_ids = [pk for pk in movement_ids if pk in self.public_movements]
            year = page.issue_date.year if page.issue_date else page.period_start
            years = period_years(page.period_start, page.period_end) + (
                [page.issue_date.year] if page.issue_date else []
            )
            parts += [page.number, page.issuing_body, page.summary, *stream_text(page.sections.raw_data)]
        else:
            movement_ids = [page.pk]
            locality = self.locality_display(page.locality_id)
            year, years = page.period_start, period_years(page.period_start, page.period_end)
            parts += [page.slogan, page.summary, page.campaign, page.launching_body, get_text_for_indexing(page.body)]
            parts += [locality["path"] if locality else ""]
            facets["locality"] = [loc.slug for loc in self.covering_localities(page.locality_id)]
        movements = [self.public_movements[pk] for pk in movement_ids if pk in self.public_movements]
        if isinstance(page, MovementPage):
            movements = [page]
        if movements:
            movement = {"slug": movements[0].slug, "name": movements[0].title}
            parts += [m.title for m in movements if m.pk != page.pk]
        facets["movement"] = sorted({m.slug for m in movements})
        facets["year"] = [str(y) for y in sorted(set(years)) if y]
        text_parts = [token_string(part) for part in parts if part]
        text_parts = [part for part in text_parts if part]
        text_parts = _capped(text_parts, MAX_TEXT_CHARS)
        summary = getattr(page, "summary", "") or page.search_description or ""
        content = " ".join(p for p in [summary, *parts[1:]] if p)[:MAX_CONTENT_CHARS]
        return {
            "id": page.pk,
            "type": kind,
            "title": page.title,
            "url": url,
            "summary": summary,
            "content": content,
            "subject_type": subject_type,
            "year": year,
            "date": utc_iso(page.first_published_at),
            "expire_at": utc_iso(page.expire_at),
            "field": field,
            "locality": locality,
            "movement": movement,
            "facets": facets,
            "title_text": token_string(page.title),
            "title_folded": fold_vietnamese(token_string(page.title)),
            "text": text_parts,
            "folded": [fold_vietnamese(part) for part in text_parts],
        }


def _specific_or_none(page: Page) -> Page | None:
    """The specific page, or None when its specific row is gone (a page in the middle of being deleted)."""
    if type(page) is not Page:
        return page
    try:
        return page.specific
    except Exception:  # DoesNotExist, or a custom manager refusing the lookup
        return None


def utc_iso(moment: datetime | None) -> str | None:
    """A datetime in UTC to the second, so documents do not depend on how the page was loaded."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat() if moment else None


def vietnamese_tag(name: str) -> str:
    """The key of a tag: its folded slug, so `Bò sữa` and `bò sữa` are one tag."""
    return vietnamese_slugify(name)


def period_years(start: int | None, end: int | None, limit: int = 10) -> list[int]:
    """The years of a period, at most `limit` of them from the start."""
    if not start:
        return [end] if end else []
    end = end if end and end >= start else start
    return list(range(start, min(end, start + limit - 1) + 1))


def _capped(parts: list[str], limit: int) -> list[str]:
    """Keep parts until their total length reaches the limit."""
    kept, total = [], 0
    for part in parts:
        if total + len(part) > limit:
            kept.append(part[: max(limit - total, 0)].rsplit(" ", 1)[0])
            break
        kept.append(part)
        total += len(part)
    return [part for part in kept if part]


def build_documents(pages: Iterable[Page]) -> dict[int, dict | None]:
    """Documents of some pages by id; None for those that must not be indexed."""
    return DocumentBuilder().build_many(pages)


def indexable_pages():
    """Every page of an indexed type that may have a document (live ones), lightest first."""
    return Page.objects.live().type(*CONTENT_TYPES.values()).order_by("pk")

"""The one document builder both backends index: page → plain dict with its result fields, facet keys and
text as lower-case tokens, with diacritics and folded. Only live, unrestricted, searchable pages get one."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText, get_text_for_indexing

from cms.vietnamese import fold_for_search

from .registry import Batch, Searchable, facets, page_types

MAX_TEXT_CHARS = 50_000
MAX_CONTENT_CHARS = 5_000
_TOKEN = re.compile(r"\w+")


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens of a text, after NFC normalisation."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text or "").lower())


def token_string(text: str) -> str:
    """The tokens of a text joined by single spaces."""
    return " ".join(tokenize(text))


def padded(parts: Iterable[str]) -> str:
    """Token strings as one column value: spaces at both ends, “ | ” between parts."""
    return " " + " | ".join(part for part in parts if part) + " "


def searchable_text(value: Any) -> list[str]:
    """A field's plain texts by Wagtail's own extractors (not `strip_tags`); shared with the text-quality panel."""
    if value is None:
        return []
    if isinstance(value, StreamValue):
        texts = value.stream_block.get_searchable_content(value)
    elif isinstance(value, RichText):
        texts = [get_text_for_indexing(value.source)]
    else:
        texts = [get_text_for_indexing(str(value))]
    return [" ".join(text.split()) for text in texts if text and str(text).strip()]


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


def load_pages(page_ids: Iterable[int]) -> list[Page]:
    """The specific pages of these ids, each type with what its contribution reads prefetched."""
    by_type: dict[int, list[int]] = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=list(page_ids)).values_list("pk", "content_type_id"):
        by_type[content_type_id].append(pk)
    pages: list[Page] = []
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and issubclass(model, Searchable):
            pages += model.search_queryset(model.objects.filter(pk__in=ids))
    return pages


class DocumentBuilder:
    """Builds documents for batches of pages, sharing their taxonomy lookups and the view restrictions."""

    def __init__(self) -> None:
        self.restricted_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        self.batch = Batch()

    def build_many(self, pages: Iterable[Page]) -> dict[int, dict | None]:
        """Documents by page id (None for a page that must not be in the index)."""
        return {page.pk: self.build(page) for page in pages}

    def is_visible(self, page: Page) -> bool:
        """Live and under no view restriction, on the page itself or an ancestor."""
        return page.live and not any(page.path.startswith(path) for path in self.restricted_paths)

    def build(self, page: Page) -> dict | None:
        """The document of one specific page, or None when it must not be indexed."""
        if not isinstance(page, Searchable) or not page.search_type or not self.is_visible(page):
            return None
        url = page.get_url()
        if url is None:
            return None
        contribution = page.search_contribution(self.batch)
        keys = {key: list(dict.fromkeys(contribution.facets.get(key, []))) for key in facets()}
        parts = [page.title, *contribution.parts]
        text_parts = _capped([token for token in map(token_string, parts) if token], MAX_TEXT_CHARS)
        summary = contribution.summary or page.search_description or ""
        content = " ".join(part for part in [summary, *contribution.parts] if part)[:MAX_CONTENT_CHARS]
        return {
            "id": page.pk,
            "type": page.search_type,
            "title": page.title,
            "url": url,
            "summary": summary,
            "content": content,
            "subject_type": contribution.subject_type,
            "year": contribution.year,
            "date": utc_iso(page.first_published_at),
            "expire_at": utc_iso(page.expire_at),
            "field": contribution.field,
            "locality": contribution.locality,
            "movement": contribution.movement,
            "facets": {"type": [page.search_type], **keys},
            "title_text": token_string(page.title),
            "title_folded": fold_for_search(token_string(page.title)),
            "text": text_parts,
            "folded": [fold_for_search(part) for part in text_parts],
        }


def utc_iso(moment: datetime | None) -> str | None:
    """A datetime in UTC to the second, so documents do not depend on how the page was loaded."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat() if moment else None


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
    """Every page of a searchable type that may have a document (live ones), lightest first."""
    return Page.objects.live().type(*page_types().values()).order_by("pk")

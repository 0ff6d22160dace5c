"""The embedded backend: the `SearchDocument` table on SQLite or PostgreSQL.

Words match whole folded tokens with LIKE on space-padded token strings; the
rank classes are CASE expressions in SQL; facets are one GROUP BY over
`SearchFacet`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from ..documents import FACETS
from ..models import SearchDocument, SearchFacet
from ..query import SearchQuery
from .base import EXACT_PHRASE, EXACT_WORDS, FOLDED_PHRASE, TITLE_WORDS, RawResults, SearchBackend


def _all_tokens(column: str, tokens: list[str]) -> Q:
    condition = Q()
    for token in tokens:
        condition &= Q(**{f"{column}__contains": f" {token} "})
    return condition


def _weight(condition: Q, weight: int) -> Case:
    return Case(When(condition, then=Value(weight)), default=Value(0), output_field=IntegerField())


class DatabaseBackend(SearchBackend):
    """Search the documents stored in the project's database."""

    name = "database"

    def matching(self, query: SearchQuery) -> QuerySet:
        """Visible documents matching the filters and every folded word."""
        documents = SearchDocument.objects.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
        for key, values in query.clauses:
            if key == "type":
                documents = documents.filter(content_type__in=values)
            else:
                keyed = SearchFacet.objects.filter(facet=key, value__in=values).values("document_id")
                documents = documents.filter(pk__in=keyed)
        return documents.filter(_all_tokens("folded", query.folded_tokens))

    def search(self, query: SearchQuery) -> RawResults:
        documents = self.matching(query)
        if query.tokens:
            # One scan of the text: every match with its rank, sorted here; then the window's documents.
            matches = list(documents.annotate(score=self.score(query)).values_list("page_id", "score", "date"))
            oldest = datetime.min.replace(tzinfo=UTC)
            if query.effective_sort == "relevance":
                matches.sort(key=lambda row: (row[1], row[2] or oldest, row[0]), reverse=True)
            else:
                matches.sort(key=lambda row: (row[2] or oldest, row[0]), reverse=True)
            count = len(matches)
            window = [row[0] for row in matches[query.offset : query.offset + query.limit]]
            by_id = dict(SearchDocument.objects.filter(page_id__in=window).values_list("page_id", "document"))
            rows = [by_id[pk] for pk in window if pk in by_id]
        else:
            count = documents.count()
            ordered = documents.order_by(F("date").desc(nulls_last=True), "-page_id")
            rows = list(ordered.values_list("document", flat=True)[query.offset : query.offset + query.limit])
        facet_counts = self.facet_counts(documents.values("pk")) if query.with_facets and count else {}
        return RawResults(count=count, documents=rows, facet_counts=facet_counts)

    @staticmethod
    def score(query: SearchQuery):
        """The rank class of a match as a SQL expression (see `backends.base`)."""
        tokens, folded = query.tokens, query.folded_tokens
        return (
            _weight(Q(text__contains=f" {' '.join(tokens)} "), EXACT_PHRASE)
            + _weight(_all_tokens("text", tokens), EXACT_WORDS)
            + _weight(Q(folded__contains=f" {' '.join(folded)} "), FOLDED_PHRASE)
            + _weight(_all_tokens("title_folded", folded), TITLE_WORDS)
        )

    @staticmethod
    def facet_counts(matched: QuerySet) -> dict[str, dict[str, int]]:
        """Counts of every facet value among the matched documents, in one GROUP BY."""
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        rows = (
            SearchFacet.objects.filter(document_id__in=matched, facet__in=FACETS)
            .values_list("facet", "value")
            .annotate(count=Count("document_id"))
        )
        for facet, value, number in rows:
            counts[facet][value] = number
        return dict(counts)

    def indexed_checksums(self) -> dict[int, str]:
        return dict(SearchDocument.objects.values_list("page_id", "checksum"))

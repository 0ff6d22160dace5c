"""The index's vocabulary (`SearchWord`), kept in step with the term bags by counting what each stored bag
adds and what the bag it replaces (or a deleted one) held; `search_index rebuild` counts it afresh."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import connection

from cms.vietnamese import fold_for_search

from .fulltext import FOLDED, PAIR, TITLE
from .models import SearchDocument, SearchWord

BATCH = 300
TABLE = SearchWord._meta.db_table


def vocabulary_terms(bag: str) -> set[str]:
    """The terms of a bag the vocabulary counts: words as written and folded words (not pairs, not title words)."""
    return {term for term in bag.split() if PAIR not in term and not term.startswith(TITLE)}


def folded_key(term: str) -> str:
    return term[len(FOLDED) :] if term.startswith(FOLDED) else fold_for_search(term)


def apply(removed_bags: Iterable[str], added_bags: Iterable[str]) -> None:
    """Count the words of bags added to the index and discount those of bags it no longer holds."""
    delta: Counter[str] = Counter()
    for bag in removed_bags:
        delta.subtract(vocabulary_terms(bag))
    for bag in added_bags:
        delta.update(vocabulary_terms(bag))
    # In the terms' order: two processes indexing at once lock shared rows in one order, never in a cycle.
    changes = [(term, folded_key(term), number) for term, number in sorted(delta.items()) if number]
    if not changes:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(changes), BATCH):
            batch = changes[start : start + BATCH]
            cursor.execute(
                f"INSERT INTO {TABLE} (term, folded, documents) VALUES {', '.join(['(%s, %s, %s)'] * len(batch))} "  # noqa: S608
                f"ON CONFLICT (term) DO UPDATE SET documents = {TABLE}.documents + excluded.documents",
                [value for change in batch for value in change],
            )
        if any(number < 0 for _term, _folded, number in changes):
            cursor.execute(f"DELETE FROM {TABLE} WHERE documents <= 0")  # noqa: S608


def _in_chunks(column: str, keys: Iterable[str], *fields: str) -> list[tuple]:
    """`fields` of the vocabulary rows whose `column` is one of these keys (in chunks SQLite's parameter limit allows)."""
    keys = list(dict.fromkeys(keys))
    return [
        row
        for start in range(0, len(keys), 900)
        for row in SearchWord.objects.filter(**{f"{column}__in": keys[start : start + 900]}).values_list(*fields)
    ]


def frequencies(terms: Iterable[str]) -> dict[str, int]:
    """How many documents hold each of these terms (absent ones are left out)."""
    return dict(_in_chunks("term", terms, "term", "documents"))


def folding_to(folded_words: Iterable[str]) -> list[tuple[str, str, int]]:
    """`(term, folded, documents)` of every vocabulary term whose folded form is one of these."""
    return _in_chunks("folded", folded_words, "term", "folded", "documents")


def document_count() -> int:
    return SearchDocument.objects.count()

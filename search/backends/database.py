"""The embedded backend: the `SearchDocument` table on SQLite or PostgreSQL.

Words are looked up in the database's full-text index (`search.fulltext`:
FTS5 on SQLite, a GIN index on PostgreSQL), which answers page ids; filters,
counts, facets and ordering work on the in-memory snapshot of the index
(`search.snapshot`). Ranking uses the rank classes Elasticsearch uses
(`backends.base`); within a class, newest first.

Every rank class is a subset of the matches (a document with the exact words,
a phrase or the title words also holds the folded words), so a class is read
in the cheapest way: not at all when its terms are the match's own; on SQLite,
where FTS5 counts and subtracts cheaply, by a count when it holds none or all
of the matches, else as the smaller of the class or its complement. A phrase of three words or more is confirmed with a substring
test only for the documents that reach the requested page.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.utils import timezone

from .. import fulltext
from .. import snapshot as snapshots
from ..models import SearchDocument
from ..query import SearchQuery
from .base import EXACT_PHRASE, EXACT_WORDS, FOLDED_PHRASE, TITLE_WORDS, RawResults, SearchBackend

#: Documents confirmed per statement (bound parameters stay well under every database's limit).
CONFIRM_BATCH = 1000


@dataclass
class RankClass:
    """Documents holding some words (or their phrase), and the weight they add to a match's rank."""

    weight: int
    kind: str
    words: list[str]
    phrase: bool = False

    @property
    def terms(self) -> list[str]:
        return fulltext.terms_of(self.kind, self.words, self.phrase)

    @property
    def unconfirmed(self) -> bool:
        return fulltext.needs_confirmation(self.words, self.phrase)


def rank_classes(query: SearchQuery) -> list[RankClass]:
    tokens, folded = query.tokens, query.folded_tokens
    return [
        RankClass(EXACT_PHRASE, "text", tokens, phrase=True),
        RankClass(EXACT_WORDS, "text", tokens),
        RankClass(FOLDED_PHRASE, "folded", folded, phrase=True),
        RankClass(TITLE_WORDS, "title", folded),
    ]


@dataclass
class Matches:
    """The documents holding every folded word of a query, before filters."""

    terms: list[str]
    mask: np.ndarray
    total: int


class DatabaseBackend(SearchBackend):
    """Search the documents stored in the project's database."""

    name = "database"

    def search(self, query: SearchQuery) -> RawResults:
        snapshot = snapshots.current()
        mask = snapshot.visible(timezone.now())
        for key, values in query.clauses:
            mask &= snapshot.having(key, values)
        matches = None
        if query.folded_tokens and mask.any():
            terms = fulltext.terms_of("folded", query.folded_tokens)
            held = snapshot.holding(terms)
            matches = Matches(terms, held, int(np.count_nonzero(held)))
            mask &= matches.mask
        elif query.folded_tokens:
            mask[:] = False
        count = int(np.count_nonzero(mask))
        facet_counts = snapshot.facet_counts(mask) if query.with_facets and count else {}
        window: list[int] = []
        if count > query.offset:
            candidates = np.flatnonzero(mask)  # positions: newest first
            if query.effective_sort == "relevance" and matches is not None:
                candidates = self.ranked(query, snapshot, matches, candidates)
            window = snapshot.ids[candidates[query.offset : query.offset + query.limit]].tolist()
        return RawResults(count=count, page_ids=window, facet_counts=facet_counts)

    def ranked(
        self, query: SearchQuery, snapshot: snapshots.Snapshot, matches: Matches, candidates: np.ndarray
    ) -> np.ndarray:
        """The candidates ordered by rank class, then newest first, correct down to the requested page."""
        scores = np.zeros(snapshot.size, dtype=np.int32)
        read: dict[tuple[str, ...], np.ndarray] = {}
        pending: list[tuple[RankClass, np.ndarray]] = []
        classes, every_match_exact = rank_classes(query), False
        for rank_class in classes:
            terms = tuple(rank_class.terms)
            if terms not in read and rank_class.weight in (EXACT_WORDS, FOLDED_PHRASE) and every_match_exact:
                read[terms] = matches.mask.copy()  # a document with the exact phrase has the words and their folds
            if terms not in read:
                read[terms] = self.members(snapshot, matches, list(terms))
            if rank_class is classes[0]:
                every_match_exact = not rank_class.unconfirmed and np.array_equal(read[terms], matches.mask)
            scores[read[terms]] += rank_class.weight
            if rank_class.unconfirmed:
                pending.append((rank_class, read[terms]))
        need = query.offset + query.limit
        confirmed = np.zeros(snapshot.size, dtype=bool)
        while True:
            order = candidates[np.argsort(-scores[candidates], kind="stable")]
            top = order[:need]
            unsure = top[~confirmed[top]]
            if not pending or not len(unsure):
                return order
            confirmed[unsure] = True
            for rank_class, members in pending:
                for start in range(0, len(unsure), CONFIRM_BATCH):
                    positions = unsure[start : start + CONFIRM_BATCH]
                    positions = positions[members[positions]]
                    held = fulltext.confirm_phrase(rank_class.kind, rank_class.words, snapshot.ids[positions].tolist())
                    failed = [position for position in positions if int(snapshot.ids[position]) not in held]
                    scores[failed] -= rank_class.weight
                    members[failed] = False

    @staticmethod
    def members(snapshot: snapshots.Snapshot, matches: Matches, terms: list[str]) -> np.ndarray:
        """The mask of matches that also hold these terms, read the cheapest way (a rank class: a subset of them).

        Being a subset of the matches, it is the mask of every document holding the terms: a broad one
        is kept with the snapshot like any broad word's.
        """
        if set(terms) <= set(matches.terms):
            return matches.mask.copy()
        kept = snapshot.cached(terms)
        if kept is not None:
            return matches.mask & kept
        found = DatabaseBackend.read_members(snapshot, matches, terms)
        snapshot.remember(terms, found.copy())
        return found

    @staticmethod
    def read_members(snapshot: snapshots.Snapshot, matches: Matches, terms: list[str]) -> np.ndarray:
        if not fulltext.complement_is_cheap():  # counting costs as much as reading: read
            return matches.mask & snapshot.holding(terms)
        number = fulltext.count_holding(terms)  # a subset of the matches: no need to repeat their terms
        if number == 0:
            return np.zeros(snapshot.size, dtype=bool)
        if number == matches.total:
            return matches.mask.copy()
        if number <= matches.total // 2:
            return matches.mask & snapshot.holding(terms)
        return matches.mask & ~snapshot.mask_of(fulltext.holding(matches.terms, excluding=terms))

    def indexed_checksums(self) -> dict[int, str]:
        return dict(SearchDocument.objects.values_list("page_id", "checksum"))

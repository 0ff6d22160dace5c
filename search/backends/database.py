"""The embedded backend: each clause of the plan is a term looked up in the database's full-text index
(`search.fulltext`); filters, scores, facet counts and order work on the snapshot (`search.snapshot`)."""

from __future__ import annotations

import numpy as np
from django.utils import timezone

from .. import relevance
from .. import snapshot as snapshots
from ..models import SearchDocument
from ..query import SearchQuery
from . import RawResults, SearchBackend


class DatabaseBackend(SearchBackend):
    """Search the documents stored in the project's database."""

    name = "database"

    def search(self, query: SearchQuery) -> RawResults:
        snapshot = snapshots.current()
        mask = snapshot.visible(timezone.now())
        for key, values in query.clauses:
            mask &= snapshot.having(key, values)
        scores = None
        if query.tokens:
            scores, matched = self.scored(relevance.plan(query.tokens), snapshot) if mask.any() else (None, None)
            if matched is None:
                mask[:] = False
            else:
                mask &= matched
        count = int(np.count_nonzero(mask))
        facet_counts = snapshot.facet_counts(mask) if query.with_facets and count else {}
        window: list[int] = []
        if count > query.offset:
            candidates = np.flatnonzero(mask)  # positions: newest first
            if query.effective_sort == "relevance" and scores is not None:
                candidates = candidates[np.argsort(-scores[candidates], kind="stable")]
            window = snapshot.ids[candidates[query.offset : query.offset + query.limit]].tolist()
        return RawResults(count=count, page_ids=window, facet_counts=facet_counts)

    @staticmethod
    def scored(plan: relevance.Plan, snapshot: snapshots.Snapshot) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Every document's score, and the mask of those holding enough of the plan's slots."""
        if plan.empty:
            return None, None
        scores = np.zeros(snapshot.size, dtype=np.int64)
        held = np.zeros(snapshot.size, dtype=np.int16)
        for slot in plan.slots:
            slot_mask = np.zeros(snapshot.size, dtype=bool)
            for clause in slot:
                found = snapshot.holding([clause.term])
                scores[found] += clause.weight
                slot_mask |= found
            held += slot_mask
        for clause in plan.bonuses:
            scores[snapshot.holding([clause.term])] += clause.weight
        return scores, held >= plan.required

    def indexed_checksums(self) -> dict[int, str]:
        return dict(SearchDocument.objects.values_list("page_id", "checksum"))

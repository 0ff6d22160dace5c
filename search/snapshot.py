"""An in-memory snapshot of the database index, for filters, facet counts, scores and ordering.

A GROUP BY over every matching `SearchFacet` row made facet counts slow. The snapshot holds, per
process, the documents newest first and each facet key's (document, value) pairs as numpy arrays
grouped by value: a query is a boolean mask, counts are one `bincount` per facet. It is rebuilt
when `SearchIndexState.generation` (renewed by triggers in the writing transaction) changes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import F

from . import fulltext
from .models import SearchDocument, SearchFacet, SearchIndexState
from .registry import counted_facets, facets, page_types

#: A set of terms is "broad" when at least one document in this many holds it all.
BROAD_SHARE = 20
#: At most this many broad masks per snapshot (100 000 documents: 100 kB each).
HELD_MASKS = 256


@dataclass
class KeyedValues:
    """The (position, value) pairs of one facet key, grouped by value."""

    values: list[str]
    codes: dict[str, int]
    #: Positions of the documents carrying value `i` are `positions[starts[i]:starts[i + 1]]`.
    starts: np.ndarray
    positions: np.ndarray
    #: The value code of each pair, aligned with `positions`.
    pair_codes: np.ndarray

    def mask(self, size: int, values: tuple[str, ...]) -> np.ndarray:
        """Documents carrying any of these values."""
        found = np.zeros(size, dtype=bool)
        for value in values:
            code = self.codes.get(value)
            if code is not None:
                found[self.positions[self.starts[code] : self.starts[code + 1]]] = True
        return found

    def counts(self, mask: np.ndarray) -> dict[str, int]:
        """How many documents of the mask carry each value (non-zero ones only)."""
        numbers = np.bincount(self.pair_codes[mask[self.positions]], minlength=len(self.values))
        return {self.values[code]: int(numbers[code]) for code in np.flatnonzero(numbers)}


@dataclass
class Snapshot:
    """The documents of the database index, newest first, with their types, expiry and facet values."""

    generation: str | None
    #: Page ids by position.
    ids: np.ndarray
    types: dict[str, np.ndarray] = field(default_factory=dict)
    #: Positions of documents with an expiry, and that expiry as a POSIX timestamp.
    expiring: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    expire_at: np.ndarray = field(default_factory=lambda: np.zeros(0))
    keyed: dict[str, KeyedValues] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._sorter = np.argsort(self.ids, kind="stable")
        self._sorted_ids = self.ids[self._sorter]
        #: Masks of the documents holding some terms, for terms many documents hold (see `holding`).
        self._held: OrderedDict[tuple[str, ...], np.ndarray] = OrderedDict()
        self._held_lock = threading.Lock()

    @property
    def size(self) -> int:
        return len(self.ids)

    def locate(self, page_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Which of these page ids the snapshot holds (a mask over them), and their positions."""
        if not self.size:
            return np.zeros(len(page_ids), dtype=bool), np.zeros(0, dtype=np.int64)
        found = np.minimum(np.searchsorted(self._sorted_ids, page_ids), self.size - 1)
        known = self._sorted_ids[found] == page_ids
        return known, self._sorter[found[known]]

    def holding(self, terms: list[str]) -> np.ndarray:
        """The mask of documents holding every term; masks of terms many documents hold (costly, asked again
        and again) are kept until the index changes, the least recently used dropped first."""
        key = tuple(sorted(set(terms)))
        with self._held_lock:  # threads of one server process share the snapshot
            found = self._held.get(key)
            if found is not None:
                self._held.move_to_end(key)
                return found
        found = np.zeros(self.size, dtype=bool)
        found[self.locate(fulltext.holding(list(key)))[1]] = True
        if np.count_nonzero(found) * BROAD_SHARE >= self.size:
            found.setflags(write=False)
            with self._held_lock:
                self._held[key] = found
                while len(self._held) > HELD_MASKS:
                    self._held.popitem(last=False)
        return found

    def visible(self, now: datetime) -> np.ndarray:
        """Every document but those whose expiry has passed."""
        mask = np.ones(self.size, dtype=bool)
        if len(self.expiring):
            mask[self.expiring[self.expire_at <= now.timestamp()]] = False
        return mask

    def having(self, key: str, values: tuple[str, ...]) -> np.ndarray:
        """Documents matching a filter clause (any of its values)."""
        if key == "type":
            mask = np.zeros(self.size, dtype=bool)
            for value in values:
                if value in self.types:
                    mask |= self.types[value]
            return mask
        if key not in self.keyed:
            return np.zeros(self.size, dtype=bool)
        return self.keyed[key].mask(self.size, values)

    def facet_counts(self, mask: np.ndarray) -> dict[str, dict[str, int]]:
        return {facet: self.keyed[facet].counts(mask) for facet in counted_facets() if facet in self.keyed}


def _rows(queryset) -> list[tuple]:
    """A values_list queryset's rows through a plain cursor (several times cheaper than the ORM's iteration)."""
    with connection.cursor() as cursor:
        cursor.execute(*queryset.query.sql_with_params())
        return cursor.fetchall()


def build() -> Snapshot:
    """Read the index into a snapshot, all in one read transaction."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:  # one consistent view for the several reads below
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        generation = current_generation()
        newest_first = SearchDocument.objects.order_by(F("date").desc(nulls_last=True), "-page_id")
        rows = _rows(newest_first.values_list("page_id", "content_type"))
        ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        snapshot = Snapshot(generation, ids)
        kinds = np.array([row[1] for row in rows], dtype=object)
        snapshot.types = {name: kinds == name for name in page_types()}
        expiring = list(SearchDocument.objects.filter(expire_at__isnull=False).values_list("page_id", "expire_at"))
        if expiring:
            snapshot.expiring = snapshot.locate(np.array([pk for pk, _ in expiring], dtype=np.int64))[1]
            by_id = {pk: moment.timestamp() for pk, moment in expiring}
            snapshot.expire_at = np.array([by_id[int(pk)] for pk in ids[snapshot.expiring]])
        for key in facets():  # the content type is a column
            snapshot.keyed[key] = _keyed_values(snapshot, key)
    return snapshot


def _keyed_values(snapshot: Snapshot, key: str) -> KeyedValues:
    """The pairs of one facet key, grouped by value (the covering index gives them in that order)."""
    pairs = SearchFacet.objects.filter(facet=key).order_by("value", "document_id").values_list("value", "document_id")
    rows = _rows(pairs)
    document_ids = np.fromiter((row[1] for row in rows), dtype=np.int64, count=len(rows))
    values: list[str] = []
    pair_codes = np.empty(len(rows), dtype=np.int32)
    previous = None
    for index, (value, _document) in enumerate(rows):
        if value != previous:
            values.append(value)
            previous = value
        pair_codes[index] = len(values) - 1
    # Keep the pairs of documents the snapshot holds (a facet row without its document is no match).
    known, positions = snapshot.locate(document_ids)
    pair_codes = pair_codes[known]
    starts = np.searchsorted(pair_codes, np.arange(len(values) + 1)).astype(np.int64)
    return KeyedValues(values, {value: code for code, value in enumerate(values)}, starts, positions, pair_codes)


def current_generation() -> str | None:
    return SearchIndexState.objects.filter(pk=1).values_list("generation", flat=True).first()


_lock = threading.Lock()
_current: dict[str, Snapshot] = {}
_building: set[str] = set()


def _build_in_background(alias: str) -> None:
    """Build the next snapshot on a thread of its own (its own connection), then swap it in."""
    try:
        snapshot = build()
        with _lock:
            _current[alias] = snapshot
    finally:
        with _lock:
            _building.discard(alias)
        connections[alias].close()


def current() -> Snapshot:
    """This process's snapshot, rebuilt when the index has changed since it was built.

    A large index (`SEARCH_SNAPSHOT_BACKGROUND_SIZE` documents, about a second to read) is read again on
    a background thread while searches use the previous snapshot, so a publication never stalls the web
    processes; a page removed meanwhile is still left out, hits being read from the index's rows.
    """
    alias = connection.alias
    generation = current_generation()
    snapshot = _current.get(alias)
    if snapshot is not None and snapshot.generation == generation and generation is not None:
        return snapshot
    background_size = int(getattr(settings, "SEARCH_SNAPSHOT_BACKGROUND_SIZE", 20_000))
    with _lock:
        snapshot = _current.get(alias)
        if snapshot is not None and snapshot.generation == generation and generation is not None:
            return snapshot
        if snapshot is not None and snapshot.size >= background_size and not connection.in_atomic_block:
            if alias not in _building:
                _building.add(alias)
                threading.Thread(target=_build_in_background, args=(alias,), daemon=True).start()
            return snapshot
        snapshot = _current[alias] = build()
    return snapshot

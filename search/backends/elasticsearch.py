"""The Elasticsearch backend: elasticsearch-dsl `Document` classes for the mapping, plain dicts for queries.

Only the `standard` analyzer and `keyword` fields are used: the text arrives
already tokenised and folded by `search.documents`, so the node needs no
analysis plugin (Elastic's test distribution has no `analysis-common`).
Queries run behind an alias (`SEARCH_INDEX_NAME`) over a versioned concrete
index, so `search_index rebuild` can switch indices without downtime.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, helpers
from elasticsearch.serializer import OrjsonSerializer
from elasticsearch_dsl import Date, Document, Index, InnerDoc, Integer, Keyword, MetaField, Object, Text

from ..documents import FACETS
from ..query import MAX_RESULT_WINDOW, SearchQuery
from .base import (
    EXACT_PHRASE,
    EXACT_WORDS,
    FOLDED_PHRASE,
    TITLE_WORDS,
    BackendUnavailable,
    RawResults,
    SearchBackend,
)

#: Enough buckets for every locality of the country: no 10-bucket cap (DESIGN §5).
FACET_BUCKETS = 10_000
#: Prefix of the nested aggregations counting the rank levels of a ranked query.
RANK_AGGREGATION = "rank"
#: From this offset on (setting `SEARCH_ELASTICSEARCH_DEEP_OFFSET`), a page is not read by skipping every newer
#: document (Elasticsearch would collect and sort them all): documents are counted per day first, and the page
#: starts at the day holding the offset.
DEEP_OFFSET = 1_000
DAY_MILLISECONDS = 86_400_000
DAYS_AGGREGATION = "days"
DAYS = {"date_histogram": {"field": "date", "fixed_interval": "1d", "min_doc_count": 1, "order": {"_key": "desc"}}}
_ANSWER_PATHS = (
    "hits.total.value",
    "aggregations.*.buckets.key",
    "aggregations.*.buckets.doc_count",
    "error",
    "status",  # always there: an empty page of hits still leaves its answer in the list
)
#: Only what `search` reads: the answer is a fraction of the full response for ~1 100 facet buckets.
FILTER_PATH = ",".join(f"responses.{path}" for path in ("hits.hits._id", *_ANSWER_PATHS))
#: The placing of a page: rank levels' nested `filters` buckets (keyed, so kept whole), documents per day.
LEVELS_FILTER_PATH = ",".join(f"responses.{path}" for path in (*_ANSWER_PATHS, f"aggregations.{RANK_AGGREGATION}*"))


class FacetKeys(InnerDoc):
    """Facet and filter keys (slugs, subject types, years as strings), one field per key of `FILTER_KEYS`."""

    # Facets are counted on every search: build their global ordinals at refresh, not at the first query.
    type = Keyword(eager_global_ordinals=True)
    field = Keyword(eager_global_ordinals=True)
    locality = Keyword(eager_global_ordinals=True)
    movement = Keyword(eager_global_ordinals=True)
    subject_type = Keyword(eager_global_ordinals=True)
    year = Keyword(eager_global_ordinals=True)
    award = Keyword(eager_global_ordinals=True)
    tag = Keyword()


class PageDocument(Document):
    """A live, public page as indexed in Elasticsearch; the source mirrors `SearchDocument.document`."""

    page_id = Integer()
    type = Keyword()
    title = Keyword(index=False, doc_values=False)
    url = Keyword(index=False, doc_values=False)
    summary = Text(index=False)
    content = Text(index=False)
    subject_type = Keyword()
    year = Integer()
    date = Date()
    expire_at = Date()
    field = Object(enabled=False)
    locality = Object(enabled=False)
    movement = Object(enabled=False)
    facets = Object(FacetKeys)
    title_text = Text(analyzer="standard")
    title_folded = Text(analyzer="standard")
    text = Text(analyzer="standard")
    folded = Text(analyzer="standard")
    checksum = Keyword()

    class Meta:
        dynamic = MetaField("strict")


_clients: dict[tuple[str, float], Elasticsearch] = {}
_KEY_AND_COUNT = operator.itemgetter("key", "doc_count")
#: Threads asking a search's totals while its page is placed and read (the client is thread-safe).
_totals_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="search-totals")


def get_client(url: str | None = None) -> Elasticsearch:
    """A client for `ELASTICSEARCH_URL`, without retries so a dead node fails fast."""
    url = url or settings.ELASTICSEARCH_URL
    timeout = float(getattr(settings, "SEARCH_ELASTICSEARCH_TIMEOUT", 5))
    key = (url, timeout)
    if key not in _clients:
        _clients[key] = Elasticsearch(
            url,
            request_timeout=timeout,
            max_retries=0,
            retry_on_timeout=False,
            serializer=OrjsonSerializer(),  # answers carry ~1 200 facet buckets: parsed several times faster
        )
    return _clients[key]


def deep_offset() -> int:
    return int(getattr(settings, "SEARCH_ELASTICSEARCH_DEEP_OFFSET", DEEP_OFFSET))


def alias_name() -> str:
    return getattr(settings, "SEARCH_INDEX_NAME", "thidua-pages")


def es_source(document: dict, checksum: str) -> dict:
    """The Elasticsearch source of a document."""
    source = {key: value for key, value in document.items() if key != "id"}
    return {**source, "page_id": document["id"], "checksum": checksum}


def create_index(client: Elasticsearch, bulk_load: bool = False) -> str:
    """Create a new concrete index with the mapping; return its name.

    `bulk_load`: no periodic refresh until the caller sets `refresh_interval` back (nobody searches it yet).
    """
    name = f"{alias_name()}-{time.time_ns() // 1000}"
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=int(getattr(settings, "SEARCH_ELASTICSEARCH_REPLICAS", 0)),
        max_result_window=MAX_RESULT_WINDOW,
        # Stored newest first, as listings ask: a date-sorted page stops collecting once it is full.
        sort={"field": ["date", "page_id"], "order": ["desc", "desc"], "missing": ["_last", "_last"]},
        **({"refresh_interval": "-1"} if bulk_load else {}),
    )
    index.document(PageDocument)
    index.create(using=client)
    return name


def concrete_indices(client: Elasticsearch) -> list[str]:
    """The concrete indices the alias points to."""
    if not client.indices.exists_alias(name=alias_name()):
        return []
    return sorted(client.indices.get_alias(name=alias_name()))


def ensure_index(client: Elasticsearch) -> None:
    """Create the first concrete index and the alias when there is none."""
    if not client.indices.exists_alias(name=alias_name()):
        if client.indices.exists(index=alias_name()):
            raise BackendUnavailable(f"{alias_name()} is a concrete index, not an alias; run `search_index rebuild`.")
        switch_alias(client, create_index(client))


def switch_alias(client: Elasticsearch, new_index: str, delete_old: bool = True) -> None:
    """Point the alias at `new_index` in one atomic step, then drop the old indices."""
    old = concrete_indices(client)
    actions = [{"remove": {"index": index, "alias": alias_name()}} for index in old]
    actions.append({"add": {"index": new_index, "alias": alias_name()}})
    client.indices.update_aliases(actions=actions)
    if delete_old:
        for index in old:
            if index != new_index:
                client.indices.delete(index=index, ignore_unavailable=True)


def delete_all_indices(client: Elasticsearch) -> None:
    """Drop the alias and its concrete indices (tests, and `rebuild` from scratch)."""
    for index in concrete_indices(client):
        client.indices.delete(index=index, ignore_unavailable=True)


def bulk(client: Elasticsearch, actions: Iterable[dict], refresh: bool | str = False) -> list[dict]:
    """Send bulk actions; return the failed items, ignoring version conflicts and missing deletes."""
    failed = []
    for ok, item in helpers.streaming_bulk(
        client, actions, chunk_size=500, raise_on_error=False, raise_on_exception=True, refresh=refresh
    ):
        if ok:
            continue
        ((operation, detail),) = item.items()
        if detail.get("status") == 409 or (operation == "delete" and detail.get("status") == 404):
            continue
        failed.append(item)
    return failed


def index_actions(rows: Iterable[tuple[int, dict, str]], index: str, version: int | None = None) -> Iterator[dict]:
    """Bulk actions indexing `(page id, document, checksum)` rows."""
    for page_id, document, checksum in rows:
        action = {"_op_type": "index", "_index": index, "_id": page_id, "_source": es_source(document, checksum)}
        if version is not None:
            action.update(version=version, version_type="external_gte")
        yield action


class ElasticsearchBackend(SearchBackend):
    """Search the alias `SEARCH_INDEX_NAME` on `ELASTICSEARCH_URL`."""

    name = "elasticsearch"

    def __init__(self, client: Elasticsearch | None = None) -> None:
        self.client = client or get_client()

    def query_clause(self, query: SearchQuery) -> dict:
        """The bool filter every answer shares: visibility, the chosen facet values and every folded word."""
        # An absolute instant, rounded up to the minute, rather than `now`: the same query within a minute is the
        # same request, which Elasticsearch's request cache can answer; a page is hidden at most a minute early.
        horizon = (timezone.now() + timedelta(minutes=1)).replace(second=0, microsecond=0)
        filters: list[dict] = [{"bool": {"must_not": [{"range": {"expire_at": {"lte": horizon.isoformat()}}}]}}]
        for key, values in query.clauses:
            filters.append({"terms": {f"facets.{key}": list(values)}})
        if query.tokens:
            filters.append({"match": {"folded": {"query": " ".join(query.folded_tokens), "operator": "and"}}})
        return {"bool": {"filter": filters}}

    @staticmethod
    def rank_clauses(query: SearchQuery) -> list[tuple[int, dict]]:
        """The rank classes of `backends.base` as Elasticsearch queries, heaviest first."""
        phrase, folded_phrase = " ".join(query.tokens), " ".join(query.folded_tokens)
        return [
            (EXACT_PHRASE, {"match_phrase": {"text": phrase}}),
            (EXACT_WORDS, {"match": {"text": {"query": phrase, "operator": "and"}}}),
            (FOLDED_PHRASE, {"match_phrase": {"folded": folded_phrase}}),
            (TITLE_WORDS, {"match": {"title_folded": {"query": folded_phrase, "operator": "and"}}}),
        ]

    def totals_request(self, query: SearchQuery, clause: dict) -> dict:
        """The total and the facet counts (`size` 0: the shard request cache answers it again until a refresh)."""
        totals: dict = {"query": clause, "size": 0, "track_total_hits": True}
        if query.with_facets:
            totals["aggs"] = {facet: {"terms": {"field": f"facets.{facet}", "size": FACET_BUCKETS}} for facet in FACETS}
        return totals

    def levels_request(self, query: SearchQuery, clause: dict) -> dict:
        """What places a page before it is read (`size` 0, cacheable): rank levels, documents per day when deep.

        The levels of a ranked query are counted by nested `filters` aggregations, one rank class a
        level deep: a leaf is one combination of classes, i.e. one rank (every weight exceeds the sum
        of those below it). A deep page has each leaf, or the whole set, counted per day too.
        """
        aggregations: dict = {DAYS_AGGREGATION: DAYS} if query.offset >= deep_offset() else {}
        if query.effective_sort == "relevance":
            for depth, (_weight, condition) in reversed(list(enumerate(self.rank_clauses(query)))):
                aggregations = {
                    f"{RANK_AGGREGATION}{depth}": {
                        "filters": {"filters": {"1": condition}, "other_bucket_key": "0"},
                        **({"aggs": aggregations} if aggregations else {}),
                    }
                }
        return {"query": clause, "size": 0, "track_total_hits": True, "aggs": aggregations}

    def hits_request(self, clause: dict, offset: int, size: int) -> dict:
        """A page of ids, newest first: the order the index is stored in, so collecting stops once the page is full."""
        return {
            "query": clause,
            "sort": [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": {"order": "desc"}}],
            "_source": False,
            "track_total_hits": False,
            "from": offset,
            "size": size,
        }

    def page_request(self, clause: dict, offset: int, size: int, days: list[dict]) -> dict:
        """`size` ids from `offset` of the documents of `clause`, newest first.

        With the documents counted per day (`days`, newest first), a deep page starts at the day holding
        `offset`: only documents dated before it (or undated, which sort last) are read, from the offset
        less the documents of newer days. The same page, without collecting thousands of newer ones. A
        page among dated documents only is asked with a plain date range, which the index's own
        order answers cheaper than a range-or-undated disjunction.
        """
        if days and offset >= deep_offset():
            newer = 0
            for day in days:
                if newer + day["doc_count"] > offset:
                    boundary = day["key"] + DAY_MILLISECONDS
                    break
                newer += day["doc_count"]
            else:  # the offset falls among the undated documents
                boundary = days[-1]["key"]
            older: dict = {"range": {"date": {"lt": boundary, "format": "epoch_millis"}}}
            if offset + size > sum(day["doc_count"] for day in days):  # the page reaches the undated documents
                undated = {"bool": {"must_not": [{"exists": {"field": "date"}}]}}
                older = {"bool": {"should": [older, undated], "minimum_should_match": 1}}
            clause, offset = {"bool": {"filter": [clause, older]}}, offset - newer
        return self.hits_request(clause, offset, size)

    def rank_levels(self, query: SearchQuery, clause: dict, totals: dict) -> list[tuple[int, dict, int, list]]:
        """`(rank, query, number of documents, documents per day)` of every non-empty rank level, highest first."""
        conditions = self.rank_clauses(query)
        found: list[tuple[int, dict, int, list]] = []

        def walk(node: dict, depth: int, held: list[bool]) -> None:
            buckets = node.get(f"{RANK_AGGREGATION}{depth}", {}).get("buckets", {})
            for key, bucket in buckets.items():
                if not bucket.get("doc_count"):
                    continue
                path = [*held, key == "1"]
                if depth + 1 < len(conditions):
                    walk(bucket, depth + 1, path)
                    continue
                level = {"bool": {"filter": list(clause["bool"]["filter"]), "must_not": []}}
                for has, (_weight, condition) in zip(path, conditions):
                    level["bool"]["filter" if has else "must_not"].append(condition)
                rank = sum(weight for has, (weight, _condition) in zip(path, conditions) if has)
                days = bucket.get(DAYS_AGGREGATION, {}).get("buckets", [])
                found.append((rank, level, bucket["doc_count"], days))

        walk(totals.get("aggregations", {}), 0, [])
        return sorted(found, key=lambda level: -level[0])

    def msearch(self, searches: list[dict], filter_path: str = FILTER_PATH) -> list[dict]:
        """The answers of an `msearch`, as plain dicts (much cheaper than elasticsearch-dsl's response objects)."""
        response = self.client.msearch(index=alias_name(), searches=searches, filter_path=filter_path)
        answers = response.body["responses"]
        for answer in answers:
            if "error" in answer:
                raise BackendUnavailable(str(answer["error"]))
        return answers

    def send(self, query: SearchQuery) -> tuple[list[int], dict]:
        """Ask Elasticsearch: the ids of the requested page, and the answer holding the total and the facets.

        Newest first: one round trip with the page of hits and the totals. By relevance: ranking every
        match by score costs a sort of all of them (tens of milliseconds for a broad word at 100 000
        documents), so the size of each rank level is asked first (`levels_request`), and the page is
        then read level by level, newest first within a level, which the index's own order answers
        without sorting. A deep page (`DEEP_OFFSET`) has documents counted per day first too
        (`page_request`). Meanwhile the totals are asked on another connection. Size-0 requests are
        request-cacheable; hits are ids only, the documents coming from the database index, which holds
        the same ones. The benchmark times this very exchange as "raw".
        """
        clause = self.query_clause(query)
        cache = {"request_cache": True}
        totals_search = [cache, self.totals_request(query, clause)]
        relevance, deep = query.effective_sort == "relevance", query.offset >= deep_offset()
        if not relevance and not deep:  # newest first from the start: the page and the totals in one round trip
            hits, totals = self.msearch([{}, self.hits_request(clause, query.offset, query.limit), *totals_search])
            return [int(hit["_id"]) for hit in hits.get("hits", {}).get("hits", [])], totals
        # The totals do not depend on the placing: asked at the same time, on a second connection.
        pending = _totals_pool.submit(self.msearch, totals_search)
        try:
            (placing,) = self.msearch([cache, self.levels_request(query, clause)], filter_path=LEVELS_FILTER_PATH)
        except Exception:
            pending.cancel()
            raise
        if relevance:
            levels = self.rank_levels(query, clause, placing)
        else:
            days = placing.get("aggregations", {}).get(DAYS_AGGREGATION, {}).get("buckets", [])
            levels = [(0, clause, placing["hits"]["total"]["value"], days)]
        pages: list[dict] = []
        start, end, before = query.offset, query.offset + query.limit, 0
        for _rank, level, size, days in levels:
            if before + size > start and before < end:
                offset = max(start - before, 0)
                pages += [{}, self.page_request(level, offset, min(end - before, size) - offset, days)]
            before += size
        answers = self.msearch(pages) if pages else []
        (totals,) = pending.result()
        ids = [int(hit["_id"]) for hits in answers for hit in hits.get("hits", {}).get("hits", [])]
        return ids, totals

    def search(self, query: SearchQuery) -> RawResults:
        try:
            window, totals = self.send(query)
        except BackendUnavailable:
            raise
        except Exception as error:  # transport errors, timeouts, a missing index
            raise BackendUnavailable(str(error)) from error
        facet_counts = {}
        if query.with_facets:
            aggregations = totals.get("aggregations", {})
            for facet in FACETS:  # keyword fields: the keys are strings already; read without a Python loop
                facet_counts[facet] = dict(map(_KEY_AND_COUNT, aggregations.get(facet, {}).get("buckets", [])))
        return RawResults(count=totals["hits"]["total"]["value"], page_ids=window, facet_counts=facet_counts)

    def indexed_checksums(self) -> dict[int, str]:
        found = {}
        for hit in helpers.scan(
            self.client, index=alias_name(), query={"query": {"match_all": {}}}, _source=["checksum"], size=2000
        ):
            found[int(hit["_id"])] = hit["_source"].get("checksum", "")
        return found

"""The Elasticsearch backend: the mapping as an elasticsearch-dsl `Document`, queries as plain dicts.

Only the `standard` analyzer and `keyword` fields: the text arrives tokenised and folded by
`search.documents`, so Elastic's test distribution (no `analysis-common`) will do. Queries go
through an alias (`SEARCH_INDEX_NAME`) so `search_index rebuild` switches indices without downtime.
"""

from __future__ import annotations

import operator
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from itertools import islice

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, helpers
from elasticsearch.serializer import OrjsonSerializer
from elasticsearch_dsl import Date, Document, Index, Integer, Keyword, MetaField, Object, Text

from .. import relevance
from ..query import MAX_RESULT_WINDOW, SearchQuery
from ..registry import counted_facets, facets
from . import BackendUnavailable, RawResults, SearchBackend

#: Enough buckets for every locality of the country: no 10-bucket cap (DESIGN §5).
FACET_BUCKETS = 10_000
#: Only what `search` reads (a fraction of the response for ~1 100 facet buckets); `status` is always there, so
#: an empty page of hits still leaves its answer in the list.
_READ = "hits.hits._id hits.total.value aggregations.*.buckets.key aggregations.*.buckets.doc_count error status"
FILTER_PATH = ",".join(f"responses.{path}" for path in _READ.split())


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
    facets = Object(enabled=False)  # its properties are the registered facets' (`create_index`)
    title_text = Text(analyzer="standard")
    title_folded = Text(analyzer="standard")
    text = Text(analyzer="standard")
    folded = Text(analyzer="standard")
    checksum = Keyword()

    class Meta:
        dynamic = MetaField("strict")


_clients: dict[tuple[str, float], Elasticsearch] = {}
_KEY_AND_COUNT = operator.itemgetter("key", "doc_count")


def _scored(clause: relevance.Clause) -> dict:
    """A clause of the plan as a query scoring exactly its weight."""
    words = " ".join(clause.words)
    matching = {"match_phrase": {clause.field: words}} if len(clause.words) > 1 else {"match": {clause.field: words}}
    return {"constant_score": {"filter": matching, "boost": clause.weight}}


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


def alias_name() -> str:
    return getattr(settings, "SEARCH_INDEX_NAME", "thidua-pages")


def es_source(document: dict, checksum: str) -> dict:
    """The Elasticsearch source of a document."""
    source = {key: value for key, value in document.items() if key != "id"}
    return {**source, "page_id": document["id"], "checksum": checksum}


def create_index(client: Elasticsearch, bulk_load: bool = False) -> str:
    """Create a new concrete index with the mapping; `bulk_load`: no refresh until the caller turns it back on."""
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
    mapping = index.to_dict()["mappings"]
    # Facet and filter keys (slugs, years as strings); counted ones build their ordinals at refresh, not at a query.
    keys = {"type": {"type": "keyword", "eager_global_ordinals": True}}
    keys |= {name: {"type": "keyword", "eager_global_ordinals": facet.counted} for name, facet in facets().items()}
    mapping["properties"]["facets"] = {"properties": keys}
    client.indices.create(index=name, settings=index.to_dict()["settings"], mappings=mapping)
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


def bulk(client: Elasticsearch, actions: Iterable[dict], refresh: bool | str = False, threads: int = 1) -> list[dict]:
    """Send bulk actions; return the failed items, ignoring version conflicts and missing deletes.

    With `threads` > 1 (a rebuild), batches of 1 000 are sent by that many threads while this one reads and
    builds the next batch (the actions are read here: database connections belong to their thread).
    """
    options = {"raise_on_error": False, "raise_on_exception": True}
    if threads > 1:
        results: list = []
        with ThreadPoolExecutor(threads) as pool:
            sending: deque = deque()
            iterator = iter(actions)
            while chunk := list(islice(iterator, 1000)):
                sending.append(pool.submit(lambda c: list(helpers.streaming_bulk(client, c, len(c), **options)), chunk))
                while len(sending) >= threads:
                    results.extend(sending.popleft().result())
            for future in sending:
                results.extend(future.result())
    else:
        results = helpers.streaming_bulk(client, actions, chunk_size=500, refresh=refresh, **options)
    failed = []
    for ok, item in results:
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

    def query_clause(self, query: SearchQuery) -> dict | None:
        """Visibility and facet values as filters, the plan's clauses as `constant_score` of their integer weights
        (so scores are the database backend's sums); `None` when no document can match."""
        # An absolute instant, rounded up to the minute, rather than `now`: the same query within a minute is the
        # same request, which Elasticsearch's request cache can answer; a page is hidden at most a minute early.
        horizon = (timezone.now() + timedelta(minutes=1)).replace(second=0, microsecond=0)
        filters: list[dict] = [{"bool": {"must_not": [{"range": {"expire_at": {"lte": horizon.isoformat()}}}]}}]
        for key, values in query.clauses:
            filters.append({"terms": {f"facets.{key}": list(values)}})
        if not query.tokens:
            return {"bool": {"filter": filters}}
        plan = relevance.plan(query.tokens)
        if plan.empty:
            return None
        slots = [{"bool": {"should": [_scored(clause) for clause in slot]}} for slot in plan.slots if slot]
        return {
            "bool": {
                "filter": filters,
                "must": [{"bool": {"should": slots, "minimum_should_match": plan.required}}],
                "should": [_scored(clause) for clause in plan.bonuses],
            }
        }

    def totals_request(self, query: SearchQuery, clause: dict) -> dict:
        """The total and the facet counts (`size` 0: the shard request cache answers it again until a refresh)."""
        totals: dict = {"query": clause, "size": 0, "track_total_hits": True}
        if query.with_facets:
            totals["aggs"] = {
                facet: {"terms": {"field": f"facets.{facet}", "size": FACET_BUCKETS}} for facet in counted_facets()
            }
        return totals

    def hits_request(self, query: SearchQuery, clause: dict) -> dict:
        """A page of ids: by score then newest first, or newest first (the index's own order)."""
        by_date = [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": {"order": "desc"}}]
        ranked = query.effective_sort == "relevance" and bool(query.tokens)
        return {
            "query": clause,
            "sort": [{"_score": {"order": "desc"}}, *by_date] if ranked else by_date,
            "_source": False,
            "track_total_hits": False,
            "from": query.offset,
            "size": query.limit,
        }

    def msearch(self, searches: list[dict], filter_path: str = FILTER_PATH) -> list[dict]:
        """The answers of an `msearch`, as plain dicts (much cheaper than elasticsearch-dsl's response objects)."""
        response = self.client.msearch(index=alias_name(), searches=searches, filter_path=filter_path)
        answers = response.body["responses"]
        for answer in answers:
            if "error" in answer:
                raise BackendUnavailable(str(answer["error"]))
        return answers

    def send(self, query: SearchQuery) -> tuple[list[int], dict]:
        """One round trip: the page's ids (documents come from the database index) and the total with the facets.

        The benchmark times this very exchange as "raw"."""
        clause = self.query_clause(query)
        if clause is None:
            return [], {"hits": {"total": {"value": 0}}}
        hits, totals = self.msearch(
            [{}, self.hits_request(query, clause), {"request_cache": True}, self.totals_request(query, clause)]
        )
        return [int(hit["_id"]) for hit in hits.get("hits", {}).get("hits", [])], totals

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
            for facet in counted_facets():  # keyword fields: the keys are strings already; read without a Python loop
                facet_counts[facet] = dict(map(_KEY_AND_COUNT, aggregations.get(facet, {}).get("buckets", [])))
        return RawResults(count=totals["hits"]["total"]["value"], page_ids=window, facet_counts=facet_counts)

    def indexed_checksums(self) -> dict[int, str]:
        found = {}
        for hit in helpers.scan(
            self.client, index=alias_name(), query={"query": {"match_all": {}}}, _source=["checksum"], size=2000
        ):
            found[int(hit["_id"])] = hit["_source"].get("checksum", "")
        return found

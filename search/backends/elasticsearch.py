"""The Elasticsearch backend: elasticsearch-dsl `Document` classes for the mapping, plain dicts for queries.

Only the `standard` analyzer and `keyword` fields are used: the text arrives
already tokenised and folded by `search.documents`, so the node needs no
analysis plugin (Elastic's test distribution has no `analysis-common`).
Queries run behind an alias (`SEARCH_INDEX_NAME`) over a versioned concrete
index, so `search_index rebuild` can switch indices without downtime.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch, helpers
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
#: Only what `search` reads: the answer is a fraction of the full response for ~1 100 facet buckets.
FILTER_PATH = ",".join(
    f"responses.{path}"
    for path in (
        "hits.total.value",
        "hits.hits._id",
        "aggregations.*.buckets.key",
        "aggregations.*.buckets.doc_count",
        "error",
        "status",  # always there: an empty page of hits still leaves its answer in the list
    )
)


def _constant(condition: dict, boost: int) -> dict:
    return {"constant_score": {"filter": condition, "boost": boost}}


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


def get_client(url: str | None = None) -> Elasticsearch:
    """A client for `ELASTICSEARCH_URL`, without retries so a dead node fails fast."""
    url = url or settings.ELASTICSEARCH_URL
    timeout = float(getattr(settings, "SEARCH_ELASTICSEARCH_TIMEOUT", 5))
    key = (url, timeout)
    if key not in _clients:
        _clients[key] = Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)
    return _clients[key]


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
        """The bool query: filters (visibility, facets, every folded word) and the rank classes."""
        # An absolute instant, rounded up to the minute, rather than `now`: the same query within a minute is the
        # same request, which Elasticsearch's request cache can answer; a page is hidden at most a minute early.
        horizon = (timezone.now() + timedelta(minutes=1)).replace(second=0, microsecond=0)
        filters: list[dict] = [{"bool": {"must_not": [{"range": {"expire_at": {"lte": horizon.isoformat()}}}]}}]
        for key, values in query.clauses:
            filters.append({"terms": {f"facets.{key}": list(values)}})
        should: list[dict] = []
        tokens, folded = query.tokens, query.folded_tokens
        if tokens:
            phrase, folded_phrase = " ".join(tokens), " ".join(folded)
            filters.append({"match": {"folded": {"query": folded_phrase, "operator": "and"}}})
            should = [
                _constant({"match_phrase": {"text": phrase}}, EXACT_PHRASE),
                _constant({"match": {"text": {"query": phrase, "operator": "and"}}}, EXACT_WORDS),
                _constant({"match_phrase": {"folded": folded_phrase}}, FOLDED_PHRASE),
                _constant({"match": {"title_folded": {"query": folded_phrase, "operator": "and"}}}, TITLE_WORDS),
            ]
        return {"bool": {"filter": filters, **({"should": should} if should else {})}}

    def searches(self, query: SearchQuery) -> list[dict]:
        """The `msearch` lines for a query (the benchmark sends the very same ones raw).

        Two requests in one round trip: the page of hits (ids only: the documents are read from the
        database index, which holds the same ones), and the total with the facet counts (`size` 0,
        so the shard request cache answers a repeated query, e.g. a column page, until the next refresh).
        """
        clause = self.query_clause(query)
        newest = [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": {"order": "desc"}}]
        relevance = query.effective_sort == "relevance"
        hits = {
            "query": clause,
            "sort": ["_score", *newest] if relevance else newest,
            "_source": False,
            "track_total_hits": False,
            "from": query.offset,
            "size": query.limit,
        }
        totals: dict = {"query": clause, "size": 0, "track_total_hits": True}
        if query.with_facets:
            totals["aggs"] = {facet: {"terms": {"field": f"facets.{facet}", "size": FACET_BUCKETS}} for facet in FACETS}
        return [{}, hits, {"request_cache": True}, totals]

    def send(self, query: SearchQuery) -> list[dict]:
        """The two answers of `searches`, as plain dicts."""
        response = self.client.msearch(index=alias_name(), searches=self.searches(query), filter_path=FILTER_PATH)
        answers = response.body["responses"]
        for answer in answers:
            if "error" in answer:
                raise BackendUnavailable(str(answer["error"]))
        return answers

    def search(self, query: SearchQuery) -> RawResults:
        try:  # the raw client answer: plain dicts are much cheaper than elasticsearch-dsl's response objects
            hits, totals = self.send(query)
        except BackendUnavailable:
            raise
        except Exception as error:  # transport errors, timeouts, a missing index
            raise BackendUnavailable(str(error)) from error
        window = [int(hit["_id"]) for hit in hits.get("hits", {}).get("hits", [])]
        documents = self.stored_documents(window)  # the database index holds the same documents
        facet_counts = {}
        if query.with_facets:
            aggregations = totals.get("aggregations", {})
            for facet in FACETS:
                facet_counts[facet] = {
                    str(bucket["key"]): bucket["doc_count"] for bucket in aggregations.get(facet, {}).get("buckets", [])
                }
        return RawResults(count=totals["hits"]["total"]["value"], documents=documents, facet_counts=facet_counts)

    def indexed_checksums(self) -> dict[int, str]:
        found = {}
        for hit in helpers.scan(
            self.client, index=alias_name(), query={"query": {"match_all": {}}}, _source=["checksum"], size=2000
        ):
            found[int(hit["_id"])] = hit["_source"].get("checksum", "")
        return found

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

from django.conf import settings
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
SEARCH_ONLY_FIELDS = ["title_text", "title_folded", "text", "folded", "checksum", "facets", "expire_at"]
#: Only what `search` reads: the answer is a fraction of the full response for ~1 100 facet buckets.
FILTER_PATH = "hits.total.value,hits.hits._source,aggregations.*.buckets.key,aggregations.*.buckets.doc_count"


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


def create_index(client: Elasticsearch) -> str:
    """Create a new concrete index with the mapping; return its name."""
    name = f"{alias_name()}-{time.time_ns() // 1000}"
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=int(getattr(settings, "SEARCH_ELASTICSEARCH_REPLICAS", 0)),
        max_result_window=MAX_RESULT_WINDOW,
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

    def body(self, query: SearchQuery) -> dict:
        """The request body for a query, as plain dicts (the benchmark sends the same body raw)."""
        filters: list[dict] = [{"bool": {"must_not": [{"range": {"expire_at": {"lte": "now"}}}]}}]
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
        newest = [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": {"order": "desc"}}]
        relevance = query.effective_sort == "relevance"
        body: dict = {
            "query": {"bool": {"filter": filters, **({"should": should} if should else {})}},
            "sort": ["_score", *newest] if relevance else newest,
            "_source": {"excludes": SEARCH_ONLY_FIELDS},
            "track_total_hits": True,
            "from": query.offset,
            "size": query.limit,
        }
        if query.with_facets:
            body["aggs"] = {facet: {"terms": {"field": f"facets.{facet}", "size": FACET_BUCKETS}} for facet in FACETS}
        return body

    def search(self, query: SearchQuery) -> RawResults:
        try:  # the raw client answer: plain dicts are much cheaper than elasticsearch-dsl's response objects
            response = self.client.search(index=alias_name(), body=self.body(query), filter_path=FILTER_PATH).body
        except Exception as error:  # transport errors, timeouts, a missing index
            raise BackendUnavailable(str(error)) from error
        documents = []
        for hit in response.get("hits", {}).get("hits", []):
            source = hit["_source"]
            source["id"] = source.pop("page_id")
            documents.append(source)
        facet_counts = {}
        if query.with_facets:
            aggregations = response.get("aggregations", {})
            for facet in FACETS:
                facet_counts[facet] = {
                    str(bucket["key"]): bucket["doc_count"] for bucket in aggregations.get(facet, {}).get("buckets", [])
                }
        return RawResults(count=response["hits"]["total"]["value"], documents=documents, facet_counts=facet_counts)

    def indexed_checksums(self) -> dict[int, str]:
        found = {}
        for hit in helpers.scan(
            self.client, index=alias_name(), query={"query": {"match_all": {}}}, _source=["checksum"], size=2000
        ):
            found[int(hit["_id"])] = hit["_source"].get("checksum", "")
        return found

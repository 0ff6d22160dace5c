"""Search relevance evaluation (issue #13): a judged query set of our own, NDCG@10 and recall@10 per backend.

    python bench/search_eval.py                       # both backends when Elasticsearch can be found
    python bench/search_eval.py --backends database --verbose

It loads the 124 stories of `tests/fixtures/search_eval/stories.json` into a fresh SQLite
database of its own (`--database`, default /tmp/thidua-search-eval.sqlite3), indexes them
(`search.replay.rebuild_database`, and `rebuild_elasticsearch` into an alias of its own when
Elasticsearch comes from $ELASTICSEARCH_URL or `scripts/elasticsearch start`), runs every query
of `queries.json` through `search.service.search` on each backend, and prints NDCG@10 and
recall@10 overall and per query kind, beside the baseline of the issue (stories ranked by how many
of the folded query words they hold, ties newest first), and whether diacritic twins (queries of
one `twin` group) give the same first ten, and so for 372 three-word runs of the stories' summaries
as written and folded.

Judgments are grades 0–3 per story index, written by reading the stories, not from any engine's
answers; filter-only queries judge every story the filters select as relevant (grade 1).
`tests/test_search_eval.py` runs the same evaluation on the database backend.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "search_eval"
CUTOFF = 10
INDEX_NAME = "thidua-search-eval"
#: Publication dates: newest first is the tie-break of both backends, so the stories are spread over
#: dates in an order unrelated to their position in the file (and to their topics).
EPOCH = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def load_fixtures(directory: Path = FIXTURES) -> tuple[list[dict], list[dict]]:
    stories = json.loads((directory / "stories.json").read_text(encoding="utf-8"))
    queries = json.loads((directory / "queries.json").read_text(encoding="utf-8"))
    return stories, queries


def published_at(index: int, total: int) -> datetime:
    return EPOCH - timedelta(hours=(index * 37) % total)


def create_stories(stories: list[dict], isolate: bool = False) -> list[int]:
    """Create the stories (live, under one unit) and return their page ids, in file order.

    `isolate`: first take every other page below the home page offline, so that only these stories
    are indexed (the test database holds the demo content; its transaction rolls this back).
    """
    from wagtail.models import Page

    from cms.vietnamese import vietnamese_slugify
    from exemplar_pages.models import ExemplarStoryPage, Field, Locality
    from tests import factories

    home = factories.home_page()
    if isolate:
        Page.objects.filter(path__startswith=home.path, depth__gt=home.depth).update(live=False)
    unit = factories.unit("Ban Thi đua – Khen thưởng (bộ đánh giá tìm kiếm)")
    fields = {item.slug: item for item in Field.objects.all()}
    provinces: dict[str, Locality] = {}
    ids = []
    for index, story in enumerate(stories):
        name = story["province"]
        if name not in provinces:
            slug = vietnamese_slugify(name)
            provinces[name] = Locality.objects.filter(slug=slug).first() or factories.locality(
                name, kind=Locality.Kind.PROVINCE, slug=slug
            )
        moment = published_at(index, len(stories))
        page = ExemplarStoryPage(
            title=story["title"],
            slug=f"danh-gia-tim-kiem-{index}",
            subject_name=story["subject_name"],
            subject_type=story["subject_type"],
            summary=story["summary"],
            field=fields[story["field"]],
            locality=provinces[name],
            year=story["year"],
            first_published_at=moment,
            last_published_at=moment,
        )
        unit.add_child(instance=page)
        ids.append(page.pk)
    return ids


def dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg(ranked: list[int], judgments: dict[int, int], cutoff: int = CUTOFF) -> float:
    """NDCG@cutoff with gains 2^grade − 1; stories without a judgment weigh 0."""
    ideal = dcg(sorted(judgments.values(), reverse=True)[:cutoff])
    return dcg([judgments.get(index, 0) for index in ranked[:cutoff]]) / ideal if ideal else 1.0


def recall(ranked: list[int], judgments: dict[int, int], cutoff: int = CUTOFF) -> float:
    """Share of the relevant stories (grade ≥ 1) in the first `cutoff`, out of at most `cutoff`."""
    relevant = {index for index, grade in judgments.items() if grade > 0}
    if not relevant:
        return 1.0
    return len(relevant & set(ranked[:cutoff])) / min(len(relevant), cutoff)


def judged(query: dict) -> dict[int, int]:
    return {int(index): grade for index, grade in query["judgments"].items()}


def search_query(query: dict):
    from search.query import SearchQuery

    clauses = [(key, tuple(values)) for key, values in query.get("filters", {}).items()]
    return SearchQuery(text=query["q"], clauses=clauses, limit=CUTOFF, with_facets=False)


def engine_ranking(query: dict, backend: str, positions: dict[int, int]) -> tuple[list[int], list[int]]:
    """(story indices, page ids) of the first ten the search service answers; pages not in the set count as −1."""
    from search.service import search

    page_ids = search(search_query(query), backend).page_ids
    return [positions.get(page_id, -1) for page_id in page_ids], page_ids


def story_words(story: dict) -> set[str]:
    """The folded words of what a story's document holds (title, subject, summary, field, province)."""
    from cms.vietnamese import fold_vietnamese
    from exemplar_pages.models import Field
    from search.documents import tokenize

    field_name = Field.objects.get(slug=story["field"]).name
    text = " ".join([story["title"], story["subject_name"], story["summary"], field_name, story["province"]])
    return {fold_vietnamese(token) for token in tokenize(text)}


def baseline_ranking(query: dict, stories: list[dict], words: list[set[str]]) -> list[int]:
    """The issue's baseline: stories holding more of the folded query words first, then newest first."""
    from cms.vietnamese import fold_vietnamese
    from cms.vietnamese import vietnamese_slugify as slug

    tokens = set(map(fold_vietnamese, search_query(query).tokens))
    filters = query.get("filters", {})
    candidates = []
    for index, story in enumerate(stories):
        facets = {
            "field": story["field"],
            "subject_type": story["subject_type"],
            "year": str(story["year"]),
            "locality": slug(story["province"]),
        }
        if any(facets[key] not in values for key, values in filters.items()):
            continue
        held = len(tokens & words[index])
        if tokens and not held:
            continue
        candidates.append((-held, -published_at(index, len(stories)).timestamp(), index))
    return [index for *_key, index in sorted(candidates)[:CUTOFF]]


@dataclass
class Scores:
    """NDCG@10 and recall@10 of each query of one ranker."""

    name: str
    rows: list[tuple[dict, list[int], float, float]] = field(default_factory=list)
    first_ten: dict[int, list[int]] = field(default_factory=dict)  # query number → page ids
    seconds: float = 0.0

    def add(self, number: int, query: dict, ranked: list[int], page_ids: list[int] | None = None) -> None:
        judgments = judged(query)
        self.rows.append((query, ranked, ndcg(ranked, judgments), recall(ranked, judgments)))
        self.first_ten[number] = page_ids if page_ids is not None else ranked

    def mean(self, kind: str | None = None) -> tuple[float, float, int]:
        rows = [row for row in self.rows if kind is None or row[0]["kind"] == kind]
        if not rows:
            return 0.0, 0.0, 0
        return sum(row[2] for row in rows) / len(rows), sum(row[3] for row in rows) / len(rows), len(rows)

    def twins(self, queries: list[dict]) -> tuple[int, int, list[str]]:
        """(groups with the same first ten, groups, the queries of the groups that differ)."""
        groups: dict[str, list[int]] = defaultdict(list)
        for number, query in enumerate(queries):
            if query.get("twin"):
                groups[query["twin"]].append(number)
        differing = [
            " / ".join(queries[number]["q"] for number in members)
            for members in groups.values()
            if len({tuple(self.first_ten[number]) for number in members}) > 1
        ]
        return len(groups) - len(differing), len(groups), differing


def evaluate(backends: list[str], stories: list[dict], queries: list[dict], page_ids: list[int]) -> list[Scores]:
    """Score every query on each backend and on the baseline (which needs no index)."""
    positions = {page_id: index for index, page_id in enumerate(page_ids)}
    results = []
    for backend in backends:
        scores, started = Scores(backend), time.perf_counter()
        for number, query in enumerate(queries):
            ranked, ids = engine_ranking(query, backend, positions)
            scores.add(number, query, ranked, ids)
        scores.seconds = time.perf_counter() - started
        results.append(scores)
    baseline = Scores("baseline: folded word count")
    words = [story_words(story) for story in stories]
    for number, query in enumerate(queries):
        baseline.add(number, query, baseline_ranking(query, stories, words))
    results.append(baseline)
    return results


def twin_probe(stories: list[dict], backend: str) -> tuple[int, list[str]]:
    """Twins beyond the judged set: three running words from each summary (at words 1, 4 and 7), as
    written and folded; (how many, the ones whose first ten differ, with "order" or "membership")."""
    from cms.vietnamese import fold_vietnamese
    from search.query import SearchQuery
    from search.service import search

    def first_ten(text: str) -> list[int]:
        return search(SearchQuery(text=text, limit=CUTOFF, with_facets=False), backend).page_ids

    texts = []
    for story in stories:
        words = story["summary"].replace(",", " ").replace(".", " ").split()
        texts += [" ".join(words[start : start + 3]) for start in (0, 3, 6) if words[start:]]
    differing = []
    for text in texts:
        written, folded = first_ten(text), first_ten(fold_vietnamese(text))
        if written != folded:
            differing.append(f"{text!r} ({'order' if set(written) == set(folded) else 'membership'})")
    return len(texts), differing


def kinds(queries: list[dict]) -> list[str]:
    return list(dict.fromkeys(query["kind"] for query in queries))


def report(results: list[Scores], queries: list[dict], verbose: bool = False) -> str:
    lines = [f"{len(queries)} queries; NDCG@{CUTOFF} / recall@{CUTOFF}"]
    header = f"{'':<18}" + "".join(f"{scores.name[:28]:>30}" for scores in results)
    lines.append(header)
    for kind in [None, *kinds(queries)]:
        cells = []
        for scores in results:
            mean_ndcg, mean_recall, number = scores.mean(kind)
            cells.append(f"{mean_ndcg:.3f} / {mean_recall:.3f}".rjust(30))
        label = "all" if kind is None else f"{kind} ({number})"
        lines.append(f"{label:<18}" + "".join(cells))
    for scores in results:
        same, total, differing = scores.twins(queries)
        lines.append(
            f"twins, same first ten: {scores.name}: {same}/{total}" + (f" (differ: {differing})" if differing else "")
        )
        if scores.seconds:
            lines.append(f"{scores.name}: {len(queries)} searches in {scores.seconds:.2f} s")
    engines = [scores for scores in results if scores.seconds]
    if len(engines) > 1:
        same = sum(len({tuple(scores.first_ten[number]) for scores in engines}) == 1 for number in range(len(queries)))
        lines.append(f"backends give the same first ten: {same}/{len(queries)} queries")
    if verbose:
        for scores in results:
            lines.append(f"\n{scores.name}: queries below NDCG 1")
            for query, ranked, query_ndcg, query_recall in scores.rows:
                if query_ndcg < 0.999 or query_recall < 0.999:
                    filters = f" {query['filters']}" if query.get("filters") else ""
                    lines.append(
                        f"  {query_ndcg:.2f} {query_recall:.2f} [{query['kind']}] {query['q']!r}{filters}"
                        f" → {ranked} judged {judged(query)}"
                    )
    return "\n".join(lines)


def setup_django(database: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backends", default="database,elasticsearch")
    parser.add_argument("--database", type=Path, default=Path("/tmp/thidua-search-eval.sqlite3"))  # noqa: S108
    parser.add_argument("--verbose", action="store_true", help="list the queries scoring below 1")
    parser.add_argument(
        "--fixtures", type=Path, default=FIXTURES, help="a directory of stories.json and queries.json (a held-out set)"
    )
    args = parser.parse_args()
    backends = args.backends.split(",")
    args.database.unlink(missing_ok=True)
    setup_django(args.database)
    from django.conf import settings
    from django.core.management import call_command

    from search.replay import rebuild_database

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    settings.ELASTICSEARCH_URL = ""
    stories, queries = load_fixtures(args.fixtures)
    page_ids = create_stories(stories)
    documents = rebuild_database()
    print(f"{len(stories)} stories, {documents} documents indexed in {time.perf_counter() - started:.1f} s")
    client = None
    if "elasticsearch" in backends:
        from tests import servers

        url = servers.elasticsearch_url()
        if url:
            from search.backends.elasticsearch import get_client
            from search.replay import rebuild_elasticsearch

            settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_NAME = url, INDEX_NAME
            settings.SEARCH_FALLBACK_TO_DATABASE = False
            rebuild_elasticsearch()
            client = get_client(url)
        else:
            print("Elasticsearch unavailable: database backend only")
            backends.remove("elasticsearch")
    try:
        results = evaluate(backends, stories, queries, page_ids)
        print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs")
        print(report(results, queries, args.verbose))
        for backend in backends:
            total, differing = twin_probe(stories, backend)
            print(f"twins beyond the judged set, {backend}: {total - len(differing)}/{total} give the same first ten")
            print("".join(f"  differ: {text}\n" for text in differing), end="")
    finally:
        if client is not None:
            from search.backends.elasticsearch import delete_all_indices

            delete_all_indices(client)


if __name__ == "__main__":
    main()

"""The database backend's own machinery: the term index, the snapshot, the vocabulary and scored ranking."""

from datetime import timedelta

import pytest
from django.utils import timezone

from exemplar_pages.models import ExemplarStoryPage
from search import fulltext, relevance, snapshot
from search.fulltext import document_terms
from search.models import SearchDocument, SearchTerms, SearchWord
from search.query import SearchQuery
from search.service import search
from tests import factories

pytestmark = pytest.mark.django_db

QUERIES = [
    "xây dựng nông thôn mới",
    "xay dung nong thon moi",
    "phong trào thi đua",
    "gương người tốt việc tốt",
    "nông nghiệp",
    "điển hình tiên tiến",
    "Tân Biên",
]


def test_terms_hold_words_pairs_folds_and_title_words_but_no_pair_across_parts():
    terms = set(document_terms(" nong dan ", " nông dân giỏi | làm giàu ", " nong dan gioi | lam giau ").split())
    assert {"nông", "nông+dân", "dân+giỏi", "làm+giàu", "~nong", "~nong+dan", "~lam+giau", "^nong", "^dan"} <= terms
    assert "giỏi+làm" not in terms and "~gioi+lam" not in terms
    assert "nong" not in terms  # the word as written has its diacritics


@pytest.fixture
def phrase_traps(search_index, django_capture_on_commit_callbacks):
    """Stories holding every word pair of “xây dựng nông thôn mới” but not the phrase, newest of all."""
    unit = factories.unit("UBND xã Bẫy Cụm Từ")
    summaries = [
        "Xây dựng nông trại, dựng nông cụ; nông thôn mới đổi thay.",
        "Xay dung nong trai, dung nong cu; nong thon moi doi thay.",
        "Chung sức xây dựng nông thôn mới ở ấp Bàu.",
    ]
    stories = []
    with django_capture_on_commit_callbacks(execute=True):
        for number, summary in enumerate(summaries):
            story = factories.story(unit, f"Bẫy cụm từ {number}", summary=summary)
            stories.append(story)
        ExemplarStoryPage.objects.filter(pk=stories[-1].pk).update(
            first_published_at=timezone.now() - timedelta(days=400)
        )
        factories.publish(stories[-1])
    return stories


def brute_force(text: str) -> list[int]:
    """The plan's ranking computed from the stored token columns, document by document (no full-text index)."""
    plan = relevance.plan(SearchQuery(text=text).tokens)
    columns = {relevance.TEXT: "text", relevance.FOLDED_TEXT: "folded", relevance.TITLE_TEXT: "title_folded"}

    def holds(document, clause) -> bool:
        return f" {' '.join(clause.words)} " in getattr(document, columns[clause.field])

    ranked = []
    now = timezone.now()
    for document in SearchDocument.objects.all():
        if document.expire_at and document.expire_at <= now:
            continue
        held = [clause for clause in plan.clauses() if holds(document, clause)]
        if sum(1 for slot in plan.slots if any(clause in held for clause in slot)) < plan.required:
            continue
        score = sum(clause.weight for clause in held)
        ranked.append((-score, -(document.date.timestamp() if document.date else float("-inf")), -document.pk))
    return [-pk for *_, pk in sorted(ranked)]


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("page_size", [1, 3, 20])
def test_ranking_page_by_page_equals_the_brute_force_ranking(phrase_traps, text, page_size):
    expected = brute_force(text)
    assert expected, "the query finds something in the demo content"
    found: list[int] = []
    for page in range(8):
        results = search(SearchQuery(text=text, offset=page * page_size, limit=page_size), "database")
        assert results.count == len(expected)
        found += results.page_ids
    assert found == expected[: len(found)] and len(found) == min(len(expected), 8 * page_size)


def test_a_phrase_trap_ranks_below_the_real_phrase(phrase_traps):
    trap, unaccented_trap, real = phrase_traps
    order = search(SearchQuery(text="xây dựng nông thôn mới", limit=100), "database").page_ids
    assert order.index(real.pk) < order.index(trap.pk)
    assert order.index(trap.pk) < order.index(unaccented_trap.pk)  # exact words beat folded words
    unaccented = search(SearchQuery(text="xay dung nong thon moi", limit=100), "database").page_ids
    assert unaccented[:10] == order[:10]  # diacritics restored from the index: the same first ten


def test_the_snapshot_follows_writes_that_bypass_the_indexer(search_index):
    query = SearchQuery(text="nông nghiệp", limit=100)
    before = search(query, "database")
    generation = snapshot.current_generation()
    removed = before.page_ids[0]
    SearchDocument.objects.filter(page_id=removed).delete()  # no signal, no indexer: the triggers see it
    assert snapshot.current_generation() != generation
    after = search(query, "database")
    assert after.count == before.count - 1 and removed not in after.page_ids
    stories = search(SearchQuery(clauses=[("type", ("exemplar",))], limit=100), "database")
    assert removed not in stories.page_ids
    assert sum(value.count for value in stories.facets["subject_type"]) == stories.count


def test_an_update_renews_the_generation(search_index):
    generation = snapshot.current_generation()
    SearchDocument.objects.filter(pk=SearchDocument.objects.first().pk).update(checksum="changed")
    assert snapshot.current_generation() not in (None, generation)


def test_broad_rank_classes_are_read_once_per_index_state(phrase_traps):
    """A repeated query whose rank classes most documents hold asks the full-text index nothing more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    query = SearchQuery(text="phong trào thi đua", limit=5)
    first = search(query, "database").page_ids
    with CaptureQueriesContext(connection) as queries:
        again = search(query, "database").page_ids
    tables = (fulltext.FTS_TABLE, fulltext.TERMS_TABLE)
    full_text = [entry["sql"] for entry in queries.captured_queries if any(name in entry["sql"] for name in tables)]
    assert again == first == brute_force("phong trào thi đua")[:5]
    assert full_text == []


def test_the_vocabulary_counts_the_documents_holding_each_word(phrase_traps):
    """Kept in step by every write and deletion: equal to a count over the bags."""
    from collections import Counter

    from search.vocabulary import vocabulary_terms

    def counted() -> dict[str, int]:
        return dict(
            Counter(
                term for bag in SearchTerms.objects.values_list("terms", flat=True) for term in vocabulary_terms(bag)
            )
        )

    assert dict(SearchWord.objects.values_list("term", "documents")) == counted()
    assert counted()["~bay"] >= 3
    ExemplarStoryPage.objects.get(pk=phrase_traps[0].pk).delete()  # the cascade discounts its words
    assert dict(SearchWord.objects.values_list("term", "documents")) == counted()
    factories.publish(ExemplarStoryPage.objects.get(pk=phrase_traps[1].pk))
    assert dict(SearchWord.objects.values_list("term", "documents")) == counted()


def test_a_missing_trigger_fails_the_check_until_a_rebuild(search_index):
    from django.core.management import call_command
    from django.db import connection

    from search.checks import check_fulltext_index

    assert check_fulltext_index(databases=["default"]) == []
    trigger = "search_doc_updated" if connection.vendor == "sqlite" else "search_doc_generation"
    with connection.cursor() as cursor:
        cursor.execute(
            f"DROP TRIGGER {trigger}" + ("" if connection.vendor == "sqlite" else " ON search_searchdocument")
        )
    errors = check_fulltext_index(databases=["default"])
    assert [error.id for error in errors] == ["search.E001"] and trigger in errors[0].msg
    call_command("search_index", "rebuild", "--no-progress", stdout=__import__("io").StringIO())
    assert check_fulltext_index(databases=["default"]) == []


def test_the_search_migrations_are_one_and_import_no_live_code():
    """Issue #13: squashed (no installation predates it), the full-text DDL frozen in it, only Django imported."""
    import ast
    from pathlib import Path

    folder = Path(fulltext.__file__).parent / "migrations"
    migrations = sorted(path.name for path in folder.glob("0*.py"))
    assert migrations == ["0001_initial.py"]
    tree = ast.parse((folder / migrations[0]).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported and all(name.split(".")[0] == "django" for name in imported), imported

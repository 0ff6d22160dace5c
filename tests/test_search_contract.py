"""The search contract (DESIGN §5), run against both backends: the database and a real Elasticsearch."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from exemplar_pages.models import Award, ExemplarStoryPage, Field, Locality, LocalityAlias, StoryAward
from search.query import SearchQuery
from search.service import search
from tests import factories

pytestmark = pytest.mark.django_db

FOLDING_PAIRS = [
    ("điển hình nông nghiệp Tân Biên", "dien hinh nong nghiep Tan Bien"),
    ("Đời sống xã hội", "doi song xa hoi"),
    ("chung sức xây dựng nông thôn mới", "chung suc xay dung nong thon moi"),
    ("GƯƠNG NGƯỜI TỐT", "guong nguoi tot"),
]


def api(client, **params) -> dict:
    response = client.get("/api/v3/search/", {"page_size": 100, **params})
    assert response.status_code == 200, response.content
    return response.json()


def ids(data: dict) -> list[int]:
    return [hit["id"] for hit in data["results"]]


def facet_counts(data: dict, facet: str) -> dict[str, int]:
    return {value["slug"]: value["count"] for value in data["facets"][facet]}


@pytest.fixture
def indexed(search_backend, django_capture_on_commit_callbacks):
    """Run content changes so that on-commit indexing happens, as it does outside a test transaction."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def ranked(indexed):
    """Four stories matching “ngỗng gáy” in each rank class; the weakest match is the newest."""
    unit = factories.unit("UBND xã Xếp Hạng")
    texts = {
        "exact_phrase": "Chuyện con ngỗng gáy ở xóm Bàu.",
        "exact_words": "Con ngỗng trắng về chuồng khi gà gáy sáng.",
        "folded_phrase": "Anh ngông gầy mà chăm chỉ.",
        "folded_words": "Tính ngông nhưng người gầy, việc gì cũng làm.",
    }
    stories = {}
    with indexed():
        for position, (key, summary) in enumerate(texts.items()):
            story = factories.story(unit, f"Kiểm thử xếp hạng số {position + 1}", summary=summary)
            ExemplarStoryPage.objects.filter(pk=story.pk).update(
                first_published_at=timezone.now() - timedelta(days=10 - position)
            )
            stories[key] = story
        for story in stories.values():
            factories.publish(story)  # reindex with the back-dated publication date
    return stories


def test_citizen_query_with_and_without_diacritics(client, search_backend):
    accented = api(client, q="điển hình nông nghiệp Tân Biên")
    folded = api(client, q="dien hinh nong nghiep Tan Bien")
    assert accented["count"] > 0
    assert set(ids(accented)) == set(ids(folded))
    assert accented["facets"] == folded["facets"]
    tan_bien = facet_counts(accented, "locality")["tan-bien"]
    narrowed = api(client, q="dien hinh nong nghiep Tan Bien", locality="tan-bien")
    assert narrowed["count"] == tan_bien
    assert all("Tân Biên" in hit["locality"]["path"] for hit in narrowed["results"])
    for value in accented["facets"]["field"]:
        assert api(client, q="điển hình nông nghiệp Tân Biên", field=value["slug"])["count"] == value["count"]


@pytest.mark.parametrize(("accented", "folded"), FOLDING_PAIRS)
def test_folding_parity(client, search_backend, accented, folded):
    with_marks, without_marks = api(client, q=accented), api(client, q=folded)
    assert with_marks["count"] == without_marks["count"] > 0
    assert set(ids(with_marks)) == set(ids(without_marks))


def test_d_with_stroke_folds_to_d(client, search_backend):
    assert set(ids(api(client, q="Đảng"))) == set(ids(api(client, q="dang"))) != set()


def test_exact_diacritics_rank_above_folded_and_phrases_above_scattered_words(client, ranked):
    order = ids(api(client, q="ngỗng gáy"))
    expected = ["exact_phrase", "exact_words", "folded_phrase", "folded_words"]
    assert order == [ranked[key].pk for key in expected]


def test_unaccented_query_ranks_phrases_first(client, ranked):
    order = ids(api(client, q="ngong gay"))
    assert set(order[:2]) == {ranked["exact_phrase"].pk, ranked["folded_phrase"].pk}
    assert set(order[2:]) == {ranked["exact_words"].pk, ranked["folded_words"].pk}


def test_relevance_pages_read_across_rank_levels(client, ranked, indexed):
    """Every page of a ranked query, at any size, is the matching slice of the whole ranking."""
    with indexed():
        titled = factories.story(factories.unit("UBND xã Tựa Đề"), "Ngỗng gáy sớm", summary="Ngỗng gáy sớm.")
    expected = [titled.pk] + [
        ranked[key].pk for key in ("exact_phrase", "exact_words", "folded_phrase", "folded_words")
    ]
    assert ids(api(client, q="ngỗng gáy")) == expected
    for size in (1, 2, 3):
        pages = [api(client, q="ngỗng gáy", page=page, page_size=size) for page in range(1, len(expected) // size + 3)]
        assert {data["count"] for data in pages} == {len(expected)}
        assert [pk for data in pages for pk in ids(data)] == expected, size


@pytest.mark.parametrize("params", [{"q": "nông nghiệp"}, {"q": "phong trào thi đua"}, {}, {"type": "exemplar"}])
def test_pages_are_slices_of_the_whole_order(client, search_backend, params):
    """Any page size reads the same order."""
    whole = ids(api(client, **params))[:24]
    assert len(whole) >= 8
    for size in (1, 3, 5):
        pages = [ids(api(client, **params, page=page, page_size=size)) for page in range(1, len(whole) // size + 1)]
        assert [pk for page in pages for pk in page] == whole[: len(whole) // size * size], size


def test_date_sort_is_newest_first(client, ranked):
    order = ids(api(client, q="ngỗng gáy", sort="date"))
    assert order == [ranked[key].pk for key in ("folded_words", "folded_phrase", "exact_words", "exact_phrase")]


def _expected_story_facets() -> dict[str, Counter]:
    """Facet counts of every live, public story, computed from the content tables."""
    stories = list(ExemplarStoryPage.objects.live().public().select_related("field", "locality", "movement"))
    public_movements = {story.movement_id for story in stories if story.public_movement()}
    expected = {
        "field": Counter(story.field.slug for story in stories),
        "subject_type": Counter(story.subject_type for story in stories),
        "year": Counter(str(story.year) for story in stories),
        "movement": Counter(story.movement.slug for story in stories if story.movement_id in public_movements),
        "award": Counter(),
        "locality": Counter(),
    }
    story_ids = {story.pk for story in stories}
    for award in Award.objects.all():
        holders = set(StoryAward.objects.filter(award=award).values_list("story_id", flat=True)) & story_ids
        if holders:
            expected["award"][award.slug] = len(holders)
    for locality in Locality.objects.all():
        covered = locality.related_ids()
        count = sum(1 for story in stories if story.locality_id in covered)
        if count:
            expected["locality"][locality.slug] = count
    return expected


def test_facet_counts_match_the_database(client, search_backend):
    data = api(client, type="exemplar")
    assert data["count"] == ExemplarStoryPage.objects.live().public().count()
    for facet, counts in _expected_story_facets().items():
        assert facet_counts(data, facet) == dict(counts), facet


def test_facet_counts_under_a_filter_match_the_filtered_results(client, search_backend):
    data = api(client, type="exemplar", field="nong-nghiep")
    stories = ExemplarStoryPage.objects.live().public().filter(field__slug="nong-nghiep")
    assert set(ids(data)) == set(stories.values_list("pk", flat=True))
    assert facet_counts(data, "year") == dict(Counter(str(year) for year in stories.values_list("year", flat=True)))
    for slug, count in facet_counts(data, "locality").items():
        assert api(client, type="exemplar", field="nong-nghiep", locality=slug)["count"] == count


@pytest.fixture
def merged_localities(indexed):
    """A province with a district and a commune, an old district merged into it, and an alias."""
    with indexed():
        province = factories.locality("Tỉnh Ngỗng Trời", kind=Locality.Kind.PROVINCE)
        district = factories.locality("Huyện Ngỗng Nam", kind=Locality.Kind.DISTRICT, parent=province)
        commune = factories.locality("Xã Ngỗng Đông", parent=district)
        old = factories.locality("Huyện Ngỗng Xưa", kind=Locality.Kind.DISTRICT, successor=province, is_active=False)
        old_commune = factories.locality("Xã Ngỗng Cũ", parent=old)
        LocalityAlias.objects.create(locality=province, name="Ngỗng Thành")
        elsewhere = factories.locality("Xã Vịt Bầu")
        unit = factories.unit("UBND tỉnh Ngỗng Trời")
        stories = {
            "commune": factories.story(unit, "Ngỗng trời ở xã Đông", locality=commune),
            "old_commune": factories.story(unit, "Ngỗng trời ở xã Cũ", locality=old_commune),
            "elsewhere": factories.story(unit, "Ngỗng trời ở xã Vịt Bầu", locality=elsewhere),
        }
    places = {"province": province, "district": district, "commune": commune, "old": old, "old_commune": old_commune}
    return places, stories


def test_locality_filter_covers_subtree_aliases_and_predecessors(client, merged_localities):
    places, stories = merged_localities
    expectations = {
        places["province"].slug: {"commune", "old_commune"},
        "ngong-thanh": {"commune", "old_commune"},
        places["district"].slug: {"commune"},
        places["old"].slug: {"old_commune"},
        places["commune"].slug: {"commune"},
    }
    for slug, keys in expectations.items():
        found = set(ids(api(client, q="ngỗng trời", locality=slug)))
        assert found == {stories[key].pk for key in keys}, slug


def test_locality_facet_counts_what_its_filter_finds(client, merged_localities):
    places, stories = merged_localities
    counts = facet_counts(api(client, q="ngỗng trời"), "locality")
    assert counts[places["province"].slug] == 2
    assert counts[places["district"].slug] == 1
    assert counts[places["old"].slug] == 1
    for slug, count in counts.items():
        assert api(client, q="ngỗng trời", locality=slug)["count"] == count


@pytest.fixture
def hidden(indexed):
    """One public story and every kind of hidden one, all about “ngỗng ẩn”."""
    with indexed():
        unit = factories.unit("UBND xã Ẩn Mình")
        restricted_unit = factories.unit("Phòng họp kín")
        factories.restrict(restricted_unit)
        public = factories.story(unit, "Ngỗng ẩn: bài công khai", field=Field.objects.get(slug="y-te"))
        factories.story(unit, "Ngỗng ẩn: bản nháp", publish_it=False)
        private = factories.story(unit, "Ngỗng ẩn: bài hạn chế xem")
        factories.restrict(private)
        factories.story(restricted_unit, "Ngỗng ẩn: trong mục hạn chế")
        expiring = factories.story(unit, "Ngỗng ẩn: sắp hết hạn")
        expiring.expire_at = timezone.now() + timedelta(seconds=1)
        factories.publish(expiring)
        newer = factories.story(unit, "Ngỗng ẩn: đã đăng")
        newer.title = "Ngỗng ẩn: NỘI DUNG CHƯA DUYỆT"
        newer.save_revision()
    return public, newer


def test_drafts_private_restricted_and_expired_content_never_shows(client, hidden):
    import time

    public, newer = hidden
    time.sleep(1.2)  # let the expiring story's expiry pass
    data = api(client, q="ngỗng ẩn")
    assert set(ids(data)) == {public.pk, newer.pk}
    assert facet_counts(data, "field").get("y-te") == 1
    assert sum(facet_counts(data, "subject_type").values()) == 2
    assert api(client, q="chưa duyệt ngỗng")["count"] == 0
    titles = {hit["title"] for hit in data["results"]}
    assert "Ngỗng ẩn: NỘI DUNG CHƯA DUYỆT" not in titles


def test_query_service_directly_reports_its_backend(search_backend):
    results = search(SearchQuery(text="nông nghiệp", limit=3))
    assert results.backend == search_backend and len(results.hits) <= 3


def test_both_backends_agree(client, settings, request):
    """Same query semantics: identical results in identical order, identical facets."""
    from tests.search_fixtures import use_backend

    queries = [
        {"q": "nông nghiệp"},
        {"q": "nong nghiep", "type": "exemplar"},
        {"type": "exemplar", "subject_type": "collective"},
        {"q": "phong trào thi đua", "page": 2, "page_size": 5},
        {"locality": "tan-bien", "sort": "date"},
    ]
    answers = {}
    for backend in ("database", "elasticsearch"):
        use_backend(backend, request, settings)
        answers[backend] = [client.get("/api/v3/search/", params).json() for params in queries]
    for database, elasticsearch in zip(answers["database"], answers["elasticsearch"]):
        assert database["backend"] == "database" and elasticsearch["backend"] == "elasticsearch"
        database.pop("backend"), elasticsearch.pop("backend")
        assert database == elasticsearch

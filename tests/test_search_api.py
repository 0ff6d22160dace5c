"""`GET /api/v3/search/` (DESIGN §6): the response shape, the OpenAPI document, bad parameters → 400."""

import orjson
import pytest

from exemplar_pages.models import ExemplarStoryPage, Field
from search.query import SearchQuery

pytestmark = pytest.mark.django_db

HIT_KEYS = {
    "id",
    "type",
    "title",
    "url",
    "summary",
    "subject_type",
    "year",
    "field",
    "locality",
    "movement",
    "highlight",
}
FACET_KEYS = {"field", "locality", "movement", "subject_type", "year", "award"}


def test_response_has_the_contract_shape(client, search_backend):
    response = client.get("/api/v3/search/", {"q": "nông nghiệp", "type": "exemplar", "page_size": 5})
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data) == {"count", "page", "page_size", "backend", "results", "facets"}
    assert data["backend"] == search_backend
    assert data["page"] == 1 and data["page_size"] == 5
    assert 0 < len(data["results"]) <= 5 and data["count"] >= len(data["results"])
    for hit in data["results"]:
        assert set(hit) == HIT_KEYS
        assert hit["type"] == "exemplar"
        assert set(hit["field"]) == {"slug", "name"}
        assert set(hit["locality"]) == {"slug", "name", "path"}
        assert hit["movement"] is None or set(hit["movement"]) == {"slug", "name"}
        assert hit["url"].startswith("/")
    assert set(data["facets"]) == FACET_KEYS
    for values in data["facets"].values():
        for value in values:
            assert set(value) == {"slug", "name", "count"} and value["count"] > 0


def test_api_hits_are_the_pages_as_they_are_now(client, search_backend):
    """Each hit says what its page says (title, address, field, place, movement), and follows an edit of the page."""

    def hits() -> dict[int, dict]:
        data = client.get("/api/v3/search/", {"q": "nông nghiệp", "type": "exemplar", "page_size": 100}).json()
        return {hit["id"]: hit for hit in data["results"]}

    found = hits()
    assert found
    for story in ExemplarStoryPage.objects.filter(pk__in=found).select_related("field", "locality", "movement"):
        hit = found[story.pk]
        assert (hit["title"], hit["url"], hit["year"]) == (story.title, story.url, story.year)
        assert (hit["summary"], hit["subject_type"]) == (story.summary, story.subject_type)
        assert hit["field"] == {"slug": story.field.slug, "name": story.field.name}
        assert hit["locality"]["slug"] == story.locality.slug and hit["locality"]["name"] == story.locality.name
        assert hit["movement"] == (
            {"slug": story.movement.slug, "name": story.movement.title} if story.movement else None
        )
    story = ExemplarStoryPage.objects.get(pk=next(iter(found)))
    story.title = f"{story.title} <đổi tên> & “mới”"
    story.save_revision().publish()  # the index follows publication
    assert hits()[story.pk]["title"] == story.title


def test_facet_names_keep_their_diacritics(client, search_backend):
    data = client.get("/api/v3/search/", {"type": "exemplar"}).json()
    names = {value["slug"]: value["name"] for value in data["facets"]["field"]}
    assert names["nong-nghiep"] == "Nông nghiệp"
    subject_types = {value["slug"]: value["name"] for value in data["facets"]["subject_type"]}
    assert subject_types.get("individual") == "Cá nhân"


def test_search_is_in_the_openapi_document(client):
    spec = client.get("/api/v3/openapi.json").json()
    operation = spec["paths"]["/api/v3/search/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "type", "field", "locality", "movement", "subject_type", "year", "award", "page", "page_size"} <= names
    assert "200" in operation["responses"] and "400" in operation["responses"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "nhiều"}, "page_size"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "1001"}, "page"),
        ({"page": "200", "page_size": "100"}, "page"),
        ({"q": "a" * 201}, "q"),
        ({"type": "news"}, "type"),
        ({"field": "khong-co-linh-vuc"}, "field"),
        ({"locality": "khong-co-dia-ban"}, "locality"),
        ({"movement": "khong-co-phong-trao"}, "movement"),
        ({"award": "khong-co-danh-hieu"}, "award"),
        ({"subject_type": "robot"}, "subject_type"),
        ({"year": "20x3"}, "year"),
        ({"year": "1800"}, "year"),
        ({"sort": "random"}, "sort"),
        ({"year": [str(year) for year in range(2000, 2021)]}, "year"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, params, parameter):
    response = client.get("/api/v3/search/", params)
    assert response.status_code == 400, response.content
    assert f"`{parameter}`" in response.json()["detail"]


def test_page_size_and_page_bounds(client, search_backend):
    total = ExemplarStoryPage.objects.live().public().count()
    first = client.get("/api/v3/search/", {"type": "exemplar", "page_size": 100}).json()
    assert first["count"] == total and len(first["results"]) == min(total, 100)
    beyond = client.get("/api/v3/search/", {"type": "exemplar", "page": 50, "page_size": 100}).json()
    assert beyond["count"] == total and beyond["results"] == []
    deepest = client.get("/api/v3/search/", {"page": 100, "page_size": 100})
    assert deepest.status_code == 200


def test_pages_do_not_overlap(client, search_backend):
    params = {"type": "exemplar", "page_size": 7, "sort": "date"}
    first = client.get("/api/v3/search/", {**params, "page": 1}).json()["results"]
    second = client.get("/api/v3/search/", {**params, "page": 2}).json()["results"]
    assert first and second
    assert {hit["id"] for hit in first}.isdisjoint({hit["id"] for hit in second})


def test_repeatable_filters_combine_within_and_across_facets(client, search_backend):
    fields = ["nong-nghiep", "y-te"]
    data = client.get("/api/v3/search/", {"field": fields, "subject_type": "individual", "page_size": 100}).json()
    expected = ExemplarStoryPage.objects.live().public().filter(field__slug__in=fields, subject_type="individual")
    assert data["count"] == expected.count()
    assert {hit["id"] for hit in data["results"]} == set(expected.values_list("pk", flat=True))
    assert Field.objects.filter(slug__in=fields).count() == 2


def test_highlight_marks_words_and_escapes_the_rest(client, search_backend):
    data = client.get("/api/v3/search/", {"q": "nong nghiep"}).json()
    highlighted = [hit["highlight"] for hit in data["results"] if hit["highlight"]]
    assert highlighted
    for fragment in highlighted:
        assert "<mark>" in fragment
        without_marks = fragment.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in without_marks and ">" not in without_marks


def test_public_search_page_has_facet_filters_with_counts(client, search_backend):
    html = client.get("/tim-kiem/", {"q": "nong nghiep"}).content.decode()
    assert 'name="field" value="nong-nghiep"' in html and "facet__count" in html
    data = client.get("/api/v3/search/", {"q": "nong nghiep", "field": "nong-nghiep"}).json()
    narrowed = client.get("/tim-kiem/", {"q": "nong nghiep", "field": "nong-nghiep"})
    assert narrowed.context["results"].count == data["count"] > 0
    assert 'name="field" value="nong-nghiep" checked' in narrowed.content.decode()
    assert "<mark>" in narrowed.content.decode()


def test_public_search_page_reports_bad_parameters(client):
    response = client.get("/tim-kiem/", {"page_size": "5", "year": "năm ngoái"})
    assert response.status_code == 400
    assert "`year`" in response.content.decode()


def test_column_page_shows_facet_counts(client, search_backend):
    from exemplar_pages.models import ColumnPage

    column = ColumnPage.objects.get(slug="dien-hinh-tien-tien")
    response = client.get(column.url)
    facets = {key: values for key, _, values in response.context["facet_groups"]}
    total = response.context["page_obj"].paginator.count
    assert sum(value.count for value in facets["subject_type"]) == total
    assert "facet__count" in response.content.decode()


def test_api_facets_are_the_labelled_facets_of_the_pages(client, search_backend):
    """The API's ready-made facet JSON holds what the HTML pages label: same values, names, order, counts."""
    from search.service import label_facets, search

    results = search(SearchQuery(text="", limit=1))
    labelled = label_facets(results.facet_counts, SearchQuery())
    data = client.get("/api/v3/search/", {"page_size": 1}).json()
    assert data["facets"] == {facet: [value.as_dict() for value in values] for facet, values in labelled.items()}
    assert data["facets"]["locality"] and data["facets"]["year"]
    assert [value["slug"] for value in data["facets"]["year"]] == sorted(results.facet_counts["year"], reverse=True)


def facets_json(counts: dict[str, dict[str, int]]) -> dict[str, list[dict]]:
    """The facets as the API renders them."""
    from search.service import label_facets

    return {
        facet: [value.as_dict() for value in values] for facet, values in label_facets(counts, SearchQuery()).items()
    }


def test_api_facets_follow_a_renamed_value_and_list_unlabelled_ones_last():
    from search.labels import labels_changed, taxonomy_labels

    field = Field.objects.order_by("pk").first()
    counts = {"field": {field.slug: 3, "chua-co-ten": 1}, "year": {"2023": 2, "2025": 1}}
    rendered = orjson.loads(orjson.dumps(facets_json(counts)))
    assert rendered["field"] == [
        {"slug": field.slug, "name": taxonomy_labels()["field"][field.slug][0], "count": 3},
        {"slug": "chua-co-ten", "name": "chua-co-ten", "count": 1},
    ]
    assert rendered["year"] == [
        {"slug": "2025", "name": "2025", "count": 1},
        {"slug": "2023", "name": "2023", "count": 2},
    ]
    Field.objects.filter(pk=field.pk).update(name="Lĩnh vực “đổi tên” <thử>")
    labels_changed()
    renamed = orjson.loads(orjson.dumps(facets_json(counts)))["field"]
    assert renamed[0]["name"] == "Lĩnh vực “đổi tên” <thử>"


def test_facet_values_come_in_reading_order_however_many_are_present():
    """A few values are sorted by rank, many are picked from the ranked list: the same reading order, zeros left out."""
    from search.labels import labels_changed, taxonomy_labels

    Field.objects.filter(pk=Field.objects.order_by("pk").first().pk).update(name="Lĩnh vực 100% <mới>")
    labels_changed()
    ranked = sorted(taxonomy_labels()["field"], key=lambda slug: taxonomy_labels()["field"][slug][2])
    assert len(ranked) >= 10
    for present in (ranked[::-1], ranked[5:7], ranked[3:4]):  # every value / two of them / one
        counts = {"field": {slug: number + 1 for number, slug in enumerate(present)} | {"bo-qua": 0}}
        rendered = orjson.loads(orjson.dumps(facets_json(counts)))["field"]
        assert [value["slug"] for value in rendered] == [slug for slug in ranked if slug in present]
        assert all(value["count"] == counts["field"][value["slug"]] for value in rendered)
        assert all(value["name"] == taxonomy_labels()["field"][value["slug"]][0] for value in rendered)

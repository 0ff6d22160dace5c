"""The headless v3 API: every page type's fields, the taxonomies, and no drafts."""

import pytest

from exemplar_pages.models import ExemplarStoryPage, Field, Locality, MovementPage, PlanPage
from tests import factories

pytestmark = pytest.mark.django_db


def api_items(client, **params):
    """Every item of a paginated page listing."""
    items, offset = [], 0
    while True:
        response = client.get("/api/v3/pages/", {**params, "limit": 20, "offset": offset})
        assert response.status_code == 200, response.content
        data = response.json()
        items += data["items"]
        offset += 20
        if offset >= data["count"]:
            return items


def test_openapi_document_is_served(client):
    spec = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/pages/" in spec["paths"]
    assert "/api/v3/taxonomies/fields/" in spec["paths"]
    assert "/api/v3/taxonomies/localities/" in spec["paths"]


def test_story_detail_exposes_its_fields(client):
    story = ExemplarStoryPage.objects.live().public().filter(awards__isnull=False).first()
    data = client.get(f"/api/v3/pages/{story.pk}/").json()
    assert data["meta"]["type"] == "exemplar_pages.ExemplarStoryPage"
    assert data["subject_name"] == story.subject_name
    assert data["subject_type"] == story.subject_type
    assert data["year"] == story.year
    assert data["field_detail"] == {"slug": story.field.slug, "name": story.field.name}
    assert data["locality_detail"]["path"] == story.locality.display_path
    assert data["award_list"][0]["name"] == story.awards.first().award.name
    assert sorted(data["tag_names"]) == sorted(tag.name for tag in story.tags.all())
    assert isinstance(data["body"], list) and data["body"]


def test_plan_detail_exposes_its_fields(client):
    plan = PlanPage.objects.live().public().exclude(number="").first()
    data = client.get(f"/api/v3/pages/{plan.pk}/").json()
    assert data["number"] == plan.number
    assert data["issue_date"] == plan.issue_date.isoformat()
    assert data["issuing_body"] == plan.issuing_body
    assert data["signer_name"] == plan.signer_name
    assert data["recipient_list"] == plan.recipient_list
    assert [ref["number"] for ref in data["basis_references"]] == [ref.number for ref in plan.basis.all()]
    assert [a["unit"] for a in data["assignment_list"]] == [a.unit for a in plan.assignments.all()]
    assert data["sections"]


def test_movement_and_column_details(client):
    movement = MovementPage.objects.live().public().first()
    data = client.get(f"/api/v3/pages/{movement.pk}/").json()
    assert data["status"] == movement.status and data["scope"] == movement.scope
    column = client.get("/api/v3/pages/", {"slug": "dien-hinh-tien-tien"}).json()["items"][0]
    detail = client.get(f"/api/v3/pages/{column['id']}/").json()
    assert detail["content_types"] == ["exemplar"]


def test_api_lists_no_draft_private_or_expired_page(client):
    unit = factories.unit("UBND xã API thử")
    draft = factories.story(unit, "API: bản nháp", publish_it=False)
    private = factories.story(unit, "API: hạn chế xem")
    factories.restrict(private)
    published = factories.story(unit, "API: đã đăng")
    published.title = "API: bản sửa chưa duyệt"
    published.save_revision()

    items = api_items(client, type="exemplar_pages.ExemplarStoryPage")
    ids = {item["id"] for item in items}
    titles = {item["title"] for item in items}
    assert published.pk in ids and "API: đã đăng" in titles
    assert draft.pk not in ids and private.pk not in ids
    assert "API: bản sửa chưa duyệt" not in titles
    expected = set(ExemplarStoryPage.objects.live().public().values_list("pk", flat=True))
    assert ids == expected
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{private.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{published.pk}/").json()["title"] == "API: đã đăng"


def test_taxonomies_are_readable(client):
    fields = client.get("/api/v3/taxonomies/fields/").json()
    assert len(fields) == 13 and {"slug", "name"} <= set(fields[0])
    awards = client.get("/api/v3/taxonomies/awards/").json()
    assert any(award["slug"] == "lao-dong-tien-tien" for award in awards)
    roots = client.get("/api/v3/taxonomies/localities/", {"parent": "root", "limit": 20}).json()
    assert roots["count"] >= 5
    province = roots["items"][0]
    children = client.get("/api/v3/taxonomies/localities/", {"parent": province["slug"]}).json()["items"]
    assert all(child["parent"] == province["slug"] for child in children)
    detail = client.get(f"/api/v3/taxonomies/localities/{province['slug']}/").json()
    assert detail["path"] == province["name"]
    assert client.get("/api/v3/taxonomies/localities/khong-ton-tai/").status_code == 404


def story_payload(parent_id: int, title: str, **changes) -> dict:
    """A v3 API create body for an exemplar story."""
    payload = {
        "meta": {"type": "exemplar_pages.ExemplarStoryPage", "parent_id": parent_id},
        "title": title,
        "subject_name": "Lê Văn Tư",
        "subject_type": "individual",
        "field_id": Field.objects.get(slug="y-te").pk,
        "locality_id": Locality.objects.first().pk,
        "year": 2024,
        "summary": "Tạo qua API.",
        "body": [{"type": "paragraph", "value": "<p>Nội dung <script>alert(1)</script><b>đậm</b></p>"}],
    }
    payload.update(changes)
    return payload


def test_editor_creates_a_sanitised_draft_story_in_their_unit_over_the_api(client, cast):
    response = client.post(
        "/api/v3/pages/",
        story_payload(cast.unit.pk, "API: điển hình mới"),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {cast.token(cast.editor)}",
    )
    assert response.status_code == 201, response.content
    story = ExemplarStoryPage.objects.get(pk=response.json()["id"])
    assert (story.live, story.slug, story.year, story.field.slug) == (False, "api-dien-hinh-moi", 2024, "y-te")
    body = story.get_latest_revision_as_object().body[0].value.source
    assert "<script>" not in body and "<b>đậm</b>" in body
    assert client.get(f"/api/v3/pages/{story.pk}/").status_code == 404


def test_editor_cannot_create_in_another_unit_over_the_api(client, cast):
    before = ExemplarStoryPage.objects.count()
    response = client.post(
        "/api/v3/pages/",
        story_payload(cast.other_unit.pk, "API: lấn sân"),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {cast.token(cast.editor)}",
    )
    assert response.status_code == 403
    assert ExemplarStoryPage.objects.count() == before


def test_api_create_without_required_fields_names_them(client, cast):
    payload = story_payload(cast.unit.pk, "API: thiếu năm")
    del payload["year"]
    response = client.post(
        "/api/v3/pages/",
        payload,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {cast.token(cast.editor)}",
    )
    assert response.status_code in (400, 422)
    assert "year" in response.content.decode()
    assert not ExemplarStoryPage.objects.filter(title="API: thiếu năm").exists()


def test_awards_are_written_as_people_write_them_over_the_api(client, cast):
    """Issue #14: the API takes an award as written and reads it with the importers' parser."""
    payload = story_payload(
        cast.unit.pk,
        "API: điển hình có khen thưởng",
        awards=[
            {"text": "Bằng khen của Chủ tịch UBND tỉnh", "year": 2024},
            {"text": "Giải Nhất cuộc thi Dân vận khéo năm 2023"},
        ],
    )
    response = client.post(
        "/api/v3/pages/",
        payload,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {cast.token(cast.editor)}",
    )
    assert response.status_code == 201, response.content
    story = ExemplarStoryPage.objects.get(pk=response.json()["id"]).get_latest_revision_as_object()
    first, second = list(story.awards.all())
    assert first.award is not None and first.award.level == "tinh" and first.year == 2024
    assert second.award is None and second.text.startswith("Giải Nhất")  # kept as written

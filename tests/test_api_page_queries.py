"""`GET /api/v3/pages/{id}/` in a fixed number of SQL queries (issue #13, point 5).

Each count is exact, so a new query per answer fails here, and the same whatever the number of
awards, tags, legal-basis references or locality levels (no query per row). Counted in a warm
process (one answer first): Django keeps content types and Wagtail the site root paths across
requests.

Anonymous readers, for every page: the view restrictions, the site, the live pages past their
expiry (Wagtail's public tier and `visibility.install_api_visibility`), the page, its specific row
with the locale and its API foreign keys joined (`exemplar_pages.api.detail_page`), its parent
(`meta.parent`). With an editor's token the first three are the token and the editor's page
permissions instead, less one: the token's user comes joined.
"""

import pytest
from wagtail.models import Page

from exemplar_pages.models import Award, PlanReference, StoryAward
from tests import factories
from tests.moderation_fixtures import bearer

pytestmark = pytest.mark.django_db

# view restrictions, site, expired live pages, page, specific page, parent, and the ancestors' alias ids
# (Wagtail's get_view_restrictions, since the English pages turned Wagtail's locales on)
ANONYMOUS_BASE = 7
EDITOR_BASE = 5  # token, page permissions, page, specific page, parent
STORY = 5  # public movement (restrictions + movement), awards with their award, tags, gallery with its images
PLAN = 4  # basis references, their public linked plans (restrictions + plans), assignments
PLAN_MOVEMENTS = 3  # linked movement ids, then the public ones (restrictions + movements)
MOVEMENT = 1  # its locality (an id in the answer) and hero image are joined; gallery with its images


@pytest.fixture
def content(cast):
    """A story with awards, tags, a movement and a locality three levels deep; a plan; a movement."""
    province = factories.locality("Tỉnh Đo Truy Vấn", kind="tinh")
    district = factories.locality("Huyện Đo Truy Vấn", kind="huyen", parent=province)
    commune = factories.locality("Xã Đo Truy Vấn", kind="xa", parent=district)
    movement = factories.movement(cast.unit, "Phong trào đo truy vấn", locality=district)
    story = factories.story(cast.unit, "Gương đo truy vấn", movement=movement, locality=commune)
    add_awards_and_tags(story, 1)
    other_plans = [factories.plan(cast.unit) for _ in range(3)]
    plan = factories.plan(cast.unit, "Kế hoạch đo truy vấn")
    add_references(plan, other_plans[:1])
    plan.movements.add(movement)
    factories.publish(plan)
    return {"story": story, "plan": plan, "movement": movement, "other_plans": other_plans}


def add_awards_and_tags(story, count: int) -> None:
    for award in Award.objects.order_by("pk")[story.awards.count() : story.awards.count() + count]:
        story.awards.add(StoryAward(award=award, year=2024, conferred_by="Chủ tịch UBND tỉnh"))
    start = story.tags.count()
    story.tags.add(*[f"từ khóa đo {index}" for index in range(start, start + count)])
    factories.publish(story)


def add_references(plan, linked_plans) -> None:
    for linked in linked_plans:
        plan.basis.add(PlanReference(number=linked.number, issuer="UBND tỉnh", linked_plan=linked))
    factories.publish(plan)


def read(client, page, django_assert_num_queries, expected: int, **headers) -> dict:
    """The page's detail answer, asserting its exact number of queries (after one warming answer)."""
    assert client.get(f"/api/v3/pages/{page.pk}/", **headers).status_code == 200
    with django_assert_num_queries(expected):
        response = client.get(f"/api/v3/pages/{page.pk}/", **headers)
    assert response.status_code == 200, response.content
    return response.json()


def test_story_anonymous(client, content, django_assert_num_queries):
    story = content["story"]
    data = read(client, story, django_assert_num_queries, ANONYMOUS_BASE + STORY)
    assert data["locality_detail"]["path"] == "Tỉnh Đo Truy Vấn › Huyện Đo Truy Vấn › Xã Đo Truy Vấn"
    assert data["movement"]["id"] == content["movement"].pk
    assert data["movement_detail"] == {"slug": content["movement"].slug, "name": "Phong trào đo truy vấn"}
    assert data["field_detail"]["slug"] == "nong-nghiep"
    assert data["meta"]["locale"] and data["meta"]["parent"]["id"] == story.get_parent().pk
    assert [award["year"] for award in data["award_list"]] == [2024]
    assert data["tag_names"] == ["từ khóa đo 0"]


def test_story_queries_do_not_grow_with_awards_and_tags(client, content, django_assert_num_queries):
    story = content["story"]
    add_awards_and_tags(story, 4)
    data = read(client, story, django_assert_num_queries, ANONYMOUS_BASE + STORY)
    assert len(data["award_list"]) == 5 and len(data["tag_names"]) == 5
    assert {award["name"] for award in data["award_list"]} == set(
        Award.objects.order_by("pk")[:5].values_list("name", flat=True)
    )


def test_locality_deeper_than_the_join_costs_one_query(client, content, django_assert_num_queries):
    """Four levels are joined; a fifth reads the path with one query, still the right path."""
    story = content["story"]
    hamlet = factories.locality("Thôn Đo", kind="khac", parent=story.locality)
    below = factories.locality("Xóm Đo", kind="khac", parent=hamlet)
    story.locality = below
    factories.publish(story)
    data = read(client, story, django_assert_num_queries, ANONYMOUS_BASE + STORY + 1)
    assert data["locality_detail"]["path"] == (
        "Tỉnh Đo Truy Vấn › Huyện Đo Truy Vấn › Xã Đo Truy Vấn › Thôn Đo › Xóm Đo"
    )


def test_story_with_an_editors_token(client, cast, content, django_assert_num_queries):
    story = content["story"]
    data = read(client, story, django_assert_num_queries, EDITOR_BASE + STORY, **bearer(cast.token(cast.editor)))
    assert data["movement"]["id"] == content["movement"].pk
    assert data["locality_detail"]["path"].endswith("› Xã Đo Truy Vấn")


def test_private_movement_is_hidden_from_anonymous_readers_only(client, cast, content, django_assert_num_queries):
    story, movement = content["story"], content["movement"]
    factories.restrict(Page.objects.get(pk=movement.pk))
    data = read(client, story, django_assert_num_queries, ANONYMOUS_BASE + STORY)
    assert data["movement"] is None and data["movement_detail"] is None
    data = read(client, story, django_assert_num_queries, EDITOR_BASE + STORY, **bearer(cast.token(cast.editor)))
    assert data["movement"]["id"] == movement.pk and data["movement_detail"] is None


def test_story_without_movement(client, content, django_assert_num_queries):
    story = content["story"]
    story.movement = None
    factories.publish(story)
    data = read(client, story, django_assert_num_queries, ANONYMOUS_BASE + STORY - 2)
    assert data["movement"] is None and data["movement_detail"] is None


def test_plan_anonymous_and_with_a_token(client, cast, content, django_assert_num_queries):
    plan, others = content["plan"], content["other_plans"]
    data = read(client, plan, django_assert_num_queries, ANONYMOUS_BASE + PLAN + PLAN_MOVEMENTS)
    assert [reference["linked_plan_id"] for reference in data["basis_references"]] == [others[0].pk]
    assert data["movement_ids"] == [content["movement"].pk]
    add_references(plan, others[1:])
    factories.restrict(Page.objects.get(pk=others[2].pk))
    data = read(client, plan, django_assert_num_queries, ANONYMOUS_BASE + PLAN + PLAN_MOVEMENTS)
    assert [reference["linked_plan_id"] for reference in data["basis_references"]] == [
        others[0].pk,
        others[1].pk,
        None,
    ]
    token = bearer(cast.token(cast.editor))
    data = read(client, plan, django_assert_num_queries, EDITOR_BASE + PLAN + PLAN_MOVEMENTS, **token)
    assert len(data["basis_references"]) == 3


def test_plan_without_linked_plans(client, content, django_assert_num_queries):
    plan = content["plan"]
    plan.basis = []
    factories.publish(plan)
    data = read(client, plan, django_assert_num_queries, ANONYMOUS_BASE + PLAN - 2 + PLAN_MOVEMENTS)
    assert data["basis_references"] == []


def test_movement_anonymous_and_with_a_token(client, cast, content, django_assert_num_queries):
    movement = content["movement"]
    data = read(client, movement, django_assert_num_queries, ANONYMOUS_BASE + MOVEMENT)
    assert data["locality"]["id"] == movement.locality_id
    assert data["meta"]["parent"]["id"] == cast.unit.pk
    read(client, movement, django_assert_num_queries, EDITOR_BASE + MOVEMENT, **bearer(cast.token(cast.editor)))


def test_story_queries_do_not_grow_with_hero_and_gallery(client, content, django_assert_num_queries):
    """The hero image is joined, the gallery's photos read with their images at once, and renditions come
    from Wagtail's rendition cache once made (issue #17)."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from exemplar_pages.models import StoryGalleryImage

    def image(name):
        return get_image_model().objects.create(title=name, file=get_test_image_file(f"{name}.png", colour=name))

    story = content["story"]
    story.hero_image, story.hero_image_alt = image("red"), "Ảnh đại diện"
    story.gallery_images = [StoryGalleryImage(image=image(colour), alt=colour) for colour in ("blue", "green", "gray")]
    factories.publish(story)
    data = read(client, story, django_assert_num_queries, ANONYMOUS_BASE + STORY)
    assert data["hero_image"]["alt"] == "Ảnh đại diện" and [item["alt"] for item in data["gallery"]] == [
        "blue",
        "green",
        "gray",
    ]

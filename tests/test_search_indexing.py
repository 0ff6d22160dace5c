"""The index follows publication (DESIGN §5), on both backends."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from exemplar_pages.models import Award, ExemplarStoryPage, Field, Locality
from search.models import SearchDocument
from tests import factories

pytestmark = pytest.mark.django_db


def hits(client, q: str, **params) -> dict[int, dict]:
    response = client.get("/api/v3/search/", {"q": q, "page_size": 100, **params})
    assert response.status_code == 200, response.content
    return {hit["id"]: hit for hit in response.json()["results"]}


@pytest.fixture
def indexed(search_backend, django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def unit(indexed):
    with indexed():
        return factories.unit("UBND xã Chỉ Mục")


def test_publish_and_unpublish(client, indexed, unit):
    with indexed():
        story = factories.story(unit, "Bồ câu đưa thư kiểu mới")
    assert story.pk in hits(client, "bo cau dua thu")
    with indexed():
        story.unpublish()
    assert story.pk not in hits(client, "bồ câu đưa thư")
    with indexed():
        factories.publish(story)
    assert story.pk in hits(client, "bồ câu đưa thư")


def test_republishing_replaces_the_document(client, indexed, unit):
    with indexed():
        story = factories.story(unit, "Chim sáo biết hát")
        story.title = "Chim khướu biết hát"
        factories.publish(story)
    assert story.pk in hits(client, "chim khướu")
    assert story.pk not in hits(client, "chim sáo")


def test_move_updates_the_url_and_restriction(client, indexed, unit):
    with indexed():
        other = factories.unit("UBND xã Chuyển Đến")
        story = factories.story(unit, "Chim én báo xuân")
        story.move(other, pos="last-child")
    assert hits(client, "chim én")[story.pk]["url"].startswith(other.url)
    with indexed():
        closed = factories.unit("Phòng lưu trữ kín")
        factories.restrict(closed)
        ExemplarStoryPage.objects.get(pk=story.pk).move(closed, pos="last-child")
    assert story.pk not in hits(client, "chim én")


def test_delete_removes_the_document(client, indexed, unit):
    with indexed():
        story = factories.story(unit, "Chim cu gáy đồng quê")
    assert story.pk in hits(client, "chim cu gáy")
    with indexed():
        ExemplarStoryPage.objects.get(pk=story.pk).delete()
    assert story.pk not in hits(client, "chim cu gáy")
    assert not SearchDocument.objects.filter(page_id=story.pk).exists()


def test_view_restriction_on_an_ancestor_hides_and_lifting_it_shows(client, indexed, unit):
    with indexed():
        story = factories.story(unit, "Chim công múa")
        restriction = factories.restrict(unit)
    assert story.pk not in hits(client, "chim công")
    with indexed():
        PageViewRestriction.objects.filter(pk=restriction.pk).first().delete()
    assert story.pk in hits(client, "chim công")


def test_renaming_taxonomies_updates_their_stories(client, indexed, unit):
    award = Award.objects.first()
    with indexed():
        commune = factories.locality("Xã Sơn Ca Cũ")
        story = factories.story(unit, "Chim sơn ca", locality=commune, field=Field.objects.get(slug="y-te"))
        story.awards.create(award=award, year=2024)
        factories.publish(story)
    with indexed():
        field = Field.objects.get(slug="y-te")
        field.name = "Y tế và dân số"
        field.save()
        commune.name = "Xã Sơn Ca Mới"
        commune.save()
        award.name = "Danh hiệu Sơn Ca Vàng"
        award.save()
    hit = hits(client, "chim sơn ca")[story.pk]
    assert hit["field"]["name"] == "Y tế và dân số"
    assert hit["locality"]["name"] == "Xã Sơn Ca Mới"
    assert story.pk in hits(client, "son ca vang")
    assert story.pk in hits(client, "dân số sơn ca")


def test_movement_rename_and_unpublish_reach_its_stories(client, indexed, unit):
    with indexed():
        movement = factories.movement(unit, "Phong trào Chim Hót")
        story = factories.story(unit, "Chim họa mi", movement=movement)
    assert hits(client, "chim họa mi")[story.pk]["movement"]["name"] == "Phong trào Chim Hót"
    with indexed():
        movement.title = "Phong trào Chim Ca"
        factories.publish(movement)
    assert hits(client, "chim họa mi")[story.pk]["movement"]["name"] == "Phong trào Chim Ca"
    with indexed():
        movement.unpublish()
    response = client.get("/api/v3/search/", {"q": "chim họa mi"}).json()
    assert response["results"][0]["movement"] is None
    assert movement.slug not in {value["slug"] for value in response["facets"]["movement"]}


def test_expiry_and_scheduled_go_live_through_publish_scheduled(client, indexed, unit):
    with indexed():
        expiring = factories.story(unit, "Chim hải âu hết hạn")
        ExemplarStoryPage.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
        scheduled = factories.story(unit, "Chim hải âu lên lịch", publish_it=False)
        scheduled.go_live_at = timezone.now() + timedelta(hours=1)
        scheduled.save_revision().publish()
    assert scheduled.pk not in hits(client, "chim hải âu")
    revision = ExemplarStoryPage.objects.get(pk=scheduled.pk).latest_revision
    assert revision.approved_go_live_at is not None
    past = timezone.now() - timedelta(minutes=1)  # as if the hour had passed
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    with indexed():
        call_command("publish_scheduled")
    found = hits(client, "chim hải âu")
    assert scheduled.pk in found and expiring.pk not in found
    assert not SearchDocument.objects.filter(page_id=expiring.pk).exists()


def test_locality_successor_link_updates_facets(client, indexed, unit):
    with indexed():
        old = factories.locality("Xã Chim Sẻ Cũ")
        story = factories.story(unit, "Chim sẻ nhà", locality=old)
        new = factories.locality("Xã Chim Sẻ Mới")
    assert story.pk not in hits(client, "chim sẻ", locality=new.slug)
    with indexed():
        old = Locality.objects.get(pk=old.pk)
        old.successor = new
        old.save()
    assert story.pk in hits(client, "chim sẻ", locality=new.slug)


def test_check_finds_nothing_after_all_that(client, indexed, unit, search_backend):
    with indexed():
        story = factories.story(unit, "Chim yến")
        story.unpublish()
        factories.story(unit, "Chim ưng")
    call_command("search_index", "check", backend=search_backend, no_progress=True)


def test_check_reports_missing_stale_and_unexpected(indexed, unit, search_backend, capsys):
    from django.core.management.base import CommandError

    with indexed():
        kept = factories.story(unit, "Chim cút")
        gone = factories.story(unit, "Chim gõ kiến")
    ExemplarStoryPage.objects.filter(pk=kept.pk).update(title="Chim cút đổi tên lặng lẽ")  # no signal: stale
    ExemplarStoryPage.objects.filter(pk=gone.pk).update(live=False)  # no signal: should not be there
    with pytest.raises(CommandError):
        call_command("search_index", "check", backend=search_backend, no_progress=True)
    output = capsys.readouterr().out
    assert f"stale {kept.pk}" in output and f"unexpected {gone.pk}" in output


def test_deleting_a_restricted_page_and_its_parent(client, indexed, unit):
    with indexed():
        story = factories.story(unit, "Chim cắt bị xóa")
        factories.restrict(story)
        other = factories.story(unit, "Chim bìm bịp bị xóa")
        factories.restrict(unit)
    with indexed():
        ExemplarStoryPage.objects.get(pk=story.pk).delete()
        PageViewRestriction.objects.filter(page=unit).delete()  # lifting by queryset reindexes too
    assert other.pk in hits(client, "bìm bịp")
    with indexed():
        type(unit).objects.get(pk=unit.pk).delete()
    assert not SearchDocument.objects.filter(page_id__in=[story.pk, other.pk]).exists()
    assert other.pk not in hits(client, "bìm bịp")


def test_an_interrupted_rebuild_leaves_the_serving_index_as_it_was(elasticsearch_backend):
    """A rebuild that fails half-way deletes its new index; the alias still serves the old one, whole."""
    from search.backends.elasticsearch import alias_name, concrete_indices, get_client
    from search.replay import rebuild_elasticsearch

    client = get_client()
    serving, indices = concrete_indices(client), set(client.indices.get(index=f"{alias_name()}-*"))
    documents = client.count(index=alias_name())["count"]
    assert serving and documents == SearchDocument.objects.count()

    def interrupted(sent: int, total: int) -> None:
        raise RuntimeError(f"interrupted at {sent} of {total}")

    with pytest.raises(RuntimeError, match="interrupted at"):
        rebuild_elasticsearch(progress=interrupted)
    assert concrete_indices(client) == serving
    assert set(client.indices.get(index=f"{alias_name()}-*")) == indices  # nothing half-built left behind
    assert client.count(index=alias_name())["count"] == documents

"""Files follow their pages (issue #12): a file only non-public pages use is hidden from anonymous readers.

Documents through Wagtail's document view and the v3 API; images through the v3 API and the media route
Django serves when no reverse proxy does (`MEDIA_SERVED_BY_DJANGO`). Editors (session or API token) reach
every file; reference index updates run at once here (immediate tasks), as the worker runs them live.
"""

from __future__ import annotations

import importlib
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import clear_url_caches
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from exemplar_pages.files import PRIVATE_COLLECTION_NAME
from exemplar_pages.models import PlanPage
from tests import factories
from tests.moderation_fixtures import approve_fully, bearer, draft_story, fresh

pytestmark = pytest.mark.django_db

PLAN_FILE = Path(__file__).resolve().parent / "fixtures" / "plans" / "synthetic_xa_phuoc_thanh_2024.txt"


@pytest.fixture(autouse=True)
def media_on_disk(settings, tmp_path: Path) -> Path:
    """Files on disk, as served: Wagtail's document view sends a file from its path, which the test
    settings' in-memory storage names but does not write."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    return tmp_path


def import_draft_plan(cast) -> PlanPage:
    """The editor imports a plan under their unit: a draft with its original stored as a document."""
    call_command("import_plan", str(PLAN_FILE), parent=cast.unit.pk, user=cast.editor.username, stdout=StringIO())
    return PlanPage.objects.child_of(cast.unit).get()


def document(title: str = "Văn bản thử", content: bytes = b"noi dung van ban") -> object:
    doc = get_document_model()(title=title, collection=Collection.get_first_root_node())
    doc.file.save(f"van-ban-{content.decode().replace(' ', '-')}.txt", ContentFile(content), save=False)
    doc.save()
    return doc


def listed(client, kind: str, pk: int, **headers) -> bool:
    """Whether the v3 list of ``kind`` holds the file (filtered on its id, as any client may ask)."""
    response = client.get(f"/api/v3/{kind}/", {"id": pk}, **headers)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]] == [pk]


def assert_document_hidden(client, doc) -> None:
    assert client.get(doc.url).status_code == 404
    assert not listed(client, "documents", doc.pk)
    assert client.get(f"/api/v3/documents/{doc.pk}/").status_code == 404


def assert_document_listed(client, doc, **headers) -> None:
    assert listed(client, "documents", doc.pk, **headers)
    detail = client.get(f"/api/v3/documents/{doc.pk}/", **headers)
    assert detail.status_code == 200 and detail.json()["id"] == doc.pk


def assert_document_served(client, doc, content: bytes) -> None:
    response = client.get(doc.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content


def assert_document_shown(client, doc, content: bytes) -> None:
    assert_document_served(client, doc, content)
    assert_document_listed(client, doc)


def test_an_imported_plan_original_is_private_until_the_plan_is_published(client, cast) -> None:
    plan = import_draft_plan(cast)
    original = plan.original_document
    content = PLAN_FILE.read_bytes()
    assert original.collection.name == PRIVATE_COLLECTION_NAME
    assert original.collection.get_view_restrictions().exists()

    assert_document_hidden(client, original)
    api = client.get("/api/v3/documents/").content.decode()
    assert original.url not in api and original.title not in api

    # The editor and the reviewers reach it: the file when logged in, the API with a token too.
    for user in (cast.editor, cast.office, cast.members[0]):
        assert_document_listed(client, original, **bearer(cast.token(user)))
        client.force_login(user)
        assert_document_served(client, original, content)
        client.logout()
    assert_document_hidden(client, original)

    published = approve_fully(plan, cast)
    assert published.live and published.original_document_id == original.pk
    original.refresh_from_db()
    assert original.collection == Collection.get_first_root_node()
    assert_document_shown(client, original, content)


def test_a_document_in_the_public_collection_used_only_by_a_draft_is_not_served(client, cast) -> None:
    """The collection is not the gate: the serve view and the API check the pages that use the document."""
    doc = document("Văn bản nháp", b"ban nhap")
    plan = factories.plan(cast.unit, original_document=doc)
    plan.unpublish()
    assert_document_hidden(client, doc)
    unused = document("Văn bản không dùng", b"khong dung")
    assert_document_hidden(client, unused)
    assert_document_listed(client, doc, **bearer(cast.token(cast.editor)))
    client.force_login(cast.editor)
    assert_document_served(client, doc, b"ban nhap")


def test_a_document_also_used_by_one_published_page_is_public(client, cast) -> None:
    doc = document("Văn bản dùng chung", b"dung chung")
    draft = factories.plan(cast.unit, original_document=doc)
    draft.unpublish()
    assert_document_hidden(client, doc)
    factories.plan(cast.other_unit, original_document=doc)
    assert_document_shown(client, doc, b"dung chung")


def test_a_document_of_a_restricted_or_expired_page_is_hidden(client, cast) -> None:
    restricted_doc = document("Văn bản hạn chế", b"han che")
    factories.restrict(factories.plan(cast.unit, original_document=restricted_doc))
    assert_document_hidden(client, restricted_doc)
    expired_doc = document("Văn bản hết hạn", b"het han")
    expired = factories.plan(cast.unit, original_document=expired_doc)
    PlanPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(days=1))
    assert_document_hidden(client, expired_doc)
    assert_document_listed(client, expired_doc, **bearer(cast.token(cast.admin)))


def image_used_by_draft_story(cast):
    image = get_image_model().objects.create(title="Ảnh nháp", file=get_test_image_file("anh-nhap.png"))
    story = draft_story(cast, hero_image=image, hero_image_alt="Ảnh minh hoạ")
    return image, story


def test_an_image_of_a_draft_story_is_private_until_the_story_is_published(client, cast) -> None:
    image, story = image_used_by_draft_story(cast)
    assert not listed(client, "images", image.pk)
    assert client.get(f"/api/v3/images/{image.pk}/").status_code == 404
    assert image.file.name not in client.get("/api/v3/images/").content.decode()

    token = bearer(cast.token(cast.editor))
    assert listed(client, "images", image.pk, **token)
    assert client.get(f"/api/v3/images/{image.pk}/", **token).status_code == 200

    approve_fully(story, cast)
    assert fresh(story).live
    assert listed(client, "images", image.pk)
    assert client.get(f"/api/v3/images/{image.pk}/").json()["id"] == image.pk


@pytest.fixture
def media_served_by_django(settings):
    """The portal's URLs as built with MEDIA_SERVED_BY_DJANGO on (development, `make demo`)."""
    import cms.urls

    settings.MEDIA_SERVED_BY_DJANGO = True
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.MEDIA_SERVED_BY_DJANGO = False
    importlib.reload(cms.urls)
    clear_url_caches()


def test_the_original_and_renditions_of_a_private_image_are_not_served(client, cast, media_served_by_django) -> None:
    image, story = image_used_by_draft_story(cast)
    rendition = image.get_rendition("fill-100x100")
    original_url = f"/media/{image.file.name}"
    rendition_url = f"/media/{rendition.file.name}"
    assert client.get(original_url).status_code == 404
    assert client.get(rendition_url).status_code == 404

    client.force_login(cast.editor)
    response = client.get(original_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == image.file.open("rb").read()
    assert client.get(rendition_url).status_code == 200
    client.logout()

    approve_fully(story, cast)
    assert client.get(original_url).status_code == 200
    assert client.get(rendition_url).status_code == 200
    # The route serves the images' folders only, however the path is spelt.
    doc = document("Văn bản công khai", b"cong khai")
    factories.plan(cast.unit, original_document=doc)
    assert client.get(f"/media/images/../{doc.file.name}").status_code == 404


# API tokens open the file URLs too (the same BearerTokenAuth as the API, with its failure throttle)


def served_bytes(response) -> bytes:
    assert response.status_code == 200, response
    return b"".join(response.streaming_content)


def test_an_editor_token_opens_a_draft_plan_original_at_its_url(client, cast) -> None:
    plan = import_draft_plan(cast)
    original = plan.original_document
    content = PLAN_FILE.read_bytes()
    for user in (cast.editor, cast.office, cast.members[0]):
        assert served_bytes(client.get(original.url, **bearer(cast.token(user)))) == content
    # A wrong token is no one, whatever the session says (as on the API): not found, not a login page.
    assert client.get(original.url, **bearer("wagtail_not-a-token")).status_code == 404
    client.force_login(cast.editor)
    assert client.get(original.url, **bearer("wagtail_not-a-token")).status_code == 404
    assert served_bytes(client.get(original.url)) == content
    client.logout()
    assert client.get(original.url).status_code == 404


def test_an_editor_token_opens_a_private_image_on_the_media_route(client, cast, media_served_by_django) -> None:
    image, _story = image_used_by_draft_story(cast)
    rendition = image.get_rendition("fill-80x80")
    token = bearer(cast.token(cast.editor))
    for url, file in ((f"/media/{image.file.name}", image.file), (f"/media/{rendition.file.name}", rendition.file)):
        response = client.get(url, **token)
        assert response["Content-Type"] == "image/png"
        with file.open("rb") as stored:
            assert served_bytes(response) == stored.read()
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert client.get(url, **bearer("wagtail_not-a-token")).status_code == 404
        assert client.get(url).status_code == 404


def test_wrong_tokens_on_file_urls_are_throttled_like_the_api(client, cast, settings) -> None:
    from django.core.cache import cache

    cache.clear()
    settings.THROTTLE_TOKEN_FAILURES, settings.THROTTLE_TOKEN_WINDOW = 3, 60
    plan = import_draft_plan(cast)
    original = plan.original_document
    right = bearer(cast.token(cast.editor))
    assert client.get(original.url, **right).status_code == 200  # right tokens are never counted
    for attempt in range(3):
        assert client.get(original.url, **bearer(f"wagtail_wrong-{attempt}")).status_code == 404
    refused = client.get(original.url, **right)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused["Content-Type"] == "application/problem+json"
    assert "mã truy cập (token) không hợp lệ" in refused.json()["detail"]
    # The address's API requests with a token are held back too (one counter); without a token, as before.
    assert client.get("/api/v3/documents/", **right).status_code == 429
    assert client.get(original.url).status_code == 404
    cache.clear()
    assert served_bytes(client.get(original.url, **right)) == PLAN_FILE.read_bytes()
    cache.clear()

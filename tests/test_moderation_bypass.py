"""No bypass (DESIGN §4): each of Wagtail's publish paths publishes only what the council approved."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, GroupPagePermission, Page, PageLogEntry, Revision

from exemplar_pages.models import ExemplarStoryPage
from exemplar_pages.moderation import audit, service
from exemplar_pages.moderation.publishing import PublicationRefused
from tests.moderation_fixtures import approve_fully, bearer, draft_story, fresh, make_user, story_form, to_council

pytestmark = pytest.mark.django_db


@pytest.fixture
def rogue(cast):
    """An editor someone wrongly gave Wagtail's publish permission on the unit: the guard still refuses."""
    user = make_user("bientap-co-quyen-dang")
    group = Group.objects.create(name="Nhóm cấp nhầm quyền đăng")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=cast.unit,
            permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
        )
    user.groups.add(group, Group.objects.get(name="Biên tập viên"))
    return user


def snapshot(page: Page) -> tuple:
    page = Page.objects.get(pk=page.pk)
    return (
        page.live,
        page.live_revision_id,
        page.latest_revision_id,
        page.title,
        Revision.page_revisions.filter(object_id=str(page.pk)).count(),
    )


def test_admin_publish_button_is_refused_to_editors_and_changes_nothing(client, cast, story_draft, rogue):
    for user in (cast.editor, rogue):
        before = snapshot(story_draft)
        client.force_login(user)
        url = reverse("wagtailadmin_pages:edit", args=[story_draft.pk])
        response = client.post(url, {**story_form(story_draft, title="Đăng thẳng"), "action-publish": "1"})
        assert response.status_code in (302, 403)  # the admin turns a refusal into a redirect with a message
        assert response.get("Location") != url
        assert snapshot(story_draft) == before


def test_admin_publish_button_works_for_administrators_and_is_logged_as_direct(client, cast, story_draft):
    client.force_login(cast.admin)
    url = reverse("wagtailadmin_pages:edit", args=[story_draft.pk])
    response = client.post(url, {**story_form(story_draft, title="Quản trị đăng"), "action-publish": "1"})
    assert response.status_code == 302
    page = fresh(story_draft)
    assert page.live and page.title == "Quản trị đăng"
    entry = PageLogEntry.objects.get(page=page, action=audit.DIRECT_PUBLISH)
    assert entry.user_id == cast.admin.pk and entry.revision_id == page.live_revision_id


def test_api_publish_action_publishes_nothing_for_editors(client, cast, story_draft, rogue):
    rogue_token = APIToken.create_token(user=rogue, name="t")[1]
    for token in (cast.token(cast.editor), rogue_token):
        before = snapshot(story_draft)
        response = client.post(f"/api/v3/pages/{story_draft.pk}/actions/publish/", **bearer(token))
        assert response.status_code == 403, response.content
        assert snapshot(story_draft) == before


def test_api_publish_action_works_for_administrators(client, cast, story_draft):
    response = client.post(f"/api/v3/pages/{story_draft.pk}/actions/publish/", **bearer(cast.token(cast.admin)))
    assert response.status_code == 200, response.content
    assert fresh(story_draft).live
    assert PageLogEntry.objects.filter(page=story_draft, action=audit.DIRECT_PUBLISH, user=cast.admin).exists()


def test_api_create_and_update_with_publish_are_refused(client, cast, story_draft):
    token = cast.token(cast.editor)
    before = snapshot(story_draft)
    body = {"meta": {"type": "exemplar_pages.ExemplarStoryPage", "action": "publish"}, "title": "Sửa và đăng"}
    response = client.patch(f"/api/v3/pages/{story_draft.pk}/", body, content_type="application/json", **bearer(token))
    assert response.status_code == 403, response.content
    assert snapshot(story_draft) == before
    count = ExemplarStoryPage.objects.count()
    body = {
        "meta": {"type": "exemplar_pages.ExemplarStoryPage", "parent_id": cast.unit.pk, "action": "publish"},
        "title": "Tạo và đăng",
        "subject_name": "Nguyễn Văn B",
        "subject_type": "individual",
        "field_id": story_draft.field_id,
        "locality_id": story_draft.locality_id,
        "year": 2024,
    }
    response = client.post("/api/v3/pages/", body, content_type="application/json", **bearer(token))
    assert response.status_code == 403, response.content
    assert ExemplarStoryPage.objects.count() == count


def test_bulk_publish_publishes_nothing_unapproved(client, cast, story_draft, rogue):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={story_draft.pk}"
    for user in (cast.editor, rogue):
        before = snapshot(story_draft)
        client.force_login(user)
        response = client.post(url, {"include_descendants": ""})
        assert response.status_code in (200, 302, 403)
        assert snapshot(story_draft) == before


def test_copy_with_publish_is_refused(client, cast, rogue):
    live = approve_fully(draft_story(cast), cast)
    count = Page.objects.count()
    client.force_login(rogue)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[live.pk]),
        {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": cast.unit.pk, "publish_copies": "on"},
    )
    assert response.status_code in (302, 403)
    assert Page.objects.count() == count
    response = client.post(
        f"/api/v3/pages/{live.pk}/actions/copy/",
        {"slug": "ban-sao-api"},
        content_type="application/json",
        **bearer(cast.token(cast.editor)),
    )
    assert response.status_code == 403
    assert Page.objects.count() == count
    # Without keeping it live, the copy is a draft that needs the review like any other.
    response = client.post(
        f"/api/v3/pages/{live.pk}/actions/copy/",
        {"slug": "ban-sao-nhap", "keep_live": False},
        content_type="application/json",
        **bearer(cast.token(cast.editor)),
    )
    assert response.status_code == 201, response.content
    assert not Page.objects.get(slug="ban-sao-nhap").live


def test_alias_of_a_live_page_is_refused_to_non_administrators(client, cast):
    live = approve_fully(draft_story(cast), cast)
    count = Page.objects.count()
    response = client.post(
        f"/api/v3/pages/{live.pk}/actions/create_alias/",
        {"destination_id": cast.unit.pk, "slug": "bi-danh"},
        content_type="application/json",
        **bearer(cast.token(cast.editor)),
    )
    assert response.status_code == 403
    assert Page.objects.count() == count


def test_revert_and_publish_is_refused(client, cast, rogue):
    page = approve_fully(draft_story(cast, title="Bản đầu"), cast)
    old_revision = page.live_revision
    newer = fresh(page)
    newer.title = "Bản hai"
    newer.save_revision(user=cast.editor)
    for user in (cast.editor, rogue):
        before = snapshot(page)
        client.force_login(user)
        url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, old_revision.pk])
        response = client.post(url, {**story_form(fresh(page), title="Bản đầu"), "action-publish": "1"})
        assert response.status_code in (302, 403)
        assert snapshot(page) == before


def test_guard_refuses_direct_calls_too(cast, story_draft):
    revision = story_draft.save_revision(user=cast.editor)
    with pytest.raises(PublicationRefused):
        revision.publish(user=cast.editor, skip_permission_checks=True)
    assert not fresh(story_draft).live


def test_scheduled_publication_of_an_unapproved_revision_is_dropped(cast, story_draft):
    page = fresh(story_draft)
    page.go_live_at = timezone.now() + timedelta(days=1)
    revision = page.save_revision(user=cast.editor)
    with pytest.raises(PublicationRefused):
        revision.publish(user=cast.editor, skip_permission_checks=True)
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    # Even a schedule forged in the database (logged as the editor's) does not go live.
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    PageLogEntry.objects.log_action(page, "wagtail.publish.schedule", user=cast.editor, revision=revision)
    call_command("publish_scheduled", verbosity=0)
    assert not fresh(page).live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None


def test_scheduled_go_live_and_expiry_work_for_approved_revisions(cast, story_draft):
    page = fresh(story_draft)
    page.go_live_at = timezone.now() + timedelta(hours=2)
    page.save_revision(user=cast.editor)
    approve_fully(page, cast)
    page = fresh(page)
    assert not page.live
    revision = page.latest_revision
    assert revision.approved_go_live_at is not None
    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
    page = fresh(page)
    assert page.live and page.live_revision_id == revision.pk
    Page.objects.filter(pk=page.pk).update(expire_at=later + timedelta(hours=1))
    with mock.patch("django.utils.timezone.now", return_value=later + timedelta(hours=2)):
        call_command("publish_scheduled", verbosity=0)
    assert not fresh(page).live and fresh(page).expired


def test_an_administrator_publishing_during_review_ends_the_review(cast, story_draft):
    to_council(story_draft, cast)
    fresh(story_draft).get_latest_revision().publish(user=cast.admin)
    page = fresh(story_draft)
    assert page.live and page.current_workflow_state is None
    assert service.page_state(page) == service.PUBLISHED
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.cancel").exists()

"""The review workflow “Duyệt đăng”: roles, the standing office, the council's vote, audit and emails."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageLogEntry, Site, Workflow, WorkflowState

from exemplar_pages.models import CouncilVote, CouncilVoteTask, OfficeReviewTask, UnitEditorGroup
from exemplar_pages.moderation import audit, service
from exemplar_pages.moderation.errors import AlreadyVoted, CommentRequired, NotAllowed, WrongState
from exemplar_pages.roles import ADMINISTRATORS, ALL_ROLES, EDITORS
from tests import factories
from tests.moderation_fixtures import approve_fully, draft_story, fresh, to_council

pytestmark = pytest.mark.django_db


def test_role_groups_exist_and_only_administrators_publish():
    for name in ALL_ROLES:
        assert Group.objects.filter(name=name).exists(), name
    publishers = GroupPagePermission.objects.filter(permission__codename="publish_page").values_list(
        "group__name", flat=True
    )
    assert set(publishers) == {ADMINISTRATORS}
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_review_workflow_is_on_the_site_root():
    root = Site.objects.get(is_default_site=True).root_page
    workflow = root.get_workflow()
    assert workflow.name == "Duyệt đăng"
    tasks = [task.specific for task in workflow.tasks]
    assert [type(task) for task in tasks] == [OfficeReviewTask, CouncilVoteTask]
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_a_new_unit_gets_an_editor_group_that_cannot_publish(cast):
    link = UnitEditorGroup.objects.get(unit=cast.unit)
    codenames = set(GroupPagePermission.objects.filter(group=link.group).values_list("permission__codename", flat=True))
    assert codenames == {"add_page", "change_page"}
    assert cast.editor.groups.filter(name=EDITORS).exists()
    own = draft_story(cast)
    theirs = factories.story(cast.other_unit, publish_it=False)
    assert own.permissions_for_user(cast.editor).can_edit()
    assert not own.permissions_for_user(cast.editor).can_publish()
    assert not theirs.permissions_for_user(cast.editor).can_edit()
    assert not cast.other_unit.permissions_for_user(cast.editor).can_add_subpage()


def test_deleting_a_unit_deletes_its_editor_group(cast):
    group_id = cast.unit.editor_group.group_id
    cast.unit.delete()
    assert not Group.objects.filter(pk=group_id).exists()


def test_the_whole_review_publishes_the_approved_revision(cast, story_draft):
    page = story_draft
    assert service.page_state(page) == service.DRAFT
    service.submit(page, cast.editor, "Đề nghị duyệt")
    assert service.page_state(fresh(page)) == service.PENDING_REVIEW
    service.review(fresh(page), cast.office, "approve", "Đủ điều kiện")
    assert service.page_state(fresh(page)) == service.PENDING_APPROVAL
    service.review(fresh(page), cast.members[0], "approve")
    assert service.page_state(fresh(page)) == service.PENDING_APPROVAL
    assert not fresh(page).live
    service.review(fresh(page), cast.members[1], "approve", "Tán thành")
    page = fresh(page)
    assert page.live and service.page_state(page) == service.PUBLISHED
    assert page.live_revision_id == page.latest_revision_id
    assert page.current_workflow_state is None


def test_rejecting_needs_a_comment_and_returns_the_page_to_its_author(
    cast, story_draft, django_capture_on_commit_callbacks
):
    service.submit(story_draft, cast.editor)
    with pytest.raises(CommentRequired):
        service.review(fresh(story_draft), cast.office, "reject", "  ")
    assert service.page_state(fresh(story_draft)) == service.PENDING_REVIEW
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service.review(fresh(story_draft), cast.office, "reject", "Thiếu số liệu khen thưởng")
    page = fresh(story_draft)
    assert service.page_state(page) == service.DRAFT
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert service.available_actions(page, cast.editor) == ["submit"]
    # The author hears why, in Vietnamese.
    assert [message.to for message in mail.outbox] == [[cast.editor.email]]
    assert "bị trả lại" in mail.outbox[0].subject
    assert "Thiếu số liệu khen thưởng" in mail.outbox[0].body
    # Resubmitting resumes the same review.
    service.submit(page, cast.editor)
    assert service.page_state(fresh(page)) == service.PENDING_REVIEW


def test_a_council_rejection_with_comment_rejects_at_once(cast, story_draft):
    to_council(story_draft, cast)
    with pytest.raises(CommentRequired):
        service.review(fresh(story_draft), cast.members[0], "reject")
    service.review(fresh(story_draft), cast.members[0], "reject", "Chưa đúng tiêu chuẩn điển hình")
    page = fresh(story_draft)
    assert service.page_state(page) == service.DRAFT and not page.live
    vote = CouncilVote.objects.get(member=cast.members[0])
    assert vote.decision == "reject" and vote.comment == "Chưa đúng tiêu chuẩn điển hình"
    assert vote.revision_id == page.latest_revision_id


def test_a_member_votes_once_per_revision(cast, story_draft):
    to_council(story_draft, cast)
    service.review(fresh(story_draft), cast.members[0], "approve")
    with pytest.raises(AlreadyVoted):
        service.review(fresh(story_draft), cast.members[0], "approve")
    assert CouncilVote.objects.filter(member=cast.members[0]).count() == 1
    # A rejection and a new revision open a new vote: the member may vote again.
    service.review(fresh(story_draft), cast.members[1], "reject", "Cần sửa tên")
    page = fresh(story_draft)
    page.title = "Tên đã sửa"
    page.save_revision(user=cast.editor)
    # Resubmitting resumes at the step that returned the page (Wagtail's resume): the council votes anew.
    service.submit(fresh(page), cast.editor)
    assert service.page_state(fresh(page)) == service.PENDING_APPROVAL
    service.review(fresh(page), cast.members[0], "approve")
    assert CouncilVote.objects.filter(member=cast.members[0]).count() == 2


def test_roles_that_may_not_act_are_refused(cast, story_draft):
    with pytest.raises(NotAllowed):
        service.submit(story_draft, cast.other_editor)
    with pytest.raises(NotAllowed):
        service.submit(story_draft, cast.members[0])
    service.submit(story_draft, cast.editor)
    with pytest.raises(WrongState):
        service.submit(fresh(story_draft), cast.editor)
    for user in (cast.editor, cast.other_editor, cast.members[0]):
        with pytest.raises(NotAllowed):
            service.review(fresh(story_draft), user, "approve")
    service.review(fresh(story_draft), cast.office, "approve")
    with pytest.raises(NotAllowed):
        service.review(fresh(story_draft), cast.office, "approve")
    with pytest.raises(NotAllowed):
        service.retract(fresh(story_draft), cast.members[0])


def test_retract_withdraws_a_submission_or_unpublishes(cast, story_draft):
    service.submit(story_draft, cast.editor)
    service.retract(fresh(story_draft), cast.editor, "Rút để bổ sung")
    assert service.page_state(fresh(story_draft)) == service.DRAFT
    page = approve_fully(story_draft, cast)
    assert page.live
    with pytest.raises(NotAllowed):
        service.retract(page, cast.editor)
    service.retract(page, cast.office, "Gỡ theo yêu cầu")
    assert not fresh(page).live
    with pytest.raises(WrongState):
        service.retract(fresh(page), cast.office)


def test_edits_during_the_vote_stay_unpublished(cast, story_draft):
    to_council(story_draft, cast)
    approved_revision = fresh(story_draft).latest_revision_id
    during = fresh(story_draft)
    during.summary = "Bản sửa chưa qua Hội đồng"
    during.save_revision(user=cast.members[0])
    for member in cast.members[:2]:
        service.review(fresh(story_draft), member, "approve")
    page = fresh(story_draft)
    assert page.live and page.live_revision_id == approved_revision
    assert page.summary != "Bản sửa chưa qua Hội đồng"
    assert page.has_unpublished_changes


def test_every_transition_and_vote_is_in_the_audit_log(cast, story_draft):
    service.submit(story_draft, cast.editor, "Đề nghị duyệt")
    service.review(fresh(story_draft), cast.office, "approve", "Chuyển Hội đồng")
    service.review(fresh(story_draft), cast.members[0], "approve", "Đồng ý")
    service.review(fresh(story_draft), cast.members[1], "approve", "Đồng ý đăng")
    entries = PageLogEntry.objects.filter(page=story_draft).order_by("timestamp", "pk")
    actions = [(entry.action, entry.user_id, entry.comment) for entry in entries]
    assert ("wagtail.workflow.start", cast.editor.pk, "") in actions
    assert (audit.SUBMIT, cast.editor.pk, "Đề nghị duyệt") in actions
    assert ("wagtail.workflow.approve", cast.office.pk, "Chuyển Hội đồng") in actions
    assert (audit.VOTE, cast.members[0].pk, "Đồng ý") in actions
    assert (audit.VOTE, cast.members[1].pk, "Đồng ý đăng") in actions
    assert ("wagtail.publish", cast.members[1].pk, "") in actions
    assert not entries.filter(action=audit.DIRECT_PUBLISH).exists()


def test_emails_go_to_the_next_reviewers_and_the_author_in_vietnamese(
    cast, story_draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        service.submit(story_draft, cast.editor)
    assert [m.to for m in mail.outbox] == [[cast.office.email]]
    assert "chờ Thường trực xem xét" in mail.outbox[0].subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service.review(fresh(story_draft), cast.office, "approve")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(member.email for member in cast.members)
    assert all("Đề nghị Hội đồng biểu quyết" in m.subject for m in mail.outbox)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for member in cast.members[:2]:
            service.review(fresh(story_draft), member, "approve")
    assert [m.to for m in mail.outbox] == [[cast.editor.email]]
    assert "đã được duyệt" in mail.outbox[0].subject
    assert all(m.subject.isascii() is False for m in mail.outbox)


def test_the_tally_is_shown_in_the_admin(client, cast, story_draft):
    to_council(story_draft, cast)
    service.review(fresh(story_draft), cast.members[0], "approve", "Bài viết tốt")
    client.force_login(cast.members[1])
    index = client.get(reverse("council_votes"))
    assert index.status_code == 200
    assert story_draft.title in index.content.decode()
    task_state = fresh(story_draft).current_workflow_task_state
    detail = client.get(reverse("council_vote", args=[task_state.pk])).content.decode()
    assert "Bài viết tốt" in detail and "1 tán thành" in detail and "cần 2 phiếu" in detail
    modal = client.get(reverse("wagtailadmin_pages:workflow_action", args=[story_draft.pk, "reject", task_state.pk]))
    assert modal.status_code == 200 and "Bài viết tốt" in modal.json()["html"]
    client.force_login(cast.editor)
    assert client.get(reverse("council_votes")).status_code in (302, 403)

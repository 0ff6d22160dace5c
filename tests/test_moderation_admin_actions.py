"""Review actions in the Wagtail admin: repeated POSTs, stale forms, the vote buttons and where reviewers land."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState

from exemplar_pages.moderation.admin_hooks import label_council_votes
from tests.moderation_fixtures import fresh, story_form, to_council

pytestmark = pytest.mark.django_db


def vote_post(client, page, member, comment: str = "") -> object:
    """A council member's "Tán thành" from the page editor, as the admin's action form sends it."""
    client.force_login(member)
    data = story_form(fresh(page))
    data.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": comment}),
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []


def test_deciding_vote_in_the_admin_publishes_the_approved_revision(client, cast, story_draft):
    page = to_council(story_draft, cast)
    approved_revision = page.latest_revision_id

    first = vote_post(client, page, cast.members[0])
    assert first.status_code == 302
    assert first.url == reverse("wagtailadmin_home")  # the council member returns to the inbox
    assert not fresh(page).live

    deciding = vote_post(client, page, cast.members[1], "Đồng ý")
    assert deciding.status_code == 302 and deciding.url == reverse("wagtailadmin_home")
    published = fresh(page)
    assert published.live and published.live_revision_id == approved_revision
    landing = client.get(deciding.url)
    assert any("đã được đăng" in text for text in messages_of(landing))
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1


def test_a_repeated_deciding_vote_changes_nothing_and_says_so(client, cast, story_draft):
    page = to_council(story_draft, cast)
    vote_post(client, page, cast.members[0])
    stale_form = story_form(fresh(page))  # the form the second member opened before voting
    vote_post(client, page, cast.members[1])
    published = fresh(page)
    assert published.live
    history = PageLogEntry.objects.filter(page=page).count()

    # The same member clicks again with the form as it was before the page was published.
    client.force_login(cast.members[1])
    stale_form.update(
        {"action-workflow-action": "true", "workflow-action-name": "approve", "workflow-action-extra-data": "{}"}
    )
    again = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), stale_form, follow=True)
    assert again.status_code == 200
    assert any("đã được xử lý" in text for text in messages_of(again))
    after = fresh(page)
    assert after.live and after.live_revision_id == published.live_revision_id
    assert after.latest_revision_id == published.latest_revision_id  # no revision saved from the stale form
    assert PageLogEntry.objects.filter(page=page).count() == history


def test_a_vote_from_the_dashboard_twice_is_answered_once(client, cast, story_draft):
    page = to_council(story_draft, cast)
    task_state = fresh(page).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.force_login(cast.members[0])
    first = client.post(url, {"comment": ""})
    assert first.status_code == 302 and first.url == reverse("wagtailadmin_home")
    second = client.post(url, {"comment": ""}, follow=True)
    assert second.status_code == 200
    assert any("đã được xử lý" in text for text in messages_of(second))
    assert task_state.council_votes.count() == 1
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_the_office_lands_on_its_inbox_after_passing_a_page_on(client, cast, story_draft):
    from exemplar_pages.moderation import service

    service.submit(fresh(story_draft), cast.editor)
    task_state = fresh(story_draft).current_workflow_task_state
    client.force_login(cast.office)
    url = reverse("wagtailadmin_pages:workflow_action", args=[story_draft.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert any("lên Hội đồng" in text for text in messages_of(response))
    assert fresh(story_draft).current_workflow_task_state.task.specific.__class__.__name__ == "CouncilVoteTask"


def test_vote_buttons_say_publish_only_for_the_deciding_vote(rf, cast, story_draft):
    from wagtail.admin.action_menu import WorkflowMenuItem

    page = to_council(story_draft, cast)

    def labels_for(member) -> list[str]:
        request = rf.get("/")
        request.user = member
        task = fresh(page).current_workflow_task
        items = [
            WorkflowMenuItem(name, label + " and Publish", modal)
            for name, label, modal in task.get_actions(page, member)
        ]
        label_council_votes(items, request, {"page": fresh(page)})
        return [item.label for item in items if item.name == "approve"]

    assert labels_for(cast.members[0]) == ["Tán thành", "Tán thành kèm ý kiến"]
    from exemplar_pages.moderation import service

    service.review(fresh(page), cast.members[0], "approve")
    assert labels_for(cast.members[1]) == ["Tán thành và đăng", "Tán thành kèm ý kiến và đăng"]


def test_the_edit_page_shows_the_vote_button_without_publish(client, cast, story_draft):
    page = to_council(story_draft, cast)
    client.force_login(cast.members[0])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Tán thành" in html
    assert "và đăng" not in html.split("Tán thành", 1)[1][:40]


def test_a_submit_that_follows_its_own_autosave_edits_the_autosaved_page(client, cast):
    """The create form autosaves a new page; the author's click leaves before the form learns its new address."""
    from exemplar_pages.models import ExemplarStoryPage
    from tests import factories

    template = factories.story(cast.unit, title="Mẫu để lấy dữ liệu biểu mẫu", publish_it=False, owner=cast.editor)
    data = story_form(template, title="Cô giáo Lò Thị Dung bám bản", slug="co-giao-lo-thi-dung-bam-ban")
    url = reverse("wagtailadmin_pages:add", args=["exemplar_pages", "exemplarstorypage", cast.unit.pk])
    client.force_login(cast.editor)

    autosave = client.post(url, data, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 200, autosave.content
    created = ExemplarStoryPage.objects.get(slug="co-giao-lo-thi-dung-bam-ban")

    submit = client.post(url, {**data, "action-submit": "1"}, follow=True)
    assert submit.status_code == 200
    assert ExemplarStoryPage.objects.filter(slug="co-giao-lo-thi-dung-bam-ban").count() == 1
    page = fresh(created)
    assert page.current_workflow_task_state is not None  # submitted, not refused for its slug
    assert not any("slug" in text.lower() for text in messages_of(submit))


def test_a_create_form_with_another_authors_slug_is_still_refused(client, cast):
    from exemplar_pages.models import ExemplarStoryPage
    from tests import factories

    theirs = factories.story(cast.unit, title="Bài của người khác", publish_it=False, owner=cast.other_editor)
    data = story_form(theirs)
    url = reverse("wagtailadmin_pages:add", args=["exemplar_pages", "exemplarstorypage", cast.unit.pk])
    client.force_login(cast.editor)
    response = client.post(url, {**data, "action-submit": "1"})
    assert response.status_code == 200  # the form again, with the slug error
    assert ExemplarStoryPage.objects.filter(slug=theirs.slug).count() == 1
    assert fresh(theirs).current_workflow_task_state is None

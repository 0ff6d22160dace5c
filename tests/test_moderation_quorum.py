"""The council's vote: quorum edge cases, members leaving mid-vote, simultaneous votes."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry, TaskState

from exemplar_pages.models import CouncilVote
from exemplar_pages.moderation import service
from exemplar_pages.moderation.errors import AlreadyVoted, WrongState
from exemplar_pages.roles import COUNCIL_MEMBERS
from tests.moderation_fixtures import draft_story, fresh, set_council, to_council, vote_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def council_of(cast):
    """Replace the council with ``n`` members, optionally configuring the vote task."""

    def make(size: int, quorum: int | None = None, reject_on_first_rejection: bool = True):
        cast.members = set_council(size)
        task = vote_task()
        task.quorum = quorum
        task.reject_on_first_rejection = reject_on_first_rejection
        task.save()
        page = draft_story(cast)
        to_council(page, cast)
        return fresh(page)

    return make


def vote(page, member, decision="approve", comment=""):
    service.review(fresh(page), member, decision, comment or ("Không đạt" if decision == "reject" else ""))


def test_a_council_of_one_decides_alone(cast, council_of):
    page = council_of(1)
    vote(page, cast.members[0])
    assert fresh(page).live


def test_a_council_of_two_needs_both(cast, council_of):
    page = council_of(2)
    vote(page, cast.members[0])
    assert service.page_state(fresh(page)) == service.PENDING_APPROVAL
    vote(page, cast.members[1])
    assert fresh(page).live


def test_a_council_of_two_without_first_rejection_rule_rejects_when_out_of_reach(cast, council_of):
    page = council_of(2, reject_on_first_rejection=False)
    vote(page, cast.members[0])
    vote(page, cast.members[1], "reject")
    page = fresh(page)
    assert not page.live and service.page_state(page) == service.DRAFT


def test_a_council_of_five_needs_three(cast, council_of):
    page = council_of(5)
    for member in cast.members[:2]:
        vote(page, member)
    assert service.page_state(fresh(page)) == service.PENDING_APPROVAL
    vote(page, cast.members[2])
    assert fresh(page).live
    assert CouncilVote.objects.filter(task_state__workflow_state__object_id=str(page.pk)).count() == 3


def test_a_council_of_five_counts_rejections_until_approval_is_out_of_reach(cast, council_of):
    page = council_of(5, reject_on_first_rejection=False)
    vote(page, cast.members[0])
    vote(page, cast.members[1], "reject")
    vote(page, cast.members[2], "reject")
    assert service.page_state(fresh(page)) == service.PENDING_APPROVAL  # 1 yes, 2 left: 3 still reachable
    vote(page, cast.members[3], "reject")
    assert service.page_state(fresh(page)) == service.DRAFT  # 1 yes, 1 left: 3 out of reach


def test_a_configured_quorum(cast, council_of):
    page = council_of(5, quorum=4)
    for member in cast.members[:3]:
        vote(page, member)
    assert not fresh(page).live
    vote(page, cast.members[3])
    assert fresh(page).live


def test_a_member_leaving_lowers_the_majority_and_can_decide_the_vote(cast, council_of):
    page = council_of(2)
    vote(page, cast.members[0])
    assert not fresh(page).live
    cast.members[1].groups.remove(Group.objects.get(name=COUNCIL_MEMBERS))
    page = fresh(page)
    assert page.live  # one member left, and they approved
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish", user=None).exists()


def test_a_departed_members_vote_no_longer_counts(cast, council_of):
    page = council_of(3)
    vote(page, cast.members[0])
    Group.objects.get(name=COUNCIL_MEMBERS).user_set.remove(cast.members[0])
    vote(page, cast.members[1])
    assert not fresh(page).live  # 1 counted of 2 needed (majority of the 2 remaining)
    vote(page, cast.members[2])
    assert fresh(page).live
    ballot = CouncilVote.objects.get(member=cast.members[0])
    assert ballot.decision == "approve"  # still recorded for the audit


def test_a_deactivated_member_no_longer_counts(cast, council_of):
    page = council_of(3, reject_on_first_rejection=False)
    vote(page, cast.members[0], "reject")
    vote(page, cast.members[1])
    cast.members[2].is_active = False
    cast.members[2].save()
    # 1 yes, 1 no, 2 members: the majority (2) is out of reach.
    assert service.page_state(fresh(page)) == service.DRAFT


def test_two_members_voting_at_the_same_moment_are_both_counted_once(cast, council_of):
    page = council_of(3)
    # Both load the page while nobody has voted; then both votes land.
    first_view, second_view = fresh(page), fresh(page)
    stale_task_state = first_view.current_workflow_task_state
    service.review(first_view, cast.members[0], "approve")
    service.review(second_view, cast.members[1], "approve")
    page = fresh(page)
    assert page.live
    assert CouncilVote.objects.filter(task_state=stale_task_state).count() == 2
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    # A third vote computed on the stale state arrives after the decision: refused, not counted.
    with pytest.raises(WrongState):
        vote_task().vote(stale_task_state, cast.members[2], "approve")
    assert CouncilVote.objects.filter(task_state=stale_task_state).count() == 2


def test_the_same_member_twice_at_the_same_moment_counts_once(cast, council_of):
    page = council_of(3)
    task_state = fresh(page).current_workflow_task_state
    task = vote_task()
    task.vote(task_state, cast.members[0], "approve")
    with pytest.raises(AlreadyVoted):
        task.vote(TaskState.objects.get(pk=task_state.pk), cast.members[0], "approve")
    assert CouncilVote.objects.filter(task_state=task_state).count() == 1
    assert service.page_state(fresh(page)) == service.PENDING_APPROVAL

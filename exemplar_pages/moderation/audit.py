"""Moderation entries in Wagtail's audit log: votes, submissions and retractions with comments, direct publication."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

VOTE = "exemplar_pages.council.vote"
SUBMIT = "exemplar_pages.workflow.submit"
RETRACT = "exemplar_pages.workflow.retract"
DIRECT_PUBLISH = "exemplar_pages.publish.direct"


def log_vote(vote) -> None:
    """Record one council vote (member, time, decision, comment) in the page's history."""
    page = vote.revision.as_object()
    log(
        instance=page,
        action=VOTE,
        user=vote.member,
        revision=vote.revision,
        data={
            "vote": {"id": vote.pk, "decision": vote.decision, "task_state_id": vote.task_state_id},
            "comment": vote.comment,
        },
    )


def log_transition(page, action: str, user, comment: str = "", revision=None) -> None:
    """Record a REST or admin transition with its comment."""
    log(instance=page, action=action, user=user, revision=revision, data={"comment": comment})


def log_direct_publish(page, revision, user) -> None:
    """Mark a publication by a site administrator that did not go through the council."""
    log(instance=page, action=DIRECT_PUBLISH, user=user, revision=revision, data={"revision": {"id": revision.pk}})


class CommentFormatter(LogFormatter):
    """Shows the comment stored with the entry."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


class VoteFormatter(CommentFormatter):
    label = _("Council: vote")

    def format_message(self, log_entry):
        decision = ((log_entry.data or {}).get("vote") or {}).get("decision")
        if decision == "approve":
            return _("A Council member voted in favour")
        return _("A Council member voted against")


class SubmitFormatter(CommentFormatter):
    label = _("Submit for moderation")
    message = _("Submitted the page for publication review")


class RetractFormatter(CommentFormatter):
    label = _("Withdraw page")
    message = _("Withdrew the page (from the review workflow or from the portal)")


class DirectPublishFormatter(LogFormatter):
    label = _("Direct publication by an administrator")
    message = _("An administrator published directly, bypassing the Council's review workflow")


def register_moderation_log_actions(actions) -> None:
    """Hook body for ``register_log_actions``."""
    actions.register_action(VOTE)(VoteFormatter)
    actions.register_action(SUBMIT)(SubmitFormatter)
    actions.register_action(RETRACT)(RetractFormatter)
    actions.register_action(DIRECT_PUBLISH)(DirectPublishFormatter)

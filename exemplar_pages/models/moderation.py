"""Moderation models (DESIGN §4): the standing office's review, the council's vote and per-unit editor groups."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from ..roles import COUNCIL_MEMBERS, ROLE_PERMISSIONS, role_group


class OfficeReviewTask(AbstractGroupApprovalTask):
    """The standing office's review: a group approval where a rejection always carries a comment."""

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("Send back (with a comment)"), True),
                ("approve", _("Send to the Council"), False),
                ("approve", _("Send to the Council with a comment"), True),
            ]
        return []

    def get_form_for_action(self, action):
        from ..moderation.forms import ApprovalCommentForm, RejectionCommentForm

        return RejectionCommentForm if action == "reject" else ApprovalCommentForm

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        from ..moderation.errors import CommentRequired

        comment = (kwargs.get("comment") or "").strip()
        if action_name == "reject" and not comment:
            raise CommentRequired()
        return super().on_action(task_state, user, action_name, comment=comment)

    @classmethod
    def get_description(cls):
        return _(
            "The standing office of the Emulation and Commendation Council reviews it before it goes to the Council."
        )

    class Meta:
        verbose_name = _("standing office review")
        verbose_name_plural = _("standing office reviews")


class VoteDecision(models.TextChoices):
    APPROVE = "approve", _("In favour")
    REJECT = "reject", _("Against")


@dataclass
class Tally:
    """The state of a council vote on one revision, counted at decision time."""

    required: int
    eligible: int
    approvals: int = 0
    rejections: int = 0
    votes: list[CouncilVote] = field(default_factory=list)
    counted_member_ids: set[int] = field(default_factory=set)

    @property
    def outstanding(self) -> int:
        """Members of the council who have not voted yet."""
        return max(self.eligible - self.approvals - self.rejections, 0)

    def summary(self) -> str:
        return str(
            _(
                "Vote: %(approvals)s in favour, %(rejections)s against, %(outstanding)s not yet voted; %(required)s votes in favour needed out of %(eligible)s members."
            )
            % {
                "approvals": self.approvals,
                "rejections": self.rejections,
                "outstanding": self.outstanding,
                "required": self.required,
                "eligible": self.eligible,
            }
        )


class CouncilVoteTask(Task):
    """The council decides as a body: approved at the quorum, rejected when it can no longer be reached."""

    group = models.ForeignKey(
        Group,
        verbose_name=_("council members' group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for the group with the “Biểu quyết trong Hội đồng” permission."),
    )
    quorum = models.PositiveSmallIntegerField(
        _("votes in favour needed"),
        null=True,
        blank=True,
        help_text=_("Leave empty for more than half of the group's members at the time of the decision."),
    )
    reject_on_first_rejection = models.BooleanField(
        _("one vote against (with a comment) sends it back"),
        default=True,
    )

    admin_form_fields = Task.admin_form_fields + ["group", "quorum", "reject_on_first_rejection"]

    class Meta:
        verbose_name = _("council vote")
        verbose_name_plural = _("council votes")

    @classmethod
    def get_description(cls):
        return _("The council members vote; the item is approved once enough of them vote in favour.")

    def council_group(self) -> Group | None:
        """The task's group, or else the group holding the council's permission (whatever its name)."""
        if self.group_id:
            return self.group
        return role_group(COUNCIL_MEMBERS)

    def members(self) -> models.QuerySet:
        """The council's active members, as they are now."""
        from django.contrib.auth import get_user_model

        group = self.council_group()
        if group is None:
            return get_user_model().objects.none()
        return group.user_set.filter(is_active=True)

    def is_member(self, user) -> bool:
        if not (user and user.is_authenticated and user.is_active):
            return False
        return self.members().filter(pk=user.pk).exists()

    def tally(self, task_state: TaskState) -> Tally:
        """Count the votes of the current members; a departed member's vote stays recorded but no longer counts."""
        member_ids = set(self.members().values_list("pk", flat=True))
        eligible = len(member_ids)
        required = self.quorum or eligible // 2 + 1
        result = Tally(required=required, eligible=eligible)
        result.votes = list(task_state.council_votes.select_related("member").order_by("created_at", "pk"))
        for vote in result.votes:
            if vote.member_id in member_ids:
                result.counted_member_ids.add(vote.member_id)
                if vote.decision == VoteDecision.APPROVE:
                    result.approvals += 1
                else:
                    result.rejections += 1
        return result

    def decide(self, tally: Tally) -> str | None:
        """The outcome, approve or reject, or None while the vote is still open."""
        if tally.approvals >= tally.required:
            return "approve"
        if self.reject_on_first_rejection and tally.rejections:
            return "reject"
        if tally.approvals + tally.outstanding < tally.required:
            return "reject"
        return None

    def has_voted(self, task_state: TaskState, user) -> bool:
        return task_state.council_votes.filter(member_id=user.pk).exists()

    def get_actions(self, obj, user):
        task_state = obj.current_workflow_task_state
        if not task_state or not self.is_member(user) or self.has_voted(task_state, user):
            return []
        return [
            ("reject", _("Against (with a comment)"), True),
            ("approve", _("In favour"), False),
            ("approve", _("In favour with a comment"), True),
        ]

    def get_form_for_action(self, action):
        from ..moderation.forms import ApprovalCommentForm, RejectionCommentForm

        return RejectionCommentForm if action == "reject" else ApprovalCommentForm

    def get_template_for_action(self, action):
        return "exemplar_pages/moderation/vote_modal.html"

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self.is_member(user)

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or self.is_member(user))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.is_member(user):
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exclude(council_votes__member=user)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin's workflow action view takes a returned value as the URL to redirect to: return None.
        if action_name in VoteDecision.values:
            self.vote(task_state, user, action_name, kwargs.get("comment") or "")
        return None

    @transaction.atomic
    def vote(self, task_state: TaskState, user, decision: str, comment: str = "") -> CouncilVote:
        """Record one member's vote on the task state's revision and close the vote when it is decided."""
        from ..moderation.audit import log_vote
        from ..moderation.errors import AlreadyVoted, CommentRequired, NotAllowed, WrongState

        comment = comment.strip()
        if decision == VoteDecision.REJECT and not comment:
            raise CommentRequired()
        if not self.is_member(user):
            raise NotAllowed(_("Only council members may vote."))
        # Serialise the votes on this task state: the row lock makes concurrent voters wait their turn.
        locked = TaskState.objects.select_for_update().get(pk=task_state.pk)
        if locked.status != TaskState.STATUS_IN_PROGRESS:
            raise WrongState(_("This vote has ended."))
        try:
            with transaction.atomic():
                vote = CouncilVote.objects.create(
                    task_state=locked, revision_id=locked.revision_id, member=user, decision=decision, comment=comment
                )
        except IntegrityError as error:
            raise AlreadyVoted() from error
        log_vote(vote)
        self.conclude(locked, user=user)
        return vote

    def conclude(self, task_state: TaskState, user=None) -> str | None:
        """Approve or reject the task state if the vote is decided; the caller holds the row lock."""
        tally = self.tally(task_state)
        outcome = self.decide(tally)
        if outcome is None:
            return None
        comments = [
            f"{vote.member.get_full_name() or vote.member.get_username()}: {vote.comment}"
            for vote in tally.votes
            if vote.comment and vote.member_id in tally.counted_member_ids
        ]
        text = "\n".join([tally.summary(), *comments])
        task_state = task_state.specific
        if outcome == "approve":
            task_state.approve(user=user, comment=text)
        else:
            task_state.reject(user=user, comment=text)
        return outcome


class CouncilVote(models.Model):
    """One council member's vote on one revision under review."""

    task_state = models.ForeignKey(
        "wagtailcore.TaskState", verbose_name=_("review step"), on_delete=models.CASCADE, related_name="council_votes"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("revision"), on_delete=models.CASCADE, related_name="council_votes"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="council_votes"
    )
    decision = models.CharField(_("vote"), max_length=10, choices=VoteDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["task_state", "member"], name="one_vote_per_member_and_review")]
        # The roles of DESIGN §2, granted to the roles' groups (exemplar_pages.roles).
        permissions = ROLE_PERMISSIONS

    def __str__(self) -> str:
        return f"{self.member} – {self.get_decision_display()}"


class UnitEditorGroup(models.Model):
    """The group whose members edit one unit's subtree (add and edit, never publish)."""

    unit = models.OneToOneField(
        "exemplar_pages.UnitPage", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="editor_group"
    )
    group = models.OneToOneField(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="unit_link")

    class Meta:
        verbose_name = _("unit editor group")
        verbose_name_plural = _("unit editor groups")

    def __str__(self) -> str:
        return self.group.name

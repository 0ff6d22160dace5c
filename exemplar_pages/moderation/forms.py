"""Comment forms for the review and vote actions in the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm


class ApprovalCommentForm(TaskStateCommentForm):
    """An optional comment with an approval."""

    comment = forms.CharField(label=_("Comments"), required=False, widget=forms.Textarea({"rows": 3}))


class RejectionCommentForm(TaskStateCommentForm):
    """A rejection always says why."""

    comment = forms.CharField(
        label=_("Comments (required)"),
        required=True,
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": _("A comment is required to return the page.")},
    )

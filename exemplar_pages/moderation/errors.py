"""Why a moderation action was refused, each with the HTTP status the REST API answers."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class ModerationError(PermissionDenied):
    """A refused moderation action; ``status`` is what the REST API answers (the admin shows a refusal)."""

    status = 409
    default_message = _("This action cannot be performed.")

    def __init__(self, message=None):
        self.message = str(message or self.default_message)
        super().__init__(self.message)


class NotAllowed(ModerationError):
    """The caller's role may not take this action (403)."""

    status = 403
    default_message = _("Your role does not allow this action.")


class WrongState(ModerationError):
    """The page's state does not allow the action now (409)."""

    status = 409
    default_message = _("The page's current state does not allow this action.")


class AlreadyVoted(WrongState):
    """A council member votes once per revision (409)."""

    default_message = _("You have already voted on this revision.")


class CommentRequired(ModerationError):
    """Rejecting needs a comment (400)."""

    status = 400
    default_message = _("Returning a page requires a comment.")

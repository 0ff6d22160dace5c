"""Why a moderation action was refused, each with the HTTP status the REST API answers."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class ModerationError(PermissionDenied):
    """A refused moderation action; ``status`` is what the REST API answers (the admin shows a refusal)."""

    status = 409
    default_message = _("Không thể thực hiện thao tác này.")

    def __init__(self, message=None):
        self.message = str(message or self.default_message)
        super().__init__(self.message)


class NotAllowed(ModerationError):
    """The caller's role may not take this action (403)."""

    status = 403
    default_message = _("Vai trò của bạn không được thực hiện thao tác này.")


class WrongState(ModerationError):
    """The page's state does not allow the action now (409)."""

    status = 409
    default_message = _("Trạng thái hiện tại của trang không cho phép thao tác này.")


class AlreadyVoted(WrongState):
    """A council member votes once per revision (409)."""

    default_message = _("Bạn đã biểu quyết cho phiên bản này.")


class CommentRequired(ModerationError):
    """Rejecting needs a comment (400)."""

    status = 400
    default_message = _("Trả lại bài phải kèm ý kiến (comment).")

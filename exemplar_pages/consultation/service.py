"""Taking a citizen's comment: the rules the page's form and the API share.

`submit_comment` checks, in this order, that the consultation is open (else `ConsultationClosed`),
that the address has not sent too many comments lately (else `TooManyComments`, with the seconds to
wait) and that the fields are valid (else Django's `ValidationError`, by field), then saves it.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from cms.throttling import FixedWindowCounter

from ..models import ConsultationComment, ConsultationNominee, ConsultationPage

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_PHONE = re.compile(r"^(?:\+?84|0)\d{8,10}$")

counter = FixedWindowCounter("consultation-comments")


class ConsultationClosed(Exception):
    """The consultation is not taking comments (not yet open, or closed)."""

    def __init__(self, consultation: ConsultationPage, state: str) -> None:
        super().__init__(state)
        self.consultation, self.state = consultation, state

    @property
    def message(self) -> str:
        if self.state == "upcoming":
            return _("The consultation has not started yet: comments are accepted from %(date)s.") % {
                "date": self.consultation.opens_on.strftime("%d/%m/%Y")
            }
        return _("The consultation ended on %(date)s; no more comments are accepted.") % {
            "date": self.consultation.closes_on.strftime("%d/%m/%Y")
        }


class TooManyComments(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after

    @property
    def message(self) -> str:
        minutes = max(1, round(self.retry_after / 60))
        return _("Your address has sent many comments in a short time. Please try again in about %(m)s minutes.") % {
            "m": minutes
        }


def comment_limit() -> tuple[int, int]:
    """At most this many comments from one address in this many seconds (0 turns the limit off)."""
    return (
        int(getattr(settings, "CONSULTATION_COMMENT_LIMIT", 5)),
        int(getattr(settings, "CONSULTATION_COMMENT_WINDOW", 600)),
    )


def clean_contact(value: str) -> str:
    """A phone number (Vietnamese, with or without +84) or an e-mail address, normalised."""
    value = (value or "").strip()
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(_("The email address “%(v)s” is not valid.") % {"v": value}) from None
        return value
    phone = _PHONE_SEPARATORS.sub("", value)
    if not _PHONE.match(phone):
        raise ValidationError(
            _(
                "Enter a phone number (for example 0912 345 678) or an email address so that the agency can contact you if needed."
            )
        )
    return phone


def nominee_for(consultation: ConsultationPage, nominee_id) -> ConsultationNominee | None:
    """The nominee of this consultation with that id; None for the whole list; ValidationError otherwise."""
    if nominee_id in (None, "", 0, "0"):
        return None
    try:
        return consultation.nominees.get(pk=int(nominee_id))
    except (TypeError, ValueError, ConsultationNominee.DoesNotExist):
        raise ValidationError(
            {"nominee": _("No nominee with id %(id)s in this consultation.") % {"id": nominee_id}}
        ) from None


def null_character_errors(data: dict) -> dict[str, list[str]]:
    """Fields holding a NUL character, which no citizen types and PostgreSQL refuses to store."""
    message = _("The text contains an invalid character (NUL).")
    return {name: [message] for name, value in data.items() if isinstance(value, str) and "\x00" in value}


def validate_comment(consultation: ConsultationPage, data: dict) -> ConsultationComment:
    """An unsaved comment from `data` (nominee, name, contact, locality, text), or ValidationError by field."""
    errors: dict[str, list[str]] = null_character_errors(data)
    if errors:
        raise ValidationError(errors)
    nominee = None
    try:
        nominee = nominee_for(consultation, data.get("nominee"))
    except ValidationError as error:
        errors.update(error.message_dict)
    name = (data.get("name") or "").strip()
    text = (data.get("text") or "").strip()
    if not name:
        errors["name"] = [_("Enter your full name.")]
    try:
        contact = clean_contact(data.get("contact", ""))
    except ValidationError as error:
        errors["contact"] = error.messages
        contact = ""
    if len(text) < 10:
        errors["text"] = [_("Enter your comment (at least 10 characters).")]
    comment = ConsultationComment(
        consultation=consultation,
        nominee=nominee,
        nominee_name=nominee.name if nominee else "",
        name=name,
        contact=contact,
        locality=(data.get("locality") or "").strip(),
        text=text,
    )
    try:
        comment.full_clean(exclude=[field for field in errors] + ["consultation", "nominee", "moderated_by"])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return comment


def submit_comment(consultation: ConsultationPage, data: dict, address: str) -> ConsultationComment:
    """Save a citizen's comment if the consultation is open and the address is not flooding."""
    state = consultation.state()
    if state != "open":
        raise ConsultationClosed(consultation, state)
    comment = validate_comment(consultation, data)
    limit, window = comment_limit()
    if limit and counter.hit(address or "unknown", window) > limit:
        raise TooManyComments(counter.retry_after(address or "unknown", window))
    comment.save()
    return comment

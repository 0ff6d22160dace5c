"""The public comment form: the service's rules, a honeypot, and labels a screen reader reads."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import ConsultationPage
from .service import validate_comment

#: The honeypot's field name: people never see it, form-filling robots do.
HONEYPOT = "website"


class CitizenForm(forms.Form):
    """A public form: a honeypot field robots fill, and inputs tied to their help and errors for screen readers."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if HONEYPOT in self.fields:
            self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not self.is_bound:  # a bound form is described when cleaned, after subclasses set their choices
            self.describe_fields()

    def full_clean(self) -> None:
        super().full_clean()
        self.describe_fields()

    def describe_fields(self) -> None:
        """Tie each input to its help text and error message for screen readers (`aria-describedby`)."""
        errors = self.errors if self.is_bound else {}
        for name, field in self.fields.items():
            described = [f"id_{name}_help"] if field.help_text else []
            if name in errors:
                described.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())


class CommentForm(CitizenForm):
    nominee = forms.ChoiceField(label=_("Comment on"), required=False)
    name = forms.CharField(label=_("Full name"), max_length=120)
    contact = forms.CharField(
        label=_("Phone or email"),
        max_length=120,
        help_text=_("Seen only by the agency, to contact you if your comment needs clarifying."),
    )
    locality = forms.CharField(
        label=_("Place of residence"),
        max_length=255,
        required=False,
        help_text=_("For example: xã Tân Lập, huyện Tân Biên."),
    )
    text = forms.CharField(label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, consultation: ConsultationPage, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.fields["nominee"].choices = [("", _("The whole list"))] + [
            (str(nominee.pk), nominee.name) for nominee in consultation.nominees.all()
        ]
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            self.comment = validate_comment(self.consultation, data)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        return data

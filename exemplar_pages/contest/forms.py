"""The public entry form: a honeypot, labels a screen reader reads, several photos (`submit_entry` checks them)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..consultation.forms import CitizenForm
from ..models import ContestPage
from .service import MAX_PHOTOS, MAX_TEXT, megabytes, photo_max_bytes


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several files from one `<input type="file" multiple>`; the service checks each of them."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [file for file in files if file]


class EntryForm(CitizenForm):
    author_name = forms.CharField(label=_("Author's full name"), max_length=120)
    contact = forms.CharField(
        label=_("Phone or email"),
        max_length=120,
        help_text=_("Seen only by the organising committee, to contact you if needed."),
    )
    author_locality = forms.CharField(
        label=_("Author's place of residence"),
        max_length=255,
        required=False,
        help_text=_("For example: xã Tân Lập, tỉnh Tây Ninh."),
    )
    subject_name = forms.CharField(
        label=_("The good person you are writing about"),
        max_length=255,
        help_text=_("Name (and place of residence) of the person you are writing about."),
    )
    title = forms.CharField(label=_("Article title"), max_length=255)
    text = forms.CharField(
        label=_("Article"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("From 200 to 20,000 characters."),
    )
    photos = MultiplePhotoField(
        label=_("Photos (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP images."),  # with the limits, in __init__ (settings read at use time)
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to the contest rules, confirm that the article is my own, and allow the agency to edit and publish the article and photos."
        ),
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, contest: ContestPage, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.fields["photos"].help_text = gettext(
            "Up to %(n)s JPEG, PNG or WebP images, each no larger than %(mb)s MB. Location data (GPS) in the photos is removed."
        ) % {"n": MAX_PHOTOS, "mb": megabytes(photo_max_bytes())}
        # The service says what is missing, every field at once and in its own words: the form only marks them.
        for name in ("author_name", "contact", "subject_name", "title", "text", "consent"):
            self.fields[name].required = False
            self.fields[name].marked_required = True
            self.fields[name].widget.attrs["aria-required"] = "true"
        self.fields["author_name"].widget.attrs.update({"autocomplete": "name"})

    def add_service_errors(self, error: ValidationError) -> None:
        """Show the service's errors (`submit_entry`) by their fields."""
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        self.describe_fields()

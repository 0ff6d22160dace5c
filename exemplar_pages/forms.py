"""Public filter forms."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from .models import ExemplarStoryPage, Field, Locality, MovementPage, SubjectType
from .visibility import public_now


class SlugChoiceField(forms.ModelChoiceField):
    """A model choice submitted by slug, so filter URLs read `?field=nong-nghiep`."""

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("required", False)
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(queryset, **kwargs)


class TreeOrderIterator(ModelChoiceIterator):
    """Yield localities depth-first with siblings in Vietnamese order."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for locality in Locality.in_tree_order(self.queryset):
            yield self.choice(locality)


class LocalityChoiceField(SlugChoiceField):
    """Localities shown indented under their parents."""

    iterator = TreeOrderIterator

    def label_from_instance(self, obj: Locality) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


class ColumnFilterForm(forms.Form):
    """Filters a reader applies to a column: field, locality, movement, subject type, year."""

    field = SlugChoiceField(Field.objects.all(), label=_("Field of work"))
    locality = LocalityChoiceField(Locality.objects.all(), label=_("Locality"))
    movement = SlugChoiceField(MovementPage.objects.none(), label=_("Movement"))
    subject_type = forms.ChoiceField(
        label=_("Exemplar type"), required=False, choices=[("", _("All")), *SubjectType.choices]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movement"].queryset = public_now(MovementPage.objects.order_by("title"))
        years = public_now(ExemplarStoryPage.objects.order_by("-year")).values_list("year", flat=True).distinct()
        self.fields["year"].choices = [("", _("All"))] + [(str(year), str(year)) for year in years]
        self.fields["locality"].queryset = Locality.objects.all()

"""Taxonomies shared by plans, movements and stories: fields, localities, awards."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from cms.vietnamese import folded_spellings, vietnamese_slugify, vietnamese_sort_key

#: A taxonomy term's name, as written and folded, for the admin's choosers and listings (the Wagtail search backend
#: folds no Vietnamese on PostgreSQL, and on SQLite not the letters with two marks: "nghiệp").
NAME_SEARCH_FIELDS = [
    index.SearchField("name"),
    index.AutocompleteField("name"),
    index.SearchField("folded_name"),
    index.AutocompleteField("folded_name"),
]


class SubjectType(models.TextChoices):
    """Who an exemplar story is about."""

    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")


class VietnameseNamedModel(models.Model):
    """A taxonomy term with a Vietnamese name, an ASCII slug and a Vietnamese sort key."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("URL slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_("Leave empty to make it from the name without diacritics: “Nông nghiệp” → nong-nghiep."),
    )
    sort_key = models.CharField(max_length=1024, editable=False, db_index=True, default="")

    class Meta:
        abstract = True
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.name

    def folded_name(self) -> str:
        """The name without diacritics, indexed beside it: an editor who types "nong nghiep" in a chooser finds it
        (and "ki thuat" as well as "ky thuat" finds "Kỹ thuật")."""
        return folded_spellings(self.name)

    def slug_candidates(self) -> list[str]:
        """Slugs to try in order when the plain folded name is taken."""
        return [vietnamese_slugify(self.name)]

    def clean(self) -> None:
        super().clean()
        if self.slug and self.slug != vietnamese_slugify(self.slug):
            raise ValidationError({"slug": _("A slug may hold only unaccented lowercase letters, digits and hyphens.")})

    def save(self, *args, **kwargs) -> None:
        self.name = " ".join(self.name.split())
        self.sort_key = vietnamese_sort_key(self.name)
        if not self.slug:
            self.slug = self._available_slug()
        super().save(*args, **kwargs)

    @classmethod
    def find(cls, text: str):
        """Find a term by slug or name, ignoring case, then ignoring diacritics."""
        text = " ".join((text or "").split())
        if not text:
            return None
        return (
            cls._default_manager.filter(slug=text).first()
            or cls._default_manager.filter(name__iexact=text).first()
            or cls._default_manager.filter(slug=vietnamese_slugify(text)).first()
        )

    def _available_slug(self) -> str:
        siblings = type(self)._default_manager.exclude(pk=self.pk)
        candidates = [slug for slug in self.slug_candidates() if slug] or ["muc"]
        for candidate in candidates:
            if not siblings.filter(slug=candidate).exists():
                return candidate
        suffix = 2
        while siblings.filter(slug=f"{candidates[0]}-{suffix}").exists():
            suffix += 1
        return f"{candidates[0]}-{suffix}"


class Field(index.Indexed, VietnameseNamedModel):
    """A field of work (lĩnh vực) in which an exemplar stands out."""

    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = NAME_SEARCH_FIELDS
    api_fields = [APIField("name"), APIField("slug"), APIField("description")]

    class Meta(VietnameseNamedModel.Meta):
        verbose_name = _("field")
        verbose_name_plural = _("fields")


class Locality(index.Indexed, ClusterableModel, VietnameseNamedModel):
    """An administrative unit in a tree of any depth, with aliases and a successor."""

    class Kind(models.TextChoices):
        PROVINCE = "tinh", _("Province")
        CENTRAL_CITY = "thanh-pho-truc-thuoc-trung-uong", _("Centrally-run city")
        DISTRICT = "huyen", _("District")
        URBAN_DISTRICT = "quan", _("Urban district")
        TOWN = "thi-xa", _("District-level town")
        PROVINCIAL_CITY = "thanh-pho", _("Provincial city")
        COMMUNE = "xa", _("Commune")
        WARD = "phuong", _("Ward")
        TOWNSHIP = "thi-tran", _("Township")
        SPECIAL_ZONE = "dac-khu", _("Special zone")
        OTHER = "khac", pgettext_lazy("locality level", "Other")

    kind = models.CharField(_("level"), max_length=40, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("The new administrative unit after a merger (for example after the 2025 reform)."),
    )
    is_active = models.BooleanField(
        _("in force"), default=True, help_text=_("Untick when the unit has been merged or dissolved.")
    )
    tree_path = models.CharField(max_length=1024, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("kind"), FieldPanel("slug")], heading=_("Name")),
        FieldPanel("parent"),
        MultiFieldPanel([FieldPanel("is_active"), FieldPanel("successor")], heading=_("Merger")),
        InlinePanel("aliases", label=_("Other names")),
    ]
    search_fields = NAME_SEARCH_FIELDS
    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("kind"),
        APIField("parent_id"),
        APIField("successor_id"),
        APIField("is_active"),
        APIField("display_path"),
    ]

    class Meta(VietnameseNamedModel.Meta):
        verbose_name = _("locality")
        verbose_name_plural = _("localities")

    def slug_candidates(self) -> list[str]:
        base = vietnamese_slugify(self.name)
        with translation.override(settings.LANGUAGE_CODE):  # "tinh-tay-ninh", whatever language is active
            with_kind = vietnamese_slugify(f"{self.get_kind_display()} {self.name}")
        with_parent = vietnamese_slugify(f"{self.name} {self.parent.name}") if self.parent_id else ""
        return [base, with_kind, with_parent]

    def clean(self) -> None:
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("A locality cannot be part of itself.")})
            ancestor = ancestor.parent
        if self.successor_id and self.successor_id == self.pk:
            raise ValidationError({"successor": _("The successor must be another locality.")})

    @transaction.atomic
    def save(self, *args, **kwargs) -> None:
        old_path = self.tree_path
        super().save(*args, **kwargs)
        parent_path = self.parent.tree_path if self.parent_id else "/"
        new_path = f"{parent_path}{self.pk}/"
        if new_path != old_path:
            depth = new_path.count("/") - 1
            Locality.objects.filter(pk=self.pk).update(tree_path=new_path, depth=depth)
            self.tree_path, self.depth = new_path, depth
            if old_path:
                for child in Locality.objects.filter(parent=self):
                    child.save()

    @property
    def display_path(self) -> str:
        """Names from the top of the tree down to this locality, separated by “ › ”.

        Read from the parents already loaded (`select_related("parent__parent")`) when they reach the
        top of the tree, otherwise with one query.
        """
        names, node = [], self
        while Locality.parent.is_cached(node) or node.parent_id is None:
            names.append(node.name)
            if node.parent_id is None:
                return " › ".join(reversed(names))
            node = node.parent
        return " › ".join(locality.name for locality in self.ancestors_and_self())

    def ancestors_and_self(self) -> list["Locality"]:
        """This locality's ancestors from the root, then itself."""
        ids = [int(part) for part in self.tree_path.strip("/").split("/") if part]
        by_id = Locality.objects.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id] or [self]

    def subtree(self) -> models.QuerySet:
        """This locality and every locality below it."""
        return Locality.objects.filter(tree_path__startswith=self.tree_path)

    def related_ids(self) -> set[int]:
        """Ids that a filter on this locality covers: its subtree and its predecessors' subtrees."""
        ids = set(self.subtree().values_list("pk", flat=True))
        frontier = list(Locality.objects.filter(successor_id__in=ids).exclude(pk__in=ids))
        while frontier:
            locality = frontier.pop()
            new_ids = set(locality.subtree().values_list("pk", flat=True)) - ids
            ids |= new_ids
            frontier.extend(Locality.objects.filter(successor_id__in=new_ids).exclude(pk__in=ids))
        return ids

    @classmethod
    def in_tree_order(cls, queryset=None) -> list["Locality"]:
        """Localities depth-first, siblings in Vietnamese alphabetical order."""
        localities = list(cls.objects.all() if queryset is None else queryset)
        sort_keys = dict(cls.objects.values_list("pk", "sort_key"))

        def key(locality: "Locality") -> tuple[str, ...]:
            return tuple(sort_keys.get(int(pk), "") for pk in locality.tree_path.strip("/").split("/") if pk)

        return sorted(localities, key=key)

    @classmethod
    def find(cls, text: str) -> "Locality | None":
        """Find a locality by slug or name, then by alias, ignoring diacritics last."""
        return super().find(text) or cls.objects.filter(aliases__slug=vietnamese_slugify(text or "")).first()


class LocalityAlias(models.Model):
    """Another name for a locality: an old name, an abbreviation, a spelling."""

    locality = ParentalKey(Locality, related_name="aliases", on_delete=models.CASCADE)
    name = models.CharField(_("other name"), max_length=255)
    slug = models.SlugField(max_length=255, editable=False, db_index=True)

    panels = [FieldPanel("name")]

    class Meta:
        verbose_name = _("other name")
        verbose_name_plural = _("other names")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.slug = vietnamese_slugify(self.name)
        super().save(*args, **kwargs)


class Award(VietnameseNamedModel):
    """An emulation title or form of commendation under the 2022 Law on Emulation and Commendation."""

    class Kind(models.TextChoices):
        EMULATION_TITLE = "danh-hieu", _("Emulation title")
        ORDER = "huan-chuong", pgettext_lazy("award kind", "Order")
        MEDAL = "huy-chuong", _("Medal")
        HONORARY_TITLE = "danh-hieu-vinh-du", _("State honorary title")
        PRIZE = "giai-thuong", _("Prize")
        COMMEMORATIVE_MEDAL = "ky-niem-chuong", _("Commemorative medal")
        CERTIFICATE_OF_MERIT = "bang-khen", _("Certificate of merit")
        CERTIFICATE_OF_COMMENDATION = "giay-khen", _("Certificate of commendation")

    class Recipient(models.TextChoices):
        ANY = "any", _("Individual, collective or household")
        INDIVIDUAL = "individual", _("Individual")
        COLLECTIVE = "collective", _("Collective")
        HOUSEHOLD = "household", _("Household")

    class Level(models.TextChoices):
        STATE = "nha-nuoc", _("The State")
        GOVERNMENT = "chinh-phu", _("Government")
        MINISTRY = "bo-nganh", _("Central ministry, board, sector or organisation")
        PROVINCE = "tinh", _("Province")
        DISTRICT = "huyen", _("District")
        COMMUNE = "xa", _("Commune")
        AGENCY = "co-quan", _("Agency or unit")

    kind = models.CharField(_("type"), max_length=40, choices=Kind.choices)
    recipient = models.CharField(_("recipient"), max_length=20, choices=Recipient.choices, default=Recipient.ANY)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=255,
        blank=True,
        help_text=_("For example: Điều 23 Luật Thi đua, khen thưởng 2022."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("recipient"),
        FieldPanel("level"),
        FieldPanel("legal_basis"),
    ]
    api_fields = [APIField("name"), APIField("slug"), APIField("kind"), APIField("recipient"), APIField("level")]

    class Meta(VietnameseNamedModel.Meta):
        verbose_name = _("title or form of award")
        verbose_name_plural = _("titles and forms of award")


def index_reference_terms(using: str = "default", **kwargs) -> None:
    """Put the fields and the provinces in Wagtail's search index (a ``post_migrate`` receiver): the terms data
    migrations created were saved by historical models, whose saves the index never hears of."""
    from wagtail.search.backends import get_search_backends

    for model, terms in (
        (Field, Field.objects.using(using).all()),
        (Locality, Locality.objects.using(using).filter(parent=None)),
    ):
        terms = list(terms)
        if terms:
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, terms)

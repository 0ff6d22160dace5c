"""What page types and facets contribute to search (DESIGN §5): a protocol (`Searchable`) a page model
implements next to its fields, and the facets the app owning the taxonomies registers (`register_facet`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.apps import apps
from django.db.models import QuerySet


@dataclass
class Contribution:
    """A page's part of its search document: text after the title, facet and filter keys, result fields."""

    parts: list[str] = field(default_factory=list)
    #: `{facet name: [value slugs]}`, for registered facets (and filter-only keys such as tags).
    facets: dict[str, list[str]] = field(default_factory=dict)
    summary: str = ""
    subject_type: str = ""
    year: int | None = None
    #: `{"slug", "name"}`; the locality also has `"path"` (DESIGN §6).
    field: dict | None = None
    locality: dict | None = None
    movement: dict | None = None


class Batch:
    """Lookups shared by the documents of one batch of pages (taxonomies, say), each made once."""

    def __init__(self) -> None:
        self._made: dict[str, Any] = {}

    def shared(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]


class Searchable:
    """The protocol of a searchable page type (a mixin of its Wagtail page model)."""

    #: The page type's name in the search contract (`type` parameter and result field).
    search_type: ClassVar[str] = ""

    @classmethod
    def search_queryset(cls, pages: QuerySet) -> QuerySet:
        """The batch's pages with what `search_contribution` reads prefetched."""
        return pages

    def search_contribution(self, batch: Batch) -> Contribution:
        raise NotImplementedError


def page_types() -> dict[str, type]:
    """Every searchable page model by its contract name, in the order the apps define them."""
    found: dict[str, type] = {}
    for model in apps.get_models():
        if issubclass(model, Searchable) and model.search_type and not model._meta.abstract:
            found.setdefault(model.search_type, model)
    return found


def type_label(name: str) -> str:
    """The display name of a page type: its model's verbose name."""
    model = page_types().get(name)
    return str(model._meta.verbose_name) if model else name


class UnknownValue(ValueError):
    """A filter value the facet does not know; `message` says why when more than “no such value” is to be said."""

    def __init__(self, value: str, message: str = "") -> None:
        super().__init__(value)
        self.value, self.message = value, message


@dataclass
class Facet:
    """A facet (or a filter-only key): its display name, the names of its values and how values are checked."""

    name: str
    label: Any
    #: `(slug, display name, depth, sort key)` of every value; None for values shown as they are (years).
    values: Callable[[], Iterable[tuple[str, str, int, Any]]] | None = None
    #: Canonical values of filter values (e.g. an alias to its locality); raises `UnknownValue`.
    resolve: Callable[[list[str]], list[str]] | None = None
    #: Counted and returned with every answer; a filter-only key is not.
    counted: bool = True
    #: Values named in the active language: never cached.
    translated: bool = False
    #: Values shown newest first (years) rather than in the order of their names.
    descending: bool = False


_facets: dict[str, Facet] = {}


def register_facet(facet: Facet) -> None:
    _facets[facet.name] = facet


def facets() -> dict[str, Facet]:
    """Every registered facet and filter-only key, in registration order."""
    return _facets


def counted_facets() -> tuple[str, ...]:
    return tuple(name for name, facet in _facets.items() if facet.counted)

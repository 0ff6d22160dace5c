"""The search contract's query and results, and the parsing of public parameters (DESIGN §6)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .documents import tokenize
from .labels import taxonomy_labels
from .registry import UnknownValue, facets, page_types

MAX_QUERY_LENGTH = 200
MAX_QUERY_TOKENS = 32
MAX_PAGE_SIZE = 100
MAX_PAGE = 1000
MAX_RESULT_WINDOW = 10_000
MAX_FILTER_VALUES = 20
DEFAULT_PAGE_SIZE = 20
SORTS = ("relevance", "date")


class SearchParameterError(ValueError):
    """A bad search parameter; the message names it and is shown to the user."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass
class SearchQuery:
    """Words, filter clauses (values OR-ed within a clause, clauses AND-ed), a window and a sort."""

    text: str = ""
    clauses: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    offset: int = 0
    limit: int = DEFAULT_PAGE_SIZE
    sort: str = ""
    with_facets: bool = True

    @property
    def tokens(self) -> list[str]:
        return tokenize(self.text)[:MAX_QUERY_TOKENS]

    @property
    def effective_sort(self) -> str:
        """Relevance when there are words to rank by, else newest first."""
        if self.sort in SORTS:
            return self.sort if self.tokens else "date"
        return "relevance" if self.tokens else "date"

    def selected(self, key: str) -> set[str]:
        """Every value chosen for a filter key."""
        return {value for clause_key, values in self.clauses if clause_key == key for value in values}


@dataclass(slots=True)
class FacetValue:
    """One value of a facet with its display name and count."""

    slug: str
    name: str
    count: int
    depth: int = 0
    selected: bool = False

    def as_dict(self) -> dict:
        return {"slug": self.slug, "name": self.name, "count": self.count}


@dataclass
class SearchResults:
    """What the service answers: the hits of one page, the total and the facets."""

    count: int
    offset: int
    limit: int
    backend: str
    hits: list[dict]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # by slug, before labelling

    @property
    def page_ids(self) -> list[int]:
        return [hit["id"] for hit in self.hits]


def _values(getlist: Callable[[str], list[str]], name: str) -> list[str]:
    """Non-empty values of a repeatable parameter (also accepting comma-separated values), at most 20."""
    values: list[str] = []
    for raw in getlist(name):
        values += [part.strip() for part in str(raw).split(",") if part.strip()]
    values = list(dict.fromkeys(values))
    if len(values) > MAX_FILTER_VALUES:
        raise SearchParameterError(
            name, _("Parameter `%(name)s` takes at most %(max)s values.") % {"name": name, "max": MAX_FILTER_VALUES}
        )
    return values


def _int(getlist: Callable[[str], list[str]], name: str, default: int, low: int, high: int, message: str) -> int:
    values = getlist(name)
    if not values or values[-1] in ("", None):
        return default
    try:
        number = int(str(values[-1]).strip())
    except ValueError:
        raise SearchParameterError(name, message) from None
    if not low <= number <= high:
        raise SearchParameterError(name, message)
    return number


def _no_such_value(name: str, value: str) -> SearchParameterError:
    message = _("Parameter `%(name)s`: there is no value “%(value)s”.") % {"name": name, "value": value[:60]}
    return SearchParameterError(name, message)


def _resolved(name: str, values: list[str]) -> list[str]:
    """A facet's filter values, canonical (known ones without asking the database); unknown ones raise."""
    facet = facets()[name]
    known = taxonomy_labels().get(name, {})
    if facet.resolve is None or all(value in known for value in values):
        return values
    try:
        return facet.resolve(values)
    except UnknownValue as error:
        if error.message:
            raise SearchParameterError(name, error.message) from None
        raise _no_such_value(name, error.value) from None


def parse_search_params(getlist: Callable[[str], list[str]]) -> SearchQuery:
    """Turn public parameters (`q`, `type`, `field`… `page`, `page_size`, `sort`) into a query; bad ones raise."""
    text = " ".join(" ".join(getlist("q")).split())
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchParameterError(
            "q", _("Parameter `q` is at most %(max)s characters long.") % {"max": MAX_QUERY_LENGTH}
        )
    clauses: list[tuple[str, tuple[str, ...]]] = []
    types = _values(getlist, "type")
    for value in types:
        if value not in page_types():
            raise _no_such_value("type", value)
    if types:
        clauses.append(("type", tuple(types)))
    for name, facet in facets().items():
        values = _values(getlist, name) if facet.counted else []  # filter-only keys are the columns' own
        if values:
            clauses.append((name, tuple(_resolved(name, values))))
    size_error = _("Parameter `page_size` must be from 1 to %(max)s.") % {"max": MAX_PAGE_SIZE}
    page_size = _int(getlist, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, size_error)
    page_error = _("Parameter `page` must be an integer from 1 to %(max)s.") % {"max": MAX_PAGE}
    page = _int(getlist, "page", 1, 1, MAX_PAGE, page_error)
    if page * page_size > MAX_RESULT_WINDOW:
        deep = _("Parameter `page` is too deep: page × page_size is at most %(max)s.") % {"max": MAX_RESULT_WINDOW}
        raise SearchParameterError("page", deep)
    sort = (getlist("sort") or [""])[-1] or ""
    if sort and sort not in SORTS:
        raise SearchParameterError("sort", _("Parameter `sort` accepts only relevance or date."))
    return SearchQuery(text=text, clauses=clauses, offset=(page - 1) * page_size, limit=page_size, sort=sort)

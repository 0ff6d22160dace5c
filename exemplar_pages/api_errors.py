"""Every error of the v3 API as `application/problem+json` in Vietnamese, never an HTML 500 (issue #12).

Wagtail registers its own handlers on the v3 `api` object (English details, 422 for a bad query
parameter, and a re-raise into Django's HTML 500 page when `DEBUG` is off). `install()` registers the
project's handlers over them, once, from `ExemplarPagesConfig.ready()`:

- a bad query or path parameter is 400 naming the parameter; a bad body stays 422, as in Wagtail;
- Wagtail's English refusals ("Permission denied", "Not found"…) come out in Vietnamese;
- numbers past what the database can hold (`offset=99999999999999999999`), a full-text query the
  database's search syntax refuses (`search=a"b` on SQLite), a tree move to an impossible place and
  an action on the root page are 400 rather than 500;
- anything else is logged as Django logs a 500 and answered 500 in the same shape.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from treebeard.exceptions import InvalidMoveToDescendant, InvalidPosition, PathOverflow
from wagtail.api.rich_text import RichTextFormatError
from wagtail.api.v3.errors import problem_response

logger = logging.getLogger("django.request")

# The largest integer both SQLite and PostgreSQL (bigint) take as a parameter.
MAX_DATABASE_INT = 2**63 - 1
_LIMIT_MESSAGE = re.compile(r"^limit cannot be higher than (\d+)$")
_PAGE_ID_PATH = re.compile(r"^/api/v3/pages/(?P<id>[^/]+)/")
_PAGE_ACTION_PATH = re.compile(r"/pages/(\d+)/actions/")
# Wagtail's validators of query parameters that report their errors without a location.
QUERY_VALIDATORS = {"OrderingValidator": "order", "SiteFilterValidator": "site", "APIFieldValidator": "fields"}


def _title(status: int) -> str:
    titles = {
        400: _("Bad request"),
        401: _("Not authenticated"),
        403: _("No permission"),
        404: _("Not found"),
        405: _("Method not allowed"),
        409: _("Conflict"),
        410: _("No longer accepted"),
        422: _("Invalid data"),
        429: _("Too many requests"),
        500: _("Server error"),
        503: _("Service temporarily unavailable"),
    }
    if status in titles:
        return titles[status]
    return _("Client error") if status < 500 else _("Server error")


def problem(status: int, detail: str, errors: list[dict] | None = None) -> HttpResponse:
    """A problem+json answer with a Vietnamese title and detail."""
    return problem_response(status=status, title=_title(status), detail=detail, errors=errors)


def _is_english(message: str) -> bool:
    """Wagtail's own messages are plain ASCII English; the project's are Vietnamese."""
    return bool(message) and message.isascii()


def _vietnamese(message: str, fallback: str) -> tuple[str, list[dict] | None]:
    """The message in Vietnamese: the catalogue's translation, else `fallback` with the original kept."""
    if not _is_english(message):
        return (message or fallback), None
    translated = _(message)
    if translated != message:
        return translated, None
    return fallback, [{"msg": message}]


def _parameter_names(errors: list[dict], sources: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for error in errors:
        loc = list(error.get("loc") or ())
        if len(loc) >= 2 and loc[0] in sources and str(loc[1]) not in names:
            names.append(str(loc[1]))
    return names


def _quoted(names: list[str]) -> str:
    return ", ".join(f"“{name}”" for name in names)


def _oversized_parameters(request: HttpRequest) -> list[str]:
    names = []
    for name, values in request.GET.lists():
        for value in values:
            text = value.strip().lstrip("+-")
            if text.isdigit() and int(text) > MAX_DATABASE_INT:
                names.append(name)
                break
    return names


def _root_page_action(request: HttpRequest) -> bool:
    from wagtail.models import Page

    match = _PAGE_ACTION_PATH.search(request.path)
    if not match:
        return False
    try:
        destination = json.loads(request.body or b"{}").get("destination_id")
    except (ValueError, AttributeError):
        destination = None
    # The page itself is the root, or it would become a sibling of the root (Wagtail fails on both).
    ids = [int(match.group(1))]
    if isinstance(destination, int) and not isinstance(destination, bool):
        ids.append(destination)
    try:
        return Page.objects.filter(pk__in=ids, depth=1).exists()
    except (DatabaseError, OverflowError):
        return False


def validation_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    if isinstance(exc, NinjaValidationError):
        errors = exc.errors
        names = _parameter_names(errors, ("query", "path"))
        if names:
            detail = _("Invalid parameter: %(names)s.") % {"names": _quoted(names)}
            return problem(400, detail, errors)
        names = _parameter_names(errors, ("body",))
        detail = _("Invalid request body: %(names)s.") % {"names": _quoted(names)} if names else ""
        return problem(422, detail or _("Invalid request body."), errors)
    if isinstance(exc, PydanticValidationError):
        errors = [{key: value for key, value in error.items() if key != "input"} for error in exc.errors()]
    elif isinstance(exc, DjangoValidationError):
        errors = [{"msg": message} for message in exc.messages]
    else:
        errors = None
    if request.method in ("GET", "HEAD"):
        # Raised while reading the query (ordering, filters, search): a request without a body.
        names = [
            str(error["loc"][0]) for error in errors or () if error.get("loc") and str(error["loc"][0]) in request.GET
        ]
        if not names and QUERY_VALIDATORS.get(getattr(exc, "title", "")) in request.GET:
            names = [QUERY_VALIDATORS[exc.title]]
        if names:
            return problem(
                400, _("Invalid parameter: %(names)s.") % {"names": _quoted(list(dict.fromkeys(names)))}, errors
            )
        return problem(400, _("Invalid query parameters."), errors)
    return problem(422, _("Invalid request body."), errors)


def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    # v3 never trusts session auth: 401 unless a bearer token resolved (as Wagtail's handler).
    if not request.user.is_authenticated:
        return problem(401, _("Sign in with an access token (API token) to perform this action."))
    detail, errors = _vietnamese(str(exc), _("You do not have permission to perform this action."))
    return problem(403, detail, errors)


def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    detail, errors = _vietnamese(str(exc), _("The requested content was not found."))
    return problem(404, detail, errors)


def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    message = str(exc)
    match = _LIMIT_MESSAGE.match(message)
    if match:
        return problem(
            exc.status_code, _("The “limit” parameter may not be greater than %(max)s.") % {"max": match.group(1)}
        )
    fallback = _title(exc.status_code) + "."
    detail, errors = _vietnamese(message, fallback)
    return problem(exc.status_code, detail, errors)


def rich_text_error(request: HttpRequest, exc: RichTextFormatError) -> HttpResponse:
    return problem(400, _("Invalid rich text content."), [{"msg": str(exc)}])


def number_too_large(request: HttpRequest, exc: Exception) -> HttpResponse | None:
    names = _oversized_parameters(request)
    if not names:
        return None
    detail = _("Parameter %(names)s exceeds the allowed limit.") % {"names": _quoted(names)}
    return problem(400, detail)


def database_error(request: HttpRequest, exc: DatabaseError) -> HttpResponse:
    if _page_id_too_large(request):  # PostgreSQL: "value out of range for type bigint"
        return problem(404, _("This page does not exist."))
    with_nul = [name for name, values in request.GET.lists() if any("\x00" in value for value in values)]
    if with_nul:  # PostgreSQL cannot compare text with a NUL character (`/pages/find/?html_path=%00`)
        detail = _("Parameter %(names)s contains an invalid character (NUL).") % {"names": _quoted(with_nul)}
        return problem(400, detail)
    answer = number_too_large(request, exc)
    if answer is not None:
        return answer
    if request.GET.get("search"):
        # The database backend hands the words to the database's own full-text syntax (FTS5 on SQLite).
        return problem(400, _("Invalid “search” parameter: the keywords contain unsupported characters."))
    return server_error(request, exc)


def overflow_error(request: HttpRequest, exc: OverflowError) -> HttpResponse:
    if _page_id_too_large(request):  # `PATCH /api/v3/pages/4201714525726996692992/`: no page has it
        return problem(404, _("This page does not exist."))
    return number_too_large(request, exc) or server_error(request, exc)


def _page_id_too_large(request: HttpRequest) -> bool:
    match = _PAGE_ID_PATH.match(request.path)
    return bool(match) and match["id"].isdigit() and int(match["id"]) > MAX_DATABASE_INT


def tree_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(400, _("The page cannot be placed at this position in the page tree."), [{"msg": str(exc)}])


def _not_a_page_id(request: HttpRequest) -> bool:
    """A page route whose id is no number (`/api/v3/pages/null/`): Wagtail reads it before ninja checks it."""
    match = _PAGE_ID_PATH.match(request.path)
    return bool(match) and not match["id"].isdigit()


def _body_not_an_object(request: HttpRequest) -> bool:
    """A write whose JSON body is no object (`-3.4e38`, `[]`): Wagtail reads its `meta` before ninja checks it."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    try:
        return not isinstance(json.loads(request.body or b"{}"), dict)
    except ValueError:
        return False  # not JSON at all: ninja's own validation answers it


def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    if isinstance(exc, ValueError) and _not_a_page_id(request):
        return problem(404, _("This page does not exist."))
    if isinstance(exc, (AttributeError, TypeError, ValueError)) and _body_not_an_object(request):
        return problem(422, _("The request body must be a JSON object."))
    if _root_page_action(request):
        return problem(400, _("The root page cannot be copied, moved or aliased, and no page can be placed beside it."))
    if getattr(settings, "DEBUG", False):
        raise exc
    logger.error("Internal Server Error: %s", request.path, exc_info=exc, extra={"status_code": 500})
    return problem(500, _("A server error occurred; please try again later."))


def install() -> None:
    """Register the handlers above on Wagtail's v3 `api` object, over Wagtail's own."""
    from wagtail.api.v3.api import api

    handlers = [
        ((NinjaValidationError, PydanticValidationError, DjangoValidationError), validation_error),
        ((PermissionDenied,), permission_denied),
        ((Http404,), not_found),
        ((HttpError,), http_error),
        ((RichTextFormatError,), rich_text_error),
        ((OverflowError,), overflow_error),
        ((DatabaseError,), database_error),
        ((InvalidMoveToDescendant, InvalidPosition, PathOverflow), tree_error),
        ((Exception,), server_error),
    ]
    for classes, handler in handlers:
        for exc_class in classes:
            api.add_exception_handler(exc_class, handler)
    _bound_pagination()


class PagedOutput:
    """A queryset whose rows are turned into API output only for the page Wagtail's paginator slices out (it counts
    the rows in SQL), rather than for every row before paging."""

    def __init__(self, queryset, output: Callable) -> None:
        self.queryset, self.output = queryset, output

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, window: slice) -> list:
        return [self.output(row) for row in self.queryset[window]]


def _bound_pagination() -> None:
    """Refuse an `offset`/`limit` past a database integer before any query (PostgreSQL would abort the
    transaction on it), on every list that pages with Wagtail's paginator: pages, documents, images,
    redirects, snippets, localities."""
    from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

    original = WagtailLimitOffsetPagination.paginate_queryset
    if getattr(original, "bounded", False):
        return

    def paginate_queryset(self, queryset, pagination, request: HttpRequest, **params):
        for name in ("offset", "limit"):
            if getattr(pagination, name, 0) > MAX_DATABASE_INT:
                raise HttpError(400, _("The “%(name)s” parameter exceeds the allowed limit.") % {"name": name})
        return original(self, queryset, pagination, request, **params)

    paginate_queryset.bounded = True
    WagtailLimitOffsetPagination.paginate_queryset = paginate_queryset

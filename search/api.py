"""`GET /api/v3/search/` on Wagtail's v3 API (DESIGN §6)."""

from __future__ import annotations

from urllib.parse import parse_qsl

import orjson
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail

from .backends import BackendUnavailable
from .query import (
    MAX_FILTER_VALUES,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    SearchParameterError,
    parse_search_params,
)
from .registry import counted_facets, page_types
from .service import search

router = Router(tags=["search"], auth=[BearerTokenAuth(), AllowAnonymous()])


class NamedRef(Schema):
    slug: str
    name: str


class LocalityRef(NamedRef):
    path: str


class SearchHit(Schema):
    id: int
    type: str
    title: str
    url: str
    summary: str
    subject_type: str | None
    year: int | None
    field: NamedRef | None
    locality: LocalityRef | None
    movement: NamedRef | None
    highlight: str


class FacetCount(Schema):
    slug: str
    name: str
    count: int


#: One list of counts per registered facet (DESIGN §6: field, locality, movement, subject_type, year, award).
Facets = type("Facets", (Schema,), {"__annotations__": {name: list[FacetCount] for name in counted_facets()}})


class SearchResponse(Schema):
    count: int
    page: int
    page_size: int
    backend: str
    results: list[SearchHit]
    facets: Facets


def _parameter(name: str, description: str, schema: dict, repeatable: bool = False) -> dict:
    if repeatable:
        schema = {"type": "array", "items": schema, "maxItems": MAX_FILTER_VALUES}
    return {
        "in": "query",
        "name": name,
        "required": False,
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if repeatable else {}),
    }


STRING = {"type": "string"}
PARAMETERS = [
    _parameter("q", "Từ khóa, có dấu hoặc không dấu.", {"type": "string", "maxLength": MAX_QUERY_LENGTH}),
    *(
        _parameter(name, description, schema, repeatable=True)
        for name, description, schema in (
            ("type", "Loại nội dung.", {"type": "string", "enum": list(page_types())}),
            ("field", "Lĩnh vực (slug).", STRING),
            ("locality", "Địa bàn (slug), gồm cả địa bàn trực thuộc và đơn vị cũ đã sáp nhập.", STRING),
            ("movement", "Phong trào (slug).", STRING),
            ("subject_type", "Loại điển hình.", {"type": "string", "enum": ["individual", "collective", "household"]}),
            ("year", "Năm.", {"type": "integer", "minimum": 1945, "maximum": 2100}),
            ("award", "Danh hiệu, hình thức khen thưởng (slug).", STRING),
        )
    ),
    _parameter(
        "page",
        "Trang (từ 1); page × page_size tối đa 10 000.",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    ),
    _parameter(
        "page_size", "Số kết quả mỗi trang.", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20}
    ),
    _parameter(
        "sort",
        "Thứ tự: mức độ phù hợp (mặc định khi có từ khóa) hoặc mới nhất.",
        {"type": "string", "enum": ["relevance", "date"]},
    ),
]


def _undecodable_parameters(request: HttpRequest) -> list[str]:
    """Names of query parameters whose bytes are not UTF-8 (Django would turn them into U+FFFD quietly)."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True, encoding="latin-1")
    names = []
    for name, value in pairs:
        try:
            value.encode("latin-1").decode("utf-8")
        except UnicodeError:
            names.append(name.encode("latin-1").decode("utf-8", "replace"))
    return list(dict.fromkeys(names))


@router.get(
    "/",
    response={200: SearchResponse, 400: ProblemDetail, 503: ProblemDetail},
    summary="Tìm kiếm",
    description="Tìm trang công khai (gương điển hình, kế hoạch, phong trào) với bộ lọc và số đếm theo từng mục.",
    operation_id="search",
    openapi_extra={"parameters": PARAMETERS},
)
def search_pages(request: HttpRequest):
    undecodable = _undecodable_parameters(request)
    if undecodable:
        names = ", ".join(f"“{name}”" for name in undecodable)
        raise HttpError(400, _("Parameter %(names)s is not valid UTF-8 text.") % {"names": names})
    try:
        query = parse_search_params(request.GET.getlist)
    except SearchParameterError as error:
        raise HttpError(400, str(error)) from None
    try:
        results = search(query)
    except BackendUnavailable:
        raise HttpError(503, _("The search service is temporarily unavailable, please try again later.")) from None
    payload = {
        "count": results.count,
        "page": query.offset // query.limit + 1,
        "page_size": query.limit,
        "backend": results.backend,
        "results": [{key: value for key, value in hit.items() if key != "date"} for hit in results.hits],
        "facets": {facet: [value.as_dict() for value in values] for facet, values in results.facets.items()},
    }
    # Checked against the schema it promises (a mismatch is a server error, logged), then sent as UTF-8 by
    # orjson: a hundred hits and ~1 200 facet values cost a few times less than ninja's own rendering.
    SearchResponse.model_validate(payload)
    return HttpResponse(orjson.dumps(payload), content_type="application/json; charset=utf-8")

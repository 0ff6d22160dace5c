"""Read-only taxonomy endpoints on the v3 API, so a headless front end can label and filter; page reads."""

import functools

from django.core.exceptions import FieldDoesNotExist
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field as SchemaField
from ninja import Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from .models import Award, Field, Locality

router = Router(tags=["taxonomies"], auth=[BearerTokenAuth(), AllowAnonymous()])


class TaxonomyFieldOut(Schema):
    slug: str
    name: str
    description: str


class TaxonomyLocalityOut(Schema):
    slug: str
    name: str
    kind: str
    kind_display: str = SchemaField(alias="get_kind_display")
    parent: str | None = SchemaField(None, alias="parent.slug")
    successor: str | None = SchemaField(None, alias="successor.slug")
    is_active: bool
    path: str = SchemaField(alias="display_path")
    aliases: list[str]

    @staticmethod
    def resolve_aliases(obj: Locality) -> list[str]:
        return [alias.name for alias in obj.aliases.all()]


class TaxonomyAwardOut(Schema):
    slug: str
    name: str
    kind: str
    recipient: str
    level: str
    legal_basis: str


@router.get("/fields/", response=list[TaxonomyFieldOut], summary="Lĩnh vực", operation_id="taxonomy_fields")
def list_fields(request: HttpRequest):
    return Field.objects.all()


@router.get(
    "/awards/",
    response=list[TaxonomyAwardOut],
    summary="Danh hiệu, hình thức khen thưởng",
    operation_id="taxonomy_awards",
)
def list_awards(request: HttpRequest):
    return Award.objects.all()


@router.get("/localities/", response=list[TaxonomyLocalityOut], summary="Địa bàn", operation_id="taxonomy_localities")
@paginate(WagtailLimitOffsetPagination)
def list_localities(request: HttpRequest, parent: str | None = None):
    """Localities in tree order; `parent` (a slug, or `root`) lists one level."""
    queryset = Locality.objects.select_related("parent", "successor").prefetch_related("aliases").order_by("tree_path")
    if parent == "root":
        queryset = queryset.filter(parent__isnull=True)
    elif parent:
        queryset = queryset.filter(parent=get_object_or_404(Locality, slug=parent))
    return queryset


@router.get(
    "/localities/{slug}/", response=TaxonomyLocalityOut, summary="Một địa bàn", operation_id="taxonomy_locality"
)
def get_locality(request: HttpRequest, slug: str):
    return get_object_or_404(Locality.objects.select_related("parent", "successor"), slug=slug)


def install_public_page_links() -> None:
    """Page links in `api_fields` (a story's `movement`) show an anonymous reader only pages public now.

    Wagtail's v3 read schemas show a foreign key as the related row's id; for a link to a draft,
    private or expired page that id would leak to anonymous readers (issue #12). Replaces Wagtail's
    foreign-key field schema with one that resolves a link to a page through `is_public_now` when no
    token is given. Must run before `wagtail.api.v3.registry` builds the page schemas, i.e. before
    `wagtail.api.v3.api` is imported.
    """
    from django.db.models import ForeignKey
    from wagtail.api.v3.schemas.generators import read as read_generators
    from wagtail.models import Page

    from .visibility import is_public_now

    original = read_generators.foreign_key_schema
    if getattr(original, "public_only", False):
        return

    def foreign_key_schema(generator, field):
        annotation, default, resolver = original(generator, field)
        if resolver is not None or not field.null or not issubclass(field.related_model, Page):
            return annotation, default, resolver
        name = field.name

        def resolve(obj, context: dict):
            request = context.get("request")
            if request is not None and request.user.is_authenticated:
                return getattr(obj, name)
            # A page type may answer for its link itself (the story's `public_movement`, which its
            # `movement_detail` asks too), so the check runs once per answer.
            public_link = getattr(obj, f"public_{name}", None)
            if callable(public_link):
                return public_link()
            linked = getattr(obj, name)
            return linked if linked is not None and is_public_now(linked) else None

        return annotation, default, staticmethod(resolve)

    foreign_key_schema.public_only = True
    read_generators.foreign_key_schema = foreign_key_schema
    read_generators.read_generator.register_field_schema(ForeignKey, foreign_key_schema)


@functools.cache
def api_select_related(model) -> tuple[str, ...]:
    """What a page type's detail answer reads from other tables, joined into the query that loads it.

    The locale, every foreign key among `api_fields` (a story's field, locality and movement, a plan's
    original document), and what the model adds in `api_select_related` (e.g. a locality's parents).
    Derived from the code only, so keeping it per process cannot go stale.
    """
    names = ["locale"]
    for api_field in getattr(model, "api_fields", ()):
        try:
            field = model._meta.get_field(api_field.name)
        except FieldDoesNotExist:
            continue
        if field.many_to_one and field.concrete:
            names.append(field.name)
    names += getattr(model, "api_select_related", ())
    return tuple(dict.fromkeys(names))


def detail_page(page):
    """`page` as its specific type, loaded with the rows its API fields read (`api_select_related`).

    Wagtail's `page.specific` loads the specific row alone; the detail schema then reads the locale and
    each foreign key with one query each.
    """
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page.specific
    try:  # `get`, not `first`: ordering a select this wide costs Django more than the query itself
        queryset = model._default_manager.select_related(*api_select_related(model))
        return queryset.prefetch_related(*getattr(model, "api_prefetch_related", ())).get(pk=page.pk)
    except model.DoesNotExist:
        return page.specific


def install_page_detail_queries() -> None:
    """`GET /api/v3/pages/{id}/` loads the specific page with `detail_page`, in a bounded number of queries.

    Replaces the view of Wagtail's `pages_detail` operation (`wagtail.api.v3.routers.pages.get_page`,
    whose body this repeats but for `page.specific`). Must run after `install_public_page_links` (importing
    the router builds the page schemas) and before `wagtail.api.v3.api` mounts the router (mounting copies
    the operation).
    """
    from wagtail.api.v3.routers import pages

    operation = next(
        operation
        for path_view in pages.router.path_operations.values()
        for operation in path_view.operations
        if operation.operation_id == "pages_detail"
    )
    original = operation.view_func
    if getattr(original, "detail_queries", False):
        return

    @functools.wraps(original)
    def get_page(request, page_id, version="live", rich_text_format=None):
        if not str(page_id).isdigit() or int(page_id) >= 2**63:  # `-2.6e-244`, `10**30`: no page has it
            raise Http404
        page = get_object_or_404(pages.get_pages_queryset(request), pk=int(page_id))
        if version == "draft" and request.user.is_authenticated:
            return page.get_latest_revision_as_object()
        return detail_page(page)

    get_page.detail_queries = True
    operation.view_func = get_page

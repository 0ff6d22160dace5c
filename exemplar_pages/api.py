"""Read-only taxonomy endpoints on the v3 API, so a headless front end can label and filter."""

from django.http import HttpRequest
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
            linked = getattr(obj, name)
            request = context.get("request")
            if linked is None or (request is not None and request.user.is_authenticated):
                return linked
            return linked if is_public_now(linked) else None

        return annotation, default, staticmethod(resolve)

    foreign_key_schema.public_only = True
    read_generators.foreign_key_schema = foreign_key_schema
    read_generators.read_generator.register_field_schema(ForeignKey, foreign_key_schema)

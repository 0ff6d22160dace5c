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


class FieldSchema(Schema):
    slug: str
    name: str
    description: str


class LocalitySchema(Schema):
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


class AwardSchema(Schema):
    slug: str
    name: str
    kind: str
    recipient: str
    level: str
    legal_basis: str


@router.get("/fields/", response=list[FieldSchema], summary="Lĩnh vực", operation_id="taxonomy_fields")
def list_fields(request: HttpRequest):
    return Field.objects.all()


@router.get(
    "/awards/", response=list[AwardSchema], summary="Danh hiệu, hình thức khen thưởng", operation_id="taxonomy_awards"
)
def list_awards(request: HttpRequest):
    return Award.objects.all()


@router.get("/localities/", response=list[LocalitySchema], summary="Địa bàn", operation_id="taxonomy_localities")
@paginate(WagtailLimitOffsetPagination)
def list_localities(request: HttpRequest, parent: str | None = None):
    """Localities in tree order; `parent` (a slug, or `root`) lists one level."""
    queryset = Locality.objects.select_related("parent", "successor").prefetch_related("aliases").order_by("tree_path")
    if parent == "root":
        queryset = queryset.filter(parent__isnull=True)
    elif parent:
        queryset = queryset.filter(parent=get_object_or_404(Locality, slug=parent))
    return queryset


@router.get("/localities/{slug}/", response=LocalitySchema, summary="Một địa bàn", operation_id="taxonomy_locality")
def get_locality(request: HttpRequest, slug: str):
    return get_object_or_404(Locality.objects.select_related("parent", "successor"), slug=slug)

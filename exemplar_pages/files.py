"""Files follow their pages (DESIGN §4): a document or image is public only while a public page uses it.

"Used by" is Wagtail's reference index (foreign keys such as a plan's `original_document` or a
page's `hero_image`, and files in StreamField and rich text), read for the pages anonymous readers
may see now (`visibility.public_now`). A page's reference index entry follows its database row,
which holds the live content of a published page and the content of a page never published, and it
is updated by a background task: until that task has run, a newly used file stays private.

Anonymous readers get 404 for any other file: from Wagtail's document view (`before_serve_document`),
from the v3 API's document and image lists and details, and from the media route (`serve_media`,
`MEDIA_SERVED_BY_DJANGO`), which answers image URLs in development, under `make serve`, and behind
nginx (`deploy/nginx.conf` sends /media/images/ and /media/original_images/ to Django, which answers
with `X-Accel-Redirect` when MEDIA_ACCEL_REDIRECT names nginx's internal location). People with admin access (editors, reviewers) reach every file
as before. Imported plan originals also start in the private collection `PRIVATE_COLLECTION_NAME`
(login required) and move to the root collection when their plan is published and public.
"""

from __future__ import annotations

import mimetypes
import posixpath
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db.models import BigIntegerField, CharField, Model, Q, QuerySet
from django.db.models.functions import Cast
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page, ReferenceIndex

from .visibility import is_public_now, public_now

PRIVATE_COLLECTION_NAME = "Tệp chưa công bố"
MEDIA_IMAGE_FOLDERS = ("original_images/", "images/")


def authenticate_bearer_token(request: HttpRequest) -> None:
    """Outside the API's own routes, resolve an `Authorization: Bearer` token as the API does.

    Wagtail's `BearerTokenAuth` sets `request.user` to the token's user (anonymous for a wrong,
    revoked or inactive token, whatever the session says, as on the API); `request.auth` records the
    outcome, which `cms.throttling.APITokenFailureThrottleMiddleware` counts on the paths of
    THROTTLE_TOKEN_PATHS (the API, documents and media). On an API route Ninja has already done this.
    """
    if hasattr(request, "auth") or not request.headers.get("Authorization", "").lower().startswith("bearer "):
        return
    from wagtail.api.v3.auth import BearerTokenAuth

    request.auth = BearerTokenAuth()(request)


def may_see_unpublished_files(request: HttpRequest) -> bool:
    """Editors and reviewers: logged in (session or API token) with admin access."""
    authenticate_bearer_token(request)
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def _public_references(model: type[Model]) -> QuerySet:
    """Reference index rows from publicly visible pages to objects of ``model``."""
    public_page_ids = public_now(Page.objects.all()).annotate(key=Cast("pk", CharField())).values("key")
    return ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(model),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=public_page_ids,
    )


def publicly_used(queryset: QuerySet) -> QuerySet:
    """The files of a queryset that at least one publicly visible page uses."""
    from home.models import AgencyIdentity  # the agency's emblem, in every page's header

    # The ids cast inside the subquery: a cast on the outer queryset defeats Wagtail's search of it (`?search=`).
    references = _public_references(queryset.model)
    used = references.annotate(object_pk=Cast("to_object_id", BigIntegerField())).values("object_pk")
    emblems = AgencyIdentity.emblem_ids() if queryset.model is get_image_model() else []
    return queryset.filter(Q(pk__in=used) | Q(pk__in=emblems))


def is_publicly_used(file: Model) -> bool:
    return publicly_used(type(file).objects.filter(pk=file.pk)).exists()


def may_see(request: HttpRequest, file: Model) -> bool:
    return may_see_unpublished_files(request) or is_publicly_used(file)


def refuse_unpublished_document(document: Model, request: HttpRequest) -> None:
    """`before_serve_document` hook: a document no public page uses is not found for anonymous readers."""
    if not may_see(request, document):
        raise Http404


def install_api_file_visibility() -> None:
    """Limit the v3 documents and images routes (list and detail) to publicly used files, once.

    Called where the API's URLs are built (`cms.urls`): the routers read Wagtail's schema registry,
    which is filled in the documents' and images' own `ready()`, after this app's.

    Both routers read their files through a module-level `get_documents_queryset` /
    `get_images_queryset(request)`: that name is wrapped, as `visibility.install_api_visibility`
    wraps the pages queryset.
    """
    from wagtail.documents.api.v3 import router as documents_router
    from wagtail.images.api.v3 import router as images_router

    for module, name in ((documents_router, "get_documents_queryset"), (images_router, "get_images_queryset")):
        original = getattr(module, name)
        if getattr(original, "files_follow_pages", False):
            continue
        setattr(module, name, _public_files_only(original))


def _public_files_only(original):
    def get_queryset(request: HttpRequest) -> QuerySet:
        queryset = original(request)
        return queryset if may_see_unpublished_files(request) else publicly_used(queryset)

    get_queryset.files_follow_pages = True
    return get_queryset


def private_collection() -> Collection:
    """The collection imported originals start in (made by migration 0005; made again if deleted)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PRIVATE_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION_NAME)
        CollectionViewRestriction.objects.create(collection=collection, restriction_type=BaseViewRestriction.LOGIN)
    return collection


def release_published_original(sender, instance: Page, **kwargs) -> None:
    """`page_published`: a public plan's original leaves the private collection for the root collection."""
    document = getattr(instance.specific, "original_document", None)
    if document is None or not is_public_now(instance):
        return
    private_ids = Collection.objects.filter(name=PRIVATE_COLLECTION_NAME, depth=2).values_list("pk", flat=True)
    if document.collection_id in set(private_ids):
        document.collection = Collection.get_first_root_node()
        document.save(update_fields=["collection"])


def connect() -> None:
    """From `ready()`: plan originals are released on publication (the API is wrapped by `cms.urls`)."""
    from wagtail.signals import page_published

    page_published.connect(release_published_original, dispatch_uid="files_release_published_original")


def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    """The media route: an image's original or rendition is answered only if the image may be seen.

    A file no image owns (left over on disk) has no page to follow and is served as it is; a path that
    leaves the images' folders (`images/../documents/…`) is not. Without a proxy the file is read
    through the default storage; behind nginx (MEDIA_ACCEL_REDIRECT) the answer is an empty response
    whose `X-Accel-Redirect` names the file under nginx's internal location, which sends it from disk.
    Either way the Cache-Control is `cms.cache_headers`': shared (`public, s-maxage`) for anonymous
    readers of a public image, `private, no-store` for a signed-in or token-carrying editor.
    """
    if posixpath.normpath(path) != path or not path.startswith(MEDIA_IMAGE_FOLDERS):
        raise Http404
    Image = get_image_model()
    image = Image.objects.filter(file=path).first()
    if image is None:
        rendition = Image.get_rendition_model().objects.filter(file=path).select_related("image").first()
        image = rendition.image if rendition else None
    if image is not None and not may_see(request, image):
        raise Http404
    if not default_storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    accel = getattr(settings, "MEDIA_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = "/" + accel.strip("/") + "/" + quote(path)
        return response
    return FileResponse(default_storage.open(path, "rb"), content_type=content_type)

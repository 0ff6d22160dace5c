"""`/api/v3/contests/` (DESIGN §11): the public list of contests and the entry intake.

Anonymous readers see published contests only (`public_now`), never their entries. An entry is a
multipart form (the fields, `consent=true`, and up to five files named `photos`): 201 while the
contest is open, 404 for a contest unknown or not public, 410 before or after its period, 422 naming
each bad field (a photo too big, too wide, not an image, one too many), 429 when one address floods.
"""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field as SchemaField
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from cms.throttling import client_address, too_many_requests

from ..api_errors import PagedOutput, problem
from ..consultation.api import invalid_fields
from ..models import ContestPage
from ..visibility import public_now
from .service import ContestClosed, TooManyEntries, submit_entry

router = Router(tags=["contests"], auth=[BearerTokenAuth(), AllowAnonymous()])


class ContestOut(Schema):
    id: int
    title: str
    url: str | None = SchemaField(description="Địa chỉ trang trên cổng.")
    summary: str
    opens_on: date
    closes_on: date
    state: Literal["upcoming", "open", "closed"]
    has_results: bool


class EntryIn(Schema):
    author_name: str = SchemaField(max_length=120, description="Họ tên tác giả.")
    contact: str = SchemaField(max_length=120, description="Số điện thoại hoặc thư điện tử.")
    author_locality: str = SchemaField("", max_length=255)
    subject_name: str = SchemaField(max_length=255, description="Người tốt được viết về.")
    title: str = SchemaField(max_length=255)
    text: str = SchemaField(description="Bài viết, 200 đến 20.000 ký tự.")
    consent: bool = SchemaField(False, description="Đồng ý thể lệ và cho phép đăng bài, ảnh: phải là true.")


class EntryCreatedOut(Schema):
    id: int
    created_at: datetime
    photos: int
    message: str


def contest_out(page: ContestPage) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.full_url,
        "summary": page.summary,
        "opens_on": page.opens_on,
        "closes_on": page.closes_on,
        "state": page.state(),
        "has_results": bool(page.results),
    }


@router.get("/", response=list[ContestOut], summary="Các cuộc thi", operation_id="contests")
@paginate(WagtailLimitOffsetPagination)
def list_contests(request: HttpRequest, state: Literal["open", "closed", "upcoming"] | None = None):
    """Published contests, newest first; `state` keeps only those open, closed or not yet open."""
    pages = public_now(ContestPage.objects.all()).order_by("-opens_on", "-pk")
    if state:
        pages = pages.filter(ContestPage.in_state(state))
    return PagedOutput(pages, contest_out)


@router.post(
    "/{contest_id}/entries/",
    response={201: EntryCreatedOut, 404: ProblemDetail, 410: ProblemDetail, 422: ProblemDetail, 429: ProblemDetail},
    summary="Gửi bài dự thi",
    operation_id="contest_entry",
)
def post_entry(
    request: HttpRequest,
    contest_id: int,
    data: Form[EntryIn],
    photos: File[list[UploadedFile]] = None,
) -> HttpResponse | Status:
    """Anyone may send an entry (multipart) while the contest is open; the entry is never public."""
    page = public_now(ContestPage.objects.filter(pk=contest_id)).first()
    if page is None:
        return problem(404, _("No contest with id %(id)s.") % {"id": contest_id})
    try:
        entry = submit_entry(page, data.dict(), photos or [], client_address(request))
    except ContestClosed as closed:
        return problem(410, closed.message)
    except TooManyEntries as flood:
        return too_many_requests(flood.message, flood.retry_after)
    except ValidationError as error:
        return invalid_fields(error)
    return Status(
        201,
        {
            "id": entry.pk,
            "created_at": entry.created_at,
            "photos": entry.photos.count(),
            "message": _("Thank you for your entry; it has been passed to the organising committee."),
        },
    )

"""`/api/v3/consultations/` (DESIGN §9): the public list and the comment intake; comments and the meeting's
summary for the standing office's and council's tokens.

Anonymous readers see published consultations only (`public_now`). A comment is 201 while the
consultation is open, 410 before or after, 429 when one address floods, 422 naming each bad field.
"""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field as SchemaField
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import ProblemDetail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from cms.throttling import client_address, too_many_requests

from ..api_errors import PagedOutput, problem
from ..models import ConsultationComment, ConsultationPage
from ..visibility import public_now
from . import summary
from .permissions import can_read_comments
from .service import ConsultationClosed, TooManyComments, submit_comment

router = Router(tags=["consultations"], auth=[BearerTokenAuth(), AllowAnonymous()])
ERRORS = {401: ProblemDetail, 403: ProblemDetail, 404: ProblemDetail}


class StoryLinkOut(Schema):
    id: int
    title: str
    url: str | None


class NomineeOut(Schema):
    id: int
    name: str
    subject_type: str
    position: str
    locality: str
    achievements: str
    story: StoryLinkOut | None


class ConsultationOut(Schema):
    id: int
    title: str
    url: str | None = SchemaField(description="Địa chỉ trang trên cổng.")
    award: str = SchemaField(description="Danh hiệu, hình thức khen thưởng đề nghị.")
    summary: str
    opens_on: date
    closes_on: date
    working_days: int
    council_meeting_on: date | None
    state: Literal["upcoming", "open", "closed"]
    nominees: list[NomineeOut]


class CommentIn(Schema):
    nominee: int | None = SchemaField(None, description="Id người được đề nghị; bỏ trống: góp ý về cả danh sách.")
    name: str = SchemaField(max_length=120)
    contact: str = SchemaField(max_length=120, description="Số điện thoại hoặc thư điện tử.")
    locality: str = SchemaField("", max_length=255)
    text: str = SchemaField(max_length=5000)


class CommentCreatedOut(Schema):
    id: int
    created_at: datetime
    message: str


class CommentOut(Schema):
    id: int
    nominee: int | None = SchemaField(alias="nominee_id")
    nominee_name: str
    name: str
    contact: str
    locality: str
    text: str
    created_at: datetime
    stance: str
    is_spam: bool
    note: str


def consultation_out(page: ConsultationPage) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.full_url,
        "award": page.award_display,
        "summary": page.summary,
        "opens_on": page.opens_on,
        "closes_on": page.closes_on,
        "working_days": page.working_days,
        "council_meeting_on": page.council_meeting_on,
        "state": page.state(),
        "nominees": page.nominee_list,
    }


def _public(consultation_id: int) -> ConsultationPage | None:
    return public_now(ConsultationPage.objects.filter(pk=consultation_id)).select_related("award").first()


def _not_found(consultation_id: int) -> HttpResponse:
    return problem(404, _("No consultation with id %(id)s.") % {"id": consultation_id})


@router.get("/", response=list[ConsultationOut], summary="Các đợt lấy ý kiến Nhân dân", operation_id="consultations")
@paginate(WagtailLimitOffsetPagination)
def list_consultations(request: HttpRequest, state: Literal["open", "closed", "upcoming"] | None = None):
    """Published consultations, newest first; `state` keeps only those open, closed or not yet open."""
    pages = public_now(ConsultationPage.objects.all()).select_related("award").order_by("-opens_on", "-pk")
    if state:
        pages = pages.filter(ConsultationPage.in_state(state))
    return PagedOutput(pages, consultation_out)


@router.get(
    "/{consultation_id}/",
    response={200: ConsultationOut, **ERRORS},
    summary="Một đợt lấy ý kiến",
    operation_id="consultation",
)
def get_consultation(request: HttpRequest, consultation_id: int):
    page = _public(consultation_id)
    return consultation_out(page) if page else _not_found(consultation_id)


@router.post(
    "/{consultation_id}/comments/",
    response={201: CommentCreatedOut, 404: ProblemDetail, 410: ProblemDetail, 422: ProblemDetail, 429: ProblemDetail},
    summary="Gửi ý kiến góp ý",
    operation_id="consultation_comment",
)
def post_comment(request: HttpRequest, consultation_id: int, data: CommentIn):
    """Anyone may comment while the consultation is open; the comment is never public."""
    page = _public(consultation_id)
    if page is None:
        return _not_found(consultation_id)
    try:
        comment = submit_comment(page, data.dict(), client_address(request))
    except ConsultationClosed as closed:
        return problem(410, closed.message)
    except TooManyComments as flood:
        return too_many_requests(flood.message, flood.retry_after)
    except ValidationError as error:
        return invalid_fields(error)
    return Status(
        201,
        {
            "id": comment.pk,
            "created_at": comment.created_at,
            "message": _("Thank you for your comment; it has been passed to the Council's standing office."),
        },
    )


def invalid_fields(error: ValidationError) -> HttpResponse:
    """A 422 problem naming each bad field with its Vietnamese messages (shared by the contest's intake)."""
    errors = [{"field": field, "message": " ".join(messages)} for field, messages in error.message_dict.items()]
    detail = "; ".join(f"{item['field']}: {item['message']}" for item in errors)
    return problem(422, detail, errors)


def _for_readers(request: HttpRequest, consultation_id: int) -> ConsultationPage:
    """The consultation (published or not) if the token's user may read its comments (403, 404 otherwise)."""
    if not can_read_comments(request.user):
        raise PermissionDenied(
            _("Only the standing office, Council members and administrators may read public comments.")
        )
    page = ConsultationPage.objects.filter(pk=consultation_id).first()
    if page is None:
        raise Http404(_("No consultation with id %(id)s.") % {"id": consultation_id})
    return page


@router.get(
    "/{consultation_id}/comments/",
    response={200: list[CommentOut], **ERRORS},
    auth=BearerTokenAuth(),
    summary="Ý kiến góp ý (Thường trực, Hội đồng)",
    operation_id="consultation_comments",
)
@paginate(WagtailLimitOffsetPagination)
def list_comments(request: HttpRequest, consultation_id: int, spam: bool | None = None):
    """Every comment of the consultation, oldest first; `spam=false` leaves out those marked as spam."""
    page = _for_readers(request, consultation_id)
    comments = ConsultationComment.objects.filter(consultation=page).order_by("created_at", "pk")
    if spam is not None:
        comments = comments.filter(is_spam=spam)
    return comments


def _summary_file(request: HttpRequest, consultation_id: int, extension: str) -> HttpResponse:
    return summary_download(_for_readers(request, consultation_id), extension)


def summary_download(page: ConsultationPage, extension: str) -> HttpResponse:
    """The meeting summary as an attachment (shared by the API and the admin)."""
    content_types = {
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
    build = summary.summary_xlsx if extension == "xlsx" else summary.summary_docx
    response = HttpResponse(build(page), content_type=content_types[extension])
    response["Content-Disposition"] = f'attachment; filename="{summary.filename(page, extension)}"'
    return response


@router.get(
    "/{consultation_id}/summary.xlsx",
    response=ERRORS,
    auth=BearerTokenAuth(),
    summary="Tổng hợp ý kiến (XLSX)",
    operation_id="consultation_summary_xlsx",
)
def summary_xlsx(request: HttpRequest, consultation_id: int):
    return _summary_file(request, consultation_id, "xlsx")


@router.get(
    "/{consultation_id}/summary.docx",
    response=ERRORS,
    auth=BearerTokenAuth(),
    summary="Tổng hợp ý kiến (DOCX)",
    operation_id="consultation_summary_docx",
)
def summary_docx(request: HttpRequest, consultation_id: int):
    return _summary_file(request, consultation_id, "docx")

"""The public consultation on nominees (DESIGN §9, issue #15): the page, its dates, the comment form and API,
privacy of comments, flood limits, closing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from exemplar_pages.consultation.service import counter
from exemplar_pages.models import ConsultationComment, ConsultationNominee, ConsultationPage
from tests import factories

pytestmark = pytest.mark.django_db


def consultation(parent, opens_on: date, publish: bool = True, nominees=None, **kwargs) -> ConsultationPage:
    page = ConsultationPage(
        title=kwargs.pop("title", "Lấy ý kiến Nhân dân đề nghị tặng Bằng khen của Thủ tướng Chính phủ"),
        award_text=kwargs.pop("award_text", "Bằng khen của Thủ tướng Chính phủ"),
        opens_on=opens_on,
        summary=kwargs.pop("summary", "Danh sách tập thể, cá nhân đề nghị khen thưởng năm 2026."),
        **kwargs,
    )
    page.nominees = nominees or [
        ConsultationNominee(name="Nguyễn Văn Góp", position="Chủ nhiệm Hợp tác xã", achievements="Dẫn đầu phong trào."),
        ConsultationNominee(name="Trường Tiểu học Ý Kiến", subject_type="collective"),
    ]
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
        page.save_revision()
    return ConsultationPage.objects.get(pk=page.pk)


def new_comments():
    """Comments made by the test (the session's demo content has some of its own)."""
    from home.demo.commendations import CONSULTATIONS

    return ConsultationComment.objects.exclude(consultation__slug__in=[spec["slug"] for spec in CONSULTATIONS])


def today() -> date:
    return timezone.localdate()


@pytest.fixture(autouse=True)
def clear_throttle():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def unit():
    return factories.publish(factories.unit("UBND tỉnh Góp Ý Thử"))


@pytest.fixture
def open_consultation(unit):
    return consultation(unit, today() - timedelta(days=1))


@pytest.fixture
def closed_consultation(unit):
    return consultation(unit, date(2026, 1, 5), title="Đợt lấy ý kiến đã qua")


# --- Dates -----------------------------------------------------------------------------------------------


def test_closing_date_counts_working_days(unit):
    page = consultation(unit, date(2026, 11, 2), publish=False)
    assert page.closes_on == date(2026, 11, 13)
    page = consultation(unit, date(2026, 12, 28), publish=False, title="Qua Tết Dương lịch")
    assert page.closes_on == date(2027, 1, 11)


def test_fewer_than_ten_working_days_and_a_meeting_before_the_close_are_refused(unit):
    page = ConsultationPage(title="Thử", opens_on=date(2026, 11, 2), working_days=5)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "working_days" in error.value.message_dict
    page = ConsultationPage(
        title="Thử", opens_on=date(2026, 11, 2), working_days=10, council_meeting_on=date(2026, 11, 13)
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "13/11/2026" in error.value.message_dict["council_meeting_on"][0]
    page.council_meeting_on = date(2026, 11, 16)
    page.clean()


def test_state_changes_at_local_midnight(unit):
    page = consultation(unit, date(2026, 11, 2), publish=False)
    tz = timezone.get_current_timezone()
    assert page.state(datetime(2026, 11, 1, 23, 59, tzinfo=tz)) == "upcoming"
    assert page.state(datetime(2026, 11, 2, 0, 0, tzinfo=tz)) == "open"
    assert page.state(datetime(2026, 11, 13, 23, 59, 59, tzinfo=tz)) == "open"
    assert page.state(datetime(2026, 11, 14, 0, 0, tzinfo=tz)) == "closed"


# --- The page and its form -------------------------------------------------------------------------------


def form_data(page, **overrides):
    data = {
        "nominee": str(page.nominees.first().pk),
        "name": "Trần Thị Dân",
        "contact": "0912 345 678",
        "locality": "xã Tân Lập",
        "text": "Tôi đồng ý đề nghị khen thưởng ông Góp vì những đóng góp cho địa phương.",
        "website": "",
    }
    data.update(overrides)
    return data


def test_open_page_shows_dates_countdown_and_form(client, open_consultation):
    response = client.get(open_consultation.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert open_consultation.closes_on.strftime("%d/%m/%Y") in html
    assert "ngày làm việc) để gửi ý kiến" in html
    assert 'name="csrfmiddlewaretoken"' in html and "Gửi ý kiến" in html
    assert "Nguyễn Văn Góp" in html and "Trường Tiểu học Ý Kiến" in html
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_a_citizen_comments_through_the_form(client, open_consultation):
    client.get(open_consultation.url)
    response = client.post(open_consultation.url, form_data(open_consultation))
    assert response.status_code == 302 and "da-gui=1" in response["Location"]
    comment = new_comments().get()
    assert comment.consultation_id == open_consultation.pk
    assert comment.nominee.name == "Nguyễn Văn Góp" and comment.nominee_name == "Nguyễn Văn Góp"
    assert comment.contact == "0912345678" and comment.locality == "xã Tân Lập"
    thanks = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã gửi ý kiến" in thanks
    # never shown to the public
    assert "Tôi đồng ý đề nghị" not in thanks


def test_form_errors_name_the_fields_and_keep_the_input(client, open_consultation):
    response = client.post(open_consultation.url, form_data(open_consultation, contact="abc", text="ngắn"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Hãy ghi số điện thoại" in html and "ít nhất 10 ký tự" in html
    assert 'value="Trần Thị Dân"' in html and 'aria-invalid="true"' in html
    assert not new_comments().exists()


def test_honeypot_drops_the_comment_silently(client, open_consultation):
    response = client.post(open_consultation.url, form_data(open_consultation, website="http://spam.example"))
    assert response.status_code == 302
    assert not new_comments().exists()


@override_settings(CONSULTATION_COMMENT_LIMIT=3, CONSULTATION_COMMENT_WINDOW=600)
def test_a_flood_from_one_address_is_stopped(client, open_consultation):
    for _ in range(3):
        assert client.post(open_consultation.url, form_data(open_consultation)).status_code == 302
    response = client.post(open_consultation.url, form_data(open_consultation))
    assert response.status_code == 429
    assert "gửi nhiều ý kiến trong thời gian ngắn" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert new_comments().count() == 3
    other = client.post(open_consultation.url, form_data(open_consultation), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302
    assert counter.count("10.0.0.9") == 1


def test_closed_page_says_so_and_refuses_comments(client, closed_consultation):
    html = client.get(closed_consultation.url).content.decode()
    assert "Đợt lấy ý kiến đã kết thúc ngày" in html and "<form" not in html.split('id="gop-y"')[1]
    response = client.post(closed_consultation.url, form_data(closed_consultation))
    assert response.status_code == 410
    assert "đã kết thúc" in response.content.decode()
    assert not new_comments().exists()


def test_a_comment_on_another_consultations_nominee_is_refused(client, open_consultation, unit):
    other = consultation(unit, today(), title="Đợt khác")
    response = client.post(open_consultation.url, form_data(open_consultation, nominee=str(other.nominees.first().pk)))
    assert response.status_code == 400
    assert not new_comments().exists()


def test_draft_consultation_is_not_public(client, unit):
    page = consultation(unit, today(), publish=False)
    assert client.get(f"/{page.url_path.split('/', 2)[2]}").status_code == 404


# --- The API ---------------------------------------------------------------------------------------------


def api_comment(client, page, **overrides):
    body = {"nominee": page.nominees.first().pk, "name": "Lê Văn Dân", "contact": "dan@example.org"}
    body.update({"locality": "phường Thử", "text": "Đề nghị xem xét thêm thành tích của tập thể này."})
    body.update(overrides)
    return client.post(f"/api/v3/consultations/{page.pk}/comments/", body, content_type="application/json")


def test_api_lists_public_consultations_with_dates_and_nominees(client, open_consultation, closed_consultation, unit):
    draft = consultation(unit, today(), publish=False, title="Bản nháp chưa đăng")
    data = client.get("/api/v3/consultations/").json()
    by_id = {item["id"]: item for item in data["items"]}
    assert {open_consultation.pk, closed_consultation.pk} <= set(by_id) and draft.pk not in by_id
    assert by_id[open_consultation.pk]["state"] == "open"
    assert by_id[closed_consultation.pk]["state"] == "closed"
    assert by_id[closed_consultation.pk]["closes_on"] == closed_consultation.closes_on.isoformat()
    assert [n["name"] for n in by_id[open_consultation.pk]["nominees"]] == ["Nguyễn Văn Góp", "Trường Tiểu học Ý Kiến"]
    only_open = client.get("/api/v3/consultations/?state=open").json()
    open_ids = [item["id"] for item in only_open["items"]]
    assert open_consultation.pk in open_ids and closed_consultation.pk not in open_ids
    assert all(item["state"] == "open" for item in only_open["items"])
    assert client.get(f"/api/v3/consultations/{draft.pk}/").status_code == 404


def test_api_comment_201_then_410_when_closed(client, open_consultation, closed_consultation):
    response = api_comment(client, open_consultation)
    assert response.status_code == 201, response.content
    saved = ConsultationComment.objects.get(pk=response.json()["id"])
    assert saved.text.startswith("Đề nghị xem xét") and saved.contact == "dan@example.org"
    closed = api_comment(client, closed_consultation)
    assert closed.status_code == 410
    assert closed["Content-Type"].startswith("application/problem+json")
    assert "đã kết thúc" in closed.json()["detail"]
    assert new_comments().count() == 1


def test_api_comment_errors_name_the_fields(client, open_consultation):
    response = api_comment(client, open_consultation, contact="không rõ", nominee=999999, text="")
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"contact", "nominee", "text"} <= fields
    assert not new_comments().exists()


@override_settings(CONSULTATION_COMMENT_LIMIT=2, CONSULTATION_COMMENT_WINDOW=600)
def test_api_flood_is_429(client, open_consultation):
    assert api_comment(client, open_consultation).status_code == 201
    assert api_comment(client, open_consultation).status_code == 201
    response = api_comment(client, open_consultation)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert new_comments().count() == 2


def test_comments_reach_office_and_council_only(client, open_consultation, cast):
    from tests.moderation_fixtures import bearer

    api_comment(client, open_consultation, name="Hoàng Quốc Vượng")
    url = f"/api/v3/consultations/{open_consultation.pk}/comments/"
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer(cast.token(cast.editor))).status_code == 403
    for reader in (cast.office, cast.members[0], cast.admin):
        data = client.get(url, **bearer(cast.token(reader))).json()
        assert [item["name"] for item in data["items"]] == ["Hoàng Quốc Vượng"]
    # nowhere public: not in the page, the API's page detail, search or the feeds
    assert "Đề nghị xem xét thêm" not in client.get(open_consultation.url).content.decode()
    assert "Đề nghị xem xét thêm" not in client.get(f"/api/v3/pages/{open_consultation.pk}/").content.decode()
    assert "Đề nghị xem xét thêm" not in client.get("/api/v3/consultations/").content.decode()
    assert "Hoàng Quốc Vượng" not in client.get("/api/v3/search/?q=Hoàng+Quốc+Vượng").content.decode()
    assert client.get("/api/v3/search/?q=Góp").json()["count"] >= 1  # the consultation's own nominee is found


def test_summary_files_hold_counts_and_texts(client, open_consultation, cast):
    import io

    from docx import Document
    from openpyxl import load_workbook

    from tests.moderation_fixtures import bearer

    nominees = list(open_consultation.nominees.all())
    for index, stance in enumerate(["for", "for", "against", "other", ""]):
        ConsultationComment.objects.create(
            consultation=open_consultation,
            nominee=nominees[0],
            name=f"Người góp ý {index}",
            contact="0900000000",
            text=f"Ý kiến số {index} về ông Góp",
            stance=stance,
        )
    ConsultationComment.objects.create(
        consultation=open_consultation, name="Rác", contact="0900000001", text="Quảng cáo thư rác", is_spam=True
    )
    ConsultationComment.objects.create(
        consultation=open_consultation, name="Bà Chung", contact="0900000002", text="Danh sách phù hợp", stance="for"
    )
    token = bearer(cast.token(cast.office))
    response = client.get(f"/api/v3/consultations/{open_consultation.pk}/summary.xlsx", **token)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    rows = [
        row
        for row in workbook.worksheets[0].iter_rows(values_only=True)
        if row and row[0] in (1, 2, 3, None) and row[1]
    ]
    counts = {row[1]: row[2:] for row in rows}
    assert counts["Nguyễn Văn Góp"] == (2, 1, 1, 1, 5)
    assert counts["Trường Tiểu học Ý Kiến"] == (0, 0, 0, 0, 0)
    assert counts["Ý kiến về cả danh sách"] == (1, 0, 0, 0, 1)
    assert counts["Cộng"] == (3, 1, 1, 1, 6)
    texts = [row[6] for row in workbook.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert "Ý kiến số 2 về ông Góp" in texts and "Quảng cáo thư rác" not in texts

    response = client.get(f"/api/v3/consultations/{open_consultation.pk}/summary.docx", **token)
    document = Document(io.BytesIO(response.content))
    table = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert ["1", "Nguyễn Văn Góp", "2", "1", "1", "1", "5"] in table
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Ý kiến số 3 về ông Góp" in text and "Danh sách phù hợp" in text and "Quảng cáo" not in text
    assert "0900000000" not in text  # contact details stay in the office's spreadsheet
    assert client.get(f"/api/v3/consultations/{open_consultation.pk}/summary.docx").status_code == 401


# --- The admin -------------------------------------------------------------------------------------------


def test_office_sorts_comments_and_downloads_summary_in_admin(client, open_consultation, cast):
    api_comment(client, open_consultation)
    comment = new_comments().get()
    client.force_login(cast.editor)
    assert client.get("/admin/y-kien-gop-y/").status_code in (302, 403)
    assert client.get("/admin/lay-y-kien/").status_code in (302, 403)
    client.force_login(cast.office)
    listing = client.get(f"/admin/y-kien-gop-y/?consultation={open_consultation.pk}")
    assert listing.status_code == 200 and "Lê Văn Dân" in listing.content.decode()
    response = client.post(
        f"/admin/y-kien-gop-y/edit/{comment.pk}/", {"stance": "against", "is_spam": "", "note": "Đã xác minh"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.stance == "against" and comment.moderated_by == cast.office and comment.note == "Đã xác minh"
    assert comment.text.startswith("Đề nghị xem xét")  # the citizen's words are not editable
    index = client.get("/admin/lay-y-kien/").content.decode()
    assert open_consultation.title in index
    download = client.get(f"/admin/lay-y-kien/{open_consultation.pk}/tong-hop.xlsx")
    assert download.status_code == 200 and download.content[:2] == b"PK"
    assert client.get(f"/admin/lay-y-kien/{open_consultation.pk}/tong-hop.pdf").status_code == 404


# --- Closing ---------------------------------------------------------------------------------------------


def test_closing_tells_the_standing_office_once(client, closed_consultation, open_consultation, cast):
    from exemplar_pages.consultation.closing import close_due_consultations
    from operations.models import OutgoingEmail

    ConsultationComment.objects.create(
        consultation=closed_consultation, name="Dân", contact="0900000000", text="Đồng ý với danh sách"
    )
    assert close_due_consultations() == [closed_consultation.pk]
    assert close_due_consultations() == []
    emails = OutgoingEmail.objects.filter(purpose="consultation.closed")
    assert [email.recipients for email in emails] == [[cast.office.email]]
    assert "Đã kết thúc" in emails[0].subject and "Số ý kiến nhận được: 1" in emails[0].body
    assert "/admin/lay-y-kien/" in emails[0].body


def test_a_correction_published_after_the_close_does_not_announce_it_again(closed_consultation, cast):
    """A revision saved before the close (or any stale copy of the page) is published after the job ran."""
    from exemplar_pages.consultation.closing import close_due_consultations
    from operations.models import OutgoingEmail

    stale = ConsultationPage.objects.get(pk=closed_consultation.pk)
    revision = stale.save_revision()
    assert close_due_consultations() == [closed_consultation.pk]
    revision.publish()  # as the scheduler publishes a revision set to go live later
    edited = ConsultationPage.objects.get(pk=closed_consultation.pk).get_latest_revision_as_object()
    edited.title = "Đợt lấy ý kiến đã qua (đính chính)"
    edited.save_revision().publish()  # as the admin's "Đăng" after a correction
    stale.title = "Bản sao cũ"
    stale.save()
    assert close_due_consultations() == []
    assert OutgoingEmail.objects.filter(purpose="consultation.closed").count() == 1


def test_public_list_puts_open_consultations_first(client, open_consultation, closed_consultation, unit):
    draft = consultation(unit, today(), publish=False, title="Bản nháp không công khai")
    html = client.get("/lay-y-kien/").content.decode()
    assert html.index(open_consultation.title) < html.index(closed_consultation.title)
    assert "Đang lấy ý kiến" in html and draft.title not in html
    assert 'href="/lay-y-kien/"' in html  # the header links the list


def test_feed_lists_consultations_not_comments(client, open_consultation, unit):
    draft = consultation(unit, today(), publish=False, title="Bản nháp không trong RSS")
    api_comment(client, open_consultation, text="Nội dung riêng tư không được vào RSS")
    feed = client.get("/lay-y-kien/rss/").content.decode()
    assert open_consultation.title in feed and draft.title not in feed
    assert "riêng tư" not in feed and open_consultation.closes_on.strftime("%d/%m/%Y") in feed


# --- "Duyệt đăng" and the admin editor ------------------------------------------------------------------


def test_a_consultation_needs_the_council_vote_to_be_published(client, cast):
    from exemplar_pages.moderation import service
    from tests.moderation_fixtures import fresh, to_council

    page = consultation(cast.unit, today(), publish=False, title="Đợt chờ Hội đồng biểu quyết")
    page.owner = cast.editor
    page.save()
    assert page.get_workflow() is not None and page.get_workflow().name == "Duyệt đăng"
    assert not page.permissions_for_user(cast.editor).can_publish()
    assert client.get(f"/api/v3/consultations/{page.pk}/").status_code == 404
    to_council(page, cast)
    service.review(fresh(page), cast.members[0], "approve")
    service.review(fresh(page), cast.members[1], "approve")
    assert fresh(page).live
    assert client.get(f"/api/v3/consultations/{page.pk}/").json()["state"] == "open"


def test_admin_form_refuses_a_meeting_before_the_close(client, cast):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    client.force_login(cast.admin)
    data = nested_form_data(
        {
            "title": "Đợt lấy ý kiến tạo trong trang quản trị",
            "slug": "dot-tao-trong-quan-tri",
            "award_text": "Bằng khen của Thủ tướng Chính phủ",
            "opens_on": "2026-11-02",
            "working_days": 10,
            "council_meeting_on": "2026-11-10",
            "summary": "",
            "contact": "",
            "body": streamfield([]),
            "nominees": inline_formset([{"name": "Ông Thử Quản Trị", "subject_type": "individual"}], min=1),
            "comments": inline_formset([]),
        }
    )
    url = f"/admin/pages/add/exemplar_pages/consultationpage/{cast.unit.pk}/"
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "13/11/2026" in refused.content.decode()
    assert not ConsultationPage.objects.filter(slug="dot-tao-trong-quan-tri").exists()
    data["council_meeting_on"] = "2026-11-20"
    assert client.post(url, data).status_code == 302
    saved = ConsultationPage.objects.get(slug="dot-tao-trong-quan-tri")
    assert saved.closes_on == date(2026, 11, 13) and saved.nominees.get().name == "Ông Thử Quản Trị"


def test_front_page_invites_to_open_consultations_only(client, open_consultation, closed_consultation, unit):
    draft = consultation(unit, today(), publish=False, title="Bản nháp không lên trang chủ")
    html = client.get("/").content.decode()
    section = html.split('id="open-calls-title"')[1].split("</section>")[0]
    assert open_consultation.title in section
    assert closed_consultation.title not in section and draft.title not in section
    assert "Phong trào thi đua đang triển khai" in html


def test_search_results_name_a_consultation_as_such(client, open_consultation):
    html = client.get("/tim-kiem/", {"q": "Nguyễn Văn Góp"}).content.decode()
    hit = html.split(open_consultation.title)[1].split("</article>")[0]
    assert '<span class="badge">Lấy ý kiến Nhân dân</span>' in hit


def test_api_comment_with_a_nul_character_is_422_naming_the_field(client, open_consultation):
    """PostgreSQL refuses to store NUL; the answer names the field instead of failing (schemathesis found it)."""
    response = api_comment(client, open_consultation, locality="xã\x00Tân Lập")
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["locality"]
    assert not new_comments().exists()

"""The writing contest "Gương người tốt quanh ta" (DESIGN §11, issue #17 point 3): the page and its dates, the
entry form and API, photo checks (images only, size, count, EXIF location removed), privacy of entries
and photos, the jury's scores, "Tạo bài gương điển hình" and "Duyệt đăng"."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from exemplar_pages.contest.service import counter
from exemplar_pages.models import ContestEntry, ContestEntryPhoto, ContestPage, ContestScore, ExemplarStoryPage
from tests import factories
from tests.test_files_privacy import media_served_by_django  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

TEXT = (
    "Bà Năm bán vé số ở chợ Tân Biên đã nhặt được chiếc ví có hơn hai mươi triệu đồng và giấy tờ của một "
    "người buôn bán từ xa đến. Dù hoàn cảnh khó khăn, bà đứng chờ cả buổi chiều ở cổng chợ rồi nhờ công an "
    "xã tìm người đánh rơi để trả lại.\n\nNgười trong chợ ai cũng quý bà vì tấm lòng ngay thẳng."
)
GPS_LATITUDE = (10.0, 45.0, 30.0)


def contest(parent, opens_on: date, closes_on: date, publish: bool = True, **kwargs) -> ContestPage:
    page = ContestPage(
        title=kwargs.pop("title", "Cuộc thi viết Gương người tốt quanh ta thử"),
        summary=kwargs.pop("summary", "Viết về một người tốt bạn biết."),
        opens_on=opens_on,
        closes_on=closes_on,
        prizes="<p>Một giải Nhất: 5.000.000 đồng.</p>",
        **kwargs,
    )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
        page.save_revision()
    return ContestPage.objects.get(pk=page.pk)


def today() -> date:
    return timezone.localdate()


def new_entries():
    """Entries made by the test (the demo has its own)."""
    return ContestEntry.objects.exclude(contest__slug__startswith="guong-nguoi-tot-quanh-ta-")


def photo_bytes(size=(80, 60), image_format="JPEG", gps: bool = False, color=(200, 60, 40)) -> bytes:
    from PIL import Image

    image = Image.new("RGB", size, color)
    output = io.BytesIO()
    options = {}
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "Máy ảnh điện thoại"  # Make
        exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "E", 4: (106.0, 10.0, 5.0)}  # GPSInfo
        options["exif"] = exif
    image.save(output, format=image_format, **options)
    return output.getvalue()


def upload(name="anh.jpg", content: bytes | None = None, content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else photo_bytes(), content_type=content_type)


@pytest.fixture(autouse=True)
def clear_throttle():
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def unit():
    locality = factories.locality("Xã Người Tốt Thử")
    return factories.publish(factories.unit("UBND xã Người Tốt Thử", locality=locality))


@pytest.fixture
def open_contest(unit):
    return contest(unit, today() - timedelta(days=2), today() + timedelta(days=20))


@pytest.fixture
def closed_contest(unit):
    return contest(unit, date(2026, 1, 5), date(2026, 2, 5), title="Cuộc thi đã qua")


def form_data(**overrides) -> dict:
    data = {
        "author_name": "Lê Thị Viết",
        "contact": "0912 345 678",
        "author_locality": "xã Tân Lập",
        "subject_name": "Bà Nguyễn Thị Năm",
        "title": "Bà Năm trả lại chiếc ví",
        "text": TEXT,
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


# --- Dates -----------------------------------------------------------------------------------------------


def test_open_from_local_midnight_to_the_end_of_the_closing_date(unit):
    page = contest(unit, date(2026, 11, 2), date(2026, 11, 30), publish=False)
    tz = timezone.get_current_timezone()
    assert str(tz) == "Asia/Ho_Chi_Minh"
    assert page.state(datetime(2026, 11, 1, 23, 59, 59, tzinfo=tz)) == "upcoming"
    assert page.state(datetime(2026, 11, 2, 0, 0, tzinfo=tz)) == "open"
    assert page.state(datetime(2026, 11, 30, 23, 59, 59, tzinfo=tz)) == "open"
    assert page.state(datetime(2026, 12, 1, 0, 0, tzinfo=tz)) == "closed"
    page.closes_on = date(2026, 11, 1)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "closes_on" in error.value.message_dict


# --- The page and its form -------------------------------------------------------------------------------


def test_open_page_shows_rules_period_and_a_private_form(client, open_contest):
    response = client.get(open_contest.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert open_contest.closes_on.strftime("%d/%m/%Y") in html and "ngày để gửi bài" in html
    assert "5.000.000 đồng" in html and 'enctype="multipart/form-data"' in html
    assert 'name="csrfmiddlewaretoken"' in html and 'type="file"' in html and "multiple" in html
    assert 'aria-describedby="id_photos_help"' in html and 'name="consent"' in html
    assert "Tối đa 5 ảnh JPEG, PNG hoặc WebP, mỗi ảnh không quá 5 MB" in html
    assert "public" not in response.get("Cache-Control", "")  # a page with a CSRF token is never shared-cached
    assert "Kết quả" not in html  # no results yet


def test_a_citizen_sends_an_entry_with_photos_through_the_form(client, open_contest):
    photos = [upload("anh-1.jpg"), upload("anh-2.png", photo_bytes(image_format="PNG"), "image/png")]
    response = client.post(open_contest.url, {**form_data(), "photos": photos})
    assert response.status_code == 302 and "da-gui=1" in response["Location"]
    entry = new_entries().get()
    assert entry.contest_id == open_contest.pk and entry.contact == "0912345678" and entry.consent
    assert entry.subject_name == "Bà Nguyễn Thị Năm" and entry.status == ContestEntry.Status.NEW
    stored = list(entry.photos.all())
    assert [photo.original_name for photo in stored] == ["anh-1.jpg", "anh-2.png"]
    assert all(photo.file.name.startswith("private/contest-entries/") for photo in stored)
    assert stored[1].file.name.endswith(".png") and (stored[0].width, stored[0].height) == (80, 60)
    thanks = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã gửi bài dự thi" in thanks and "chiếc ví" not in thanks


def test_form_errors_name_the_fields_and_nothing_is_saved(client, open_contest):
    response = client.post(
        open_contest.url,
        {
            **form_data(contact="abc", text="ngắn quá", consent=""),
            "photos": [upload("thu.txt", b"not an image", "text/plain")],
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Hãy ghi số điện thoại" in html and "ít nhất 200 ký tự" in html and "Hãy đồng ý với thể lệ" in html
    assert 'value="Lê Thị Viết"' in html and 'aria-invalid="true"' in html
    assert not new_entries().exists() and not ContestEntryPhoto.objects.filter(entry__in=new_entries()).exists()


def test_photos_must_be_images_few_and_small(client, open_contest):
    fake = upload("hinh.jpg", b"\xff\xd8\xff\xe0 this is not really a JPEG", "image/jpeg")
    response = client.post(open_contest.url, {**form_data(), "photos": [fake]})
    assert response.status_code == 400 and "không phải ảnh JPEG, PNG hoặc WebP hợp lệ" in response.content.decode()
    gif = upload("dong.gif", photo_bytes(image_format="GIF"), "image/gif")
    response = client.post(open_contest.url, {**form_data(), "photos": [gif]})
    assert response.status_code == 400 and "“dong.gif”" in response.content.decode()
    six = [upload(f"anh-{n}.jpg") for n in range(6)]
    response = client.post(open_contest.url, {**form_data(), "photos": six})
    assert response.status_code == 400 and "tối đa 5 ảnh" in response.content.decode()
    with override_settings(CONTEST_PHOTO_MAX_BYTES=1000):
        big = upload("to.png", photo_bytes(size=(400, 400), image_format="PNG", color=(1, 2, 3)) + b"\0" * 2000)
        response = client.post(open_contest.url, {**form_data(), "photos": [big]})
    assert response.status_code == 400 and "quá giới hạn" in response.content.decode()
    with override_settings(CONTEST_PHOTO_MAX_SIDE=50):
        response = client.post(open_contest.url, {**form_data(), "photos": [upload()]})
    assert response.status_code == 400 and "80 × 60 điểm ảnh" in response.content.decode()
    assert not new_entries().exists()


def test_the_gps_location_and_all_exif_are_removed(client, open_contest):
    from PIL import Image

    sent = photo_bytes(size=(120, 90), gps=True)
    assert Image.open(io.BytesIO(sent)).getexif().get_ifd(0x8825)[2] == GPS_LATITUDE  # the test photo has GPS
    client.post(open_contest.url, {**form_data(), "photos": [upload("gps.jpg", sent)]})
    stored = new_entries().get().photos.get()
    with stored.file.open("rb") as handle:
        data = handle.read()
    kept = Image.open(io.BytesIO(data))
    assert kept.format == "JPEG" and kept.size == (120, 90)
    assert not kept.getexif() and not kept.getexif().get_ifd(0x8825) and "exif" not in kept.info
    assert b"Exif" not in data and "Máy ảnh".encode() not in data


def test_honeypot_drops_the_entry_silently(client, open_contest):
    response = client.post(open_contest.url, form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not new_entries().exists()


@override_settings(CONTEST_ENTRY_LIMIT=2, CONTEST_ENTRY_WINDOW=600)
def test_a_flood_from_one_address_is_stopped(client, open_contest):
    for _ in range(2):
        assert client.post(open_contest.url, form_data()).status_code == 302
    response = client.post(open_contest.url, form_data())
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "gửi nhiều bài trong thời gian ngắn" in response.content.decode()
    assert new_entries().count() == 2
    assert client.post(open_contest.url, form_data(), REMOTE_ADDR="10.0.0.8").status_code == 302
    assert counter.count("10.0.0.8") == 1


def test_closed_page_says_so_and_answers_410(client, closed_contest):
    html = client.get(closed_contest.url).content.decode()
    assert "đã hết hạn nhận bài ngày 05/02/2026" in html and "<form" not in html.split('id="gui-bai"')[1]
    response = client.post(closed_contest.url, {**form_data(), "photos": [upload()]})
    assert response.status_code == 410 and "không nhận thêm bài dự thi" in response.content.decode()
    assert not new_entries().exists()


def test_results_are_shown_when_filled(client, closed_contest):
    closed_contest.results = "<p>Giải Nhất: bài “Bà Năm trả lại chiếc ví”.</p>"
    closed_contest.save_revision().publish()
    html = client.get(closed_contest.url).content.decode()
    assert "Kết quả" in html and "Giải Nhất: bài" in html


def test_draft_contest_is_not_public_and_has_a_print_view(client, unit, open_contest):
    draft = contest(unit, today(), today() + timedelta(days=5), publish=False, title="Cuộc thi nháp")
    assert client.get(f"/{draft.url_path.split('/', 2)[2]}").status_code == 404
    printed = client.get(open_contest.url + "print/").content.decode()
    assert open_contest.title in printed and "5.000.000 đồng" in printed and "<form" not in printed


# --- The API ---------------------------------------------------------------------------------------------


def api_entry(client, page_id: int, photos=None, **overrides):
    data = form_data(**overrides)
    data.pop("website")
    data["consent"] = overrides.get("consent", "true")
    if photos:
        data["photos"] = photos
    return client.post(f"/api/v3/contests/{page_id}/entries/", data)


def test_api_lists_public_contests_with_period_and_state(client, open_contest, closed_contest, unit):
    draft = contest(unit, today(), today() + timedelta(days=5), publish=False, title="Cuộc thi nháp API")
    data = client.get("/api/v3/contests/").json()
    by_id = {item["id"]: item for item in data["items"]}
    assert {open_contest.pk, closed_contest.pk} <= set(by_id) and draft.pk not in by_id
    assert by_id[open_contest.pk]["state"] == "open" and by_id[closed_contest.pk]["state"] == "closed"
    assert by_id[closed_contest.pk]["closes_on"] == "2026-02-05"
    assert "entries" not in by_id[open_contest.pk]
    only_open = [item["id"] for item in client.get("/api/v3/contests/?state=open").json()["items"]]
    assert open_contest.pk in only_open and closed_contest.pk not in only_open


def test_api_state_filter_is_the_pages_own_state_on_the_boundary_days(client, unit):
    """`?state=` filters in the database: a contest closing today is open, one opening tomorrow upcoming, one that
    closed yesterday closed; the count is the filtered one and each page says the state it was filtered by."""
    day = timedelta(days=1)
    closing = contest(unit, today() - 3 * day, today(), title="Cuộc thi khép lại hôm nay")
    opening = contest(unit, today() + day, today() + 9 * day, title="Cuộc thi mở ngày mai")
    closed = contest(unit, today() - 9 * day, today() - day, title="Cuộc thi đóng hôm qua")
    expected = {"open": closing, "upcoming": opening, "closed": closed}
    for state, page in expected.items():
        response = client.get(f"/api/v3/contests/?state={state}&limit=20")
        assert response.status_code == 200, response.content
        data = response.json()
        ids = [item["id"] for item in data["items"]]
        assert page.pk in ids and all(other.pk not in ids for other in expected.values() if other is not page)
        assert all(item["state"] == state for item in data["items"]) and data["count"] == len(ids)
        assert ContestPage.objects.filter(ContestPage.in_state(state), pk=page.pk).exists() and page.state() == state
    assert client.get("/api/v3/contests/?state=later").status_code == 400


def test_api_entry_201_404_410(client, open_contest, closed_contest, unit):
    response = api_entry(client, open_contest.pk, photos=[upload(content=photo_bytes(gps=True))])
    assert response.status_code == 201, response.content
    assert response.json()["photos"] == 1
    entry = ContestEntry.objects.get(pk=response.json()["id"])
    assert entry.text.startswith("Bà Năm bán vé số") and entry.photos.count() == 1
    draft = contest(unit, today(), today() + timedelta(days=5), publish=False, title="Cuộc thi nháp nhận bài")
    assert api_entry(client, draft.pk).status_code == 404
    assert api_entry(client, 987654321).status_code == 404
    closed = api_entry(client, closed_contest.pk)
    assert closed.status_code == 410 and closed["Content-Type"].startswith("application/problem+json")
    assert "hết hạn nhận bài" in closed.json()["detail"]
    assert new_entries().count() == 1


def test_api_entry_errors_name_the_fields(client, open_contest):
    photos = [upload("a.txt", b"hello", "text/plain")] + [upload(f"{n}.jpg") for n in range(2)]
    response = api_entry(client, open_contest.pk, photos=photos, contact="không rõ", text="ngắn", consent="false")
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"contact", "text", "consent", "photos"} <= fields
    assert "“a.txt”" in response.json()["detail"]
    too_many = api_entry(client, open_contest.pk, photos=[upload(f"{n}.jpg") for n in range(6)])
    assert too_many.status_code == 422 and "tối đa 5 ảnh" in too_many.json()["detail"]
    with override_settings(CONTEST_PHOTO_MAX_BYTES=500):
        too_big = api_entry(
            client, open_contest.pk, photos=[upload(content=photo_bytes(size=(300, 300)) + b"\0" * 600)]
        )
    assert too_big.status_code == 422 and "quá giới hạn" in too_big.json()["detail"]
    assert not new_entries().exists()


@override_settings(CONTEST_ENTRY_LIMIT=1, CONTEST_ENTRY_WINDOW=600)
def test_api_flood_is_429(client, open_contest):
    assert api_entry(client, open_contest.pk).status_code == 201
    response = api_entry(client, open_contest.pk)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert new_entries().count() == 1


# --- Privacy ---------------------------------------------------------------------------------------------


def test_entries_and_photos_are_never_public(client, open_contest, cast, media_served_by_django):  # noqa: F811
    api_entry(client, open_contest.pk, photos=[upload("rieng.jpg")], subject_name="Ông Bí Mật Riêng Tư")
    entry = new_entries().get()
    photo = entry.photos.get()
    for url in (
        "/admin/bai-du-thi/",
        f"/admin/bai-du-thi/inspect/{entry.pk}/",
        f"/admin/cuoc-thi/anh/{photo.pk}/",
    ):
        assert client.get(url).status_code in (302, 403), url
    # the stored file is not under any route the public reaches
    assert client.get(f"/media/{photo.file.name}").status_code == 404
    assert client.get(f"/media/images/../{photo.file.name}").status_code == 404
    for path in (open_contest.url, f"/api/v3/pages/{open_contest.pk}/", "/api/v3/contests/", "/sitemap.xml"):
        assert "Bí Mật Riêng Tư" not in client.get(path).content.decode(), path
    assert "Bí Mật Riêng Tư" not in client.get("/api/v3/search/?q=Bí+Mật+Riêng+Tư").content.decode()
    assert "Ông Bí Mật Riêng Tư" not in client.get("/tim-kiem/?q=vé+số+chợ+Tân+Biên").content.decode()
    # an editor (admin access, not a reader) is refused too
    client.force_login(cast.editor)
    assert client.get(f"/admin/cuoc-thi/anh/{photo.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/bai-du-thi/inspect/{entry.pk}/").status_code in (302, 403)
    # the readers see it, photo included, never cached
    for reader in (cast.office, cast.members[0], cast.admin):
        client.force_login(reader)
        page = client.get(f"/admin/bai-du-thi/inspect/{entry.pk}/")
        assert page.status_code == 200 and "Ông Bí Mật Riêng Tư" in page.content.decode()
        assert "<p>Bà Năm bán vé số" in page.content.decode() and "&lt;p&gt;" not in page.content.decode()
        assert f"/admin/cuoc-thi/anh/{photo.pk}/" in page.content.decode()
        image = client.get(f"/admin/cuoc-thi/anh/{photo.pk}/")
        assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
        assert b"".join(image.streaming_content)[:2] == b"\xff\xd8" and "no-store" in image["Cache-Control"]


def test_contest_is_found_by_search_with_its_type(client, open_contest):
    data = client.get("/api/v3/search/", {"q": "Gương người tốt quanh ta thử", "type": "contest"}).json()
    assert open_contest.pk in [hit["id"] for hit in data["results"]], data


# --- The office's queue and the jury ---------------------------------------------------------------------


def test_office_lists_and_filters_entries_and_sorts_them(client, open_contest, closed_contest, cast):
    api_entry(client, open_contest.pk, title="Bài trong cuộc thi đang mở")
    entry = new_entries().get()
    other = ContestEntry.objects.create(
        contest=closed_contest,
        author_name="A",
        contact="0900000000",
        subject_name="B",
        title="Bài cuộc thi cũ",
        text=TEXT,
    )
    client.force_login(cast.office)
    listing = client.get(f"/admin/bai-du-thi/?contest={open_contest.pk}").content.decode()
    assert "Bài trong cuộc thi đang mở" in listing and "Bài cuộc thi cũ" not in listing
    by_status = client.get(f"/admin/bai-du-thi/?status=new&contest={closed_contest.pk}").content.decode()
    assert "Bài cuộc thi cũ" in by_status
    response = client.post(f"/admin/bai-du-thi/edit/{entry.pk}/", {"status": "shortlisted", "note": "Vào chung khảo"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "shortlisted" and entry.note == "Vào chung khảo" and entry.text.startswith("Bà Năm")
    client.force_login(cast.members[0])  # the jury reads but does not sort
    assert client.get(f"/admin/bai-du-thi/edit/{other.pk}/").status_code in (302, 403)


def test_jurors_score_once_each_and_see_the_average(client, open_contest, cast):
    api_entry(client, open_contest.pk)
    entry = new_entries().get()
    url = f"/admin/cuoc-thi/bai/{entry.pk}/cham-diem/"
    for outsider in (cast.editor, cast.office):
        client.force_login(outsider)
        assert client.post(url, {"score": 90, "comment": ""}).status_code in (302, 403)
    assert not ContestScore.objects.filter(entry=entry).exists()
    client.force_login(cast.members[0])
    assert client.post(url, {"score": 80, "comment": "Cảm động"}).status_code == 302
    assert client.post(url, {"score": 85, "comment": "Sửa lại điểm"}).status_code == 302  # the same juror: changed
    assert client.post(url, {"score": 101, "comment": ""}).status_code == 302
    client.force_login(cast.members[1])
    client.post(url, {"score": 70, "comment": ""})
    scores = {score.juror_id: score.score for score in entry.scores.all()}
    assert scores == {cast.members[0].pk: 85, cast.members[1].pk: 70}
    assert entry.average_score == 77.5
    page = client.get(f"/admin/bai-du-thi/inspect/{entry.pk}/").content.decode()
    assert "77.5" in page or "77,5" in page
    assert "Sửa lại điểm" in page


# --- "Tạo bài gương điển hình" and "Duyệt đăng" ----------------------------------------------------------


def test_office_turns_an_entry_into_a_draft_story_with_its_photos(client, cast):
    from exemplar_pages.files import PRIVATE_COLLECTION_NAME
    from exemplar_pages.models import Field

    locality = factories.locality("Xã Gương Sáng Thử")
    cast.unit.locality = locality
    cast.unit.save_revision().publish()
    page = contest(cast.unit, today() - timedelta(days=1), today() + timedelta(days=10))
    api_entry(client, page.pk, photos=[upload("1.jpg", photo_bytes(gps=True)), upload("2.jpg")])
    entry = new_entries().get()
    url = f"/admin/cuoc-thi/bai/{entry.pk}/tao-bai/"
    client.force_login(cast.members[0])
    assert client.post(url, {}).status_code in (302, 403)
    client.force_login(cast.office)
    form = client.get(url)
    assert form.status_code == 200 and "Bà Năm trả lại chiếc ví" in form.content.decode()
    field = Field.objects.get(slug="doi-song-xa-hoi")
    data = {
        "title": "Bà Năm bán vé số trả lại của rơi",
        "subject_name": "Bà Nguyễn Thị Năm",
        "subject_type": "individual",
        "field": field.pk,
        "locality": locality.pk,
        "year": 2026,
    }
    refused = client.post(url, {**data, "locality": ""})
    assert refused.status_code == 200 and not ExemplarStoryPage.objects.filter(title=data["title"]).exists()
    response = client.post(url, data)
    assert response.status_code == 302
    story = ExemplarStoryPage.objects.get(title="Bà Năm bán vé số trả lại của rơi")
    assert story.get_parent().pk == cast.unit.pk and not story.live and story.has_unpublished_changes is not None
    assert story.subject_name == "Bà Nguyễn Thị Năm" and story.field == field and story.locality == locality
    assert story.year == 2026 and story.summary.startswith("Bà Năm bán vé số ở chợ Tân Biên")
    assert [block.block_type for block in story.body] == ["paragraph", "paragraph"]
    assert "tấm lòng ngay thẳng" in str(story.body[1].value)
    gallery = list(story.gallery_images.select_related("image", "image__collection"))
    assert len(gallery) == 2 and all("Bà Nguyễn Thị Năm" in item.alt for item in gallery)
    assert {item.image.collection.name for item in gallery} == {PRIVATE_COLLECTION_NAME}
    with gallery[0].image.file.open("rb") as handle:
        assert b"Exif" not in handle.read()
    entry.refresh_from_db()
    assert entry.status == ContestEntry.Status.STORY and entry.story_id == story.pk
    # the office cannot edit pages: it goes back to the entry, which links the draft
    assert response["Location"] == f"/admin/bai-du-thi/inspect/{entry.pk}/"
    assert story.title in client.get(response["Location"]).content.decode()
    # not public: not the page
    client.logout()
    assert client.get(f"/api/v3/pages/{story.pk}/").status_code == 404
    # once is enough
    client.force_login(cast.office)
    client.post(url, data)
    assert ExemplarStoryPage.objects.filter(title=data["title"]).count() == 1
    # an administrator lands in the story's editor
    api_entry(client, page.pk, title="Bài thứ hai")
    second = new_entries().get(title="Bài thứ hai")
    client.force_login(cast.admin)
    response = client.post(f"/admin/cuoc-thi/bai/{second.pk}/tao-bai/", {**data, "title": "Bài thứ hai thành gương"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    made = ExemplarStoryPage.objects.get(title="Bài thứ hai thành gương")
    assert response["Location"] == f"/admin/pages/{made.pk}/edit/"


def test_the_story_follows_duyet_dang_and_its_photos_with_it(client, cast, media_served_by_django):  # noqa: F811
    from exemplar_pages.contest.stories import StoryChoices, turn_into_story
    from exemplar_pages.models import Field
    from tests.moderation_fixtures import approve_fully, fresh

    page = contest(cast.unit, today(), today() + timedelta(days=10))
    api_entry(client, page.pk, photos=[upload()])
    entry = new_entries().get()
    choices = StoryChoices(
        "Gương bà Năm",
        "Bà Năm",
        "individual",
        Field.objects.get(slug="doi-song-xa-hoi"),
        factories.locality("Xã X"),
        2026,
    )
    story = turn_into_story(entry, choices, cast.office)
    assert story.get_workflow() is not None and story.get_workflow().name == "Duyệt đăng"
    assert not story.permissions_for_user(cast.editor).can_publish()
    story.owner = cast.editor
    story.save()
    image_url = f"/media/{story.gallery_images.get().image.file.name}"
    assert client.get(image_url).status_code == 404 and client.get(f"/api/v3/pages/{story.pk}/").status_code == 404
    approve_fully(story, cast)
    assert fresh(story).live
    assert client.get(f"/api/v3/pages/{story.pk}/").json()["gallery"][0]["alt"].startswith("Ảnh 1 về Bà Năm")
    assert client.get(image_url).status_code == 200


def test_a_contest_needs_the_council_vote_to_be_published(client, cast):
    from exemplar_pages.moderation import service
    from tests.moderation_fixtures import fresh, to_council

    page = contest(cast.unit, today(), today() + timedelta(days=30), publish=False, title="Cuộc thi chờ Hội đồng")
    page.owner = cast.editor
    page.save()
    assert page.get_workflow() is not None and page.get_workflow().name == "Duyệt đăng"
    assert not page.permissions_for_user(cast.editor).can_publish()
    assert page.pk not in [item["id"] for item in client.get("/api/v3/contests/").json()["items"]]
    to_council(page, cast)
    service.review(fresh(page), cast.members[0], "approve")
    service.review(fresh(page), cast.members[1], "approve")
    assert fresh(page).live
    assert page.pk in [item["id"] for item in client.get("/api/v3/contests/?state=open").json()["items"]]


# --- The demo --------------------------------------------------------------------------------------------


def test_the_demo_has_an_open_contest_with_private_entries_one_scored(client):
    from home.demo.contests import SLUG
    from home.demo.images import PHOTO_SIZE

    page = ContestPage.objects.get(slug=SLUG)
    assert page.live and page.state() == "open"
    entries = list(page.entries.order_by("created_at"))
    assert len(entries) == 3 and all(entry.consent for entry in entries)
    assert [entry.photos.count() for entry in entries] == [2, 1, 0]
    assert [entry.average_score for entry in entries] == [86, None, None]
    photo = entries[0].photos.first()
    assert photo.file.name.startswith("private/contest-entries/") and (photo.width, photo.height) == PHOTO_SIZE
    html = client.get(page.url).content.decode()
    assert "Gửi bài dự thi" in html and "Bà Năm bán vé số" not in html
    assert page.pk in [item["id"] for item in client.get("/api/v3/contests/?state=open").json()["items"]]
    from home.models import open_calls

    assert page.pk in [call.pk for call in open_calls(limit=20)]  # on the front page while open


def test_deleting_an_entry_removes_its_photo_files(client, open_contest):
    from django.core.files.storage import default_storage

    api_entry(client, open_contest.pk, photos=[upload("1.jpg"), upload("2.jpg")])
    entry = new_entries().get()
    names = [photo.file.name for photo in entry.photos.all()]
    assert all(default_storage.exists(name) for name in names)
    entry.delete()
    assert not any(default_storage.exists(name) for name in names)


def test_the_office_list_shows_the_average_in_a_bounded_number_of_queries(client, open_contest, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def entry(number: int) -> ContestEntry:
        return ContestEntry.objects.create(
            contest=open_contest,
            author_name="A",
            contact="0900000000",
            subject_name="B",
            title=f"Bài số {number}",
            text=TEXT,
        )

    for number in range(3):
        entry(number)
    first = new_entries().get(title="Bài số 0")
    ContestScore.objects.create(entry=first, juror=cast.members[0], score=90)
    ContestScore.objects.create(entry=first, juror=cast.members[1], score=71)
    client.force_login(cast.office)
    url = f"/admin/bai-du-thi/?contest={open_contest.pk}"
    client.get(url)
    with CaptureQueriesContext(connection) as three:
        html = client.get(url).content.decode()
    assert "80,5" in html or "80.5" in html
    for number in range(3, 6):
        entry(number)
    with CaptureQueriesContext(connection) as six:
        client.get(url)
    assert len(six) == len(three)


def test_admin_creates_a_contest_and_refuses_a_period_that_ends_before_it_starts(client, cast):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    client.force_login(cast.admin)
    data = nested_form_data(
        {
            "title": "Cuộc thi tạo trong trang quản trị",
            "slug": "cuoc-thi-tao-trong-quan-tri",
            "summary": "",
            "opens_on": "2026-12-10",
            "closes_on": "2026-12-01",
            "rules": streamfield([("paragraph", rich_text("<p>Thể lệ thử.</p>"))]),
            "prizes": rich_text("<p>Giải Nhất.</p>"),
            "results": rich_text(""),
            "contact": "",
        }
    )
    url = f"/admin/pages/add/exemplar_pages/contestpage/{cast.unit.pk}/"
    refused = client.post(url, data)
    assert (
        refused.status_code == 200
        and "Ngày kết thúc nhận bài không được trước ngày bắt đầu" in refused.content.decode()
    )
    assert not ContestPage.objects.filter(slug="cuoc-thi-tao-trong-quan-tri").exists()
    data["closes_on"] = "2027-01-31"
    assert client.post(url, data).status_code == 302
    saved = ContestPage.objects.get(slug="cuoc-thi-tao-trong-quan-tri")
    assert saved.closes_on == date(2027, 1, 31) and "Thể lệ thử" in str(saved.rules[0].value)


def test_api_entry_with_a_nul_character_is_422_naming_the_field(client, open_contest):
    """PostgreSQL refuses to store NUL; the answer names the field instead of failing."""
    response = api_entry(client, open_contest.pk, title="Bà Năm\x00 trả lại ví")
    assert response.status_code == 422
    assert "title" in [error["field"] for error in response.json()["errors"]]
    assert not ContestEntry.objects.filter(contest=open_contest).exists()

"""The writing contest with the real processes `make demo` runs (issue #17 point 3): in Chromium, a citizen on a
390 px phone sends an entry with a photo that carries a GPS location; the standing office, at a desk, finds it
in the admin, sees the photo, and turns the entry into a draft story that waits for "Duyệt đăng"."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from tests.test_live_portal import PASSWORD

pytestmark = [pytest.mark.live, pytest.mark.slow, pytest.mark.browser]

SHOTS = Path(os.environ.get("CONTEST_SHOTS", "")) if os.environ.get("CONTEST_SHOTS") else None
TITLE = "Chị Hạnh nấu cơm miễn phí cho bệnh nhân nghèo"
TEXT = (
    "Mỗi trưa, chị Võ Thị Hạnh ở khu phố 3 lại chở hai nồi cơm lớn đến bệnh viện huyện để phát miễn phí cho "
    "người nhà bệnh nhân nghèo. Việc ấy chị làm đã bảy năm, không bỏ ngày nào, kể cả những ngày mưa lớn.\n\n"
    "Gạo, rau do bà con trong xóm góp, còn chị góp công nấu. Nhiều người được chị giúp nay quay lại phụ chị."
)

ENTRY_FACTS = """
import json
from exemplar_pages.models import ContestEntry
entry = ContestEntry.objects.get(title={title!r})
story = entry.story
print(json.dumps({{
    "id": entry.pk,
    "status": entry.status,
    "photos": [photo.pk for photo in entry.photos.all()],
    "story": story and {{
        "live": story.live,
        "title": story.title,
        "subject": story.subject_name,
        "gallery": [item.alt for item in story.gallery_images.all()],
        "workflow": story.get_workflow().name,
    }},
}}))
"""

PHOTO_EXIF = """
import json
from PIL import Image
from exemplar_pages.models import ContestEntryPhoto
photo = ContestEntryPhoto.objects.get(pk={pk})
with photo.file.open("rb") as handle:
    image = Image.open(handle)
    image.load()
print(json.dumps({{"size": list(image.size), "exif": len(image.getexif()), "gps": len(image.getexif().get_ifd(0x8825))}}))
"""


def shot(page, name: str) -> None:
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_no_axe_violation(page, what: str) -> None:
    """axe-core (bundled by axe-playwright-python, as tests/test_accessibility.py runs it) finds nothing."""
    from axe_playwright_python.sync_playwright import Axe

    from tests.test_accessibility import violations_text

    violations = Axe().run(page).response["violations"]
    assert not violations, f"{what}:\n{violations_text(violations)}"


def photo_with_gps(path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 900), (236, 200, 140))
    draw = ImageDraw.Draw(image)
    draw.ellipse((420, 220, 780, 580), fill=(250, 250, 240), outline=(120, 80, 40), width=12)
    draw.rectangle((0, 700, 1200, 900), fill=(90, 140, 80))
    exif = Image.Exif()
    exif[0x010F] = "Điện thoại"
    exif[0x8825] = {1: "N", 2: (11.0, 18.0, 42.0), 3: "E", 4: (106.0, 5.0, 51.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    path.write_bytes(buffer.getvalue())
    return path


def test_citizen_sends_an_entry_with_a_photo_and_the_office_makes_a_draft_story(live_portal, chromium, tmp_path):
    portal = live_portal()
    contests = portal.request("GET", "/api/v3/contests/?state=open").json()["items"]
    assert contests, "the demo has an open contest"
    contest_path = urlsplit(contests[0]["url"]).path

    # A citizen on a phone: the rules, the form, a photo with a GPS location, consent.
    phone = chromium.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", bypass_csp=True).new_page()
    phone.goto(portal.url(contest_path))
    assert_no_axe_violation(phone, "the contest page")
    assert "Còn" in phone.content() and "ngày để gửi bài" in phone.content()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shot(phone, "contest-390")
    phone.get_by_role("button", name="Gửi bài dự thi").click()  # nothing filled: the errors, named
    phone.wait_for_selector(".form-field--error")
    assert "Hãy ghi họ tên của bạn." in phone.content() and "Hãy đồng ý với thể lệ" in phone.content()
    assert phone.locator("#id_author_name").get_attribute("aria-invalid") == "true"
    assert_no_axe_violation(phone, "the form with its errors")
    shot(phone, "contest-errors-390")
    phone.get_by_label("Họ và tên tác giả").fill("Nguyễn Thanh Bình")
    phone.get_by_label("Điện thoại hoặc thư điện tử").fill("0908 111 222")
    phone.get_by_label("Nơi cư trú của tác giả").fill("khu phố 3, thị trấn Tân Biên")
    phone.get_by_label("Người tốt bạn viết về").fill("Chị Võ Thị Hạnh")
    phone.get_by_label("Tiêu đề bài viết").fill(TITLE)
    phone.get_by_role("textbox", name="Bài viết *", exact=True).fill(TEXT)
    phone.get_by_label("Ảnh (không bắt buộc)").set_input_files(str(photo_with_gps(tmp_path / "com-tu-thien.jpg")))
    phone.get_by_label("Tôi đồng ý với thể lệ cuộc thi", exact=False).check()
    shot(phone, "contest-form-390")
    phone.get_by_role("button", name="Gửi bài dự thi").click()
    phone.wait_for_url("**da-gui=1**")
    assert "Cảm ơn bạn đã gửi bài dự thi" in phone.content() and "Chị Võ Thị Hạnh" not in phone.content()
    shot(phone, "contest-thanks-390")

    facts = json.loads(portal.shell(ENTRY_FACTS.format(title=TITLE)).strip().splitlines()[-1])
    assert facts["status"] == "new" and len(facts["photos"]) == 1 and facts["story"] is None
    stored = json.loads(portal.shell(PHOTO_EXIF.format(pk=facts["photos"][0])).strip().splitlines()[-1])
    assert stored == {"size": [1200, 900], "exif": 0, "gps": 0}
    # nobody outside the office gets the photo or the entry
    photo_url = f"/admin/cuoc-thi/anh/{facts['photos'][0]}/"
    anonymous = portal.request("GET", photo_url)  # redirected to the login page, never the image
    content_type = {key.lower(): value for key, value in anonymous.headers.items()}.get("content-type", "")
    assert not content_type.startswith("image/") and "id_username" in anonymous.text
    assert "Chị Võ Thị Hạnh" not in portal.request("GET", "/api/v3/search/?q=" + quote("Võ Thị Hạnh")).text

    # The standing office, at a desk: the queue, the entry with its photo, "Tạo bài gương điển hình".
    office = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN").new_page()
    office.goto(portal.url("/admin/login/"))
    office.fill("#id_username", "thuongtruc")
    office.fill("#id_password", PASSWORD)
    office.locator("form button[type=submit]").click()
    office.wait_for_url("**/admin/")
    office.goto(portal.url(f"/admin/bai-du-thi/?contest={contests[0]['id']}"))
    assert "Bà Năm bán vé số trả lại chiếc ví" in office.content()  # the demo's entries are there too
    shot(office, "contest-admin-list-1366")
    office.goto(portal.url(f"/admin/bai-du-thi/inspect/{facts['id']}/"))
    photo = office.locator(f"img[src='{photo_url}']")
    assert photo.evaluate("image => image.complete && image.naturalWidth") == 1200
    shot(office, "contest-admin-entry-1366")
    office.get_by_role("link", name="Tạo bài gương điển hình").click()
    assert office.locator("#id_title").input_value() == TITLE
    assert office.locator("#id_subject_name").input_value() == "Chị Võ Thị Hạnh"
    shot(office, "contest-admin-make-story-1366")
    office.get_by_role("button", name="Tạo bài gương điển hình").click()
    office.wait_for_url(f"**/admin/bai-du-thi/inspect/{facts['id']}/")
    assert "Đã tạo bản nháp bài gương điển hình" in office.content()
    assert "gửi Duyệt đăng" in office.content()
    shot(office, "contest-admin-story-made-1366")

    facts = json.loads(portal.shell(ENTRY_FACTS.format(title=TITLE)).strip().splitlines()[-1])
    assert facts["status"] == "story"
    assert facts["story"]["live"] is False and facts["story"]["workflow"] == "Duyệt đăng"
    assert facts["story"]["subject"] == "Chị Võ Thị Hạnh" and len(facts["story"]["gallery"]) == 1
    portal.assert_logs_clean()

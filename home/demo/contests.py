"""Demo writing contest "Gương người tốt quanh ta" (issue #17 point 3): one contest open on the day
`seed_demo` runs, with three private entries (photos drawn with Pillow, stored as citizens' photos are),
one of them scored by a council member."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from exemplar_pages.contest.service import clean_photo, save_entry
from exemplar_pages.models import ContestEntry, ContestPage, ContestScore, UnitPage

from .builder import StageCount, add_page, aware, find_child, paragraph
from .images import draw_photo

UNIT = "so-noi-vu-tinh-tay-ninh"
SLUG = "guong-nguoi-tot-quanh-ta-lan-thu-nhat"
TITLE = "Cuộc thi viết “Gương người tốt quanh ta”"
SUMMARY = (
    "Kể về một người tốt, việc tốt bạn biết ở khu phố, ấp, xã: người lặng lẽ giúp đỡ hàng xóm, nhặt được của "
    "rơi trả lại, hiến đất làm đường, dạy chữ miễn phí. Bài hay được biên tập thành bài gương điển hình trên cổng."
)
RULES = [
    "Đối tượng: mọi công dân đang sinh sống, học tập, làm việc trên địa bàn tỉnh.",
    "Nội dung: bài viết người thật, việc thật, từ 200 đến 20.000 ký tự, kèm tối đa 5 ảnh (không bắt buộc).",
    "Mỗi tác giả gửi tối đa 3 bài. Ban tổ chức không trả lại bài; thông tin liên hệ của tác giả được giữ kín.",
    "Ban giám khảo gồm các thành viên Hội đồng Thi đua – Khen thưởng tỉnh, chấm theo thang điểm 100.",
]
PRIZES = (
    "<ul><li>01 giải Nhất: 5.000.000 đồng</li><li>02 giải Nhì: 3.000.000 đồng</li>"
    "<li>03 giải Ba: 2.000.000 đồng</li><li>05 giải Khuyến khích: 1.000.000 đồng</li></ul>"
)
#: Entries: author, contact, locality, the good person, title, text, photo captions (motif, palette), status.
ENTRIES: list[dict] = [
    {
        "author_name": "Trần Thị Mai",
        "contact": "0913222333",
        "author_locality": "xã Hòa Hiệp, tỉnh Tây Ninh",
        "subject_name": "Bà Nguyễn Thị Năm",
        "title": "Bà Năm bán vé số trả lại chiếc ví",
        "text": (
            "Bà Nguyễn Thị Năm, 68 tuổi, bán vé số ở chợ Hòa Hiệp đã hơn hai mươi năm. Một buổi sáng tháng Ba, bà "
            "nhặt được chiếc ví có hơn hai mươi triệu đồng cùng giấy tờ của một người buôn trâu từ xa đến.\n\n"
            "Dù nhà còn khó khăn, bà đứng chờ suốt buổi ở cổng chợ rồi nhờ công an xã tìm người đánh rơi để trả "
            "lại. Người chủ ví muốn hậu tạ, bà chỉ xin mua giúp vài tờ vé số.\n\n"
            "Người trong chợ ai cũng quý bà vì tấm lòng ngay thẳng, và kể chuyện bà cho con cháu nghe."
        ),
        "photos": [("Bà Năm ở cổng chợ Hòa Hiệp", "heart", 2), ("Chiếc ví được trả lại tại công an xã", "houses", 0)],
        "status": ContestEntry.Status.SHORTLISTED,
        "score": (86, "Câu chuyện cảm động, có người thật việc thật, nên biên tập thành bài."),
    },
    {
        "author_name": "Lê Văn Phúc",
        "contact": "phuc.le@example.org",
        "author_locality": "phường Long Hoa, tỉnh Tây Ninh",
        "subject_name": "Thầy Đỗ Minh Tâm",
        "title": "Lớp học tình thương của thầy Tâm",
        "text": (
            "Đã mười năm nay, cứ tối thứ Ba và thứ Năm, thầy giáo về hưu Đỗ Minh Tâm lại mở cửa nhà mình làm lớp "
            "học miễn phí cho trẻ em nghèo trong khu phố. Thầy tự mua sách vở, bút mực cho các em.\n\n"
            "Nhiều học trò của lớp tình thương nay đã vào đại học và quay về phụ thầy dạy các em nhỏ."
        ),
        "photos": [("Lớp học buổi tối tại nhà thầy Tâm", "book", 1)],
        "status": ContestEntry.Status.NEW,
        "score": None,
    },
    {
        "author_name": "Phạm Quốc Huy",
        "contact": "0987654321",
        "author_locality": "xã Tân Lập, tỉnh Tây Ninh",
        "subject_name": "Ông Huỳnh Văn Sáu",
        "title": "Ông Sáu hiến đất mở đường vào ấp",
        "text": (
            "Con đường đất vào ấp Tân Hòa mùa mưa lầy lội, xe máy không qua được. Ông Huỳnh Văn Sáu đã hiến gần "
            "300 mét vuông đất vườn và vận động thêm sáu hộ cùng hiến để mở rộng đường.\n\n"
            "Nay con đường bê tông rộng bốn mét, học sinh đi học không còn phải lội bùn."
        ),
        "photos": [],
        "status": ContestEntry.Status.NEW,
        "score": None,
    },
]


def _photos(spec: dict) -> list:
    """The entry's photos as a citizen's uploads, through the same checks (EXIF removed) as the form's."""
    uploads = [
        SimpleUploadedFile(f"anh-{number}.jpg", draw_photo(caption, motif, palette), content_type="image/jpeg")
        for number, (caption, motif, palette) in enumerate(spec["photos"], start=1)
    ]
    return [clean_photo(upload, number) for number, upload in enumerate(uploads, start=1)]


def seed_contests(units: dict[str, UnitPage], users: dict[str, AbstractBaseUser]) -> StageCount:
    """The contest, open from ten days ago to fifty days ahead of the day seed_demo runs, and its entries."""
    today = timezone.localdate()
    count = StageCount("Cuộc thi / Contests")
    unit = units[UNIT]
    page = find_child(unit, SLUG)
    count.saw(page is None)
    if page is None:
        opens_on = today - timedelta(days=10)
        page = ContestPage(
            title=TITLE,
            slug=SLUG,
            summary=SUMMARY,
            opens_on=opens_on,
            closes_on=today + timedelta(days=50),
            rules=[{"type": "paragraph", "value": paragraph(rule)} for rule in RULES],
            prizes=PRIZES,
            contact="Sở Nội vụ tỉnh Tây Ninh (Ban Thi đua – Khen thưởng), điện thoại 0276 3822 000.",
        )
        page = add_page(unit, page, user=users["admin"], published_at=aware(opens_on, 8))
        for offset, spec in enumerate(ENTRIES):
            entry = ContestEntry(
                contest=page,
                consent=True,
                created_at=aware(opens_on + timedelta(days=offset + 1), 9 + offset),
                status=spec["status"],
                **{key: spec[key] for key in ("author_name", "contact", "author_locality", "subject_name", "title")},
                text=spec["text"],
            )
            save_entry(entry, _photos(spec))
            if spec["score"]:
                score, comment = spec["score"]
                ContestScore.objects.create(entry=entry, juror=users["hoidong1"], score=score, comment=comment)
    count.extra["bài dự thi / entries"] = page.entries.count()
    count.extra["đang mở / open"] = int(page.state() == "open")
    return count

"""Demo commendation decisions and consultations (issue #15): a provincial Bằng khen list, a district
Giấy khen list, one consultation open on the day `seed_demo` runs and one closed, with comments."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from exemplar_pages.models import (
    ConsultationClosing,
    ConsultationComment,
    ConsultationNominee,
    ConsultationPage,
    DecisionAwardee,
    DecisionPage,
    ExemplarStoryPage,
    UnitPage,
)
from exemplar_pages.models.mixins import in_order
from workdays.services import add_working_days

from .builder import StageCount, add_page, aware, find_child, paragraph

PROVINCE_AWARD = "Bằng khen của Chủ tịch UBND tỉnh"
DISTRICT_AWARD = "Giấy khen của Chủ tịch UBND huyện Tân Biên"

#: Decisions: unit slug, page slug, fields, awardees (name, subject type, position, award as written, achievement).
DECISIONS: list[dict] = [
    {
        "unit": "so-noi-vu-tinh-tay-ninh",
        "slug": "quyet-dinh-2150-qd-ubnd-tang-bang-khen-nam-2025",
        "title": "Quyết định số 2150/QĐ-UBND về việc tặng Bằng khen của Chủ tịch UBND tỉnh năm 2025",
        "number": "2150/QĐ-UBND",
        "date": date(2025, 12, 18),
        "issuer": "Ủy ban nhân dân tỉnh Tây Ninh",
        "signer_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        "signer_name": "Nguyễn Hồng Thanh",
        "legal_basis": "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\n"
        "Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng\n"
        "Đề nghị của Giám đốc Sở Nội vụ",
        "summary": "Tặng Bằng khen của Chủ tịch UBND tỉnh cho các tập thể, cá nhân, hộ gia đình có thành tích "
        "xuất sắc trong phong trào thi đua yêu nước năm 2025.",
        "awardees": [
            (
                "Tập thể Trường THCS Hảo Đước",
                "collective",
                "huyện Châu Thành",
                PROVINCE_AWARD,
                "Hoàn thành xuất sắc nhiệm vụ năm học 2024–2025.",
            ),
            (
                "Trung tâm Phục vụ hành chính công xã Tân Biên",
                "collective",
                "xã Tân Biên",
                PROVINCE_AWARD,
                "Dẫn đầu về giải quyết thủ tục hành chính đúng hạn.",
            ),
            (
                "Hộ anh Đinh Công Đạt",
                "household",
                "xã Tân Lập",
                PROVINCE_AWARD,
                "Hộ sản xuất, kinh doanh giỏi, giúp đỡ hộ nghèo.",
            ),
            (
                "Hộ ông Huỳnh Văn Nghĩa",
                "household",
                "xã Hòa Hiệp",
                PROVINCE_AWARD,
                "Hiến đất làm đường giao thông nông thôn.",
            ),
            (
                "Bà Trần Thị Thu Vân",
                "individual",
                "Phó Chủ tịch Hội Nông dân xã Thạnh Bình",
                PROVINCE_AWARD,
                "Vận động hội viên xây dựng nông thôn mới nâng cao.",
            ),
        ],
    },
    {
        "unit": "ubnd-huyen-tan-bien",
        "slug": "quyet-dinh-1876-qd-ubnd-tang-giay-khen-nam-2025",
        "title": "Quyết định số 1876/QĐ-UBND về việc tặng Giấy khen trong phong trào “Toàn dân đoàn kết "
        "xây dựng đời sống văn hóa” năm 2025",
        "number": "1876/QĐ-UBND",
        "date": date(2025, 11, 26),
        "issuer": "Ủy ban nhân dân huyện Tân Biên",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Lê Văn Tâm",
        "legal_basis": "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\nĐề nghị của Trưởng phòng Nội vụ huyện",
        "summary": "Tặng Giấy khen của Chủ tịch UBND huyện cho các tập thể, cá nhân, hộ gia đình tiêu biểu "
        "trong phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” năm 2025.",
        "awardees": [
            (
                "Ông Nguyễn Văn Bảy",
                "individual",
                "Trưởng ấp Thạnh Phú, xã Thạnh Bắc",
                DISTRICT_AWARD,
                "Vận động Nhân dân hiến đất, góp công làm đường.",
            ),
            ("Hộ bà Lê Thị Sáu", "household", "xã Tân Phong", DISTRICT_AWARD, "Gia đình văn hóa tiêu biểu 5 năm liền."),
            (
                "Câu lạc bộ đờn ca tài tử xã Tân Phong",
                "collective",
                "xã Tân Phong",
                DISTRICT_AWARD,
                "Giữ gìn, phát huy di sản đờn ca tài tử.",
            ),
            (
                "Hội Chữ thập đỏ xã Mỏ Công",
                "collective",
                "xã Mỏ Công",
                DISTRICT_AWARD,
                "Vận động hiến máu tình nguyện vượt chỉ tiêu.",
            ),
            (
                "Chị Nguyễn Thị Kim Loan",
                "individual",
                "Bí thư Chi đoàn ấp Tân Đông",
                "Giấy khen",
                "Tổ chức sân chơi cho thiếu nhi trong dịp hè.",
            ),
        ],
    },
]

#: Consultations: slug, title, award, opening (days before today; None = a fixed date), nominees, comments.
CONSULTATIONS: list[dict] = [
    {
        "unit": "so-noi-vu-tinh-tay-ninh",
        "slug": "lay-y-kien-de-nghi-tang-bang-khen-thu-tuong-chinh-phu",
        "title": "Lấy ý kiến Nhân dân đối với danh sách đề nghị tặng Bằng khen của Thủ tướng Chính phủ",
        "award_text": "Bằng khen của Thủ tướng Chính phủ",
        "opens_days_ago": 2,
        "summary": "Thực hiện Điều 46 Nghị định số 98/2023/NĐ-CP, Hội đồng Thi đua – Khen thưởng tỉnh công bố danh "
        "sách tập thể, cá nhân đề nghị Thủ tướng Chính phủ tặng Bằng khen để lấy ý kiến Nhân dân.",
        "contact": "Sở Nội vụ tỉnh Tây Ninh, Ban Thi đua – Khen thưởng; điện thoại 0276 3822 xxx.",
        "nominees": [
            (
                "Khoa Hồi sức tích cực – Chống độc, Trung tâm Y tế huyện Đức Hòa",
                "collective",
                "",
                "huyện Đức Hòa",
                "Cứu chữa thành công nhiều ca bệnh nặng; không để xảy ra sai sót chuyên môn trong 5 năm.",
            ),
            (
                "Đội Kê khai – Kế toán thuế, Chi cục Thuế thành phố Tây Ninh",
                "collective",
                "",
                "thành phố Tây Ninh",
                "Hoàn thành vượt dự toán thu ngân sách 5 năm liên tục.",
            ),
            (
                "Ông Huỳnh Văn Nghĩa",
                "individual",
                "Nông dân",
                "xã Hòa Hiệp",
                "Hiến hơn 2 000 m² đất làm đường giao thông nông thôn; giúp đỡ 12 hộ thoát nghèo.",
            ),
        ],
        "comments": [
            (
                0,
                "Nguyễn Thị Lan",
                "0912 111 222",
                "thành phố Tây Ninh",
                "Tôi từng điều trị tại khoa, các y bác sĩ rất tận tâm. Đồng ý đề nghị khen thưởng.",
                "",
            ),
            (
                2,
                "Trần Văn Hùng",
                "hung.tran@example.org",
                "xã Hòa Hiệp",
                "Ông Nghĩa hiến đất làm đường là đúng sự thật, bà con trong ấp đều biết.",
                "",
            ),
        ],
    },
    {
        "unit": "so-noi-vu-tinh-tay-ninh",
        "slug": "lay-y-kien-de-nghi-tang-danh-hieu-chien-si-thi-dua-toan-quoc-2025",
        "title": "Lấy ý kiến Nhân dân đối với danh sách đề nghị tặng danh hiệu “Chiến sĩ thi đua toàn quốc”",
        "award_text": "Danh hiệu “Chiến sĩ thi đua toàn quốc”",
        "opens_on": date(2025, 9, 8),
        "summary": "Danh sách cá nhân đề nghị tặng danh hiệu “Chiến sĩ thi đua toàn quốc” năm 2025.",
        "contact": "",
        "nominees": [
            (
                "Cô giáo Phan Thị Diễm",
                "individual",
                "Giáo viên Trường Tiểu học Thạnh Tây",
                "huyện Tân Biên",
                "Ba lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp tỉnh; sáng kiến dạy đọc cho học sinh dân tộc.",
            ),
            (
                "Kỹ sư Võ Hoàng Phúc",
                "individual",
                "Trạm Khuyến nông huyện Tân Biên",
                "huyện Tân Biên",
                "Chuyển giao quy trình tưới tiết kiệm cho hơn 300 hộ trồng mía.",
            ),
        ],
        "comments": [
            (0, "Lê Thị Hạnh", "0987 654 321", "xã Thạnh Tây", "Cô Diễm rất tận tụy với học sinh, tôi đồng ý.", "for"),
            (
                0,
                "Phạm Minh Quân",
                "0903 222 333",
                "huyện Tân Biên",
                "Đề nghị làm rõ sáng kiến đã được công nhận ở cấp nào.",
                "other",
            ),
            (
                1,
                "Võ Thị Nga",
                "nga.vo@example.org",
                "xã Tân Lập",
                "Mô hình tưới tiết kiệm giúp gia đình tôi giảm chi phí.",
                "for",
            ),
            (
                1,
                "Nguyễn Văn Khoa",
                "0911 000 111",
                "xã Tân Bình",
                "Tôi chưa thấy mô hình được áp dụng ở ấp tôi.",
                "against",
            ),
            (None, "Khuyến mãi", "0900 000 000", "", "Mua hàng giá rẻ tại đây, liên hệ ngay!", "spam"),
        ],
    },
]


HOW_TO_COMMENT = (
    "Cơ quan, tổ chức, cá nhân có ý kiến về tập thể, cá nhân trong danh sách xin gửi qua biểu mẫu cuối trang "
    "hoặc bằng văn bản về Sở Nội vụ trong thời gian lấy ý kiến. Ý kiến cần ghi rõ họ tên, địa chỉ liên hệ; "
    "cơ quan không xem xét đơn thư nặc danh."
)


def _story_named(name: str) -> ExemplarStoryPage | None:
    stories = ExemplarStoryPage.objects.order_by("pk")
    return stories.filter(subject_name__iexact=name).first() or stories.filter(subject_name__icontains=name).first()


def seed_decisions(units: dict[str, UnitPage], admin: AbstractBaseUser) -> tuple[list[DecisionPage], StageCount]:
    """Create the demo decisions with their awardees (awards read from the text as the importer does)."""
    count = StageCount("Quyết định khen thưởng / Decisions")
    pages = []
    for spec in DECISIONS:
        unit = units[spec["unit"]]
        page = find_child(unit, spec["slug"])
        count.saw(page is None)
        if page is None:
            page = DecisionPage(
                title=spec["title"],
                slug=spec["slug"],
                number=spec["number"],
                decision_date=spec["date"],
                issuer=spec["issuer"],
                signer_title=spec["signer_title"],
                signer_name=spec["signer_name"],
                legal_basis=spec["legal_basis"],
                summary=spec["summary"],
            )
            awardees = []
            for name, subject_type, position, award_text, achievement in spec["awardees"]:
                awardee = DecisionAwardee(
                    name=name,
                    subject_type=subject_type,
                    position=position,
                    award_text=award_text,
                    achievement=achievement,
                    year=spec["date"].year,
                    story=_story_named(name),
                )
                awardee.understand_award_text()
                awardees.append(awardee)
            page.awardees = in_order(awardees)
            page = add_page(unit, page, user=admin, published_at=aware(spec["date"] + timedelta(days=2)))
        pages.append(page)
    return pages, count


def seed_consultations(
    units: dict[str, UnitPage], admin: AbstractBaseUser, today: date | None = None
) -> tuple[list[ConsultationPage], StageCount]:
    """One consultation open today (whatever day seed_demo runs) and one closed, each with comments."""
    today = today or timezone.localdate()
    count = StageCount("Lấy ý kiến Nhân dân / Consultations")
    pages = []
    for spec in CONSULTATIONS:
        unit = units[spec["unit"]]
        page = find_child(unit, spec["slug"])
        count.saw(page is None)
        if page is None:
            opens_on = spec.get("opens_on") or today - timedelta(days=spec["opens_days_ago"])
            closes_on = add_working_days(opens_on, 10)
            page = ConsultationPage(
                title=spec["title"],
                slug=spec["slug"],
                award_text=spec["award_text"],
                opens_on=opens_on,
                working_days=10,
                council_meeting_on=closes_on + timedelta(days=7),
                summary=spec["summary"],
                contact=spec["contact"],
                body=[{"type": "paragraph", "value": paragraph(HOW_TO_COMMENT)}],
            )
            page.nominees = in_order(
                [
                    ConsultationNominee(
                        name=name,
                        subject_type=subject_type,
                        position=position,
                        locality=locality,
                        achievements=achievements,
                        story=_story_named(name),
                    )
                    for name, subject_type, position, locality, achievements in spec["nominees"]
                ]
            )
            page = add_page(unit, page, user=admin, published_at=aware(opens_on, 8))
            nominees = list(page.nominees.all())
            for offset, (index, name, contact, locality, text, stance) in enumerate(spec["comments"]):
                ConsultationComment.objects.create(
                    consultation=page,
                    nominee=nominees[index] if index is not None else None,
                    name=name,
                    contact=contact.replace(" ", ""),
                    locality=locality,
                    text=text,
                    created_at=aware(min(opens_on + timedelta(days=offset), today), 10 + offset),
                    stance="" if stance == "spam" else stance,
                    is_spam=stance == "spam",
                    moderated_by=admin if stance else None,
                    moderated_at=timezone.now() if stance else None,
                )
            if page.state() == "closed":  # closed long ago: the office needs no e-mail about it now
                ConsultationClosing.objects.get_or_create(consultation=page)
        pages.append(page)
    count.extra["đang mở / open"] = sum(1 for page in pages if page.state() == "open")
    return pages, count

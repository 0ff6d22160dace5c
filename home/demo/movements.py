"""Demo emulation movements: those named in the seed plans, and a few national and local ones."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser

from cms.vietnamese import vietnamese_slugify
from exemplar_pages.models import Locality, MovementPage, UnitPage

from .builder import StageCount, add_page, aware, paragraph
from .images import give_photos

S = MovementPage.Scope
ONGOING, CLOSED = MovementPage.Status.ONGOING, MovementPage.Status.CLOSED
NTM_CAMPAIGN = "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"
TAN_BIEN_BODY = "UBND huyện Tân Biên"
DONG_NAI_BODY = "UBND tỉnh Đồng Nai"
PRIME_MINISTER = "Thủ tướng Chính phủ"

#: key, unit slug (parent page), title, slogan, launching body, scope, campaign, start, end, status,
#: locality path ("" = nationwide), launch date, summary.
MOVEMENTS: list[tuple] = [
    (
        "tb-ntm",
        "ubnd-huyen-tan-bien",
        "Tân Biên chung sức xây dựng nông thôn mới",
        "Cả huyện chung sức – nông thôn đổi mới",
        TAN_BIEN_BODY,
        S.DISTRICT,
        NTM_CAMPAIGN,
        2021,
        2025,
        CLOSED,
        "Tây Ninh › Tân Biên",
        date(2021, 2, 9),
        "Phong trào của huyện Tân Biên huy động Nhân dân hiến đất, góp công làm đường, phát triển sản xuất "
        "để các xã đạt và giữ vững chuẩn nông thôn mới.",
    ),
    (
        "tb-ngheo",
        "ubnd-huyen-tan-bien",
        "Tân Biên chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        "Không để ai bị bỏ lại phía sau",
        TAN_BIEN_BODY,
        S.DISTRICT,
        "",
        2021,
        2025,
        CLOSED,
        "Tây Ninh › Tân Biên",
        date(2021, 2, 9),
        "Huy động cộng đồng hỗ trợ nhà ở, sinh kế, vốn vay và học bổng để hộ nghèo, hộ cận nghèo vươn lên "
        "thoát nghèo bền vững.",
    ),
    (
        "tb-dn",
        "ubnd-huyen-tan-bien",
        "Doanh nghiệp Tân Biên hội nhập và phát triển",
        "Doanh nghiệp mạnh – huyện nhà giàu",
        TAN_BIEN_BODY,
        S.DISTRICT,
        "",
        2021,
        2025,
        CLOSED,
        "Tây Ninh › Tân Biên",
        date(2021, 2, 9),
        "Khuyến khích doanh nghiệp, hợp tác xã đổi mới công nghệ, tạo việc làm và tham gia công tác an sinh.",
    ),
    (
        "tb-vhcs",
        "ubnd-huyen-tan-bien",
        "Cán bộ, công chức, viên chức huyện Tân Biên thi đua thực hiện văn hóa công sở",
        "Kỷ cương – trách nhiệm – thân thiện",
        TAN_BIEN_BODY,
        S.DISTRICT,
        "Cán bộ, công chức, viên chức nói không với tiêu cực",
        2021,
        2025,
        CLOSED,
        "Tây Ninh › Tân Biên",
        date(2021, 2, 9),
        "Xây dựng tác phong làm việc chuẩn mực, thân thiện với người dân và doanh nghiệp tại các cơ quan huyện.",
    ),
    (
        "tb-cqdt",
        "ubnd-huyen-tan-bien",
        "Thực hiện chính quyền điện tử",
        "Người dân ít phải đi lại, hồ sơ đi nhanh hơn",
        TAN_BIEN_BODY,
        S.DISTRICT,
        "",
        2021,
        2025,
        CLOSED,
        "Tây Ninh › Tân Biên",
        date(2021, 2, 9),
        "Đẩy mạnh ứng dụng công nghệ thông tin, dịch vụ công trực tuyến và chuyển đổi số trong các cơ quan, "
        "đơn vị của huyện.",
    ),
    (
        "tt-dvc",
        "ubnd-thi-tran-tan-bien",
        "Thực hiện công tác cải cách hành chính, vận động Nhân dân sử dụng dịch vụ công mức độ 4",
        "Dịch vụ công trực tuyến – nhanh, gọn, minh bạch",
        "UBND thị trấn Tân Biên",
        S.COMMUNE,
        "",
        2022,
        2025,
        CLOSED,
        "Tây Ninh › Tân Biên › Thị trấn Tân Biên",
        date(2022, 3, 1),
        "Tổ công nghệ số cộng đồng hướng dẫn từng hộ dân nộp hồ sơ trực tuyến, thanh toán không dùng tiền mặt.",
    ),
    (
        "nat-vh",
        "so-noi-vu-tinh-tay-ninh",
        "Toàn dân đoàn kết xây dựng đời sống văn hóa",
        "Đoàn kết, văn minh, nghĩa tình",
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        S.NATIONAL,
        "",
        2021,
        2025,
        ONGOING,
        "",
        date(2021, 1, 15),
        "Phong trào toàn quốc xây dựng gia đình văn hóa, khu dân cư văn hóa, nếp sống văn minh ở mọi địa bàn.",
    ),
    (
        "nat-ngheo",
        "so-noi-vu-tinh-tay-ninh",
        "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        "Không để ai bị bỏ lại phía sau",
        PRIME_MINISTER,
        S.NATIONAL,
        "",
        2021,
        2025,
        ONGOING,
        "",
        date(2021, 1, 15),
        "Phong trào thi đua toàn quốc vì mục tiêu giảm nghèo đa chiều, bao trùm và bền vững.",
    ),
    (
        "nat-vhcs",
        "so-noi-vu-tinh-tay-ninh",
        "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        "Văn hóa công sở – văn minh, chuyên nghiệp",
        PRIME_MINISTER,
        S.NATIONAL,
        "",
        2019,
        2025,
        ONGOING,
        "",
        date(2021, 1, 15),
        "Phong trào thi đua giai đoạn 2019–2025 về tinh thần, thái độ phục vụ Nhân dân của cán bộ, công chức, "
        "viên chức.",
    ),
    (
        "nat-htht",
        "so-noi-vu-tinh-tay-ninh",
        "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại, thực hành tiết kiệm, chống lãng phí",
        "Hạ tầng đồng bộ – tiết kiệm, hiệu quả",
        PRIME_MINISTER,
        S.NATIONAL,
        "",
        2021,
        2025,
        ONGOING,
        "",
        date(2022, 1, 10),
        "Phong trào thi đua toàn quốc về đầu tư hạ tầng giao thông, đô thị, số và thực hành tiết kiệm.",
    ),
    (
        "dn-ntm",
        "van-phong-ubnd-tinh-dong-nai",
        "Toàn tỉnh chung sức xây dựng nông thôn mới",
        "Đồng Nai chung sức xây dựng nông thôn mới nâng cao, kiểu mẫu",
        DONG_NAI_BODY,
        S.PROVINCE,
        NTM_CAMPAIGN,
        2021,
        2025,
        ONGOING,
        "Đồng Nai",
        date(2021, 3, 1),
        "Phong trào của tỉnh Đồng Nai hướng tới các xã nông thôn mới nâng cao, kiểu mẫu và khu dân cư "
        "nông thôn mới kiểu mẫu.",
    ),
    (
        "dn-dn",
        "van-phong-ubnd-tinh-dong-nai",
        "Doanh nghiệp Đồng Nai hội nhập và phát triển",
        "Doanh nghiệp đổi mới, hội nhập, phát triển bền vững",
        DONG_NAI_BODY,
        S.PROVINCE,
        "",
        2021,
        2025,
        ONGOING,
        "Đồng Nai",
        date(2021, 3, 1),
        "Tôn vinh doanh nghiệp, doanh nhân có sản phẩm chất lượng, đóng góp ngân sách và chăm lo người lao động.",
    ),
    (
        "kl-ntm",
        "ubnd-xa-kim-lien",
        "Kim Liên chung sức xây dựng nông thôn mới kiểu mẫu",
        "Quê Bác sáng – xanh – sạch – đẹp",
        "UBND xã Kim Liên",
        S.COMMUNE,
        NTM_CAMPAIGN,
        2021,
        2025,
        ONGOING,
        "Nghệ An › Nam Đàn › Xã Kim Liên",
        date(2021, 4, 5),
        "Mỗi xóm một tuyến đường hoa, mỗi gia đình một vườn mẫu, giữ gìn cảnh quan Khu di tích Kim Liên.",
    ),
]


def seed_movements(
    units: dict[str, UnitPage], localities: dict[str, Locality], admin: AbstractBaseUser
) -> tuple[dict[str, MovementPage], StageCount]:
    """Create the movement pages under their launching units; return them by key."""
    count = StageCount("Phong trào / Movements")
    movements: dict[str, MovementPage] = {}
    for key, unit, title, slogan, body, scope, campaign, start, end, status, place, launched, summary in MOVEMENTS:
        parent, slug = units[unit], vietnamese_slugify(title, max_length=240)
        existing = MovementPage.objects.filter(slug=slug).first()  # wherever editors have moved it
        count.saw(existing is None)
        if existing is not None:
            movements[key] = existing
            continue
        page = MovementPage(
            slug=slug,
            title=title,
            slogan=slogan,
            launching_body=body,
            scope=scope,
            campaign=campaign,
            period_start=start,
            period_end=end,
            status=status,
            locality=localities[place] if place else None,
            summary=summary,
            body=paragraph(summary)
            + paragraph(f"Cơ quan phát động: {body}. Giai đoạn {start}–{end}.")
            + (paragraph(f"Phong trào gắn với Cuộc vận động “{campaign}”.") if campaign else ""),
            owner=parent.owner,
        )
        give_photos(page)
        movements[key] = add_page(parent, page, user=admin, published_at=aware(launched, 8, 30))
    return movements, count

"""Demo unit pages (public bodies), the two standing columns and the home page's introduction."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from wagtail.models import Page

from exemplar_pages.models import ColumnPage, Locality, UnitPage

from .builder import StageCount, add_page, aware, find_child

#: Public bodies: slug, parent slug ("" = the home page), title, full name, locality path, introduction.
UNITS: list[dict[str, str]] = [
    {
        "slug": "ubnd-huyen-tan-bien",
        "parent": "",
        "title": "UBND huyện Tân Biên",
        "full_name": "Ủy ban nhân dân huyện Tân Biên",
        "locality": "Tây Ninh › Tân Biên",
        "intro": "Kế hoạch, phong trào thi đua và gương điển hình tiên tiến của huyện Tân Biên, tỉnh Tây Ninh "
        "(giai đoạn 2021–2025, trước khi tổ chức lại đơn vị hành chính năm 2025).",
    },
    {
        "slug": "ubnd-thi-tran-tan-bien",
        "parent": "ubnd-huyen-tan-bien",
        "title": "UBND thị trấn Tân Biên",
        "full_name": "Ủy ban nhân dân thị trấn Tân Biên",
        "locality": "Tây Ninh › Tân Biên › Thị trấn Tân Biên",
        "intro": "Hội đồng Thi đua – Khen thưởng thị trấn Tân Biên giới thiệu các điển hình tiên tiến, "
        "mô hình mới, nhân tố mới trên địa bàn các khu phố.",
    },
    {
        "slug": "van-phong-ubnd-tinh-dong-nai",
        "parent": "",
        "title": "Văn phòng UBND tỉnh Đồng Nai",
        "full_name": "Văn phòng Ủy ban nhân dân tỉnh Đồng Nai",
        "locality": "Đồng Nai",
        "intro": "Công tác thi đua, khen thưởng của Văn phòng UBND tỉnh và các phong trào thi đua do UBND tỉnh "
        "Đồng Nai phát động.",
    },
    {
        "slug": "so-noi-vu-tinh-tay-ninh",
        "parent": "",
        "title": "Sở Nội vụ tỉnh Tây Ninh",
        "full_name": "Sở Nội vụ tỉnh Tây Ninh (Ban Thi đua – Khen thưởng)",
        "locality": "Tây Ninh",
        "intro": "Cơ quan thường trực Hội đồng Thi đua – Khen thưởng tỉnh; theo dõi các phong trào thi đua "
        "toàn quốc triển khai trên địa bàn tỉnh.",
    },
    {
        "slug": "ubnd-xa-kim-lien",
        "parent": "",
        "title": "UBND xã Kim Liên",
        "full_name": "Ủy ban nhân dân xã Kim Liên, huyện Nam Đàn, tỉnh Nghệ An",
        "locality": "Nghệ An › Nam Đàn › Xã Kim Liên",
        "intro": "Quê hương Chủ tịch Hồ Chí Minh thi đua xây dựng nông thôn mới kiểu mẫu.",
    },
    {
        "slug": "so-noi-vu-tinh-nghe-an",
        "parent": "",
        "title": "Sở Nội vụ tỉnh Nghệ An",
        "full_name": "Sở Nội vụ tỉnh Nghệ An (Ban Thi đua – Khen thưởng)",
        "locality": "Nghệ An",
        "intro": "Gương điển hình tiên tiến, người tốt việc tốt trên địa bàn tỉnh Nghệ An.",
    },
    {
        "slug": "ubnd-huyen-dong-anh",
        "parent": "",
        "title": "UBND huyện Đông Anh",
        "full_name": "Ủy ban nhân dân huyện Đông Anh, thành phố Hà Nội",
        "locality": "Hà Nội › Đông Anh",
        "intro": "Điển hình tiên tiến của huyện Đông Anh, thành phố Hà Nội.",
    },
    {
        "slug": "so-noi-vu-tinh-dak-lak",
        "parent": "",
        "title": "Sở Nội vụ tỉnh Đắk Lắk",
        "full_name": "Sở Nội vụ tỉnh Đắk Lắk (Ban Thi đua – Khen thưởng)",
        "locality": "Đắk Lắk",
        "intro": "Gương người tốt, việc tốt trên địa bàn tỉnh Đắk Lắk, gồm cả địa bàn tỉnh Phú Yên cũ.",
    },
    {
        "slug": "so-noi-vu-thanh-pho-can-tho",
        "parent": "",
        "title": "Sở Nội vụ thành phố Cần Thơ",
        "full_name": "Sở Nội vụ thành phố Cần Thơ (Ban Thi đua – Khen thưởng)",
        "locality": "Cần Thơ",
        "intro": "Phong trào thi đua yêu nước và điển hình tiên tiến của thành phố Cần Thơ, gồm cả địa bàn "
        "tỉnh Hậu Giang và tỉnh Sóc Trăng cũ.",
    },
]

#: The two standing columns of DESIGN §1.
COLUMNS: list[dict] = [
    {
        "slug": "thi-dua-yeu-nuoc",
        "title": "Thi đua yêu nước",
        "intro": "<p>Kế hoạch, phong trào thi đua yêu nước của các cơ quan, đơn vị, địa phương: "
        "nội dung, thời hạn thực hiện và kết quả.</p>",
        "include_stories": False,
        "include_plans": True,
        "include_movements": True,
    },
    {
        "slug": "dien-hinh-tien-tien",
        "title": "Điển hình tiên tiến",
        "intro": "<p>Gương điển hình tiên tiến, gương người tốt việc tốt, mô hình mới, nhân tố mới: cá nhân, "
        "tập thể và hộ gia đình tiêu biểu trên mọi lĩnh vực.</p>",
        "include_stories": True,
        "include_plans": False,
        "include_movements": False,
    },
]

HOME_INTRO = (
    "<p>Cổng thông tin tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, "
    "mô hình mới, nhân tố mới. Mọi bài viết được Hội đồng Thi đua – Khen thưởng duyệt trước khi đăng.</p>"
)

UNITS_PUBLISHED_ON = aware(date(2021, 1, 4))


def seed_units(
    home: Page, localities: dict[str, Locality], admin: AbstractBaseUser, owners: dict[str, AbstractBaseUser]
) -> tuple[dict[str, UnitPage], StageCount]:
    """Create the unit pages under the home page (or their parent unit); return them by slug."""
    count = StageCount("Đơn vị / Unit pages")
    units: dict[str, UnitPage] = {}
    for spec in UNITS:
        parent = units[spec["parent"]] if spec["parent"] else home
        page = find_child(parent, spec["slug"])
        if page is None:
            page = UnitPage(
                title=spec["title"],
                slug=spec["slug"],
                full_name=spec["full_name"],
                locality=localities[spec["locality"]],
                intro=f"<p>{spec['intro']}</p>",
                owner=owners.get(spec["slug"], admin),
            )
            add_page(parent, page, user=admin, published_at=UNITS_PUBLISHED_ON)
            count.saw(True)
        else:
            count.saw(False)
        units[spec["slug"]] = page
    return units, count


def seed_columns(home: Page, admin: AbstractBaseUser) -> StageCount:
    """Create the two columns and give the home page an introduction when it has none."""
    count = StageCount("Chuyên mục / Columns")
    for spec in COLUMNS:
        if find_child(home, spec["slug"]) is not None:
            count.saw(False)
            continue
        add_page(home, ColumnPage(**spec), user=admin, published_at=UNITS_PUBLISHED_ON)
        count.saw(True)
    home = home.specific
    if hasattr(home, "intro") and not home.intro:
        home.intro = HOME_INTRO
        home.save_revision(user=admin, log_action=True).publish(user=admin)
    return count

"""The demo agency's identity (header and footer): an example body, not a real one."""

from __future__ import annotations

import io
import math

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Site

from home.demo.builder import StageCount
from home.models import AgencyIdentity

EMBLEM_TITLE = "Biểu trưng mẫu – Hội đồng Thi đua – Khen thưởng"

DEMO_IDENTITY = {
    "name": "Hội đồng Thi đua – Khen thưởng tỉnh Mẫu",
    "parent_agency": "Ủy ban nhân dân tỉnh Mẫu",
    "name_en": "Emulation and Commendation Council of Mau Province",
    "parent_agency_en": "People's Committee of Mau Province",
    "address": "Số 1 đường Ví Dụ, phường Mẫu, tỉnh Mẫu",
    "phone": "0200 3 000 000",
    "email": "thiduakhenthuong@example.gov.vn",
    "responsible_person": "Nguyễn Văn Mẫu – Phó Trưởng ban Thi đua – Khen thưởng",
    "licence": "Giấy phép số 00/GP-TTĐT (ví dụ, dữ liệu minh họa) ngày 01/01/2026 của Sở Văn hóa, Thể thao và Du lịch",
}


def emblem_png(size: int = 256) -> bytes:
    """A plain example emblem drawn here (no download): a gold star on a red disc in a gold ring."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    ring, disc = size * 0.02, size * 0.08
    draw.ellipse((ring, ring, size - ring, size - ring), fill=(232, 184, 48, 255))
    draw.ellipse((disc, disc, size - disc, size - disc), fill=(176, 20, 20, 255))
    centre, outer, inner = size / 2, size * 0.34, size * 0.13
    points = [
        (
            centre + (outer if i % 2 == 0 else inner) * math.sin(i * math.pi / 5),
            centre - (outer if i % 2 == 0 else inner) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    draw.polygon(points, fill=(250, 214, 64, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def seed_identity(site: Site) -> StageCount:
    """Fill the site's agency identity with the example body, keeping values an editor already changed."""
    count = StageCount("Thông tin cơ quan / Agency identity")
    Image = get_image_model()
    emblem = Image.objects.filter(title=EMBLEM_TITLE).first()
    if emblem is None:
        emblem = Image(title=EMBLEM_TITLE)
        emblem.file = ImageFile(io.BytesIO(emblem_png()), name="bieu-trung-mau.png")
        emblem.save()
    identity = AgencyIdentity.for_site(site)
    created = not identity.address
    if created:
        for field, value in DEMO_IDENTITY.items():
            setattr(identity, field, value)
    for field in ("name_en", "parent_agency_en"):  # added after the first demo: fill an old demo's blanks
        if not getattr(identity, field):
            setattr(identity, field, DEMO_IDENTITY[field])
    if identity.emblem_id is None:
        identity.emblem = emblem
    identity.save()
    count.saw(created)
    return count

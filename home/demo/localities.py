"""Demo localities: provinces › districts › communes before 2025, and the 2025 reform's successors."""

from __future__ import annotations

from exemplar_pages.models import Locality, LocalityAlias

from .builder import StageCount

K = Locality.Kind
SEP = " › "

#: (path from the province down, kind, explicit slug or "") before the 2025 reform.
#: Communes take their kind from their prefix (Xã, Phường, Thị trấn).
TREE: list[tuple[str, str, str]] = [
    ("Tây Ninh", K.PROVINCE, ""),
    ("Tây Ninh › Tân Biên", K.DISTRICT, ""),
    ("Tây Ninh › Tân Biên › Thị trấn Tân Biên", "", ""),
    ("Tây Ninh › Tân Biên › Xã Tân Lập", "", ""),
    ("Tây Ninh › Tân Biên › Xã Thạnh Tây", "", ""),
    ("Tây Ninh › Tân Biên › Xã Tân Phong", "", ""),
    ("Tây Ninh › Tân Biên › Xã Thạnh Bắc", "", ""),
    ("Tây Ninh › Tân Biên › Xã Thạnh Bình", "", ""),
    ("Tây Ninh › Tân Biên › Xã Hòa Hiệp", "", ""),
    ("Tây Ninh › Tân Biên › Xã Tân Bình", "", ""),
    ("Tây Ninh › Tân Biên › Xã Mỏ Công", "", ""),
    ("Tây Ninh › Tân Biên › Xã Trà Vong", "", ""),
    ("Tây Ninh › Tây Ninh", K.PROVINCIAL_CITY, "thanh-pho-tay-ninh"),
    ("Tây Ninh › Tây Ninh › Phường 1", "", ""),
    ("Tây Ninh › Tây Ninh › Phường 3", "", ""),
    ("Tây Ninh › Tây Ninh › Phường Hiệp Ninh", "", ""),
    ("Tây Ninh › Tây Ninh › Phường Ninh Sơn", "", ""),
    ("Tây Ninh › Châu Thành", K.DISTRICT, "chau-thanh-tay-ninh"),
    ("Tây Ninh › Châu Thành › Thị trấn Châu Thành", "", ""),
    ("Tây Ninh › Châu Thành › Xã Hảo Đước", "", ""),
    ("Long An", K.PROVINCE, ""),
    ("Long An › Đức Hòa", K.DISTRICT, ""),
    ("Long An › Đức Hòa › Thị trấn Hậu Nghĩa", "", ""),
    ("Long An › Đức Hòa › Xã Đức Lập Hạ", "", ""),
    ("Long An › Cần Giuộc", K.DISTRICT, ""),
    ("Long An › Cần Giuộc › Thị trấn Cần Giuộc", "", ""),
    ("Long An › Cần Giuộc › Xã Phước Lại", "", ""),
    ("Đồng Nai", K.PROVINCE, ""),
    ("Đồng Nai › Biên Hòa", K.PROVINCIAL_CITY, ""),
    ("Đồng Nai › Biên Hòa › Phường Tân Phong", "", ""),
    ("Đồng Nai › Biên Hòa › Phường Tân Biên", "", ""),
    ("Đồng Nai › Biên Hòa › Phường Quyết Thắng", "", ""),
    ("Đồng Nai › Biên Hòa › Phường Trung Dũng", "", ""),
    ("Đồng Nai › Biên Hòa › Phường Thanh Bình", "", ""),
    ("Đồng Nai › Biên Hòa › Phường Hố Nai", "", ""),
    ("Đồng Nai › Biên Hòa › Phường Long Bình", "", ""),
    ("Đồng Nai › Biên Hòa › Phường Tam Hiệp", "", ""),
    ("Đồng Nai › Long Khánh", K.PROVINCIAL_CITY, ""),
    ("Đồng Nai › Long Khánh › Phường Xuân An", "", ""),
    ("Đồng Nai › Long Khánh › Xã Bảo Quang", "", ""),
    ("Đồng Nai › Định Quán", K.DISTRICT, ""),
    ("Đồng Nai › Định Quán › Thị trấn Định Quán", "", ""),
    ("Đồng Nai › Định Quán › Xã Phú Vinh", "", ""),
    ("Đồng Nai › Xuân Lộc", K.DISTRICT, ""),
    ("Đồng Nai › Xuân Lộc › Thị trấn Gia Ray", "", ""),
    ("Đồng Nai › Xuân Lộc › Xã Xuân Bắc", "", ""),
    ("Bình Phước", K.PROVINCE, ""),
    ("Bình Phước › Đồng Xoài", K.PROVINCIAL_CITY, ""),
    ("Bình Phước › Đồng Xoài › Phường Tân Phú", "", ""),
    ("Bình Phước › Bù Đăng", K.DISTRICT, ""),
    ("Bình Phước › Bù Đăng › Xã Đăk Nhau", "", ""),
    ("Hà Nội", K.CENTRAL_CITY, ""),
    ("Hà Nội › Ba Đình", K.URBAN_DISTRICT, ""),
    ("Hà Nội › Ba Đình › Phường Điện Biên", "", ""),
    ("Hà Nội › Ba Đình › Phường Kim Mã", "", ""),
    ("Hà Nội › Ba Đình › Phường Ngọc Hà", "", ""),
    ("Hà Nội › Đông Anh", K.DISTRICT, ""),
    ("Hà Nội › Đông Anh › Thị trấn Đông Anh", "", ""),
    ("Hà Nội › Đông Anh › Xã Uy Nỗ", "", ""),
    ("Hà Nội › Đông Anh › Xã Cổ Loa", "", ""),
    ("Hà Nội › Sóc Sơn", K.DISTRICT, ""),
    ("Hà Nội › Sóc Sơn › Xã Minh Phú", "", ""),
    ("Nghệ An", K.PROVINCE, ""),
    ("Nghệ An › Vinh", K.PROVINCIAL_CITY, ""),
    ("Nghệ An › Vinh › Phường Hưng Dũng", "", ""),
    ("Nghệ An › Vinh › Phường Lê Lợi", "", ""),
    ("Nghệ An › Vinh › Phường Bến Thủy", "", ""),
    ("Nghệ An › Nam Đàn", K.DISTRICT, ""),
    ("Nghệ An › Nam Đàn › Thị trấn Nam Đàn", "", ""),
    ("Nghệ An › Nam Đàn › Xã Kim Liên", "", ""),
    ("Nghệ An › Quỳnh Lưu", K.DISTRICT, ""),
    ("Nghệ An › Quỳnh Lưu › Xã Quỳnh Lương", "", ""),
    ("Nghệ An › Con Cuông", K.DISTRICT, ""),
    ("Nghệ An › Con Cuông › Xã Môn Sơn", "", ""),
    ("Đắk Lắk", K.PROVINCE, ""),
    ("Đắk Lắk › Buôn Ma Thuột", K.PROVINCIAL_CITY, ""),
    ("Đắk Lắk › Buôn Ma Thuột › Phường Tân Lợi", "", ""),
    ("Đắk Lắk › Buôn Ma Thuột › Phường Thành Công", "", ""),
    ("Đắk Lắk › Buôn Ma Thuột › Xã Ea Tu", "", ""),
    ("Đắk Lắk › Krông Pắc", K.DISTRICT, ""),
    ("Đắk Lắk › Krông Pắc › Thị trấn Phước An", "", ""),
    ("Đắk Lắk › Krông Pắc › Xã Ea Knuếc", "", ""),
    ("Đắk Lắk › Lắk", K.DISTRICT, ""),
    ("Đắk Lắk › Lắk › Xã Buôn Triết", "", ""),
    ("Phú Yên", K.PROVINCE, ""),
    ("Phú Yên › Tuy An", K.DISTRICT, ""),
    ("Phú Yên › Tuy An › Xã An Ninh Đông", "", ""),
    ("Cần Thơ", K.CENTRAL_CITY, ""),
    ("Cần Thơ › Ninh Kiều", K.URBAN_DISTRICT, ""),
    ("Cần Thơ › Ninh Kiều › Phường An Khánh", "", ""),
    ("Cần Thơ › Ninh Kiều › Phường Xuân Khánh", "", ""),
    ("Cần Thơ › Ninh Kiều › Phường Tân An", "", ""),
    ("Cần Thơ › Phong Điền", K.DISTRICT, ""),
    ("Cần Thơ › Phong Điền › Thị trấn Phong Điền", "", ""),
    ("Cần Thơ › Phong Điền › Xã Mỹ Khánh", "", ""),
    ("Cần Thơ › Thới Lai", K.DISTRICT, ""),
    ("Cần Thơ › Thới Lai › Xã Trường Xuân", "", ""),
    ("Hậu Giang", K.PROVINCE, ""),
    ("Hậu Giang › Phụng Hiệp", K.DISTRICT, ""),
    ("Hậu Giang › Phụng Hiệp › Xã Hòa An", "", ""),
    ("Sóc Trăng", K.PROVINCE, ""),
    ("Sóc Trăng › Mỹ Xuyên", K.DISTRICT, ""),
    ("Sóc Trăng › Mỹ Xuyên › Xã Hòa Tú 1", "", ""),
]

#: Communes and wards created by the 2025 reform (from 1 July 2025 there is no district level), each with the
#: units it succeeds. The provinces' mergers come with every portal (migration 0016).
REFORM: list[tuple[str, list[str]]] = [
    (
        "Tây Ninh › Xã Tân Biên",
        [
            "Tây Ninh › Tân Biên › Thị trấn Tân Biên",
            "Tây Ninh › Tân Biên › Xã Thạnh Tây",
            "Tây Ninh › Tân Biên › Xã Tân Phong",
        ],
    ),
    (
        "Tây Ninh › Phường Tân Ninh",
        ["Tây Ninh › Tây Ninh › Phường 1", "Tây Ninh › Tây Ninh › Phường 3", "Tây Ninh › Tây Ninh › Phường Hiệp Ninh"],
    ),
    ("Tây Ninh › Xã Hậu Nghĩa", ["Long An › Đức Hòa › Thị trấn Hậu Nghĩa", "Long An › Đức Hòa › Xã Đức Lập Hạ"]),
    (
        "Đồng Nai › Phường Trấn Biên",
        [
            "Đồng Nai › Biên Hòa › Phường Quyết Thắng",
            "Đồng Nai › Biên Hòa › Phường Trung Dũng",
            "Đồng Nai › Biên Hòa › Phường Thanh Bình",
        ],
    ),
    (
        "Đồng Nai › Phường Long Khánh",
        ["Đồng Nai › Long Khánh › Phường Xuân An", "Đồng Nai › Long Khánh › Xã Bảo Quang"],
    ),
    ("Hà Nội › Phường Ba Đình", ["Hà Nội › Ba Đình › Phường Điện Biên", "Hà Nội › Ba Đình › Phường Ngọc Hà"]),
    ("Hà Nội › Xã Đông Anh", ["Hà Nội › Đông Anh › Thị trấn Đông Anh", "Hà Nội › Đông Anh › Xã Uy Nỗ"]),
    ("Nghệ An › Xã Kim Liên", ["Nghệ An › Nam Đàn › Xã Kim Liên"]),
    (
        "Đắk Lắk › Phường Buôn Ma Thuột",
        ["Đắk Lắk › Buôn Ma Thuột › Phường Tân Lợi", "Đắk Lắk › Buôn Ma Thuột › Phường Thành Công"],
    ),
    ("Cần Thơ › Phường Ninh Kiều", ["Cần Thơ › Ninh Kiều › Phường Tân An", "Cần Thơ › Ninh Kiều › Phường An Khánh"]),
]

#: Explicit slugs for post-reform units whose name a pre-reform unit already uses.
REFORM_SLUGS = {"Nghệ An › Xã Kim Liên": "xa-kim-lien-nghe-an"}

#: Other names people write: abbreviations and full administrative names.
ALIASES: dict[str, list[str]] = {
    "Tây Ninh": ["Tỉnh Tây Ninh"],
    "Tây Ninh › Tân Biên": ["Huyện Tân Biên"],
    "Tây Ninh › Tân Biên › Thị trấn Tân Biên": ["TT. Tân Biên", "TT Tân Biên"],
    "Đồng Nai › Biên Hòa": ["TP. Biên Hòa", "Thành phố Biên Hòa"],
    "Hà Nội": ["TP. Hà Nội", "Thủ đô Hà Nội"],
    "Cần Thơ": ["TP. Cần Thơ"],
    "Nghệ An › Vinh": ["TP. Vinh"],
    "Đắk Lắk": ["Đắc Lắc", "Dak Lak"],
    "Đắk Lắk › Buôn Ma Thuột": ["TP. Buôn Ma Thuột", "Ban Mê Thuột"],
}

COMMUNE_PREFIXES = {"Xã ": K.COMMUNE, "Phường ": K.WARD, "Thị trấn ": K.TOWNSHIP}
DISTRICT_KINDS = {K.DISTRICT, K.URBAN_DISTRICT, K.TOWN, K.PROVINCIAL_CITY}


def _kind_for(name: str, kind: str) -> str:
    """The explicit kind, or the kind a commune's prefix implies."""
    if kind:
        return kind
    for prefix, prefix_kind in COMMUNE_PREFIXES.items():
        if name.startswith(prefix):
            return prefix_kind
    return K.OTHER


def _ensure(path: str, kind: str, slug: str, by_path: dict[str, Locality], count: StageCount) -> Locality:
    """Find the locality at ``path`` (by name under its parent) or create it."""
    *parents, name = path.split(SEP)
    parent = by_path[SEP.join(parents)] if parents else None
    locality = Locality.objects.filter(name=name, parent=parent).first()
    created = locality is None
    if created:
        locality = Locality(name=name, parent=parent, kind=_kind_for(name, kind), slug=slug)
        locality.save()
    count.saw(created)
    by_path[path] = locality
    return locality


def seed_localities() -> tuple[dict[str, Locality], StageCount]:
    """Create the locality tree, the reform's successors and the aliases; return localities by path."""
    count = StageCount("Địa bàn / Localities")
    by_path: dict[str, Locality] = {}
    for path, kind, slug in TREE:
        _ensure(path, kind, slug, by_path, count)
    for new_path, old_paths in REFORM:
        new = by_path.get(new_path) or _ensure(new_path, "", REFORM_SLUGS.get(new_path, ""), by_path, count)
        for old_path in old_paths:
            old = by_path[old_path]
            if old.successor_id != new.pk or old.is_active:
                old.successor, old.is_active = new, False
                old.save()
    for locality in by_path.values():
        if locality.kind in DISTRICT_KINDS and locality.is_active:
            locality.is_active = False  # the district level was abolished on 1 July 2025
            locality.save()
    for path, names in ALIASES.items():
        for name in names:
            LocalityAlias.objects.get_or_create(locality=by_path[path], name=name)
    count.extra["tên gọi khác / aliases"] = LocalityAlias.objects.filter(locality__in=by_path.values()).count()
    return by_path, count

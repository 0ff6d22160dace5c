"""The country's provinces and centrally-run cities: the 63 before the 2025 reform, and which of them the 34 of
Resolution 202/2025/QH15 (12 June 2025) absorbed. A list from any body then names its province as the portal
does: "Yên Bái / huyện Văn Yên / …" is the former province, filed as Lào Cai's (its successor), never a new one.

Existing top-level localities of the same name or alias are kept (their slugs, aliases, children and successor); only
what is missing is added."""

from django.db import migrations

from cms.vietnamese import vietnamese_slugify, vietnamese_sort_key

PROVINCE = "tinh"
CITY = "thanh-pho-truc-thuoc-trung-uong"

#: The 34 units from 12 June 2025: (name, kind, the units merged into it, other names people write).
REFORM = [
    ("Hà Nội", CITY, [], ["Thủ đô Hà Nội", "TP. Hà Nội"]),
    ("Huế", CITY, [], ["Thừa Thiên Huế", "TP. Huế"]),
    ("Lai Châu", PROVINCE, [], []),
    ("Điện Biên", PROVINCE, [], []),
    ("Sơn La", PROVINCE, [], []),
    ("Lạng Sơn", PROVINCE, [], []),
    ("Quảng Ninh", PROVINCE, [], []),
    ("Thanh Hóa", PROVINCE, [], []),
    ("Nghệ An", PROVINCE, [], []),
    ("Hà Tĩnh", PROVINCE, [], []),
    ("Cao Bằng", PROVINCE, [], []),
    ("Tuyên Quang", PROVINCE, ["Hà Giang"], []),
    ("Lào Cai", PROVINCE, ["Yên Bái"], []),
    ("Thái Nguyên", PROVINCE, ["Bắc Kạn"], []),
    ("Phú Thọ", PROVINCE, ["Vĩnh Phúc", "Hòa Bình"], []),
    ("Bắc Ninh", PROVINCE, ["Bắc Giang"], []),
    ("Hưng Yên", PROVINCE, ["Thái Bình"], []),
    ("Hải Phòng", CITY, ["Hải Dương"], ["TP. Hải Phòng"]),
    ("Ninh Bình", PROVINCE, ["Hà Nam", "Nam Định"], []),
    ("Quảng Trị", PROVINCE, ["Quảng Bình"], []),
    ("Đà Nẵng", CITY, ["Quảng Nam"], ["TP. Đà Nẵng"]),
    ("Quảng Ngãi", PROVINCE, ["Kon Tum"], []),
    ("Gia Lai", PROVINCE, ["Bình Định"], []),
    ("Khánh Hòa", PROVINCE, ["Ninh Thuận"], []),
    ("Lâm Đồng", PROVINCE, ["Đắk Nông", "Bình Thuận"], []),
    ("Đắk Lắk", PROVINCE, ["Phú Yên"], ["Đắc Lắc"]),
    ("Hồ Chí Minh", CITY, ["Bình Dương", "Bà Rịa - Vũng Tàu"], ["TP. Hồ Chí Minh", "TP.HCM", "TPHCM", "Sài Gòn"]),
    ("Đồng Nai", PROVINCE, ["Bình Phước"], []),
    ("Tây Ninh", PROVINCE, ["Long An"], []),
    ("Cần Thơ", CITY, ["Sóc Trăng", "Hậu Giang"], ["TP. Cần Thơ"]),
    ("Vĩnh Long", PROVINCE, ["Bến Tre", "Trà Vinh"], []),
    ("Đồng Tháp", PROVINCE, ["Tiền Giang"], []),
    ("Cà Mau", PROVINCE, ["Bạc Liêu"], []),
    ("An Giang", PROVINCE, ["Kiên Giang"], []),
]

#: Other names of the provinces the reform absorbed (spellings that differ once diacritics are dropped).
FORMER_ALIASES = {"Đắk Nông": ["Đắc Nông"], "Kon Tum": ["Kontum"], "Bà Rịa - Vũng Tàu": ["BR-VT"]}


def _key(name: str) -> str:
    return vietnamese_slugify(name)


def _top_level(Locality, LocalityAlias) -> dict[str, object]:
    """Top-level localities by the slug of their name and of each alias."""
    found = {}
    for locality in Locality.objects.filter(parent=None):
        found.setdefault(_key(locality.name), locality)
    for alias in LocalityAlias.objects.filter(locality__parent=None).select_related("locality"):
        found.setdefault(_key(alias.name), alias.locality)
    return found


def _free_slug(Locality, name: str, kind: str) -> str:
    for candidate in (_key(name), _key(f"{'thanh pho' if kind == CITY else 'tinh'} {name}")):
        if not Locality.objects.filter(slug=candidate).exists():
            return candidate
    number = 2
    while Locality.objects.filter(slug=f"{_key(name)}-{number}").exists():
        number += 1
    return f"{_key(name)}-{number}"


def add_provinces(apps, schema_editor):
    Locality = apps.get_model("exemplar_pages", "Locality")
    LocalityAlias = apps.get_model("exemplar_pages", "LocalityAlias")
    existing = _top_level(Locality, LocalityAlias)

    def ensure(name: str, kind: str, aliases: list[str]):
        locality = existing.get(_key(name))
        if locality is None:
            locality = Locality.objects.create(
                name=name, kind=kind, slug=_free_slug(Locality, name, kind), sort_key=vietnamese_sort_key(name)
            )
            Locality.objects.filter(pk=locality.pk).update(tree_path=f"/{locality.pk}/", depth=1)
            existing[_key(name)] = locality
        # "TP.HCM" and "TPHCM" are one slug but two ways to write the city: compared as written, case aside.
        known = {
            name.casefold()
            for name in [locality.name, *LocalityAlias.objects.filter(locality=locality).values_list("name", flat=True)]
        }
        for alias in aliases:
            owner = existing.get(_key(alias))
            if alias.casefold() not in known and (owner is None or owner.pk == locality.pk):
                LocalityAlias.objects.create(locality=locality, name=alias, slug=_key(alias))
                known.add(alias.casefold())
                existing[_key(alias)] = locality
        return locality

    for name, kind, merged, aliases in REFORM:
        successor = ensure(name, kind, aliases)
        for former in merged:
            absorbed = ensure(former, PROVINCE, FORMER_ALIASES.get(former, []))
            if absorbed.successor_id is None and absorbed.pk != successor.pk:
                Locality.objects.filter(pk=absorbed.pk).update(successor=successor, is_active=False)


class Migration(migrations.Migration):
    dependencies = [("exemplar_pages", "0015_consultation_closing_notice")]

    # Reversing keeps them: reference data that stories, units and imports may already name.
    operations = [migrations.RunPython(add_provinces, migrations.RunPython.noop)]

"""Movements and localities named by imported lists (issue #14): matched by name, alias, containment and
level by level; an unknown movement becomes a draft; a name several movements share is read as the one nearest the
importing unit, or becomes a draft when all are other units' own, never a refusal."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from exemplar_pages.importing import import_exemplars
from exemplar_pages.importing.locality_paths import LocalityProblem, LocalityResolver, NewLocality
from exemplar_pages.importing.matching import MovementIndex, core_key, movement_names
from exemplar_pages.models import ExemplarStoryPage, Locality, LocalityAlias, MovementPage, UnitPage
from tests import factories

pytestmark = pytest.mark.django_db

K = Locality.Kind
COLUMNS = ["title", "subject_name", "subject_type", "field", "locality", "movement", "year", "summary"]
POVERTY = "Phong trào thi đua 'Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau'"
_serial = itertools.count(1)


def new_unit() -> UnitPage:
    title = f"UBND xã Thử Khớp Tên {next(_serial)}"
    return factories.unit(title, full_name=title)


def row(movement: str, locality: str = "Tỉnh Tây Ninh / Huyện Tân Biên / Xã Tân Lập", **values) -> dict:
    number = next(_serial)
    return {
        "title": f"Chị Nguyễn Thị Thử {number} giúp hộ nghèo thoát nghèo",
        "subject_name": f"Nguyễn Thị Thử {number}",
        "subject_type": "individual",
        "field": "An sinh xã hội",
        "locality": locality,
        "movement": movement,
        "year": "2024",
        "summary": "Chị đã giúp nhiều hộ nghèo trong xã vay vốn, học nghề và thoát nghèo bền vững.",
        **values,
    }


def write_csv(rows: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run_import(tmp_path: Path, rows: list[dict], unit: UnitPage, **options):
    path = write_csv(rows, tmp_path / f"danh-sach-{next(_serial)}.csv")
    return import_exemplars(path.name, path.read_bytes(), unit, **options)


# --- Movements ------------------------------------------------------------------------------------


def test_names_inside_a_movement_title() -> None:
    assert core_key("Phong trào thi đua “Dân vận khéo”") == "dan van kheo"
    assert {"ca nuoc chung tay vi nguoi ngheo", "khong de ai bi bo lai phia sau"} <= movement_names(POVERTY)


def test_short_name_matches_the_page_and_is_reported(tmp_path: Path) -> None:
    unit = new_unit()
    poverty = factories.movement(unit, POVERTY)
    before = MovementPage.objects.count()
    result = run_import(tmp_path, [row("Cả nước chung tay vì người nghèo")], unit)
    assert result.errors == []
    story = ExemplarStoryPage.objects.child_of(unit).get()
    assert story.movement_id == poverty.pk
    assert f"Dòng 2: movement: hiểu là phong trào “{POVERTY}”." in result.warnings
    assert MovementPage.objects.count() == before


def test_short_name_contained_in_a_title() -> None:
    """The demo's movement has no quotes: the name given is a run of words of its title."""
    demo = MovementPage.objects.get(title="Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau")
    assert MovementIndex().match("Cả nước chung tay vì người nghèo") == demo
    assert MovementIndex().match("phong trào thi đua cả nước chung tay vì người nghèo") == demo


def test_unknown_movement_becomes_one_draft_with_a_warning(tmp_path: Path) -> None:
    unit = new_unit()
    name = "Phong trào thi đua Thử Nghiệm Chưa Có Trên Cổng"
    before = MovementPage.objects.count()
    result = run_import(tmp_path, [row(name), row("phong trào thi đua thử nghiệm chưa có trên cổng")], unit)
    assert result.errors == [] and len(result.created) == 2
    drafts = MovementPage.objects.filter(title=name)
    assert MovementPage.objects.count() == before + 1 and drafts.count() == 1
    draft = drafts.get()
    assert not draft.live and draft.get_parent().pk == unit.pk and draft.get_latest_revision() is not None
    assert {story.movement_id for story in ExemplarStoryPage.objects.child_of(unit)} == {draft.pk}
    assert f"Đã tạo phong trào nháp “{name}” (dòng 2, 3); cần bổ sung và gửi duyệt." in result.warnings
    assert any(w.startswith("Dòng 2: movement: chưa có phong trào") for w in result.warnings)


def test_dry_run_creates_no_movement(tmp_path: Path) -> None:
    unit = new_unit()
    before = MovementPage.objects.count()
    result = run_import(tmp_path, [row("Phong trào Thử Chỉ Kiểm Tra")], unit, dry_run=True)
    assert result.errors == [] and MovementPage.objects.count() == before
    assert any("sẽ tạo phong trào nháp" in warning for warning in result.warnings)
    assert not any(warning.startswith("Đã tạo") for warning in result.warnings)


def test_a_refused_file_leaves_no_draft_movement(tmp_path: Path) -> None:
    unit = new_unit()
    before = MovementPage.objects.count()
    result = run_import(tmp_path, [row("Phong trào Thử Bị Hủy"), row("", year="1900")], unit)
    assert result.errors and MovementPage.objects.count() == before


def test_a_name_two_movements_of_the_unit_share_takes_the_newest_and_names_the_other(tmp_path: Path) -> None:
    unit = new_unit()
    older = factories.movement(unit, "Phong trào thi đua “Dân vận khéo Thử” năm 2024")
    newer = factories.movement(unit, "Phong trào thi đua “Dân vận khéo Thử” giai đoạn 2021 - 2025")
    result = run_import(tmp_path, [row("Dân vận khéo Thử")], unit)
    assert result.errors == []
    (story,) = ExemplarStoryPage.objects.child_of(unit)
    assert story.movement_id == newer.pk
    note = next(w for w in result.warnings if w.startswith("Dòng 2: movement:"))
    assert f"được hiểu là “{newer.title}”" in note and f"“{older.title}”" in note


def test_a_shared_name_is_read_as_the_movement_within_the_units_reach(tmp_path: Path) -> None:
    """The importing unit's own movement or a unit's above it, or a nationwide one; other units' own are not."""
    province = new_unit()
    district = factories.unit("UBND huyện Thử Tầm Với", parent=province, full_name="UBND huyện Thử Tầm Với")
    elsewhere = new_unit()
    own = factories.movement(province, "Tỉnh Thử chung tay vì người nghèo thử tầm với")
    factories.movement(elsewhere, "Huyện Khác chung tay vì người nghèo thử tầm với")
    result = run_import(tmp_path, [row("Chung tay vì người nghèo thử tầm với")], district)
    assert result.errors == [] and ExemplarStoryPage.objects.child_of(district).get().movement_id == own.pk
    nationwide = factories.movement(elsewhere, "Cả nước chung tay vì người nghèo thử toàn quốc", scope="national")
    factories.movement(elsewhere, "Tỉnh Khác chung tay vì người nghèo thử toàn quốc", scope="province")
    result = run_import(tmp_path, [row("Chung tay vì người nghèo thử toàn quốc")], elsewhere)
    assert ExemplarStoryPage.objects.child_of(elsewhere).get().movement_id == nationwide.pk


def test_a_name_only_other_units_movements_share_becomes_a_draft(tmp_path: Path) -> None:
    unit, first, second = new_unit(), new_unit(), new_unit()
    factories.movement(first, "Xã Một chung sức thử nhà ở cho hộ nghèo")
    factories.movement(second, "Xã Hai chung sức thử nhà ở cho hộ nghèo")
    result = run_import(tmp_path, [row("Chung sức thử nhà ở")], unit)
    assert result.errors == []
    draft = ExemplarStoryPage.objects.child_of(unit).get().movement
    assert draft.title == "Chung sức thử nhà ở" and not draft.live and draft.get_parent().pk == unit.pk
    assert any("Xã Một chung sức" in w and "Xã Hai chung sức" in w for w in result.warnings)


def test_longest_contained_name_wins() -> None:
    unit = new_unit()
    factories.movement(unit, "Chung sức xây dựng nông thôn mới Thử")
    model = factories.movement(unit, "Chung sức xây dựng nông thôn mới Thử kiểu mẫu")
    index = MovementIndex()
    assert index.match("Tân Biên chung sức xây dựng nông thôn mới thử kiểu mẫu năm 2024") == model
    assert len(index.candidates("nông thôn mới thử")) == 2  # inside both titles, as long in each
    assert index.match("nông thôn mới thử") == model  # the newer


def test_the_same_movement_under_two_units_is_one_match() -> None:
    first, second = new_unit(), new_unit()
    live = factories.movement(first, "Phong trào thi đua “Thử Đồng Tên Hai Đơn Vị”")
    factories.movement(second, "Phong trào thi đua “Thử Đồng Tên Hai Đơn Vị”")
    assert MovementIndex().match("Thử Đồng Tên Hai Đơn Vị") == live


# --- Localities -----------------------------------------------------------------------------------


def test_one_movement_written_several_ways_in_one_list_is_one_draft(tmp_path: Path) -> None:
    """Quoted after “Thi đua”, with a dash or a comma, abbreviated (“SXKD”, “NTM”), with or without “thi đua” inside,
    or shortened to a run of its words: one draft per movement, titled by its longest name (before, 4 + 3 drafts)."""
    unit = new_unit()
    teaching = ["Dạy tốt - Học tốt Thử", "Thi đua “Dạy tốt - học tốt Thử”", "Dạy tốt, học tốt Thử"]
    farmers = [
        "Nông dân Thử SXKD giỏi",
        "Nông dân Thử thi đua sản xuất, kinh doanh giỏi",
        "Nông dân Thử thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu",
    ]
    before = MovementPage.objects.count()
    result = run_import(tmp_path, [row(name) for name in teaching + farmers + ["Thử chung sức xây dựng NTM"]], unit)
    assert result.errors == [] and MovementPage.objects.count() == before + 3
    titles = {story.movement.title for story in ExemplarStoryPage.objects.child_of(unit)}
    assert titles == {
        "Dạy tốt - Học tốt Thử",
        "Nông dân Thử thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu",
        "Thử chung sức xây dựng NTM",
    }
    assert core_key("Thử chung sức xây dựng nông thôn mới") == core_key("Thử chung sức xây dựng NTM")


def test_a_name_alone_is_read_in_the_unit_s_province_and_a_former_province_in_brackets_is_a_note() -> None:
    """“Krông Năng” (an old district, no province's name) was created as a new province; “phường Sông Cầu (tỉnh Phú
    Yên cũ)” kept its bracket in the ward's name. In a Đắk Lắk unit's list both are Đắk Lắk's; elsewhere the former
    province in brackets is the path's upper part."""
    dak_lak = Locality.objects.get(name="Đắk Lắk", parent=None)
    resolver = LocalityResolver(dak_lak)
    assert resolver.resolve("Krông Năng").display_path == "Đắk Lắk › Krông Năng"
    assert resolver.resolve("phường Sông Cầu (tỉnh Phú Yên cũ)").display_path == "Đắk Lắk › Phường Sông Cầu"
    assert resolver.resolve("phường Sông Cầu").display_path == "Đắk Lắk › Phường Sông Cầu"
    assert resolver.resolve("xã Ea Kly (huyện Krông Pắc cũ)").display_path == "Đắk Lắk › Krông Pắc › Xã Ea Kly"
    elsewhere = LocalityResolver(Locality.objects.get(name="Tây Ninh", parent=None))
    assert elsewhere.resolve("phường Sông Cầu (tỉnh Phú Yên cũ)").display_path == "Phú Yên › Phường Sông Cầu"


def test_dien_bien_is_the_province_not_hanoi_s_ward() -> None:
    """The issue's case: Hà Nội has a “Phường Điện Biên”; the portal knows the country's provinces, so the path is the
    province's; on a portal whose editors removed that province, the ward is still never taken for it."""
    province = Locality.objects.get(name="Điện Biên", parent=None)
    district = LocalityResolver().resolve("Điện Biên / huyện Điện Biên Đông")
    assert isinstance(district, NewLocality) and district.parent == province and district.kind == K.DISTRICT
    province.delete()
    with pytest.raises(LocalityProblem) as problem:
        LocalityResolver().resolve("Điện Biên / huyện Điện Biên Đông")
    assert "Hà Nội › Ba Đình › Phường Điện Biên" in str(problem.value)
    assert "Tỉnh Điện Biên" in str(problem.value)


def test_dien_bien_resolves_under_the_province(tmp_path: Path) -> None:
    unit = new_unit()
    result = run_import(tmp_path, [row("", locality="Điện Biên / huyện Điện Biên Đông / Xã Na Son")], unit)
    assert result.errors == []
    story = ExemplarStoryPage.objects.child_of(unit).get()
    assert story.locality.display_path == "Điện Biên › Điện Biên Đông › Xã Na Son"
    assert story.locality.parent.parent == Locality.objects.get(name="Điện Biên", parent=None)
    assert not Locality.objects.filter(parent__name="Phường Điện Biên").exists()


def test_the_country_s_provinces_and_the_2025_reform_are_known_to_every_portal() -> None:
    """The data migration's 63 provinces and cities: the 34 of 2025 in force, the 29 they absorbed pointing at them, and
    a list that names a former province files its rows there (“Yên Bái” is Lào Cai's, not a new province)."""
    tops = Locality.objects.filter(parent=None)
    assert tops.count() == 63 and tops.filter(is_active=True).count() == 34
    assert Locality.objects.get(name="Yên Bái", parent=None).successor.name == "Lào Cai"
    assert Locality.objects.get(name="Bình Dương", parent=None).successor.name == "Hồ Chí Minh"
    resolver = LocalityResolver()
    commune = resolver.resolve("Xã Lâm Giang, huyện Văn Yên, tỉnh Yên Bái")
    assert commune.parent.parent == Locality.objects.get(name="Yên Bái", parent=None)
    assert resolver.resolve("Thừa Thiên Huế / Phường Thử").parent.name == "Huế"
    assert resolver.resolve("Phường Thử, TP.HCM").parent.name == "Hồ Chí Minh"
    assert resolver.resolve("Xã Thử, Quảng Ninh").parent.name == "Quảng Ninh"  # a province without its prefix
    assert not any(path.count("›") == 0 for path in resolver.planned())  # no province created


def test_addresses_as_a_city_s_offices_write_them() -> None:
    """A house number without "đường", "P." and "Q." for Phường and Quận, a household group under its neighbourhood
    and an address whose city the resolver reads last: never a locality of their own, always from the top down."""
    resolver = LocalityResolver(Locality.objects.get(name="Hồ Chí Minh", parent=None))
    paths = {
        "Số 2 Văn Công Khai, P. Phú Cường, TP. Thủ Dầu Một": "Hồ Chí Minh › Thủ Dầu Một › Phường Phú Cường",
        "4 Trần Hưng Đạo, Phường 1, Q.5": "Hồ Chí Minh › Quận 5 › Phường 1",
        "Tổ 5, khu phố Bình Minh, phường Dĩ An, TPHCM": "Hồ Chí Minh › Phường Dĩ An › Khu phố Bình Minh › Tổ 5",
        "Tổ 12, Khu phố 6, phường Bến Thành": "Hồ Chí Minh › Phường Bến Thành › Khu phố 6 › Tổ 12",
        "ấp 2, xã Long Hải, huyện Long Điền, tỉnh Bà Rịa - Vũng Tàu (cũ)": "Bà Rịa - Vũng Tàu › Long Điền › Xã Long Hải › Ấp 2",
    }
    assert {path: resolver.resolve(path).display_path for path in paths} == paths
    assert "“Số 2 Văn Công Khai” là địa chỉ trong một địa bàn" in " ".join(
        resolver.resolve("Số 2 Văn Công Khai, P. Phú Cường, TP. Thủ Dầu Một") and resolver.notes
    )
    ward = factories.locality("Phường Thử Tổ", K.WARD, Locality.objects.get(name="Hồ Chí Minh", parent=None))
    grouped = LocalityResolver(ward).resolve("Tổ 12, Khu phố 6")  # the importing ward's own neighbourhood
    assert grouped.display_path == "Hồ Chí Minh › Phường Thử Tổ › Khu phố 6 › Tổ 12"


def test_a_new_province_is_created_when_written_as_one() -> None:
    new = LocalityResolver().resolve("Tỉnh Điện Biên / Huyện Điện Biên Đông")
    assert (new.parent.name, new.parent.kind, new.parent.parent) == ("Điện Biên", K.PROVINCE, None)


def test_a_path_cannot_start_below_a_province() -> None:
    with pytest.raises(LocalityProblem, match="không phải là tỉnh, thành phố"):
        LocalityResolver().resolve("Phường Điện Biên / Tổ 5")


def test_aliases_and_the_2025_successors() -> None:
    resolver = LocalityResolver()
    hanoi_ward = Locality.objects.get(name="Phường Điện Biên", parent__name="Ba Đình")
    assert resolver.resolve("Thủ đô Hà Nội / Quận Ba Đình / Phường Điện Biên") == hanoi_ward
    dak_nhau = Locality.objects.get(name="Xã Đăk Nhau")
    assert resolver.resolve("Đồng Nai / Huyện Bù Đăng / Xã Đăk Nhau") == dak_nhau  # Bình Phước merged into it
    hau_nghia = Locality.objects.get(name="Xã Hậu Nghĩa", parent__name="Tây Ninh")
    assert resolver.resolve("Long An / Xã Hậu Nghĩa") == hau_nghia  # the successor's new commune
    assert resolver.resolve("Dak Lak / Buôn Ma Thuột / Phường Tân Lợi").name == "Phường Tân Lợi"


def test_an_ambiguous_name_lists_the_candidates() -> None:
    province = factories.locality("Tỉnh Thử Trùng Tên", K.PROVINCE)
    for district in ("Huyện Thử Một", "Huyện Thử Hai"):
        factories.locality("Xã Thử Trùng", K.COMMUNE, factories.locality(district, K.DISTRICT, province))
    with pytest.raises(LocalityProblem) as problem:
        LocalityResolver().resolve("Tỉnh Thử Trùng Tên / Xã Thử Trùng")
    assert "Huyện Thử Một › Xã Thử Trùng" in str(problem.value)
    assert "Huyện Thử Hai › Xã Thử Trùng" in str(problem.value)


def test_an_alias_shared_by_two_provinces_is_ambiguous() -> None:
    for name in ("Thử Bắc", "Thử Nam"):
        LocalityAlias.objects.create(locality=factories.locality(name, K.PROVINCE), name="Thử Chung")
    with pytest.raises(LocalityProblem, match="nhiều địa bàn trùng tên"):
        LocalityResolver().resolve("Thử Chung / Xã Một")


# --- Text quality on import -----------------------------------------------------------------------

MINORITY_SUMMARIES = [
    "Anh Y Ngông Niê Kdăm, người Ê Đê ở buôn Ea Kmát, xã Ea Tul, huyện Cư M'gar, vận động bà con giữ "
    "gìn tiếng đàn t'rưng và trống h'gơr của buôn làng.",
    "Chị H'Hen Niê giúp học sinh nghèo ở Ea H'leo và Krông Búk đến trường, vượt khó học giỏi.",
    "Ông Ksor Phước cùng già làng Rơ Mah Tuân vận động bà con Jrai ở Ia Grai, Chư Păh bảo vệ rừng.",
]


def test_minority_names_import_without_refusal_or_warning(tmp_path: Path) -> None:
    unit = new_unit()
    rows = [row("", summary=summary) for summary in MINORITY_SUMMARIES]
    result = run_import(tmp_path, rows, unit)
    assert result.errors == [] and len(result.created) == 3
    assert not [warning for warning in result.warnings if "summary" in warning]
    saved = {story.summary for story in ExemplarStoryPage.objects.child_of(unit)}
    assert saved == set(MINORITY_SUMMARIES)


def test_a_quality_problem_warns_and_only_mojibake_refuses(tmp_path: Path) -> None:
    unit = new_unit()
    lost = "Triển khai p  ơng p áp mới trong công tác thi đua, k en t ưởng của xã; p át  iện và n ân rộng điển  ìn"
    result = run_import(tmp_path, [row("", summary=lost)], unit)
    assert result.errors == [] and len(result.created) == 1
    assert any(w.startswith("Dòng 2: summary: nghi lỗi mã hóa / mất chữ") and "mất chữ" in w for w in result.warnings)
    mojibake = "Ã”ng Tráº§n VÄƒn Thá»­ hiáº¿n Ä‘áº¥t lÃ m Ä‘Æ°á»ng"
    refused = run_import(tmp_path, [row("", summary=mojibake)], unit)
    assert [(error.line, error.column) for error in refused.errors] == [(2, "summary")]
    assert "lỗi mã hóa" in str(refused.errors[0]) and ExemplarStoryPage.objects.child_of(unit).count() == 1

"""Commendation decisions (DESIGN §8, issue #15): the page and its awardees, API, search, the "Khen thưởng" list
and feed, `import_decision`, and the review workflow "Duyệt đăng"."""

import io
import json
from collections import Counter
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils.html import escape
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from exemplar_pages import decision_listing
from exemplar_pages.models import Award, DecisionAwardee, DecisionPage, UnitPage
from exemplar_pages.moderation import service
from tests import factories
from tests.moderation_fixtures import fresh, to_council

pytestmark = pytest.mark.django_db

PROVINCE_AWARD = "Bằng khen của Chủ tịch UBND tỉnh"
DISTRICT_AWARD = "Giấy khen của Chủ tịch UBND huyện Phong Điền"


def awardee(name: str, award_text: str = PROVINCE_AWARD, **kwargs) -> DecisionAwardee:
    item = DecisionAwardee(name=name, award_text=award_text, **kwargs)
    item.understand_award_text()
    return item


def decision(parent, number: str, day: date, awardees: list, publish: bool = True, **kwargs) -> DecisionPage:
    page = DecisionPage(
        title=kwargs.pop("title", f"Quyết định {number} về việc khen thưởng"),
        number=number,
        decision_date=day,
        issuer=kwargs.pop("issuer", "Ủy ban nhân dân tỉnh Thử Nghiệm"),
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        signer_name="Lê Văn Ký",
        summary=kwargs.pop("summary", "Khen thưởng các tập thể, cá nhân có thành tích xuất sắc."),
        **kwargs,
    )
    page.awardees = awardees
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
        page.save_revision()
    return DecisionPage.objects.get(pk=page.pk)


@pytest.fixture
def province_unit():
    locality = factories.locality("Tỉnh Khen Thử", kind="tinh")
    return factories.publish(factories.unit("UBND tỉnh Khen Thử", locality=locality))


@pytest.fixture
def district_unit(province_unit):
    return factories.publish(factories.unit("UBND huyện Khen Thử", parent=province_unit))


# --- The page, its awardees, the API, print -----------------------------------------------------------------


class TreeAndAdminTests(WagtailPageTestCase):
    """A decision lives under a unit and is created through the admin with its awardees."""

    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("quantri-qd", "qd@example.org", "mat-khau-thu")
        cls.unit = factories.unit("UBND xã Quyết Định Thử")

    def setUp(self):
        self.client.force_login(self.user)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(DecisionPage, {UnitPage})
        self.assertAllowedSubpageTypes(DecisionPage, set())
        self.assertCanCreateAt(UnitPage, DecisionPage)
        self.assertCanNotCreateAt(Page, DecisionPage)

    def test_create_in_admin_reads_the_award_as_written(self):
        data = nested_form_data(
            {
                "title": "Quyết định khen thưởng năm 2025",
                "slug": "quyet-dinh-khen-thuong-nam-2025",
                "number": "99/QĐ-UBND",
                "decision_date": "2025-12-01",
                "issuer": "UBND xã Quyết Định Thử",
                "signer_title": "CHỦ TỊCH",
                "signer_name": "Trần Văn Ký",
                "legal_basis": "Luật Thi đua, khen thưởng năm 2022;",
                "summary": "",
                "body": streamfield([]),
                "original_document": "",
                "awardees": inline_formset(
                    [
                        {
                            "name": "Nguyễn Thị Hoa",
                            "subject_type": "individual",
                            "position": "Chi hội trưởng Chi hội Phụ nữ thôn 2",
                            "award_text": PROVINCE_AWARD,
                            "award": "",
                            "level": "",
                            "year": "",
                            "achievement": "",
                            "story": "",
                        }
                    ]
                ),
                "comments": inline_formset([]),
            }
        )
        self.assertCanCreate(self.unit, DecisionPage, data)
        page = DecisionPage.objects.get(number="99/QĐ-UBND")
        saved = page.awardees.get()
        assert saved.name == "Nguyễn Thị Hoa" and saved.award_text == PROVINCE_AWARD
        assert saved.award is not None and "Bằng khen" in saved.award.name
        assert saved.effective_level == Award.Level.PROVINCE


def test_awardees_read_their_award_text_and_the_api_shows_them(client, province_unit):
    story = factories.story(province_unit, subject_name="Hồ Văn Liên Kết")
    page = decision(
        province_unit,
        "1234/QĐ-UBND",
        date(2025, 11, 20),
        [
            awardee("Hồ Văn Liên Kết", story=story, position="Nông dân xã Thử"),
            awardee("Hội Nông dân xã Thử", DISTRICT_AWARD, subject_type="collective"),
            awardee("Giải Nhất", "Giải Nhất hội thi nấu ăn"),
        ],
    )
    first, second, free = page.awardees.all()
    assert first.award.level == Award.Level.PROVINCE or first.level == Award.Level.PROVINCE
    assert second.effective_level == Award.Level.DISTRICT and "Giấy khen" in second.award.name
    assert free.award is None and free.display_award == "Giải Nhất hội thi nấu ăn"  # kept as written

    data = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert data["meta"]["type"] == "exemplar_pages.DecisionPage"
    assert (data["number"], data["decision_date"], data["issuer"]) == ("1234/QĐ-UBND", "2025-11-20", page.issuer)
    assert data["signer_name"] == "Lê Văn Ký"
    names = [item["name"] for item in data["awardee_list"]]
    assert names == ["Hồ Văn Liên Kết", "Hội Nông dân xã Thử", "Giải Nhất"]
    assert data["awardee_list"][0]["story"] == story.pk
    assert data["awardee_list"][0]["award"]["slug"] == first.award.slug
    assert data["awardee_list"][1]["level"] == "huyen" and data["awardee_list"][1]["subject_type"] == "collective"
    assert data["awardee_list"][2]["award"] is None and data["awardee_list"][2]["award_text"] == free.award_text


def test_page_and_print_view_show_the_awardees(client, province_unit):
    story = factories.story(province_unit, subject_name="Phan Thị <Liên>")
    page = decision(province_unit, "55/QĐ-UBND", date(2025, 3, 1), [awardee("Phan Thị <Liên>", story=story)])
    html = client.get(page.url).content.decode()
    assert "55/QĐ-UBND" in html and escape("Phan Thị <Liên>") in html and "Phan Thị <Liên>" not in html
    assert f'href="{story.url}"' in html
    assert escape(page.title) in client.get(province_unit.url).content.decode()  # listed on its unit's page
    printed = client.get(page.url + "print/")
    assert printed.status_code == 200
    text = printed.content.decode()
    assert "print.css" in text and escape("Phan Thị <Liên>") in text and "site-header" not in text


def test_a_story_readers_may_not_see_is_neither_linked_nor_named_by_id(client, province_unit):
    hidden = factories.story(province_unit, subject_name="Bài Nháp Ẩn", publish_it=False)
    page = decision(province_unit, "56/QĐ-UBND", date(2025, 3, 2), [awardee("Bài Nháp Ẩn", story=hidden)])
    assert client.get(f"/api/v3/pages/{page.pk}/").json()["awardee_list"][0]["story"] is None
    assert f"/{hidden.slug}/" not in client.get(page.url).content.decode()


# --- Search ---------------------------------------------------------------------------------------------------


def test_search_finds_a_decision_by_awardee_name_with_facets(
    client, search_backend, province_unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # Elasticsearch is updated on commit
        page = decision(
            province_unit,
            "777/QĐ-UBND",
            date(2024, 6, 2),
            [awardee("Ksor Thị Khenthu"), awardee("HTX Rạng Đông Thử", DISTRICT_AWARD, subject_type="collective")],
        )
    for query in ("Ksor Thị Khenthu", "ksor thi khenthu"):
        data = client.get("/api/v3/search/", {"q": query, "type": "decision"}).json()
        assert [hit["id"] for hit in data["results"]] == [page.pk], query
    hit = data["results"][0]
    assert hit["type"] == "decision" and hit["year"] == 2024 and hit["url"] == page.url
    assert hit["locality"]["slug"] == province_unit.locality.slug
    facets = {key: {value["slug"]: value["count"] for value in values} for key, values in data["facets"].items()}
    assert facets["year"] == {"2024": 1}
    assert set(facets["award"]) == {a.award.slug for a in page.awardees.all()}
    assert facets["subject_type"] == {"individual": 1, "collective": 1}
    by_award = client.get("/api/v3/search/", {"q": "Rạng Đông Thử", "type": "decision", "year": "2023"}).json()
    assert by_award["count"] == 0


def test_a_draft_decision_is_not_found(client, province_unit):
    decision(province_unit, "8/QĐ-UBND", date(2024, 1, 2), [awardee("Y Nháp Thử")], publish=False)
    assert client.get("/api/v3/search/", {"q": "Y Nháp Thử", "type": "decision"}).json()["count"] == 0


# --- The "Khen thưởng" list and its feed ---------------------------------------------------------------------------


@pytest.fixture
def listed(province_unit, district_unit):
    return {
        "province": decision(province_unit, "10/QĐ-UBND", date(2024, 5, 1), [awardee("Đinh Thị Tỉnh Thử")]),
        "district": decision(
            district_unit, "20/QĐ-UBND", date(2025, 5, 1), [awardee("Lò Văn Huyện Thử", DISTRICT_AWARD)]
        ),
        "draft": decision(district_unit, "30/QĐ-UBND", date(2025, 6, 1), [awardee("Nháp Thử")], publish=False),
    }


def listed_titles(client, **params) -> list[str]:
    response = client.get("/khen-thuong/", params)
    assert response.status_code == 200
    return [item.title for item in response.context["items"]]


def test_the_list_filters_by_year_award_level_and_unit(client, listed, province_unit, district_unit):
    province, district = listed["province"].title, listed["district"].title
    everything = listed_titles(client)
    assert province in everything and district in everything and listed["draft"].title not in everything
    assert listed_titles(client, year=2024, q="Thử") == [province]
    assert listed_titles(client, level="huyen", unit=province_unit.pk) == [district]
    district_award = listed["district"].awardees.get().award
    assert district in listed_titles(client, award=district_award.slug)
    assert province not in listed_titles(client, award=district_award.slug)
    assert listed_titles(client, unit=district_unit.pk) == [district]
    cluster = factories.publish(factories.unit("Cụm thi đua Thử"))
    member = factories.publish(factories.unit("UBND xã Cụm Thử", parent=cluster))
    decision(member, "40/QĐ-UBND", date(2025, 7, 1), [awardee("Người Trong Cụm")])
    choices = client.get("/khen-thuong/").context["filter_form"].fields["unit"].choices
    offered = {str(value) for value, _label in choices}
    assert {str(cluster.pk), str(member.pk), str(province_unit.pk)} <= offered  # and units above one that issued
    assert str(factories.home_page().pk) not in offered
    assert listed_titles(client, unit=cluster.pk) == ["Quyết định 40/QĐ-UBND về việc khen thưởng"]
    assert set(listed_titles(client, unit=province_unit.pk)) == {province, district}  # its sub-units too
    assert listed_titles(client, q="Lò Văn Huyện", unit=province_unit.pk) == [district]
    html = client.get("/khen-thuong/", {"unit": district_unit.pk}).content.decode()
    assert "Lò Văn Huyện Thử" in html and 'href="/khen-thuong/rss/"' in html
    bad = client.get("/khen-thuong/", {"level": "khong-co"})
    assert bad.status_code == 200 and 'role="alert"' in bad.content.decode()


def test_the_list_is_paginated(client, listed, monkeypatch):
    monkeypatch.setattr(decision_listing, "PAGE_SIZE", 1)
    first = client.get("/khen-thuong/", {"q": "Thử"})
    assert [item.title for item in first.context["items"]] == [listed["district"].title]  # newest first
    assert "page=2" in first.content.decode()
    second = client.get("/khen-thuong/", {"q": "Thử", "page": 2})
    assert [item.title for item in second.context["items"]] == [listed["province"].title]


def test_the_feed_lists_public_decisions(client, listed):
    response = client.get("/khen-thuong/rss/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert listed["province"].title in titles and listed["district"].title in titles
    assert listed["draft"].title not in titles
    descriptions = " ".join(item.findtext("description") for item in channel.findall("item"))
    assert "Lò Văn Huyện Thử" in descriptions


# --- import_decision --------------------------------------------------------------------------------------------


def run_import(path, unit, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_decision", str(path), "--parent", str(unit), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def imported_fixture(name: str, unit, number: str) -> tuple[DecisionPage, list]:
    """One of the lists in tests/fixtures/decisions/ imported under a unit: the decision `number` and its awardees."""
    run_import(Path(__file__).parent / "fixtures" / "decisions" / name, unit.pk)
    decision = DecisionPage.objects.get(number=number)
    return decision, list(decision.awardees.order_by("sort_order"))


def import_rows(tmp_path, unit, rows: list[str], number: str, *options: str) -> DecisionPage:
    """A CSV list of these lines imported as the decision `number` (its date and issuer in `options`)."""
    path = tmp_path / "danh-sach.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    run_import(path, unit.pk, "--number", number, *options)
    return DecisionPage.objects.get(number=number)


HEADER_OPTIONS = ("--number", "45/QĐ-UBND", "--date", "15/10/2025", "--issuer", "UBND tỉnh Khen Thử")


def test_import_a_csv_list_as_a_draft_decision(tmp_path, province_unit):
    story = factories.story(province_unit, subject_name="Vàng Thị Nhập")
    path = tmp_path / "danh-sach.csv"
    path.write_text(
        "Họ tên,Loại,Chức vụ đơn vị,Khen thưởng,Năm,Bài viết\n"
        f"Vàng Thị Nhập,cá nhân,Bí thư chi bộ,{PROVINCE_AWARD},2025,{story.slug}\n"
        f"Hội Cựu chiến binh xã,tập thể,,{DISTRICT_AWARD},,\n"
        "Lê Văn Tự Do,,,Giải Ba hội thi,,\n",
        encoding="utf-8",
    )
    out, err = run_import(path, province_unit.slug, *HEADER_OPTIONS)
    page = DecisionPage.objects.get(number="45/QĐ-UBND")
    assert not page.live and page.get_parent().pk == province_unit.pk and f"#{page.pk}" in out
    assert page.decision_date == date(2025, 10, 15) and page.issuer == "UBND tỉnh Khen Thử"
    first, second, third = page.awardees.all()
    assert (first.name, first.subject_type, first.position, first.year, first.story_id) == (
        "Vàng Thị Nhập",
        "individual",
        "Bí thư chi bộ",
        2025,
        story.pk,
    )
    assert "Bằng khen" in first.award.name and second.subject_type == "collective"
    assert second.effective_level == "huyen"
    assert third.award is None and third.award_text == "Giải Ba hội thi"
    assert page.latest_revision is not None


def test_import_a_json_object_and_an_xlsx(tmp_path, province_unit):
    path = tmp_path / "qd.json"
    payload = {
        "number": "46/QĐ-UBND",
        "date": "2025-10-16",
        "issuer": "UBND tỉnh Khen Thử",
        "awardees": [{"name": "Mùa A Json", "award": PROVINCE_AWARD}],
    }
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    run_import(path, province_unit.pk)
    assert DecisionPage.objects.get(number="46/QĐ-UBND").awardees.get().name == "Mùa A Json"

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Họ và tên", "Hình thức khen thưởng"])
    workbook.active.append(["Sùng Thị Excel", None])
    path = tmp_path / "qd.xlsx"
    workbook.save(path)
    with pytest.raises(CommandError, match="1 lỗi"):  # the row names no award and no --award is given
        run_import(path, province_unit.pk, "--number", "47/QĐ-UBND", "--date", "17/10/2025", "--issuer", "UBND")
    assert not DecisionPage.objects.filter(number="47/QĐ-UBND").exists()
    run_import(path, province_unit.pk, *HEADER_OPTIONS[2:], "--number", "48/QĐ-UBND", "--award", DISTRICT_AWARD)
    imported = DecisionPage.objects.get(number="48/QĐ-UBND").awardees.get()
    assert (imported.name, imported.award_text, imported.effective_level) == ("Sùng Thị Excel", DISTRICT_AWARD, "huyen")


def test_import_a_list_under_its_attachment_title(tmp_path, province_unit):
    """A decision's list as offices attach it: its title and "(Kèm theo Quyết định …)" above the header, an STT."""
    path = tmp_path / "kem-theo.csv"
    path.write_text(
        "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN,,,\n(Kèm theo Quyết định số 49/QĐ-UBND ngày 20/10/2025),,,\n,,,\n"
        f'STT,Họ và tên,"Chức vụ, đơn vị",Hình thức khen thưởng,Năm khen thưởng,Thành tích\n'
        f"1,Hà Thị Tiêu Đề,Hội viên,{PROVINCE_AWARD},2025,Mười năm giữ rừng đầu nguồn\n",
        encoding="utf-8",
    )
    run_import(path, province_unit.pk, *HEADER_OPTIONS[2:], "--number", "49/QĐ-UBND")
    awardee = DecisionPage.objects.get(number="49/QĐ-UBND").awardees.get()
    assert (awardee.name, awardee.position, awardee.award_text) == ("Hà Thị Tiêu Đề", "Hội viên", PROVINCE_AWARD)
    assert (awardee.year, awardee.achievement) == (2025, "Mười năm giữ rừng đầu nguồn")


def test_import_refuses_every_bad_row_and_saves_nothing(tmp_path, province_unit):
    path = tmp_path / "loi.csv"
    path.write_text(
        "Họ tên,Loại,Khen thưởng,Năm,Bài viết\n"
        f"Người Đúng,cá nhân,{PROVINCE_AWARD},2025,\n"
        f",cá nhân,{PROVINCE_AWARD},2025,\n"
        f"Người Sai Năm,người ngoài hành tinh,{PROVINCE_AWARD},20255,\n"
        "Người Không Khen,cá nhân,,,khong-co-bai-nay\n",
        encoding="utf-8",
    )
    before = DecisionPage.objects.count()
    with pytest.raises(CommandError, match="5 lỗi") as refused:
        run_import(path, province_unit.pk, *HEADER_OPTIONS)
    assert DecisionPage.objects.count() == before
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_decision", str(path), "--parent", str(province_unit.pk), *HEADER_OPTIONS, stderr=err)
    lines = err.getvalue().splitlines()
    assert "Dòng 3: name: trống; hãy ghi họ tên hoặc tên tập thể." in lines
    assert any(line.startswith("Dòng 4: subject_type: ") for line in lines)
    assert any(line.startswith("Dòng 4: year: ") for line in lines)
    assert any(line.startswith("Dòng 5: awards: ") for line in lines)
    assert any(line.startswith("Dòng 5: story: ") for line in lines)
    assert str(refused.value)


def test_import_refuses_missing_options_and_a_wrong_parent(tmp_path, province_unit):
    path = tmp_path / "ds.csv"
    path.write_text(f"Họ tên,Khen thưởng\nA,{PROVINCE_AWARD}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--number"):
        run_import(path, province_unit.pk, "--date", "01/01/2025", "--issuer", "UBND")
    with pytest.raises(CommandError, match="--date"):
        run_import(path, province_unit.pk, "--number", "1/QĐ", "--date", "31/02/2025", "--issuer", "UBND")
    with pytest.raises(CommandError, match="--parent"):
        run_import(path, "khong-co-don-vi", *HEADER_OPTIONS)
    assert not DecisionPage.objects.filter(number="45/QĐ-UBND").exists()


# --- "Duyệt đăng" ----------------------------------------------------------------------------------------------


def test_a_decision_needs_the_council_vote_to_be_published(cast):
    page = decision(cast.unit, "60/QĐ-UBND", date(2025, 9, 9), [awardee("Người Chờ Duyệt")], publish=False)
    page.owner = cast.editor
    page.save()
    assert page.get_workflow() is not None and page.get_workflow().name == "Duyệt đăng"
    assert not page.permissions_for_user(cast.editor).can_publish()
    to_council(page, cast)
    service.review(fresh(page), cast.members[0], "approve")
    assert not fresh(page).live and service.page_state(fresh(page)) == service.PENDING_APPROVAL
    service.review(fresh(page), cast.members[1], "approve")
    published = fresh(page)
    assert published.live and service.page_state(published) == service.PUBLISHED
    assert published.awardees.get().name == "Người Chờ Duyệt"


def test_an_editor_creates_a_draft_decision_through_the_api_but_may_not_publish_it(client, cast):
    from tests.moderation_fixtures import bearer

    body = {
        "meta": {"type": "exemplar_pages.DecisionPage", "parent_id": cast.unit.pk},
        "title": "Quyết định qua API",
        "number": "61/QĐ-UBND",
        "decision_date": "2025-09-10",
        "issuer": "UBND xã Thử Duyệt",
    }
    response = client.post("/api/v3/pages/", body, content_type="application/json", **bearer(cast.token(cast.editor)))
    assert response.status_code in (200, 201), response.content
    page = DecisionPage.objects.get(number="61/QĐ-UBND")
    assert not page.live and page.decision_date == date(2025, 9, 10)
    refused = client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **bearer(cast.token(cast.editor)))
    assert refused.status_code == 403
    assert not fresh(page).live


def test_renaming_an_award_or_moving_the_unit_reindexes_its_decisions(
    client, province_unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = decision(province_unit, "778/QĐ-UBND", date(2024, 6, 3), [awardee("Y Khen Niê Thử")])
    award = page.awardees.first().award
    with django_capture_on_commit_callbacks(execute=True):
        award.name = "Bằng khen Thử Đổi Tên"
        award.save()
    assert page.pk in {hit["id"] for hit in client.get("/api/v3/search/", {"q": "Thử Đổi Tên"}).json()["results"]}
    elsewhere = factories.locality("Tỉnh Chuyển Thử", kind="tinh")
    with django_capture_on_commit_callbacks(execute=True):
        province_unit.locality = elsewhere
        factories.publish(province_unit)
    data = client.get("/api/v3/search/", {"q": "Y Khen Niê Thử", "type": "decision"}).json()
    assert data["results"][0]["locality"]["slug"] == elsewhere.slug


def test_awardees_are_written_over_the_api_with_their_awards_as_written(client, cast):
    from tests.moderation_fixtures import bearer

    body = {
        "meta": {"type": "exemplar_pages.DecisionPage", "parent_id": cast.unit.pk},
        "title": "Quyết định có danh sách qua API",
        "number": "62/QĐ-UBND",
        "decision_date": "2025-09-11",
        "issuer": "UBND xã Thử Duyệt",
        "awardees": [
            {"name": "Bà Hờ Thị Dợ", "award_text": "Giấy khen của Chủ tịch UBND huyện Mù Cang Chải"},
            {"name": "Đội văn nghệ bản Lìm Mông", "subject_type": "collective", "award_text": "Giải Ba hội diễn"},
        ],
    }
    response = client.post("/api/v3/pages/", body, content_type="application/json", **bearer(cast.token(cast.editor)))
    assert response.status_code in (200, 201), response.content
    page = DecisionPage.objects.get(number="62/QĐ-UBND").get_latest_revision_as_object()
    first, second = list(page.awardees.all())
    assert first.award is not None and first.effective_level == "huyen"
    assert second.award is None and second.subject_type == "collective"


def test_a_list_attached_to_a_decision_as_an_office_types_it(province_unit):
    """A helper's list written without seeing the importer (tests/fixtures/decisions/): a title and "(Kèm theo …)"
    above the header, "I. TẬP THỂ" and "II. CÁ NHÂN" heading their parts, a closing "Danh sách này có …/."; the
    headings rows are no awardees, and each part's rows take its subject type."""
    path = Path(__file__).parent / "fixtures" / "decisions" / "danh-sach-kem-quyet-dinh-tra-cu.csv"
    options = ("--number", "1486/QĐ-UBND", "--date", "16/05/2025", "--issuer", "Chủ tịch UBND huyện Trà Cú")
    out, err = run_import(path, province_unit.pk, *options)
    decision = DecisionPage.objects.get(number="1486/QĐ-UBND")
    types = [awardee.subject_type for awardee in decision.awardees.all()]
    assert (types.count("collective"), types.count("individual"), len(types)) == (12, 28, 40)
    assert "Dòng 4: “I. TẬP THỂ” là dòng đề mục hoặc dòng kết của danh sách" in out + err
    assert "Danh sách này có 12 tập thể và 28 cá nhân" in out + err


def test_a_decision_s_number_date_issuer_and_award_come_from_the_lines_above_its_list(province_unit):
    """A helper's workbook (tests/fixtures/decisions/): "(Kèm theo Quyết định số 3157/QĐ-UBND ngày 10/12/2025 của Chủ
    tịch UBND tỉnh Lào Cai)" and the title "… ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH" above the header give the
    decision and the award no row writes; nothing to type on the command line."""
    path = Path(__file__).parent / "fixtures" / "decisions" / "danh-sach-bang-khen-lao-cai.xlsx"
    out, err = run_import(path, province_unit.pk)
    decision = DecisionPage.objects.get(number="3157/QĐ-UBND")
    assert (decision.decision_date, decision.issuer) == (date(2025, 12, 10), "Chủ tịch UBND tỉnh Lào Cai")
    awardees = list(decision.awardees.all())
    assert len(awardees) == 50 and {awardee.award_text for awardee in awardees} == {"Bằng khen của Chủ tịch UBND tỉnh"}
    assert all(awardee.award is not None for awardee in awardees)
    assert "(Danh sách có 50 tập thể, cá nhân)" in out + err


def test_a_list_without_a_type_column_or_parts_reads_each_awardee_s_type_from_the_name(tmp_path, province_unit):
    """No "Loại" column and no "I. TẬP THỂ": a body's name is a collective, "Hộ …" a household, a person's name a
    person (before, every row was a person)."""
    rows = [
        "STT,Tên tập thể / Họ và tên,Chức vụ,Hình thức khen thưởng",
        "1,Phòng Tư pháp huyện Thử Loại,,Giấy khen",
        "2,Hộ ông Nguyễn Văn Thử,,Giấy khen",
        "3,Trường Tiểu học Thử Loại,,Giấy khen",
        "4,Nguyễn Thị Thử Loại,Kế toán,Giấy khen",
    ]
    decision = import_rows(
        tmp_path, province_unit, rows, "77/QĐ-UBND", "--date", "01/12/2025", "--issuer", "UBND huyện Thử"
    )
    types = {awardee.name: awardee.subject_type for awardee in decision.awardees.all()}
    assert types == {
        "Phòng Tư pháp huyện Thử Loại": "collective",
        "Hộ ông Nguyễn Văn Thử": "household",
        "Trường Tiểu học Thử Loại": "collective",
        "Nguyễn Thị Thử Loại": "individual",
    }


def test_numbered_groups_inside_a_part_are_no_awardees_and_keep_its_type(tmp_path, province_unit):
    """ "II. CÁ NHÂN" over "1. Khối Đảng, Mặt trận, đoàn thể" and "2. Khối doanh nghiệp" in the number column: the
    groups are headings (an empty name, refused, before), and the people under them stay the part's individuals."""
    path = tmp_path / "danh-sach-khoi.csv"
    rows = [
        "TT,Họ và tên,Chức vụ,Hình thức khen thưởng",
        "I. TẬP THỂ,,,",
        "1,Phòng Thử Khối,,Giấy khen",
        "II. CÁ NHÂN,,,",
        "1. Khối Đảng, Mặt trận, đoàn thể,,,",
        "2,Nguyễn Văn Thử Khối,Bí thư Chi bộ,Giấy khen",
        "2. Khối doanh nghiệp,,,",
        "3,Ban Thử Khối,Thợ lò,Giấy khen",
    ]
    path.write_text("\n".join(rows).replace("1. Khối Đảng, Mặt trận, đoàn thể", '"1. Khối Đảng, Mặt trận, đoàn thể"'))
    out, err = run_import(path, province_unit.pk, "--number", "78/QĐ-UBND", "--date", "02/12/2025", "--issuer", "UBND")
    decision = DecisionPage.objects.get(number="78/QĐ-UBND")
    types = {awardee.name: awardee.subject_type for awardee in decision.awardees.all()}
    assert types == {"Phòng Thử Khối": "collective", "Nguyễn Văn Thử Khối": "individual", "Ban Thử Khối": "individual"}
    assert "“2. Khối doanh nghiệp” là dòng đề mục" in out + err


def test_a_person_s_position_written_in_the_name_cell_goes_to_the_position(tmp_path, province_unit):
    """ "Họ và tên, chức vụ, đơn vị" in one column: the person's name stands alone and what the cell adds after a
    comma, a dash, a parenthesis or a line break is the position (before, the whole cell was the name); two names,
    a body's name and a birth year are not split."""
    rows = [
        'STT,"Họ và tên, chức vụ, đơn vị công tác",Chức vụ,Hình thức khen thưởng',
        '1,"Ông Nguyễn Văn Thử, Chủ tịch UBND xã Ea Thử",,Giấy khen',
        "2,Y Ngông Niê Kthử - Già làng buôn Kô Thử,,Giấy khen",
        '3,"Lỷ A Thử\nTrưởng bản",Đảng viên,Giấy khen',
        '4,"Lê Thị Thử, Nguyễn Văn Hai",,Giấy khen',
        '5,"Trường Tiểu học Thử, xã Ea Thử",,Giấy khen',
        '6,"Trần Văn Thử, 1975",,Giấy khen',
    ]
    decision = import_rows(tmp_path, province_unit, rows, "79/QĐ-UBND", "--date", "03/12/2025", "--issuer", "UBND")
    assert [(awardee.name, awardee.position) for awardee in decision.awardees.all()] == [
        ("Nguyễn Văn Thử", "Chủ tịch UBND xã Ea Thử"),  # "Ông" is how the cell addresses him, no part of his name
        ("Y Ngông Niê Kthử", "Già làng buôn Kô Thử"),
        ("Lỷ A Thử", "Trưởng bản, Đảng viên"),
        ("Lê Thị Thử, Nguyễn Văn Hai", ""),
        ("Trường Tiểu học Thử, xã Ea Thử", ""),
        ("Trần Văn Thử, 1975", ""),
    ]


def test_a_city_s_list_with_names_and_positions_in_one_column_imports_as_written(province_unit):
    """A helper's workbook of Hải Phòng (tests/fixtures/decisions/), written without seeing the importer: "Họ tên,
    chức vụ, đơn vị" in one column (a comma, a dash or a line break after the name), family names that are also
    words (Trương, Hồ, Tô, Đoàn, Bàn, Ca, Tống), "(Kèm theo … của Chủ tịch Ủy ban nhân dân thành phố)" under a header
    naming "THÀNH PHỐ HẢI PHÒNG", and "Bằng khen của Chủ tịch UBND thành phố" (only a province-level city's)."""
    path = Path(__file__).parent / "fixtures" / "decisions" / "danh-sach-khen-thuong-hai-phong-2025.xlsx"
    run_import(path, province_unit.pk)
    decision = DecisionPage.objects.get(number="3456/QĐ-UBND")
    assert decision.issuer == "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng"
    awardees = list(decision.awardees.all())
    types = [awardee.subject_type for awardee in awardees]
    assert (types.count("collective"), types.count("individual")) == (15, 35)
    people = [awardee for awardee in awardees if awardee.subject_type == "individual"]
    assert all(awardee.position and "," not in awardee.name and "\n" not in awardee.name for awardee in people)
    by_award = {awardee.award_text: awardee.award.name for awardee in awardees if awardee.award}
    assert by_award["Bằng khen của Chủ tịch UBND thành phố"] == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


def test_awards_marked_with_crosses_under_their_names_are_each_row_s_awards(province_unit):
    """A helper's workbook of a Huế ward (tests/fixtures/decisions/), written without seeing the importer: "Danh hiệu
    thi đua" over "Lao động tiên tiến" and "Chiến sĩ thi đua cơ sở", "Hình thức khen thưởng" over "Giấy khen" and
    "Tập thể lao động tiên tiến", an "x", "X" or "✓" under each award a row gets. Each award is an awardee of its own
    (before, the first column's "x" was the award), and a "Giấy khen" without its giver is the signer's, the ward
    chairman's."""
    path = Path(__file__).parent / "fixtures" / "decisions" / "danh-sach-danh-hieu-phuong-thuan-hoa-2025.xlsx"
    run_import(path, province_unit.pk)
    decision = DecisionPage.objects.get(number="215/QĐ-UBND")
    # the signer's block below the list, its cells under the award columns (before: "Chiến sĩ … CHỦ TỊCH")
    assert (decision.signer_title, decision.signer_name) == ("CHỦ TỊCH", "Phan Thiên Định")
    awardees = list(decision.awardees.all())
    assert len(awardees) == 56 and len({awardee.name for awardee in awardees}) == 40
    counts = Counter(awardee.award.name for awardee in awardees)
    assert counts == {
        "Lao động tiên tiến": 30,
        "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã": 12,
        "Tập thể lao động tiên tiến": 8,
        "Chiến sĩ thi đua cơ sở": 6,
    }
    assert {awardee.award_text for awardee in awardees} == {
        "Lao động tiên tiến",
        "Giấy khen",
        "Tập thể lao động tiên tiến",
        "Chiến sĩ thi đua cơ sở",
    }


def test_a_decision_award_cell_split_by_a_semicolon_only_when_each_part_is_an_award(tmp_path, province_unit):
    """ "Lao động tiên tiến; Chiến sĩ thi đua cơ sở" is two awards of one row; "Bằng khen …; QĐ số …" is one award with
    its decision, not a second awardee with a free award."""
    rows = [
        "STT,Họ và tên,Hình thức khen thưởng",
        '1,Lê Văn Hai Phần,"Lao động tiên tiến; Chiến sĩ thi đua cơ sở"',
        '2,Trần Thị Một Phần,"Bằng khen của Chủ tịch UBND tỉnh; QĐ số 12/QĐ-UBND ngày 3/4/2025"',
    ]
    decision = import_rows(tmp_path, province_unit, rows, "80/QĐ-UBND", "--date", "04/12/2025", "--issuer", "UBND tỉnh")
    assert [(awardee.name, awardee.award.name) for awardee in decision.awardees.all()] == [
        ("Lê Văn Hai Phần", "Lao động tiên tiến"),
        ("Lê Văn Hai Phần", "Chiến sĩ thi đua cơ sở"),
        ("Trần Thị Một Phần", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
    ]


def test_import_a_decision_list_kept_on_two_sheets(tmp_path, province_unit):
    """ "Tập thể" and "Cá nhân" on sheets of their own after a cover sheet: every awardee of both, each sheet's rows of
    its type ("Tổ Hòa Giải" is a collective on the first list, "Hà Văn Tổ" a person on the second), the first list's
    total no end of the second."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Bìa"
    workbook.active.append(["ỦY BAN NHÂN DÂN TỈNH KHEN THỬ"])
    header = ["STT", "Họ và tên", "Hình thức khen thưởng"]
    for title, rows in (
        ("Tập thể", [[1, "Tổ Hòa Giải Ấp Một", PROVINCE_AWARD], ["Cộng: 1 tập thể"]]),
        ("Cá nhân", [[1, "Hà Văn Tổ", PROVINCE_AWARD], [2, "Lò Thị Trang", DISTRICT_AWARD]]),
    ):
        sheet = workbook.create_sheet(title)
        for row in [header, *rows]:
            sheet.append(row)
    path = tmp_path / "qd-hai-trang.xlsx"
    workbook.save(path)
    _out, err = run_import(path, province_unit.pk, *HEADER_OPTIONS[2:], "--number", "50/QĐ-UBND")
    awardees = DecisionPage.objects.get(number="50/QĐ-UBND").awardees.order_by("sort_order")
    assert [(a.name, a.subject_type) for a in awardees] == [
        ("Tổ Hòa Giải Ấp Một", "collective"),
        ("Hà Văn Tổ", "individual"),
        ("Lò Thị Trang", "individual"),
    ]
    assert "“Tập thể”, “Cá nhân”" in err and "“Bìa”" in err


def write_word_list(path: Path) -> Path:
    """A decision's list as an office types it in Word: a layout table (issuer | motto), the title paragraphs, one
    bordered table whose header merges "TT" and "Họ và tên" down and "Thành tích" across "Năm" and "Nội dung", parts
    as rows merged across, a unit merged down over two people, and the closing line below."""
    import docx

    document = docx.Document()
    layout = document.add_table(rows=1, cols=2)
    layout.cell(0, 0).text, layout.cell(0, 1).text = (
        "ỦY BAN NHÂN DÂN TỈNH KHEN THỬ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    )
    document.add_paragraph("DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH")
    document.add_paragraph("(Kèm theo Quyết định số 52/QĐ-UBND ngày 21/11/2025 của Chủ tịch UBND tỉnh Khen Thử)")
    rows = [
        ["TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Thành tích", ""],
        ["", "", "", "Năm", "Nội dung"],
        ["I. TẬP THỂ", "", "", "", ""],
        ["1", "Đồn Biên phòng Thử", "", "2025", "Giữ vững biên giới"],
        ["II. CÁ NHÂN", "", "", "", ""],
        ["1", "Hồ Văn Lìn", "Trường PTDTBT Thử", "2025", "Dạy chữ"],
        ["2", "Hồ Thị Plưm", "", "2025", "Dạy nghề dệt"],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for line, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.cell(line, column).text = text
    for column in range(3):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(2, 0).merge(table.cell(2, 4))
    table.cell(4, 0).merge(table.cell(4, 4))
    table.cell(5, 2).merge(table.cell(6, 2))
    document.add_paragraph("Danh sách có 01 tập thể và 02 cá nhân./.")
    document.save(path)
    return path


def test_import_a_decision_list_typed_as_a_word_table(tmp_path, province_unit):
    """The decision's number and date from the line above the table, the award from its title with --award left
    out, each part's type, the merged unit for both teachers; a damaged .docx is refused by name."""
    path = write_word_list(tmp_path / "danh-sach-kem-theo.docx")
    run_import(path, province_unit.pk, "--award", PROVINCE_AWARD, "--issuer", "UBND tỉnh Khen Thử")
    page = DecisionPage.objects.get(number="52/QĐ-UBND")
    assert page.decision_date == date(2025, 11, 21)
    rows = [(a.name, a.subject_type, a.position, a.year, a.achievement) for a in page.awardees.order_by("sort_order")]
    assert rows == [
        ("Đồn Biên phòng Thử", "collective", "", 2025, "Giữ vững biên giới"),
        ("Hồ Văn Lìn", "individual", "Trường PTDTBT Thử", 2025, "Dạy chữ"),
        ("Hồ Thị Plưm", "individual", "Trường PTDTBT Thử", 2025, "Dạy nghề dệt"),
    ]
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not a document")
    with pytest.raises(CommandError, match="hong.docx"):
        run_import(broken, province_unit.pk, *HEADER_OPTIONS)


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".pdf"])
def test_a_province_s_list_typed_in_word_imports_with_nothing_but_the_file(province_unit, suffix):
    """A helper's Word document of Quảng Trị (tests/fixtures/decisions/), written without seeing the importer: the
    letterhead and signer in borderless tables, the list one bordered table with a two-row header ("Thành tích" over
    "Năm" and "Nội dung"), parts as merged rows, two-line unit cells, a school merged down over three teachers, years
    as "2025" or "Năm học 2024 – 2025". Number, date, issuer and award come from the lines above the table."""
    # .odt: saved by LibreOffice Writer; .pdf: printed by it, as bodies publish the list (its table over ten pages,
    # the heading repeated and cut by a page break, rows cut in two, the title lines wrapped)
    decision, awardees = imported_fixture(
        f"danh-sach-khen-thuong-quang-tri-2025{suffix}", province_unit, "2187/QĐ-UBND"
    )
    assert (decision.decision_date, decision.issuer) == (date(2025, 11, 14), "Chủ tịch UBND tỉnh Quảng Trị")
    assert (decision.signer_title, decision.signer_name) == ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Hoàng Nam")
    assert Counter(awardee.subject_type for awardee in awardees) == {"collective": 12, "individual": 33}
    assert {awardee.award.name for awardee in awardees} == {"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"}
    assert {awardee.year for awardee in awardees} == {2025}
    teachers = [awardee for awardee in awardees if awardee.position == "Giáo viên, Trường PTDTBT TH&THCS A Dơi"]
    assert len(teachers) == 3


def test_a_list_typed_in_the_old_tcvn3_font_imports_as_the_vietnamese_it_shows(district_unit):
    """A helper's Word list written blind in TCVN3 (.VnTime, capitals lines in .VnTimeH), as offices still type: the
    header row "Hä vµ tªn | Chøc vô, ®¬n vÞ | Thµnh tÝch" once made no list found; now the table is read as one text
    in that font (the font its words say is its short cells' too), a K'Ho name whose reading is no Vietnamese
    syllable is read all the same ("K' Brå" is "K' Brồ"), and a name's capital the font has no code for is restored
    ("Ph¹m ThÞ ¸nh NguyÖt" is "Phạm Thị Ánh Nguyệt")."""
    name = "danh-sach-giay-khen-duc-trong-2024-tcvn3.docx"
    decision, awardees = imported_fixture(name, district_unit, "1268/QĐ-UBND")
    assert (decision.decision_date, decision.issuer) == (date(2024, 11, 25), "Chủ tịch UBND huyện Đức Trọng")
    assert Counter(awardee.subject_type for awardee in awardees) == {"collective": 10, "individual": 30}
    names = [awardee.name for awardee in awardees]
    assert {"K' Brồ", "Touneh Hàn Đăm", "Phạm Thị Ánh Nguyệt", "Trần Văn Ổn"} <= set(names)
    assert not [
        name
        for name in names
        if any(0x7F < ord(char) < 0x100 and char.lower() not in "àáâãèéêìíòóôõùúý" for char in name)
    ]


def test_a_province_s_list_published_as_pdf_written_blind_imports_whole(province_unit):
    """A helper's Gia Lai list written without seeing the importer, typed in Word and printed to PDF by LibreOffice
    (six pages, the heading repeated on each, rows cut by page breaks, positions wrapped over up to six lines, two
    awards in one column, Jrai and Bahnar names): every awardee, type, position and award as written."""
    name = "danh-sach-co-thi-dua-bang-khen-gia-lai-2025.pdf"
    decision, awardees = imported_fixture(name, province_unit, "1542/QĐ-UBND")
    assert (decision.decision_date, decision.issuer) == (date(2025, 11, 28), "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai")
    assert Counter(awardee.subject_type for awardee in awardees) == {"collective": 18, "individual": 42}
    assert Counter(awardee.award.name for awardee in awardees) == {
        "Cờ thi đua của bộ, ban, ngành, tỉnh": 6,
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh": 54,
    }
    names = {awardee.name for awardee in awardees}
    assert {"Rơ Châm H'Lan", "Ksor Nhiên", "Đinh Văn Hlum", "Puih Bắp", "Siu H'Mai"} <= names
    assert all(awardee.position for awardee in awardees if awardee.subject_type == "individual")

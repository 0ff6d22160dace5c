"""Importing plans (issue #5): the command and the admin upload turn documents into draft plan pages."""

from __future__ import annotations

import itertools
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page

from exemplar_pages.models import MovementPage, PlanPage, UnitPage
from exemplar_pages.moderation.permissions import add_unit_editor
from exemplar_pages.roles import COUNCIL_MEMBERS
from tests import factories
from tests.moderation_fixtures import make_user
from tests.seeds_helper import seed_path, seed_text

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "plans"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
TITLE = (
    "Kế hoạch tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, mô hình mới, nhân tố mới năm {}"
)
_serial = itertools.count(1)


def new_unit(name: str = "UBND xã Thử Nhập") -> UnitPage:
    """A unit of its own for one test, named unlike anything in the demo content."""
    title = f"{name} {next(_serial)}"
    return factories.unit(title, full_name=title)


def run(*args, **options) -> str:
    """Run import_plan and return what it printed."""
    out = StringIO()
    call_command("import_plan", *[str(arg) for arg in args], stdout=out, stderr=out, **options)
    return out.getvalue()


def plans_under(unit: UnitPage) -> list[PlanPage]:
    return list(PlanPage.objects.child_of(unit).order_by("pk"))


def imported(path: Path, unit: UnitPage) -> PlanPage:
    """Import one file under ``unit`` and return the one plan now there."""
    run(path, parent=unit.pk)
    (page,) = plans_under(unit)
    return page


def headings(page: PlanPage) -> list[tuple[str, str, str]]:
    return [(b.value["level"], b.value["number"], b.value["text"]) for b in page.sections if b.block_type == "heading"]


def basis(page: PlanPage) -> list[tuple]:
    return [(r.verb, r.document_type, r.number, r.date, r.issuer) for r in page.basis.all()]


def units(page: PlanPage) -> list[str]:
    return [assignment.unit for assignment in page.assignments.all()]


def test_seed_004_becomes_a_draft_plan_with_every_field() -> None:
    unit = new_unit()
    output = run(seed_path("004"), parent=unit.pk)
    (page,) = plans_under(unit)
    assert not page.live and page.latest_revision is not None and page.has_unpublished_changes
    assert page.title == TITLE.format(2023)
    assert (page.number, page.issue_date, page.issue_place) == ("93/KH-VP", date(2023, 1, 13), "Đồng Nai")
    assert page.issuing_body == "Văn phòng UBND tỉnh Đồng Nai"
    assert (page.period_start, page.period_end) == (2023, 2023)
    assert basis(page) == [("Thực hiện", "Kế hoạch", "06/KH-UBND", date(2023, 1, 10), "Chủ tịch UBND tỉnh Đồng Nai")]
    assert page.basis.first().subject.startswith("Tuyên truyền các phong trào thi đua yêu nước")
    assert headings(page) == [
        ("2", "I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("3", "1.", "Mục đích"),
        ("3", "2.", "Yêu cầu"),
        ("2", "II.", "NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN"),
        ("3", "1.", "Nội dung tuyên truyền"),
        ("3", "2.", "Hình thức tuyên truyền"),
        ("2", "III.", "TỔ CHỨC THỰC HIỆN"),
        ("3", "1.", "Phòng Hành chính - Tổ chức"),
        ("3", "2.", "Các phòng, ban, trung tâm và cổng thông tin"),
    ]
    kinds = [block.block_type for block in page.sections]
    assert (kinds.count("heading"), kinds.count("bullet_list"), kinds.count("paragraph")) == (9, 5, 3)
    assert page.sections[0].value.source.startswith("<p>Thực hiện Kế hoạch số 06/KH-UBND ngày 10/01/2023")
    first_list = next(block.value for block in page.sections if block.block_type == "bullet_list")
    assert first_list[0].startswith("Đẩy mạnh công tác tuyên truyền tư tưởng thi đua yêu nước")
    assert units(page) == ["Phòng Hành chính - Tổ chức", "Các phòng, ban, trung tâm và cổng thông tin"]
    assert page.assignments.first().task_list[0] == "Chủ trì tổ chức, triển khai Kế hoạch này tại Văn phòng UBND tỉnh."
    assert page.recipient_list == [
        "Chánh, các Phó Chánh VP UBND tỉnh",
        "Ban Thi đua - Khen thưởng tỉnh",
        "Các Phòng, Ban, Trung tâm, Công Thông tin điện tử",
        "Lưu: VT, HCTC, Phong",
    ]
    assert (page.signer_title, page.signer_name) == ("CHÁNH VĂN PHÒNG", "Nguyễn Kim Long")
    document = page.original_document
    assert document.title == seed_path("004").name
    with document.open_file() as stored:
        assert stored.read() == seed_path("004").read_bytes()
    # The six movements it names are all in the demo content: linked, none created.
    assert "Toàn tỉnh chung sức xây dựng nông thôn mới" in [m.title for m in page.movements.all()]
    assert page.movements.count() == 6 and not MovementPage.objects.child_of(unit).exists()
    assert f"kế hoạch #{page.pk}" in output and f"/admin/pages/{page.pk}/edit/" in output
    assert "Số hiệu: 93/KH-VP" in output and "Chất lượng chữ: 100.0%" in output
    assert "NGHI LỖI" not in output and "Không trích xuất được" not in output


def test_seed_000_links_the_cited_plan_and_creates_draft_movements() -> None:
    unit = new_unit()
    output = run(seed_path("000"), parent=unit.pk)
    (page,) = plans_under(unit)
    assert not page.live
    assert page.title == TITLE.format(2023)
    assert (page.number, page.issue_date, page.issue_place) == ("", None, "")
    assert page.issuing_body == "Ủy ban nhân dân thị trấn Tân Biên"
    assert (page.period_start, page.period_end) == (2023, 2023)
    assert basis(page) == [("Thực hiện", "Kế hoạch", "57/KH-UBND", date(2023, 2, 27), "UBND huyện")]
    cited = page.basis.first().linked_plan  # the demo's page for Kế hoạch 57/KH-UBND of UBND huyện Tân Biên
    assert (cited.number, cited.issue_date, cited.issuing_body) == (
        "57/KH-UBND",
        date(2023, 2, 27),
        "UBND huyện Tân Biên",
    )
    assert headings(page)[:3] == [("2", "I.", "MỤC ĐÍCH, YÊU CẦU"), ("3", "1.", "Mục đích"), ("3", "2.", "Yêu cầu")]
    assert [h[1] for h in headings(page) if h[0] == "4"][:5] == ["a)", "b)", "c)", "d)", "e)"]
    assert units(page) == [
        "Các Khối Thi đua trên địa bàn thị trấn",
        "Công chức Văn phòng - Thống kê (Thường trực HĐ TĐ-KT thị trấn)",
        "Công chức VH-XH, Trung tâm Văn hóa Thể thao và HTCĐ, Đài Truyền thanh",
        "Cán bộ Tuyên giáo Đảng ủy",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thị trấn, các tổ chức chính trị - xã hội, "
        "các tổ chức chính trị - xã hội - nghề nghiệp, các tổ chức xã hội thị trấn",
        "Công tác thông tin, báo cáo",
    ]
    report = page.assignments.get(unit="Công tác thông tin, báo cáo")
    assert (report.deadline, report.deadline_note) == (date(2023, 3, 10), "gửi về Công chức VP-TK trước ngày 10/3/2023")
    assert page.recipient_list == [
        "HĐ TĐKT huyện",
        "TT.HU; TT.HĐND thị trấn",
        "UBMTTQVN; các tổ chức chính trị - xã hội thị trấn",
        "Các ban ngành, đoàn thể thị trấn",
        "Các khu phố",
        "Lưu: VP",
    ]
    assert (page.signer_title, page.signer_name) == ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "")
    linked = {movement.title: movement for movement in page.movements.all()}
    assert linked["Tân Biên chung sức xây dựng nông thôn mới"].live  # the demo's movement
    new = linked["Doanh nghiệp Việt Nam hội nhập và phát triển"]  # named by the plan, not on the site
    assert not new.live and new.get_parent().pk == unit.pk and "Kế hoạch" in new.summary
    assert "tạo mới (bản nháp) 3" in output
    assert "Không trích xuất được" in output and "Không tìm thấy họ tên người ký." in output


def test_seed_002_quarterly_deadlines_and_two_references() -> None:
    unit = new_unit()
    output = run(seed_path("002"), parent=unit.pk)
    (page,) = plans_under(unit)
    assert page.title == TITLE.format(2022)
    assert (page.number, page.issue_date) == ("", None)
    assert page.issuing_body == "Ủy ban nhân dân huyện Tân Biên"
    assert (page.period_start, page.period_end) == (2022, 2022)
    assert basis(page) == [
        ("Thực hiện", "Kế hoạch", "886/KH-UBND", date(2021, 3, 14), "UBND tỉnh"),
        ("Căn cứ", "Kế hoạch", "38/KH-UBND", date(2021, 2, 9), "UBND huyện"),
    ]
    assert [r.linked_plan_id for r in page.basis.all()] == [None, None]  # neither is on the site
    assert headings(page)[:5] == [
        ("2", "I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("3", "1.", "Mục đích"),
        ("3", "2.", "Yêu cầu"),
        ("2", "II.", "NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN"),
        ("3", "1.", "Nội dung tuyên truyền"),
    ]
    assert len(units(page)) == 6 and units(page)[0] == "Các Khối Thi đua trên địa bàn huyện"
    quarterly = page.assignments.all()[4]
    assert quarterly.deadline == date(2022, 3, 20)
    assert quarterly.deadline_note.startswith("Các hạn tiếp theo: 20/06/2022, 20/09/2022, 20/12/2022")
    report = page.assignments.get(unit="Công tác thông tin, báo cáo")
    assert (report.deadline, report.deadline_note) == (
        date(2022, 4, 15),
        "gửi về Phòng Nội vụ chậm nhất ngày 15/4/2022",
    )
    assert (page.recipients, page.signer_title, page.signer_name) == ("", "", "")
    assert "Không tìm thấy danh sách “Nơi nhận”." in output


def test_reimport_does_not_duplicate(tmp_path: Path) -> None:
    unit = new_unit()
    run(seed_path("004"), parent=unit.pk)
    documents = get_document_model().objects.count()
    copy = tmp_path / "ban-sao.txt"
    copy.write_bytes(seed_path("004").read_bytes())
    output = run(seed_path("004"), copy, parent=unit.pk)
    (page,) = plans_under(unit)
    assert output.count(f"Đã có: kế hoạch #{page.pk}") == 2
    assert get_document_model().objects.count() == documents
    revisions = page.revisions.count()
    run(copy, parent=unit.pk, update=True)
    assert len(plans_under(unit)) == 1 and page.revisions.count() == revisions + 1


def test_reimport_of_a_plan_naming_new_movements_creates_them_once() -> None:
    unit = new_unit()
    run(seed_path("000"), parent=unit.pk)
    run(seed_path("000"), parent=unit.pk, update=True)
    assert MovementPage.objects.child_of(unit).count() == 3


def test_parent_is_the_unit_named_as_issuing_body() -> None:
    plan_file = FIXTURES / "synthetic_xa_phuoc_thanh_2024.txt"
    with pytest.raises(CommandError, match=r"Phước Thạnh.*--parent"):
        run(plan_file)
    unit = factories.unit("UBND xã Phước Thạnh", full_name="Ủy ban nhân dân xã Phước Thạnh")
    run(plan_file)
    (page,) = plans_under(unit)
    assert (page.number, page.issue_date) == ("45/KH-UBND", date(2024, 3, 5))
    # Seed 000 names a demo unit, which has this plan already: reported, not duplicated.
    before = PlanPage.objects.count()
    assert "Đã có: kế hoạch #" in run(seed_path("000"))
    assert PlanPage.objects.count() == before


def test_parent_must_be_a_unit() -> None:
    home = factories.home_page()
    with pytest.raises(CommandError, match="không phải là trang đơn vị"):
        run(seed_path("004"), parent=home.pk)


def test_an_unreadable_file_fails_alone(tmp_path: Path) -> None:
    unit = new_unit()
    bad = tmp_path / "hong.odt"
    bad.write_bytes(b"PK\x03\x04")
    with pytest.raises(CommandError, match=r"hong\.odt"):
        run(bad, seed_path("004"), parent=unit.pk)
    assert len(plans_under(unit)) == 1


def page_fields(page: PlanPage) -> dict:
    """What must not depend on the file format."""
    return {
        "title": page.title,
        "number": page.number,
        "date": (page.issue_date, page.issue_place),
        "issuing_body": page.issuing_body,
        "period": (page.period_start, page.period_end),
        "basis": basis(page),
        "headings": headings(page),
        "assignments": [(a.unit, len(a.task_list), a.deadline) for a in page.assignments.all()],
        "recipients": page.recipient_list,
        "signer": (page.signer_title, page.signer_name),
        "movements": sorted(m.title for m in page.movements.all()),
    }


@pytest.fixture
def seed_004_lines() -> list[str]:
    return [line.strip() for line in seed_text("004").splitlines() if line.strip()]


def test_docx_and_pdf_give_the_same_plan(tmp_path: Path, seed_004_lines: list[str]) -> None:
    import docx
    import fpdf

    if not FONT.exists():
        pytest.fail("DejaVuSans.ttf not found: apt-get install fonts-dejavu-core")
    word = docx.Document()
    for line in seed_004_lines:
        word.add_paragraph(line)
    word_path = tmp_path / "ke-hoach-93.docx"
    word.save(str(word_path))
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    for line in seed_004_lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf_path = tmp_path / "ke-hoach-93.pdf"
    pdf.output(str(pdf_path))

    from_txt = page_fields(imported(seed_path("004"), new_unit()))
    from_docx = imported(word_path, new_unit())
    from_pdf = imported(pdf_path, new_unit())
    assert page_fields(from_docx) == from_txt
    assert page_fields(from_pdf) == from_txt
    assert from_pdf.original_document.title == "ke-hoach-93.pdf"


def broken_copies(text: str) -> dict[str, str]:
    """Seed 004 with its letters lost (saved as ASCII) and as unrecoverable mojibake."""
    return {
        "mat-chu.txt": text.encode("ascii", errors="replace").decode("ascii"),
        "ma-hoa-loi.txt": text.encode("utf-8").decode("cp1252", errors="replace"),
    }


@pytest.mark.parametrize("name", ["mat-chu.txt", "ma-hoa-loi.txt"])
def test_a_badly_encoded_plan_is_flagged(tmp_path: Path, name: str, admin_client) -> None:
    path = tmp_path / name
    path.write_text(broken_copies(seed_text("004"))[name], encoding="utf-8")
    unit = new_unit()
    output = run(path, parent=unit.pk)
    (page,) = plans_under(unit)
    assert "NGHI LỖI MÃ HÓA / MẤT CHỮ" in output
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-text-quality="suspect"' in content and "Nghi lỗi mã hóa / mất chữ" in content


def test_the_edit_page_of_a_clean_plan_shows_its_quality(admin_client) -> None:
    page = imported(seed_path("004"), new_unit())
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-text-quality="ok"' in content and "100.0%" in content


def upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def test_admin_upload_creates_a_draft_for_an_editor(client) -> None:
    unit, other = new_unit(), new_unit()
    editor = make_user("bientap-nhap")
    add_unit_editor(editor, unit)
    client.force_login(editor)
    url = reverse("import_plan")
    form_page = client.get(url).content.decode()
    assert unit.title in form_page and other.title not in form_page
    response = client.post(url, {"file": upload(seed_path("004")), "parent": unit.pk})
    (page,) = plans_under(unit)
    content = response.content.decode()
    assert response.status_code == 200 and not page.live and page.owner == editor
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in content and "93/KH-VP" in content
    assert page.revisions.get().user == editor
    # A unit the editor may not add to is not a valid choice: nothing is saved.
    response = client.post(url, {"file": upload(seed_path("000")), "parent": other.pk})
    assert response.status_code == 200 and "parent" in response.context["form"].errors
    assert plans_under(other) == []


WORD97 = Path(__file__).parent / "fixtures" / "plans" / "word97"


def test_admin_upload_of_an_old_word_file_in_an_old_font(client) -> None:
    """An office's .doc typed in TCVN3 (.VnTime) becomes a draft plan in Vietnamese letters; an RTF saved
    with a .doc name is refused, saying what it is."""
    unit = new_unit()
    editor = make_user("bientap-nhap")
    add_unit_editor(editor, unit)
    client.force_login(editor)
    response = client.post(
        reverse("import_plan"), {"file": upload(WORD97 / "ke_hoach_93_tcvn3.doc"), "parent": unit.pk}
    )
    (page,) = plans_under(unit)
    assert response.status_code == 200 and "93/KH-VP" in response.content.decode()
    assert (page.number, page.issuing_body, str(page.issue_date)) == (
        "93/KH-VP",
        "Văn phòng UBND tỉnh Đồng Nai",
        "2023-01-13",
    )
    assert page.title.startswith("Kế hoạch tuyên truyền các phong trào thi đua yêu nước")
    assert page.original_document.file.name.endswith(".doc")  # kept as a document its edit form accepts
    assert "doc" in settings.WAGTAILDOCS_EXTENSIONS
    rtf = SimpleUploadedFile("ke_hoach_cu.doc", b"{\\rtf1\\ansi K\\'e1 ho\\'e1ch}")
    response = client.post(reverse("import_plan"), {"file": rtf, "parent": unit.pk})
    assert "ke_hoach_cu.doc" in str(response.context["form"].errors["file"])
    assert "RTF" in str(response.context["form"].errors["file"])
    assert len(plans_under(unit)) == 1


def test_admin_upload_of_a_plan_saved_by_libreoffice(client) -> None:
    """An office working in LibreOffice uploads its .odt: a draft plan like the Word file's, the .odt kept."""
    unit = new_unit()
    editor = make_user("bientap-nhap")
    add_unit_editor(editor, unit)
    client.force_login(editor)
    response = client.post(reverse("import_plan"), {"file": upload(WORD97 / "ke_hoach_93.odt"), "parent": unit.pk})
    (page,) = plans_under(unit)
    assert response.status_code == 200 and "93/KH-VP" in response.content.decode()
    assert (page.number, page.issuing_body, page.issue_place, str(page.issue_date)) == (
        "93/KH-VP",
        "Văn phòng UBND tỉnh Đồng Nai",
        "Đồng Nai",
        "2023-01-13",
    )
    assert page.original_document.file.name.endswith(".odt")


def test_admin_upload_reports_an_unreadable_file(client, tmp_path: Path) -> None:
    unit = new_unit()
    editor = make_user("bientap-nhap")
    add_unit_editor(editor, unit)
    client.force_login(editor)
    empty = SimpleUploadedFile("rong.txt", b"   \n")
    response = client.post(reverse("import_plan"), {"file": empty, "parent": unit.pk})
    assert "rong.txt" in str(response.context["form"].errors["file"])
    wrong = SimpleUploadedFile("bang.xlsx", b"PK")
    response = client.post(reverse("import_plan"), {"file": wrong, "parent": unit.pk})
    assert "bang.xlsx" in str(response.context["form"].errors["file"])
    assert plans_under(unit) == []


def test_admin_upload_is_refused_without_add_permission(client) -> None:
    unit = new_unit()
    member = make_user("hoidong-nhap", COUNCIL_MEMBERS)
    client.force_login(member)
    refused = client.get(reverse("import_plan"))  # Wagtail turns PermissionDenied into a redirect with a message
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    response = client.post(reverse("import_plan"), {"file": upload(seed_path("004")), "parent": unit.pk})
    assert response.status_code == 302 and plans_under(unit) == []


def test_import_menu_is_shown_to_editors_only(client) -> None:
    unit = new_unit()
    editor = make_user("bientap-nhap")
    add_unit_editor(editor, unit)
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"name": "nhap-du-lieu"' in dashboard and reverse("import_plan") in dashboard  # the sidebar's JSON
    assert reverse("import_exemplars") not in dashboard


def test_story_edit_page_shows_text_quality(admin_client) -> None:
    story = factories.story(
        new_unit(), publish_it=False, summary="Hộ ông Nguyễn Văn An làm kinh tế giỏi, giúp đỡ nhiều hộ nghèo."
    )
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    assert 'data-text-quality="ok"' in content
    assert Page.objects.filter(pk=story.pk).exists()

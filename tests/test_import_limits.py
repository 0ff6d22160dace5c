"""Bounded imports (issue #12 point 5): limits named in the errors, bounded memory, nothing saved; admin jobs."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from exemplar_pages.models import ExemplarStoryPage, ImportJob, PlanPage
from exemplar_pages.moderation.permissions import add_unit_editor
from exemplar_pages.roles import STANDING_OFFICE
from tests.moderation_fixtures import make_user
from tests.seeds_helper import seed_path
from tests.test_import_exemplars import COLUMNS, good_rows, new_unit, stories, write_csv, write_xlsx

pytestmark = pytest.mark.django_db

SHEET = "xl/worksheets/sheet1.xml"
MEMORY_BOUND = 40 * 1024 * 1024  # far below the decompressed size of the bombs


def inflate_sheet(path: Path, rows: int) -> Path:
    """Turn a real .xlsx into a zip bomb: its sheet becomes `rows` repeated rows (tens of MB, a few KB zipped)."""
    source = zipfile.ZipFile(path)
    members = {info.filename: source.read(info) for info in source.infolist()}
    source.close()
    row = "".join(f'<c t="inlineStr"><is><t>{column} giá trị lặp lại</t></is></c>' for column in COLUMNS)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for name, data in members.items():
            if name != SHEET:
                bomb.writestr(name, data)
        with bomb.open(SHEET, "w", force_zip64=True) as sheet:
            head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            sheet.write(head.encode())
            chunk = (f"<row>{row}</row>" * 1000).encode()
            for _ in range(rows // 1000):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return path


def bomb_xlsx(tmp_path: Path, rows: int = 120_000) -> Path:
    path = inflate_sheet(write_xlsx(good_rows(), tmp_path / "bom.xlsx"), rows)
    assert path.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo(SHEET).file_size > 50 * 1024 * 1024
    return path


def command_error(name: str, *args, **options) -> tuple[str, int]:
    """Run an import command that must fail; its message and the peak of traced memory."""
    tracemalloc.start()
    try:
        with pytest.raises(CommandError) as error:
            call_command(name, *args, stdout=io.StringIO(), stderr=io.StringIO(), **options)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return str(error.value), peak


def upload(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes())


def office_client(client):
    user = make_user("thuongtruc-gioihan", STANDING_OFFICE)
    client.force_login(user)
    return user


def post_exemplars(client, path: Path, unit, **extra):
    return client.post(reverse("import_exemplars"), {"file": upload(path), "parent": unit.pk, **extra})


def test_zip_bomb_xlsx_is_refused_by_the_command_and_the_admin(client, tmp_path: Path) -> None:
    unit = new_unit()
    path = bomb_xlsx(tmp_path)
    message, peak = command_error("import_exemplars", str(path), parent=unit.pk)
    assert "IMPORT_MAX_MEMBER_BYTES" in message and SHEET in message and "bom.xlsx" in message
    assert peak < MEMORY_BOUND
    office_client(client)
    response = post_exemplars(client, path, unit)
    errors = str(response.context["form"].errors["file"])
    assert response.status_code == 200 and "IMPORT_MAX_MEMBER_BYTES" in errors and SHEET in errors
    assert stories(unit) == [] and not ImportJob.objects.exists()


def test_highly_compressed_sheet_under_the_size_limits_is_refused_by_its_ratio(tmp_path: Path) -> None:
    unit = new_unit()
    path = inflate_sheet(write_xlsx(good_rows(), tmp_path / "nen.xlsx"), 20_000)
    message, _peak = command_error("import_exemplars", str(path), parent=unit.pk)
    assert "IMPORT_MAX_COMPRESSION_RATIO" in message and SHEET in message and stories(unit) == []


def test_zip_bomb_docx_plan_is_refused_before_python_docx_reads_it(tmp_path: Path) -> None:
    unit = new_unit()
    path = tmp_path / "ke-hoach-bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with bomb.open("word/document.xml", "w", force_zip64=True) as document:
            chunk = (
                b"<w:p><w:r><w:t>K\xe1\xba\xbf ho\xe1\xba\xa1ch l\xe1\xba\xb7p l\xe1\xba\xa1i</w:t></w:r></w:p>" * 2000
            )
            for _ in range(60 * 1024 * 1024 // len(chunk)):
                document.write(chunk)
    message, peak = command_error("import_plan", str(path), parent=unit.pk)
    assert "IMPORT_MAX_MEMBER_BYTES" in message and "word/document.xml" in message and peak < MEMORY_BOUND
    assert not PlanPage.objects.child_of(unit).exists()


def test_oversized_csv_is_refused_before_it_is_read(client, tmp_path: Path, settings) -> None:
    unit = new_unit()
    path = write_csv(good_rows(), tmp_path / "lon.csv")
    with path.open("a", encoding="utf-8") as stream:  # ~25 MB of further rows
        line = ";".join(["Bài lặp"] * len(COLUMNS)) + "\n"
        stream.write(line * (25 * 1024 * 1024 // len(line.encode())))
    message, peak = command_error("import_exemplars", str(path), parent=unit.pk)
    assert "Tệp quá lớn" in message and "(IMPORT_MAX_BYTES)" in message and "giới hạn 20" in message
    assert peak < MEMORY_BOUND
    settings.IMPORT_MAX_BYTES = 1024  # the admin gives the same message; a small file keeps the test quick
    small = write_csv(good_rows(), tmp_path / "nho.csv")
    office_client(client)
    response = post_exemplars(client, small, unit)
    errors = str(response.context["form"].errors["file"])
    assert "Tệp quá lớn" in errors and "(IMPORT_MAX_BYTES)" in errors and "giới hạn 1" in errors
    assert stories(unit) == [] and not ImportJob.objects.exists()


@pytest.mark.parametrize("writer", [write_csv, write_xlsx])
def test_too_many_rows_are_refused(tmp_path: Path, settings, writer) -> None:
    settings.IMPORT_MAX_ROWS = 2
    unit = new_unit()
    suffix = ".csv" if writer is write_csv else ".xlsx"
    message, _peak = command_error(
        "import_exemplars", str(writer(good_rows(), tmp_path / f"ba{suffix}")), parent=unit.pk
    )
    assert "Quá nhiều dòng" in message and "hơn 2 dòng" in message and "(IMPORT_MAX_ROWS)" in message
    assert stories(unit) == []
    settings.IMPORT_MAX_ROWS = 3  # exactly at the limit is accepted
    call_command(
        "import_exemplars", str(writer(good_rows(), tmp_path / f"du{suffix}")), parent=unit.pk, stdout=io.StringIO()
    )
    assert len(stories(unit)) == 3


def test_long_cells_and_wide_rows_are_refused(tmp_path: Path, settings) -> None:
    unit = new_unit()
    rows = good_rows()
    rows[1]["body"] = "Nội dung rất dài. " * 100
    settings.IMPORT_MAX_CELL_CHARS = 1000
    message, _peak = command_error("import_exemplars", str(write_csv(rows, tmp_path / "dai.csv")), parent=unit.pk)
    assert "Dòng 3 có ô dài hơn 1000 ký tự (IMPORT_MAX_CELL_CHARS)" in message
    message, _peak = command_error("import_exemplars", str(write_xlsx(rows, tmp_path / "dai.xlsx")), parent=unit.pk)
    assert "Dòng 3 có ô dài hơn 1000 ký tự (IMPORT_MAX_CELL_CHARS)" in message
    settings.IMPORT_MAX_COLUMNS = 5
    message, _peak = command_error(
        "import_exemplars", str(write_csv(good_rows(), tmp_path / "rong.csv")), parent=unit.pk
    )
    assert "Dòng 1 có 12 cột, nhiều hơn giới hạn 5 cột (IMPORT_MAX_COLUMNS)" in message
    assert stories(unit) == []


def test_pdf_with_too_many_pages_is_refused(tmp_path: Path, settings) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "ba-trang.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    settings.IMPORT_MAX_PDF_PAGES = 2
    unit = new_unit()
    message, _peak = command_error("import_plan", str(path), parent=unit.pk)
    assert "3 trang, nhiều hơn giới hạn 2 trang (IMPORT_MAX_PDF_PAGES)" in message
    assert not PlanPage.objects.child_of(unit).exists()


def test_admin_upload_runs_as_a_job_that_creates_the_stories(client, tmp_path: Path, settings) -> None:
    settings.IMPORT_BACKGROUND_MIN_BYTES = 0
    unit = new_unit()
    office = office_client(client)
    response = post_exemplars(client, write_csv(good_rows(), tmp_path / "nen-quy-2.csv"), unit)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("import_job", args=[job.pk])
    created = stories(unit)
    assert job.status == ImportJob.Status.DONE and job.user == office and job.parent_id == unit.pk
    assert (job.rows, job.created_count, job.error_count) == (3, 3, 0) and len(created) == 3
    assert all(not story.live and story.owner == office for story in created)
    assert not job.file  # the stored upload is removed once imported
    page = client.get(response["Location"]).content.decode()
    assert "Đã xong" in page and "Đã nhập 3 gương điển hình" in page and created[0].title in page
    assert 'http-equiv="refresh"' not in page
    listing = client.get(reverse("import_jobs")).content.decode()
    assert "nen-quy-2.csv" in listing and reverse("import_job", args=[job.pk]) in listing


def test_failing_job_ends_failed_with_the_row_errors_and_saves_nothing(client, tmp_path: Path, settings) -> None:
    settings.IMPORT_BACKGROUND_MIN_BYTES = 0
    unit = new_unit()
    office_client(client)
    rows = good_rows()
    rows[2]["year"] = "20x4"
    response = post_exemplars(client, write_csv(rows, tmp_path / "nen-loi.csv"), unit)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and job.error_count == 1
    assert "Dòng 4: year: “20x4” phải là số từ 1945 đến 2100." in job.report
    assert stories(unit) == [] and not ExemplarStoryPage.objects.filter(title=rows[0]["title"]).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Không nhập được" in page and "Dòng 4: year: “20x4”" in page


def test_plan_upload_runs_as_a_job(client, settings) -> None:
    settings.IMPORT_BACKGROUND_MIN_BYTES = 0
    unit = new_unit()
    client.force_login(make_user("quantri-gioihan", is_superuser=True))
    response = client.post(reverse("import_plan"), {"file": upload(seed_path("004")), "parent": unit.pk})
    job = ImportJob.objects.get()
    plan = PlanPage.objects.child_of(unit).get()
    assert response.status_code == 302 and job.status == ImportJob.Status.DONE and job.created_count == 1
    assert f"#{plan.pk}" in job.report and not plan.live
    assert plan.title in client.get(response["Location"]).content.decode()


def test_job_pages_follow_permissions_and_refresh_while_running(client) -> None:
    unit = new_unit()
    owner, other = make_user("nguoinhap-gioihan"), make_user("nguoikhac-gioihan")
    for user in (owner, other):
        add_unit_editor(user, unit)
    job = ImportJob.objects.create(kind=ImportJob.Kind.EXEMPLARS, file_name="cho.csv", user=owner, parent=unit)
    url = reverse("import_job", args=[job.pk])
    client.force_login(owner)
    page = client.get(url).content.decode()
    assert 'http-equiv="refresh"' in page and "Đang chờ" in page
    client.force_login(other)
    assert client.get(url).status_code == 302  # Wagtail turns PermissionDenied into a redirect with a message
    client.force_login(make_user("thuongtruc-xem", STANDING_OFFICE))
    assert client.get(url).status_code == 200

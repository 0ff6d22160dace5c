"""Spreadsheet help (issue #14, point 5): the downloadable XLSX template, and the admin keeping the chosen file."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from exemplar_pages.importing import import_exemplars
from exemplar_pages.importing.exemplar_rows import COLUMNS
from exemplar_pages.importing.kept_uploads import SESSION_KEY
from exemplar_pages.models import Award, ExemplarStoryPage, Field, Locality
from exemplar_pages.moderation.permissions import add_unit_editor
from exemplar_pages.roles import STANDING_OFFICE
from tests import factories
from tests.moderation_fixtures import make_user
from tests.test_import_exemplars import good_rows, write_csv

pytestmark = pytest.mark.django_db


def office_client(client: Client, name: str = "thuongtruc-mau") -> Client:
    client.force_login(make_user(name, STANDING_OFFICE))
    return client


def test_the_template_lists_the_accepted_values_of_the_database_now(client) -> None:
    Award.objects.create(name="Danh hiệu Thử Mẫu Vừa Thêm", kind="danh-hieu", level="tinh")
    Locality.objects.create(name="Tỉnh Thử Mẫu Vừa Thêm", kind="tinh")
    response = office_client(client).get(reverse("import_exemplars_template"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Danh sách", "Cột", "Lĩnh vực", "Loại điển hình", "Khen thưởng", "Địa bàn"]
    rows = list(workbook["Danh sách"].iter_rows(values_only=True))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == 3
    assert [row[0] for row in workbook["Cột"].iter_rows(min_row=2, values_only=True)] == list(COLUMNS)
    fields = [row[0] for row in workbook["Lĩnh vực"].iter_rows(min_row=2, values_only=True)]
    assert fields == list(Field.objects.order_by("sort_key").values_list("name", flat=True)) and len(fields) >= 13
    types = {row[0] for row in workbook["Loại điển hình"].iter_rows(min_row=2, values_only=True)}
    assert types == {"Cá nhân", "Tập thể", "Hộ gia đình"}
    awards = {row[0] for row in workbook["Khen thưởng"].iter_rows(min_row=2, values_only=True)}
    assert {"Danh hiệu Thử Mẫu Vừa Thêm", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Giấy khen"} <= awards
    assert len(awards) == Award.objects.count()
    provinces = [row[0] for row in workbook["Địa bàn"].iter_rows(min_row=2, values_only=True)]
    assert "Tỉnh Thử Mẫu Vừa Thêm" in provinces
    assert set(provinces) == set(Locality.objects.filter(parent__isnull=True).values_list("name", flat=True))


def test_the_template_itself_imports_with_no_error(client) -> None:
    data = office_client(client).get(reverse("import_exemplars_template")).content
    unit = factories.unit("UBND xã Thử Tệp Mẫu", full_name="UBND xã Thử Tệp Mẫu")
    result = import_exemplars("mau.xlsx", data, unit, dry_run=True)
    assert result.errors == [] and len(result.drafts) == 2
    assert any("Giải Nhất cuộc thi" in warning and "giữ nguyên văn" in warning for warning in result.warnings)
    assert [award.award.name for award in result.drafts[0].awards if award.award] == [
        "Chiến sĩ thi đua cơ sở",
        "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện",
    ]


def test_the_template_is_for_those_who_may_import_exemplars(client) -> None:
    url = reverse("import_exemplars_template")
    assert client.get(url).status_code == 302  # to the login page
    editor = make_user("bientap-mau")
    add_unit_editor(editor, factories.unit("UBND xã Thử Mẫu Biên Tập", full_name="UBND xã Thử Mẫu Biên Tập"))
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code in (302, 403) and not response.content.startswith(b"PK")
    page = office_client(Client(), "thuongtruc-lien-ket").get(reverse("import_exemplars")).content.decode()
    assert f'href="{url}"' in page


def bad_list(tmp_path: Path) -> Path:
    rows = good_rows()
    # a field the portal lacks, in a row that speaks of no other field's topic: an error until the office adds it
    rows[2].update(
        field="Lĩnh vực Thử Giữ Tệp",
        movement="",
        summary="Một tấm gương.",
        body="",
        title="Tổ tự quản Bến Thử",
        subject_name="Tổ tự quản Bến Thử",  # a collective's name may tell its field ("Trạm y tế …"): this one does not
    )
    return write_csv(rows, tmp_path / "giu-tep.csv")


def kept_token(client: Client) -> str:
    return client.session[SESSION_KEY]["token"]


def test_the_chosen_file_is_kept_after_an_error_and_imported_again(client, tmp_path: Path) -> None:
    unit = factories.unit("UBND xã Thử Giữ Tệp", full_name="UBND xã Thử Giữ Tệp")
    office_client(client)
    url = reverse("import_exemplars")
    path = bad_list(tmp_path)
    response = client.post(url, {"file": SimpleUploadedFile(path.name, path.read_bytes()), "parent": unit.pk})
    content = response.content.decode()
    assert "Dòng 4: field: không có lĩnh vực" in content
    token = kept_token(client)
    stored = client.session[SESSION_KEY]["path"]
    assert default_storage.exists(stored) and "giu-tep" not in stored  # named by the token, not the user's name
    assert f'name="kept_file" value="{token}"' in content and "Đã giữ tệp “giu-tep.csv”" in content
    assert "Nhập lại tệp đã chọn" in content
    assert ExemplarStoryPage.objects.child_of(unit).count() == 0
    assert f'name="kept_file" value="{token}"' in client.get(url).content.decode()  # the page reopened
    Field.objects.create(name="Lĩnh vực Thử Giữ Tệp")  # the office fixes the taxonomy, not the file
    response = client.post(url, {"kept_file": token, "use_kept": "1", "parent": unit.pk})
    assert response.status_code == 200
    assert ExemplarStoryPage.objects.child_of(unit).count() == 3
    assert SESSION_KEY not in client.session and not default_storage.exists(stored)


def test_a_dry_run_keeps_the_file_for_the_real_import(client, tmp_path: Path) -> None:
    unit = factories.unit("UBND xã Thử Giữ Thử", full_name="UBND xã Thử Giữ Thử")
    office_client(client)
    url = reverse("import_exemplars")
    path = write_csv(good_rows(), tmp_path / "thu-truoc.csv")
    client.post(url, {"file": SimpleUploadedFile(path.name, path.read_bytes()), "parent": unit.pk, "dry_run": "on"})
    assert ExemplarStoryPage.objects.child_of(unit).count() == 0
    client.post(url, {"kept_file": kept_token(client), "parent": unit.pk})  # no new file chosen
    assert ExemplarStoryPage.objects.child_of(unit).count() == 3


def test_a_kept_file_is_for_the_same_user_only_and_expires(client, tmp_path: Path, settings) -> None:
    unit = factories.unit("UBND xã Thử Giữ Riêng", full_name="UBND xã Thử Giữ Riêng")
    office_client(client)
    url = reverse("import_exemplars")
    path = bad_list(tmp_path)
    client.post(url, {"file": SimpleUploadedFile(path.name, path.read_bytes()), "parent": unit.pk})
    token = kept_token(client)
    Field.objects.create(name="Lĩnh vực Thử Giữ Tệp")
    other = office_client(Client(), "thuongtruc-khac")
    response = other.post(url, {"kept_file": token, "use_kept": "1", "parent": unit.pk})
    assert "không còn được giữ" in response.content.decode()
    assert ExemplarStoryPage.objects.child_of(unit).count() == 0
    session = client.session  # the same session, now past its expiry
    record = session[SESSION_KEY]
    record["expires"] = (timezone.now() - timedelta(seconds=1)).isoformat()
    session[SESSION_KEY] = record
    session.save()
    response = client.post(url, {"kept_file": token, "use_kept": "1", "parent": unit.pk})
    assert "không còn được giữ" in response.content.decode()
    assert ExemplarStoryPage.objects.child_of(unit).count() == 0
    assert not default_storage.exists(record["path"])


def test_the_scheduler_removes_expired_kept_files_nobody_came_back_for(client, tmp_path: Path, settings) -> None:
    """A list kept after an error holds names of people: it leaves the disk when it expires, even if no one
    keeps another file (the periodic job the scheduler enqueues)."""
    from django.utils.module_loading import import_string

    from exemplar_pages.importing.kept_uploads import remove_expired_uploads
    from operations.schedule import periodic_jobs

    unit = factories.unit("UBND xã Thử Dọn Tệp", full_name="UBND xã Thử Dọn Tệp")
    office_client(client)
    path = bad_list(tmp_path)
    client.post(
        reverse("import_exemplars"), {"file": SimpleUploadedFile(path.name, path.read_bytes()), "parent": unit.pk}
    )
    stored = client.session[SESSION_KEY]["path"]
    job = {job.name: job for job in periodic_jobs()}["remove_kept_uploads"]
    assert import_string(job.task) is remove_expired_uploads
    assert remove_expired_uploads.call() == 0 and default_storage.exists(stored)  # not expired yet
    settings.IMPORT_KEEP_UPLOAD_MINUTES = 0  # now every kept file has expired, other tests' too (one storage)
    assert remove_expired_uploads.call() >= 1
    assert not default_storage.exists(stored)
    assert default_storage.listdir(str(Path(stored).parent))[1] == []

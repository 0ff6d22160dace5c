"""Row progress of background imports (issue #12 point 5): “Đã xử lý N / M dòng” while the job runs.

The worker writes the progress to a file beside the upload (exemplar_pages/importing/jobs.py); the job
page reads it. Here the page is read from inside the import; the live tests at the end read it from the
web process while the worker imports, on SQLite, and kill the worker in the middle of a list.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.signals import post_save
from django.urls import reverse

from exemplar_pages.importing.jobs import JobProgress, ProgressWriter, progress_name, read_progress, run_job
from exemplar_pages.models import ExemplarStoryPage, ImportJob
from exemplar_pages.roles import STANDING_OFFICE
from tests.moderation_fixtures import make_user
from tests.test_import_exemplars import good_rows, new_unit, stories, write_csv

PROGRESS = re.compile(r'<progress value="(\d+)" max="(\d+)">')


def many_rows(count: int) -> list[dict]:
    """`count` valid, distinct stories."""
    template = good_rows()[0]
    return [
        {**template, "title": f"{template['title']} (số {number})", "subject_name": f"Người Thử {number}"}
        for number in range(1, count + 1)
    ]


def queued_job(tmp_path: Path, unit, user, rows: list[dict], name: str = "nhieu-dong.csv") -> ImportJob:
    """A job as start_import leaves it for the worker: the upload stored, the job queued."""
    path = write_csv(rows, tmp_path / name)
    job = ImportJob(kind=ImportJob.Kind.EXEMPLARS, file_name=name, user=user, parent=unit, options={})
    job.file.save(name, ContentFile(path.read_bytes()), save=True)
    return job


def office_and_unit(client, settings, username: str):
    """A unit, and a standing-office member signed in; progress written on every row."""
    settings.IMPORT_PROGRESS_SECONDS = 0
    office = make_user(username, STANDING_OFFICE)
    client.force_login(office)
    return office, new_unit()


def test_progress_text_groups_thousands():
    assert JobProgress("save", 1200, 5000).text == "Đã xử lý 1\u00a0200 / 5\u00a0000 dòng"
    assert JobProgress("check", 7, 12).text == "Đã xử lý 7 / 12 dòng"
    assert JobProgress("check", 7, 12).stage_label == "Đang kiểm tra các dòng"
    assert JobProgress("save", 7, 12).stage_label == "Đang tạo các trang"


@pytest.mark.django_db
def test_the_writer_writes_now_and_then_and_at_each_stage_end(settings):
    settings.IMPORT_PROGRESS_SECONDS = 3600
    job = ImportJob.objects.create(kind=ImportJob.Kind.EXEMPLARS, file_name="x.csv", status=ImportJob.Status.RUNNING)
    writer = ProgressWriter(job)
    writer("check", 1, 10)
    assert read_progress(job) == JobProgress("check", 1, 10)
    writer("check", 2, 10)  # within the interval: not written
    assert read_progress(job) == JobProgress("check", 1, 10)
    writer("check", 10, 10)  # the end of a stage always is
    assert read_progress(job) == JobProgress("check", 10, 10)
    writer("save", 1, 8)  # and so is the start of the next one
    assert read_progress(job) == JobProgress("save", 1, 8)
    settings.IMPORT_PROGRESS_SECONDS = 0
    writer("save", 2, 8)
    assert read_progress(job) == JobProgress("save", 2, 8)
    # A file caught half-written reads as no progress; a job that is not running has none.
    default_storage.delete(progress_name(job))
    default_storage.save(progress_name(job), ContentFile(b'{"stage": "save", "do'))
    assert read_progress(job) is None
    writer("save", 3, 8)
    job.status = ImportJob.Status.DONE
    assert read_progress(job) is None
    writer.delete()
    assert not default_storage.exists(progress_name(job))


@pytest.mark.django_db
def test_the_job_page_shows_row_progress_while_the_import_runs(client, tmp_path, settings):
    office, unit = office_and_unit(client, settings, "thuongtruc-tiendo")
    job = queued_job(tmp_path, unit, office, many_rows(12))
    url = reverse("import_job", args=[job.pk])
    seen: list[str] = []

    def read_page(sender, instance, created, **kwargs):
        """On some new stories (inside the import's transaction): what the job page shows now."""
        if created and instance.title.endswith(("(số 5)", "(số 9)")):
            seen.append(client.get(url).content.decode())

    post_save.connect(read_page, sender=ExemplarStoryPage, dispatch_uid="test-read-job-page")
    try:
        run_job(ImportJob.objects.select_related("parent", "user").get(pk=job.pk))
    finally:
        post_save.disconnect(dispatch_uid="test-read-job-page", sender=ExemplarStoryPage)

    assert len(seen) == 2
    for page, done in zip(seen, (4, 8), strict=True):
        assert "Đang nhập" in page and 'http-equiv="refresh"' in page
        assert f'Đang tạo các trang: <span class="import-job-progress-text">Đã xử lý {done} / 12 dòng' in page
        assert PROGRESS.search(page).groups() == (str(done), "12")

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and (job.rows, job.created_count) == (12, 12)
    assert len(stories(unit)) == 12
    assert not default_storage.exists(progress_name(job))  # gone with the job
    finished = client.get(url).content.decode()
    assert "<progress" not in finished and "Đã xử lý" not in finished and "Đã xong" in finished


@pytest.mark.django_db
def test_a_failed_job_keeps_no_progress_and_saves_nothing(client, tmp_path, settings):
    office, unit = office_and_unit(client, settings, "thuongtruc-tiendo-loi")
    rows = many_rows(6)
    rows[4]["year"] = "20x4"
    job = queued_job(tmp_path, unit, office, rows, "loi.csv")
    run_job(ImportJob.objects.select_related("parent", "user").get(pk=job.pk))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and "Dòng 6: year" in job.report
    assert stories(unit) == [] and not default_storage.exists(progress_name(job))
    page = client.get(reverse("import_job", args=[job.pk])).content.decode()
    assert "<progress" not in page and "Không nhập được" in page


# The real processes: the worker imports on SQLite while the web process serves the job page


START_JOB = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from exemplar_pages.importing.jobs import start_import
from exemplar_pages.models import ImportJob, UnitPage
office = get_user_model().objects.get(username="thuongtruc")
unit = UnitPage.objects.order_by("path").first()
upload = SimpleUploadedFile("nhieu-dong.csv", open(PATH, "rb").read())
job = start_import(ImportJob.Kind.EXEMPLARS, upload, unit, office, {})
session = SessionStore()
session[SESSION_KEY], session[HASH_SESSION_KEY] = str(office.pk), office.get_session_auth_hash()
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session.create()
print(json.dumps({"job": job.pk, "session": session.session_key, "unit": unit.pk}))
"""
TEXT = re.compile(
    r"(Đang kiểm tra các dòng|Đang tạo các trang): <span[^>]*>Đã xử lý ([\d\u00a0]+) / ([\d\u00a0]+) dòng"
)


@pytest.mark.live
@pytest.mark.slow
def test_the_web_process_shows_the_worker_s_progress_during_the_import(live_portal, tmp_path):
    total = 400
    path = write_csv(many_rows(total), tmp_path / "nhieu-dong.csv")
    portal = live_portal(processes=("web",))
    facts = json.loads(portal.shell(START_JOB.replace("PATH", repr(str(path)))).strip().splitlines()[-1])
    cookie = {"Cookie": f"sessionid={facts['session']}"}
    url = f"/admin/nhap-du-lieu/lan-nhap/{facts['job']}/"
    queued = portal.request("GET", url, headers=cookie)
    assert queued.status == 200 and "Đang chờ" in queued.text, queued.text[-2000:]

    portal.start_process("worker")
    seen: list[tuple[str, int, int]] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        page = portal.request("GET", url, headers=cookie).text
        match = TEXT.search(page)
        if match:
            stage, done, of = match.group(1), *(int(n.replace("\u00a0", "")) for n in match.group(2, 3))
            seen.append((stage, done, of))
            assert PROGRESS.search(page).groups() == (str(done), str(of))
        if "Đã xong" in page or "Không nhập được" in page:
            break
        time.sleep(0.3)
    else:
        pytest.fail(f"the job did not end: {seen[-5:]}")
    assert "Đã xong" in page and "<progress" not in page, page[-3000:]
    # Progress read from the web process while the worker's transaction was open, rising.
    saving = [done for stage, done, of in seen if stage == "Đang tạo các trang" and of == total]
    assert any(0 < done < total for done in saving), seen
    assert saving == sorted(saving), seen
    created = portal.shell(
        "from exemplar_pages.models import ExemplarStoryPage\n"
        "print(ExemplarStoryPage.objects.filter(title__contains='(số ', depth__gt=0).count())"
    )
    assert created.split()[-1] == str(total)
    portal.assert_logs_clean()


STATE = """
import json
from django.contrib.sessions.backends.db import SessionStore
from exemplar_pages.models import ExemplarStoryPage, ImportJob, UnfinishedImport
WRITE
job = ImportJob.objects.get(pk=JOB)
titles = list(ExemplarStoryPage.objects.filter(title__contains="(số ").values_list("title", flat=True))
print(json.dumps({"status": job.status, "stories": len(titles), "distinct": len(set(titles)),
                  "journals": list(UnfinishedImport.objects.values_list("job_id", flat=True))}))
"""


WAIT_FOR_100 = """
import time
while ExemplarStoryPage.objects.filter(title__contains="(số ").count() < 100:
    time.sleep(0.1)
"""


@pytest.mark.live
@pytest.mark.slow
def test_a_worker_killed_in_the_middle_of_a_list_leaves_each_story_once_and_writers_are_not_held(live_portal, tmp_path):
    from tests.test_operations_faults import FAST

    total = 600
    path = write_csv(many_rows(total), tmp_path / "nhieu-dong.csv")
    portal = live_portal(processes=("web",), env=FAST)
    facts = json.loads(portal.shell(START_JOB.replace("PATH", repr(str(path)))).strip().splitlines()[-1])
    url, cookie = f"/admin/nhap-du-lieu/lan-nhap/{facts['job']}/", {"Cookie": f"sessionid={facts['session']}"}

    def state(write: str = "") -> dict:
        code = STATE.replace("WRITE", write).replace("JOB", str(facts["job"]))
        return json.loads(portal.shell(code).strip().splitlines()[-1])

    portal.start_process("worker")
    # Another process writes (a login's session) while the import saves: it gets in between two batches. The shell
    # is started beforehand and waits for 100 stories, so the write happens then, not seconds later (CI once saw the
    # worker finish the list while a shell was starting); the worker is killed as soon as the shell is back.
    during = state(WAIT_FOR_100 + "SessionStore().create()")
    portal.kill("worker")
    assert during["status"] == "running" and 0 < during["stories"] < total, during
    killed = state()
    assert killed["status"] == "running" and 0 < killed["stories"] < total, killed
    assert killed["journals"] == [facts["job"]], killed  # what the dead attempt saved is on record

    time.sleep(6)  # the dead worker's heartbeat goes stale (OPERATIONS_WORKER_STALE_SECONDS = 5)
    portal.start_process("worker")  # reclaims the job at start-up: undoes the first attempt, imports once
    portal.wait_until(lambda: state()["status"] == "done", timeout=300, interval=2, message="the job never ended")
    assert state() == {"status": "done", "stories": total, "distinct": total, "journals": []}
    page = portal.request("GET", url, headers=cookie).text
    assert "Đã xong" in page and f"{total}" in page.replace("\u00a0", "")
    assert "undoing an unfinished import" in portal.log("worker")
    portal.assert_logs_clean()

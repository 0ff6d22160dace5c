"""The operations app: backoff, the scheduler's claims, the e-mail outbox, reclaiming tasks, the admin reports."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from exemplar_pages.moderation import service
from operations import outbox
from operations.conf import email_backoff
from operations.models import OutgoingEmail, PeriodicJob, WorkerHeartbeat
from operations.schedule import Job, Scheduler, claim_and_enqueue, periodic_jobs, register_periodic, unregister_periodic
from operations.worker import ResilientWorker, object_gone, reclaim_abandoned_tasks
from search.models import IndexOperation
from tests.live import free_port
from tests.moderation_fixtures import fresh

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
Status = OutgoingEmail.Status


@task()
def interrupted_by_outage() -> None:
    """A task whose database connection dies under it (what a stopped PostgreSQL does)."""
    raise OperationalError("server closed the connection unexpectedly")


@task()
def stopped_by_a_second_ctrl_c() -> None:
    raise KeyboardInterrupt


@task()
def broken() -> None:
    raise ValueError("a bug, not an outage")


@task()
def answers() -> int:
    return 42


def queued(task_path: str) -> int:
    return DBTaskResult.objects.filter(task_path=task_path).count()


def test_email_backoff_doubles_from_a_minute_up_to_an_hour(settings):
    settings.OPERATIONS_EMAIL_RETRY_BASE_SECONDS = 60
    settings.OPERATIONS_EMAIL_RETRY_MAX_SECONDS = 3600
    delays = [email_backoff(attempt).total_seconds() for attempt in range(1, 10)]
    assert delays == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]


def test_two_schedulers_enqueue_each_run_once(settings):
    settings.TASKS = DATABASE_QUEUE
    job = Job("test-publish", 60, "operations.tasks.publish_scheduled")
    first, second = Scheduler(jobs=[job]), Scheduler(jobs=[job])
    now = timezone.now()
    assert first.tick(now) == ["test-publish"]
    assert second.tick(now) == []
    assert queued("operations.tasks.publish_scheduled") == 1
    row = PeriodicJob.objects.get(name="test-publish")
    assert row.next_run_at == now + timedelta(seconds=60)
    # Both read the row before either wrote it: the conditional UPDATE lets exactly one through.
    observed, later = row.next_run_at, row.next_run_at + timedelta(seconds=1)
    DBTaskResult.objects.all().delete()
    assert claim_and_enqueue(job, observed, later)
    assert claim_and_enqueue(job, observed, later) is None
    assert queued("operations.tasks.publish_scheduled") == 1


def test_a_job_still_waiting_in_the_queue_is_not_enqueued_again(settings):
    settings.TASKS = DATABASE_QUEUE
    job = Job("test-sweep", 30, "operations.tasks.sweep")
    scheduler, now = Scheduler(jobs=[job]), timezone.now()
    scheduler.tick(now)
    assert scheduler.tick(now + timedelta(seconds=31)) == []
    assert queued("operations.tasks.sweep") == 1
    DBTaskResult.objects.filter(task_path="operations.tasks.sweep").update(status="SUCCESSFUL")
    assert scheduler.tick(now + timedelta(seconds=62)) == ["test-sweep"]
    assert queued("operations.tasks.sweep") == 2


def test_the_registry_takes_jobs_from_other_apps_and_settings_can_turn_them_off(settings):
    names = [job.name for job in periodic_jobs()]
    assert {"publish_scheduled", "sweep", "reclaim"} <= set(names)
    register_periodic("test-reminders", timedelta(hours=1), "operations.tasks.sweep")
    try:
        assert any(job.name == "test-reminders" and job.interval() == timedelta(hours=1) for job in periodic_jobs())
        settings.OPERATIONS_PERIODIC_JOBS = {"test-reminders": None, "sweep": 5}
        jobs = {job.name: job for job in periodic_jobs()}
        assert "test-reminders" not in jobs and jobs["sweep"].interval() == timedelta(seconds=5)
    finally:
        unregister_periodic("test-reminders")


def test_a_workflow_action_writes_its_emails_to_the_outbox_and_each_is_sent_once(
    cast, story_draft, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service.submit(story_draft, cast.editor)
    email = OutgoingEmail.objects.get(purpose="moderation.review_requested", recipients=[cast.office.email])
    assert email.status == Status.SENT and email.attempts == 1 and email.sent_at
    assert [message.to for message in mail.outbox] == [[cast.office.email]]
    assert outbox.deliver(email.pk) == "skipped"
    assert outbox.send_due_emails()["sent"] == 0
    assert len(mail.outbox) == 1


def test_an_action_that_rolls_back_leaves_no_email(cast, story_draft):
    with pytest.raises(RuntimeError), transaction.atomic():
        service.submit(story_draft, cast.editor)
        assert OutgoingEmail.objects.filter(recipients=[cast.office.email]).exists()
        raise RuntimeError("the action fails after the notification was written")
    assert not OutgoingEmail.objects.filter(recipients=[cast.office.email]).exists()


def test_a_notification_queued_before_the_outbox_moves_into_it_once(django_capture_on_commit_callbacks):
    from exemplar_pages.moderation.notifications import send_moderation_email

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):  # the old task, run again after a worker died
            send_moderation_email.enqueue("Thư cũ", "Nội dung", ["cu@example.org"])
    assert OutgoingEmail.objects.filter(subject="Thư cũ").count() == 1
    assert [message.to for message in mail.outbox] == [["cu@example.org"]]


def test_only_one_claimer_gets_an_email():
    email_id = outbox.queue_email("Tiêu đề", "Nội dung", ["a@example.org"])
    assert outbox.claim(email_id)
    assert not outbox.claim(email_id)
    assert OutgoingEmail.objects.get(pk=email_id).status == Status.SENDING


def test_a_mail_server_that_is_down_means_retries_with_backoff_then_failed_kept_and_resent(
    settings, admin_client, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    settings.OPERATIONS_EMAIL_MAX_ATTEMPTS = 3
    email_id = outbox.queue_email("Thông báo", "Nội dung thư", ["canbo@example.org"])
    assert outbox.deliver(email_id) == "retry"
    email = OutgoingEmail.objects.get(pk=email_id)
    assert (email.status, email.attempts) == (Status.PENDING, 1)
    assert "ConnectionRefused" in email.last_error and email.next_attempt_at > timezone.now()
    assert outbox.deliver(email_id) == "skipped"  # not due yet
    for attempt in (2, 3):
        OutgoingEmail.objects.filter(pk=email_id).update(next_attempt_at=timezone.now())
        assert outbox.deliver(email_id) == ("retry" if attempt < 3 else "failed")
    email = OutgoingEmail.objects.get(pk=email_id)
    assert (email.status, email.attempts) == (Status.FAILED, 3) and email.last_error
    # An administrator sees it and sends it again, once the server is back.
    page = admin_client.get(reverse("operations_emails"), {"status": "failed"})
    assert page.status_code == 200
    for shown in ("Thông báo", "gửi lỗi", "ConnectionRefusedError", "Gửi lại"):
        assert shown in page.content.decode()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("operations_email_retry", args=[email_id]))
    assert response.status_code == 302
    email = OutgoingEmail.objects.get(pk=email_id)
    assert (email.status, email.attempts) == (Status.SENT, 1)
    assert [message.to for message in mail.outbox] == [["canbo@example.org"]]


def test_every_attempt_at_one_email_carries_the_same_message_id():
    mail.outbox.clear()
    email_id = outbox.queue_email("Thông báo kết quả", "Nội dung thư", ["canbo@example.org"])
    assert outbox.deliver(email_id) == "sent"
    # As if the server's answer had been lost and the outbox tried again.
    OutgoingEmail.objects.filter(pk=email_id).update(status=Status.PENDING, next_attempt_at=timezone.now())
    assert outbox.deliver(email_id) == "sent"
    email = OutgoingEmail.objects.get(pk=email_id)
    ids = [message.message()["Message-ID"] for message in mail.outbox]
    assert ids == [email.message_id()] * 2 and ids[0].startswith(f"<thidua-outbox-{email_id}.")
    other = OutgoingEmail.objects.get(pk=outbox.queue_email("Thư khác", "Nội dung", ["canbo@example.org"]))
    assert other.message_id() != email.message_id()


def test_a_delivery_whose_claim_was_released_meanwhile_is_not_sent_again():
    email_id = outbox.queue_email("Tiêu đề", "Nội dung", ["a@example.org"])
    assert outbox.claim(email_id)
    email = OutgoingEmail.objects.get(pk=email_id)
    # A slow send: the claim looked abandoned and was put back before the sender recorded its delivery.
    assert outbox.release_abandoned(set(), stale_before=timezone.now() + timedelta(seconds=1)) == 1
    outbox.mark_sent(email)
    assert OutgoingEmail.objects.get(pk=email_id).status == Status.SENT
    assert outbox.send_due_emails()["sent"] == 0


def test_only_administrators_see_the_reports_and_resend(client, cast):
    email_id = outbox.queue_email("Thư lỗi", "Nội dung", ["x@example.org"])
    OutgoingEmail.objects.filter(pk=email_id).update(status=Status.FAILED)
    for user in (cast.editor, cast.office, cast.members[0]):
        client.force_login(user)
        for response in (
            client.get(reverse("operations_emails")),
            client.get(reverse("operations_tasks")),
            client.post(reverse("operations_email_retry", args=[email_id])),
        ):  # Wagtail answers a refusal with its admin home and an error message
            assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert OutgoingEmail.objects.get(pk=email_id).status == Status.FAILED
    client.force_login(cast.admin)  # the “Quản trị” group, not a superuser
    assert client.get(reverse("operations_emails")).status_code == 200
    assert client.get(reverse("operations_tasks"), {"status": "FAILED"}).status_code == 200
    assert client.get(reverse("operations_email_retry", args=[email_id])).status_code == 405


def test_reclaim_puts_back_what_dead_workers_left_running(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.OPERATIONS_WORKER_STALE_SECONDS, settings.OPERATIONS_TASK_MAX_ATTEMPTS = 60, 3
    long_ago = timezone.now() - timedelta(minutes=5)
    WorkerHeartbeat.objects.create(worker_id="dead", last_seen_at=long_ago)
    WorkerHeartbeat.objects.create(worker_id="alive", last_seen_at=timezone.now())

    def running(worker_ids: list[str]) -> str:
        result = answers.enqueue()
        DBTaskResult.objects.filter(pk=result.id).update(status="RUNNING", worker_ids=worker_ids, started_at=long_ago)
        return result.id

    lost, busy, cursed = running(["dead"]), running(["alive"]), running(["a", "b", "dead"])
    email_id = outbox.queue_email("Đang gửi", "Nội dung", ["y@example.org"])
    OutgoingEmail.objects.filter(pk=email_id).update(status=Status.SENDING, claimed_by="dead", claimed_at=long_ago)
    counts = reclaim_abandoned_tasks()
    assert counts == {"requeued": 1, "failed": 1, "emails": 1}
    status = dict(DBTaskResult.objects.filter(pk__in=[lost, busy, cursed]).values_list("pk", "status"))
    assert [status[DBTaskResult._meta.pk.to_python(pk)] for pk in (lost, busy, cursed)] == [
        "READY",
        "RUNNING",
        "FAILED",
    ]
    assert OutgoingEmail.objects.get(pk=email_id).status == Status.PENDING


def run_one(worker: ResilientWorker, task_result) -> DBTaskResult:
    row = DBTaskResult.objects.get(pk=task_result.id)
    row.claim(worker.worker_id)
    worker.run_task(row)
    return DBTaskResult.objects.get(pk=task_result.id)


def test_the_worker_queues_again_a_task_cut_by_a_database_outage_and_records_other_outcomes(settings, admin_client):
    settings.TASKS = DATABASE_QUEUE
    worker = ResilientWorker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    cut = run_one(worker, interrupted_by_outage.enqueue())
    assert cut.status == "READY" and cut.run_after > timezone.now() and cut.worker_ids == ["test-worker"]
    assert run_one(worker, stopped_by_a_second_ctrl_c.enqueue()).status == "READY"
    failed = run_one(worker, broken.enqueue())
    assert failed.status == "FAILED" and "a bug, not an outage" in failed.traceback
    done = run_one(worker, answers.enqueue())
    assert (done.status, done.return_value) == ("SUCCESSFUL", 42)
    # The failed task is in the administrators' report, and “Chạy lại” queues it again.
    report = admin_client.get(reverse("operations_tasks"), {"status": "FAILED"}).content.decode()
    assert "tests.test_operations.broken" in report and "Chạy lại" in report
    assert "tests.test_operations.answers" not in report
    admin_client.post(reverse("operations_task_rerun", args=[failed.pk]))
    assert DBTaskResult.objects.get(pk=failed.pk).status == "READY"


def test_publish_scheduled_runs_as_a_task_and_twice_is_harmless(settings):
    from exemplar_pages.models import ExemplarStoryPage
    from operations.tasks import publish_scheduled

    story = ExemplarStoryPage.objects.live().order_by("pk").first()
    ExemplarStoryPage.objects.filter(pk=story.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    publish_scheduled.enqueue()
    publish_scheduled.enqueue()
    story = fresh(story)
    assert not story.live and story.expired


def test_search_index_status_shows_retrying_and_rejected_operations(settings, capsys):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"  # Elasticsearch down
    IndexOperation.objects.bulk_create([IndexOperation(page_id=page_id, action="upsert") for page_id in (1, 2, 3)])
    IndexOperation.objects.create(
        page_id=4, action="upsert", done_at=timezone.now(), last_error="mapper_parsing_exception"
    )
    from search.replay import replay

    assert replay(due_only=True).error
    before = list(IndexOperation.objects.filter(done_at__isnull=True).values_list("attempts", flat=True))
    assert replay(due_only=True).error == ""  # backing off: nothing attempted before the next attempt is due
    assert list(IndexOperation.objects.filter(done_at__isnull=True).values_list("attempts", flat=True)) == before
    call_command("search_index", "status")
    output = capsys.readouterr().out
    assert "pending operations: 3" in output
    assert "retrying (waiting after failed attempts): 3" in output and "next attempt:" in output
    assert "rejected operations (failed, not retried): 1" in output and "mapper_parsing_exception" in output


def test_an_index_update_queued_for_an_object_deleted_since_is_moot():
    """Wagtail queues a reference-index and a search-index update on every save; when the page is deleted before
    the worker gets to them (an undone import), the worker skips them instead of logging a traceback."""
    from exemplar_pages.models import Field

    field = Field.objects.create(name="Lĩnh vực tạm để xóa", slug="linh-vuc-tam-de-xoa")
    queued = [
        DBTaskResult(task_path=path, args_kwargs={"args": ["exemplar_pages", "field", str(field.pk)], "kwargs": {}})
        for path in ("wagtail.tasks.update_reference_index_task", "modelsearch.tasks.insert_or_update_object_task")
    ]
    assert [object_gone(result) for result in queued] == [False, False]
    field.delete()
    assert [object_gone(result) for result in queued] == [True, True]
    other = DBTaskResult(task_path="operations.tasks.sweep", args_kwargs={"args": [], "kwargs": {}})
    assert object_gone(other) is False

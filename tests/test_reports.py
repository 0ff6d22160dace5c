"""Quarterly exemplar reporting (DESIGN §10, issue #16): deadlines, the counting rule, first submission,
the plan importer's repeating deadlines, reminders."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from exemplar_pages.importing import parse_plan
from exemplar_pages.importing.plan_import import plan_assignment
from exemplar_pages.importing.plan_models import Assignment
from exemplar_pages.models import ExemplarStoryPage, PlanAssignment, UnitPage
from exemplar_pages.moderation import service
from exemplar_pages.roles import STANDING_OFFICE
from operations.models import OutgoingEmail
from reports.deadlines import DEFAULT_SCHEDULE, Schedule, quarter_days, repeating_days_in
from reports.models import QuotaReminder
from reports.quotas import count_year
from reports.reminders import send_quota_reminders
from tests import factories
from tests.moderation_fixtures import draft_story, fresh, make_user
from tests.seeds_helper import seed_text

VN = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = 2031  # far from the demo content's quarters


def at(*args) -> datetime:
    return datetime(*args, tzinfo=VN)


def submitted_story(unit, when: datetime, publish_it: bool = False, **kwargs) -> ExemplarStoryPage:
    page = factories.story(unit, publish_it=publish_it, **kwargs)
    ExemplarStoryPage.objects.filter(pk=page.pk).update(first_submitted_at=when)
    return fresh(page)


# Deadlines -----------------------------------------------------------------------------------------------


def test_default_deadlines_end_at_23_59_59_vietnam_time():
    assert DEFAULT_SCHEDULE.deadline(YEAR, 1) == at(YEAR, 3, 20, 23, 59, 59, 999999)
    assert DEFAULT_SCHEDULE.deadline(YEAR, 4) == at(YEAR, 12, 20, 23, 59, 59, 999999)
    start, end = DEFAULT_SCHEDULE.window(YEAR, 1)
    assert start == at(YEAR - 1, 12, 20, 23, 59, 59, 999999) and end == at(YEAR, 3, 20, 23, 59, 59, 999999)
    assert DEFAULT_SCHEDULE.quarter_for(at(YEAR, 3, 20, 23, 59)) == (YEAR, 1)
    assert DEFAULT_SCHEDULE.quarter_for(at(YEAR, 3, 21, 0, 1)) == (YEAR, 2)
    assert DEFAULT_SCHEDULE.quarter_for(at(YEAR, 12, 21, 0, 1)) == (YEAR + 1, 1)
    # 23:59 in Vietnam is 16:59 UTC: the same instant counts the same way in any time zone.
    assert DEFAULT_SCHEDULE.quarter_for(datetime(YEAR, 3, 20, 16, 59, tzinfo=ZoneInfo("UTC"))) == (YEAR, 1)
    assert DEFAULT_SCHEDULE.quarter_for(datetime(YEAR, 3, 20, 17, 1, tzinfo=ZoneInfo("UTC"))) == (YEAR, 2)


def test_a_plans_days_replace_the_defaults_in_its_years_only():
    schedule = Schedule(((YEAR, YEAR, tuple(quarter_days("15/3, 15/9").items())),))
    assert schedule.deadline(YEAR, 1) == at(YEAR, 3, 15, 23, 59, 59, 999999)
    assert schedule.deadline(YEAR, 2) == at(YEAR, 6, 20, 23, 59, 59, 999999)  # not named: the default
    assert schedule.deadline(YEAR + 1, 1) == at(YEAR + 1, 3, 20, 23, 59, 59, 999999)


@pytest.mark.parametrize(
    "text, days",
    [
        ("gửi về Phòng Nội vụ trước các ngày 20/3, 20/6, 20/9 và 20/12 để tổng hợp", "20/3, 20/6, 20/9, 20/12"),
        ("Hằng quý báo cáo trước ngày 20 của tháng cuối quý.", "20/3, 20/6, 20/9, 20/12"),
        ("Báo cáo định kỳ trước ngày 15 các tháng 6 và 12.", "15/6, 15/12"),
        ("Báo cáo sơ kết trước ngày 10/6 và 10/12 hằng năm.", "10/6, 10/12"),
        ("Báo cáo kết quả trước ngày 15/11/2023.", ""),
        ("Tổ chức hội thi từ 15/5 đến 20/5 hằng năm.", ""),
        ("Gửi về trước ngày 20/3.", ""),
    ],
)
def test_the_importer_reads_repeating_deadlines(text, days):
    assignment = plan_assignment(Assignment(unit="UBND các xã, thị trấn", tasks=[text]))
    assert assignment.repeating_deadlines == days
    if days:
        assert [f"{d}/{m}" for d, m in repeating_days_in(text)] == days.split(", ")


def test_the_seed_plans_quarterly_duty_becomes_four_deadlines():
    parsed = parse_plan(seed_text("002"))
    rows = [plan_assignment(assignment) for assignment in parsed.assignments]
    quarterly = [row for row in rows if "trước các ngày 20/3" in row.tasks]
    assert quarterly and all(row.repeating_deadlines == "20/3, 20/6, 20/9, 20/12" for row in quarterly)
    assert all(row.repeating_deadlines == "" for row in rows if "20/3" not in row.tasks)


@pytest.mark.django_db
def test_import_plan_saves_the_four_deadlines():
    from io import StringIO

    from django.core.management import call_command

    from exemplar_pages.models import PlanPage
    from tests.seeds_helper import seed_path

    unit = factories.unit("UBND xã Nhập Hạn Quý")
    call_command("import_plan", str(seed_path("002")), parent=unit.pk, stdout=StringIO(), stderr=StringIO())
    (page,) = PlanPage.objects.child_of(unit)
    saved = {row.unit: row.repeating_deadlines for row in page.assignments.all()}
    quarterly = (
        "Các cơ quan, đơn vị, UBND các xã, thị trấn, doanh nghiệp, lực lượng vũ trang và trường học trên địa bàn huyện"
    )
    assert saved[quarterly] == "20/3, 20/6, 20/9, 20/12"
    assert saved["Công tác thông tin, báo cáo"] == ""  # one dated deadline, not a repeating one


# First submission ----------------------------------------------------------------------------------------


def test_the_first_submission_time_is_kept_through_reject_resubmit_and_publication(cast):
    page = draft_story(cast)
    assert page.first_submitted_at is None
    service.submit(fresh(page), cast.editor)
    first = fresh(page).first_submitted_at
    assert first is not None
    service.review(fresh(page), cast.office, "reject", "Thiếu số liệu")
    page = fresh(page)
    page.title = page.title + " (sửa)"
    page.save_revision(user=cast.editor)
    service.submit(fresh(page), cast.editor)  # resumes the workflow
    assert fresh(page).first_submitted_at == first
    service.retract(fresh(page), cast.editor)  # withdrawn, then a new workflow
    service.submit(fresh(page), cast.editor)
    assert fresh(page).first_submitted_at == first
    service.review(fresh(page), cast.office, "approve")
    for member in cast.members[:2]:
        service.review(fresh(page), member, "approve")
    page = fresh(page)
    # The approved revision was saved before the first submission: publishing it keeps the time.
    assert page.live and page.first_submitted_at == first


def test_a_story_submitted_in_the_admin_gets_its_time(cast, client):
    page = draft_story(cast)
    page.get_workflow().start(fresh(page), cast.editor)
    assert fresh(page).first_submitted_at is not None


# Counting ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_submission_at_23_59_counts_for_the_quarter_and_at_00_01_for_the_next():
    unit = factories.publish(factories.unit("UBND xã Hạn Chót", exemplar_quota=1))
    other = factories.publish(factories.unit("UBND xã Quá Hạn", exemplar_quota=1))
    submitted_story(unit, at(YEAR, 3, 20, 23, 59), publish_it=True)
    submitted_story(other, at(YEAR, 3, 21, 0, 1))
    now = at(YEAR, 4, 1)
    lines = {line.unit.pk: line for line in count_year(YEAR, units=[unit, other], now=now)}
    q1, q2 = lines[unit.pk].quarters[1], lines[unit.pk].quarters[2]
    assert (q1.submitted, q1.approved, q1.on_time, q1.late, q1.owed) == (1, 1, True, False, 0)
    assert (q2.submitted, q2.late, q2.owed) == (0, False, 1)  # its deadline has not come
    assert q2.status == "Còn thiếu 1" and lines[unit.pk].quarters[3].status == "Chưa đến kỳ (cần 1)"
    late = lines[other.pk].quarters[1]
    assert (late.submitted, late.on_time, late.late, late.owed) == (0, False, True, 1)
    assert late.status.startswith("Trễ hạn")
    assert lines[other.pk].quarters[2].submitted == 1


@pytest.mark.django_db
def test_a_moved_story_counts_for_its_new_unit_and_stories_under_movements_for_theirs():
    first = factories.publish(factories.unit("UBND xã Nơi Cũ"))
    second = factories.publish(factories.unit("UBND xã Nơi Mới", exemplar_quota=2))
    movement = factories.movement(second)
    page = submitted_story(first, at(YEAR, 5, 2, 9))
    submitted_story(movement, at(YEAR, 5, 3, 9))
    Page.objects.get(pk=page.pk).move(Page.objects.get(pk=second.pk), pos="last-child")
    lines = {line.unit.pk: line for line in count_year(YEAR, (2,), units=[first, second], now=at(YEAR, 7, 1))}
    assert lines[first.pk].quarters[2].submitted == 0 and lines[first.pk].quarters[2].late
    assert lines[second.pk].quarters[2].submitted == 2 and lines[second.pk].quarters[2].on_time


@pytest.mark.django_db
def test_a_published_plan_naming_the_unit_moves_its_deadline():
    unit = factories.publish(factories.unit("UBND xã Kế Hoạch Riêng", full_name="Ủy ban nhân dân xã Kế Hoạch Riêng"))
    plan = factories.plan(unit, period_start=YEAR, period_end=YEAR)
    plan.assignments.add(
        PlanAssignment(unit="Ủy ban nhân dân xã  Kế hoạch riêng.", tasks="Gửi gương", repeating_deadlines="10/3")
    )
    factories.publish(plan)
    submitted_story(unit, at(YEAR, 3, 15, 9))  # after 10/3: the second quarter's
    (line,) = count_year(YEAR, units=[unit], now=at(YEAR, 3, 16))
    assert line.quarters[1].deadline == at(YEAR, 3, 10, 23, 59, 59, 999999)
    assert line.quarters[1].late and line.quarters[2].submitted == 1


# Reminders -----------------------------------------------------------------------------------------------


@pytest.fixture
def reminder_units(db):
    owing = factories.publish(factories.unit("UBND xã Còn Nợ", exemplar_quota=2))
    done = factories.publish(factories.unit("UBND xã Đã Đủ", exemplar_quota=1))
    editor, done_editor = make_user("bientap-no"), make_user("bientap-du")
    from exemplar_pages.moderation.permissions import add_unit_editor

    add_unit_editor(editor, owing)
    add_unit_editor(done_editor, done)
    office = make_user("thuongtruc-nhac", STANDING_OFFICE)
    submitted_story(owing, at(YEAR, 6, 1, 9))
    submitted_story(done, at(YEAR, 6, 2, 9))
    return owing, done, editor, done_editor, office


def emails_to(address: str) -> list[OutgoingEmail]:
    return [email for email in OutgoingEmail.objects.order_by("pk") if address in email.recipients]


def test_editors_are_reminded_once_n_days_before_and_the_office_the_day_after(reminder_units, settings):
    owing, done, editor, done_editor, office = reminder_units
    settings.REPORTS_REMINDER_DAYS = 5
    send_quota_reminders(now=at(YEAR, 6, 14, 23))  # six days before 20/6: nothing yet
    assert emails_to(editor.email) == []
    for _run in range(2):
        send_quota_reminders(now=at(YEAR, 6, 15, 8))
        send_quota_reminders(now=at(YEAR, 6, 19, 8))
    (email,) = emails_to(editor.email)
    assert "UBND xã Còn Nợ" in email.subject and "còn thiếu 1" in email.body and "20/06/" in email.body
    assert emails_to(done_editor.email) == []
    assert QuotaReminder.objects.filter(unit=owing, kind="before").count() == 1
    assert not QuotaReminder.objects.filter(unit=done).exists()
    # The deadline passes: the standing office hears of the late units, once.
    assert emails_to(office.email) == []
    for _run in range(3):
        send_quota_reminders(now=at(YEAR, 6, 21, 7))
    (report,) = emails_to(office.email)
    assert "UBND xã Còn Nợ" in report.body and "UBND xã Đã Đủ" not in report.body
    assert QuotaReminder.objects.get(unit=owing, kind="late").email_id == report.pk
    # A week later an old deadline is not reported again nor late.
    send_quota_reminders(now=at(YEAR, 7, 1, 7))
    assert len(emails_to(office.email)) == 1


def test_one_reminder_per_unit_and_deadline_is_a_database_rule(reminder_units):
    from django.db import IntegrityError, transaction

    owing = reminder_units[0]
    fields = dict(unit=owing, deadline=at(YEAR, 6, 20, 23, 59), kind="before", year=YEAR, quarter=2, owed=1)
    QuotaReminder.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuotaReminder.objects.create(**fields)


def test_no_office_report_without_anybody_to_send_it_to(reminder_units):
    office = reminder_units[4]
    Group.objects.filter(pk__in=office.groups.values("pk")).first().user_set.update(email="")
    send_quota_reminders(now=at(YEAR, 6, 21, 7))
    assert not QuotaReminder.objects.filter(kind="late", unit=reminder_units[0]).exists()


def test_the_periodic_job_is_registered():
    from operations.schedule import periodic_jobs

    job = next(job for job in periodic_jobs() if job.name == "quota_reminders")
    assert job.resolve_task().name == "send_quota_reminders"
    assert job.interval() == timedelta(hours=1)


# Demo content --------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_has_late_units_last_quarter_and_owing_units_now():
    from reports.deadlines import previous_quarter
    from reports.quotas import current_quarter

    now = datetime.now(VN)
    year, quarter = current_quarter(now)
    last = previous_quarter(year, quarter)
    units = {unit.slug: unit for unit in UnitPage.objects.live()}

    def counts(year_quarter):
        lines = count_year(year_quarter[0], (year_quarter[1],), now=now)
        return {line.unit.slug: line.quarters[year_quarter[1]] for line in lines if line.unit.slug in units}

    previous, current = counts(last), counts((year, quarter))
    assert previous["ubnd-thi-tran-tan-bien"].on_time and previous["ubnd-thi-tran-tan-bien"].submitted == 2
    assert previous["ubnd-huyen-tan-bien"].late and previous["so-noi-vu-tinh-dak-lak"].late
    assert previous["so-noi-vu-tinh-dak-lak"].submitted == 1
    assert current["ubnd-thi-tran-tan-bien"].owed == 1 and current["so-noi-vu-tinh-tay-ninh"].owed == 0
    assert not any(count.late for count in current.values())


def test_the_migration_fills_older_stories_from_their_first_workflow(cast):
    import importlib

    from django.apps import apps
    from wagtail.models import WorkflowState

    migration = importlib.import_module("reports.migrations.0002_backfill_first_submitted_at")
    page = draft_story(cast)
    service.submit(fresh(page), cast.editor)
    service.retract(fresh(page), cast.editor)
    service.submit(fresh(page), cast.editor)
    first = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("created_at").first().created_at
    ExemplarStoryPage.objects.filter(pk=page.pk).update(first_submitted_at=None)  # as before the reports app
    never = draft_story(cast)
    migration.backfill(apps, None)
    assert fresh(page).first_submitted_at == first
    assert fresh(never).first_submitted_at is None

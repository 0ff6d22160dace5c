"""The working-day calendar (DESIGN §9, issue #15 point 2): rules, admin records, the API."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_api_fuzz import fuzz_operation, keep_connection  # noqa: F401  (the fixture)
from workdays import rules
from workdays.models import Holiday
from workdays.rules import DayOverride, WorkingCalendar
from workdays.services import add_working_days, is_working_day, working_days_between

API = "/api/v3/calendar/working-days/"


def days_off(first: date, last: date) -> dict[date, str]:
    return {off.date: off.name for off in WorkingCalendar().days_off_between(first, last) if not off.weekend}


# --- The computed calendar, checked against the dates the government announced ---------------------


def test_tet_2026_is_monday_16_to_friday_20_february():
    # Announced: officials rest from Saturday 14/2/2026 (27 tháng Chạp Ất Tỵ) to Sunday 22/2/2026, 9 days.
    assert days_off(date(2026, 2, 1), date(2026, 2, 28)) == {
        date(2026, 2, 16): "Giao thừa Tết Nguyên Đán",
        date(2026, 2, 17): "Tết Nguyên Đán",  # 1 tháng Giêng Bính Ngọ
        date(2026, 2, 18): "Mùng hai Tết Nguyên Đán",
        date(2026, 2, 19): "Mùng ba Tết Nguyên Đán",
        date(2026, 2, 20): "Mùng bốn Tết Nguyên Đán",
    }
    off = [day for day in WorkingCalendar().days(date(2026, 2, 13), date(2026, 2, 23)) if not rules.is_working_day(day)]
    assert off == [date(2026, 2, 14) + timedelta(days=n) for n in range(9)]
    assert rules.is_working_day(date(2026, 2, 13)) and rules.is_working_day(date(2026, 2, 23))


def test_tet_2027_weekend_days_are_compensated():
    # 1 tháng Giêng Đinh Mùi is Saturday 6/2/2027: the Tết days on Saturday and Sunday move to the working
    # days before and after (Art. 112 §3), so Thursday 4/2 to Wednesday 10/2 are off.
    holidays_2027 = days_off(date(2027, 2, 1), date(2027, 2, 28))
    assert holidays_2027[date(2027, 2, 6)] == "Tết Nguyên Đán"
    assert sorted(holidays_2027) == [date(2027, 2, 4) + timedelta(days=n) for n in range(7)]
    assert rules.is_working_day(date(2027, 2, 3)) and rules.is_working_day(date(2027, 2, 11))


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2025, 4, 7), "Ngày Giỗ Tổ Hùng Vương"),  # 10/3 Ất Tỵ, announced Monday 7/4/2025
        (date(2026, 4, 26), "Ngày Giỗ Tổ Hùng Vương"),  # 10/3 Bính Ngọ, a Sunday
        (date(2027, 4, 16), "Ngày Giỗ Tổ Hùng Vương"),  # 10/3 Đinh Mùi
        (date(2025, 1, 29), "Tết Nguyên Đán"),  # 1 tháng Giêng Ất Tỵ
    ],
)
def test_lunar_holidays_fall_on_the_announced_dates(day, name):
    assert rules.computed_day_off(day).name == name


def test_a_holiday_on_a_sunday_gives_a_compensatory_monday():
    # Hùng Kings' day 2026 is Sunday 26/4: Monday 27/4 is off (as announced), Tuesday 28/4 is not.
    assert rules.computed_day_off(date(2026, 4, 27)).name == "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"
    assert rules.is_working_day(date(2026, 4, 28))
    # 1/5/2027 is a Saturday: Monday 3/5/2027 is off.
    assert rules.computed_day_off(date(2027, 5, 3)).name == "Ngày Quốc tế Lao động (nghỉ bù)"


def test_30_april_and_1_may():
    assert days_off(date(2026, 4, 29), date(2026, 5, 4)) == {
        date(2026, 4, 30): "Ngày Chiến thắng",
        date(2026, 5, 1): "Ngày Quốc tế Lao động",
    }
    assert rules.is_working_day(date(2026, 4, 29)) and rules.is_working_day(date(2026, 5, 4))


def test_national_day_and_its_adjacent_day():
    # 2/9/2027 is a Thursday: the adjacent day is Friday 3/9.
    assert days_off(date(2027, 8, 30), date(2027, 9, 6)) == {
        date(2027, 9, 2): "Quốc khánh",
        date(2027, 9, 3): "Quốc khánh",
    }
    # 2026: 1/9 and 2/9, and the announced swap (Monday 31/8 off, Saturday 22/8 worked).
    assert set(days_off(date(2026, 8, 20), date(2026, 9, 3))) == {date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2)}
    assert rules.is_working_day(date(2026, 8, 22))  # a Saturday worked


def test_add_working_days_from_the_issue():
    assert rules.add_working_days(date(2026, 11, 2), 10) == date(2026, 11, 13)
    assert rules.add_working_days(date(2026, 12, 28), 10) == date(2027, 1, 11)  # 1/1/2027 is a holiday
    assert rules.add_working_days(date(2026, 11, 2), 1) == date(2026, 11, 2)  # the opening day counts
    assert rules.add_working_days(date(2026, 11, 1), 1) == date(2026, 11, 2)  # a Sunday does not


def test_add_working_days_across_tet():
    # From Monday 9/2/2026: 9–13/2 are five days, Tết takes 14–22/2, then 23–27/2 are five more.
    assert rules.add_working_days(date(2026, 2, 9), 10) == date(2026, 2, 27)
    assert rules.working_days_between(date(2026, 2, 9), date(2026, 2, 27)) == 10
    assert rules.working_days_between(date(2026, 2, 14), date(2026, 2, 22)) == 0


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        rules.add_working_days(date(2026, 1, 5), 0)
    with pytest.raises(ValueError):
        rules.working_days_between(date(2026, 1, 5), date(2026, 1, 4))
    with pytest.raises(rules.OutOfCalendar):
        rules.is_working_day(date(2100 + 1, 1, 3))


def test_overrides_win_both_ways_in_the_pure_layer():
    overrides = {
        date(2026, 11, 6): DayOverride(working=False, name="Nghỉ hoán đổi"),
        date(2026, 11, 14): DayOverride(working=True, name="Làm bù"),  # a Saturday
        date(2026, 12, 31): DayOverride(working=True, name="Làm việc"),
    }
    assert not rules.is_working_day(date(2026, 11, 6), overrides)
    assert rules.is_working_day(date(2026, 11, 14), overrides)
    assert rules.add_working_days(date(2026, 11, 2), 10, overrides) == date(2026, 11, 14)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2029, 12, 31)),
    count=st.integers(min_value=1, max_value=80),
    swapped=st.lists(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 6, 30)), max_size=6),
)
def test_add_working_days_lands_on_a_working_day_and_counts_back(start, count, swapped):
    calendar = WorkingCalendar({day: DayOverride(working=not rules.is_working_day(day), name="x") for day in swapped})
    end = calendar.add_working_days(start, count)
    assert end >= start
    assert calendar.is_working_day(end)
    assert calendar.working_days_between(start, end) == count
    assert end == start or calendar.working_days_between(start, end - timedelta(days=1)) == count - 1


# --- Holiday records edited in the admin --------------------------------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("lich-admin", "lich@example.vn", "mat-khau-lich")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_an_administrators_day_off_moves_the_closing_date(admin_client):
    assert add_working_days(date(2026, 11, 2), 10) == date(2026, 11, 13)
    response = admin_client.post(
        "/admin/snippets/workdays/holiday/add/",
        {"date": "2026-11-06", "kind": "day_off", "name": "Nghỉ hoán đổi (thử)", "source": "Thông báo 1/TB"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Holiday.objects.get(date=date(2026, 11, 6)).name == "Nghỉ hoán đổi (thử)"
    assert not is_working_day(date(2026, 11, 6))
    assert add_working_days(date(2026, 11, 2), 10) == date(2026, 11, 16)
    response = admin_client.get(API, {"start": "2026-11-02", "days": "10"})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["end"] == "2026-11-16"
    assert {"date": "2026-11-06", "name": "Nghỉ hoán đổi (thử)"} in data["holidays"]


@pytest.mark.django_db
def test_an_administrators_working_saturday_counts():
    Holiday.objects.create(date=date(2027, 1, 9), kind=Holiday.Kind.WORKING_DAY, name="Làm bù cho ngày 4/1")
    Holiday.objects.create(date=date(2027, 1, 4), kind=Holiday.Kind.DAY_OFF, name="Nghỉ hoán đổi Tết Dương lịch")
    assert is_working_day(date(2027, 1, 9)) and not is_working_day(date(2027, 1, 4))
    assert working_days_between(date(2027, 1, 4), date(2027, 1, 10)) == 5
    assert add_working_days(date(2026, 12, 28), 10) == date(2027, 1, 11)  # the swap keeps the count


@pytest.mark.django_db
def test_a_record_that_changes_nothing_is_refused_in_vietnamese(admin_client):
    response = admin_client.post(
        "/admin/snippets/workdays/holiday/add/",
        {"date": "2026-11-04", "kind": "working_day", "name": "Làm việc"},
    )
    assert response.status_code == 200
    assert "vốn đã là ngày làm việc" in response.content.decode()
    assert not Holiday.objects.filter(date=date(2026, 11, 4)).exists()
    with pytest.raises(Exception, match="vốn đã là ngày nghỉ"):
        Holiday(date=date(2026, 9, 2), kind=Holiday.Kind.DAY_OFF, name="Quốc khánh").full_clean()


@pytest.mark.django_db
def test_the_announced_new_year_swap_of_2026_is_a_record():
    # Công văn 12729/VPCP-KGVX: Friday 2/1/2026 off, Saturday 10/1/2026 worked (the library lacks it).
    assert rules.is_working_day(date(2026, 1, 2)) and not rules.is_working_day(date(2026, 1, 10))
    assert not is_working_day(date(2026, 1, 2)) and is_working_day(date(2026, 1, 10))
    assert working_days_between(date(2026, 1, 1), date(2026, 1, 4)) == 0
    assert Holiday.objects.get(date=date(2026, 1, 2)).source.startswith("Công văn 12729/VPCP-KGVX")


@pytest.mark.django_db
def test_the_admin_lists_the_records_in_vietnamese(admin_client):
    content = admin_client.get("/admin/snippets/workdays/holiday/").content.decode()
    assert "Nghỉ hoán đổi dịp Tết Dương lịch" in content and "Làm bù cho thứ Sáu 02/01/2026" in content
    assert "Ngày làm việc (làm bù)" in content


@pytest.mark.django_db
def test_the_admin_needs_a_login(client):
    response = client.get("/admin/snippets/workdays/holiday/")
    assert response.status_code == 302 and "/login/" in response["Location"]


# --- The API ----------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_end_date_for_the_issue_example(anonymous_client):
    response = anonymous_client.get(API, {"start": "2026-12-28", "days": "10"})
    assert response.status_code == 200
    data = response.json()
    assert (data["start"], data["days"], data["end"]) == ("2026-12-28", 10, "2027-01-11")
    assert (data["from"], data["to"]) == ("2026-12-28", "2027-01-11")
    assert len(data["working_days"]) == 10 and "2027-01-01" not in data["working_days"]
    assert data["holidays"] == [{"date": "2027-01-01", "name": "Tết Dương lịch"}]
    assert {"date": "2027-01-02", "name": "Thứ Bảy"} in data["non_working_days"]


@pytest.mark.django_db
def test_api_range_lists_working_and_non_working_days(anonymous_client):
    data = anonymous_client.get(API, {"from": "2026-04-25", "to": "2026-05-03"}).json()
    assert data["start"] is None and data["end"] is None
    assert data["working_days"] == ["2026-04-28", "2026-04-29"]
    assert data["holidays"] == [
        {"date": "2026-04-26", "name": "Ngày Giỗ Tổ Hùng Vương"},
        {"date": "2026-04-27", "name": "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)"},
        {"date": "2026-04-30", "name": "Ngày Chiến thắng"},
        {"date": "2026-05-01", "name": "Ngày Quốc tế Lao động"},
    ]
    assert {"date": "2026-04-25", "name": "Thứ Bảy"} in data["non_working_days"]
    assert len(data["non_working_days"]) == 7


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "start"),
        ({"start": "2026-12-28"}, "days"),
        ({"days": "10"}, "start"),
        ({"start": "28/12/2026", "days": "10"}, "start"),
        ({"start": "2026-02-30", "days": "10"}, "start"),
        ({"start": "20261228", "days": "10"}, "start"),
        ({"start": "1999-12-31", "days": "10"}, "start"),
        ({"start": "2026-12-28", "days": "0"}, "days"),
        ({"start": "2026-12-28", "days": "367"}, "days"),
        ({"start": "2026-12-28", "days": "mười"}, "days"),
        ({"start": "2026-12-28", "days": "-1"}, "days"),
        ({"start": "2099-12-01", "days": "100"}, "days"),
        ({"from": "2026-01-01"}, "to"),
        ({"to": "2026-01-01"}, "from"),
        ({"from": "2026-01-10", "to": "2026-01-01"}, "to"),
        ({"from": "2026-01-01", "to": "2027-01-02"}, "to"),  # 367 days
        ({"from": "2026-01-01", "to": "2026-01-31", "start": "2026-01-01", "days": "3"}, "from"),
    ],
)
def test_api_bad_parameters_answer_400_naming_the_parameter(anonymous_client, params, parameter):
    response = anonymous_client.get(API, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert f"`{parameter}`" in response.json()["detail"]


@pytest.mark.django_db
def test_api_largest_range_is_accepted(anonymous_client):
    data = anonymous_client.get(API, {"from": "2026-01-01", "to": "2027-01-01"}).json()
    assert len(data["working_days"]) + len(data["non_working_days"]) == 366


@pytest.mark.django_db
def test_api_is_in_the_openapi_document_in_vietnamese(anonymous_client):
    spec = anonymous_client.get("/api/v3/openapi.json").json()
    operation = spec["paths"]["/api/v3/calendar/working-days/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert set(parameters) >= {"start", "days", "from", "to"}
    assert "ngày làm việc" in parameters["days"]["description"]
    assert "200" in operation["responses"] and "400" in operation["responses"]
    assert {"AllowAnonymous": []} in operation["security"]  # public: no token needed
    response_schema = spec["components"]["schemas"]["WorkingDaysResponse"]["properties"]
    assert {"start", "days", "end", "from", "to", "working_days", "non_working_days", "holidays"} <= set(
        response_schema
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("keep_connection")
def test_api_fuzzed_against_its_own_schema():
    """Schemathesis on this one operation (the whole document is fuzzed in tests/test_api_fuzz.py)."""
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", WSGIHandler())
    operation = schema["/api/v3/calendar/working-days/"]["GET"]
    fuzz_operation(operation, headers={})

"""Quarterly reporting's views (issue #16): the dashboard and its export, a unit editor's panel, the
statistics (admin, public page, XLSX) and the API, with their permissions."""

from __future__ import annotations

import io
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from exemplar_pages.models import DecisionAwardee, DecisionPage, ExemplarStoryPage, StoryAward
from exemplar_pages.visibility import public_now
from reports.deadlines import DEFAULT_SCHEDULE
from reports.statistics import DIMENSIONS, statistic
from tests import factories
from tests.moderation_fixtures import bearer, fresh

VN = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = 2015  # a past year (its deadlines have passed), before the demo content
DASHBOARD = "/admin/bao-cao/guong-dien-hinh-theo-quy/"


def submitted_story(unit, when: datetime, publish_it: bool = False, **kwargs) -> ExemplarStoryPage:
    page = factories.story(unit, publish_it=publish_it, **kwargs)
    ExemplarStoryPage.objects.filter(pk=page.pk).update(first_submitted_at=when)
    return fresh(page)


@pytest.fixture
def quarter_data(cast):
    """The editor's unit on time in Q1 (one of two approved), the other unit late."""
    cast.unit.exemplar_quota = 2
    cast.unit.save()
    submitted_story(cast.unit, datetime(YEAR, 2, 1, 9, tzinfo=VN), publish_it=True)
    submitted_story(cast.unit, datetime(YEAR, 3, 20, 23, 59, tzinfo=VN))
    submitted_story(cast.other_unit, datetime(YEAR, 3, 21, 0, 1, tzinfo=VN))
    return cast


# The dashboard ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role, allowed", [("office", True), ("council", True), ("admin", True), ("editor", False)])
def test_who_opens_the_dashboard(quarter_data, client, role, allowed):
    client.force_login(quarter_data.by_role()[role])
    response = client.get(DASHBOARD, {"year": YEAR})
    if allowed:
        assert response.status_code == 200 and quarter_data.other_unit.title in response.content.decode()
    else:  # Wagtail's admin answers a refusal with a redirect to the dashboard and a message
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert client.get(DASHBOARD, {"year": YEAR, "export": "xlsx"}).status_code == 302


def test_the_dashboard_shows_units_quarters_late_marks_totals_and_a_chart(quarter_data, client):
    cast = quarter_data
    client.force_login(cast.office)
    response = client.get(DASHBOARD, {"year": YEAR, "quarter": 1})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Quý 1: đã gửi" in html and "Quý 2: đã gửi" not in html
    assert "<svg" in html and 'role="img"' in html
    assert "Tổng cộng" in html
    late_line = html[html.index("đơn vị trễ hạn:") :].split("</p>")[0]
    assert cast.other_unit.title in late_line and cast.unit.title not in late_line
    assert "⚠ Trễ hạn (thiếu 1)" in html  # in words, not colour alone
    # The whole year on a screen: one cell per quarter; its export keeps the numbers in their own columns.
    whole_year = client.get(DASHBOARD, {"year": YEAR}).content.decode()
    row = whole_year[whole_year.index(f">{cast.unit.title}</th>") :].split("</tr>")[0]
    assert row.count('class="quota-quarter') == 4
    assert "gửi 2 · duyệt 1 · thiếu 0" in row and "✓ Đạt" in row
    export = client.get(DASHBOARD, {"year": YEAR, "export": "xlsx"})
    headings = next(load_workbook(io.BytesIO(b"".join(export.streaming_content))).active.iter_rows(values_only=True))
    assert len(headings) == 2 + 4 * 4 and "Quý 4: còn thiếu" in headings


def test_the_dashboard_exports_to_xlsx(quarter_data, client):
    cast = quarter_data
    client.force_login(cast.office)
    response = client.get(DASHBOARD, {"year": YEAR, "quarter": 1, "export": "xlsx"})
    assert response.status_code == 200 and "spreadsheetml" in response["Content-Type"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Đơn vị",
        "Chỉ tiêu mỗi quý",
        "Quý 1: đã gửi",
        "Quý 1: đã duyệt đăng",
        "Quý 1: còn thiếu",
        "Quý 1: tình trạng",
    )
    by_unit = {row[0]: row for row in rows[1:]}
    assert by_unit[cast.unit.title][1:] == (2, 2, 1, 0, "Đạt")
    assert by_unit[cast.other_unit.title][1:] == (1, 0, 0, 1, "Trễ hạn (thiếu 1)")
    total = rows[-1]
    assert total[0] == "Tổng cộng" and total[2] == sum(row[2] for row in rows[1:-1])
    assert client.get(DASHBOARD, {"year": YEAR, "export": "xlsx"}).status_code == 200
    csv = b"".join(client.get(DASHBOARD, {"year": YEAR, "quarter": 1, "export": "csv"}).streaming_content).decode()
    assert f"{cast.other_unit.title},1,0,0,1,Trễ hạn (thiếu 1)" in csv


def test_the_dashboard_is_in_the_reports_menu_for_its_readers_only(quarter_data, client):
    client.force_login(quarter_data.office)
    assert DASHBOARD in client.get("/admin/").content.decode()
    client.force_login(quarter_data.editor)
    assert DASHBOARD not in client.get("/admin/").content.decode()


def test_an_editor_sees_their_own_units_line_on_their_dashboard(cast, client):
    year, quarter = DEFAULT_SCHEDULE.quarter_for(datetime.now(VN))
    cast.unit.exemplar_quota = 3
    cast.unit.save()
    start, _end = DEFAULT_SCHEDULE.window(year, quarter)
    submitted_story(cast.unit, start + (datetime.now(VN) - start) / 2)
    client.force_login(cast.editor)
    html = client.get("/admin/").content.decode()
    panel = html[html.index('id="unit-quota-heading"') :]
    assert f"quý {quarter}/{year}" in panel
    row = panel[panel.index('class="unit-quota"') :].split("</tr>")[0]
    assert cast.unit.title in row and "Còn thiếu 2" in row
    assert cast.other_unit.title not in panel
    client.force_login(cast.office)
    assert 'id="unit-quota-heading"' not in client.get("/admin/").content.decode()


# Statistics ---------------------------------------------------------------------------------------------


def expected_counts(by: str) -> Counter:
    """The same counts straight from the database, one story at a time."""
    counts = Counter()
    for page in public_now(ExemplarStoryPage.objects.all()).select_related("field", "locality"):
        if by == "field":
            counts[page.field.slug] += 1
        elif by == "year":
            counts[str(page.year)] += 1
        elif by == "subject_type":
            counts[page.subject_type] += 1
        elif by == "locality":
            counts[page.locality.ancestors_and_self()[0].slug] += 1
        else:
            slugs = {award.award.slug if award.award_id else "khac" for award in StoryAward.objects.filter(story=page)}
            counts.update(slugs)
    return counts


@pytest.mark.django_db
@pytest.mark.parametrize("by", list(DIMENSIONS))
def test_statistics_equal_the_public_stories_counted_one_by_one(by):
    hidden_unit = factories.unit("UBND xã Chưa Đăng")  # a draft unit: its stories are not public
    factories.story(factories.publish(factories.unit("UBND xã Thống Kê")), year=1999)
    factories.story(factories.publish(hidden_unit), publish_it=False, year=1998)
    result = {row.key: row.stories for row in statistic(by).rows if row.stories}
    assert result == dict(expected_counts(by))
    if by == "year":
        assert result["1999"] == 1 and "1998" not in result


@pytest.mark.django_db
def test_decision_awardees_are_counted_only_from_public_decisions():
    public = set(public_now(DecisionPage.objects.all()).values_list("pk", flat=True))
    expected = Counter(
        str(awardee.decision.decision_date.year)
        for awardee in DecisionAwardee.objects.select_related("decision")
        if awardee.decision_id in public
    )
    assert {row.key: row.awardees for row in statistic("year").rows if row.awardees} == dict(expected)


@pytest.mark.django_db
def test_the_public_statistics_page(anonymous_client):
    response = anonymous_client.get("/thong-ke/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") >= len(DIMENSIONS) and html.count("<table") == len(DIMENSIONS)
    assert "Theo lĩnh vực" in html and '<th scope="col">Gương điển hình</th>' in html
    total = statistic("field").total_stories
    assert f"<td>{total}</td>" in html
    workbook = load_workbook(io.BytesIO(anonymous_client.get("/thong-ke/", {"export": "xlsx"}).content))
    assert len(workbook.sheetnames) == len(DIMENSIONS)
    rows = list(workbook[workbook.sheetnames[0]].iter_rows(values_only=True))
    assert rows[-1] == ("Tổng cộng", total, statistic("field").total_awardees)
    assert {row[0]: row[1] for row in rows[1:-1]} == {row.label: row.stories for row in statistic("field").rows}


@pytest.mark.django_db
def test_the_columns_link_to_the_statistics(anonymous_client):
    from exemplar_pages.models import ColumnPage

    column = ColumnPage.objects.live().first()
    assert 'href="/thong-ke/"' in anonymous_client.get(column.url).content.decode()


def test_the_admin_statistics_are_for_the_dashboards_readers(cast, client):
    url = reverse("reports_statistics")
    client.force_login(cast.editor)
    assert client.get(url).status_code == 302 and client.get(url, {"export": "xlsx"}).status_code == 302
    client.force_login(cast.members[0])
    assert client.get(url).status_code == 200
    assert client.get(url, {"export": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")


# API ----------------------------------------------------------------------------------------------------


def test_the_quotas_api_is_for_office_and_council_tokens(quarter_data, client):
    cast = quarter_data
    url = "/api/v3/reports/quotas/"
    anonymous = client.get(url, {"year": YEAR, "quarter": 1})
    assert anonymous.status_code == 401 and anonymous["Content-Type"].startswith("application/problem+json")
    refused = client.get(url, {"year": YEAR, "quarter": 1}, **bearer(cast.token(cast.editor)))
    assert refused.status_code == 403 and refused["Content-Type"].startswith("application/problem+json")
    for user in (cast.office, cast.members[0]):
        response = client.get(url, {"year": YEAR, "quarter": 1}, **bearer(cast.token(user)))
        assert response.status_code == 200
    lines = {line["unit"]["id"]: line for line in response.json()}
    mine = lines[cast.unit.pk]
    assert mine["unit"]["title"] == cast.unit.title
    assert (mine["quota"], mine["submitted"], mine["approved"], mine["on_time"], mine["late"]) == (2, 2, 1, True, False)
    other = lines[cast.other_unit.pk]
    assert (other["submitted"], other["on_time"], other["late"], other["owed"]) == (0, False, True, 1)
    assert other["deadline"].startswith(f"{YEAR}-03-20T23:59:59")


@pytest.mark.parametrize(
    "query, name",
    [({"year": "abc"}, "year"), ({"year": "²"}, "year"), ({"quarter": "5"}, "quarter"), ({"quarter": "0"}, "quarter")],
)
def test_bad_quota_parameters_are_400_naming_them(cast, client, query, name):
    response = client.get("/api/v3/reports/quotas/", query, **bearer(cast.token(cast.office)))
    assert response.status_code == 400 and f"`{name}`" in response.json()["detail"]


@pytest.mark.django_db
def test_the_statistics_api_is_public_and_counts_public_pages(client):
    for by in DIMENSIONS:
        response = client.get("/api/v3/reports/statistics/", {"by": by})
        assert response.status_code == 200
        body = response.json()
        assert body["by"] == by
        assert {row["key"]: row["stories"] for row in body["results"]} == {
            row.key: row.stories for row in statistic(by).rows
        }
    bad = client.get("/api/v3/reports/statistics/", {"by": "owner"})
    assert bad.status_code == 400 and "`by`" in bad.json()["detail"]


@pytest.mark.django_db
def test_the_report_routes_are_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/reports/quotas/" in paths and "/api/v3/reports/statistics/" in paths

"""The public portal: every page renders its key fields; drafts and private pages never show."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.utils.html import escape
from wagtail.models import Page

from exemplar_pages.models import Award, ColumnPage, ExemplarStoryPage, Field, Locality, PlanPage
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def portal():
    """A small tree of our own on top of the demo content."""
    province = factories.locality("Tỉnh Kiểm Thử", kind="tinh")
    commune = factories.locality("Xã Kiểm Thử", parent=province)
    unit = factories.unit("UBND xã Kiểm Thử", locality=commune)
    movement = factories.movement(unit, "Kiểm Thử chung sức xây dựng nông thôn mới", slogan="Chung sức, đồng lòng")
    plan = factories.plan(
        unit,
        "Kế hoạch kiểm thử năm 2023",
        number="77/KH-UBND",
        issue_date=date(2023, 3, 1),
        issue_place="Kiểm Thử",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        signer_name="Phạm Văn Dũng",
        recipients="- HĐ TĐKT huyện;\n- Lưu: VP.",
    )
    plan.movements.add(movement)
    plan.basis.create(
        verb="Thực hiện", document_type="Kế hoạch", number="57/KH-UBND", date=date(2023, 2, 27), issuer="UBND huyện"
    )
    plan.assignments.create(unit="Công chức Văn hóa – Xã hội", tasks="Viết bài", deadline=date(2023, 3, 10))
    plan.sections = [("heading", {"level": "2", "number": "I.", "text": "MỤC ĐÍCH, YÊU CẦU"})]
    factories.publish(plan)
    story = factories.story(
        unit,
        "Kiểm thử: người nuôi bò sữa giỏi",
        subject_name="Lê Thị Kiểm",
        locality=commune,
        movement=movement,
        field=Field.objects.get(slug="nong-nghiep"),
        year=2024,
        subject_type="household",
    )
    story.awards.create(award=Award.objects.get(slug="gia-dinh-van-hoa"), year=2024)
    story.tags.add("bò sữa")
    factories.publish(story)
    draft = factories.story(unit, "Kiểm thử: bài nháp chưa duyệt", publish_it=False, locality=commune)
    private = factories.story(unit, "Kiểm thử: bài hạn chế xem", locality=commune)
    factories.restrict(private)
    return {
        "unit": unit,
        "movement": movement,
        "plan": plan,
        "story": story,
        "draft": draft,
        "private": private,
        "commune": commune,
        "province": province,
    }


def stories_column() -> ColumnPage:
    return ColumnPage.objects.get(slug="dien-hinh-tien-tien")


def test_every_live_public_demo_page_renders(client):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert pages.count() >= 40
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert escape(page.title) in response.content.decode(), page.url


def test_home_shows_both_columns_with_latest_items(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thi đua yêu nước" in html and "Điển hình tiên tiến" in html
    newest = stories_column().latest(1)[0]
    assert escape(newest.title) in html
    assert html.count("<h1") == 1
    assert 'lang="vi"' in html and "<main" in html and 'href="#noi-dung"' in html


def test_story_page_shows_its_key_fields(client, portal):
    html = client.get(portal["story"].url).content.decode()
    for expected in [
        "Lê Thị Kiểm",
        "Hộ gia đình",
        "Nông nghiệp",
        "Tỉnh Kiểm Thử › Xã Kiểm Thử",
        "Kiểm Thử chung sức xây dựng nông thôn mới",
        "Gia đình văn hóa",
        "bò sữa",
        "2024",
    ]:
        assert expected in html, expected


def test_plan_page_shows_number_basis_assignments_recipients_and_signer(client, portal):
    html = client.get(portal["plan"].url).content.decode()
    for expected in [
        "77/KH-UBND",
        "01/03/2023",
        "Kế hoạch số 57/KH-UBND ngày 27/02/2023 của UBND huyện",
        "MỤC ĐÍCH, YÊU CẦU",
        "Công chức Văn hóa – Xã hội",
        "10/03/2023",
        "HĐ TĐKT huyện",
        "PHÓ CHỦ TỊCH",
        "Phạm Văn Dũng",
        "Kiểm Thử chung sức xây dựng nông thôn mới",
    ]:
        assert expected in html, expected


def test_movement_page_lists_its_plans_and_stories(client, portal):
    html = client.get(portal["movement"].url).content.decode()
    assert "Chung sức, đồng lòng" in html
    assert "Kế hoạch kiểm thử năm 2023" in html
    assert "Kiểm thử: người nuôi bò sữa giỏi" in html
    assert "bài nháp chưa duyệt" not in html


def test_print_views_render_the_article_without_the_portal_chrome(client, portal):
    for key in ("plan", "story", "movement"):
        response = client.get(portal[key].url + "print/")
        html = response.content.decode()
        assert response.status_code == 200
        assert escape(portal[key].title) in html
        assert "site-header" not in html and "print.css" in html
    assert "Phạm Văn Dũng" in client.get(portal["plan"].url + "print/").content.decode()


def test_drafts_and_private_pages_are_not_served_to_anonymous_users(client, portal):
    assert client.get(portal["draft"].url).status_code == 404
    response = client.get(portal["private"].url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_column_filters_by_field_and_locality_subtree(client, portal):
    column = stories_column()
    html = client.get(column.url, {"field": "nong-nghiep", "locality": portal["province"].slug}).content.decode()
    assert "Kiểm thử: người nuôi bò sữa giỏi" in html
    html_other_field = client.get(column.url, {"field": "y-te", "locality": portal["province"].slug}).content.decode()
    assert "người nuôi bò sữa giỏi" not in html_other_field
    assert "Không có bài viết nào" in html_other_field


def test_column_filters_match_the_database(client):
    column = stories_column()
    field = Field.objects.get(slug="giao-duc-va-dao-tao")
    response = client.get(column.url, {"field": field.slug})
    expected = ExemplarStoryPage.objects.live().public().filter(field=field).count()
    assert expected > 0
    assert response.context["page_obj"].paginator.count == expected
    assert all(item.field_id == field.pk for item in response.context["page_obj"].paginator.object_list)


def test_column_subject_type_and_year_filters(client):
    column = stories_column()
    response = client.get(column.url, {"subject_type": "collective", "year": "2023"})
    items = list(response.context["page_obj"].paginator.object_list)
    assert items, "demo content has collective exemplars of 2023"
    assert {(item.subject_type, item.year) for item in items} == {("collective", 2023)}


def test_column_bad_filter_is_reported_not_crashing(client):
    response = client.get(stories_column().url, {"field": "khong-co-linh-vuc-nay"})
    assert response.status_code == 200
    assert "Bộ lọc không hợp lệ" in response.content.decode()


def test_column_pagination(client):
    column = stories_column()
    first = client.get(column.url)
    assert first.context["page_obj"].paginator.num_pages >= 2
    second = client.get(column.url, {"page": 2})
    assert set(first.context["items"]).isdisjoint(set(second.context["items"]))
    assert client.get(column.url, {"page": "9999"}).status_code == 200
    assert 'rel="next"' in first.content.decode()


def test_drafts_and_private_pages_never_on_columns_feeds_or_sitemap(client, portal):
    column = stories_column()
    listing = list(client.get(column.url).context["page_obj"].paginator.object_list)
    titles = {item.title for item in listing}
    assert portal["story"].title in titles
    assert portal["draft"].title not in titles
    assert portal["private"].title not in titles
    hidden = [portal["draft"], portal["private"]] + [
        page for page in ExemplarStoryPage.objects.all() if not page.live or page.get_view_restrictions().exists()
    ]
    bodies = [
        client.get(column.url + "rss/").content.decode(),
        client.get(column.url + "atom/").content.decode(),
        client.get("/sitemap.xml").content.decode(),
    ]
    for page in hidden:
        for body in bodies:
            assert escape(page.title) not in body
            assert f"/{page.slug}/" not in body


def test_newer_draft_of_a_published_story_is_not_shown(client, portal):
    story = portal["story"]
    story.title = "BẢN NHÁP MỚI CHƯA DUYỆT"
    story.save_revision()
    html = client.get(story.url).content.decode()
    assert "BẢN NHÁP MỚI CHƯA DUYỆT" not in html
    assert "người nuôi bò sữa giỏi" in html
    assert "BẢN NHÁP MỚI CHƯA DUYỆT" not in client.get(stories_column().url + "rss/").content.decode()


def test_feeds_parse_as_xml(client):
    for column in ColumnPage.objects.live():
        rss = ET.fromstring(client.get(column.url + "rss/").content)
        items = rss.findall("./channel/item")
        assert rss.tag == "rss" and items
        assert all(item.findtext("link").startswith("http") for item in items)
        atom = ET.fromstring(client.get(column.url + "atom/").content)
        assert atom.tag == f"{ATOM}feed" and atom.findall(f"{ATOM}entry")


def test_sitemap_lists_live_public_pages(client, portal):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")}
    assert any(loc.endswith(portal["story"].url) for loc in locations)
    assert any(loc.endswith(PlanPage.objects.live().first().url) for loc in locations)


def test_breadcrumbs_lead_home(client, portal):
    html = client.get(portal["story"].url).content.decode()
    assert 'aria-label="Đường dẫn"' in html
    assert "UBND xã Kiểm Thử" in html.split('aria-label="Đường dẫn"')[1].split("</nav>")[0]


def test_breadcrumbs_never_name_an_unpublished_ancestor(client, portal):
    """A unit taken off the portal while a story under it stays live: the story's trail skips the unit (its title
    is not public) and still leads home."""
    unit_link = f'href="{portal["unit"].url}"'
    portal["unit"].unpublish(set_expired=False, commit=True)
    response = client.get(portal["story"].url)
    trail = response.content.decode().split('aria-label="Đường dẫn"')[1].split("</nav>")[0]
    assert response.status_code == 200
    assert "UBND xã Kiểm Thử" not in trail and unit_link not in trail
    assert "Trang chủ" in trail and "Kiểm thử: người nuôi bò sữa giỏi" in trail


def test_public_search_page_finds_a_story(client, portal):
    response = client.get("/tim-kiem/", {"q": "bò sữa"})
    assert response.status_code == 200
    assert "người nuôi bò sữa giỏi" in response.content.decode()
    assert Locality.objects.filter(slug=portal["commune"].slug).exists()

"""`seed_demo`: demo content that is complete, idempotent, and respects the visibility rules (DESIGN §4)."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone
from wagtail.models import APIToken, Page, PageViewRestriction, Revision

from exemplar_pages.models import (
    ColumnPage,
    ConsultationClosing,
    ConsultationComment,
    ConsultationNominee,
    ConsultationPage,
    DecisionAwardee,
    DecisionPage,
    ExemplarStoryPage,
    Field,
    Locality,
    LocalityAlias,
    MovementPage,
    PlanAssignment,
    PlanPage,
    PlanReference,
    StoryAward,
    UnitPage,
)
from home.demo.stories import DRAFT_MARK
from home.demo.users import DEMO_PASSWORD, DEMO_USERS, TOKEN_NAME

pytestmark = pytest.mark.django_db

COUNTED = [
    Page,
    Revision,
    Locality,
    LocalityAlias,
    UnitPage,
    ColumnPage,
    MovementPage,
    PlanPage,
    PlanReference,
    PlanAssignment,
    DecisionPage,
    DecisionAwardee,
    ConsultationPage,
    ConsultationNominee,
    ConsultationComment,
    ExemplarStoryPage,
    StoryAward,
    PageViewRestriction,
    APIToken,
    get_user_model(),
]


@pytest.fixture(autouse=True)
def seeded() -> None:
    """The session fixture loads the demo content; load it here if it did not."""
    if not ExemplarStoryPage.objects.exists():
        call_command("seed_demo", force=True, verbosity=0)


def counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in COUNTED}


def public_stories():
    return ExemplarStoryPage.objects.live().public()


def province_of(locality: Locality) -> Locality:
    return locality.ancestors_and_self()[0]


@override_settings(SEED_DEMO_ALLOWED=False)
def test_refuses_outside_the_dev_settings_unless_forced() -> None:
    with pytest.raises(CommandError, match="SEED_DEMO_ALLOWED"):
        call_command("seed_demo", verbosity=0)


def test_second_run_changes_nothing() -> None:
    before = counts()
    latest_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
    out = StringIO()
    call_command("seed_demo", force=True, stdout=out)
    assert counts() == before
    assert Revision.objects.order_by("-pk").values_list("pk", flat=True).first() == latest_revision
    stage_lines = [line for line in out.getvalue().splitlines() if "mới / new" in line]
    assert len(stage_lines) >= 7
    assert all("mới / new 0" in line for line in stage_lines)
    assert "(đã tạo trước đó)" in out.getvalue()


def test_quiet_with_verbosity_zero() -> None:
    out = StringIO()
    call_command("seed_demo", force=True, verbosity=0, stdout=out)
    assert out.getvalue() == ""


def test_reset_tokens_prints_new_keys_and_keeps_one_token_per_user() -> None:
    out = StringIO()
    call_command("seed_demo", force=True, reset_tokens=True, stdout=out)
    assert out.getvalue().count("wagtail_") == len(DEMO_USERS)
    for spec in DEMO_USERS:
        assert APIToken.objects.filter(user__username=spec["username"], name=TOKEN_NAME, revoked_at=None).count() == 1


def test_stories_cover_fields_types_years_and_provinces() -> None:
    stories = list(public_stories().select_related("field", "locality"))
    assert len(stories) >= 40
    assert {story.field_id for story in stories} == set(Field.objects.values_list("pk", flat=True))
    assert len(Field.objects.all()) == 13
    assert {story.subject_type for story in stories} == {"individual", "collective", "household"}
    assert {story.year for story in stories} >= {2021, 2022, 2023, 2024, 2025}
    assert len({province_of(story.locality).pk for story in stories}) >= 5
    assert sum(1 for story in stories if story.movement_id) > len(stories) // 2
    assert any(story.movement_id is None for story in stories)


def test_stories_have_body_awards_tags_and_dates_in_their_year() -> None:
    for story in public_stories():
        assert 3 <= len(story.body) <= 5, story.title
        assert story.summary
        assert 2 <= len(story.tag_names) <= 3, story.title
        assert story.first_published_at.year == story.year, story.title
        assert story.quarter in (1, 2, 3, 4)
    assert StoryAward.objects.filter(story__in=public_stories()).count() >= 40
    for words in ("Tân Biên", "nông nghiệp", "điển hình"):
        matching = [s for s in public_stories() if words in f"{s.title} {s.summary} {s.tag_names} {s.body.raw_data}"]
        assert len(matching) >= 3, words


def test_plans_carry_number_date_issuer_and_signer() -> None:
    office = PlanPage.objects.get(number="93/KH-VP")
    assert office.issue_date == dt.date(2023, 1, 13)
    assert office.issuing_body == "Văn phòng UBND tỉnh Đồng Nai"
    assert office.signer_title == "CHÁNH VĂN PHÒNG"
    assert office.signer_name == "Nguyễn Kim Long"
    assert office.get_parent().slug == "van-phong-ubnd-tinh-dong-nai"
    assert office.basis.get().number == "06/KH-UBND"

    township = PlanPage.objects.get(slug="ke-hoach-tuyen-truyen-thi-dua-yeu-nuoc-nam-2023")
    assert township.number == ""
    assert township.get_parent().slug == "ubnd-thi-tran-tan-bien"
    assert "PHÓ CHỦ TỊCH" in township.signer_title
    reference = township.basis.get(number="57/KH-UBND")
    assert reference.date == dt.date(2023, 2, 27)
    assert reference.linked_plan is not None and reference.linked_plan.live
    assert township.assignments.filter(deadline=dt.date(2023, 3, 10)).exists()

    district = PlanPage.objects.get(slug="ke-hoach-tuyen-truyen-thi-dua-yeu-nuoc-nam-2022")
    assert district.get_parent().slug == "ubnd-huyen-tan-bien"
    assert set(district.basis.values_list("number", flat=True)) == {"886/KH-UBND", "38/KH-UBND"}
    assert district.assignments.filter(deadline=dt.date(2022, 3, 20)).exists()

    for plan in (office, township, district):
        assert plan.live and plan.movements.exists()
        kinds = {block.block_type for block in plan.sections}
        assert {"heading", "paragraph", "bullet_list"} <= kinds
        assert any(b.block_type == "heading" and b.value["level"] == "2" for b in plan.sections)


def test_movements_named_in_the_plans_exist_and_are_linked() -> None:
    titles = set(MovementPage.objects.live().values_list("title", flat=True))
    assert {
        "Tân Biên chung sức xây dựng nông thôn mới",
        "Tân Biên chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        "Doanh nghiệp Tân Biên hội nhập và phát triển",
        "Toàn tỉnh chung sức xây dựng nông thôn mới",
        "Doanh nghiệp Đồng Nai hội nhập và phát triển",
    } <= titles
    movement = MovementPage.objects.get(title="Tân Biên chung sức xây dựng nông thôn mới")
    assert movement.campaign == "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"
    assert movement.public_plans().count() >= 2
    assert movement.public_stories().exists()


def test_hidden_stories_are_not_live_and_public(client) -> None:
    drafts = ExemplarStoryPage.objects.filter(live=False, first_published_at=None)
    assert drafts.count() == 2
    newer = ExemplarStoryPage.objects.get(draft_title__contains=DRAFT_MARK)
    assert newer.live and newer.has_unpublished_changes and DRAFT_MARK not in newer.title
    assert not public_stories().filter(title__contains=DRAFT_MARK).exists()
    private = ExemplarStoryPage.objects.live().not_public().get()
    assert PageViewRestriction.objects.filter(page=private, restriction_type=PageViewRestriction.LOGIN).exists()
    expired = ExemplarStoryPage.objects.get(expired=True)
    assert not expired.live and expired.expire_at < timezone.now()
    hidden = [*drafts, private, expired]
    assert not public_stories().filter(pk__in=[page.pk for page in hidden]).exists()

    assert client.get(private.url).status_code == 302
    for page in (*drafts, expired):
        assert client.get(page.url).status_code == 404


def test_localities_model_the_2025_reform() -> None:
    roots = Locality.objects.filter(parent=None)
    assert roots.filter(is_active=True).count() >= 5
    long_an = Locality.objects.get(slug="long-an")
    assert long_an.successor.name == "Tây Ninh" and not long_an.is_active
    township = Locality.find("TT. Tân Biên")
    assert township.name == "Thị trấn Tân Biên" and township.kind == Locality.Kind.TOWNSHIP
    assert township.successor.name == "Xã Tân Biên" and not township.is_active
    district = Locality.objects.get(slug="tan-bien")
    assert district.kind == Locality.Kind.DISTRICT and not district.is_active
    assert Locality.find("TP. Biên Hòa").slug == "bien-hoa"
    assert township.pk in Locality.objects.get(name="Xã Tân Biên").related_ids()


def test_units_and_columns() -> None:
    district = UnitPage.objects.get(slug="ubnd-huyen-tan-bien")
    township = UnitPage.objects.get(slug="ubnd-thi-tran-tan-bien")
    assert township.get_parent().pk == district.pk
    assert township.locality.name == "Thị trấn Tân Biên" and township.full_name
    assert UnitPage.objects.filter(slug="van-phong-ubnd-tinh-dong-nai").exists()
    assert all(unit.locality_id and unit.full_name for unit in UnitPage.objects.all())
    patriotic = ColumnPage.objects.get(slug="thi-dua-yeu-nuoc")
    assert patriotic.include_plans and patriotic.include_movements and not patriotic.include_stories
    exemplars = ColumnPage.objects.get(slug="dien-hinh-tien-tien")
    assert exemplars.include_stories and not exemplars.include_plans and exemplars.intro


def test_demo_users_one_per_role() -> None:
    User = get_user_model()
    for spec in DEMO_USERS:
        user = User.objects.get(username=spec["username"])
        assert user.check_password(DEMO_PASSWORD)
        assert user.groups.filter(name=spec["role"]).exists()
        assert user.is_superuser == spec["is_superuser"]
        assert user.email.endswith("@example.org") and user.first_name and user.last_name
        assert APIToken.objects.filter(user=user, revoked_at=None).exists()
    editor = User.objects.get(username="bientapvien")
    assert ExemplarStoryPage.objects.filter(owner=editor).exists()


def test_decisions_and_consultations(client) -> None:
    """Issue #15: a provincial Bằng khen list and a district Giấy khen list with their awardees; one
    consultation open today, one closed, with comments the public never sees."""
    decisions = {page.number: page for page in DecisionPage.objects.live().public()}
    assert {"2150/QĐ-UBND", "1876/QĐ-UBND"} <= set(decisions)
    province = decisions["2150/QĐ-UBND"].awardees.select_related("award")
    assert all(awardee.effective_level == "tinh" for awardee in province)
    assert any(awardee.story_id for awardee in province)
    listing = client.get("/khen-thuong/").content.decode()
    assert "2150/QĐ-UBND" in listing and "1876/QĐ-UBND" in listing
    states = sorted(page.state() for page in ConsultationPage.objects.live().public())
    assert states == ["closed", "open"]
    open_page = next(page for page in ConsultationPage.objects.live() if page.state() == "open")
    assert open_page.comments.exists() and open_page.nominees.count() >= 3
    closed = next(page for page in ConsultationPage.objects.live() if page.state() == "closed")
    assert set(closed.comments.values_list("stance", flat=True)) >= {"for", "against", "other"}
    assert (
        closed.comments.filter(is_spam=True).exists()
        and ConsultationClosing.objects.filter(consultation=closed).exists()
    )
    html = client.get(open_page.url).content.decode()
    assert "Gửi ý kiến" in html and open_page.comments.first().text not in html

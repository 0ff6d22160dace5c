"""Demo quotas (DESIGN §10, issue #16): units on time and late in the previous quarter, owing in this one.

Relative to the day `seed_demo` runs: every demo story's first submission is put three days before its
(back-dated) publication, out of the two latest quarters' windows, and then a few stories per unit are
put inside them, so that the standing office's dashboard shows, whatever the date, which demo units
were late last quarter and what each still owes this quarter.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from exemplar_pages.models import ExemplarStoryPage, UnitPage
from reports.deadlines import previous_quarter
from reports.quotas import nearest_unit, unit_schedules

from .builder import StageCount
from .stories import load_stories, story_slug

#: Quotas other than the default 1.
QUOTAS = {"ubnd-thi-tran-tan-bien": 2, "so-noi-vu-tinh-dak-lak": 2}
#: Stories each unit sent in the previous quarter (the others sent none: late) and in this one.
PREVIOUS_QUARTER = {
    "ubnd-thi-tran-tan-bien": 2,
    "so-noi-vu-tinh-tay-ninh": 1,
    "ubnd-huyen-dong-anh": 1,
    "van-phong-ubnd-tinh-dong-nai": 1,
    "so-noi-vu-tinh-dak-lak": 1,  # of 2: late
}
CURRENT_QUARTER = {"ubnd-thi-tran-tan-bien": 1, "so-noi-vu-tinh-tay-ninh": 1, "van-phong-ubnd-tinh-dong-nai": 1}


def seed_quotas(units: dict[str, UnitPage], admin: AbstractBaseUser, now: datetime | None = None) -> StageCount:
    """Set the demo units' quotas and the demo stories' first submission times (again at every run)."""
    now = now or timezone.now()
    count = StageCount("Chỉ tiêu gương điển hình / Quotas")
    for slug, unit in units.items():
        quota = QUOTAS.get(slug, 1)
        count.saw(unit.exemplar_quota != quota)
        if unit.exemplar_quota != quota:
            unit.exemplar_quota = quota
            unit.save_revision(user=admin).publish(user=admin)
    slugs = {story_slug(spec) for spec in load_stories()}
    stories = list(ExemplarStoryPage.objects.filter(slug__in=slugs).order_by("-live", "pk"))
    unit_paths = {unit.path: slug for slug, unit in units.items()}
    schedules = unit_schedules(list(units.values()))
    by_unit: dict[str, list[ExemplarStoryPage]] = {}
    for story in stories:
        slug = nearest_unit(story.path, unit_paths)
        if slug:
            by_unit.setdefault(slug, []).append(story)
    times: dict[int, datetime | None] = {}
    for slug, unit_stories in by_unit.items():
        schedule = schedules[units[slug].pk]
        year, quarter, _deadline = schedule.next_deadline(now)
        current_start, _end = schedule.window(year, quarter)
        previous_start, previous_end = schedule.window(*previous_quarter(year, quarter))
        for story in unit_stories:
            when = story.first_published_at - timedelta(days=3) if story.first_published_at else None
            if when is not None and when > previous_start:
                when = previous_start - timedelta(days=30)  # out of the two quarters shown
            times[story.pk] = when
        chosen = iter(unit_stories)
        for index in range(PREVIOUS_QUARTER.get(slug, 0)):
            story = next(chosen, None)
            if story is not None:
                times[story.pk] = previous_end - timedelta(days=10, hours=index)
        middle = current_start + (now - current_start) / 2
        for index in range(CURRENT_QUARTER.get(slug, 0)):
            story = next(chosen, None)
            if story is not None:
                times[story.pk] = max(middle - timedelta(minutes=index), current_start + timedelta(seconds=1))
    for pk, when in times.items():
        ExemplarStoryPage.objects.filter(pk=pk).update(first_submitted_at=when)
    count.extra["bài đã gửi / submitted stories"] = sum(1 for when in times.values() if when)
    return count

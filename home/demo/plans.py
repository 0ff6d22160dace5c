"""Demo plans: the three real seed plans, read from the parsed fixture, under their bodies' unit pages."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser

from exemplar_pages.importing.plan_import import plan_assignment, plan_blocks, plan_references
from exemplar_pages.importing.plan_models import Block, plan_from_json_dict
from exemplar_pages.models import MovementPage, PlanAssignment, PlanPage, PlanReference, UnitPage

from .builder import StageCount, add_page, aware

#: The three seed plans as parsed by the plan importer (keys: seed file names).
FIXTURE = Path(settings.BASE_DIR) / "exemplar_pages" / "fixtures" / "seed_plans.json"

#: Seed file prefix, slug, unit slug, linked movements, publication date on the portal.
PLANS: list[dict] = [
    {
        "seed": "002",
        "slug": "ke-hoach-tuyen-truyen-thi-dua-yeu-nuoc-nam-2022",
        "unit": "ubnd-huyen-tan-bien",
        "movements": ["tb-ntm", "tb-ngheo", "tb-dn", "tb-vhcs", "nat-vh", "tb-cqdt"],
        "published": date(2022, 4, 8),
    },
    {
        "seed": "000",
        "slug": "ke-hoach-tuyen-truyen-thi-dua-yeu-nuoc-nam-2023",
        "unit": "ubnd-thi-tran-tan-bien",
        "movements": ["tb-ntm", "tb-ngheo", "tb-vhcs", "nat-vh", "tt-dvc"],
        "published": date(2023, 3, 2),
    },
    {
        "seed": "004",
        "slug": "ke-hoach-93-kh-vp-tuyen-truyen-thi-dua-yeu-nuoc-nam-2023",
        "unit": "van-phong-ubnd-tinh-dong-nai",
        "movements": ["nat-vh", "dn-ntm", "dn-dn", "nat-ngheo", "nat-vhcs", "nat-htht"],
        "published": date(2023, 1, 16),
    },
]

#: A plan that seed 000 cites as its basis, entered from that citation only (no full text), so that
#: the citation links to a page of the portal. It is created before the plans that cite it.
CITED_PLANS: list[dict] = [
    {
        "slug": "ke-hoach-57-kh-ubnd-tuyen-truyen-thi-dua-yeu-nuoc-nam-2023",
        "unit": "ubnd-huyen-tan-bien",
        "title": "Kế hoạch tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, "
        "mô hình mới, nhân tố mới năm 2023",
        "number": "57/KH-UBND",
        "issue_date": date(2023, 2, 27),
        "issue_place": "Tân Biên",
        "issuing_body": "UBND huyện Tân Biên",
        "period": (2023, 2023),
        "summary": "Kế hoạch số 57/KH-UBND ngày 27/02/2023 của UBND huyện Tân Biên về tuyên truyền các phong "
        "trào thi đua yêu nước, các điển hình tiên tiến, mô hình mới, nhân tố mới năm 2023. Trang này ghi "
        "thông tin văn bản theo trích dẫn tại kế hoạch của UBND thị trấn Tân Biên; toàn văn đang được cập nhật.",
        "movements": ["tb-ntm", "tb-ngheo", "tb-dn", "tb-vhcs", "tb-cqdt"],
        "sections": [
            {"type": "heading", "level": 2, "number": "", "text": "Thông tin văn bản"},
            {
                "type": "list_item",
                "text": "Số hiệu: 57/KH-UBND; ngày ban hành: 27/02/2023; cơ quan ban hành: UBND huyện Tân Biên.",
            },
            {
                "type": "list_item",
                "text": "Trích yếu: tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, "
                "mô hình mới, nhân tố mới năm 2023.",
            },
            {"type": "paragraph", "text": "Toàn văn kế hoạch đang được cập nhật lên Cổng thông tin."},
        ],
    },
]


def load_parsed_plans() -> dict[str, dict]:
    """The parsed seed plans from the importer's fixture, checked to hold all three seeds."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8")) if FIXTURE.exists() else {}
    missing = [spec["seed"] for spec in PLANS if _entry(data, spec["seed"]) is None]
    if missing:
        raise FileNotFoundError(f"Thiếu kế hoạch mẫu / missing seed plans {missing} in {FIXTURE}")
    return data


def _entry(data: dict, prefix: str) -> dict | None:
    """The fixture entry whose key (the seed file name) starts with ``prefix``."""
    return next((value for key, value in sorted(data.items()) if key.startswith(prefix)), None)


def _date(value: str | None) -> date | None:
    """Parse an ISO date, tolerating blanks."""
    return date.fromisoformat(value[:10]) if value else None


def plan_title(title: str) -> str:
    """“KẾ HOẠCH Tuyên truyền…” or “Tuyên truyền…” → “Kế hoạch tuyên truyền…”."""
    title = " ".join((title or "").split())
    if title.lower().startswith("kế hoạch"):
        title = title[len("kế hoạch") :].strip()
    return f"Kế hoạch {title[:1].lower()}{title[1:]}" if title else "Kế hoạch"


def plan_summary(data: dict, issue_date: date | None) -> str:
    """One sentence naming the document: number, date, issuer, subject."""
    head = f"Kế hoạch số {data['number']}" if data.get("number") else "Kế hoạch"
    if issue_date:
        head += f" ngày {issue_date:%d/%m/%Y}"
    subject = plan_title(data.get("title", ""))[len("Kế hoạch ") :]
    return f"{head} của {data.get('issuing_body', '')} về {subject}.".replace(" về về ", " về ")


def _existing(slug: str) -> PlanPage | None:
    """A demo plan from an earlier run, wherever editors have moved it."""
    return PlanPage.objects.filter(slug=slug).first()


def seed_plans(
    units: dict[str, UnitPage], movements: dict[str, MovementPage], admin: AbstractBaseUser
) -> tuple[dict[str, PlanPage], StageCount]:
    """Create the cited plan, then the three seed plans with basis, sections, assignments and movements."""
    count = StageCount("Kế hoạch / Plans")
    plans: dict[str, PlanPage] = {}
    for spec in CITED_PLANS:
        page = _existing(spec["slug"])
        count.saw(page is None)
        if page is None:
            parent = units[spec["unit"]]
            page = PlanPage(
                slug=spec["slug"],
                title=spec["title"],
                number=spec["number"],
                issue_date=spec["issue_date"],
                issue_place=spec["issue_place"],
                issuing_body=spec["issuing_body"],
                period_start=spec["period"][0],
                period_end=spec["period"][1],
                summary=spec["summary"],
                owner=parent.owner,
                sections=plan_blocks([Block(**block) for block in spec["sections"]]),
            )
            page.movements = [movements[key] for key in spec["movements"]]
            page = add_page(parent, page, user=admin, published_at=aware(spec["issue_date"], 15))
        plans[spec["slug"]] = page
    parsed = load_parsed_plans()
    for spec in PLANS:
        page = _existing(spec["slug"])
        count.saw(page is None)
        if page is None:
            data = _entry(parsed, spec["seed"])
            published = _date(data.get("published_date")) or spec["published"]
            page = _build(data, spec, units[spec["unit"]], movements)
            page = add_page(units[spec["unit"]], page, user=admin, published_at=aware(published, 14))
        plans[spec["seed"]] = page
    count.extra["căn cứ / basis"] = PlanReference.objects.filter(plan__in=plans.values()).count()
    count.extra["phân công / assignments"] = PlanAssignment.objects.filter(plan__in=plans.values()).count()
    return plans, count


def _build(data: dict, spec: dict, parent: UnitPage, movements: dict[str, MovementPage]) -> PlanPage:
    """An unsaved plan page from one parsed seed, converted as the plan importer converts it."""
    parsed = plan_from_json_dict(data)
    issue_date = parsed.issue_date
    year = issue_date.year if issue_date else spec["published"].year
    page = PlanPage(
        slug=spec["slug"],
        title=plan_title(data.get("title", ""))[:255],
        number=(data.get("number") or "")[:60],
        issue_date=issue_date,
        issue_place=(data.get("place") or "")[:120],
        issuing_body=(data.get("issuing_body") or parent.full_name or parent.title)[:255],
        period_start=data.get("period_start") or year,
        period_end=data.get("period_end") or data.get("period_start") or year,
        summary=plan_summary(data, issue_date)[:1000],
        sections=plan_blocks(parsed.sections),
        recipients="\n".join(r.strip() for r in data.get("recipients", []) if r.strip()),
        signer_title=" / ".join(line.strip() for line in (data.get("signer_title") or "").splitlines() if line.strip())[
            :255
        ],
        signer_name=(data.get("signer_name") or "")[:255],
        owner=parent.owner,
    )
    page.basis = plan_references(parsed)
    page.assignments = [plan_assignment(assignment) for assignment in parsed.assignments]
    page.movements = [movements[key] for key in spec["movements"]]
    return page

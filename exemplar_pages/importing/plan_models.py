"""Dataclasses describing a parsed plan (Kế hoạch); JSON-friendly via dataclasses.asdict."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class BasisReference:
    """A legal-basis reference: "Thực hiện Kế hoạch số 57/KH-UBND ngày 27/02/2023 của UBND huyện về …"."""

    verb: str
    document_type: str
    number: str | None
    date: dt.date | None
    issuer: str | None
    subject: str | None
    text: str


@dataclass
class Block:
    """One block of the plan body: a heading, a paragraph or a list item."""

    type: str  # "heading" | "paragraph" | "list_item"
    text: str
    level: int | None = None
    number: str | None = None


@dataclass
class Deadline:
    """A date found in an assigned task, with the phrase around it."""

    date: dt.date
    text: str


@dataclass
class Assignment:
    """A unit named in "TỔ CHỨC THỰC HIỆN" with its tasks and deadlines."""

    unit: str
    number: str | None = None
    tasks: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)


@dataclass
class Movement:
    """An emulation movement (phong trào thi đua) and the campaign it is tied to."""

    name: str
    campaign: str | None = None


@dataclass
class ParsedPlan:
    """Everything extracted from one plan document."""

    title: str | None = None
    document_kind: str | None = None  # "Kế hoạch", "Hướng dẫn", "Chương trình", "Công văn", "Quyết định"…
    number: str | None = None
    place: str | None = None
    issue_date: dt.date | None = None
    published_date: dt.date | None = None
    issuing_body: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    basis: list[BasisReference] = field(default_factory=list)
    sections: list[Block] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_title: str | None = None
    signer_name: str | None = None
    movements: list[Movement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _jsonable(value: Any) -> Any:
    """Turn dates into ISO strings, recursively."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def plan_to_json_dict(plan: ParsedPlan) -> dict[str, Any]:
    """The plan as a JSON-serialisable dict (dates as ISO strings)."""
    return _jsonable(asdict(plan))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def plan_from_json_dict(data: dict[str, Any]) -> ParsedPlan:
    """Read back a plan written by `plan_to_json_dict` (e.g. the seed plans fixture)."""
    return ParsedPlan(
        **{
            key: data.get(key)
            for key in (
                "title",
                "document_kind",
                "number",
                "place",
                "issuing_body",
                "signer_title",
                "signer_name",
            )
        },
        issue_date=_date(data.get("issue_date")),
        published_date=_date(data.get("published_date")),
        period_start=data.get("period_start"),
        period_end=data.get("period_end"),
        basis=[BasisReference(**{**ref, "date": _date(ref.get("date"))}) for ref in data.get("basis", [])],
        sections=[Block(**block) for block in data.get("sections", [])],
        assignments=[
            Assignment(
                unit=item["unit"],
                number=item.get("number"),
                tasks=list(item.get("tasks", [])),
                deadlines=[Deadline(date=_date(d["date"]), text=d.get("text", "")) for d in item.get("deadlines", [])],
            )
            for item in data.get("assignments", [])
        ],
        recipients=list(data.get("recipients", [])),
        movements=[Movement(**movement) for movement in data.get("movements", [])],
        warnings=list(data.get("warnings", [])),
    )

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

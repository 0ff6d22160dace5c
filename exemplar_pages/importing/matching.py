"""Find pages by the names that documents and spreadsheets give them, ignoring diacritics and punctuation."""

from __future__ import annotations

import re

from cms.vietnamese import fold_vietnamese

_WORD_RE = re.compile(r"[a-z0-9]+")
#: Spelled-out and abbreviated names of the same bodies.
_ABBREVIATIONS = [("uy ban nhan dan", "ubnd"), ("hoi dong nhan dan", "hdnd"), ("mat tran to quoc", "mttq")]


def name_key(text: str | None) -> str:
    """A comparison key: folded, lower case, words only, common abbreviations applied."""
    key = " ".join(_WORD_RE.findall(fold_vietnamese(text or "")))
    for long_form, short_form in _ABBREVIATIONS:
        key = re.sub(rf"\b{long_form}\b", short_form, key)
    return key


def find_units_named(name: str) -> list:
    """Unit pages whose title or full name is ``name`` (folded comparison)."""
    from ..models import UnitPage

    key = name_key(name)
    if not key:
        return []
    return [
        unit for unit in UnitPage.objects.order_by("path") if key in {name_key(unit.title), name_key(unit.full_name)}
    ]


class MovementIndex:
    """Movement pages by slug and by folded title, live pages preferred."""

    def __init__(self) -> None:
        from ..models import MovementPage

        self.by_key: dict[str, MovementPage] = {}
        self.by_slug: dict[str, MovementPage] = {}
        for movement in MovementPage.objects.order_by("-live", "path"):
            self.by_key.setdefault(name_key(movement.title), movement)
            self.by_slug.setdefault(movement.slug, movement)

    def find(self, text: str | None):
        """The movement named (or slugged) ``text``, or None."""
        text = (text or "").strip()
        if not text:
            return None
        return self.by_slug.get(text) or self.by_key.get(name_key(text))

    def remember(self, movement) -> None:
        """Make a newly created movement findable."""
        self.by_key.setdefault(name_key(movement.title), movement)
        self.by_slug.setdefault(movement.slug, movement)

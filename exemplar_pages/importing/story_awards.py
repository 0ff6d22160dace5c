"""Awards of an imported story: each text parsed (awards.py) and matched to the Award taxonomy, or kept as
written (a free award) with a warning; an award never refuses a row."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import Award, StoryAward
from .awards import ParsedAward, parse_award

TEXT_LIMIT = StoryAward._meta.get_field("text").max_length
AUTHORITY_LIMIT = StoryAward._meta.get_field("conferred_by").max_length
DECISION_LIMIT = StoryAward._meta.get_field("decision").max_length
YEAR_SUFFIX_RE = re.compile(r"^(?P<name>.*?)\s*\(\s*\d{4}\s*\)$")


@dataclass
class StoryAwardDraft:
    """One award of a row: the Award it is (None for a free award) and what was written."""

    award: Award | None
    parsed: ParsedAward

    def story_award(self) -> StoryAward:
        parsed = self.parsed
        return StoryAward(
            award=self.award,
            text=_shorten(parsed.text, TEXT_LIMIT),
            year=parsed.year,
            conferred_by=_shorten(parsed.authority, AUTHORITY_LIMIT),
            decision=_shorten(parsed.decision, DECISION_LIMIT),
        )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class AwardResolver:
    """Reads award texts into drafts, looking each Award up once per import."""

    def __init__(self) -> None:
        self._awards: dict[str, Award | None] = {}

    def _find(self, name: str) -> Award | None:
        if name not in self._awards:
            self._awards[name] = Award.find(name) if name else None
        return self._awards[name]

    def resolve(self, text: str) -> tuple[StoryAwardDraft, list[str]]:
        """The draft of one award text and the warnings to show (free award, unknown class…)."""
        parsed = parse_award(text)
        warnings = list(parsed.warnings)
        written = YEAR_SUFFIX_RE.match(parsed.text)
        award = self._find(written["name"] if written else parsed.text)  # a term's own name or slug, as before
        if award is None and not parsed.free:
            award = self._find(parsed.title) or self._find(parsed.form)
            if award is None:
                warnings.append(
                    _("“%(text)s”: the award list has no “%(title)s” yet; kept verbatim.")
                    % {"text": parsed.text, "title": parsed.title}
                )
        if len(parsed.text) > TEXT_LIMIT:
            warnings.append(
                _("“%(start)s…”: longer than %(limit)s characters, shortened.")
                % {"start": parsed.text[:40], "limit": TEXT_LIMIT}
            )
        return StoryAwardDraft(award, parsed), warnings

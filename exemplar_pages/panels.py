"""Read-only admin panels: the text quality check shown to editors and reviewers."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from cms.vietnamese import TextQuality, text_quality
from search.documents import searchable_text

#: Fields whose text is judged, when the page has them.
TEXT_FIELDS = ("title", "subject_name", "summary", "issuing_body", "signer_title", "signer_name", "recipients")
STREAM_FIELDS = ("sections", "body")


def page_text(page: Any) -> str:
    """All the text of a plan or story page that readers will see."""
    parts = [str(getattr(page, name, "") or "") for name in TEXT_FIELDS]
    for name in STREAM_FIELDS:
        parts.extend(searchable_text(getattr(page, name, None)))
    for assignment in page.assignments.all() if hasattr(page, "assignments") else []:
        parts.extend([assignment.unit, assignment.tasks])
    for reference in page.basis.all() if hasattr(page, "basis") else []:
        parts.extend([reference.issuer, reference.subject])
    return "\n".join(part for part in parts if part and part.strip())


def page_text_quality(page: Any) -> TextQuality | None:
    """The quality of a page's text, or None when there is too little text to judge."""
    text = page_text(page)
    quality = text_quality(text)
    return quality if quality.words_judged else None


class TextQualityPanel(Panel):
    """How much of the page's text is valid Vietnamese; flags lost letters and mojibake before approval."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("heading", _("Vietnamese text check"))
        super().__init__(**kwargs)

    @property
    def clean_name(self) -> str:
        return super().clean_name or "text_quality"

    class BoundPanel(Panel.BoundPanel):
        template_name = "exemplar_pages/panels/text_quality.html"

        def __init__(self, **kwargs) -> None:
            super().__init__(**kwargs)
            is_saved = bool(self.instance and self.instance.pk)
            self.quality = page_text_quality(self.instance) if is_saved else None

        def is_shown(self) -> bool:
            return self.quality is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            quality = self.quality
            context["quality"] = quality
            context["percent"] = f"{quality.ratio:.1%}" if quality else ""
            context["sample"] = (quality.invalid_sample[:15] + quality.mojibake_markers[:5]) if quality else []
            return context

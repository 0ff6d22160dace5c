"""Pure-Python import of plan documents: reading, Vietnamese text repair, quality, parsing.

Nothing here imports Django, so it can be used and tested on its own.
"""

from .plan_models import (
    Assignment,
    BasisReference,
    Block,
    Deadline,
    Movement,
    ParsedPlan,
    plan_to_json_dict,
)
from .plan_parser import parse_plan
from .quality import DEFAULT_THRESHOLD, TextQuality, text_quality
from .readers import DocumentReadError, read_document
from .syllable import is_valid_syllable, parse_syllable
from .text_repair import repair_vietnamese

__all__ = [
    "Assignment",
    "BasisReference",
    "Block",
    "DEFAULT_THRESHOLD",
    "Deadline",
    "DocumentReadError",
    "Movement",
    "ParsedPlan",
    "TextQuality",
    "is_valid_syllable",
    "parse_plan",
    "parse_syllable",
    "plan_to_json_dict",
    "read_document",
    "repair_vietnamese",
    "text_quality",
]

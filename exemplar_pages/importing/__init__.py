"""Import of plan documents and exemplar lists.

The reading, Vietnamese text repair, quality and parsing modules are pure
Python and can be used and tested on their own. The importers that create
pages (``import_plan_file``, ``import_exemplar_file``…) need Django's models,
so they are loaded lazily, on first use, and importing this package stays
free of model imports (models import the quality panel, which imports this).
"""

from importlib import import_module

from cms.vietnamese import (
    DEFAULT_THRESHOLD,
    TextQuality,
    is_valid_syllable,
    parse_syllable,
    repair_vietnamese,
    text_quality,
)

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
from .readers import DocumentReadError, read_document

#: Names loaded on first use, by module.
_LAZY = {
    "PlanImportError": ".plan_import",
    "PlanImportResult": ".plan_import",
    "import_plan_file": ".plan_import",
    "ExemplarImportRefused": ".exemplar_import",
    "ExemplarImportResult": ".exemplar_import",
    "RowError": ".exemplar_validation",
    "import_exemplar_file": ".exemplar_import",
    "import_exemplars": ".exemplar_import",
    "SpreadsheetError": ".exemplar_rows",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Assignment",
    "BasisReference",
    "Block",
    "DEFAULT_THRESHOLD",
    "Deadline",
    "DocumentReadError",
    "ExemplarImportRefused",
    "ExemplarImportResult",
    "Movement",
    "ParsedPlan",
    "PlanImportError",
    "PlanImportResult",
    "RowError",
    "SpreadsheetError",
    "TextQuality",
    "import_exemplar_file",
    "import_exemplars",
    "is_valid_syllable",
    "parse_plan",
    "parse_syllable",
    "import_plan_file",
    "plan_to_json_dict",
    "read_document",
    "repair_vietnamese",
    "text_quality",
]

"""Vietnamese text library shared by the whole project (pure text, no Django models).

- ``folding``: ASCII folding, slugs and Vietnamese dictionary order (DESIGN §3, §5);
- ``syllable``: the syllable model (onsets, rhymes, tone placement);
- ``text_repair``: repair of text extracted from PDFs, web pages and legacy encodings;
- ``quality``: how much of a text reads as well-formed Vietnamese.

The importers, search and the admin panels all use it.
"""

from .folding import (
    TONE_MARKS,
    VIETNAMESE_ALPHABET,
    fold_for_search,
    fold_vietnamese,
    folded_spellings,
    slug_folding_patterns,
    unify_final_y,
    vietnamese_slugify,
    vietnamese_sort_key,
)
from .quality import DEFAULT_THRESHOLD, TextQuality, text_quality
from .syllable import is_valid_syllable, parse_syllable, spelling_key
from .text_repair import repair_vietnamese

__all__ = [
    "DEFAULT_THRESHOLD",
    "TONE_MARKS",
    "TextQuality",
    "VIETNAMESE_ALPHABET",
    "fold_for_search",
    "fold_vietnamese",
    "folded_spellings",
    "is_valid_syllable",
    "parse_syllable",
    "repair_vietnamese",
    "slug_folding_patterns",
    "spelling_key",
    "text_quality",
    "unify_final_y",
    "vietnamese_slugify",
    "vietnamese_sort_key",
]

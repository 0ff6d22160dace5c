"""Tests for cms.vietnamese.quality (pure Python, no Django)."""

from __future__ import annotations

import random
import unicodedata

import pytest

from cms.vietnamese.quality import is_judged, text_quality
from cms.vietnamese.syllable import is_valid_syllable
from cms.vietnamese.text_repair import repair_vietnamese

try:
    from tests.seeds_helper import seed_text
except ImportError:  # tests/ not a package
    from seeds_helper import seed_text

SEEDS = ["000", "002", "004"]


@pytest.mark.parametrize(
    "word",
    "thực hiện người nghèo khuỷu ngoài quyết quốc giếng già gìn hóa hoá thủy thuỷ "
    "của quả thuở Nguyễn KHEN THƯỞNG ĐỒNG ước ý yêu uống kỹ nghe ghi xoong quýt".split(),
)
def test_valid_syllables(word: str) -> None:
    """Well-formed syllables, in either tone-placement style, are accepted."""
    assert is_valid_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["hôị", "laị", "thưc̣", "ce", "ge", "ngi", "thuc", "hien", "nguoi", "thánǵ", "ka", "qoa", "Ã¡"],
)
def test_invalid_syllables(word: str) -> None:
    """Misplaced tones, bad spelling, folded and mojibake words are rejected."""
    assert not is_valid_syllable(word)


@pytest.mark.parametrize(
    "token", ["UBND", "HĐND", "KH-VP", "TĐ-KT", "Covid-19", "2023", "XIII", "57/KH-UBND", "facebook"]
)
def test_not_judged(token: str) -> None:
    """Acronyms, codes, numbers, roman numerals and loanwords are not judged."""
    assert not is_judged(token)


@pytest.mark.parametrize("prefix", SEEDS)
def test_repaired_seeds_score_high(prefix: str) -> None:
    """Repaired seeds read as valid Vietnamese."""
    quality = text_quality(repair_vietnamese(seed_text(prefix)))
    assert quality.ratio > 0.97
    assert not quality.is_suspect
    assert quality.words_judged > 500


def test_raw_seed_000_has_broken_words() -> None:
    """The raw PDF dump contains the broken words that repair fixes."""
    quality = text_quality(seed_text("000"))
    assert {"thưc̣", "hiêṇ", "laị"} <= {unicodedata.normalize("NFC", w) for w in quality.invalid_sample}


@pytest.mark.parametrize("prefix", SEEDS)
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mojibake_is_flagged(prefix: str, codec: str) -> None:
    """UTF-8 decoded as cp1252/latin-1 is suspect."""
    text = repair_vietnamese(seed_text(prefix)).encode("utf-8").decode(codec, errors="replace")
    quality = text_quality(text)
    assert quality.is_suspect
    assert quality.mojibake_markers
    assert quality.ratio < 0.7


@pytest.mark.parametrize("prefix", SEEDS)
def test_stripped_letters_are_flagged(prefix: str) -> None:
    """Text whose non-ASCII letters were dropped, or randomly damaged, is suspect."""
    clean = repair_vietnamese(seed_text(prefix))
    ascii_only = "".join(c for c in clean if ord(c) < 128)
    assert text_quality(ascii_only).is_suspect
    folded = "".join(c for c in unicodedata.normalize("NFD", clean) if not unicodedata.combining(c))
    assert text_quality(folded.replace("đ", "d").replace("Đ", "D")).is_suspect
    rng = random.Random(4)
    damaged = "".join(c for c in clean if not (c.isalpha() and rng.random() < 0.15))
    assert text_quality(damaged).is_suspect


def test_quality_fields_and_threshold() -> None:
    """Fields are filled and the threshold is configurable."""
    quality = text_quality("Kế hoạch thi đua năm 2023 của UBND xyzw.", threshold=0.5)
    assert quality.words_judged == 7
    assert quality.valid_words == 6
    assert quality.invalid_sample == ["xyzw"]
    assert not quality.is_suspect
    assert text_quality("").is_suspect

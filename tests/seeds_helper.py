"""Locate the seed plans shared with the project (pure helper, no Django)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
#: A copy of the three seed plans, so that a clone without ``../shared`` still tests them.
BUNDLED_SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def seeds_dir() -> Path:
    """Directory holding the seed plans: THIDUA_SEEDS_DIR, else ../shared/seeds, else the bundled copy."""
    env = os.environ.get("THIDUA_SEEDS_DIR")
    if env:
        return Path(env)
    return SHARED_SEEDS if SHARED_SEEDS.is_dir() else BUNDLED_SEEDS


def seed_text(prefix: str) -> str:
    """Text of the seed whose file name starts with ``prefix``."""
    return seed_path(prefix).read_text(encoding="utf-8")


def seed_path(prefix: str) -> Path:
    """Path of the seed whose file name starts with ``prefix``; a missing seed fails the test."""
    matches = sorted(seeds_dir().glob(f"{prefix}*.txt"))
    if not matches:
        pytest.fail(f"seed {prefix} not found in {seeds_dir()}")
    return matches[0]

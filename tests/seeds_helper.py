"""Locate the seed plans shared with the project (pure helper, no Django)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def seeds_dir() -> Path:
    """Directory holding the seed plans (THIDUA_SEEDS_DIR overrides)."""
    env = os.environ.get("THIDUA_SEEDS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "seeds"


def seed_text(prefix: str) -> str:
    """Text of the seed whose file name starts with ``prefix`` (skips if missing)."""
    matches = sorted(seeds_dir().glob(f"{prefix}*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {seeds_dir()}")
    return matches[0].read_text(encoding="utf-8")


def seed_path(prefix: str) -> Path:
    """Path of the seed whose file name starts with ``prefix`` (skips if missing)."""
    matches = sorted(seeds_dir().glob(f"{prefix}*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {seeds_dir()}")
    return matches[0]

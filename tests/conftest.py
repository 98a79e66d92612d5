"""Shared fixtures: the project's goldens live in the top-level golden/ folder and are
checked with the library's own ``diagram_golden`` fixture, as users check theirs."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def diagram_golden_dir() -> Path:
    """Every golden of this project is in ``golden/`` at the top level."""
    return ROOT / "golden"

"""Shared fixtures: goldens live in the top-level golden/ folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def original_datadir() -> Path:
    """pytest-regressions keeps every golden file in ``golden/`` at the top level."""
    return ROOT / "golden"


@pytest.fixture
def golden_svg(file_regression):
    """Compare an SVG string byte for byte with ``golden/<name>.svg``.

    A missing golden is written and the test fails; ``pytest --force-regen``
    rewrites goldens that differ (look at the picture before committing).
    """

    def check(svg: str, name: str) -> None:
        file_regression.check(svg, extension=".svg", basename=name, binary=False, newline="\n")

    return check

"""Checks every kind shares: the figure's title and its direction.

>>> check_title("Release")
'Release'
>>> check_direction("down")
'down'
"""

from __future__ import annotations

from typing import Any

from ..errors import UnknownOptionError, ValidationError
from ..model import DIRECTIONS
from ..quoting import check_text

__all__ = ["check_direction", "check_title"]


def check_title(title: Any, *, kind: str = "figure") -> str:
    """Return ``title`` as text, or raise: every figure needs a name for screen readers."""
    text = check_text(title, where=f"{kind} title")
    if not text.strip():
        raise ValidationError(
            f"{kind} title must not be empty: it names the figure for screen readers"
        )
    return text


def check_direction(direction: Any) -> str:
    """Return ``direction`` if Graphviz knows it, else raise naming the choices."""
    if not isinstance(direction, str) or direction not in DIRECTIONS:
        raise UnknownOptionError(
            f"direction {direction!r} is not known; choose one of: {', '.join(DIRECTIONS)}"
        )
    return direction

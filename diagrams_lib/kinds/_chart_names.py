"""Category names as a chart writes them: wrapped at spaces, never split inside a word.

A word too wide for the room is cut short ("Visualisat…"); a name with more lines than
its room holds keeps the lines that fit, the last one ending in "…" after its last
whole word that leaves room for it. The chart keeps the
full name as the label's tooltip.

>>> from diagrams_lib import LIGHT
>>> fit_name("Visualisation infrastructure", width=80, lines=None, theme=LIGHT)
'Visualisa… infrastru…'
>>> fit_name("Cost of the shared build farm", width=120, lines=1, theme=LIGHT)
'Cost of the…'
"""

from __future__ import annotations

from ..text import text_width, wrap
from ..theme import Theme
from . import axis as ax
from ._chart_bars import auto_band, check_band, name_lines
from ._pieces import line_height, row_height

__all__ = ["COLUMN_CAP", "category_names", "column_width", "fit_name", "name"]

COLUMN_CAP = 200.0  # px: horizontal bars' column of names is never wider; longer names wrap


def _fit_words(label: str, width: float, *, size: float) -> str:
    """``label`` with each word wider than ``width`` px cut to fit, ending in "…"."""
    words = []
    for word in label.split(" "):
        while len(word) > 1 and text_width(word, size=size) > width:
            word = word[:-2] + "…" if word.endswith("…") else word[:-1] + "…"
        words.append(word)
    return " ".join(words)


def fit_name(label: str, *, width: float, lines: int | None, theme: Theme) -> str:
    """``label`` as drawn wrapped at ``width`` px in at most ``lines`` lines (None: any)."""
    size = theme.font_size
    shown = _fit_words(label, width, size=size)
    wrapped = wrap(shown, max_width=width, size=size)
    if lines is None or len(wrapped) <= lines:
        return shown
    words = wrapped[lines - 1].split(" ")
    while len(words) > 1 and text_width(" ".join(words) + "…", size=size) > width:
        words.pop()  # end the last line at a space where one word is left to end it
    last = " ".join(words)
    while len(last) > 1 and text_width(last + "…", size=size) > width:
        last = last[:-1]
    return " ".join([*wrapped[: lines - 1], last + "…"])


def column_width(names: list[str], *, theme: Theme) -> float:
    """The width names wrap at in a column: the widest name's, between 40 px (the least
    any text wraps at) and :data:`COLUMN_CAP`.

    >>> from diagrams_lib import LIGHT
    >>> [column_width(names, theme=LIGHT) for names in (["Go"], ["Kotlin", "TypeScript"])]
    [40.0, 75.45]
    """
    widest = max(text_width(n, size=theme.font_size) for n in names)
    return min(max(widest, 40.0), COLUMN_CAP)


def name(x: float | str) -> str:
    """An x value as the chart writes it: a category as it is, a number formatted."""
    return x if isinstance(x, str) else ax.format_number(x)


def category_names(
    categories: list,
    *,
    horizontal: bool,
    width: float,
    height: float | None,
    bars: int,
    values_beside: bool,
    theme: Theme,
):
    """The category names as drawn, the width they wrap at, and the plot's height.

    Under vertical bars a name wraps within its band. Beside horizontal ones it wraps in
    a column as wide as the widest name (up to a cap); when the chart picks the height,
    every band is tall enough for its name and its ``bars``, else names are cut to the
    lines that fit their band (and bars with ``values_beside`` them a row apart).
    """
    count, full = len(categories), [name(c) for c in categories]
    if not horizontal:
        wrap = max(width / count - 12, 40)
        return [fit_name(n, width=wrap, lines=None, theme=theme) for n in full], wrap, height
    wrap = column_width(full, theme=theme)
    row, line = row_height(theme=theme), line_height(theme=theme)
    if height is None:
        shown = [fit_name(n, width=wrap, lines=None, theme=theme) for n in full]
        tallest = max(ax.text_box_size(n, max_width=wrap, theme=theme)[1] for n in shown)
        return shown, wrap, count * auto_band(tallest, count=bars, row=row)
    if values_beside:
        check_band(height / count, count=bars, row=row)
    pad = ax.text_box_size("0", theme=theme)[1] - line
    lines = name_lines(height / count, line=line, pad=pad, count=count)
    return [fit_name(n, width=wrap, lines=lines, theme=theme) for n in full], wrap, height

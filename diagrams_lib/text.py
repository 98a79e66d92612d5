"""Deterministic text measuring and wrapping, without asking the installed fonts.

Widths come from the generated table in :mod:`diagrams_lib._metrics_data`: for each character,
the widest advance over the fonts of our CSS stack (Helvetica/Arial/Liberation Sans/Nimbus Sans
and DejaVu Sans), so text measured here fits whichever of them the viewer gets. Kerning is
ignored (it almost only narrows text). Characters missing from the table get, in this order:

* Symbols of category So (emoji, dingbats, ...) and anything in U+1F000..U+1FAFF (emoji,
  also those newer than this Python's ``unicodedata``): 1.25 em, as color emoji fonts
  advance about 1.245 em.
* East Asian wide/fullwidth characters (CJK, kana, Hangul, fullwidth forms): 1 em.
* Whitespace (tab, newline, ...): the width of a space; SVG renders it as one.
* Combining marks, format and control characters (Mn, Me, Cf, Cc): 0.
* Anything else (other scripts, private use, ...): the larger of 1 em and this weight's 'W',
  the widest ASCII letter.

Widths are summed in integer 1/1000 em and converted to px (= pt) at the end, rounded UP to
0.01, so results are byte-stable and never below the exact sum.

>>> measure_block("alpha beta", max_width=30, size=10).lines
('alpha', 'beta')
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from diagrams_lib._metrics_data import BOLD, REGULAR, UNITS_PER_EM

__all__ = ["LINE_HEIGHT", "TextBlock", "measure_block", "text_width", "wrap"]

LINE_HEIGHT = 1.25

_EM = UNITS_PER_EM
_EMOJI = 1250
_UNKNOWN = {False: max(_EM, REGULAR[ord("W")]), True: max(_EM, BOLD[ord("W")])}
_BREAK_AFTER = frozenset("-/_.:")
_SPACE_RUN = re.compile(r"[ \t\r\f\v]+")


@lru_cache(maxsize=8192)
def _char_units(ch: str, bold: bool) -> int:
    """Advance width of one character in 1/1000 em (see the module docstring for rules)."""
    table = BOLD if bold else REGULAR
    cp = ord(ch)
    if cp in table:
        return table[cp]
    category = unicodedata.category(ch)
    if category == "So" or 0x1F000 <= cp <= 0x1FAFF:
        return _EMOJI
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return _EM
    if ch.isspace():
        return table[0x20]
    if category in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return _UNKNOWN[bold]


def _units(text: str, bold: bool) -> int:
    return sum(_char_units(ch, bold) for ch in text)


def _px(units: int, size: float) -> float:
    """Convert 1/1000 em to px at ``size``, rounded up to 0.01 (float noise removed first)."""
    return math.ceil(round(units * size * 100 / _EM, 6)) / 100


def _check(size: float, max_width: float = 0.0) -> None:
    if not (size > 0 and math.isfinite(size)):
        raise ValueError(f"size must be a positive finite number, got {size!r}")
    if not max_width >= 0:  # NaN fails too
        raise ValueError(f"max_width must be >= 0, got {max_width!r}")


def text_width(text: str, *, size: float, bold: bool = False) -> float:
    """Width of ``text`` drawn on one line, in px (= pt) at font size ``size``.

    The width is a safe upper bound for every font of the stack; line breaks inside ``text``
    count as spaces (use :func:`measure_block` for multi-line text).

    Example:
        >>> text_width("Hello", size=10)
        25.36
        >>> text_width("", size=10)
        0.0
    """
    _check(size)
    return _px(_units(text, bold), size)


def _break_word(word: str, max_width: float, size: float, bold: bool) -> list[str]:
    """Split an over-long word into pieces that each fit (or are one character)."""
    pieces: list[str] = []
    start = 0
    while start < len(word):
        end, units = start, 0
        while end < len(word):
            step = _char_units(word[end], bold)
            if end > start and _px(units + step, size) > max_width:
                break
            units += step
            end += 1
        if end < len(word):  # prefer breaking after the last punctuation mark that fits
            end = next((cut for cut in range(end, start, -1) if word[cut - 1] in _BREAK_AFTER), end)
        pieces.append(word[start:end])
        start = end
    return pieces


def _paragraph_lines(
    words: list[str], max_width: float, size: float, bold: bool
) -> list[tuple[str, int]]:
    """One paragraph's words filled greedily into lines no wider than ``max_width``, each
    with its width in units (each word is measured once; a line's width is its words'
    and the spaces between them)."""
    lines: list[tuple[str, int]] = []
    space = _char_units(" ", bold)
    line, units = "", 0
    for word in words:
        width = _units(word, bold)
        if line and _px(units + space + width, size) <= max_width:
            line, units = f"{line} {word}", units + space + width
            continue
        if line:
            lines.append((line, units))
        if _px(width, size) <= max_width:
            line, units = word, width
            continue
        *full, line = _break_word(word, max_width, size, bold)
        lines += [(piece, _units(piece, bold)) for piece in full]
        units = _units(line, bold)
    lines.append((line, units))
    return lines


def _wrapped(text: str, max_width: float, size: float, bold: bool) -> list[tuple[str, int]]:
    """:func:`wrap`'s lines, each with its width in units."""
    _check(size, max_width)
    lines: list[tuple[str, int]] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = [word for word in _SPACE_RUN.split(paragraph) if word]
        lines += _paragraph_lines(words, max_width, size, bold)
    return lines


def wrap(text: str, *, max_width: float, size: float, bold: bool = False) -> list[str]:
    r"""Greedily wrap ``text`` into lines no wider than ``max_width``.

    Runs of ASCII spaces/tabs separate words and collapse to one space (a no-break space does
    not break); "\n" (also "\r\n", "\r") is a hard line break. A word wider than ``max_width``
    is broken, preferably after the last of ``- / _ . :`` that fits, else between characters;
    no character is lost. Only a line of one character wider than ``max_width`` can exceed it.

    Returns:
        The lines, at least one; an empty or blank paragraph gives an empty line.

    Example:
        >>> wrap("the quick  brown fox", max_width=60, size=10)
        ['the quick', 'brown fox']
        >>> wrap("", max_width=60, size=10)
        ['']
    """
    return [line for line, _ in _wrapped(text, max_width, size, bold)]


@dataclass(frozen=True, slots=True, kw_only=True)
class TextBlock:
    """A wrapped, measured block of text.

    Attributes:
        lines: The wrapped lines, at least one (none for a block with no text).
        size: Font size in px.
        bold: Whether the bold weight was measured.
        width: Width of the widest line in px.
        height: ``len(lines) * size * line_height`` in px, rounded to 2 decimals.
    """

    lines: tuple[str, ...]
    size: float
    bold: bool
    width: float
    height: float


def measure_block(
    text: str,
    *,
    max_width: float,
    size: float,
    bold: bool = False,
    line_height: float = LINE_HEIGHT,
) -> TextBlock:
    """Wrap ``text`` with :func:`wrap` and measure the resulting block of lines.

    Example:
        >>> block = measure_block("alpha beta", max_width=30, size=10)
        >>> block.lines, block.width, block.height
        (('alpha', 'beta'), 27.73, 25.0)
    """
    if not 0 < line_height < math.inf:  # NaN fails too
        raise ValueError(f"line_height must be a positive finite number, got {line_height!r}")
    lines = _wrapped(text, max_width, size, bold)
    widest = max(units for _, units in lines)
    return TextBlock(
        lines=tuple(line for line, _ in lines),
        size=size,
        bold=bold,
        width=_px(widest, size),
        height=round(len(lines) * size * line_height, 2),
    )

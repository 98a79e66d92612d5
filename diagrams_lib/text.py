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
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

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


class _Widths(dict):
    """Character -> advance for one weight, filled on first use (at most ``_KEEP`` entries)."""

    def __init__(self, bold: bool) -> None:
        super().__init__()
        self.bold = bold

    def __missing__(self, ch: str) -> int:
        units = _char_units(ch, self.bold)
        if len(self) < _KEEP:
            self[ch] = units
        return units


_KEEP = 8192
_WIDTHS = {False: _Widths(False), True: _Widths(True)}


def _units(text: str, bold: bool) -> int:
    return sum(map(_WIDTHS[bold].__getitem__, text))


def _px(units: int, size: float) -> float:
    """Convert 1/1000 em to px at ``size``, rounded up to 0.01 (float noise removed first)."""
    if type(size) is int or (type(size) is float and size.is_integer()):
        # A whole size: the same ceiling, exact in integers (the rounding below only removes
        # float noise, and units * size * 100 / _EM is then a fraction of denominator _EM).
        return -(-units * int(size) * 100 // _EM) / 100
    return math.ceil(round(units * size * 100 / _EM, 6)) / 100


def _check_size(size: float) -> None:
    if not (size > 0 and math.isfinite(size)):
        raise ValueError(f"size must be a positive finite number, got {size!r}")


def text_width(text: str, *, size: float, bold: bool = False) -> float:
    """Width of ``text`` drawn on one line, in px (= pt) at font size ``size``.

    The width is a safe upper bound for every font of the stack; line breaks inside ``text``
    count as spaces (use :func:`measure_block` for multi-line text).

    Args:
        text: The text to measure.
        size: Font size in px.
        bold: Measure the bold weight.

    Returns:
        The width in px, rounded up to 2 decimals.

    Example:
        >>> text_width("Hello", size=10)
        25.36
        >>> text_width("", size=10)
        0.0
    """
    _check_size(size)
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
            end = next((cut for cut in range(end, start, -1) if word[cut - 1] in _BREAK_AFTER),
                       end)
        pieces.append(word[start:end])
        start = end
    return pieces


def _words(paragraph: str) -> list[str]:
    if "\t" in paragraph or "\f" in paragraph or "\v" in paragraph or "\r" in paragraph:
        return [word for word in _SPACE_RUN.split(paragraph) if word]
    return [word for word in paragraph.split(" ") if word]  # the same, without the regex


def _paragraphs(text: str) -> list[str]:
    if "\n" not in text and "\r" not in text:
        return [text]
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@lru_cache(maxsize=256)
def _fit(max_width: float, size: float) -> float:
    """The most units a line may have: ``_px(units, size) <= max_width`` exactly when
    ``units <= _fit(max_width, size)``, as ``_px`` never decreases when units grow."""
    bound = float(max_width) * _EM / size  # only a first guess: _px decides
    if not math.isfinite(bound):
        return math.inf
    ok, step = max(0, math.floor(bound)), 1
    while _px(ok, size) > max_width:  # _px(0) == 0 always fits
        ok, step = max(0, ok - step), step * 2
    bad, step = ok + 1, 1
    while _px(bad, size) <= max_width:
        ok, bad, step = bad, bad + step, step * 2
    while bad - ok > 1:
        middle = (ok + bad) // 2
        if _px(middle, size) <= max_width:
            ok = middle
        else:
            bad = middle
    return ok


def _wrap_units(text: str, max_width: float, size: float, bold: bool) -> tuple[list[str], int]:
    """The wrapped lines of ``text`` (see :func:`wrap`) and the units of the widest."""
    get = _WIDTHS[bold].__getitem__
    limit = _fit(max_width, size)
    # Text that wraps to itself when it fits: printable (no line break, tab or other space
    # control), no run of spaces and none at either end (which _words would drop or
    # collapse). Its words are text.split(" "); any other text takes the general path.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        units = sum(map(get, text))
        if units <= limit:
            return [text], units
        return _greedy(text.split(" "), limit, max_width, size, bold)
    lines: list[str] = []
    widest = 0
    for paragraph in _paragraphs(text):
        words = _words(paragraph)
        whole = " ".join(words)
        units = sum(map(get, whole))
        if units <= limit:  # every prefix fits too: the greedy loop keeps it on one line
            lines.append(whole)
            widest = max(widest, units)
            continue
        more, units = _greedy(words, limit, max_width, size, bold)
        lines += more
        widest = max(widest, units)
    return lines, widest


def _greedy(words: list[str], limit: float, max_width: float, size: float,
            bold: bool) -> tuple[list[str], int]:  # fmt: skip
    """One paragraph's words (at least one) filled greedily into lines of at most ``limit``
    units; the lines and the units of the widest."""
    get = _WIDTHS[bold].__getitem__
    space = get(" ")
    lines: list[str] = []
    widest = 0
    line, line_units = "", 0
    for word in words:
        units = sum(map(get, word))
        if line and line_units + space + units <= limit:
            line, line_units = f"{line} {word}", line_units + space + units
            continue
        if line:
            lines.append(line)
            widest = max(widest, line_units)
        if units <= limit:
            line, line_units = word, units
            continue
        *full, line = _break_word(word, max_width, size, bold)
        lines.extend(full)
        widest = max(widest, *(_units(piece, bold) for piece in full), 0)
        line_units = _units(line, bold)
    lines.append(line)
    return lines, max(widest, line_units)


def wrap(text: str, *, max_width: float, size: float, bold: bool = False) -> list[str]:
    r"""Greedily wrap ``text`` into lines no wider than ``max_width``.

    Runs of ASCII spaces/tabs separate words and collapse to one space (a no-break space does
    not break); "\n" (also "\r\n", "\r") is a hard line break. A word wider than ``max_width``
    is broken, preferably after the last of ``- / _ . :`` that fits, else between characters;
    no character is lost. Only a line of one character wider than ``max_width`` can exceed it.

    Args:
        text: The text to wrap.
        max_width: Maximum line width in px, as measured by :func:`text_width`.
        size: Font size in px.
        bold: Measure the bold weight.

    Returns:
        The lines, at least one; an empty or blank paragraph gives an empty line.

    Example:
        >>> wrap("the quick  brown fox", max_width=60, size=10)
        ['the quick', 'brown fox']
        >>> wrap("", max_width=60, size=10)
        ['']
    """
    _check_size(size)
    if not max_width >= 0:
        raise ValueError(f"max_width must be >= 0, got {max_width!r}")
    return _wrap_units(text, max_width, size, bold)[0]


class TextBlock(NamedTuple):
    """A wrapped, measured block of text.

    Attributes:
        lines: The wrapped lines, at least one.
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


def measure_block(text: str, *, max_width: float, size: float, bold: bool = False,
                  line_height: float = LINE_HEIGHT) -> TextBlock:
    """Wrap ``text`` with :func:`wrap` and measure the resulting block of lines.

    Args:
        text: The text to wrap and measure.
        max_width: Maximum line width in px.
        size: Font size in px.
        bold: Measure the bold weight.
        line_height: Line pitch as a multiple of ``size``.

    Returns:
        A :class:`TextBlock`.

    Example:
        >>> block = measure_block("alpha beta", max_width=30, size=10)
        >>> block.lines, block.width, block.height
        (('alpha', 'beta'), 27.73, 25.0)
    """
    if not 0 < line_height < math.inf:  # NaN fails too
        raise ValueError(f"line_height must be a positive finite number, got {line_height!r}")
    if not 0 < size < math.inf:
        _check_size(size)  # raises
    if not max_width >= 0:
        raise ValueError(f"max_width must be >= 0, got {max_width!r}")
    return _block(text, max_width, size, bold, line_height)


def _block(text: str, max_width: float, size: float, bold: bool,
           line_height: float) -> TextBlock:  # fmt: skip
    """:func:`measure_block` with its arguments already checked."""
    # _px only grows with the units, so the widest line is the one with the most units.
    lines, widest = _wrap_units(text, max_width, size, bold)
    return _BLOCK(TextBlock, (tuple(lines), size, bold, _px(widest, size),
                              _height(len(lines), size, line_height)))


_BLOCK = tuple.__new__  # a TextBlock from its five fields, without NamedTuple's argument parsing


@lru_cache(maxsize=256)
def _height(count: int, size: float, line_height: float) -> float:
    return round(count * size * line_height, 2)


def _measurer(max_width: float, size: float, bold: bool,
              line_height: float) -> Callable[[str], TextBlock]:  # fmt: skip
    """:func:`_block` for many texts of one style, as a function of the text alone.

    What depends only on the style (the most units a line may have, the height of one
    line, how units become px) is worked out once, so a text that fits on one line, most
    labels, costs little more than adding up its widths. Any other goes to :func:`_block`.

    >>> measure = _measurer(180.0, 14, True, LINE_HEIGHT)
    >>> measure("Hello") == _block("Hello", 180.0, 14, True, LINE_HEIGHT)
    True
    """
    if not (type(size) is int or (type(size) is float and size.is_integer())):
        return lambda text: _block(text, max_width, size, bold, line_height)
    get = _WIDTHS[bold].__getitem__
    limit = _fit(max_width, size)
    scale = int(size) * 100  # _px of a whole size: -(-units * scale // _EM) / 100
    one_line = _height(1, size, line_height)

    def measure(text: str) -> TextBlock:
        # _wrap_units, for a text that wraps to itself when it fits (see there)
        if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
            units = sum(map(get, text))
            if units <= limit:
                return _BLOCK(TextBlock, ((text,), size, bold, -(-units * scale // _EM) / 100,
                                          one_line))  # fmt: skip
            lines, units = _greedy(text.split(" "), limit, max_width, size, bold)
            return _BLOCK(TextBlock, (tuple(lines), size, bold, -(-units * scale // _EM) / 100,
                                      _height(len(lines), size, line_height)))  # fmt: skip
        return _block(text, max_width, size, bold, line_height)

    return measure

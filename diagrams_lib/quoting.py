"""All escaping in one place: checking user text, quoting for DOT and for XML.

User text (keys, labels, notes, titles) always comes out as the literal text the
user wrote: a backslash stays a backslash, ``<b>`` stays angle brackets, ``\\N``
is not a Graphviz escape.

>>> dot_string('say "hi" \\\\N')
'"say \\\\"hi\\\\" \\\\\\\\N"'
>>> xml_text("a < b & c")
'a &lt; b &amp; c'
"""

from __future__ import annotations

import math
import re
import reprlib
import unicodedata
from collections.abc import Sequence
from numbers import Real

from .errors import DiagramTypeError, ValidationError

__all__ = [
    "NUM",
    "check_text",
    "dot_string",
    "fill_numbers",
    "fill_numbers_utf8",
    "fmt",
    "round2",
    "shown",
    "slug",
    "xml_attr",
    "xml_text",
]

# C0 controls except tab and newline, DEL, C1 controls, surrogates and the two
# non-characters XML 1.0 cannot carry.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def check_text(value: object, *, where: str, allow_numbers: bool = True) -> str:
    """Return ``value`` as text, or raise an error that names ``where``.

    Strings pass through; ints and finite floats become their ``str``; anything
    else is a :class:`DiagramTypeError`. Tabs become spaces and ``\\r\\n`` becomes
    ``\\n``; other control characters (which XML cannot carry) are a
    :class:`ValidationError`.

    >>> check_text("Crash\\tlog", where="node 'a' label")
    'Crash log'
    >>> check_text(3, where="node 3 label")
    '3'
    """
    if isinstance(value, str):
        text = value
    elif allow_numbers and isinstance(value, Real) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(f"{where}: {value!r} is not a finite number")
        text = str(value)
    else:
        raise DiagramTypeError(f"{where} must be a string, not {type(value).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    bad = _FORBIDDEN.search(text)
    if bad:
        char = bad.group()
        name = unicodedata.name(char, "")
        named = f" ({name})" if name else ""
        raise ValidationError(
            f"{where} contains the control character U+{ord(char):04X}{named} at "
            f"position {bad.start()}, which SVG cannot carry; remove it"
        )
    return text


_REPR = reprlib.Repr()
_REPR.maxlevel = 4
_REPR.maxstring = _REPR.maxother = 160
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 8


def shown(value: object) -> str:
    """``repr(value)`` for an error message, cut short: safe on values nested too deep
    for ``repr`` (which would raise :class:`RecursionError`) and on huge ones.

    >>> shown("a"), shown([[[[[[1]]]]]])
    ("'a'", '[[[[[...]]]]]')
    """
    return _REPR.repr(value)


def dot_string(text: str) -> str:
    """Quote ``text`` as a DOT double-quoted string whose label shows it literally.

    Backslashes are doubled (so ``\\N`` or ``\\l`` are not Graphviz escapes),
    double quotes escaped and newlines become centred line breaks.

    >>> dot_string("a:b")
    '"a:b"'
    >>> dot_string("two\\nlines")
    '"two\\\\nlines"'
    """
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{body}"'


def xml_text(text: str) -> str:
    """Escape ``text`` for XML character data (``]]>`` cannot survive either).

    >>> xml_text("<script>&")
    '&lt;script&gt;&amp;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(text: str) -> str:
    """Escape ``text`` for a double-quoted XML attribute value.

    >>> xml_attr('say "hi"\\n')
    'say &quot;hi&quot;&#10;'
    """
    return xml_text(text).replace('"', "&quot;").replace("\n", "&#10;")


def slug(text: str, *, limit: int = 32) -> str:
    """Return an id-safe ASCII slug of ``text`` (never empty, never starting with a digit).

    >>> slug("How the bug was found!")
    'how-the-bug-was-found'
    >>> slug("2 ways")
    'd-2-ways'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    if not out:
        out = "diagram"
    if out[0].isdigit():
        out = "d-" + out
    return out


def fmt(value: float) -> str:
    """Format a coordinate at a fixed precision of two decimals, without trailing zeros.

    >>> fmt(3.14159), fmt(2.0), fmt(-0.001)
    ('3.14', '2', '0')
    """
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def round2(value: float) -> float:
    """``round(value, 2)``, the same float, faster for values already near two decimals.

    >>> round2(115.27000000000001), round2(2.675), round2(-0.004), round2(1e308)
    (115.27, 2.67, -0.0, 1e+308)
    """
    scaled = value * 100
    try:
        hundredths = round(scaled)
    except (OverflowError, ValueError):  # too large, infinite or NaN
        return round(value, 2)
    if hundredths and abs(scaled - hundredths) < 1e-6:  # far from a tie: the nearest
        return hundredths / 100  # two-decimal value, which is what round() returns too
    return round(value, 2)


# A number slot in a fill_numbers() template. Templates hold only the library's own markup
# and user text with "%" doubled (a lone "%" would be read as a slot).
NUM = "%s"


def fill_numbers(template: str, values: Sequence[float]) -> str:
    """Fill the :data:`NUM` slots of ``template``; each number comes out as :func:`fmt` writes it.

    >>> fill_numbers(f"M{NUM},{NUM} L{NUM},{NUM}", (3.14159, 2.0, -0.001, 12.5))
    'M3.14,2 L0,12.5'
    """
    return fill_numbers_utf8(template.encode(), values).decode()


def fill_numbers_utf8(template: bytes, values: Sequence[float]) -> bytes:
    """:func:`fill_numbers` on a template encoded as UTF-8, which it fills faster.

    The numbers are formatted together, as ``%.2f`` each closed by a mark, in a text of
    their own: the zeros :func:`fmt` strips are then stripped by three replacements for all
    of them. One more ``%`` puts them in their slots. All of it is done on bytes: ``bytes %``
    finds the next slot with a fast search, where ``str %`` steps through the template one
    character at a time, so on a large document that last step takes a third of the time. (No
    byte of a multi-byte UTF-8 character is a ``%``.)

    >>> fill_numbers_utf8(b"x=%s y=%s", (12.0, -0.004))
    b'x=12 y=0'
    """
    # "12.00" -> "12" (closed by \x02 so that no further zero is taken), "12.50" -> "12.5",
    # "-0" -> "0".
    text = ((b"%.2f\x01" * len(values)) % tuple(values)).replace(b".00\x01", b"\x02")
    text = text.replace(b"0\x01", b"\x01").replace(b"-0\x02", b"0\x02").replace(b"\x02", b"\x01")
    numbers = text.split(b"\x01")
    numbers.pop()  # the empty text after the last mark
    return template % tuple(numbers)

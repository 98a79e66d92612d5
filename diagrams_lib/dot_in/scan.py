"""DOT text before Graphviz parses it: its charset, and a light scan for what cgraph's
data cannot tell (which strings were HTML-like, where the graph's body starts and ends).

The scan knows only DOT's strings, comments and brackets: it skips ``"..."`` strings
and ``//``, ``/* */`` and ``#`` comments, and reads ``<...>`` (brackets nest) as an
HTML-like string. Everything else is left to cgraph.

>>> html_strings('digraph { a [label=<<B>x</B>>]; b [label="<f0> y"] } digraph { c }')
(frozenset({'<B>x</B>'}), 8, True)
"""

from __future__ import annotations

import re

__all__ = ["decode", "html_strings"]

# Graphviz reads UTF-8 (the default), Latin-1 and Big5 (its ``charset`` values).
_CHARSETS = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "latin-1": "latin-1",
    "latin1": "latin-1",
    "l1": "latin-1",
    "iso-8859-1": "latin-1",
    "iso_8859-1": "latin-1",
    "iso8859-1": "latin-1",
    "iso-ir-100": "latin-1",
    "big-5": "big5",
    "big5": "big5",
}
_CHARSET = re.compile(rb'charset\s*=\s*"?\s*([A-Za-z0-9_.-]+)', re.IGNORECASE)


def decode(data: bytes, *, source: str) -> tuple[str, list[str]]:
    """DOT bytes as text, read in the ``charset`` the graph names (UTF-8 when none), and
    any notes about it. Text that is not valid UTF-8 is read as Latin-1, as Graphviz does.

    >>> decode(b'graph { charset=latin1; a [label="caf\\xe9"] }', source="x")[0][-8:]
    'café"] }'
    """
    found = _CHARSET.search(data)
    name = found.group(1).decode("ascii").lower() if found else "utf-8"
    codec = _CHARSETS.get(name)
    notes = []
    if codec is None:
        notes.append(f"{source}: charset {name!r} is not one Graphviz reads; read as UTF-8")
        codec = "utf-8"
    try:
        return data.decode(codec), notes
    except UnicodeDecodeError as exc:
        notes.append(
            f"{source} is not valid {codec} (byte {exc.start}); read as Latin-1, as Graphviz does"
        )
        return data.decode("latin-1"), notes


def _skip_string(text: str, i: int) -> int:
    """The index after the double-quoted string starting at ``i``."""
    i += 1
    while i < len(text) and text[i] != '"':
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _skip_html(text: str, i: int) -> int:
    """The index after the ``<...>`` string starting at ``i`` (brackets nest)."""
    depth = 0
    while i < len(text):
        depth += {"<": 1, ">": -1}.get(text[i], 0)
        i += 1
        if depth == 0:
            break
    return i


def _tokens(text: str):
    """The HTML-like strings and every other character, outside strings and comments."""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            i = _skip_string(text, i)
        elif text.startswith("//", i) or (ch == "#" and (i == 0 or text[i - 1] == "\n")):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
        elif ch == "<":
            end = _skip_html(text, i)
            yield "html", text[i + 1 : end - 1], i
            i = end
        else:
            if not ch.isspace():
                yield "char", ch, i
            i += 1


def html_strings(text: str) -> tuple[frozenset[str], int, bool]:
    """The contents of the HTML-like strings in DOT ``text``; the index of the brace that
    opens the graph's body (-1 without one); and whether anything but comments follows
    the brace that closes it (another graph, which Graphviz's ``dot`` would draw too).

    >>> html_strings('digraph { a [label=<<B>x</B>>]; b [label="<f0> y"] } // <c>')
    (frozenset({'<B>x</B>'}), 8, False)
    """
    html, brace, depth, trailing = set(), -1, 0, False
    for kind, value, at in _tokens(text):
        if kind == "html":
            html.add(value)
        elif brace >= 0 and depth == 0:
            trailing = True
            break
        elif value in "{}":
            brace = at if brace < 0 else brace
            depth += 1 if value == "{" else -1
    return frozenset(html), brace, trailing

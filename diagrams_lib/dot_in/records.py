"""Graphviz record labels (``shape=record`` and ``Mrecord``) read into compartments.

``"<f0> left|<f1> mid|{top|bottom}"`` is three fields side by side (in a top-to-bottom
graph), the last holding two stacked ones: each ``{...}`` flips the orientation, as
Graphviz does. A field is its raw text (label escapes such as ``\\n`` and ``\\l`` still in
it) and its port name; a sub-record is a list. The rules follow Graphviz's own record
parser: ``\\{ \\} \\| \\< \\>`` are literal, ``\\ `` is a space that is kept, other runs of
spaces collapse to one and a field's outer spaces are dropped. In an HTML-like label,
``<`` and ``>`` are text and spaces are kept.

>>> parse_record("<f0> left|<f1> mid\\\\ dle|{top|<b> bottom}")
[('left', 'f0'), ('mid dle', 'f1'), [('top', None), ('bottom', 'b')]]
>>> parse_record("a|{b") is None
True
"""

from __future__ import annotations

__all__ = ["RecordError", "parse_record"]

_CONTROL = "{}|<>"
MAX_DEPTH = 32  # as deep as a node's ``fields`` may nest
Field = tuple[str, str | None]


class RecordError(ValueError):
    """A record label Graphviz would refuse too ("bad label format")."""


class _Reader:
    def __init__(self, text: str, html: bool) -> None:
        self.text, self.at, self.html, self.depth = text, 0, html, 0

    def peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def fields(self, top: bool) -> list:
        """The fields up to the matching ``}`` (or the end, at the top level)."""
        out: list = []
        while True:
            item, end = self.field()
            out.append(item)
            if end == "|":
                continue
            if end == "}" and not top:
                return out
            if end == "" and top:
                return out
            raise RecordError("unbalanced braces")

    def field(self) -> tuple[object, str]:
        """One field (or sub-record) and the character that ended it."""
        text: list[str] = []
        port: list[str] | None = None
        sub = None
        in_port = False
        while True:
            ch = self.peek()
            self.at += 1
            if ch and ch < " ":  # control characters (a newline) are ignored
                continue
            if ch in ("|", "}", ""):
                if in_port:
                    raise RecordError("a port name is not closed with '>'")
                if sub is not None:
                    return sub, ch
                return (_trim(text), None if port is None else _trim(port)), ch
            if ch == "{" and not text and port is None and sub is None:
                if not self.peek():
                    raise RecordError("'{' at the end")
                self.depth += 1
                if self.depth > MAX_DEPTH:
                    raise RecordError(f"fields nested more than {MAX_DEPTH} deep")
                sub = self.fields(top=False)
                self.depth -= 1
                continue
            if sub is not None:
                if ch != " ":
                    raise RecordError("text after a '}'")
                continue
            if ch == "<" and not self.html:
                if port is not None:
                    raise RecordError("two ports in one field")
                port, in_port = [], True
                continue
            if ch == ">" and not self.html:
                if not in_port:
                    raise RecordError("'>' without '<'")
                in_port = False
                continue
            if ch == "{":
                raise RecordError("'{' inside a field's text")
            target = port if in_port else text
            hard = False
            if ch == "\\" and self.peek():
                nxt = self.peek()
                if nxt in _CONTROL:
                    ch, self.at = nxt, self.at + 1
                elif nxt == " " and not self.html:
                    ch, self.at, hard = " ", self.at + 1, True
                else:
                    target.append("\\")
                    ch, self.at = nxt, self.at + 1
            if ch == " " and not hard and (not target or (target[-1] == " " and not self.html)):
                continue  # leading spaces are dropped; runs of spaces collapse (not in HTML)
            target.append("\x00" if hard else ch)


def _trim(chars: list[str]) -> str:
    """A field's text: one trailing (soft) space dropped, hard spaces made plain."""
    if chars and chars[-1] == " ":
        chars = chars[:-1]
    return "".join(chars).replace("\x00", " ")


def parse_record(label: str, *, html: bool = False) -> list | None:
    """The fields of a record ``label``, or None where Graphviz reports a bad label format
    (or the fields nest deeper than :data:`MAX_DEPTH`).

    Each field is ``(text, port)``; a sub-record (``{...}``) is a list of fields.
    """
    try:
        return _Reader(label, html).fields(top=True)
    except RecordError:
        return None

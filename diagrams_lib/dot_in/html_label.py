"""Graphviz HTML-like labels (``label=<...>``) read as text, or as a table of cells.

``<BR/>`` breaks a line, entities are decoded, runs of white space become one space, and
formatting (``<B>``, ``<I>``, ``<FONT>``...) is noted but not kept: the text is what is
drawn. A ``<TABLE>`` becomes rows of cells, each with its text, its ``PORT`` and perhaps
a table of its own.

>>> read_html("Hello&nbsp;<B>big</B><BR/>world &amp; co").text
'Hello\\xa0big\\nworld & co'
>>> label = read_html('<TABLE><TR><TD PORT="a">one</TD><TD>two</TD></TR></TABLE>')
>>> [[(c.text, c.port) for c in row] for row in label.rows]
[[('one', 'a'), ('two', None)]]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Cell", "HtmlLabel", "read_html"]

_FORMATTING = ("b", "i", "u", "o", "s", "sub", "sup", "font")
MAX_TABLES = 12  # tables nested deeper are read as their text
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_ALIGNS = {"left": "left", "right": "right", "center": "center"}


@dataclass
class Cell:
    """A table cell: its text, ``PORT`` and text alignment, or a table inside it."""

    text: str = ""
    port: str | None = None
    align: str | None = None
    rows: list[list[Cell]] | None = None


@dataclass
class HtmlLabel:
    """What an HTML-like label says: its text (lines joined by newlines), the alignment
    its ``<BR ALIGN=...>`` asks for, its table (rows of cells) if it is one, whether the
    table draws borders, and the markup it had that is not drawn (``<B>``, ``<IMG>``...)."""

    text: str
    align: str | None = None
    rows: list[list[Cell]] | None = None
    borders: bool = True
    dropped: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[Cell]]] = []  # the tables being read, innermost last
        self.top: list[list[Cell]] | None = None
        self.borders = True
        self.lines: list[list[str]] = [[]]  # outside any table
        self.aligns: set[str] = set()
        self.cell_lines: list[list[list[str]]] = []  # per open cell
        self.dropped: list[str] = []
        self.ignored = 0  # tables opened too deep to keep, not yet closed

    def _lines(self) -> list[list[str]]:
        return self.cell_lines[-1] if self.cell_lines else self.lines

    def _drop(self, what: str) -> None:
        if what not in self.dropped:
            self.dropped.append(what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "table" and (self.ignored or len(self.tables) >= MAX_TABLES):
            self.ignored += 1
            self._drop(f"tables nested more than {MAX_TABLES} deep")
            return
        if self.ignored and tag in ("tr", "td"):
            return
        if tag == "br":
            align = _ALIGNS.get(values.get("align", "").lower())
            if align:
                self.aligns.add(align)
            self._lines().append([])
        elif tag == "table":
            rows: list[list[Cell]] = []
            if self.tables and self.tables[-1] and self.tables[-1][-1]:
                self.tables[-1][-1][-1].rows = rows
            elif self.top is None:
                self.top = rows
                border = values.get("border", "1")  # a cell's border defaults to the table's
                self.borders = (border, values.get("cellborder", border)) != ("0", "0")
            self.tables.append(rows)
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag == "td" and self.tables:
            if not self.tables[-1]:
                self.tables[-1].append([])
            align = _ALIGNS.get(values.get("balign", values.get("align", "")).lower())
            port = values.get("port") or None
            self.tables[-1][-1].append(Cell(port=port, align=align))
            self.cell_lines.append([[]])
            if "colspan" in values or "rowspan" in values:
                self._drop("ROWSPAN/COLSPAN")
        elif tag == "img":
            self._drop("<IMG>")
        elif tag in _FORMATTING:
            self._drop(f"<{tag.upper()}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("td", "table", "tr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.ignored and tag in ("table", "tr", "td"):
            self.ignored -= tag == "table"
            return
        if tag == "td" and self.cell_lines:
            lines = self.cell_lines.pop()
            cell = self.tables[-1][-1][-1] if self.tables and self.tables[-1] else None
            if cell is not None and cell.rows is None:
                cell.text = _join(lines)
        elif tag == "table" and self.tables:
            self.tables.pop()

    def handle_data(self, data: str) -> None:
        if self.tables and not self.cell_lines:
            return  # white space between rows and cells
        self._lines()[-1].append(data)


def _join(lines: list[list[str]]) -> str:
    """Lines of text pieces as text: runs of ASCII white space (not ``&nbsp;``) collapse."""
    return "\n".join(_SPACES.sub(" ", "".join(parts)).strip(" ") for parts in lines).strip("\n")


def _flat(rows: list[list[Cell]]) -> str:
    """A table's text: its rows on lines of their own, cells separated by spaces."""
    out = []
    for row in rows:
        texts = [_flat(cell.rows) if cell.rows is not None else cell.text for cell in row]
        out.append(" ".join(t for t in texts if t))
    return "\n".join(line for line in out if line)


def read_html(markup: str) -> HtmlLabel:
    """Read the inside of an HTML-like label (what cgraph keeps, without the outer ``<>``)."""
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    if parser.top is not None:
        return HtmlLabel(
            text=_flat(parser.top),
            rows=parser.top,
            borders=parser.borders,
            dropped=parser.dropped,
        )
    align = next(iter(parser.aligns)) if len(parser.aligns) == 1 else None
    return HtmlLabel(text=_join(parser.lines), align=align, dropped=parser.dropped)

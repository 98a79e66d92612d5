"""A DOT label's text as Graphviz shows it: escapes, entities, HTML-like labels, records.

Graphviz replaces ``\\N`` by the node's name, ``\\G`` by the graph's, ``\\E``, ``\\T`` and
``\\H`` by an edge's name, tail and head; ``\\n``, ``\\l`` and ``\\r`` end a centred,
left- or right-justified line, and any other ``\\x`` is ``x``. HTML entities (``&amp;``)
are decoded in every label. An HTML-like label is read by :mod:`.html_label`, a record
label by :mod:`.records`.

>>> plain_text(r"\\N: a\\lb\\l", names={"N": "n1"})
('n1: a\\nb', 'left')
>>> plain_text("Tom &amp; Jerry &bogus; \\\\\\\\", names={})
('Tom & Jerry &bogus; \\\\', 'center')
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .html_label import Cell, HtmlLabel, read_html
from .records import parse_record

__all__ = ["Label", "node_label", "plain_text", "text_of"]

_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_BREAKS = {"n": "center", "l": "left", "r": "right"}
_NAMES = re.compile(r"\\([NGETHL])|\\.", re.S)  # a name escape, or any other escape
_PIECES = re.compile(r"([^\\]+|\\\Z)|\\(.)", re.S)  # plain text, or an escape


def _entities(text: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def plain_text(raw: str, *, names: Mapping[str, str]) -> tuple[str, str]:
    """A plain (not HTML-like) label's text, and its alignment: ``left`` or ``right`` when
    its lines end so (``\\l``, ``\\r``), else ``center``. ``names`` gives what ``\\N``,
    ``\\G``, ``\\E``, ``\\T``, ``\\H`` and ``\\L`` stand for. As in Graphviz, the names
    go in first and the escapes are read after, in them too."""
    substituted = _NAMES.sub(lambda m: names.get(m.group(1), "") if m.group(1) else m.group(), raw)
    out: list[str] = []
    aligns: set[str] = set()
    for piece, code in _PIECES.findall(substituted):
        if piece:
            out.append(piece)
        elif code in _BREAKS:
            aligns.add(_BREAKS[code])
            out.append("\n")
        else:
            out.append(code)
    text = _entities("".join(out))
    if text.endswith("\n"):
        text = text[:-1]
    align = aligns.pop() if len(aligns) == 1 and "center" not in aligns else "center"
    return text, align


@dataclass(frozen=True, slots=True)
class Label:
    """A node's label as drawn: its text and alignment, or its compartments (``fields``,
    as the node attribute takes them), and the HTML markup it had that is not drawn."""

    text: str
    align: str = "center"
    fields: list | None = None
    dropped: tuple[str, ...] = ()


def text_of(raw: str, *, html_label: bool, names: Mapping[str, str]) -> tuple[str, str, list]:
    """Any label's text and alignment, and the HTML markup not drawn (tables flattened)."""
    if html_label:
        found = read_html(raw)
        return found.text, found.align or "center", found.dropped
    return (*plain_text(raw, names=names), [])


def _leaf(text: str, port: str | None, align: str) -> dict | str:
    if port is None and align == "center":
        return text
    out: dict = {"text": text}
    if port is not None:
        out["port"] = port
    if align != "center":
        out["align"] = align
    return out


def _record_fields(parsed: list, html_label: bool, names: Mapping[str, str], dropped) -> list:
    out: list = []
    for item in parsed:
        if isinstance(item, list):
            out.append(_record_fields(item, html_label, names, dropped))
            continue
        raw, port = item
        text, align, lost = text_of(raw, html_label=html_label, names=names)
        dropped += [x for x in lost if x not in dropped]
        out.append(_leaf(text, port or None, align))
    return out


def _cell_tree(cell: Cell) -> tuple | dict | str:
    if cell.rows is not None:
        return _table_tree(cell.rows)
    return _leaf(cell.text, cell.port, cell.align or "center")


def _table_tree(rows: list[list[Cell]]) -> tuple:
    return ("v", [("h", [_cell_tree(c) for c in row]) for row in rows if row])


def _items(tree, horizontal: bool) -> list:
    """A table's tree as the items of a ``fields`` list of the given orientation: runs of
    the same orientation flattened, the other one nested."""
    if not isinstance(tree, tuple):
        return [tree]
    kind, kids = tree
    if (kind == "h") == horizontal:
        return [item for kid in kids for item in _items(kid, horizontal)]
    inner = _items(tree, not horizontal)  # the items of a list turned the other way
    if len(inner) != 1:
        return [inner]
    # one item: a field stands as it is; a list in it turns back to this orientation
    return inner[0] if isinstance(inner[0], list) else inner


def node_label(
    raw: str, *, html_label: bool, record: bool, horizontal: bool, names: Mapping[str, str]
) -> Label | None:
    """A node's label: a record's fields (``record``), an HTML table's cells (as fields, when
    it draws borders or has ports), or text. None for a record label Graphviz refuses
    ("bad label format"). ``horizontal``: a ``fields`` list's top level is a row (the
    graph is top-to-bottom or bottom-to-top)."""
    if record:
        parsed = parse_record(raw, html=html_label)
        if parsed is None:
            return None
        dropped: list[str] = []
        fields = _record_fields(parsed, html_label, names, dropped)
        return Label(text="", fields=fields, dropped=tuple(dropped))
    if not html_label:
        return Label(*plain_text(raw, names=names))
    found: HtmlLabel = read_html(raw)
    ports = found.rows is not None and any(c.port for row in found.rows for c in row)
    if found.rows is not None and (found.borders or ports):
        fields = _items(_table_tree(found.rows), horizontal)
        if fields:
            return Label(text=found.text, fields=fields, dropped=tuple(found.dropped))
    return Label(found.text, found.align or "center", dropped=tuple(found.dropped))

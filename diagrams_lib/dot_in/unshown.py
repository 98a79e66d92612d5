"""What a DOT file says that the picture does not show, gathered and said once per attribute.

Reading a file notes every attribute the library does not draw (and every value it had to
draw differently) with where it appeared; :meth:`Unshown.messages` then gives one line per
attribute name, which :func:`~diagrams_lib.from_dot` raises as a
:class:`~diagrams_lib.DiagramWarning` each.

>>> u = Unshown()
>>> u.note("fontname", "graph"); u.note("fontname", "node 'a'"); u.note("fontname", "node 'b'")
>>> u.note("shape", "node 'c'", "shape 'house' is drawn as 'trapezoid'")
>>> for line in u.messages("DOT file 'x.dot'"):
...     print(line)
DOT file 'x.dot': attribute 'fontname' is not drawn (on the graph, node 'a' and 1 more)
DOT file 'x.dot': attribute 'shape': shape 'house' is drawn as 'trapezoid' (on node 'c')
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Unshown"]

_PLACES = 2  # places named in a message; the rest are counted
_REASONS = 3  # distinct reasons given per attribute


@dataclass
class _Entry:
    places: list[str] = field(default_factory=list)
    count: int = 0
    reasons: list[str] = field(default_factory=list)


@dataclass
class Unshown:
    """Attribute names, each with the places it was not drawn and why (when not simply
    "not drawn"), in the order first seen."""

    entries: dict[str, _Entry] = field(default_factory=dict)

    def note(self, name: str, where: str, reason: str | None = None) -> None:
        """Note that attribute ``name`` on ``where`` (``graph``, ``node 'a'``...) is not
        drawn, or, with ``reason``, is drawn other than as given."""
        entry = self.entries.setdefault(name, _Entry())
        entry.count += 1
        if len(entry.places) < _PLACES and where not in entry.places:
            entry.places.append(where)
        if reason and reason not in entry.reasons and len(entry.reasons) < _REASONS:
            entry.reasons.append(reason)

    def messages(self, source: str) -> list[str]:
        """One line per attribute name, naming ``source`` and where it appeared."""
        out = []
        for name, entry in self.entries.items():
            places = ", ".join("the graph" if p == "graph" else p for p in entry.places)
            rest = entry.count - len(entry.places)
            if rest > 0:
                head, _, last = places.rpartition(", ")
                places = f"{head + ', ' if head else ''}{last} and {rest} more"
            said = "; ".join(entry.reasons) if entry.reasons else "is not drawn"
            joiner = ": " if entry.reasons else " "
            out.append(f"{source}: attribute {name!r}{joiner}{said} (on {places})")
        return out

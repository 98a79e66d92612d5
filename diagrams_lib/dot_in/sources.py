"""Every kind of DOT a user may hold, as bytes to parse, a name for messages and a title.

DOT text (a ``str`` with a ``{`` in it), a path (any other ``str``, or a ``PathLike``),
``bytes`` (read in the charset the graph names), a ``pydot.Dot``, a ``pygraphviz.AGraph``
and the ``graphviz`` package's ``Source``, ``Graph`` and ``Digraph`` are all read the same
way. The packages are recognised by their module; none of them is imported here.

>>> dot_source("digraph { a -> b }")
DotSource(data=b'digraph { a -> b }', name='DOT text', title=None)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DiagramTypeError, DotParseError

__all__ = ["DotSource", "dot_source", "is_dot_source"]

_TYPES = (
    "DOT text or a path (str, os.PathLike), bytes, a pydot.Dot, a pygraphviz.AGraph or a "
    "graphviz Source/Graph/Digraph"
)


@dataclass(frozen=True, slots=True)
class DotSource:
    """DOT bytes, what to call them in messages, and the title a file's name suggests."""

    data: bytes
    name: str
    title: str | None


def _package(value: Any) -> str:
    return type(value).__module__.split(".")[0]


def is_dot_source(value: Any) -> bool:
    """Whether ``value`` is something :func:`dot_source` reads (not a networkx graph)."""
    if isinstance(value, (str, bytes, os.PathLike)):
        return True
    package = _package(value)
    return (package in ("pydot", "pygraphviz") and hasattr(value, "to_string")) or (
        package == "graphviz" and hasattr(value, "source")
    )


def read_path(path: str | os.PathLike[str]) -> DotSource:
    """A DOT file's bytes, named by its path and titled by its name (without suffix)."""
    p = Path(path)
    name = f"DOT file {str(p)!r}"
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DotParseError(f"cannot read DOT file {str(p)!r}: {exc.strerror or exc}") from exc
    return DotSource(data, name, p.stem or None)


def dot_source(value: Any, *, name: str | None = None) -> DotSource:
    """``value`` as a :class:`DotSource`; ``name`` overrides how messages call it.

    Raises :class:`DiagramTypeError` for anything else, :class:`DotParseError` for a
    file that cannot be read.
    """
    if isinstance(value, str) and "{" not in value and not Path(value).is_file():
        raise DotParseError(
            f"{value[:60]!r} is neither DOT text (it has no '{{') nor a DOT file that exists"
        )
    if isinstance(value, os.PathLike) or (isinstance(value, str) and "{" not in value):
        found = read_path(value)
    elif isinstance(value, str):
        found = DotSource(value.encode("utf-8"), "DOT text", None)
    elif isinstance(value, bytes):
        found = DotSource(value, "DOT text", None)
    elif _package(value) in ("pydot", "pygraphviz") and hasattr(value, "to_string"):
        text = value.to_string()
        data = text if isinstance(text, bytes) else str(text).encode("utf-8")
        found = DotSource(data, f"{_package(value)} graph", None)
    elif _package(value) == "graphviz" and hasattr(value, "source"):
        filename = getattr(value, "filename", None) if type(value).__name__ == "Source" else None
        title = Path(filename).stem if isinstance(filename, str) and filename else None
        found = DotSource(str(value.source).encode("utf-8"), "graphviz source", title)
    else:
        raise DiagramTypeError(f"expected {_TYPES}, not {type(value).__name__}")
    return DotSource(found.data, name or found.name, found.title)

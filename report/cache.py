"""A cache of rendered figures, so a rebuild lays out only what changed.

An entry's key is the SHA-256 of everything the SVG depends on:

* the graph, in a canonical form: its class, graph attributes, then nodes and edges in
  insertion order (which decides their ids) with their attributes, mappings sorted by
  ``repr`` of their keys, so ``1``, ``1.0``, ``True`` and ``"1"`` never meet;
* the render options (theme, id prefix...) and the render function's name;
* ``diagrams_lib.__version__``, the Graphviz version, and a hash of every source file of
  the library, so editing the library invalidates every entry.

Entries are files ``<key>.svg`` in one folder (``build/cache/`` for the report), written
atomically; the first line holds a checksum of the rest, so a damaged entry is a miss,
never a wrong figure. The checksum catches damage, not an edit made on purpose (anyone
can recompute it), which is why ``python -m report --check`` never uses the cache.

>>> import networkx as nx, tempfile
>>> cache = FigureCache(tempfile.mkdtemp())
>>> g = nx.DiGraph(title="T"); g.add_edge("a", "b")
>>> key = cache.key(g, {"theme": "light"})
>>> cache.get(key) is None
True
>>> cache.put(key, "<svg/>")
>>> cache.get(key)
'<svg/>'
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import diagrams_lib as dl

__all__ = ["FigureCache", "graph_fingerprint", "library_fingerprint"]

FORMAT = 1
_MAGIC = f"diagrams_lib figure cache {FORMAT} sha256="


def _canonical(value: Any) -> Any:
    """``value`` as plain JSON data that tells apart everything a render could.

    Only exact built-in types map to JSON as they are (JSON keeps ``1``, ``1.0``,
    ``true`` and ``"1"`` apart); mapping keys become their ``repr``; anything else,
    subclasses included, is named by its type and ``repr``.
    """
    kind = type(value)
    if value is None or kind in (str, bool, int, float):
        return value
    if kind is list:
        return [_canonical(v) for v in value]
    if kind is tuple:
        return {"tuple": [_canonical(v) for v in value]}
    if isinstance(value, Mapping):
        return {
            "map": {repr(k): _canonical(v) for k, v in value.items()},
            "type": f"{kind.__module__}.{kind.__qualname__}",
        }
    if kind in (set, frozenset):
        items = [_canonical(v) for v in value]
        return {"set": sorted(items, key=lambda item: json.dumps(item, sort_keys=True))}
    return {"object": f"{kind.__module__}.{kind.__qualname__}", "repr": repr(value)}


def _node_key(key: Any) -> list[str]:
    kind = type(key)
    return [f"{kind.__module__}.{kind.__qualname__}", repr(key)]


def graph_fingerprint(g: Any) -> dict[str, Any]:
    """The canonical form of a networkx graph that goes into a cache key.

    >>> import networkx as nx
    >>> a = nx.DiGraph(title="T"); a.add_node(1, label="one")
    >>> b = nx.DiGraph(title="T"); b.add_node("1", label="one")
    >>> graph_fingerprint(a) == graph_fingerprint(b)
    False
    """
    multi = g.is_multigraph()
    edges = g.edges(keys=True, data=True) if multi else g.edges(data=True)
    kind = type(g)
    return {
        "class": f"{kind.__module__}.{kind.__qualname__}",
        "directed": bool(g.is_directed()),
        "multigraph": bool(multi),
        "graph": _canonical(g.graph),
        "nodes": [[_node_key(n), _canonical(data)] for n, data in g.nodes(data=True)],
        "edges": [
            [
                _node_key(e[0]),
                _node_key(e[1]),
                _canonical(e[2]) if multi else None,
                _canonical(e[-1]),
            ]
            for e in edges
        ],
    }


@lru_cache(maxsize=1)
def library_fingerprint() -> str:
    """SHA-256 of every source file of the diagrams_lib package (read once per process).

    The running code is the code that was imported, so the files are read on first
    use, which for a build is right after the import.
    """
    package = Path(dl.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _name(function: Callable) -> str:
    """``module.qualname`` of a function, or of the class of a callable object."""
    named = function if hasattr(function, "__qualname__") else type(function)
    return f"{getattr(named, '__module__', '?')}.{named.__qualname__}"


class FigureCache:
    """Rendered figures on disk, one file per key (see the module docstring)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def key(
        self, g: Any, options: Mapping[str, Any], *, render: Callable[..., str] = dl.render
    ) -> str:
        """The key of ``render(g, **options)`` with this library and this Graphviz."""
        material = {
            "format": FORMAT,
            "graph": graph_fingerprint(g),
            "options": _canonical(dict(options)),
            "render": _name(render),
            "version": dl.__version__,
            "graphviz": dl.engine_version(),
            "library": library_fingerprint(),
        }
        text = json.dumps(material, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.svg"

    def get(self, key: str) -> str | None:
        """The cached SVG, or None when missing, unreadable or damaged."""
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        head, newline, body = data.partition(b"\n")
        if not newline or head.decode("ascii", "replace") != _MAGIC + _digest(body):
            return None
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:  # pragma: no cover - the checksum matched
            return None

    def put(self, key: str, svg: str) -> None:
        """Store ``svg`` under ``key``, atomically; a cache that cannot be written is skipped."""
        body = svg.encode("utf-8")
        data = f"{_MAGIC}{_digest(body)}\n".encode("ascii") + body
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            dl.write_atomic(self.path(key), data)
        except OSError:  # dl.OutputError is one too
            return  # read-only checkout, full disk...: the build still works, only slower


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()

"""DOT bytes to a networkx graph, here or in a child process that may be stopped or crash.

:func:`load` parses with cgraph and maps the result (or restores the library's own DOT
exactly). With ``timeout=`` or ``isolate=True`` the same work runs in
``python -m diagrams_lib._worker parse``, so that a parser that hangs can be stopped and
one that crashes takes only that process down.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from .. import child
from ..errors import DiagramError, DotParseError, EngineError
from .cgraph import parse
from .mapping import to_networkx
from .roundtrip import graph_from_json, graph_to_json, restore
from .sources import DotSource

__all__ = ["load", "load_here", "worker_main"]


def load_here(source: DotSource) -> tuple[Any, list[str]]:
    """The graph ``source`` holds and the messages about what it leaves out."""
    dot = parse(source.data, source=source.name)
    restored = restore(dot)
    if restored is not None:
        return restored, []
    return to_networkx(dot, source=source.name, fallback_title=source.title)


def _child(source: DotSource, timeout: float | None) -> tuple[Any, list[str]]:
    """:func:`load_here` in a child process, within the limits of an isolated layout."""
    seconds, mib = child.check_limits(timeout=timeout, memory_limit=None)
    try:
        text = child.run(
            source.data,
            job=("parse", source.name, source.title or ""),
            what=f"reading {source.name}",
            timeout=seconds,
            memory_limit=mib,
        )
    except EngineError as exc:
        if type(exc) is EngineError:  # the parser's own error, said in the child
            raise DotParseError(str(exc)) from None
        raise
    found = json.loads(text)
    return graph_from_json(found["graph"]), found["messages"]


def load(
    source: DotSource, *, timeout: float | None = None, isolate: bool = False
) -> tuple[Any, list[str]]:
    """:func:`load_here`, in a child process when ``timeout`` (seconds) or ``isolate``."""
    if timeout is not None or isolate:
        return _child(source, timeout)
    return load_here(source)


def worker_main(argv: list[str]) -> int:
    """``_worker parse NAME TITLE``: DOT bytes on stdin, the graph and messages as JSON on
    stdout; exit status 3 with the message on stderr for a :class:`DiagramError`."""
    name, title = argv[0], argv[1] or None
    try:
        g, messages = load_here(DotSource(sys.stdin.buffer.read(), name, title))
    except DiagramError as exc:
        sys.stderr.write(str(exc))
        return 3
    sys.stdout.write(json.dumps({"graph": graph_to_json(g), "messages": messages}))
    return 0

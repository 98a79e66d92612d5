"""DOT bytes to a networkx graph, here or in a child process that may be stopped or crash.

:func:`load` parses with cgraph and maps the result (or restores the library's own DOT
exactly). With ``timeout=`` or ``isolate=True`` the same work runs in
``python -m diagrams_lib._worker parse``, so that a parser that hangs can be stopped and
one that crashes takes only that process down.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from typing import Any

from ..errors import DiagramError, DotParseError, LayoutTimeoutError
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
    argv = [sys.executable, "-m", "diagrams_lib._worker", "parse", source.name, source.title or ""]
    try:
        done = subprocess.run(
            argv, input=source.data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise LayoutTimeoutError(
            f"reading {source.name} did not finish within {timeout:g} s; it was stopped"
        ) from None
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode == 0:
        import json

        found = json.loads(done.stdout)
        return graph_from_json(found["graph"]), found["messages"]
    if done.returncode == 3:
        raise DotParseError(message)
    if done.returncode < 0:
        try:
            name = signal.Signals(-done.returncode).name
        except ValueError:
            name = f"signal {-done.returncode}"
        raise DotParseError(
            f"Graphviz crashed with {name} reading {source.name} in the isolated process; "
            "your process is unaffected"
        )
    raise DotParseError(
        f"reading {source.name} failed in the isolated process (exit {done.returncode}): "
        f"{message[-300:]}"
    )


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
    import json

    name, title = argv[0], argv[1] or None
    try:
        g, messages = load_here(DotSource(sys.stdin.buffer.read(), name, title))
    except DiagramError as exc:
        sys.stderr.write(str(exc))
        return 3
    sys.stdout.write(json.dumps({"graph": graph_to_json(g), "messages": messages}))
    return 0

"""The command line's INPUT: a DOT file, a node-link JSON graph or ``module:function``.

Every input is untrusted: JSON nested past :data:`MAX_JSON_DEPTH` is refused before it
is walked, and every failure is one :class:`CLIError` naming the input.

>>> try:
...     load_graph("no-such-input")
... except CLIError as exc:
...     print(str(exc)[:36])
input 'no-such-input' does not exist
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from .dot_reader import from_dot, read_dot
from .errors import DiagramError

__all__ = ["MAX_JSON_DEPTH", "CLIError", "load_graph"]

MAX_JSON_DEPTH = 32  # node-link JSON nests 5 deep; deeper is refused, never recursed into
_TARGET = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*$")


class CLIError(DiagramError, ValueError):
    """The input named on the command line cannot be turned into a graph."""


def _titled(g: Any, fallback: str) -> Any:
    """A graph without a title takes its ``label``, else ``fallback`` (the file name)."""
    if not str(g.graph.get("title") or "").strip():
        label = g.graph.get("label")
        g.graph["title"] = label if isinstance(label, str) and label.strip() else fallback
    return g


def _load_json(path: Path) -> Any:
    import networkx as nx

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        _check_depth(data, path)
    except RecursionError:
        raise CLIError(
            f"JSON file {str(path)!r} nests deeper than {MAX_JSON_DEPTH} levels"
        ) from None
    except OSError as exc:
        raise CLIError(f"cannot read JSON file {str(path)!r}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise CLIError(f"JSON file {str(path)!r} is not UTF-8 text: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise CLIError(f"JSON file {str(path)!r} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or "nodes" not in data:
        raise CLIError(
            f"JSON file {str(path)!r} is not a node-link graph: it needs a "
            "'nodes' list (as written by networkx.node_link_data)"
        )
    # networkx 3.4+ names the edge list "edges", older releases "links"; read either.
    key = "links" if "links" in data and "edges" not in data else "edges"
    data.setdefault(key, [])
    edges_param = "edges" if "edges" in inspect.signature(nx.node_link_graph).parameters else "link"
    try:
        g = nx.node_link_graph(data, **{edges_param: key})
    except (KeyError, TypeError, ValueError, AttributeError, nx.NetworkXError) as exc:
        detail = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
        raise CLIError(f"JSON file {str(path)!r} is not a node-link graph: {detail}") from exc
    return _titled(g, path.stem)


def _check_depth(data: Any, path: Path) -> None:
    """Refuse JSON nested deeper than :data:`MAX_JSON_DEPTH`, without recursing."""
    todo = [(data, 1)]
    while todo:
        value, depth = todo.pop()
        if depth > MAX_JSON_DEPTH:
            raise RecursionError
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, (dict, list)):
            todo += [(child, depth + 1) for child in children if isinstance(child, (dict, list))]


def _load_target(target: str) -> Any:
    import networkx as nx

    module_name, _, attr_path = target.partition(":")
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())  # like `python -m`: modules next to you import
    try:
        obj: Any = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise CLIError(f"cannot import {module_name!r} (from {target!r}): {exc}") from exc
    except Exception as exc:
        raise CLIError(
            f"importing {module_name!r} (from {target!r}) failed: {type(exc).__name__}: {exc}"
        ) from exc
    for part in attr_path.split("."):
        if not hasattr(obj, part):
            raise CLIError(f"{target!r}: {module_name!r} has no attribute {attr_path!r}")
        obj = getattr(obj, part)
    if not callable(obj):
        raise CLIError(f"{target!r} is not a function (it is {type(obj).__name__!r})")
    try:
        g = obj()
    except Exception as exc:
        raise CLIError(f"{target!r} raised {type(exc).__name__}: {exc}") from exc
    if not isinstance(g, nx.Graph):
        raise CLIError(f"{target!r} returned {type(g).__name__}, not a networkx graph")
    return g


def load_graph(source: str) -> Any:
    """Turn a command-line INPUT into a networkx graph.

    ``-`` reads DOT text from stdin; a ``.dot``/``.gv`` file is read as DOT, a ``.json``
    file as a networkx node-link graph; ``package.module:function`` is imported and
    called with no arguments. A DOT or JSON graph without a title takes its ``label``,
    else the file's name. What a DOT file has that is not drawn is said in warnings.
    """
    if source == "-":
        data = sys.stdin.buffer.read()
        return from_dot(data, source="standard input")
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix in (".dot", ".gv"):
        return read_dot(path)
    if suffix == ".json":
        return _load_json(path)
    if _TARGET.match(source) and not path.exists():
        return _load_target(source)
    if not path.exists():
        raise CLIError(
            f"input {source!r} does not exist (expected a .dot, .gv or .json "
            "file, or package.module:function)"
        )
    raise CLIError(
        f"cannot tell what kind of input {source!r} is: use a .dot, .gv or .json "
        "file, or package.module:function"
    )

"""The ``diagrams-lib`` command: render a graph to SVG or DOT, or build the gallery.

    diagrams-lib render flow.dot -o flow.svg
    diagrams-lib render graph.json --theme dark > graph.svg
    diagrams-lib render mypkg.figures:pipeline -o pipeline.dot
    diagrams-lib gallery --check

Errors are one line on stderr, ``diagrams-lib: error: <message>``; the exit status
is 2 for a usage error and 1 when the input cannot be read or rendered.

>>> main(["render", "no-such-file.dot"])
1
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import re
import sys
import warnings
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from .api import DEFAULT_MAX_LABEL_WIDTH, render, save, to_dot
from .dot_reader import from_dot, read_dot
from .engine import ENGINES
from .errors import DiagramError

__all__ = ["CLIError", "load_graph", "main"]

PROG = "diagrams-lib"
_FORMATS = {".svg": "svg", ".dot": "dot", ".gv": "dot"}
_TARGET = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*$")


class CLIError(DiagramError, ValueError):
    """The input named on the command line cannot be turned into a graph."""


class _UsageError(Exception):
    """Raised instead of argparse's print-usage-and-exit, to keep errors on one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _usage(message: str) -> NoReturn:
    raise _UsageError(f"{message} (see '{PROG} render --help')")


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


def _write_stdout(text: str) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _render(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt is None:
        if args.output is None:
            fmt = "svg"
        elif args.output.suffix.lower() in _FORMATS:
            fmt = _FORMATS[args.output.suffix.lower()]
        else:
            _usage(
                f"cannot tell the format of {str(args.output)!r} from its suffix; "
                "use .svg, .dot or .gv, or --format svg|dot"
            )
    svg_only = [
        flag
        for flag, value in (
            ("--engine", args.engine),
            ("--legend", args.legend),
            ("--timeout", args.timeout),
        )
        if value not in (None, False)
    ]
    if fmt == "dot" and svg_only:
        _usage(f"{', '.join(svg_only)}: only for SVG output, not --format dot")
    options: dict[str, Any] = {"theme": args.theme, "max_label_width": args.max_label_width}
    if fmt == "svg":
        options.update(engine=args.engine, legend=args.legend, timeout=args.timeout)
    if args.output is not None and not args.output.parent.is_dir():
        raise CLIError(
            f"cannot write {str(args.output)!r}: folder {str(args.output.parent)!r} does not exist"
        )
    g = load_graph(args.input)
    try:
        if args.output is None:
            _write_stdout(render(g, **options) if fmt == "svg" else to_dot(g, **options))
        else:
            save(g, args.output, format=fmt, **options)
    except DiagramError as exc:
        raise CLIError(f"cannot render {args.input!r}: {exc}") from exc
    except BrokenPipeError:
        raise
    except OSError as exc:
        where = "standard output" if args.output is None else repr(str(args.output))
        raise CLIError(f"cannot write {where}: {exc.strerror or exc}") from exc
    return 0


def _gallery(args: argparse.Namespace) -> int:
    from .gallery import main as gallery_main

    return gallery_main([*(["--check"] if args.check else []), "--out", str(args.out)])


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Render networkx graphs to themed, accessible "
        "SVG (or styled DOT) with diagrams_lib.",
        epilog="Run 'diagrams-lib render --help' for the rendering options.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    render_cmd = commands.add_parser(
        "render",
        help="render a .dot, .json or module:function graph to SVG or DOT",
        description="Render one graph to SVG (default) or styled DOT.",
        epilog="Examples:\n  diagrams-lib render flow.dot -o flow.svg\n"
        "  diagrams-lib render graph.json --theme dark > graph.svg\n"
        "  diagrams-lib render mypkg.figures:pipeline -o pipeline.dot\n\n"
        "A DOT or JSON graph without a 'title' uses its 'label', else the file name.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    render_cmd.add_argument(
        "input",
        metavar="INPUT",
        help="a .dot/.gv file, a .json node-link graph (networkx.node_link_data), "
        "package.module:function returning a networkx graph, or - for DOT on stdin",
    )
    render_cmd.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        type=Path,
        help="file to write, replaced atomically (default: stdout)",
    )
    render_cmd.add_argument(
        "--format",
        choices=("svg", "dot"),
        help="output format (default: from OUT's suffix; svg on stdout)",
    )
    render_cmd.add_argument(
        "--theme",
        choices=("light", "dark", "auto"),
        default="light",
        help="colour theme; auto follows prefers-color-scheme (default: light)",
    )
    render_cmd.add_argument(
        "--engine",
        choices=ENGINES,
        help="Graphviz layout engine (default: dot, or the graph's own)",
    )
    render_cmd.add_argument("--legend", action="store_true", help="add a legend of the roles")
    render_cmd.add_argument(
        "--max-label-width",
        type=float,
        default=DEFAULT_MAX_LABEL_WIDTH,
        metavar="PX",
        help=f"wrap labels at this width in px (default: {DEFAULT_MAX_LABEL_WIDTH:g})",
    )
    render_cmd.add_argument(
        "--timeout", type=float, metavar="SECONDS", help="stop the layout after this many seconds"
    )
    render_cmd.set_defaults(handler=_render)
    gallery_cmd = commands.add_parser(
        "gallery",
        help="write the gallery of diagram kinds (docs/gallery.md)",
        description="Write docs/gallery.md and one SVG per diagram kind.",
    )
    gallery_cmd.add_argument(
        "--check", action="store_true", help="only check: exit 1, naming each stale file"
    )
    gallery_cmd.add_argument(
        "--out", type=Path, default=Path("docs"), help="output folder (default: docs)"
    )
    gallery_cmd.set_defaults(handler=_gallery)
    return parser


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A warning as one line on stderr: ``diagrams-lib: warning: <message>``."""
    print(f"{PROG}: warning: {' '.join(str(message).split())}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 failed, 2 usage). Warnings
    (what a DOT file has that is not drawn...) are one line each on stderr."""
    parser = _parser()
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        return _main(parser, argv)


def _main(parser: argparse.ArgumentParser, argv: list[str] | None) -> int:
    try:
        args = parser.parse_args(argv)
        return args.handler(args)
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except _UsageError as exc:
        return _fail(str(exc), 2)
    except BrokenPipeError:  # e.g. `diagrams-lib render x.dot | head`: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (DiagramError, OSError) as exc:
        return _fail(str(exc), 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)


def _fail(message: str, status: int) -> int:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())

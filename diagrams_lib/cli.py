"""The ``diagrams-lib`` command: render a graph to SVG, PNG, PDF or DOT, or build the gallery.

    diagrams-lib render flow.dot -o flow.svg
    diagrams-lib render flow.dot -o flow.png --scale 2
    diagrams-lib render graph.json --theme dark > graph.svg
    diagrams-lib render mypkg.figures:pipeline -o pipeline.dot
    diagrams-lib gallery -o docs --check

Errors are one line on stderr, ``diagrams-lib: error: <message>``; the exit status
is 2 for a usage error and 1 when the input cannot be read or rendered.

The command reads files from anywhere, so it treats every input as untrusted: Graphviz
always runs in a child process, stopped after ``--timeout`` seconds (default
:data:`DEFAULT_TIMEOUT`) or ``--memory-limit`` MiB, and a crash there is a one-line error.

>>> main(["render", "no-such-file.dot"])
1
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path
from typing import Any, NoReturn

from . import __version__
from .api import DEFAULT_MAX_LABEL_WIDTH, render, save, to_dot
from .child import DEFAULT_MEMORY_LIMIT
from .cli_input import MAX_JSON_DEPTH, CLIError, load_graph
from .engine import ENGINES
from .errors import DiagramError
from .export import SUFFIXES

__all__ = ["DEFAULT_TIMEOUT", "MAX_JSON_DEPTH", "CLIError", "load_graph", "main"]

PROG = "diagrams-lib"
DEFAULT_TIMEOUT = 60.0  # seconds a layout may take on the command line


class _UsageError(Exception):
    """Raised instead of argparse's print-usage-and-exit, to keep errors on one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _usage(message: str) -> NoReturn:
    raise _UsageError(f"{message} (see '{PROG} render --help')")


def _write_stdout(data: str | bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None and isinstance(data, str):
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    if buffer is None:
        raise CLIError("standard output takes no binary data here: use -o FILE")
    sys.stdout.flush()
    buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
    buffer.flush()


def _render(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt is None:
        if args.output is None:
            fmt = "svg"
        elif args.output.suffix.lower() in SUFFIXES:
            fmt = SUFFIXES[args.output.suffix.lower()]
        else:
            _usage(
                f"cannot tell the format of {str(args.output)!r} from its suffix; "
                "use .svg, .png, .pdf, .dot or .gv, or --format svg|png|pdf|dot"
            )
    svg_only = [
        flag
        for flag, value in (
            ("--engine", args.engine),
            ("--legend", args.legend),
            ("--timeout", args.timeout),
            ("--memory-limit", args.memory_limit),
        )
        if value not in (None, False)
    ]
    if fmt == "dot" and svg_only:
        _usage(f"{', '.join(svg_only)}: only for a picture, not --format dot")
    png_only = [flag for flag in ("scale", "dpi") if getattr(args, flag) is not None]
    if fmt != "png" and png_only:
        _usage(f"--{' and --'.join(png_only)}: only for PNG output, not {fmt.upper()}")
    if fmt in ("png", "pdf") and args.output is None and sys.stdout.isatty():
        _usage(f"{fmt.upper()} is binary: write it to a file with -o, or redirect stdout")
    options: dict[str, Any] = {"theme": args.theme, "max_label_width": args.max_label_width}
    if fmt != "dot":  # untrusted input: Graphviz runs in a child, always with limits
        options.update(
            engine=args.engine,
            legend=args.legend,
            timeout=DEFAULT_TIMEOUT if args.timeout is None else args.timeout,
            memory_limit=args.memory_limit or DEFAULT_MEMORY_LIMIT,
        )
    if fmt == "png":
        options.update(scale=args.scale, dpi=args.dpi)
    if args.output is not None and not args.output.parent.is_dir():
        raise CLIError(
            f"cannot write {str(args.output)!r}: folder {str(args.output.parent)!r} does not exist"
        )
    g = load_graph(args.input)
    try:
        if args.output is None:
            _write_stdout(
                to_dot(g, **options) if fmt == "dot" else render(g, format=fmt, **options)
            )
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

    flags = [flag for flag in ("--check", "--force") if getattr(args, flag[2:])]
    return gallery_main([*flags, "--out", str(args.out)])


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Render networkx graphs to themed, accessible "
        "SVG (or PNG, PDF, styled DOT) with diagrams_lib.",
        epilog="Run 'diagrams-lib render --help' for the rendering options.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    render_cmd = commands.add_parser(
        "render",
        help="render a .dot, .json or module:function graph to SVG, PNG, PDF or DOT",
        description="Render one graph to SVG (default), PNG, PDF or styled DOT.",
        epilog="Examples:\n  diagrams-lib render flow.dot -o flow.svg\n"
        "  diagrams-lib render flow.dot -o flow.png --scale 2\n"
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
        choices=("svg", "png", "pdf", "dot"),
        help="output format (default: from OUT's suffix; svg on stdout); "
        "pdf needs pip install 'diagrams_lib[pdf]'",
    )
    render_cmd.add_argument(
        "--theme",
        choices=("light", "dark", "auto"),
        default="light",
        help="colour theme; auto follows prefers-color-scheme (PNG and PDF: light) "
        "(default: light)",
    )
    render_cmd.add_argument(
        "--engine",
        choices=(*ENGINES, "layered"),
        help="layout engine (default: dot, or the graph's own); 'layered' for thousands of nodes",
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
        "--timeout",
        type=float,
        metavar="SECONDS",
        help=f"stop the layout after this many seconds (default: {DEFAULT_TIMEOUT:g})",
    )
    render_cmd.add_argument(
        "--memory-limit",
        type=float,
        metavar="MIB",
        help=f"memory the layout may use, in MiB (default: {DEFAULT_MEMORY_LIMIT})",
    )
    render_cmd.add_argument(
        "--scale", type=float, metavar="N", help="PNG: pixels per SVG pixel (default: 1)"
    )
    render_cmd.add_argument(
        "--dpi", type=float, metavar="N", help="PNG: pixels per inch, instead of --scale (96 = 1)"
    )
    render_cmd.set_defaults(handler=_render)
    gallery_cmd = commands.add_parser(
        "gallery",
        help="write the gallery of diagram kinds into a folder",
        description="Write gallery.md and gallery/KIND.svg, one per diagram kind, into DIR. "
        "Files already there with other content are replaced only with --force.",
    )
    gallery_cmd.add_argument(
        "--check", action="store_true", help="only check: exit 1, naming each stale file"
    )
    gallery_cmd.add_argument(
        "-o", "--out", type=Path, required=True, metavar="DIR", help="folder to write into"
    )
    gallery_cmd.add_argument(
        "--force", action="store_true", help="replace files in DIR that differ from the gallery"
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

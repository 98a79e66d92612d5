"""``python -m report``: build the report; ``--check`` fails if the committed one is stale;
``--html`` also writes it as one HTML page (``build/report/index.html`` + ``figures/``).

``--check`` lays out every figure afresh, without the figure cache, and compares the
committed files byte for byte with the result.

On a terminal, progress goes to stderr; piped or redirected, only the result is printed.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from diagrams_lib import OutputError
from report.build import ROOT, ReportError, build, check, write

HTML_DIR = ROOT / "build" / "report"


def _progress(stream: TextIO) -> Callable[..., None] | None:
    """A progress printer when ``stream`` is a terminal, else None (quiet when piped)."""
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        return None

    def show(*args: object) -> None:
        if len(args) >= 3:  # (index, total, name): one figure
            index, total, name = args[:3]
            print(f"[{index}/{total}] figure {name}", file=stream, flush=True)
        else:  # a stage
            print(f"report: {' '.join(map(str, args))}", file=stream, flush=True)

    return show


def _build(show: Callable[..., None] | None, *, use_cache: bool = True):
    """Build the report, reporting each figure if ``build`` takes a ``progress`` hook,
    else each stage."""
    if show is None:
        return build(use_cache=use_cache)
    if "progress" in inspect.signature(build).parameters:
        return build(use_cache=use_cache, progress=show)
    show("building figures…")
    return build(use_cache=use_cache)


def _write_html(output, *, out_dir: Path, show: Callable[..., None] | None) -> None:
    from report.html import PAGE_NAME, build_html, write_html

    if show:
        show("writing the HTML page…")
    files = build_html(output.files)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        changed = write_html(files, out_dir=out_dir)
    except OSError as exc:
        raise ReportError(f"cannot write the HTML page to {out_dir}: {exc}") from exc
    print(f"report: wrote {len(changed)} changed of {len(files)} files to {out_dir / PAGE_NAME}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m report",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1, naming each stale file, if docs/ is out of date",
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs", help="output folder (default: docs/)"
    )
    parser.add_argument(
        "--html",
        type=Path,
        nargs="?",
        const=HTML_DIR,
        metavar="DIR",
        help="also write the report as one HTML page with its figures "
        "into DIR (default: build/report/)",
    )
    args = parser.parse_args(argv)
    show = _progress(sys.stderr)
    try:
        output = _build(show, use_cache=not args.check)  # --check trusts no cache
        if args.html is not None:
            _write_html(output, out_dir=args.html, show=show)
    except ReportError as exc:
        print(f"report: error: {exc}", file=sys.stderr)
        return 2
    if args.check:
        problems = check(output, out_dir=args.out)
        for problem in problems:
            print(f"report: stale: {problem}", file=sys.stderr)
        if problems:
            print("report: run `make report` and commit the result", file=sys.stderr)
            return 1
        print(f"report: up to date ({len(output.files)} files)")
        return 0
    if show:
        show(f"writing {args.out}…")
    try:
        changed = write(output, out_dir=args.out)
    except OSError as exc:  # dl.OutputError too: it names the file
        reason = exc if isinstance(exc, OutputError) else exc.strerror or exc
        print(
            f"report: error: cannot write the report to {str(args.out)!r}: {reason}",
            file=sys.stderr,
        )
        return 2
    print(f"report: wrote {len(changed)} changed of {len(output.files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

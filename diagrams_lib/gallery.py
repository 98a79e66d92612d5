"""The gallery: the examples of each diagram kind, as ``docs/gallery.md`` + ``docs/gallery/*.svg``.

Each kind module has an ``example()`` (captioned by its ``CAPTION``) and may name more in
``MORE_EXAMPLES``, functions whose docstring is their caption; ``example_bars`` of
``chart`` is drawn as ``gallery/chart-bars.svg``.

``diagrams-lib gallery -o DIR`` (or ``python -m diagrams_lib.gallery -o DIR``) writes it
into ``DIR``, and only there; a file already there with other content is replaced only
with ``--force``. ``--check`` exits 1, naming each stale file. This repository's own
``docs/`` gallery is ``make gallery`` (``-o docs --force``).
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import sys
import textwrap
from pathlib import Path

from .api import render
from .files import write_atomic
from .model import KINDS

__all__ = ["THEME", "build_gallery", "examples", "main"]

THEME = "auto"  # the pictures' theme, which each snippet shows too


def examples(module) -> list[tuple[str, str, object]]:
    """A kind module's examples as (picture name, caption, function), ``example`` first.

    >>> chart = importlib.import_module("diagrams_lib.kinds.chart")
    >>> [name for name, _, _ in examples(chart)]
    ['chart', 'chart-bars', 'chart-hbars']
    """
    kind = module.__name__.rsplit(".", 1)[-1]
    out = [(kind, module.CAPTION, module.example)]
    for name in getattr(module, "MORE_EXAMPLES", ()):
        function = getattr(module, name)
        caption = " ".join(inspect.getdoc(function).split())
        out.append((f"{kind}-{name.removeprefix('example_')}", caption, function))
    return out


def _example_code(module, function, picture: str) -> str:
    """The body of ``function`` as a runnable snippet that saves ``picture``.svg."""
    source = textwrap.dedent(inspect.getsource(function))
    func = ast.parse(source).body[0]
    body = func.body[1:] if ast.get_docstring(func) else func.body
    lines = source.splitlines()[body[0].lineno - 1 :]
    code = textwrap.dedent("\n".join(lines)).strip()
    head, _, tail = code.rpartition("return ")
    name = module.__name__.rsplit(".", 1)[-1]
    return (
        f"import diagrams_lib as dl\nfrom diagrams_lib.kinds import {name}\n\n"
        f'{head}g = {tail}\ndl.save(g, "{picture}.svg", theme="{THEME}")'
    )


def build_gallery() -> dict[str, str]:
    """Return every gallery file (relative to ``docs/``) and its text."""
    files: dict[str, str] = {}
    sections = [
        "# Gallery",
        "",
        "Examples of every diagram kind in `diagrams_lib.kinds`. Each is an ordinary",
        "networkx graph until `dl.render` draws it, so you can inspect or edit it first.",
        "The pictures use the `auto` theme: light, or dark when your system prefers it.",
        "",
    ]
    for kind in KINDS:
        module = importlib.import_module(f"diagrams_lib.kinds.{kind}")
        sections += [f"## {kind}", ""]
        for name, caption, function in examples(module):
            g = function()
            files[f"gallery/{name}.svg"] = render(g, theme=THEME)
            sections += [
                caption,
                "",
                f"![{g.graph['title']}](gallery/{name}.svg)",
                "",
                "```python",
                _example_code(module, function, name),
                "```",
                "",
            ]
    files["gallery.md"] = "\n".join(sections)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m diagrams_lib.gallery", description=__doc__)
    parser.add_argument(
        "-o", "--out", type=Path, required=True, metavar="DIR", help="folder to write into"
    )
    parser.add_argument("--check", action="store_true", help="fail if DIR is out of date")
    parser.add_argument(
        "--force", action="store_true", help="replace files in DIR that differ from the gallery"
    )
    args = parser.parse_args(argv)
    files = build_gallery()
    stale = [
        rel
        for rel, text in sorted(files.items())
        if not (args.out / rel).exists() or (args.out / rel).read_text(encoding="utf-8") != text
    ]
    if args.check:
        for rel in stale:
            print(f"gallery: stale: {args.out / rel}", file=sys.stderr)
        return 1 if stale else 0
    kept = [rel for rel in stale if (args.out / rel).exists()]
    if kept and not args.force:
        names = ", ".join(str(args.out / rel) for rel in kept)
        print(f"gallery: would replace {names}; nothing written (use --force)", file=sys.stderr)
        return 1
    (args.out / "gallery").mkdir(parents=True, exist_ok=True)
    for rel in stale:
        write_atomic(args.out / rel, files[rel])
    print(f"gallery: wrote {len(stale)} changed of {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

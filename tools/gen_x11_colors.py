"""Write ``diagrams_lib/dot_in/_x11_colors.py``: the colour names DOT files use beyond CSS's.

Graphviz's default colour scheme is X11's (``grey80``, ``navyblue``, ``lightgoldenrod``...).
The names come from X11's ``rgb.txt`` (Debian: ``/usr/share/X11/rgb.txt``), lowercased
and without spaces as Graphviz spells them; the colour of each is what the Graphviz of the
pygraphviz wheel draws for it, read back from its SVG, so the table is Graphviz's own. Names
CSS also has are left out: Graphviz's SVG writes those by name, so a browser shows CSS's
colour, and :mod:`diagrams_lib.colors` knows them already.

Run from the repository root: ``python tools/gen_x11_colors.py [path/to/rgb.txt]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diagrams_lib.colors import NAMED  # noqa: E402

OUT = ROOT / "diagrams_lib" / "dot_in" / "_x11_colors.py"


def names(rgb_txt: Path) -> list[str]:
    found = set()
    for line in rgb_txt.read_text(encoding="latin-1").splitlines():
        parts = line.split(None, 3)
        if len(parts) == 4 and not line.startswith("!"):
            found.add(parts[3].replace(" ", "").lower())
    return sorted(found - set(NAMED))


def graphviz_colours(wanted: list[str]) -> dict[str, str]:
    import pygraphviz

    body = "".join(f'n{i} [color="{name}"];' for i, name in enumerate(wanted))
    svg = pygraphviz.AGraph(string=f"digraph {{ {body} }}").draw(format="svg", prog="dot")
    strokes = re.findall(
        r'<title>n(\d+)</title>\s*<ellipse fill="none" stroke="([^"]+)"', svg.decode()
    )
    out = {}
    for index, stroke in strokes:
        name = wanted[int(index)]
        if stroke.startswith("#") and len(stroke) == 7:
            out[name] = stroke.lower()
    return out


def main() -> None:
    rgb_txt = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/X11/rgb.txt")
    table = graphviz_colours(names(rgb_txt))
    lines = [
        '"""Graphviz\'s X11 colour names that CSS lacks, and their colours: written by',
        "tools/gen_x11_colors.py from X11's rgb.txt and the wheel's own Graphviz. Do not edit.",
        '"""',
        "",
        "X11: dict[str, str] = {",
        *(f'    "{name}": "{value}",' for name, value in sorted(table.items())),
        "}",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(table)} colours)")


if __name__ == "__main__":
    main()

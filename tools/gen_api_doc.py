"""Write docs/api.md from the public names, their signatures and docstrings.

Run from the repository root: ``python tools/gen_api_doc.py``; a test checks the
file is current, so the reference cannot drift from the code.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import diagrams_lib as dl  # noqa: E402
from diagrams_lib import kinds, testing  # noqa: E402
from diagrams_lib.kinds import axis  # noqa: E402

INTRO = """# API reference

Everything below is importable as shown; all options are keyword-only. This page is
generated from the code (`python tools/gen_api_doc.py`) and a test keeps it current.
"""


# Constants have no docstring of their own (inspect would give their type's).
CONSTANTS = {
    "diagrams_lib.DARK": "The dark theme: light text on a dark card.",
    "diagrams_lib.ENGINES": "The Graphviz layout engines ``render(engine=...)`` accepts.",
    "diagrams_lib.LIGHT": "The light theme, the default.",
    "diagrams_lib.THEMES": "The built-in themes by name (``light``, ``dark``); "
    "``get_theme`` also accepts ``auto``.",
    "diagrams_lib.kinds.axis.NO_CLIP": "Edge attributes that make a line run exactly "
    "between its two anchor nodes: Graphviz does not clip it at their outlines.",
}


def _doc(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.split("\n\n")[0].replace("\n", " ").strip()


def _entry(qualname: str, obj: object) -> list[str]:
    if inspect.isclass(obj):
        kind = "exception" if issubclass(obj, BaseException) else "class"
        bases = ", ".join(b.__name__ for b in obj.__bases__ if b is not object)
        head = f"### `{qualname}` ({kind}{': ' + bases if bases else ''})"
    elif callable(obj):
        sig = str(inspect.signature(obj)).replace(" -> ", " → ")
        head = f"### `{qualname}{sig}`"
    else:
        value = repr(obj) if not isinstance(obj, dl.Theme) else f"Theme({obj.name!r})"
        if len(value) > 80:
            value = type(obj).__name__
        head = f"### `{qualname}` = `{value}`"
        return [head, "", CONSTANTS.get(qualname, "(constant)"), ""]
    return [head, "", _doc(obj) or "(constant)", ""]


def render_doc() -> str:
    lines = [INTRO, "## `diagrams_lib`", ""]
    for name in dl.__all__:
        obj = getattr(dl, name)
        if name == "__version__":
            lines += [
                f"### `diagrams_lib.__version__` = `{obj!r}`",
                "",
                "The library's version.",
                "",
            ]
            continue
        lines += _entry(f"diagrams_lib.{name}", obj)
    lines += ["## `diagrams_lib.kinds`", "", _doc(kinds), ""]
    for name in kinds.__all__:
        lines += _entry(f"diagrams_lib.kinds.{name}", getattr(kinds, name))
    lines += ["## `diagrams_lib.kinds.axis`", "", _doc(axis), ""]
    for name in axis.__all__:
        lines += _entry(f"diagrams_lib.kinds.axis.{name}", getattr(axis, name))
    lines += [
        "## `diagrams_lib.testing`",
        "",
        _doc(testing),
        "",
        "### fixture `diagram_golden(graph_or_svg, name, **render_options)`",
        "",
        _doc(testing.diagram_golden),
        "",
        "### fixture `diagram_golden_dir`",
        "",
        _doc(testing.diagram_golden_dir),
        "",
        "### option `pytest --diagrams-regen`",
        "",
        "Rewrite the goldens that differ (look at each picture first).",
        "",
    ]
    for name in testing.__all__:
        lines += _entry(f"diagrams_lib.testing.{name}", getattr(testing, name))
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    dl.write_atomic(ROOT / "docs" / "api.md", render_doc())
    print("wrote docs/api.md")

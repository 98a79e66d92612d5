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
from diagrams_lib.files import atomic_write  # noqa: E402

INTRO = """# API reference

Everything below is importable as shown; all options are keyword-only. This page is
generated from the code (`python tools/gen_api_doc.py`) and a test keeps it current.
"""


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
    return [head, "", _doc(obj) or "(constant)", ""]


def render_doc() -> str:
    lines = [INTRO, "## `diagrams_lib`", ""]
    for name in dl.__all__:
        obj = getattr(dl, name)
        if name == "__version__":
            lines += [f"### `diagrams_lib.__version__` = `{obj!r}`", "",
                      "The library's version.", ""]  # fmt: skip
            continue
        lines += _entry(f"diagrams_lib.{name}", obj)
    lines += ["## `diagrams_lib.kinds`", "", _doc(kinds), ""]
    for name in kinds.__all__:
        lines += _entry(f"diagrams_lib.kinds.{name}", getattr(kinds, name))
    lines += ["## `diagrams_lib.testing`", "", _doc(testing), "",
              "### fixture `diagram_golden(graph_or_svg, name, **render_options)`", "",
              _doc(testing.diagram_golden), "",
              "### fixture `diagram_golden_dir`", "", _doc(testing.diagram_golden_dir), "",
              "### option `pytest --diagrams-regen`", "",
              "Rewrite the goldens that differ (look at each picture first).", ""]  # fmt: skip
    for name in testing.__all__:
        lines += _entry(f"diagrams_lib.testing.{name}", getattr(testing, name))
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    atomic_write(ROOT / "docs" / "api.md", render_doc())
    print("wrote docs/api.md")

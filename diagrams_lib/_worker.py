"""Child-process layout: ``python -m diagrams_lib._worker PROG BACKEND`` < DOT > geometry JSON.

``python -m diagrams_lib._worker parse NAME TITLE`` < DOT > graph JSON reads a user's DOT
the same way, for ``from_dot``/``render`` with ``timeout=`` or ``isolate=True`` (see
:mod:`diagrams_lib.dot_in.read`).

Used when ``render`` is given ``timeout=`` or ``isolate=True``: a layout that hangs can
be killed, and a Graphviz crash ends this process, not the caller's. It runs the same
:func:`~diagrams_lib.engine.layout_here` as an in-process render. Exit status 3 with the
message on stderr means Graphviz reported an error.
"""

from __future__ import annotations

import sys

from diagrams_lib.engine import layout_here
from diagrams_lib.errors import DiagramError


def main() -> int:
    if sys.argv[1] == "parse":
        from diagrams_lib.dot_in.read import worker_main

        return worker_main(sys.argv[2:])
    prog, backend = sys.argv[1], sys.argv[2]
    dot_text = sys.stdin.buffer.read().decode("utf-8")
    try:
        geometry = layout_here(dot_text, prog=prog, backend=backend)
    except DiagramError as exc:
        sys.stderr.write(str(exc))
        return 3
    sys.stdout.write(geometry.to_json())
    return 0


if __name__ == "__main__":
    sys.exit(main())

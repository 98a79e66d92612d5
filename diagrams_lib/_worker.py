"""Child-process layout: ``python -m diagrams_lib._worker PROG BACKEND`` < DOT > json0.

Used when ``render`` is given ``timeout=`` or ``isolate=True``: a layout that
hangs can be killed, and a Graphviz crash ends this process, not the caller's.
Exit status 3 with the message on stderr means Graphviz reported an error.
"""

from __future__ import annotations

import sys

from diagrams_lib.engine import _raw_layout
from diagrams_lib.errors import DiagramError


def main() -> int:
    prog, backend = sys.argv[1], sys.argv[2]
    dot_text = sys.stdin.buffer.read().decode("utf-8")
    try:
        out = _raw_layout(dot_text, prog=prog, backend=backend)
    except DiagramError as exc:
        sys.stderr.write(str(exc))
        return 3
    sys.stdout.buffer.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

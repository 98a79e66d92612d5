"""``python -m diagrams_lib``: the ``diagrams-lib`` command (see :mod:`diagrams_lib.cli`)."""

from __future__ import annotations

import sys

from diagrams_lib.cli import main

if __name__ == "__main__":
    sys.exit(main())

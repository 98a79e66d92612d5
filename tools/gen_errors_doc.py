"""Write docs/errors.md: every bad input in tests/bad_inputs.py and the error it really gets.

Run from the repository root: ``python tools/gen_errors_doc.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from diagrams_lib import write_atomic  # noqa: E402
from tests.bad_inputs import CASES  # noqa: E402

HEAD = """# Bad input and the errors it gets

Every error diagrams_lib raises derives from `DiagramError`; where a builtin fits it
also derives from `TypeError` (`DiagramTypeError`) or `ValueError` (`ValidationError`
and its subclasses), so `except ValueError` works too. Messages name the node, edge,
attribute, option or file at fault. Nothing is written when an error is raised:
`save` and the report build replace files only after everything rendered.

A file that cannot be written gets `OutputError`, which is also an `OSError` (with its
`errno`): the message names the file you asked for, never a temporary file, and says
why, e.g. for a read-only folder that the folder must be writable, since the new file
is written beside the old one and renamed over it.

Graphviz runs in process by default. With `timeout=`, `memory_limit=` or `isolate=True`
(and always on the command line, which treats every input as untrusted) it runs in a
child process instead, and whatever happens there ends as one `EngineError`: past the
time limit `LayoutTimeoutError`, past the memory limit (`RLIMIT_AS`, 2048 MiB unless
set) `LayoutMemoryError`, a crash or Graphviz's own `exit()` `LayoutCrashError` naming
the signal or status; the caller's process is unaffected. The child also dies with its
caller. In process, a crash cannot be caught: the `dot` escape hatch passes only
bounded layout hints, so the crashes we know of cannot be reached through the API.

This table is generated from the test cases in `tests/bad_inputs.py`
(`python tools/gen_errors_doc.py`), and a test checks it is current: each row is a
real call and the message it really gives.

| # | Bad input | Exception | Message |
|---|---|---|---|
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_doc() -> str:
    rows = []
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            for i, case in enumerate(CASES, start=1):
                try:
                    case.call()
                except case.error as exc:
                    message, name = str(exc), type(exc).__name__
                else:  # pragma: no cover - the tests catch this
                    raise SystemExit(f"case {case.id} raised nothing")
                rows.append(f"| {i} | {_cell(case.what)} | `{name}` | {_cell(message)} |")
        finally:
            os.chdir(cwd)
    return HEAD + "\n".join(rows) + f"\n\n{len(rows)} cases.\n"


if __name__ == "__main__":
    write_atomic(ROOT / "docs" / "errors.md", render_doc())
    print(f"wrote docs/errors.md ({len(CASES)} cases)")

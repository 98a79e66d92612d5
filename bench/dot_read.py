"""How much faster ``dl.read_dot`` reads real DOT files than pydot's parser alone.

For every ``.dot``/``.gv`` file under the folders given (default: ``tests/data/dot``) it
times, best of ``--repeat`` runs:

* pydot: ``pydot.graph_from_dot_data(text)``, the parse the old ``read_dot`` began with
  (without the mapping that followed it, so the ratio is if anything too small);
* diagrams_lib: ``dl.read_dot(path)``, the whole reading (cgraph's parse and the mapping
  onto the model).

and prints the median file's times and the median of the per-file ratios.

    python bench/dot_read.py tests/data/dot /path/to/pydot/test/graphs
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import time
import warnings
from pathlib import Path

import pydot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import diagrams_lib as dl


def best(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        with contextlib.suppress(Exception):
            call()
        times.append(time.perf_counter() - started)
    return min(times)


def pydot_parse(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    with contextlib.redirect_stdout(io.StringIO()):  # pydot prints its parse errors
        pydot.graph_from_dot_data(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("tests/data/dot")])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(
        p for folder in args.folders for p in folder.rglob("*") if p.suffix in (".dot", ".gv")
    )
    warnings.simplefilter("ignore", dl.DiagramWarning)
    rows = []
    for path in files:
        ours = best(lambda p=path: dl.read_dot(p), args.repeat)
        theirs = best(lambda p=path: pydot_parse(p), args.repeat)
        rows.append((path, theirs, ours))
    ms = 1000
    print(f"{len(rows)} files")
    print(f"median file, pydot parse:       {statistics.median(r[1] for r in rows) * ms:8.2f} ms")
    print(f"median file, diagrams_lib read: {statistics.median(r[2] for r in rows) * ms:8.2f} ms")
    print(f"median of per-file ratios:      {statistics.median(r[1] / r[2] for r in rows):8.1f}x")
    slow = max(rows, key=lambda r: r[1])
    print(f"slowest for pydot: {slow[0].name}, {slow[1] * ms:.0f} ms", end=" ")
    print(f"(diagrams_lib: {slow[2] * ms:.1f} ms)")


if __name__ == "__main__":
    main()

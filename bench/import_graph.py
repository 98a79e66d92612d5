"""networkx's own import graph, the 158-module case the engine settings were measured on.

``python bench/import_graph.py [engine...]`` times :func:`diagrams_lib.render` of it with
each engine (default: dot, neato, sfdp, osage, fdp) and writes ``/tmp/import-graph-<engine>.svg``.

>>> deps = import_graph(depth=2)
>>> "networkx.utils" in deps["networkx.algorithms.flow"]
True
"""

from __future__ import annotations

import ast
import sys
import time
from pathlib import Path


def _modules(root: Path) -> dict[str, Path]:
    out = {}
    for path in sorted(root.rglob("*.py")):
        if "tests" in path.parts:
            continue
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of ``known`` that ``name`` imports (``from a import b`` counts ``a.b``
    when that is a module, else ``a``)."""

    def resolve(target: str) -> str | None:
        while target and target not in known:
            target = target.rpartition(".")[0]
        return target or None

    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {resolve(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            found |= {resolve(f"{base}.{alias.name}") for alias in node.names if base}
    return {m for m in found if m and m != name}


def import_graph(*, depth: int = 2) -> dict[str, list[str]]:
    """``{module: [modules it imports]}`` for networkx, deeper modules merged into their
    parent ``depth`` dots down (depth 2: 158 modules, 467 imports, for networkx 3.6)."""
    import networkx

    known = _modules(Path(networkx.__file__).parent)

    def cut(module: str) -> str:
        return ".".join(module.split(".")[: depth + 1])

    out: dict[str, set[str]] = {}
    for name, path in known.items():
        out.setdefault(cut(name), set()).update(cut(m) for m in _imports(name, path, known))
    return {m: sorted(n for n in needs if n != m) for m, needs in out.items()}


def main(engines: list[str]) -> None:
    import networkx as nx

    import diagrams_lib as dl

    deps = import_graph()
    g = nx.DiGraph(title="networkx imports")
    g.add_nodes_from(deps)
    g.add_edges_from((m, n) for m, needs in deps.items() for n in needs)
    print(f"{g.number_of_nodes()} modules, {g.number_of_edges()} imports")
    for engine in engines:
        start = time.perf_counter()
        svg = dl.render(g, engine=engine)
        print(f"{engine:6} {time.perf_counter() - start:6.2f} s")
        Path(f"/tmp/import-graph-{engine}.svg").write_text(svg, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:] or ["dot", "neato", "sfdp", "osage", "fdp"])

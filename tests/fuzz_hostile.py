"""Random hostile graphs, hatch attributes and DOT files through the API and the command line.

Run by ``tests/test_fuzz_hostile.py`` in a child process (so a crash of this process is
seen, not suffered), or by hand::

    python -m tests.fuzz_hostile --cases 1000 --seed 1

Each case renders a random hostile graph in process with :func:`diagrams_lib.render`
and :func:`~diagrams_lib.to_dot`, then hands the command line either that graph as
node-link JSON or a random hostile DOT file. The summary on stdout (JSON) counts what
came out; every list in it must stay empty: exceptions outside ``DiagramError``,
layouts that ran past their limit, malformed or unsafe SVG, and canary files that
something read (their access time moved).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import os
import random
import re
import sys
import tempfile
import time
import traceback
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx

import diagrams_lib as dl
from diagrams_lib import cli
from diagrams_lib.hatch import HINTS

SVG_NS = "{http://www.w3.org/2000/svg}"
UNSAFE_ELEMENTS = {"script", "foreignObject", "iframe", "object", "embed", "image", "use"}
FILE_ATTRIBUTES = {"shapefile", "imagepath", "fontpath", "fontnames", "stylesheet", "image"}
LINKS = {"URL", "href", "edgeURL", "labelURL", "headURL", "tailURL", "edgehref", "headhref"}
SAFE_LINK = re.compile(r'"(https?:|[^:"]*")')  # http(s), or relative (no scheme)
CLI_TIMEOUT = 10.0
HANG = 30.0  # seconds past which a case counts as a hang (the CLI's limit plus start-up)
# Text SVG can carry, however hostile; then text it cannot (controls, surrogates).
NASTY = [
    "<script>alert(1)</script>",
    "]]>",
    '"',
    "\\",
    "\\N",
    "\\G",
    "<<TABLE>>",
    "&amp;",
    "a:b:c",
    "a -> b",
    "{ }",
    "[label=x]",
    ";",
    "/*",
    "#",
    "\u202e evil",
    "\ufeffbom",
    "👩‍🔬",
    "%s%n",
    "x" * 2000,
    "word",
    "two words",
    "tab\there",
    "line\nbreak",
]
BAD_TEXT = [
    "bell\x07",
    "nul\x00",
    "\ud800",
    "esc\x1b[31m",
    "",
    " ",
]
NUMBERS = [0, -1, 1, 1e308, -1e308, math.inf, -math.inf, math.nan, 2**31, 2**63, 1e-308, 0.5]
TEXT_VALUES = ["1e308", "nan", "-1", "0", "inf", "2000000000", "true", "maybe", "+4", "1,5"]


class Fuzz:
    """One run: the random source, the canary files, and what was seen."""

    def __init__(self, seed: int, folder: Path) -> None:
        self.rng = random.Random(seed)
        self.bad = 0.1  # the share of values that are wrong, drawn again for each case
        self.folder = folder
        self.canaries = [folder / "canary.txt", folder / "canary.png", folder / "canary.css"]
        for path in self.canaries:
            path.write_text("secret\n")
            stat = path.stat()
            os.utime(path, (stat.st_mtime - 1000, stat.st_mtime))  # a read moves atime
        self.seen: dict[str, Any] = {
            "cases": 0,
            "api_svg": 0,
            "api_refused": 0,
            "cli_svg": 0,
            "cli_refused": 0,
            "not_diagram_errors": [],
            "hangs": [],
            "malformed_svg": [],
            "files_read": [],
            "slowest_case_s": 0.0,
        }

    # -- random material ---------------------------------------------------------------

    def pick(self, items: list) -> Any:
        return items[self.rng.randrange(len(items))]

    def wrong(self) -> bool:
        return self.rng.random() < self.bad

    def either(self, good: list, bad: list) -> Any:
        return self.pick(bad if bad and self.wrong() else good)

    def text(self) -> Any:
        if self.wrong():
            return self.pick([*BAD_TEXT, *NUMBERS, ["a"], {"x": 1}, True, b"bytes", ("t",)])
        extra = "".join(self.rng.choices("ab cé€\n", k=self.rng.randrange(4)))
        return self.pick([*NASTY, f"word {self.rng.randrange(100)}"]) + extra

    def key(self, i: int) -> Any:
        roll = self.rng.random()
        if roll < 0.05:
            key: Any = "deep"
            for _ in range(self.pick([3, 40, 500])):
                key = (key,)
            return key
        if roll < 0.2:
            return (i, self.pick(["a", "b:c"]))
        if roll < 0.3:
            return i
        value = self.text()
        return f"{value}{i}" if isinstance(value, str) else f"k{i}"

    def hatch_value(self, name: str) -> Any:
        hint = HINTS.get(name)
        if hint is not None and not self.wrong():
            takes = hint.takes
            if "one of" in takes:
                return self.pick(takes.split(": ")[1].split(", "))
            good = {"name": "g1", "node's": "n0", "margin": "+4", "seed": 7, "true": "false"}
            return next((v for k, v in good.items() if k in takes), self.pick([1, "0.5", 2]))
        roll = self.rng.random()
        if roll < 0.3:
            return self.pick(TEXT_VALUES)
        if roll < 0.5:
            return str(self.pick(self.canaries))
        if roll < 0.6:
            return self.pick(["javascript:alert(1)", "http://example.org", "x\ny", 'q"uote'])
        if roll < 0.8:
            return self.pick(NUMBERS)
        return self.pick(["ortho", "scale", "regular", "n0", "same", "in", "LR", "false"])

    def hatch(self, context: str) -> dict:
        bad = ["shapefile", "imagepath", "fontpath", "fontnames", "stylesheet", "image"]
        bad += ["URL", "edgeURL", "headhref", "ratio", "size", "arrowsize", "orientation"]
        bad += ["peripheries", "sides", "minlen", "weight", "label", "a b", *HINTS]
        good = [n for n, hint in HINTS.items() if context in hint.contexts]
        names = [self.either(good, bad) for _ in range(self.rng.randrange(1, 4))]
        return {name: self.hatch_value(name) for name in names}

    def attrs(self, kinds: list[tuple[str, list, list]], context: str) -> dict:
        out = {}
        for name, good, bad in kinds:
            if self.rng.random() < 0.25:
                out[name] = self.either(good, bad) if good else self.text()
        if self.rng.random() < 0.3:
            out["dot"] = self.hatch(context)
        return out

    def graph(self) -> nx.Graph:
        self.bad = self.pick([0.0, 0.02, 0.1, 0.3])
        cls = self.pick([nx.DiGraph, nx.Graph, nx.MultiDiGraph])
        g = cls(title=self.text() if self.rng.random() < 0.3 else "Fuzz")
        if self.rng.random() < 0.3:
            g.graph["groups"] = self.either(
                [{"g": "G"}, {"g": {"label": "In h", "parent": "h"}, "h": "H"}],
                [{"g": {"parent": "h"}, "h": {"parent": "g"}}, ["g"], {"g": ["x"]}],
            )
        if self.rng.random() < 0.2:
            g.graph["description"] = self.text()
        if self.rng.random() < 0.2:
            g.graph["direction"] = self.either(["LR", "up"], ["sideways", 3])
        if self.rng.random() < 0.3:
            g.graph["dot"] = self.hatch("graph")
        node_kinds = [
            ("label", [], []),
            ("note", [], []),
            ("role", ["process", "decision", None], ["villain", 5]),
            ("shape", ["round", "diamond"], ["star", 1]),
            ("group", ["g", "h", "other"], [7]),
            ("fill", ["#fee", "tomato", "none"], ["red;}</style>", 7]),
            ("line_width", [0.5, 3], NUMBERS),
            ("size", [(10, 10), (200, 40)], [(1e308, 1), (-1, 3), (1e5, 1e5)]),
            ("link", ["https://example.org", "rel/x"], ["javascript:alert(1)", "//evil"]),
            ("xlabel", [], []),
        ]
        keys = [self.key(i) for i in range(self.rng.randrange(1, 9))]
        pinned = self.rng.random() < 0.1
        for key in keys:
            g.add_node(key, **self.attrs(node_kinds, "node"))
            if pinned:
                where = (self.rng.uniform(0, 500), self.rng.uniform(0, 500))
                g.nodes[key]["pin"] = self.either([where], [(1e308, 1), (math.nan, 0), "here"])
        edge_kinds = [
            ("label", [], []),
            ("head_label", [], []),
            ("weight", [1, 5, 1000], [*NUMBERS, "x"]),
            ("minlen", [0, 1, 3], NUMBERS),
            ("constraint", [True, False], ["no"]),
            ("head_port", ["n", "sw"], ["x"]),
            ("dir", ["both", "back"], ["up"]),
        ]
        for _ in range(self.rng.randrange(0, 12)):
            g.add_edge(self.pick(keys), self.pick(keys), **self.attrs(edge_kinds, "edge"))
        return g

    def dot_file(self) -> str:
        """Random DOT text: statements with hostile attributes, nesting and garbage."""
        parts = []
        for i in range(self.rng.randrange(1, 10)):
            hints = self.hatch(self.pick(["graph", "node", "edge"]))
            attrs = ", ".join(f"{name}={self.dot_value(value)}" for name, value in hints.items())
            roll = self.rng.random()
            if roll < 0.4:
                parts.append(f"n{i} -> n{self.rng.randrange(10)} [{attrs}];")
            elif roll < 0.7:
                parts.append(f'"n{i}" [label={self.dot_value(self.text())}, {attrs}];')
            elif roll < 0.8:
                parts.append(f"{attrs.replace(', ', '; ')};")
            elif roll < 0.9:
                depth = self.pick([1, 3, 8, 30])
                parts.append("subgraph cluster_x {" * depth + f"n{i}" + "}" * depth)
            else:
                parts.append(self.pick(['"unterminated', "}", "{{", "->", "[[", "<<b>", "\x00"]))
        head = self.pick(["digraph", "graph", "strict digraph", "digraph G", ""])
        return f'{head} {{ label="Fuzz"; {" ".join(parts)} }}'

    def dot_value(self, value: Any) -> str:
        text = str(value)
        if self.rng.random() < 0.5:
            return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return text

    # -- checks ------------------------------------------------------------------------

    def check_svg(self, svg: str, case: int, where: str) -> None:
        try:
            root = ET.fromstring(svg)
        except ET.ParseError as exc:
            self.seen["malformed_svg"].append(f"case {case} {where}: {exc}")
            return
        for el in root.iter():
            name = el.tag.replace(SVG_NS, "")
            bad = name in UNSAFE_ELEMENTS or any(
                a.split("}")[-1].lower().startswith("on") for a in el.attrib
            )
            for attr, value in el.attrib.items():
                if attr.split("}")[-1] == "href" and not re.match(r"(https?:|[^:]*$)", value):
                    bad = True
            if bad:
                self.seen["malformed_svg"].append(f"case {case} {where}: unsafe <{name}>")
                return

    def api(self, g: nx.Graph, case: int) -> None:
        for name, call in (("render", self.render), ("to_dot", dl.to_dot)):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", dl.DiagramWarning)
                    out = call(g)
            except dl.DiagramError:
                self.seen["api_refused"] += 1
                continue
            except Exception as exc:  # the finding this run exists for
                self.not_diagram_error(case, "api", exc)
                continue
            if name == "render":
                self.seen["api_svg"] += 1
                self.check_svg(out, case, "render")
            else:
                self.check_dot(out, case)

    def check_dot(self, text: str, case: int) -> None:
        """Styled DOT names no file and carries no link but the nodes' checked ones."""
        for name, value in re.findall(r"\b([A-Za-z_]+)=(\"(?:\\.|[^\"\\])*\"|\S+?)[,\]]", text):
            if name in FILE_ATTRIBUTES or (name in LINKS and not SAFE_LINK.match(value)):
                self.seen["malformed_svg"].append(f"case {case} to_dot: {name}={value}")

    def render(self, g: nx.Graph) -> str:
        return dl.render(g, engine=self.pick([None, None, None, "neato", "fdp", "circo"]))

    def cli(self, g: nx.Graph, case: int) -> None:
        if self.rng.random() < 0.5:
            try:
                text = json.dumps(nx.node_link_data(g, edges="edges"), default=str)
            except (TypeError, ValueError, RecursionError):
                return
            path = self.folder / "input.json"
        else:
            text, path = self.dot_file(), self.folder / "input.dot"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        out = self.folder / "out.svg"
        out.unlink(missing_ok=True)
        err = io.StringIO()
        argv = ["render", str(path), "-o", str(out), "--timeout", str(CLI_TIMEOUT)]
        try:
            with contextlib.redirect_stderr(err), warnings.catch_warnings():
                warnings.simplefilter("ignore", dl.DiagramWarning)
                status = cli.main(argv)
        except Exception as exc:
            self.not_diagram_error(case, "cli", exc)
            return
        said = err.getvalue()
        if status == 0:
            self.seen["cli_svg"] += 1
            self.check_svg(out.read_text(encoding="utf-8"), case, "cli")
        elif status == 1 and said.count("\n") == 1 and "Traceback" not in said:
            self.seen["cli_refused"] += 1
        else:
            self.seen["not_diagram_errors"].append(f"case {case} cli: exit {status}: {said}")

    def not_diagram_error(self, case: int, where: str, exc: BaseException) -> None:
        tail = traceback.format_exception(exc)[-1].strip()
        self.seen["not_diagram_errors"].append(f"case {case} {where}: {tail[:300]}")

    def run(self, cases: int) -> dict:
        for case in range(cases):
            print(f"case {case}", file=sys.stderr, flush=True)  # the last one names a crash
            start = time.monotonic()
            g = self.graph()
            self.api(g, case)
            self.cli(g, case)
            took = time.monotonic() - start
            self.seen["slowest_case_s"] = round(max(self.seen["slowest_case_s"], took), 2)
            if took > HANG:
                self.seen["hangs"].append(f"case {case}: {took:.1f} s")
            self.seen["cases"] += 1
        for path in self.canaries:
            stat = path.stat()
            if stat.st_atime > stat.st_mtime - 1000:
                self.seen["files_read"].append(str(path))
        return self.seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        seen = Fuzz(args.seed, Path(folder)).run(args.cases)
    print(json.dumps(seen, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

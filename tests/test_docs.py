"""The docs cannot rot: their Python code blocks run, and generated pages are current."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks(path: Path) -> list[str]:
    return FENCE.findall(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [p for p in DOCS if blocks(p)], ids=lambda p: p.name)
def test_python_blocks_run(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__doc_example__"}
    for i, code in enumerate(blocks(path)):
        exec(compile(code, f"{path.name}[block {i}]", "exec"), namespace)
        for name, value in list(namespace.items()):
            # a block defining a golden test runs it too, with the real fixture logic
            if name.startswith("test_") and callable(value):
                from diagrams_lib.testing import GoldenMismatch, check_golden

                def fixture(graph, name, **options):
                    check_golden(graph, tmp_path / "golden" / f"{name}.svg", **options)

                with pytest.raises(GoldenMismatch, match="did not exist"):
                    value(fixture)
                value(fixture)
                del namespace[name]


def test_readme_quickstart_says_what_it_builds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(blocks(ROOT / "README.md")[0], "README.md", "exec"), namespace)
    g = namespace["g"]
    said = re.search(r"(\w+) hypotheses", g.graph["description"]).group(1)
    built = [key for key, group in g.nodes(data="group") if group == "Hypotheses"]
    numbers = ["zero", "one", "two", "three", "four", "five", "six"]
    assert numbers.index(said) == len(built), g.graph["description"]


def test_api_reference_is_current_and_complete():
    import diagrams_lib as dl
    from tools.gen_api_doc import render_doc

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert text == render_doc(), "docs/api.md is stale: run `python tools/gen_api_doc.py`"
    for name in dl.__all__:
        assert f"diagrams_lib.{name}" in text


def test_every_docs_link_resolves():
    for path in DOCS:
        for target in re.findall(r"\]\(([^)#]+?)(?:#[^)]*)?\)", path.read_text()):
            if target.startswith(("http://", "https://")):
                continue
            assert (path.parent / target).exists(), f"{path.name} links to missing {target}"


def test_gallery_is_current_and_complete():
    from importlib import import_module

    from diagrams_lib.gallery import build_gallery, examples
    from diagrams_lib.model import KINDS

    files = build_gallery()
    names = [
        name for k in KINDS for name, _, _ in examples(import_module(f"diagrams_lib.kinds.{k}"))
    ]
    assert sorted(files) == sorted([*(f"gallery/{name}.svg" for name in names), "gallery.md"])
    for rel, text in files.items():
        assert (ROOT / "docs" / rel).read_text(encoding="utf-8") == text, (
            f"docs/{rel} is stale: run `make gallery`"
        )


def test_the_guides_dot_picture_is_current():
    """docs/dot/orders.svg is what the library draws of docs/dot/orders.dot (the "before"
    picture beside it was drawn once by the pydot-based reader, and stays as it was)."""
    import diagrams_lib as dl

    drawn = dl.render(dl.read_dot(ROOT / "docs" / "dot" / "orders.dot"))
    assert (ROOT / "docs" / "dot" / "orders.svg").read_text(encoding="utf-8") == drawn, (
        "docs/dot/orders.svg is stale: write dl.render(dl.read_dot('docs/dot/orders.dot')) to it"
    )

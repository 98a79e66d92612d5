"""Every kind's gallery example: golden, repeatable, renders dark, one-sentence caption."""

import importlib

import pytest

import diagrams_lib as dl
from diagrams_lib.gallery import examples
from diagrams_lib.model import KINDS


def module(kind: str):
    return importlib.import_module(f"diagrams_lib.kinds.{kind}")


EXAMPLES = [(name, function) for kind in KINDS for name, _, function in examples(module(kind))]


@pytest.mark.parametrize(("name", "function"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_golden(name, function, diagram_golden):
    diagram_golden(function(), f"kind-{name}")


@pytest.mark.parametrize("kind", KINDS)
def test_more_examples_have_one_sentence_captions(kind):
    for _, caption, _ in examples(module(kind))[1:]:
        assert caption.endswith(".") and caption.count(". ") == 0


@pytest.mark.parametrize("kind", KINDS)
def test_example_is_repeatable_and_renders_dark(kind):
    example = module(kind).example
    assert dl.render(example()) == dl.render(example())
    assert 'role="img"' in dl.render(example(), theme="dark")


@pytest.mark.parametrize("kind", KINDS)
def test_caption_is_one_sentence(kind):
    caption = module(kind).CAPTION
    assert caption.endswith(".") and caption.count(". ") == 0

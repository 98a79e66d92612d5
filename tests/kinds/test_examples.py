"""Every kind's gallery example: golden, repeatable, renders dark, one-sentence caption."""

import importlib

import pytest

import diagrams_lib as dl
from diagrams_lib.model import KINDS


def module(kind: str):
    return importlib.import_module(f"diagrams_lib.kinds.{kind}")


@pytest.mark.parametrize("kind", KINDS)
def test_golden(kind, diagram_golden):
    diagram_golden(module(kind).example(), f"kind-{kind}")


@pytest.mark.parametrize("kind", KINDS)
def test_example_is_repeatable_and_renders_dark(kind):
    example = module(kind).example
    assert dl.render(example()) == dl.render(example())
    assert 'role="img"' in dl.render(example(), theme="dark")


@pytest.mark.parametrize("kind", KINDS)
def test_caption_is_one_sentence(kind):
    caption = module(kind).CAPTION
    assert caption.endswith(".") and caption.count(". ") == 0

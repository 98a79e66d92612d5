"""Each bad input gets a DiagramError of the documented type whose message names the culprit."""

from pathlib import Path

import pytest

import diagrams_lib as dl
from tests.bad_inputs import CASES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_named(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(case.error) as info:
        case.call()
    assert isinstance(info.value, dl.DiagramError)
    assert case.names in str(info.value), str(info.value)


def test_docs_table_is_current():
    from tools.gen_errors_doc import render_doc

    doc = ROOT / "docs" / "errors.md"
    assert doc.read_text(encoding="utf-8") == render_doc(), (
        "docs/errors.md is stale: run `python tools/gen_errors_doc.py`"
    )

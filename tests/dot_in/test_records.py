"""Record labels read as Graphviz's record parser reads them."""

import pytest

from diagrams_lib.dot_in.records import parse_record


@pytest.mark.parametrize(
    ("label", "fields"),
    [
        ("a|b|c", [("a", None), ("b", None), ("c", None)]),
        ("<f0> left|<f1> mid\\ dle", [("left", "f0"), ("mid dle", "f1")]),
        ("{a|{b|c}}|d", [[("a", None), [("b", None), ("c", None)]], ("d", None)]),
        ("  spaced   out  ", [("spaced out", None)]),
        ("\\{not\\|a\\} \\<port\\>", [("{not|a} <port>", None)]),
        ("<p>", [("", "p")]),
        ("x\\ly\\l", [("x\\ly\\l", None)]),
    ],
)
def test_fields_ports_and_escapes(label, fields):
    assert parse_record(label) == fields


@pytest.mark.parametrize("label", ["a|{b", "a}|b", "{a}b", "<p>x<q>y", "a>b"])
def test_labels_graphviz_refuses_give_none(label):
    assert parse_record(label) is None


def test_html_records_keep_angle_brackets_and_spaces_as_text():
    assert parse_record('{A|x  <br align="left"/>}', html=True) == [
        [("A", None), ('x  <br align="left"/>', None)]
    ]

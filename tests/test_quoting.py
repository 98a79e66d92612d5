import pytest

from diagrams_lib.errors import DiagramTypeError, ValidationError
from diagrams_lib.quoting import check_text, dot_string, fmt, slug, xml_attr, xml_text


@pytest.mark.parametrize("bad", ["\x00", "a\x07b", "\x1b[31m", "\ufffe", "x\x85"])
def test_control_characters_are_rejected_naming_the_place(bad):
    with pytest.raises(ValidationError, match=r"node 'k' label .*U\+"):
        check_text(bad, where="node 'k' label")


def test_tabs_and_crlf_are_normalised():
    assert check_text("a\tb\r\nc\rd", where="x") == "a b\nc\nd"


@pytest.mark.parametrize("bad", [None, ["a"], b"bytes", True, {"a": 1}])
def test_non_text_is_a_type_error(bad):
    with pytest.raises(DiagramTypeError, match="label must be a string"):
        check_text(bad, where="label")


def test_non_finite_numbers_are_rejected():
    with pytest.raises(ValidationError, match="finite"):
        check_text(float("nan"), where="label")


def test_dot_string_keeps_backslash_escapes_literal():
    assert dot_string("\\N") == '"\\\\N"'
    assert dot_string('"') == '"\\""'
    assert dot_string("a\nb") == '"a\\nb"'


def test_xml_escaping_covers_cdata_end_and_quotes():
    assert xml_text("]]><&") == "]]&gt;&lt;&amp;"
    assert xml_attr("\"'<") == "&quot;'&lt;"


def test_slug_and_fmt_are_stable():
    assert slug("") == "diagram"
    assert slug("Ünïcode — title") == "unicode-title"
    assert [fmt(v) for v in (0.005, 1.0, 12.345, -3.5)] == ["0.01", "1", "12.35", "-3.5"]

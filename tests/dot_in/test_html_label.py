"""HTML-like labels read as text, or as a table of cells."""

from diagrams_lib.dot_in.html_label import read_html


def test_line_breaks_entities_and_spaces():
    label = read_html("Hello  <B>big</B>\n world<BR/>&lt;tag&gt; &amp;&nbsp;co<BR ALIGN='LEFT'/>")
    assert label.text == "Hello big world\n<tag> &\xa0co"
    assert label.align == "left" and label.dropped == ["<B>"]


def test_a_table_is_rows_of_cells_with_ports_and_nested_tables():
    label = read_html(
        '<TABLE BORDER="0" CELLBORDER="1"><TR><TD PORT="p">a<BR/>b</TD><TD>'
        "<TABLE><TR><TD>x</TD></TR><TR><TD>y</TD></TR></TABLE></TD></TR>"
        '<TR><TD COLSPAN="2"><I>z</I></TD></TR></TABLE>'
    )
    first, second = label.rows
    assert (first[0].text, first[0].port) == ("a\nb", "p")
    assert [[c.text for c in row] for row in first[1].rows] == [["x"], ["y"]]
    assert [c.text for c in second] == ["z"]
    assert label.borders and label.text == "a\nb x\ny\nz"
    assert label.dropped == ["ROWSPAN/COLSPAN", "<I>"]


def test_a_table_without_borders_is_said_so():
    assert not read_html('<TABLE BORDER="0" CELLBORDER="0"><TR><TD>a</TD></TR></TABLE>').borders
    assert read_html('<TABLE BORDER="0"><TR><TD>a</TD></TR></TABLE>').borders is False
    assert read_html('<TABLE CELLBORDER="0"><TR><TD>a</TD></TR></TABLE>').borders

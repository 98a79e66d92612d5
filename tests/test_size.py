"""The public sizing rule: what dl.measure_node / dl.node_size promise to code that pins nodes."""

import diagrams_lib as dl


def test_a_box_made_from_a_measure_keeps_its_lines():
    """Pinned kinds give a node the size node_size measured; the render must then wrap
    its text exactly as measured (a width a float hair short would break a line)."""
    labels = ["iiii x Machine beta", "Design freeze", "A longer label that wraps", "x"]
    for shape, inset in (("text", 0.0), ("round", 0.0), ("rect", 0.0), ("trapezoid", 9.37)):
        for label in labels:
            for wrap in (60.0, 120.0, 10_000.0):
                free = dl.measure_node(
                    label, note="a note", shape=shape, inset=inset, max_label_width=wrap
                )
                fixed = dl.measure_node(
                    label, note="a note", shape=shape, inset=inset, width=free.width
                )
                assert fixed.label.lines == free.label.lines, (shape, label, wrap)
                assert (fixed.width, fixed.height) == (free.width, free.height)

"""Reading DOT: what a DOT file says, as the networkx graph the library draws.

One module per step, in the order a file goes through them:

* :mod:`.sources`: every kind of DOT a user holds (text, paths, bytes, pydot,
  pygraphviz, graphviz objects) as bytes, a name for messages and a title;
* :mod:`.scan`: the charset, and which strings were HTML-like;
* :mod:`.cgraph`: Graphviz's own parser, copied out as plain data;
* :mod:`.mapping`, :mod:`.nodes`, :mod:`.edges`: that data in the library's terms,
  with :mod:`.labels` (escapes, :mod:`.records`, :mod:`.html_label`), :mod:`.look`
  (colours, shapes, arrowheads) and :mod:`.values`; what is not drawn is gathered in
  :mod:`.unshown` and said once per attribute;
* :mod:`.roundtrip`: the library's own DOT read back exactly;
* :mod:`.read`: all of it, here or in the isolated worker.

The public entry points are :func:`diagrams_lib.from_dot` and :func:`diagrams_lib.read_dot`.
"""

"""Diagram kinds: small functions that turn plain Python data into networkx graphs."""

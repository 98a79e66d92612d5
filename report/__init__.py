"""The illustrated report "Inside GPT-4.5's pre-training", built with diagrams_lib.

Prose lives in ``report/sections/*.md`` with ``{{figure:NAME}}`` and
``{{ref:NAME}}`` placeholders; figure texts in ``report/figures.toml``; each
figure's graph comes from one small function in :mod:`report.figures`.
"""

# Two commands do all the set-up on a machine with only Python 3.11+ and make:
#   make report   creates .venv, installs, builds the report
#   make test     same venv, runs every test (ruff, pytest, report check)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv test lint report gallery bench regen clean

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $(STAMP)

lint: venv
	$(PY) -m ruff check .

test: venv lint
	$(PY) -m pytest -q
	$(PY) -m report --check

report: venv
	$(PY) -m report

gallery: venv
	$(PY) -m diagrams_lib.gallery

bench: venv
	$(PY) bench/run.py

regen: venv
	$(PY) -m pytest -q --force-regen || $(PY) -m pytest -q

clean:
	rm -rf $(VENV) build .pytest_cache

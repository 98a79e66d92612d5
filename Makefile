# Two commands do all the set-up on a machine with only Python 3.11+ and make:
#   make report   creates .venv, installs, builds the report
#   make test     same venv, runs every test (ruff, pytest, report check)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv test lint browser report gallery bench bench-quick bench-peers regen clean

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $(STAMP)

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Best effort: Debian's chromium for the report's browser test (tests/report/test_html.py).
# Never fails: without apt-get or root it says why, and that one test is skipped.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	  echo "browser: no apt-get here; install Chromium at /usr/bin/chromium to run the browser test"; \
	elif [ "$$(id -u)" != 0 ]; then \
	  echo "browser: not root; run 'sudo apt-get install chromium' to run the browser test"; \
	else \
	  echo "browser: installing Debian's chromium (apt-get)"; \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	    || echo "browser: apt-get could not install chromium; the browser test will be skipped"; \
	fi

test: venv lint browser
	$(PY) -m pytest -q
	$(PY) -m report --check

report: venv
	$(PY) -m report

gallery: venv
	$(PY) -m diagrams_lib.gallery -o docs --force

bench: venv
	$(PY) bench/run.py

bench-quick: venv
	$(PY) bench/run.py --quick --no-write

# Best effort: the peers the benchmark measures when they are there, never a dependency.
# OGDF (ogdf-py, whose wheel links OGDF, GPL) into this venv; ELK (elkjs, EPL/GPL) and
# dagre (MIT) from npm into build/peers. Nothing of theirs is committed.
bench-peers: venv
	-$(PY) -m pip install --quiet --disable-pip-version-check ogdf-py==0.5.1
	-mkdir -p build/peers && cd build/peers && npm install --no-audit --no-fund --silent \
	  elkjs@0.12.1 @dagrejs/dagre@3.1.3

regen: venv
	$(PY) -m pytest -q --diagrams-regen

clean:
	rm -rf $(VENV) build .pytest_cache

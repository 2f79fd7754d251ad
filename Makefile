# Two commands on a fresh machine with Python 3.11 and make: `make demo`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
STORY  := data/iraq-2021-07-26

.PHONY: demo test lint typecheck pytest lab bench clean help

help:
	@echo "make demo   create .venv, install, analyse the bundled story into build/"
	@echo "make test   install test tools; run ruff, mypy and the whole pytest suite (notebooks too)"
	@echo "make lab    open JupyterLab on notebooks/"
	@echo "make bench  run the long benchmarks in benchmarks/ (needs ../shared/data)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[notebooks]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test,bench]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/framing analyze $(STORY) --out build/tables --plot build/outlets.png
	$(BIN)/framing report $(STORY) -o build/report.html
	$(BIN)/framing handout $(STORY) -o build/handout.html
	$(BIN)/framing handout $(STORY) -o build/answer-key.html --answers
	$(BIN)/framing notebooks notebooks --out build/notebooks
	@echo "Open build/report.html; tables in build/tables/, notebooks in build/notebooks/,"
	@echo "the classroom handout in build/handout.html (answer key: build/answer-key.html)."

lint: $(VENV)/.installed-test
	$(BIN)/ruff check framing tests benchmarks
	$(BIN)/ruff format --check framing tests benchmarks

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

pytest: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n 2 -q

test: lint typecheck pytest

lab: $(VENV)/.installed
	$(BIN)/jupyter lab notebooks/

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache

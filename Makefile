# The two set-up commands of the README. Each creates .venv if needed and installs what it uses.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: site test lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

## make site: install briefgen and build the sample site into site/
site: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/briefgen build

## make test: install test dependencies, then lint, type-check and run the whole test suite
test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/ruff check builder tests scripts
	$(BIN)/ruff format --check builder tests scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The two set-up commands of the README. Each creates .venv if needed and installs what it uses.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: site test test-nlp lint golden

# Extra pytest arguments, e.g. `make test PYTEST_ARGS='-m "not browser"'` to skip the browser tests
# locally (CI runs everything).
PYTEST_ARGS ?=

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

## make site: install briefgen and build the sample site into site/
site: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/briefgen build

# The browser tests drive Debian's chromium through Playwright (never a downloaded browser).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

## make test: install test dependencies (chromium with apt if missing), then lint, type-check and run every test
test: $(BIN)/python
	command -v chromium >/dev/null || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/ruff check builder tests scripts bench
	$(BIN)/ruff format --check builder tests scripts bench
	$(BIN)/mypy
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## make test-nlp: install the optional spaCy engine (the [nlp] extra) and run the engine's tests
test-nlp: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[nlp,test]'
	$(BIN)/python -m pytest tests/unit/test_spacy_engine.py

## make golden: regenerate the fixture projects' golden output (tests/golden/) after an intended change
golden: $(BIN)/python
	BRIEFGEN_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/e2e/test_golden.py -q

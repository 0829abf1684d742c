# The two commands of the README. Both build their own virtual environment.
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin

$(BIN)/pip:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

.PHONY: demo test lint
demo: $(BIN)/pip
	$(BIN)/pip install -q .
	$(BIN)/clauses analyze agreements/ --format json -o reports/analysis.json
	$(BIN)/clauses brief agreements/ -o reports/brief.pdf

test: $(BIN)/pip
	$(BIN)/pip install -q ".[test]"
	$(BIN)/ruff check clauses tests bench tools fuzz
	$(BIN)/pytest -q

lint: $(BIN)/pip
	$(BIN)/ruff check clauses tests bench tools fuzz
	$(BIN)/ruff format --check clauses tests bench tools fuzz

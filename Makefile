# Marsad: the two commands a new user needs are `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
# Extras to install: `dev` runs everything but the neural-training tests; CI adds `train`
# (torch, CPU build), e.g. `make test EXTRAS=dev,train`.
EXTRAS ?= dev
comma := ,
STAMP := $(VENV)/.installed-$(subst $(comma),-,$(EXTRAS))

.PHONY: setup demo test gate lint bench

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

## Set up, then analyse the example article the project wrote.
demo: setup
	$(BIN)/marsad analyze --published 2016-03-10 examples/britain_libya.txt

## Set up, then run the whole test suite (pytest's "no tests" exit 5 counts as a failure).
test: setup
	$(BIN)/pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests ran"; exit 1; fi; exit $$rc

## Accuracy gate: dev-split scores against the minimums in eval/baselines.
gate: setup
	$(BIN)/python eval/gate.py

## Style and types: ruff over everything, mypy over the package.
lint: setup
	$(BIN)/ruff check src tests bench eval scripts
	$(BIN)/mypy src

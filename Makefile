# Set up a virtual environment from the pinned requirements (reused when up to date), then run invoke.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: build test test-quick system-deps serve clean

build: $(VENV)/.build-installed
	$(BIN)/invoke build

test: system-deps $(VENV)/.dev-installed
	$(BIN)/invoke test

# The tests without the browser checks (no Chromium, fonts or Java needed).
test-quick: $(VENV)/.dev-installed
	$(BIN)/invoke test --quick

# Chromium, fonts and Java for the browser tests (Debian packages; installed only when missing).
system-deps:
	./scripts/system-deps.sh

serve: $(VENV)/.build-installed
	$(BIN)/invoke serve

clean: $(VENV)/.build-installed
	$(BIN)/invoke clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3

$(VENV)/.build-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt $(VENV)/.build-installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

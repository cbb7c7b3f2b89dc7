# CodeCall for Jupyter. Two commands on a fresh machine: `make lab` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# jlpm and jupyter from the venv, also for the build hooks pip runs.
export PATH := $(abspath $(VENV)/bin):$(PATH)
JLPM := $(BIN)/jlpm
LAB_PORT ?= 8888
LAB_IP ?= 127.0.0.1
# The folder JupyterLab serves (your files, and the sessions' folders).
LAB_ROOT ?= $(HOME)/codecall
# As root, Jupyter refuses to start without --allow-root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
TS_SOURCES := $(shell find labextension -type f 2>/dev/null) package.json tsconfig.json
LABEXT := codecall_jupyter/labextension/package.json
PYTEST_ARGS ?=

.PHONY: lab test lint typecheck pytest system-deps test-deps build openapi clean doctor bench

## make lab: set up and start JupyterLab with CodeCall on the embedded SQLite.
lab: $(VENV)/.installed
	@echo ""
	@echo "  CodeCall for Jupyter is starting on http://$(LAB_IP):$(LAB_PORT)/lab"
	@echo "  - You are the owner: open the URL with the token that Jupyter prints below."
	@echo "  - Friends register with an invite link: create one in the CodeCall sidebar,"
	@echo "    or run: $(BIN)/jupyter codecall invite create"
	@echo "  - To let others on your network reach it: make lab LAB_IP=0.0.0.0"
	@echo "  - Files are served from $(LAB_ROOT) (make lab LAB_ROOT=/some/folder)"
	@echo ""
	mkdir -p "$(LAB_ROOT)"
	cd "$(LAB_ROOT)" && $(abspath $(BIN))/jupyter lab --no-browser --ip=$(LAB_IP) --port=$(LAB_PORT) $(ROOT_FLAG)

## make test: install what the tests need, lint and type-check, run the whole suite.
test: system-deps $(VENV)/.test-installed lint typecheck pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Build tools first: jlpm comes with jupyterlab, and the editable install builds without isolation.
$(VENV)/.build-tools: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install -q "hatchling>=1.21" "hatch-jupyter-builder>=0.5" "hatch-nodejs-version>=0.3.2" editables "jupyterlab>=4.2,<5"
	touch $@

node_modules/.installed: $(VENV)/.build-tools package.json yarn.lock .yarnrc.yml
	$(JLPM) install
	touch $@

$(LABEXT): node_modules/.installed $(TS_SOURCES)
	$(JLPM) build
	touch $@

build: $(LABEXT)

$(VENV)/.installed: $(VENV)/.build-tools $(LABEXT) pyproject.toml
	rm -rf $(VENV)/share/jupyter/labextensions/codecall-jupyter
	$(BIN)/pip install -q --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install -q --no-build-isolation -e ".[test]"
	touch $@

# Debian packages the tests drive for real; installed only when missing and running as root.
system-deps:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v bwrap >/dev/null || missing="$$missing bubblewrap"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing (run as root, or: sudo apt-get install$$missing)"; exit 1; \
	  fi; \
	fi

lint: $(VENV)/.test-installed
	$(BIN)/ruff check codecall_jupyter tests
	$(BIN)/ruff format --check codecall_jupyter tests
	$(JLPM) lint:check
	$(BIN)/python -m codecall_jupyter.openapi --check || (echo "codecall_jupyter/openapi.json is stale: run make openapi"; exit 1)

typecheck: $(VENV)/.test-installed
	$(JLPM) build:lib
	$(BIN)/mypy

pytest: $(VENV)/.test-installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

openapi: $(VENV)/.installed
	$(BIN)/python -m codecall_jupyter.openapi

doctor: $(VENV)/.installed
	$(BIN)/jupyter codecall doctor

clean:
	rm -rf $(VENV) node_modules lib codecall_jupyter/labextension tsconfig.tsbuildinfo

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

.PHONY: sandbox-deps lab test lint typecheck pytest system-deps test-deps build openapi clean doctor bench soak

## make lab: set up and start JupyterLab with CodeCall on the embedded SQLite.
lab: sandbox-deps $(VENV)/.installed $(VENV)/.runner-env
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
test: system-deps core-languages $(VENV)/.test-installed $(VENV)/.runner-env lint typecheck pytest

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

# Minified, as the wheel ships it (`jlpm build` makes the larger development bundle).
$(LABEXT): node_modules/.installed $(TS_SOURCES)
	$(JLPM) build:prod
	touch $@

build: $(LABEXT)

$(VENV)/.installed: $(VENV)/.build-tools $(LABEXT) pyproject.toml
	rm -rf $(VENV)/share/jupyter/labextensions/codecall-jupyter
	$(BIN)/pip install -q --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install -q --no-build-isolation -e ".[test]"
	touch $@

# The kernels' Python (as root: /var/lib/codecall/kernel-env, readable by the runner
# user) and a probe that a sandboxed kernel starts.
$(VENV)/.runner-env: $(VENV)/.installed
	$(BIN)/jupyter codecall runner setup
	touch $@

# --- Runner toolchains (rows of codecall_jupyter/runner/polyglot/languages.py) -------------
# Installed system-wide under /usr, readable by the sandbox's runner user: Debian's Go and
# Rust (root's ~/.cargo is not readable in the sandbox), TypeScript from npm into
# /usr/lib/node_modules (the TypeScript row compiles with --typeRoots /usr/lib/node_modules/@types).
# Each target installs only what is missing, and only as root.
CORE_LANGUAGE_PACKAGES := golang-go rustc sqlite3
EXTRA_LANGUAGE_PACKAGES := ruby php-cli lua5.4 ghc ocaml-nox r-base-core mono-mcs gfortran \
  elixir gnucobol3 fpc gdc guile-3.0 nim sbcl swi-prolog-nox kotlin scala
NPM_TYPESCRIPT := typescript@7 @types/node@20

.PHONY: core-languages languages

## make core-languages: the toolchains `make test` drives (Go, Rust, SQLite, Node, TypeScript).
core-languages:
	@missing=""; \
	for p in $(CORE_LANGUAGE_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	ts=""; \
	[ -e /usr/lib/node_modules/typescript/package.json ] && [ -e /usr/lib/node_modules/@types/node/package.json ] || ts=1; \
	if [ -z "$$missing$$ts" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "Missing runner toolchains:$$missing $${ts:+TypeScript} (run: sudo make core-languages)"; exit 1; \
	fi; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi; \
	if [ -n "$$ts" ]; then \
	  echo "Installing $(NPM_TYPESCRIPT) into /usr/lib/node_modules"; \
	  umask 022 && npm install -g --prefix /usr --no-fund --no-audit --loglevel=error $(NPM_TYPESCRIPT); \
	fi

## make languages: every extra language of the runner (Debian 12 packages, over 1 GB; GHC alone is 0.8 GB).
languages: core-languages
	@missing=""; \
	for p in $(EXTRA_LANGUAGE_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "Missing Debian packages:$$missing (run: sudo make languages)"; exit 1; \
	fi; \
	echo "Installing Debian packages:$$missing"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null

# bubblewrap for the runner's sandbox: `make lab` needs it too.
sandbox-deps:
	@if ! command -v bwrap >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's bubblewrap"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null; \
	  else \
	    echo "bubblewrap is missing: code runs only with it (sudo apt-get install bubblewrap)"; \
	  fi; \
	fi

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
	$(BIN)/ruff check codecall_jupyter tests bench
	$(BIN)/ruff format --check codecall_jupyter tests bench
	$(JLPM) lint:check
	$(BIN)/python -m codecall_jupyter.openapi --check || (echo "codecall_jupyter/openapi.json is stale: run make openapi"; exit 1)

typecheck: $(VENV)/.test-installed
	$(JLPM) build:lib
	$(BIN)/mypy

pytest: $(VENV)/.test-installed tests/hub/node_modules/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## make soak: the load test at issue 9's size (100 sessions of 2 clients for 2 minutes); `make test` runs it small.
soak: system-deps $(VENV)/.test-installed $(VENV)/.runner-env
	CODECALL_LOAD_SESSIONS=100 CODECALL_LOAD_SECONDS=120 CODECALL_LOAD_WORKERS=2 \
	  $(BIN)/python -m pytest tests/test_load.py -s -q $(PYTEST_ARGS)

# JupyterHub's proxy for tests/test_jupyterhub.py, from the npm registry (the lock pins it).
tests/hub/node_modules/.installed: tests/hub/package.json tests/hub/package-lock.json
	cd tests/hub && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

openapi: $(VENV)/.installed
	$(BIN)/python -m codecall_jupyter.openapi

## make bench: the benchmark suite, figures in bench/results/.
bench: system-deps sandbox-deps core-languages $(VENV)/.test-installed $(VENV)/.runner-env bench/node/node_modules
	$(BIN)/python bench/bench_runner.py
	$(BIN)/python bench/bench_edits.py
	$(BIN)/python bench/bench_replay.py
	$(BIN)/python bench/bench_relay.py
	$(BIN)/python bench/bench_memory.py
	$(BIN)/python bench/bench_join.py
	$(BIN)/python bench/bench_page.py
	$(BIN)/python bench/report.py

# The Node Yjs servers the edit benchmark compares against, from the npm registry.
bench/node/node_modules: bench/node/package.json
	cd bench/node && npm install --no-audit --no-fund --ignore-scripts
	touch $@

doctor: $(VENV)/.installed
	$(BIN)/jupyter codecall doctor

clean:
	rm -rf $(VENV) node_modules bench/node/node_modules tests/hub/node_modules lib codecall_jupyter/labextension tsconfig.tsbuildinfo
